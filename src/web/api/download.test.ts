import { describe, expect, it } from 'vitest';
import { fileNameFrom } from './download.js';

describe('fileNameFrom: the name a Content-Disposition header gives', () => {
  it.each([
    [null, 'fallback.pdf'],
    ['', 'fallback.pdf'],
    ['inline; filename="KIPP-2026-00001.pdf"', 'KIPP-2026-00001.pdf'],
    [
      'attachment; filename="sinovik-KIPP-2026-usulan-20261206-1210.xlsx"',
      'sinovik-KIPP-2026-usulan-20261206-1210.xlsx',
    ],
    ['attachment; filename=plain.csv', 'plain.csv'],
    ["attachment; filename*=UTF-8''laporan%20akhir%20%C3%A9.pdf", 'laporan akhir é.pdf'],
    ['attachment; filename="ascii.pdf"; filename*=UTF-8\'\'utf%E2%80%918.pdf', 'utf‑8.pdf'],
    ['attachment; filename*=UTF-8\'\'broken%E2.pdf; filename="fallback-name.pdf"', 'fallback-name.pdf'],
    ['attachment', 'fallback.pdf'],
  ])('%s → %s', (header, name) => {
    expect(fileNameFrom(header, 'fallback.pdf')).toBe(name);
  });
});
