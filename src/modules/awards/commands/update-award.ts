import type { Db } from '../../../db/connect.js';
import type { AwardLevel } from '../../../db/schema.js';
import { cleanText } from '../../../domain/awards.js';
import { notFound, t } from '../../../domain/errors.js';
import { recordAudit } from '../../../platform/audit.js';
import { awardExists, institutionNotFound, isUniqueViolation } from '../errors.js';
import {
  awardIdentityExists,
  findAward,
  institutionExists,
  matchInstitutionByName,
  type AwardWithInstitution,
} from '../queries.js';

export interface UpdateAwardInput {
  id: number;
  changes: {
    year?: number;
    level?: AwardLevel;
    innovationTitle?: string;
    institutionName?: string | null;
    /** Omitted with a new name: matched again from the name; null: no link. */
    institutionId?: number | null;
    sourceUrl?: string | null;
    notes?: string | null;
  };
  actorUserId: number;
  ip: string | null;
  now: Date;
}

const snapshot = (a: AwardWithInstitution) => ({
  year: a.year,
  level: a.level,
  innovationTitle: a.innovation_title,
  institutionName: a.institution_name,
  institutionId: a.institution_id,
  sourceUrl: a.source_url,
  notes: a.notes,
});

/**
 * Changes the fields given of one award, with an audit row holding before and after. A changed identity
 * already recorded is refused (409 `award_exists`); a new institution name without an explicit id is
 * matched to the directory again.
 */
export async function updateAward(db: Db, input: UpdateAwardInput): Promise<AwardWithInstitution> {
  const c = input.changes;
  try {
    return await db.transaction().execute(async (tx) => {
      const current = await findAward(tx, input.id);
      if (!current) throw notFound(t('Penghargaan tidak ditemukan.', 'Award not found.'));
      const next = {
        year: c.year ?? current.year,
        level: c.level ?? current.level,
        innovationTitle:
          c.innovationTitle !== undefined ? cleanText(c.innovationTitle) : current.innovation_title,
        institutionName:
          c.institutionName !== undefined ? cleanText(c.institutionName ?? '') : current.institution_name,
      };
      if (await awardIdentityExists(tx, next, current.id)) throw awardExists();
      let institutionId = current.institution_id;
      if (c.institutionId !== undefined) {
        institutionId = c.institutionId;
        if (institutionId !== null && !(await institutionExists(tx, institutionId)))
          throw institutionNotFound();
      } else if (next.institutionName !== current.institution_name)
        institutionId = await matchInstitutionByName(tx, next.institutionName);
      await tx
        .updateTable('awards')
        .set({
          year: next.year,
          level: next.level,
          innovation_title: next.innovationTitle,
          institution_name: next.institutionName,
          institution_id: institutionId,
          source_url: c.sourceUrl !== undefined ? c.sourceUrl : current.source_url,
          notes: c.notes !== undefined ? c.notes : current.notes,
          updated_at: input.now.toISOString(),
        })
        .where('id', '=', current.id)
        .execute();
      const updated = (await findAward(tx, current.id))!;
      await recordAudit(tx, {
        actorUserId: input.actorUserId,
        action: 'award.updated',
        entityType: 'award',
        entityId: current.id,
        summary: { before: snapshot(current), after: snapshot(updated) },
        scope: { referenceData: true },
        ip: input.ip,
        now: input.now,
      });
      return updated;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw awardExists();
    throw err;
  }
}
