import type { CompetitionDetail, CompetitionSummary } from '../../contracts/competitions.js';
import type { AmendmentRow, StageRow } from '../../db/schema.js';
import type { Text } from '../../domain/errors.js';
import { currentStage, submissionClosesAt } from '../../domain/competition-rules.js';
import { parseSettings, parseSourceYears } from '../../domain/competition-settings.js';
import type { ParticipationRule } from '../../domain/participation.js';
import { can, type Actor } from '../../domain/policy.js';
import { toDefinition } from './definition-rows.js';
import type { CompetitionFull } from './queries.js';

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

/** Who may take part, as the API says it: the rule in words and whether the caller's institution may enter. */
export interface ParticipationView {
  rule: ParticipationRule;
  text: Text;
  enter: boolean;
}

/** A competition in the public list. */
export function presentSummary(
  full: CompetitionFull,
  actor: Actor | null,
  now: Date,
  participation: ParticipationView,
): CompetitionSummary {
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
    participants: participation.text,
    helpdesk: parseSettings(c.settings).helpdesk,
    abilities: {
      manage: can(actor, 'competition.manage', organizerOf(full)),
      dashboard: can(actor, 'proposal.viewAll', organizerOf(full)),
      // The selection's hub, once the competition is published (a draft has nothing to select).
      selection: c.status !== 'draft' && can(actor, 'selection.view', organizerOf(full)),
      enter: participation.enter,
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
  extra: { amendments: AmendmentRow[]; hasProposals: boolean; participation: ParticipationView },
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
    participants: {
      types: extra.participation.rule.types,
      regions: extra.participation.rule.regions,
      text: extra.participation.text,
    },
    organizer: full.organizer,
    categories: full.categories.map((x) => ({ id: x.id, key: x.key, nameId: x.name_id, nameEn: x.name_en })),
    groups: full.groups.map((g, i) => ({
      id: g.id,
      ...def.groups[i],
      evidenceMin: g.evidence_min,
      sections: g.sections.map((s, j) => ({
        id: s.id,
        ...def.groups[i].sections[j],
        evidenceRequired: s.evidence_required === 1,
      })),
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
