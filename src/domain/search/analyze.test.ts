import { describe, expect, it } from 'vitest';
import { ABBREVIATIONS, ALIASES } from './abbreviations.js';
import { analyze, termFrequencies, units } from './analyze.js';
import { parseQuery } from './query.js';
import { MAX_WORD_LENGTH, tokenize } from './tokenize.js';

/** Whether a stored text has every term of a query (what a search requires of the best match). */
const shareAll = (query: string, text: string) => {
  const stored = new Set(analyze(text));
  return parseQuery(query).terms.every((t) => stored.has(t));
};

describe('normalizing and splitting words', () => {
  it('lower-cases, drops diacritics and punctuation, reads full-width letters, keeps offsets of the original', () => {
    const text = 'Pelayánan “RSUD”, ＫＴＰ!';
    expect(tokenize(text).map((w) => [w.word, text.slice(w.start, w.end)])).toEqual([
      ['pelayanan', 'Pelayánan'],
      ['rsud', 'RSUD'],
      ['ktp', 'ＫＴＰ'],
    ]);
  });

  it('reads reduplication as one word, a hyphenated abbreviation whole, other hyphenated words as parts', () => {
    expect(analyze("anak-anak sosial-ekonomi Jum'at")).toEqual(['anak', 'sosial', 'ekonom', 'jumat']);
    expect(analyze('e-KTP')[0]).toBe('ektp');
  });

  it('drops the stop words', () => {
    expect(analyze('Inovasi yang dibuat untuk warga di desa dan dari kota')).toEqual([
      'inovasi',
      'buat',
      'warga',
      'desa',
      'kota',
    ]);
  });
});

describe('Indonesian stemming in the analysis', () => {
  it('"pelayanan", "layanan" and "melayani" give one term', () => {
    expect(analyze('Pelayanan layanan melayani')).toEqual(['layan', 'layan', 'layan']);
  });

  it('"kependudukan" and "penduduk" meet', () => {
    expect(analyze('data kependudukan')).toEqual(['data', 'duduk']);
    expect(shareAll('penduduk', 'Pelayanan administrasi kependudukan keliling')).toBe(true);
  });

  it('counts term frequencies over the stemmed words', () => {
    expect([...termFrequencies('Pelayanan prima, layanan cepat, melayani warga')]).toEqual([
      ['layan', 3],
      ['prima', 1],
      ['cepat', 1],
      ['warga', 1],
    ]);
  });
});

describe('abbreviations, both ways', () => {
  it('"Kab. Tangerang" = "Kabupaten Tangerang" = "kab tangerang"', () => {
    expect(analyze('Kab. Tangerang')).toEqual(['kabupaten', 'tangerang']);
    expect(analyze('Kabupaten Tangerang')).toEqual(['kabupaten', 'tangerang']);
    expect(analyze('kab tangerang')).toEqual(['kabupaten', 'tangerang']);
    expect(analyze('Kec. Cisoka, Kel. Sukamulya, Ds. Jeungjing')).toEqual([
      'camat',
      'cisoka',
      'lurah',
      'sukamulya',
      'desa',
      'jeungjing',
    ]);
  });

  it('"Pemkab Tangerang" and "Pemerintah Kabupaten Tangerang" share all their terms', () => {
    expect(new Set(analyze('Pemkab Tangerang'))).toEqual(new Set(analyze('Pemerintah Kabupaten Tangerang')));
    expect(new Set(analyze('Pemerintah Kab. Tangerang'))).toEqual(new Set(analyze('Pemkab Tangerang')));
  });

  it('"Disdukcapil" finds "Dinas Kependudukan dan Pencatatan Sipil", and the reverse', () => {
    const full = 'Inovasi Dinas Kependudukan dan Pencatatan Sipil Kota Surabaya';
    expect(shareAll('Disdukcapil', full)).toBe(true);
    expect(shareAll('dinas kependudukan dan pencatatan sipil', 'Disdukcapil Kota Surabaya')).toBe(true);
    expect(analyze('Disdukcapil')).toEqual(['disdukcapil', 'dinas', 'duduk', 'dukcapil', 'catat', 'sipil']);
  });

  it('"RSUD" finds "rumah sakit umum daerah", and the reverse; a different hospital word does not', () => {
    expect(shareAll('RSUD', 'Antrean daring Rumah Sakit Umum Daerah Tangerang')).toBe(true);
    expect(shareAll('rumah sakit umum daerah', 'Antrean daring RSUD Tangerang')).toBe(true);
    expect(shareAll('RSUD', 'Rumah sakit swasta')).toBe(false);
    // The name must be whole and in order: "rumah" and "daerah" far apart are not an RSUD.
    expect(analyze('rumah di daerah sakit')).not.toContain('rsud');
  });

  it('reads the abbreviations people type (Puskesmas, Dinkes, Disdik, Bappeda, PTSP, Samsat, BPJS, KK, e-KTP)', () => {
    expect(shareAll('Puskesmas', 'Pusat Kesehatan Masyarakat Cikupa')).toBe(true);
    expect(shareAll('dinas kesehatan', 'Dinkes Kabupaten Tangerang')).toBe(true);
    expect(shareAll('Disdik', 'Dinas Pendidikan Kota Bandung')).toBe(true);
    expect(shareAll('Bappeda', 'Badan Perencanaan Pembangunan Daerah')).toBe(true);
    expect(shareAll('PTSP', 'Mal pelayanan terpadu satu pintu')).toBe(true);
    // DPMPTSP's name holds PTSP's: a query "PTSP" finds it.
    expect(shareAll('PTSP', 'DPMPTSP Provinsi Jawa Timur')).toBe(true);
    expect(shareAll('Samsat', 'Sistem Administrasi Manunggal Satu Atap keliling')).toBe(true);
    expect(shareAll('BPJS', 'Badan Penyelenggara Jaminan Sosial Kesehatan')).toBe(true);
    expect(shareAll('KK', 'Cetak kartu keluarga mandiri')).toBe(true);
    expect(shareAll('e-KTP', 'KTP elektronik')).toBe(true);
    expect(shareAll('kartu tanda penduduk', 'Perekaman e-KTP di sekolah')).toBe(true);
  });

  it('keeps its tables in normalized form (lower case, letters only) and every name analyzes', () => {
    for (const key of [...Object.keys(ABBREVIATIONS), ...Object.keys(ALIASES)])
      expect(key).toMatch(/^[a-z]+$/);
    for (const key of Object.keys(ABBREVIATIONS)) expect(analyze(key).length).toBeGreaterThan(2);
  });
});

describe('any string', () => {
  const strange = [
    '',
    '   \n\t ',
    '😀🎉👩‍👩‍👧',
    'مرحبا بالعالم',
    '\u0000\u0007\uFFFF\uD800',
    '-'.repeat(1000),
    "'''---'''",
    'a'.repeat(10_000),
    '__proto__ constructor toString',
  ];

  it.each(strange.map((s) => [JSON.stringify(s).slice(0, 40), s]))(
    'analyzes %s without throwing',
    (_, text) => {
      expect(Array.isArray(analyze(text))).toBe(true);
    },
  );

  it('gives no terms for an empty or punctuation-only text, and keeps other scripts as words', () => {
    expect(analyze('')).toEqual([]);
    expect(analyze('... !!! ---')).toEqual([]);
    expect(analyze('مرحبا بالعالم')).toEqual(['مرحبا', 'بالعالم']);
    expect(analyze('😀 desa 🎉')).toEqual(['desa']);
    expect(analyze('a'.repeat(10_000))).toEqual(['a'.repeat(MAX_WORD_LENGTH)]);
  });

  it('analyzes 100 KB of text in bounded time', () => {
    const sentence =
      'Pelayanan kependudukan di Kab. Tangerang melalui RSUD dan Disdukcapil, e-KTP selesai 1 hari. ';
    const text = sentence.repeat(Math.ceil(100_000 / sentence.length));
    expect(text.length).toBeGreaterThanOrEqual(100_000);
    const started = performance.now();
    const terms = analyze(text);
    const list = units(text);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(list.length).toBe(Math.ceil(100_000 / sentence.length) * 11);
    expect(terms.filter((t) => t === 'rsud').length).toBe(Math.ceil(100_000 / sentence.length));
  });
});
