import type { ImportAssignmentsResult } from '../../../contracts/assignments.js';
import type { Db } from '../../../db/connect.js';
import { reasonText } from '../../../domain/conflicts.js';
import { parseCsvTable } from '../../../domain/csv-table.js';
import { normalizeEmail } from '../../../domain/email.js';
import { badRequest, t, type Text } from '../../../domain/errors.js';
import { recordAudit } from '../../../platform/audit.js';
import { assertOpenForAssignment, loadStageContext } from '../context.js';
import { assignmentIndex, conflictsBetween } from '../plan.js';
import { insertPairs, tellReviewers } from '../write.js';

export const IMPORT_COLUMNS = ['kode_proposal', 'email_penilai'] as const;
const MAX_ROWS = 20_000;

/**
 * Assignments from a CSV (columns kode_proposal, email_penilai; the export's other columns are allowed
 * and ignored). Every row is checked as a manual assignment would be (in the pool, in the team with a
 * completed profile, not already on it nor withdrawn from it, no conflict, capacity counting the file's
 * own rows, no repeated pair). The preview (`apply` false) lists each row with its problem; applying is
 * all or nothing: one bad row and nothing is written. Audited; each reviewer is told once.
 */
export async function importAssignments(
  db: Db,
  input: {
    competitionId: number;
    stageId: number;
    csv: string;
    apply: boolean;
    actorUserId: number;
    ip: string | null;
    baseUrl: string;
    now: Date;
  },
): Promise<ImportAssignmentsResult> {
  const table = parseCsvTable(input.csv, {
    columns: [...IMPORT_COLUMNS, 'judul', 'instansi', 'kategori', 'nama_penilai', 'asal', 'status', 'dibuat'],
    required: IMPORT_COLUMNS,
    maxRows: MAX_ROWS,
    columnList: IMPORT_COLUMNS.join(', '),
    normalizeHeader: (h) => h.trim().toLowerCase().replace(/\s+/g, '_'),
  });
  if (!table.ok)
    throw badRequest(table.code, table.message, { file: { code: table.code, message: table.message } });
  return db.transaction().execute(async (tx) => {
    const ctx = await loadStageContext(tx, input.competitionId, input.stageId);
    const { competition, stage } = ctx;
    assertOpenForAssignment(stage, competition.time_zone, input.now);
    const byCode = new Map(ctx.pool.map((p) => [p.code.toUpperCase(), p]));
    const byEmail = new Map(ctx.team.map((m) => [m.email, m]));
    const { active, excluded, load } = assignmentIndex(ctx.assignments);
    const seen = new Set<string>();
    const adding = new Map<number, number>();
    const pairs: { proposalId: number; reviewerId: number }[] = [];
    const rows = table.records.map((r) => {
      const code = r.values.kode_proposal.trim();
      const email = normalizeEmail(r.values.email_penilai);
      const problem = ((): Text | null => {
        const p = byCode.get(code.toUpperCase());
        if (!p)
          return t(
            `Proposal ${code} tidak dinilai pada tahap ini.`,
            `Proposal ${code} is not scored in this stage.`,
          );
        const m = byEmail.get(email);
        if (!m) return t(`${email} bukan anggota Tim Evaluasi.`, `${email} is not on the Tim Evaluasi.`);
        if (!m.profileComplete)
          return t(
            `${m.name} belum melengkapi profil penilai.`,
            `${m.name} has not completed the reviewer profile.`,
          );
        const key = `${p.id}:${m.id}`;
        if (seen.has(key))
          return t('Pasangan ini sudah ada di baris sebelumnya.', 'This pair is on an earlier row.');
        if (active.get(p.id)?.has(m.id))
          return t(`${m.name} sudah menilai ${p.code}.`, `${m.name} already scores ${p.code}.`);
        if (excluded.get(p.id)?.has(m.id))
          return t(
            `Penugasan ${m.name} pada ${p.code} pernah ditarik.`,
            `${m.name} was withdrawn from ${p.code}.`,
          );
        const reasons = conflictsBetween(m, p, ctx.rule).map(reasonText);
        if (reasons.length)
          return t(
            `Benturan kepentingan: ${reasons.map((x) => x.id).join('; ')}.`,
            `Conflict of interest: ${reasons.map((x) => x.en).join('; ')}.`,
          );
        const next = (load.get(m.id) ?? 0) + (adding.get(m.id) ?? 0) + 1;
        if (m.capacity !== null && next > m.capacity)
          return t(
            `Melebihi kapasitas ${m.name} (${m.capacity}).`,
            `Beyond ${m.name}'s capacity (${m.capacity}).`,
          );
        seen.add(key);
        adding.set(m.id, (adding.get(m.id) ?? 0) + 1);
        pairs.push({ proposalId: p.id, reviewerId: m.id });
        return null;
      })();
      return { row: r.row, proposalCode: code, reviewerEmail: email, problem };
    });
    const invalid = rows.filter((r) => r.problem).length;
    const apply = input.apply && invalid === 0 && pairs.length > 0;
    if (apply) {
      await insertPairs(tx, {
        stageId: stage.id,
        pairs,
        origin: 'import',
        actorUserId: input.actorUserId,
        now: input.now,
      });
      await tellReviewers(tx, ctx, adding, input);
      await recordAudit(tx, {
        actorUserId: input.actorUserId,
        action: 'assignment.imported',
        entityType: 'stage',
        entityId: stage.id,
        summary: {
          competitionId: competition.id,
          stage: stage.kind,
          rows: rows.length,
          placed: pairs.length,
        },
        scope: {
          competitionId: competition.id,
          organizerInstitutionId: competition.organizer_institution_id,
        },
        ip: input.ip,
        now: input.now,
      });
    }
    const message = apply
      ? t(`${pairs.length} penugasan diimpor.`, `${pairs.length} assignments imported.`)
      : invalid
        ? t(
            `${invalid} baris bermasalah; tidak ada yang disimpan. Perbaiki berkas lalu unggah lagi.`,
            `${invalid} rows have a problem; nothing was saved. Fix the file and upload it again.`,
          )
        : t(`${pairs.length} penugasan siap diimpor.`, `${pairs.length} assignments ready to import.`);
    return { applied: apply, rows, valid: rows.length - invalid, invalid, message };
  });
}
