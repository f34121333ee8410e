import { describe, expect, it } from 'vitest';
import { compareSnapshots, wordDiff } from './proposal-diff.js';

const base = {
  title: 'Layanan Antar Jemput Akta',
  acronym: 'LAJA',
  categoryKey: 'tata-kelola',
  declarationAccepted: false,
  links: [{ label: 'Video', url: 'https://example.go.id/v' }],
  answers: { ringkasan: 'Warga datang ke kantor.\nAntre lama.', masalah: 'Sama saja' },
  attachments: [{ kind: 'evidence', sectionKey: null, name: 'sk.pdf', size: 10, sha256: 'aa' }],
};

describe('wordDiff', () => {
  it('marks the removed and the added words and keeps the rest, spaces and line breaks included', () => {
    expect(
      wordDiff('Warga datang ke kantor.\nAntre lama.', 'Warga tidak datang ke kantor.\nAntre singkat.'),
    ).toEqual([
      { op: 'same', text: 'Warga ' },
      { op: 'ins', text: 'tidak ' },
      { op: 'same', text: 'datang ke kantor.\nAntre ' },
      { op: 'del', text: 'lama' },
      { op: 'ins', text: 'singkat' },
      { op: 'same', text: '.' },
    ]);
  });
  it('reads back both versions exactly: the kept and removed runs give the older, kept and added the newer', () => {
    const a = 'Satu dua  tiga\n\nempat lima';
    const b = 'Satu tiga\nempat enam lima tujuh';
    const parts = wordDiff(a, b);
    expect(
      parts
        .filter((p) => p.op !== 'ins')
        .map((p) => p.text)
        .join(''),
    ).toBe(a);
    expect(
      parts
        .filter((p) => p.op !== 'del')
        .map((p) => p.text)
        .join(''),
    ).toBe(b);
  });
  it('an unchanged text is one kept run; two empty texts give none', () => {
    expect(wordDiff('sama', 'sama')).toEqual([{ op: 'same', text: 'sama' }]);
    expect(wordDiff('', '')).toEqual([]);
    expect(wordDiff('', 'baru')).toEqual([{ op: 'ins', text: 'baru' }]);
    expect(wordDiff('lama', '')).toEqual([{ op: 'del', text: 'lama' }]);
  });
  it('a text too different to search word by word is shown replaced as a whole (bounded work)', () => {
    const a = Array.from({ length: 6000 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: 6000 }, (_, i) => `b${i}`).join(' ');
    expect(wordDiff(a, b)).toEqual([
      { op: 'del', text: a },
      { op: 'ins', text: b },
    ]);
  });
});

describe('compareSnapshots', () => {
  it('the same version twice: nothing changed', () => {
    const d = compareSnapshots(base, structuredClone(base), ['ringkasan', 'masalah']);
    expect(d.changedCount).toBe(0);
    expect(d.fields.every((f) => !f.changed)).toBe(true);
    expect(d.answers.map((s) => [s.key, s.changed])).toEqual([
      ['ringkasan', false],
      ['masalah', false],
    ]);
    expect(d.evidence).toEqual({ added: [], removed: [], kept: base.attachments });
  });

  it('per field and per section: word diff for prose, whole values for codes, sections in form order', () => {
    const to = {
      ...base,
      title: 'Layanan Antar Jemput Akta Kelahiran',
      categoryKey: 'pelayanan-publik',
      declarationAccepted: true,
      answers: { ringkasan: 'Warga datang ke kantor.\nAntre lama.', masalah: 'Kini berbeda', baru: 'Isi' },
    };
    const d = compareSnapshots(base, to, ['masalah', 'ringkasan']);
    const f = Object.fromEntries(d.fields.map((x) => [x.key, x]));
    expect(f.title!.parts).toEqual([
      { op: 'same', text: 'Layanan Antar Jemput Akta' },
      { op: 'ins', text: ' Kelahiran' },
    ]);
    expect(f.categoryKey!.parts).toEqual([
      { op: 'del', text: 'tata-kelola' },
      { op: 'ins', text: 'pelayanan-publik' },
    ]);
    expect(f.declarationAccepted!.parts).toEqual([
      { op: 'del', text: 'false' },
      { op: 'ins', text: 'true' },
    ]);
    expect(f.acronym!.changed).toBe(false);
    expect(d.answers.map((s) => [s.key, s.changed])).toEqual([
      ['masalah', true],
      ['ringkasan', false],
      ['baru', true],
    ]);
    expect(d.answers[0]!.parts).toEqual([
      { op: 'del', text: 'Sama' },
      { op: 'ins', text: 'Kini' },
      { op: 'same', text: ' ' },
      { op: 'del', text: 'saja' },
      { op: 'ins', text: 'berbeda' },
    ]);
    expect(d.changedCount).toBe(3 + 2);
  });

  it('evidence: files added and removed are listed; the same file again is kept', () => {
    const to = {
      ...base,
      attachments: [{ kind: 'evidence', sectionKey: 'masalah', name: 'foto.jpg', size: 5, sha256: 'bb' }],
    };
    const d = compareSnapshots(base, to);
    expect(d.evidence.added.map((e) => e.name)).toEqual(['foto.jpg']);
    expect(d.evidence.removed.map((e) => e.name)).toEqual(['sk.pdf']);
    expect(d.evidence.kept).toEqual([]);
    expect(d.changedCount).toBe(2);
  });

  it('links are compared one per line', () => {
    const to = { ...base, links: [{ label: 'Video', url: 'https://example.go.id/v2' }] };
    const f = compareSnapshots(base, to).fields.find((x) => x.key === 'links')!;
    expect(f.changed).toBe(true);
    expect(
      f.parts
        .filter((p) => p.op === 'ins')
        .map((p) => p.text)
        .join(''),
    ).toContain('v2');
  });
});
