import { describe, expect, it } from 'vitest';
import {
  assertOnlyRequested,
  checkCompletionDeadline,
  checkCompletionItems,
  checkReason,
  claimHolder,
  completionScope,
  DEFAULT_CHECKLIST,
  describeItem,
  findingsOf,
  mergeMarks,
  parseAdminCheckSettings,
  queueStatus,
} from './admin-check.js';
import { AppError, t } from './errors.js';

const NOW = new Date('2026-05-03T02:00:00.000Z');
const fail = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (e) {
    return e as AppError;
  }
  throw new Error('did not throw');
};

describe('administrative check rules', () => {
  it('the checklist defaults to the KIPP template and reads a configured one', () => {
    expect(parseAdminCheckSettings('{}').checklist).toBe(DEFAULT_CHECKLIST);
    expect(parseAdminCheckSettings('not json').copyThreshold).toBe(0.6);
    const s = parseAdminCheckSettings(
      JSON.stringify({
        checklist: [{ key: 'surat_pengantar', labelId: 'Surat pengantar', labelEn: 'Cover letter' }],
        copyThreshold: 0.8,
      }),
    );
    expect(s.checklist).toEqual([
      { key: 'surat_pengantar', label: t('Surat pengantar', 'Cover letter'), finding: null },
    ]);
    expect(s.copyThreshold).toBe(0.8);
    // Repeated keys: the whole list is refused for the default.
    const dup = { key: 'a', labelId: 'A', labelEn: 'A' };
    expect(parseAdminCheckSettings(JSON.stringify({ checklist: [dup, dup] })).checklist).toBe(
      DEFAULT_CHECKLIST,
    );
  });

  it('reads the queue status from the row', () => {
    expect(queueStatus({ outcome: null, round: 1 })).toBe('unchecked');
    expect(queueStatus({ outcome: null, round: 2 })).toBe('completed');
    expect(queueStatus({ outcome: 'incomplete', round: 1 })).toBe('incomplete');
    expect(queueStatus({ outcome: 'passed', round: 2 })).toBe('passed');
  });

  it('a claim is free when absent or expired, else mine or another member’s', () => {
    const until = '2026-05-03T02:20:00.000Z';
    expect(claimHolder({ claimed_by: null, claimed_until: null }, 1, NOW)).toEqual({ kind: 'free' });
    expect(claimHolder({ claimed_by: 2, claimed_until: until }, 1, new Date(until))).toEqual({
      kind: 'free',
    });
    expect(claimHolder({ claimed_by: 1, claimed_until: until }, 1, NOW)).toEqual({ kind: 'mine' });
    expect(claimHolder({ claimed_by: 2, claimed_until: until }, 1, NOW)).toEqual({
      kind: 'other',
      userId: 2,
      until,
    });
  });

  it('marks: only checklist keys, notes trimmed, unsent marks kept', () => {
    const merged = mergeMarks(
      DEFAULT_CHECKLIST,
      { judul_layak: { ok: true } },
      { bukti_wajib: { ok: false, note: '  buram ' } },
    );
    expect(merged).toEqual({ judul_layak: { ok: true }, bukti_wajib: { ok: false, note: 'buram' } });
    expect(Object.keys(fail(() => mergeMarks(DEFAULT_CHECKLIST, {}, { lain: { ok: true } })).fields)).toEqual(
      ['items.lain'],
    );
  });

  it('a disqualification needs a reason text', () => {
    expect(fail(() => checkReason('lainnya', 'pendek')).fields.reasonText.code).toBe('too_short');
    expect(checkReason('judul_ganda', '  Judul sama dengan KIPP-2026-00001.  ')).toBe(
      'Judul sama dengan KIPP-2026-00001.',
    );
  });

  it('completion items: known sections, fields, evidence and checklist keys only; repeats dropped', () => {
    const known = { sections: ['ringkasan', 'kebaruan'], checklist: ['bukti_wajib'] };
    expect(
      checkCompletionItems(
        [
          'section:ringkasan',
          'field:contactPhone',
          'evidence:*',
          'checklist:bukti_wajib',
          'section:ringkasan',
        ],
        known,
      ),
    ).toEqual(['section:ringkasan', 'field:contactPhone', 'evidence:*', 'checklist:bukti_wajib']);
    const e = fail(() =>
      checkCompletionItems(['section:x', 'field:declarationAccepted', 'evidence:kebaruan'], known),
    );
    expect(Object.keys(e.fields)).toEqual(['items.0', 'items.1']);
    expect(fail(() => checkCompletionItems([], known)).fields.items.code).toBe('required');
  });

  it('a completion save may touch only what the request names', () => {
    const scope = completionScope(['section:ringkasan', 'field:contactPhone']);
    expect(() =>
      assertOnlyRequested(scope, { fields: ['contactPhone'], sections: ['ringkasan'] }),
    ).not.toThrow();
    const e = fail(() =>
      assertOnlyRequested(scope, { fields: ['title', 'contactPhone'], sections: ['kebaruan'] }),
    );
    expect(e.status).toBe(403);
    expect(e.code).toBe('not_requested');
    expect(Object.keys(e.fields)).toEqual(['title', 'sections.kebaruan']);
  });

  it('a completion deadline is 24 hours to 30 days away', () => {
    expect(fail(() => checkCompletionDeadline('2026-05-03T20:00:00.000Z', NOW)).fields.deadlineAt.code).toBe(
      'deadline_out_of_range',
    );
    expect(fail(() => checkCompletionDeadline('2026-06-10T00:00:00.000Z', NOW)).fields.deadlineAt.code).toBe(
      'deadline_out_of_range',
    );
    expect(fail(() => checkCompletionDeadline('besok', NOW)).status).toBe(400);
    expect(checkCompletionDeadline('2026-05-06T16:00:00+07:00', NOW)).toBe('2026-05-06T09:00:00.000Z');
  });

  it('findings sort the eligibility rules into the checklist items', () => {
    const item = (kind: 'incomplete' | 'ineligible', code: string) => ({
      kind,
      code,
      field: 'x',
      sectionKey: null,
      message: t(code, code),
    });
    const f = findingsOf({
      eligibility: [
        item('incomplete', 'field_required'),
        item('incomplete', 'section_evidence_required'),
        item('ineligible', 'duplicate_title'),
        item('ineligible', 'implementation_too_recent'),
      ],
      sameTitle: [{ code: 'KIPP-2026-00002', title: 'Sama' }],
      copies: [
        {
          other: t('proposal KIPP-2026-00003', 'proposal KIPP-2026-00003'),
          what: t('judul berbeda, 91% jawaban sama', 'different title, 91% of the answers the same'),
          confirmed: false,
        },
      ],
    });
    expect(f.identity.notes.map((n) => n.id)).toEqual(['field_required']);
    expect(f.evidence).toEqual({
      ok: false,
      notes: [t('section_evidence_required', 'section_evidence_required')],
    });
    expect(f.title.ok).toBe(false);
    expect(f.title.notes.map((n) => n.id)).toEqual([
      'duplicate_title',
      'Judul sama dengan proposal KIPP-2026-00002 ("Sama").',
    ]);
    expect(f.group.notes.map((n) => n.id)).toEqual(['implementation_too_recent']);
    expect(f.copy.notes[0].id).toBe(
      'Mirip dengan proposal KIPP-2026-00003 — judul berbeda, 91% jawaban sama.',
    );
    const clean = findingsOf({ eligibility: [], sameTitle: [], copies: [] });
    expect([clean.identity.ok, clean.evidence.ok, clean.title.ok, clean.copy.ok, clean.group.ok]).toEqual([
      true,
      null,
      true,
      true,
      true,
    ]);
  });

  it('names the items in both languages', () => {
    const known = {
      sections: [{ key: 'ringkasan', label: t('Ringkasan', 'Summary') }],
      checklist: DEFAULT_CHECKLIST,
    };
    expect(describeItem('section:ringkasan', known)).toEqual(
      t('Jawaban bagian "Ringkasan"', 'The answer to "Summary"'),
    );
    expect(describeItem('field:contactPhone', known).id).toBe('Isian "Telepon narahubung"');
    expect(describeItem('evidence:*', known).en).toBe('General supporting evidence');
    expect(describeItem('checklist:bukti_wajib', known).id).toBe(
      'Butir periksa: Bukti wajib ada dan terbaca',
    );
  });
});
