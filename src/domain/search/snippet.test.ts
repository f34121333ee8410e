import { describe, expect, it } from 'vitest';
import { parseQuery } from './query.js';
import { ELLIPSIS, snippet } from './snippet.js';

const terms = (query: string) => parseQuery(query).terms;
const render = (segments: readonly { text: string; hit: boolean }[]) =>
  segments.map((s) => (s.hit ? `[${s.text}]` : s.text)).join('');

describe('snippet', () => {
  it('highlights "pelayanan" for the query "layanan" (matching by stem), and words as written', () => {
    const text = 'Inovasi ini mempercepat Pelayanan akta kelahiran bagi warga.';
    expect(snippet(text, terms('layanan'))).toEqual([
      { text: 'Inovasi ini mempercepat ', hit: false },
      { text: 'Pelayanan', hit: true },
      { text: ' akta kelahiran bagi warga.', hit: false },
    ]);
  });

  it('highlights an abbreviation for its name and the name for its abbreviation', () => {
    expect(render(snippet('Pasien RSUD Tangerang mendaftar daring.', terms('rumah sakit')))).toBe(
      'Pasien [RSUD] Tangerang mendaftar daring.',
    );
    expect(render(snippet('Antrean di Rumah Sakit Umum Daerah kota.', terms('RSUD')))).toBe(
      'Antrean di [Rumah Sakit Umum Daerah] kota.',
    );
    expect(render(snippet('Petugas Disdukcapil Kab. Tangerang datang.', terms('kabupaten tangerang')))).toBe(
      'Petugas Disdukcapil [Kab]. [Tangerang] datang.',
    );
  });

  it('picks the window with the most query terms, with ellipses where the text is cut', () => {
    const filler = 'kegiatan rutin kantor berjalan seperti biasa setiap hari kerja. ';
    const text = `${filler.repeat(10)}Warga desa kini mengurus dokumen kependudukan di balai desa. ${filler.repeat(10)}`;
    const segments = snippet(text, terms('kependudukan desa'), 12);
    expect(render(segments)).toBe(
      `${ELLIPSIS} setiap hari kerja. Warga [desa] kini mengurus dokumen [kependudukan] di balai [desa]. kegiatan ${ELLIPSIS}`,
    );
  });

  it('gives the first words, nothing highlighted, when no term is in the text; nothing for an empty text', () => {
    const segments = snippet('Satu dua tiga empat lima enam', terms('desa'), 3);
    expect(segments).toEqual([{ text: `Satu dua tiga ${ELLIPSIS}`, hit: false }]);
    expect(snippet('', terms('desa'))).toEqual([]);
    expect(snippet('😀 !!!', terms('desa'))).toEqual([]);
  });

  it('collapses line breaks and keeps markup as plain text (the UI never renders it as HTML)', () => {
    expect(snippet('Layanan\n\n<b>desa</b>', terms('desa'))).toEqual([
      { text: 'Layanan <b>', hit: false },
      { text: 'desa', hit: true },
      { text: '</b>', hit: false },
    ]);
  });

  it('cuts a snippet from 100 KB of text in bounded time', () => {
    const text = 'Pelayanan kependudukan desa di Kab. Tangerang. '.repeat(2_200);
    expect(text.length).toBeGreaterThan(100_000);
    const started = performance.now();
    const segments = snippet(text, terms('pelayanan kependudukan desa'));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(segments.filter((s) => s.hit).length).toBeGreaterThan(0);
  });
});
