import { describe, expect, it } from 'vitest';
import {
  countWords,
  isCalendarDate,
  missingItems,
  proposalCode,
  rejectedItems,
  submissionRefusal,
  type ProposalContent,
} from './proposal-rules.js';

const complete: ProposalContent = {
  title: 'Layanan Jemput Bola Adminduk',
  acronym: 'JEBOL',
  categoryId: 3,
  implementationStart: '2023-01-15',
  innovatorKind: 'team',
  innovatorNames: 'Tim Disdukcapil',
  contactName: 'Sari',
  contactPhone: '0812345678',
  contactEmail: 'sari@uji.go.id',
  declarationAccepted: true,
};
const sections = [
  { key: 'ringkasan', labelId: 'Ringkasan', labelEn: 'Summary', wordLimit: 5, required: true },
  { key: 'kebaruan', labelId: 'Kebaruan', labelEn: 'Novelty', wordLimit: null, required: true },
  { key: 'opsional', labelId: 'Opsional', labelEn: 'Optional', wordLimit: 3, required: false },
];

describe('countWords', () => {
  it('counts whitespace-separated words and ignores punctuation-only tokens', () => {
    expect(countWords('Pelayanan  publik\tyang\nprima.')).toBe(4);
    expect(countWords('Inovasi - cepat — tepat ... • murah')).toBe(4);
    expect(countWords('anak-anak e-KTP 2.500 warga')).toBe(4);
    expect(countWords('“Kami melayani,” katanya.')).toBe(3);
    expect(countWords('émigré naïve café 日本語 テキスト')).toBe(5);
    expect(countWords('satu\u00a0dua\u2003tiga  ...empat!! (lima)')).toBe(5);
    // The same text twice in a row: nothing is carried over from one count to the next.
    expect(countWords('dua kata')).toBe(2);
    expect(countWords('dua kata')).toBe(2);
  });
  it('is zero for empty, blank and null text', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('   \n ')).toBe(0);
    expect(countWords(null)).toBe(0);
    expect(countWords('— ... !!!')).toBe(0);
  });
});

describe('proposalCode', () => {
  it('pads the sequence to five digits', () => {
    expect(proposalCode('KIPP', 2026, 42)).toBe('KIPP-2026-00042');
    expect(proposalCode('KIPP-KALTIM', 2027, 1)).toBe('KIPP-KALTIM-2027-00001');
    expect(proposalCode('KIPP', 2026, 123456)).toBe('KIPP-2026-123456');
  });
});

describe('isCalendarDate', () => {
  it('accepts real dates only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2023-1-5')).toBe(false);
  });
});

describe('missingItems', () => {
  const answers = new Map([
    ['ringkasan', 'Satu dua tiga.'],
    ['kebaruan', 'Baru sekali.'],
  ]);
  it('is empty for a complete proposal', () => {
    expect(missingItems(complete, sections, answers)).toEqual([]);
  });
  it('lists identity fields, empty and over-long sections by name, and the declaration, in form order', () => {
    const items = missingItems(
      { ...complete, acronym: ' ', categoryId: null, contactEmail: 'sari@', declarationAccepted: false },
      sections,
      new Map([
        ['ringkasan', 'satu dua tiga empat lima enam'],
        ['opsional', 'a b c d'],
      ]),
    );
    expect(items.map((i) => [i.code, i.field])).toEqual([
      ['field_required', 'acronym'],
      ['field_required', 'categoryId'],
      ['field_invalid', 'contactEmail'],
      ['section_over_limit', 'sections.ringkasan'],
      ['section_empty', 'sections.kebaruan'],
      ['section_over_limit', 'sections.opsional'],
      ['declaration_required', 'declarationAccepted'],
    ]);
    expect(items[3].message).toEqual({
      id: 'Bagian "Ringkasan" berisi 6 kata; maksimal 5 kata.',
      en: 'Section "Summary" has 6 words; at most 5.',
    });
    expect(items[4]).toMatchObject({
      sectionKey: 'kebaruan',
      message: { id: 'Bagian "Kebaruan" belum diisi.', en: 'Section "Novelty" is empty.' },
    });
  });
  it('checks the contact phone by the one phone rule of every form (typed as people write it)', () => {
    for (const phone of ['0812 7777 0001', '+62 812-7777-0001', '(021) 3456 7890'])
      expect(missingItems({ ...complete, contactPhone: phone }, sections, answers)).toEqual([]);
    const items = missingItems({ ...complete, contactPhone: '0812-abc' }, sections, answers);
    expect(items).toEqual([
      {
        code: 'field_invalid',
        field: 'contactPhone',
        sectionKey: null,
        message: {
          id: 'Telepon narahubung tidak valid: tulis nomor Indonesia, mis. 0812 3456 7890.',
          en: 'Contact phone is not valid: write an Indonesian number, e.g. 0812 3456 7890.',
        },
      },
    ]);
  });
  it('takes the word counts it is given (stored with the answers) instead of counting the text', () => {
    const items = missingItems(
      complete,
      sections,
      answers,
      new Map([
        ['ringkasan', 7],
        ['kebaruan', 0],
      ]),
    );
    expect(items.map((i) => [i.code, i.field])).toEqual([
      ['section_over_limit', 'sections.ringkasan'],
      ['section_empty', 'sections.kebaruan'],
    ]);
    expect(items[0].message.id).toBe('Bagian "Ringkasan" berisi 7 kata; maksimal 5 kata.');
    // A section the counts do not name is counted from its text.
    expect(missingItems(complete, sections, answers, new Map([['ringkasan', 2]]))).toEqual([]);
  });
  it('treats a punctuation-only answer as empty', () => {
    const items = missingItems(complete, sections, new Map([...answers, ['kebaruan', '- ... -']]));
    expect(items.map((i) => i.code)).toEqual(['section_empty']);
  });
});

describe('submissionRefusal', () => {
  const c = {
    status: 'published',
    opensAt: '2026-03-14T17:00:00.000Z',
    closesAt: '2026-05-02T16:59:00.000Z',
    timeZone: 'Asia/Jakarta',
  };
  it('allows while the window is open', () => {
    expect(submissionRefusal(c, new Date('2026-04-01T00:00:00Z'), true)).toBeNull();
  });
  it('refuses after closing with the closing time, hour and zone in both languages', () => {
    const e = submissionRefusal(c, new Date('2026-05-02T16:59:00.000Z'), false);
    expect(e).toMatchObject({ status: 409, code: 'submission_closed' });
    expect(e!.text.id).toBe('Pengajuan proposal telah ditutup pada 2 Mei 2026 23.59 WIB.');
    expect(e!.text.en).toBe('Proposal submission closed on 2 May 2026 23:59 WIB.');
  });
  it('refuses a new proposal before opening or in an unpublished competition', () => {
    expect(submissionRefusal(c, new Date('2026-03-01T00:00:00Z'), true)).toMatchObject({
      code: 'submission_not_open',
    });
    expect(submissionRefusal(c, new Date('2026-03-01T00:00:00Z'), false)).toBeNull();
    expect(
      submissionRefusal({ ...c, status: 'draft' }, new Date('2026-04-01T00:00:00Z'), true),
    ).toMatchObject({ code: 'submission_closed' });
  });
});

describe('rejectedItems', () => {
  const why = {
    id: 'Tautan harus diawali http:// atau https://.',
    en: 'A link starts with http:// or https://.',
  };
  it.each([
    ['title', {}, 'Judul inovasi belum tersimpan: ', 'Title of the innovation is not saved: '],
    ['categoryKey', {}, 'Kategori belum tersimpan: ', 'Category is not saved: '],
    ['sourceAwardId', {}, 'Inovasi sumber belum tersimpan: ', 'Source innovation is not saved: '],
    [
      'links.0',
      { value: { label: 'Standar pelayanan', url: 'x' } },
      'Tautan "Standar pelayanan" belum tersimpan: ',
      'Link "Standar pelayanan" is not saved: ',
    ],
    ['links.1', { value: null }, 'Tautan belum tersimpan: ', 'A link is not saved: '],
    ['sections.kebaruan', {}, 'Bagian "Kebaruan" belum tersimpan: ', 'Section "Novelty" is not saved: '],
    ['sections.lain', {}, 'Isian belum tersimpan: ', 'A field is not saved: '],
  ])('names %s in both languages', (field, extra, id, en) => {
    const [item] = rejectedItems({ [field]: { code: 'invalid_format', message: why, ...extra } }, sections);
    expect(item).toEqual({
      code: 'field_rejected',
      field,
      sectionKey: field.startsWith('sections.') ? field.slice('sections.'.length) : null,
      message: { id: id + why.id, en: en + why.en },
    });
  });
  it('lists nothing when nothing was refused', () => {
    expect(rejectedItems({}, sections)).toEqual([]);
  });
});
