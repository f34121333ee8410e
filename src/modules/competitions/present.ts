import type { CompetitionDetail, CompetitionSummary } from '../../contracts/competitions.js';
import type { AmendmentRow, StageRow } from '../../db/schema.js';
import type { Text } from '../../domain/errors.js';
import {
  DEFAULT_ALLOWED_FILE_TYPES,
  type CompetitionDefinition,
  type CompetitionSettings,
} from '../../domain/competition-template.js';
import { currentStage, submissionClosesAt } from '../../domain/competition-rules.js';
import {
  DEFAULT_MAX_INSTITUTION_STORAGE_MB,
  DEFAULT_MAX_OPEN_DRAFTS_PER_UNIT,
} from '../../domain/storage-limits.js';
import { can, type Actor } from '../../domain/policy.js';
import type { CompetitionFull } from './queries.js';

export function parseSettings(json: string): CompetitionSettings {
  let raw: Partial<CompetitionSettings> = {};
  try {
    raw = JSON.parse(json) as Partial<CompetitionSettings>;
  } catch {
    raw = {};
  }
  return {
    allowedFileTypes: Array.isArray(raw.allowedFileTypes)
      ? raw.allowedFileTypes
      : [...DEFAULT_ALLOWED_FILE_TYPES],
    maxFileMb: typeof raw.maxFileMb === 'number' ? raw.maxFileMb : 10,
    maxProposalMb: typeof raw.maxProposalMb === 'number' ? raw.maxProposalMb : 50,
    maxOpenDraftsPerUnit:
      typeof raw.maxOpenDraftsPerUnit === 'number'
        ? raw.maxOpenDraftsPerUnit
        : DEFAULT_MAX_OPEN_DRAFTS_PER_UNIT,
    maxInstitutionStorageMb:
      typeof raw.maxInstitutionStorageMb === 'number'
        ? raw.maxInstitutionStorageMb
        : DEFAULT_MAX_INSTITUTION_STORAGE_MB,
  };
}

/** A group's stored source years (JSON text): the list, or null for any year (also for unreadable text). */
export function parseSourceYears(json: string | null): number[] | null {
  if (!json) return null;
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) && v.every((y) => Number.isInteger(y)) ? (v as number[]) : null;
  } catch {
    return null;
  }
}

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
      sections: g.sections.map((s) => ({
        key: s.key,
        labelId: s.label_id,
        labelEn: s.label_en,
        guidanceId: s.guidance_id,
        guidanceEn: s.guidance_en,
        wordLimit: s.word_limit,
        weight: s.weight,
        required: s.required === 1,
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

const stage = (s: StageRow) => ({
  id: s.id,
  kind: s.kind,
  nameId: s.name_id,
  nameEn: s.name_en,
  opensAt: s.opens_at,
  closesAt: s.closes_at,
});

function timeline(full: CompetitionFull, now: Date) {
  const stages = full.stages.map(stage);
  return {
    stages,
    currentStage: currentStage(stages, now),
    submissionClosesAt: submissionClosesAt(stages),
  };
}

const organizerOf = (full: CompetitionFull) => ({
  organizerInstitutionId: full.competition.organizer_institution_id,
});

/** A competition in the public list. */
export function presentSummary(full: CompetitionFull, actor: Actor | null, now: Date): CompetitionSummary {
  const c = full.competition;
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    year: c.year,
    theme: c.theme,
    timeZone: c.time_zone,
    status: c.status,
    organizer: full.organizer,
    categories: full.categories.map((x) => ({ id: x.id, key: x.key, nameId: x.name_id, nameEn: x.name_en })),
    groups: full.groups.map((g) => ({
      id: g.id,
      key: g.key,
      nameId: g.name_id,
      nameEn: g.name_en,
      minImplementationMonths: g.min_implementation_months,
      quotaPerInstitution: g.quota_per_institution,
      invitationOnly: g.invitation_only === 1,
      sourceYears: parseSourceYears(g.source_years),
    })),
    ...timeline(full, now),
    abilities: {
      manage: can(actor, 'competition.manage', organizerOf(full)),
      dashboard: can(actor, 'proposal.viewAll', organizerOf(full)),
    },
  };
}

/** The amendment rows as the public page shows them. */
export function presentAmendments(rows: AmendmentRow[]): CompetitionDetail['amendments'] {
  return rows.map((a) => {
    let changes: Text[] = [];
    try {
      const v = JSON.parse(a.changes) as unknown;
      if (Array.isArray(v))
        changes = v.filter((x): x is Text => typeof x?.id === 'string' && typeof (x as Text).en === 'string');
    } catch {
      changes = [];
    }
    return {
      id: a.id,
      number: a.number,
      changes: changes.map((c) => ({ id: c.id, en: c.en })),
      reasonId: a.reason_id,
      reasonEn: a.reason_en,
      createdAt: a.created_at,
    };
  });
}

/**
 * A competition with its whole definition, its amendments and what the caller may do with it. `hasProposals`:
 * unpublishing is refused once the competition holds a proposal (domain/competition-changes `mayUnpublish`).
 */
export function presentDetail(
  full: CompetitionFull,
  actor: Actor | null,
  now: Date,
  extra: { amendments: AmendmentRow[]; hasProposals: boolean },
): CompetitionDetail {
  const c = full.competition;
  const def = toDefinition(full);
  const manage = can(actor, 'competition.manage', organizerOf(full));
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    year: c.year,
    theme: c.theme,
    description: c.description,
    timeZone: c.time_zone,
    status: c.status,
    settings: def.settings,
    organizer: full.organizer,
    categories: full.categories.map((x) => ({ id: x.id, key: x.key, nameId: x.name_id, nameEn: x.name_en })),
    groups: full.groups.map((g, i) => ({
      id: g.id,
      ...def.groups[i],
      sections: g.sections.map((s, j) => ({ id: s.id, ...def.groups[i].sections[j] })),
    })),
    ...timeline(full, now),
    amendments: presentAmendments(extra.amendments),
    createdAt: c.created_at,
    updatedAt: c.updated_at,
    abilities: {
      manage,
      publish: manage && c.status === 'draft',
      unpublish: manage && c.status === 'published' && !extra.hasProposals,
    },
  };
}
