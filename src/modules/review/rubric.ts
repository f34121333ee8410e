import type { Db } from '../../db/connect.js';
import type { StageRow } from '../../db/schema.js';
import { conflict, t } from '../../domain/errors.js';
import { isReviewStage } from '../../domain/review-settings.js';
import { defaultRubric, rubricChanges, type RubricSection } from '../../domain/rubric.js';

/*
 * A stage's rubric in rubric_criteria (issue 12 points 4 and 6), materialised from the competition's
 * forms by domain/rubric.ts. Idempotent (matched by key, so a second run changes nothing and ids stay);
 * refused once an evaluation exists for the stage, since scores refer to the criteria.
 */

export const rubricInUse = () =>
  conflict(
    'rubric_in_use',
    t(
      'Rubrik tahap ini sudah dipakai dalam penilaian dan tidak dapat diubah lagi.',
      "This stage's rubric is already used by evaluations and can no longer change.",
    ),
  );

/** Whether any evaluation (draft or submitted) exists for the stage. */
export async function stageHasEvaluations(db: Db, stageId: number): Promise<boolean> {
  const row = await db
    .selectFrom('evaluations')
    .innerJoin('review_assignments as a', 'a.id', 'evaluations.assignment_id')
    .select('evaluations.id')
    .where('a.stage_id', '=', stageId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Brings the stage's rubric in line with the forms of every group of its competition, in the caller's
 * transaction; returns how many criteria it inserted, updated and removed (all 0 when already in line).
 * Throws 409 `rubric_in_use` when a change is needed but the stage already has evaluations; with no change
 * needed it does nothing and throws nothing, so callers may run it before every assignment.
 */
export async function materialiseRubric(
  tx: Db,
  stage: StageRow,
): Promise<{ inserted: number; updated: number; removed: number }> {
  if (!isReviewStage(stage.kind)) return { inserted: 0, updated: 0, removed: 0 };
  const groups = await tx
    .selectFrom('competition_groups')
    .select('id')
    .where('competition_id', '=', stage.competition_id)
    .orderBy('position')
    .execute();
  const sections = await tx
    .selectFrom('form_sections')
    .selectAll()
    .where('group_id', 'in', groups.length ? groups.map((g) => g.id) : [0])
    .execute();
  const stored = await tx
    .selectFrom('rubric_criteria')
    .selectAll()
    .where('stage_id', '=', stage.id)
    .execute();
  const plans = groups.map((g) => {
    const wanted = defaultRubric(
      stage.kind as Parameters<typeof defaultRubric>[0],
      sections
        .filter((s) => s.group_id === g.id)
        .map((s): RubricSection => ({
          id: s.id,
          key: s.key,
          labelId: s.label_id,
          labelEn: s.label_en,
          guidanceId: s.guidance_id,
          guidanceEn: s.guidance_en,
          weight: s.weight,
          position: s.position,
        })),
    );
    const mine = stored
      .filter((c) => c.group_id === g.id)
      .map((c) => ({
        id: c.id,
        key: c.key,
        labelId: c.label_id,
        labelEn: c.label_en,
        guidanceId: c.guidance_id,
        guidanceEn: c.guidance_en,
        weight: c.weight,
        sectionId: c.section_id,
        position: c.position,
      }));
    return { groupId: g.id, changes: rubricChanges(mine, wanted) };
  });
  const count = { inserted: 0, updated: 0, removed: 0 };
  for (const { changes } of plans) {
    count.inserted += changes.insert.length;
    count.updated += changes.update.length;
    count.removed += changes.remove.length;
  }
  if (count.inserted + count.updated + count.removed === 0) return count;
  if (await stageHasEvaluations(tx, stage.id)) throw rubricInUse();
  for (const { groupId, changes } of plans) {
    if (changes.remove.length)
      await tx.deleteFrom('rubric_criteria').where('id', 'in', changes.remove).execute();
    for (const c of changes.update)
      await tx
        .updateTable('rubric_criteria')
        .set({
          label_id: c.labelId,
          label_en: c.labelEn,
          guidance_id: c.guidanceId,
          guidance_en: c.guidanceEn,
          weight: c.weight,
          section_id: c.sectionId,
          position: c.position,
        })
        .where('id', '=', c.id)
        .execute();
    if (changes.insert.length)
      await tx
        .insertInto('rubric_criteria')
        .values(
          changes.insert.map((c) => ({
            stage_id: stage.id,
            group_id: groupId,
            key: c.key,
            label_id: c.labelId,
            label_en: c.labelEn,
            guidance_id: c.guidanceId,
            guidance_en: c.guidanceEn,
            weight: c.weight,
            section_id: c.sectionId,
            position: c.position,
          })),
        )
        .execute();
  }
  return count;
}
