import type { ProposalDetail } from '../../contracts/proposals.js';
import type { ProposalRow } from '../../db/schema.js';
import { can, type Actor } from '../../domain/policy.js';
import { AWARD_LEVEL_LABELS } from '../../domain/awards.js';
import { submissionRefusal } from '../../domain/proposal-rules.js';
import { parseSourceYears } from '../../domain/competition-settings.js';
import {
  allows,
  deletionRefusal,
  STATE_LABELS,
  type ProposalAction,
} from '../../domain/proposal-workflow.js';
import { presentAttachment } from './attachment-json.js';
import type { EligibilityContext } from './eligibility-context.js';
import type { ProposalView } from './view.js';
import { completenessOf } from './eligibility.js';
import { parseRejected } from './save-fields.js';
import { parseLinks } from './snapshot.js';
import { limitsOf } from './storage-limits.js';

/** The replikasi source as the detail shows it. */
export function presentSourceAward(ctx: EligibilityContext): ProposalDetail['sourceAward'] {
  const a = ctx.sourceAward;
  if (!a) return null;
  return {
    id: a.id,
    year: a.year,
    level: a.level,
    levelLabel: AWARD_LEVEL_LABELS[a.level],
    innovationTitle: a.innovationTitle,
    institutionName: a.institutionName ?? a.institutionDirectoryName ?? null,
  };
}

/** Who may take each action now: the policy for the role, the workflow for the state, the clock for time. */
export function abilitiesOf(view: ProposalView, actor: Actor | null, now: Date): ProposalDetail['abilities'] {
  const p = view.proposal;
  const open =
    submissionRefusal(
      {
        status: view.competition.status,
        opensAt: view.submission?.opensAt ?? null,
        closesAt: view.submission?.closesAt ?? null,
        timeZone: view.competition.time_zone,
      },
      now,
      false,
    ) === null;
  const proposer = can(actor, 'proposal.edit', { institutionId: p.institution_id, unitId: p.unit_id });
  const reviewer = can(actor, 'proposal.review', { institutionId: p.institution_id });
  const unit = { institutionId: p.institution_id, unitId: p.unit_id };
  const may = (action: ProposalAction, who: boolean) => open && who && allows(p.state, action);
  return {
    edit: may('edit', proposer),
    send: may('send', proposer),
    takeBack: may('takeBack', can(actor, 'proposal.takeBack', unit)),
    delete:
      may('delete', can(actor, 'proposal.delete', unit)) &&
      deletionRefusal({ state: p.state, sentAt: p.sent_at }) === null,
    return: may('return', reviewer),
    forward: may('forward', reviewer),
    withdraw: may('withdraw', reviewer),
    upload: may('edit', proposer),
  };
}

const summaryFields = (p: ProposalRow) => ({
  id: p.id,
  code: p.code,
  title: p.title,
  acronym: p.acronym,
  state: p.state,
  stateLabel: STATE_LABELS[p.state],
  version: p.version,
  createdAt: p.created_at,
  updatedAt: p.updated_at,
  sentAt: p.sent_at,
  forwardedAt: p.forwarded_at,
  receivedAt: p.received_at,
});

/** A proposal with its form, answers, completeness and what the caller may do with it. */
export function presentDetail(
  view: ProposalView,
  ctx: EligibilityContext,
  actor: Actor | null,
  now: Date,
): ProposalDetail {
  const p = view.proposal;
  const c = view.competition;
  const category = view.categories.find((x) => x.id === p.category_id);
  const cat = (x: { id: number; key: string; name_id: string; name_en: string }) => ({
    id: x.id,
    key: x.key,
    nameId: x.name_id,
    nameEn: x.name_en,
  });
  return {
    ...summaryFields(p),
    competition: { id: c.id, code: c.code, name: c.name, year: c.year },
    group: {
      id: view.group.id,
      key: view.group.key,
      nameId: view.group.name_id,
      nameEn: view.group.name_en,
      sourceYears: parseSourceYears(view.group.source_years),
    },
    institution: { id: view.institution.id, name: view.institution.name },
    institutionType: view.institution.type,
    provinceCode: view.institution.provinceCode,
    attachmentCount: view.attachments.length,
    unit: view.unit,
    category: category ? cat(category) : null,
    implementationStart: p.implementation_start,
    innovatorKind: p.innovator_kind,
    innovatorNames: p.innovator_names,
    contactName: p.contact_name,
    contactPhone: p.contact_phone,
    contactEmail: p.contact_email,
    links: parseLinks(p.links),
    declarationAccepted: p.declaration_accepted === 1,
    returnedNote: p.returned_note,
    sourceAwardId: p.source_award_id,
    sourceAward: presentSourceAward(ctx),
    timeZone: c.time_zone,
    submissionClosesAt: view.submission?.closesAt ?? null,
    form: view.group.sections.map((s) => ({
      id: s.id,
      key: s.key,
      labelId: s.label_id,
      labelEn: s.label_en,
      guidanceId: s.guidance_id,
      guidanceEn: s.guidance_en,
      wordLimit: s.word_limit,
      required: s.required === 1,
      evidenceRequired: s.evidence_required === 1,
    })),
    evidenceMin: view.group.evidence_min,
    answers: view.answers.map((a) => ({
      sectionKey: a.sectionKey,
      text: a.text,
      wordCount: a.wordCount,
      updatedAt: a.updatedAt,
    })),
    categories: view.categories.map(cat),
    completeness: completenessOf(view, ctx, now),
    rejected: parseRejected(p.rejected_fields),
    attachments: view.attachments.map((a) => presentAttachment(p.id, a)),
    attachmentLimits: limitsOf(view),
    abilities: abilitiesOf(view, actor, now),
  };
}
