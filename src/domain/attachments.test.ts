import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import {
  allowedMimesFor,
  assertKindAllowed,
  attachmentLimits,
  attachmentName,
  contentDisposition,
  MIB,
  proposalFilesTooLarge,
  typeLabel,
  uploadBudget,
} from './attachments.js';

const refusal = (fn: () => void) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError)
      return { status: err.status, code: err.code, fields: Object.keys(err.fields) };
    throw err;
  }
  return null;
};

describe('attachment rules', () => {
  const settings = { allowedFileTypes: ['application/pdf', 'image/png'], maxFileMb: 10, maxProposalMb: 50 };

  it('computes the limits in bytes and what is used', () => {
    expect(attachmentLimits(settings, [100, 250])).toEqual({
      allowedTypes: ['application/pdf', 'image/png'],
      maxFileBytes: 10 * MIB,
      maxProposalBytes: 50 * MIB,
      usedBytes: 350,
    });
  });

  it('lets one upload take the per-file limit, or the room left when that is less', () => {
    const limits = { maxFileBytes: 10 * MIB, maxProposalBytes: 50 * MIB };
    expect(uploadBudget(limits, 0)).toEqual({ maxBytes: 10 * MIB, limitedBy: 'file' });
    expect(uploadBudget(limits, 40 * MIB)).toEqual({ maxBytes: 10 * MIB, limitedBy: 'file' });
    expect(uploadBudget(limits, 45 * MIB)).toEqual({ maxBytes: 5 * MIB, limitedBy: 'proposal' });
    expect(uploadBudget(limits, 60 * MIB)).toEqual({ maxBytes: 0, limitedBy: 'proposal' });
  });

  it('accepts only PDF for the replication statement', () => {
    expect(allowedMimesFor('evidence', settings.allowedFileTypes)).toEqual(settings.allowedFileTypes);
    expect(allowedMimesFor('replication_statement', ['image/png'])).toEqual(['application/pdf']);
  });

  it('allows one replication statement, only in the replikasi group', () => {
    expect(refusal(() => assertKindAllowed('evidence', { groupKey: 'umum', otherStatements: 0 }))).toBeNull();
    expect(
      refusal(() =>
        assertKindAllowed('replication_statement', { groupKey: 'replikasi', otherStatements: 0 }),
      ),
    ).toBeNull();
    expect(
      refusal(() => assertKindAllowed('replication_statement', { groupKey: 'umum', otherStatements: 0 })),
    ).toEqual({ status: 400, code: 'validation_failed', fields: ['kind'] });
    expect(
      refusal(() =>
        assertKindAllowed('replication_statement', { groupKey: 'replikasi', otherStatements: 1 }),
      ),
    ).toEqual({ status: 409, code: 'replication_statement_exists', fields: ['kind'] });
  });

  it('says how much room is left in the reader’s number format', () => {
    const err = proposalFilesTooLarge(50 * MIB, 47.5 * MIB);
    expect(err.status).toBe(413);
    expect(err.text).toEqual({
      id: 'Total berkas proposal maksimal 50 MB; sisa ruang 2,5 MB.',
      en: "A proposal's files may total at most 50 MB; 2.5 MB left.",
    });
  });

  it('keeps a safe name whose extension matches the content', () => {
    expect(attachmentName('Laporan.pdf', 'application/pdf')).toBe('Laporan.pdf');
    expect(attachmentName('scan.PDF', 'application/pdf')).toBe('scan.PDF');
    expect(attachmentName('foto.jpeg', 'image/jpeg')).toBe('foto.jpeg');
    expect(attachmentName('scan.pdf', 'image/png')).toBe('scan.png');
    expect(attachmentName('tanpa-ekstensi', 'image/png')).toBe('tanpa-ekstensi.png');
    expect(attachmentName('C:\\Users\\sari\\"bukti"\u0007.pdf', 'application/pdf')).toBe('bukti.pdf');
    expect(attachmentName('', 'application/pdf')).toBe('berkas.pdf');
    expect(attachmentName(undefined, 'application/x-unknown')).toBe('berkas');
    const long = attachmentName(`${'a'.repeat(300)}.pdf`, 'application/pdf');
    expect(long).toHaveLength(255);
    expect(long.endsWith('.pdf')).toBe(true);
  });

  it('names a download in ASCII and in RFC 5987 form', () => {
    expect(contentDisposition('bukti.pdf')).toBe(
      `attachment; filename="bukti.pdf"; filename*=UTF-8''bukti.pdf`,
    );
    expect(contentDisposition("Foto's (1) – ü.png")).toBe(
      `attachment; filename="Foto's (1) _ _.png"; filename*=UTF-8''Foto%27s%20%281%29%20%E2%80%93%20%C3%BC.png`,
    );
  });

  it('labels types briefly', () => {
    expect(['application/pdf', 'image/jpeg', 'image/png'].map(typeLabel)).toEqual(['PDF', 'JPG', 'PNG']);
  });
});
