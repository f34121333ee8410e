import type { Db } from '../../../db/connect.js';
import type { CompetitionRow, InstitutionRow } from '../../../db/schema.js';
import { kippIdentity, kippTemplate } from '../../../domain/competition-template.js';
import { DEFAULT_TEMPLATE_PRESET, type TemplatePresetId } from '../../../domain/competition-presets.js';
import {
  isValidTimeZone,
  normalizeDefinition,
  validateCompetitionDefinition,
} from '../../../domain/competition-rules.js';
import { fieldError, invalidFields, t } from '../../../domain/errors.js';
import { nameInviterIn } from '../../../domain/khusus-inviter.js';
import { defaultParticipation, serializeParticipation } from '../../../domain/participation.js';
import { recordAudit } from '../../../platform/audit.js';
import { competitionExists, isUniqueViolation, writeDefinitionRows } from '../definition-rows.js';
import { findClash } from '../queries.js';

export interface CreateFromTemplateInput {
  template: 'kipp';
  /** The year's preset (domain/competition-presets); default DEFAULT_TEMPLATE_PRESET. */
  preset?: TemplatePresetId;
  year: number;
  organizer: InstitutionRow;
  name?: string;
  code?: string;
  theme?: string;
  timeZone?: string;
  createdBy: number;
  ip: string | null;
  now: Date;
}

/**
 * Creates a draft competition from the KIPP template of the chosen year (preset) with all its categories,
 * groups, forms and stages and the audit row, in one transaction; who may take part defaults from the
 * organizer (domain/participation.ts `defaultParticipation`). Refuses an invalid result (400) and a second competition of
 * the same organizer, code and year (409 `competition_exists`).
 */
export async function createFromTemplate(db: Db, input: CreateFromTemplateInput): Promise<CompetitionRow> {
  const { organizer } = input;
  const identity = kippIdentity(
    {
      id: organizer.id,
      type: organizer.type,
      name: organizer.name,
      shortName: organizer.short_name,
      regionCode: organizer.region_code,
    },
    input.year,
  );
  // The template places its windows in the zone, so an unknown zone is refused before it is used.
  if (input.timeZone !== undefined && !isValidTimeZone(input.timeZone))
    throw fieldError(
      'timeZone',
      'invalid_time_zone',
      t('Zona waktu tidak dikenal (contoh: Asia/Jakarta).', 'Unknown time zone (for example Asia/Jakarta).'),
    );
  const preset = input.preset ?? DEFAULT_TEMPLATE_PRESET;
  const template = kippTemplate({ year: input.year, timeZone: input.timeZone, preset });
  // The invitation-only groups say who invites: this organizer (KemenPAN-RB: the Minister of PANRB).
  const inviter = { name: organizer.name, shortName: organizer.short_name };
  const groups = template.groups.map((g) => {
    if (!g.invitationOnly) return g;
    const d = nameInviterIn({ id: g.descriptionId, en: g.descriptionEn }, inviter);
    return { ...g, descriptionId: d.id, descriptionEn: d.en };
  });
  const def = normalizeDefinition({
    ...template,
    groups,
    code: input.code ?? identity.code,
    name: input.name ?? identity.name,
    theme: input.theme ?? template.theme,
  });
  const problems = validateCompetitionDefinition(def);
  if (Object.keys(problems).length) throw invalidFields(problems);

  const now = input.now.toISOString();
  try {
    return await db.transaction().execute(async (tx) => {
      if (await findClash(tx, { organizerInstitutionId: organizer.id, code: def.code, year: def.year }))
        throw competitionExists('year');
      const competition = await tx
        .insertInto('competitions')
        .values({
          organizer_institution_id: organizer.id,
          code: def.code,
          name: def.name,
          year: def.year,
          theme: def.theme,
          description: def.description,
          time_zone: def.timeZone,
          status: 'draft',
          settings: JSON.stringify(def.settings),
          // A province's competition takes the province and its regencies/cities (the national KIPP: all).
          participants: serializeParticipation(
            defaultParticipation({ type: organizer.type, regionCode: organizer.region_code }),
          ),
          created_by: input.createdBy,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeDefinitionRows(tx, competition.id, def);
      await recordAudit(tx, {
        actorUserId: input.createdBy,
        action: 'competition.created',
        entityType: 'competition',
        entityId: competition.id,
        summary: {
          template: input.template,
          preset,
          organizerInstitutionId: organizer.id,
          code: def.code,
          year: def.year,
          name: def.name,
          groups: def.groups.map((g) => g.key),
          categories: def.categories.length,
          stages: def.stages.map((s) => s.kind),
          participants: defaultParticipation({ type: organizer.type, regionCode: organizer.region_code }),
        },
        scope: { competitionId: competition.id, organizerInstitutionId: organizer.id },
        ip: input.ip,
        now: input.now,
      });
      return competition;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw competitionExists('year');
    throw err;
  }
}
