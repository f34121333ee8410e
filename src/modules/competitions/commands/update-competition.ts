import type { Db } from '../../../db/connect.js';
import {
  classifyChanges,
  newOverlaps,
  validateAmendment,
  type AmendmentInput,
  type StructuralChange,
} from '../../../domain/competition-changes.js';
import type { CompetitionDefinition } from '../../../domain/competition-template.js';
import { normalizeDefinition, validateCompetitionDefinition } from '../../../domain/competition-rules.js';
import { diffDefinitions } from '../../../domain/definition-diff.js';
import { conflict, invalidFields, notFound, t, type FieldProblem } from '../../../domain/errors.js';
import { formatInstant } from '../../../domain/time.js';
import { recordAudit } from '../../../platform/audit.js';
import { enqueueMail } from '../../../platform/mail/outbox.js';
import { localAdminsOf, notifyUser } from '../../../platform/notify.js';
import { scheduleSubmissionJobs } from '../submission-jobs.js';
import { replanReviewReminders } from '../review-reminder-jobs.js';
import {
  competitionExists,
  isUniqueViolation,
  toDefinition,
  writeDefinitionRows,
} from '../definition-rows.js';
import { findClash, loadCompetitionFull, participantInstitutionIds } from '../queries.js';

const asFields = (changes: StructuralChange[], code?: string): Record<string, FieldProblem> => {
  const fields: Record<string, FieldProblem> = {};
  for (const c of changes) if (!fields[c.path]) fields[c.path] = { code: code ?? c.code, message: c.text };
  return fields;
};

/**
 * Replaces a competition's definition in one transaction: validates it (400 with every field problem),
 * upserts categories, groups, sections and stages by key so kept rows keep their ids, deletes the rows
 * whose key is gone, and audits a before/after summary of what changed.
 *
 * Once published (domain/competition-changes): a change of the code, the year or the submission window is
 * refused (409 `change_refused`, per field); a structural change needs `amendment` (409 `amendment_required`
 * listing each change), which is then checked (400), may not make stages overlap that did not (400
 * `stages_overlap`), and is recorded in `amendments`, audited as `competition.amended` and announced in the
 * app and by e-mail to the admin lokal of every institution with a proposal in the competition. Texts are saved
 * as before.
 */
export async function updateCompetition(
  db: Db,
  input: {
    id: number;
    definition: CompetitionDefinition;
    amendment?: AmendmentInput;
    actorUserId: number;
    ip: string | null;
    now: Date;
    /** For the links of the amendment's mail (drafts, as the seeds update, send none). */
    baseUrl?: string;
  },
): Promise<void> {
  const def = normalizeDefinition(input.definition);
  const problems = validateCompetitionDefinition(def);
  if (Object.keys(problems).length) throw invalidFields(problems);
  try {
    await db.transaction().execute(async (tx) => {
      const existing = await loadCompetitionFull(tx, input.id);
      if (!existing) throw notFound();
      const c = existing.competition;
      const before = toDefinition(existing);
      const structural = c.status === 'draft' ? [] : guardPublished(before, def, input.amendment);
      if (
        (def.code !== c.code || def.year !== c.year) &&
        (await findClash(tx, {
          organizerInstitutionId: c.organizer_institution_id,
          code: def.code,
          year: def.year,
          exceptId: c.id,
        }))
      )
        throw competitionExists('code');
      await tx
        .updateTable('competitions')
        .set({
          code: def.code,
          name: def.name,
          year: def.year,
          theme: def.theme,
          description: def.description,
          time_zone: def.timeZone,
          settings: JSON.stringify(def.settings),
          updated_at: input.now.toISOString(),
        })
        .where('id', '=', c.id)
        .execute();
      await writeDefinitionRows(tx, c.id, def);
      await scheduleSubmissionJobs(tx, c.id, input.now);
      await replanReviewReminders(tx, c.id, input.now);
      if (!structural.length) {
        await recordAudit(tx, {
          actorUserId: input.actorUserId,
          action: 'competition.updated',
          entityType: 'competition',
          entityId: c.id,
          summary: { ...diffDefinitions(before, def) },
          scope: { competitionId: c.id, organizerInstitutionId: c.organizer_institution_id },
          ip: input.ip,
          now: input.now,
        });
        return;
      }
      const amendment = input.amendment!;
      const changes = structural.map((s) => s.text);
      const row = await tx
        .insertInto('amendments')
        .values({
          competition_id: c.id,
          number: amendment.number.trim(),
          changes: JSON.stringify(changes),
          reason_id: amendment.reasonId.trim(),
          reason_en: amendment.reasonEn?.trim() || null,
          created_by: input.actorUserId,
          created_at: input.now.toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(tx, {
        actorUserId: input.actorUserId,
        action: 'competition.amended',
        entityType: 'competition',
        entityId: c.id,
        summary: {
          amendmentId: row.id,
          number: amendment.number.trim(),
          changes: structural.map((s) => ({ path: s.path, code: s.code })),
          ...diffDefinitions(before, def),
        },
        scope: { competitionId: c.id, organizerInstitutionId: c.organizer_institution_id },
        ip: input.ip,
        now: input.now,
      });
      const link = `/kompetisi/${c.id}`;
      const admins = await localAdminsOf(tx, await participantInstitutionIds(tx, c.id));
      const told = new Set<number>();
      for (const admin of admins) {
        if (told.has(admin.id)) continue;
        told.add(admin.id);
        await notifyUser(tx, {
          userId: admin.id,
          kind: 'competition_amended',
          title: t(
            `Adendum ${amendment.number.trim()}: ${def.name}`,
            `Amendment ${amendment.number.trim()}: ${def.name}`,
          ),
          body: t(changes.map((x) => x.id).join('; '), changes.map((x) => x.en).join('; ')),
          link,
          now: input.now,
        });
        await enqueueMail(tx, {
          to: admin.email,
          toName: admin.name,
          template: 'competition_amended',
          locale: admin.locale,
          vars: {
            name: admin.name,
            competition: def.name,
            number: amendment.number.trim(),
            changes: changes.map((x) => x[admin.locale]).join('; '),
            reason:
              admin.locale === 'id'
                ? amendment.reasonId.trim()
                : amendment.reasonEn?.trim() || amendment.reasonId.trim(),
            link: `${input.baseUrl ?? ''}${link}`,
          },
          scope: { competitionId: c.id, organizerInstitutionId: c.organizer_institution_id },
          now: input.now,
        });
      }
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw competitionExists('code');
    throw err;
  }
}

/** The changes that need the amendment, after refusing what may not change at all (see above). */
function guardPublished(
  before: CompetitionDefinition,
  after: CompetitionDefinition,
  amendment: AmendmentInput | undefined,
): StructuralChange[] {
  const changes = classifyChanges(before, after, (instant, locale) =>
    instant ? formatInstant(instant, after.timeZone, locale) : '—',
  );
  const refused = changes.filter((c) => c.kind === 'refused');
  if (refused.length)
    throw conflict(
      'change_refused',
      t(
        'Kompetisi ini sudah diterbitkan: kode dan tahunnya tidak dapat diubah, dan jadwal pengajuan hanya bergeser melalui perpanjangan resmi (dengan nomor surat).',
        'This competition is published: its code and year cannot change, and the submission window moves only through the formal extension (with its letter number).',
      ),
      asFields(refused),
    );
  const structural = changes.filter((c) => c.kind === 'amendment');
  if (!structural.length) return [];
  if (!amendment)
    throw conflict(
      'amendment_required',
      t(
        'Kompetisi ini sudah diterbitkan: perubahan yang ditandai mengubah ketentuan bagi peserta dan hanya dapat dilakukan melalui adendum (nomor dan alasan), yang dicatat, ditampilkan di halaman kompetisi, dan diumumkan kepada peserta.',
        'This competition is published: the marked changes alter the rules for participants and can only be made through an amendment (number and reason), which is recorded, shown on the competition page and announced to participants.',
      ),
      asFields(structural, 'amendment_required'),
    );
  const problems = { ...validateAmendment(amendment), ...newOverlaps(before.stages, after.stages) };
  if (Object.keys(problems).length) throw invalidFields(problems);
  return structural;
}
