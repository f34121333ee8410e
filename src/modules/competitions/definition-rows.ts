import type { Db } from '../../db/connect.js';
import { parseSettings, parseSourceYears } from '../../domain/competition-settings.js';
import type { CompetitionDefinition } from '../../domain/competition-template.js';
import { conflict, t } from '../../domain/errors.js';
import { DEFAULT_EVIDENCE_MIN_FILES } from '../../domain/evidence-requirements.js';
import type { CompetitionFull } from './queries.js';

/*
 * A definition and its rows, both ways: `toDefinition` reads the stored rows as a definition,
 * `writeDefinitionRows` writes a definition into its rows. Rows are matched BY KEY (stages by kind): a kept row keeps its id,
 * because proposals, assignments and decisions refer to those ids; rows whose key disappeared are deleted.
 */

/** The stored rows as the definition the organizer edits (the input of validation and of the diff). */
export function toDefinition(full: CompetitionFull): CompetitionDefinition {
  const c = full.competition;
  return {
    code: c.code,
    name: c.name,
    year: c.year,
    theme: c.theme,
    description: c.description,
    timeZone: c.time_zone,
    settings: parseSettings(c.settings),
    categories: full.categories.map((x) => ({ key: x.key, nameId: x.name_id, nameEn: x.name_en })),
    groups: full.groups.map((g) => ({
      key: g.key,
      nameId: g.name_id,
      nameEn: g.name_en,
      descriptionId: g.description_id,
      descriptionEn: g.description_en,
      minImplementationMonths: g.min_implementation_months,
      quotaPerInstitution: g.quota_per_institution,
      invitationOnly: g.invitation_only === 1,
      sourceYears: parseSourceYears(g.source_years),
      evidenceMin: g.evidence_min,
      sections: g.sections.map((s) => ({
        key: s.key,
        labelId: s.label_id,
        labelEn: s.label_en,
        guidanceId: s.guidance_id,
        guidanceEn: s.guidance_en,
        wordLimit: s.word_limit,
        weight: s.weight,
        required: s.required === 1,
        evidenceRequired: s.evidence_required === 1,
      })),
    })),
    stages: full.stages.map((s) => ({
      kind: s.kind,
      nameId: s.name_id,
      nameEn: s.name_en,
      opensAt: s.opens_at,
      closesAt: s.closes_at,
    })),
  };
}

const bool = (b: boolean) => (b ? 1 : 0) as 0 | 1;

/** Makes the categories, groups, sections and stages of a competition equal to the definition. */
export async function writeDefinitionRows(
  tx: Db,
  competitionId: number,
  def: CompetitionDefinition,
): Promise<void> {
  // Categories.
  const categories = await tx
    .selectFrom('categories')
    .select(['id', 'key'])
    .where('competition_id', '=', competitionId)
    .execute();
  const categoryKeys = def.categories.map((c) => c.key);
  const goneCategories = categories.filter((c) => !categoryKeys.includes(c.key)).map((c) => c.id);
  if (goneCategories.length) {
    await refuseIfInUse(tx, 'category', goneCategories);
    await tx.deleteFrom('categories').where('id', 'in', goneCategories).execute();
  }
  for (const [position, c] of def.categories.entries()) {
    const row = { name_id: c.nameId, name_en: c.nameEn, position };
    const kept = categories.find((x) => x.key === c.key);
    if (kept) await tx.updateTable('categories').set(row).where('id', '=', kept.id).execute();
    else
      await tx
        .insertInto('categories')
        .values({ ...row, competition_id: competitionId, key: c.key })
        .execute();
  }

  // Groups, each with its form.
  const groups = await tx
    .selectFrom('competition_groups')
    .select(['id', 'key'])
    .where('competition_id', '=', competitionId)
    .execute();
  const groupKeys = def.groups.map((g) => g.key);
  const goneGroups = groups.filter((g) => !groupKeys.includes(g.key)).map((g) => g.id);
  if (goneGroups.length) {
    await refuseIfInUse(tx, 'group', goneGroups);
    await tx.deleteFrom('form_sections').where('group_id', 'in', goneGroups).execute();
    await tx.deleteFrom('competition_groups').where('id', 'in', goneGroups).execute();
  }
  for (const [position, g] of def.groups.entries()) {
    const row = {
      name_id: g.nameId,
      name_en: g.nameEn,
      description_id: g.descriptionId,
      description_en: g.descriptionEn,
      min_implementation_months: g.minImplementationMonths,
      quota_per_institution: g.quotaPerInstitution,
      invitation_only: bool(g.invitationOnly),
      source_years: g.sourceYears?.length ? JSON.stringify(g.sourceYears) : null,
      evidence_min: g.evidenceMin ?? DEFAULT_EVIDENCE_MIN_FILES,
      position,
    };
    const kept = groups.find((x) => x.key === g.key);
    let groupId: number;
    if (kept) {
      groupId = kept.id;
      await tx.updateTable('competition_groups').set(row).where('id', '=', groupId).execute();
    } else {
      const inserted = await tx
        .insertInto('competition_groups')
        .values({ ...row, competition_id: competitionId, key: g.key })
        .returning('id')
        .executeTakeFirstOrThrow();
      groupId = inserted.id;
    }
    await writeSections(tx, groupId, g.sections);
  }

  // Stages (keyed by kind); their settings are not part of the definition and are kept.
  const stages = await tx
    .selectFrom('stages')
    .select(['id', 'kind'])
    .where('competition_id', '=', competitionId)
    .execute();
  const kinds = def.stages.map((s) => s.kind);
  const goneStages = stages.filter((s) => !kinds.includes(s.kind)).map((s) => s.id);
  if (goneStages.length) await tx.deleteFrom('stages').where('id', 'in', goneStages).execute();
  for (const [position, s] of def.stages.entries()) {
    const row = {
      name_id: s.nameId,
      name_en: s.nameEn,
      opens_at: s.opensAt,
      closes_at: s.closesAt,
      position,
    };
    const kept = stages.find((x) => x.kind === s.kind);
    if (kept) await tx.updateTable('stages').set(row).where('id', '=', kept.id).execute();
    else
      await tx
        .insertInto('stages')
        .values({ ...row, competition_id: competitionId, kind: s.kind, settings: '{}' })
        .execute();
  }
}

const IN_USE_TEXT = {
  category: t('Kategori', 'A category'),
  group: t('Kelompok', 'A group'),
  section: t('Bagian formulir', 'A form section'),
};

/**
 * Proposals point at categories, groups and the sections they answered: such a row cannot be removed from
 * the definition (409 `in_use`); it can still be renamed.
 */
async function refuseIfInUse(tx: Db, kind: 'category' | 'group' | 'section', ids: number[]): Promise<void> {
  const used =
    kind === 'section'
      ? await tx
          .selectFrom('proposal_answers')
          .select('proposal_id')
          .where('section_id', 'in', ids)
          .limit(1)
          .executeTakeFirst()
      : await tx
          .selectFrom('proposals')
          .select('id')
          .where(kind === 'group' ? 'group_id' : 'category_id', 'in', ids)
          .limit(1)
          .executeTakeFirst();
  if (used)
    throw conflict(
      'in_use',
      t(
        `${IN_USE_TEXT[kind].id} yang sudah dipakai proposal tidak dapat dihapus; ubah namanya saja.`,
        `${IN_USE_TEXT[kind].en} already used by proposals cannot be removed; rename it instead.`,
      ),
    );
}

async function writeSections(
  tx: Db,
  groupId: number,
  sections: CompetitionDefinition['groups'][number]['sections'],
) {
  const existing = await tx
    .selectFrom('form_sections')
    .select(['id', 'key'])
    .where('group_id', '=', groupId)
    .execute();
  const keys = sections.map((s) => s.key);
  const gone = existing.filter((s) => !keys.includes(s.key)).map((s) => s.id);
  if (gone.length) {
    await refuseIfInUse(tx, 'section', gone);
    await tx.deleteFrom('form_sections').where('id', 'in', gone).execute();
  }
  for (const [position, s] of sections.entries()) {
    const row = {
      label_id: s.labelId,
      label_en: s.labelEn,
      guidance_id: s.guidanceId,
      guidance_en: s.guidanceEn,
      word_limit: s.wordLimit,
      weight: s.weight,
      required: bool(s.required),
      evidence_required: bool(s.evidenceRequired ?? false),
      position,
    };
    const kept = existing.find((x) => x.key === s.key);
    if (kept) await tx.updateTable('form_sections').set(row).where('id', '=', kept.id).execute();
    else
      await tx
        .insertInto('form_sections')
        .values({ ...row, group_id: groupId, key: s.key })
        .execute();
  }
}

/** 409: the organizer already runs a competition with this code in this year. */
export const competitionExists = (field: string) => {
  const text = t(
    'Penyelenggara ini sudah memiliki kompetisi dengan kode dan tahun yang sama.',
    'This organizer already has a competition with the same code and year.',
  );
  return conflict('competition_exists', text, { [field]: { code: 'competition_exists', message: text } });
};

/** True for a unique-constraint violation in either dialect (a concurrent insert won the race). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string } | null;
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}
