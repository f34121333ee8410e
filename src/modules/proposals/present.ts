import type { ProposalDetail } from '../../contracts/proposals.js';
import type { ProposalRow } from '../../db/schema.js';
import { attachmentLimits } from '../../domain/attachments.js';
import { can, type Actor } from '../../domain/policy.js';
import { AWARD_LEVEL_LABELS } from '../../domain/awards.js';
import { checkEligibility, type EligibilityItem } from '../../domain/proposal-eligibility.js';
import { rejectedItems, submissionRefusal } from '../../domain/proposal-rules.js';
import { parseSourceYears } from '../../domain/competition-settings.js';
import { allows, STATE_LABELS, type ProposalAction } from '../../domain/proposal-workflow.js';
import { parseSettings } from '../../domain/competition-settings.js';
import { presentAttachment } from './attachment-json.js';
import type { EligibilityContext, ProposalView } from './queries.js';
import { parseRejected } from './save-fields.js';

export function parseLinks(json: string): { label: string; url: string }[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v)
      ? v
          .filter(
            (x): x is { label: string; url: string } =>
              typeof x?.label === 'string' && typeof x?.url === 'string',
          )
          .map((x) => ({ label: x.label, url: x.url }))
      : [];
  } catch {
    return [];
  }
}

/**
 * Everything that stops the proposal from going on (domain/proposal-eligibility): what is missing and the
 * group's rules it breaks; with `quota` (forwarding) also a full quota. Empty when it may go on.
 */
export function eligibilityOf(
  view: ProposalView,
  ctx: EligibilityContext,
  now: Date,
  quota?: { used: number; quota: number | null },
): EligibilityItem[] {
  const p = view.proposal;
  const g = view.group;
  const sections = g.sections.map((s) => ({
    key: s.key,
    labelId: s.label_id,
    labelEn: s.label_en,
    wordLimit: s.word_limit,
    required: s.required === 1,
  }));
  // What an autosave refused comes first: sending now would drop what was typed there.
  const refused: EligibilityItem[] = p.rejected_fields
    ? rejectedItems(parseRejected(p.rejected_fields), sections).map((i) => ({ kind: 'incomplete', ...i }))
    : [];
  const items = checkEligibility({
    content: {
      title: p.title,
      acronym: p.acronym,
      categoryId: p.category_id,
      implementationStart: p.implementation_start,
      innovatorKind: p.innovator_kind,
      innovatorNames: p.innovator_names,
      contactName: p.contact_name,
      contactPhone: p.contact_phone,
      contactEmail: p.contact_email,
      declarationAccepted: p.declaration_accepted === 1,
    },
    sections,
    answers: new Map(view.answers.map((a) => [a.sectionKey, a.text])),
    wordCounts: new Map(view.answers.map((a) => [a.sectionKey, a.wordCount])),
    group: {
      key: g.key,
      name: { id: g.name_id, en: g.name_en },
      minImplementationMonths: g.min_implementation_months,
      invitationOnly: g.invitation_only === 1,
      sourceYears: parseSourceYears(g.source_years),
    },
    closesAt: view.submission?.closesAt ?? null,
    timeZone: view.competition.time_zone,
    proposer: { institutionId: view.institution.id, institutionName: view.institution.name },
    registry: ctx.registry,
    sourceAwardId: p.source_award_id,
    sourceAward: ctx.sourceAward,
    attachmentKinds: view.attachments.map((a) => a.kind),
    otherTitles: ctx.otherTitles,
    invitations: ctx.invitations,
    quota,
    now,
  });
  return refused.length ? [...refused, ...items] : items;
}

/** What is still missing or breaks a rule before the proposal may be sent (`missing` empty when complete). */
export function completenessOf(
  view: ProposalView,
  ctx: EligibilityContext,
  now: Date,
): { complete: boolean; missing: EligibilityItem[] } {
  const missing = eligibilityOf(view, ctx, now);
  return { complete: missing.length === 0, missing };
}

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

/** The JSON kept in a revision: the proposal's fields and its answers by section key. */
export function snapshotOf(view: ProposalView): Record<string, unknown> {
  const p = view.proposal;
  return {
    id: p.id,
    code: p.code,
    state: p.state,
    version: p.version,
    groupKey: view.group.key,
    categoryKey: view.categories.find((c) => c.id === p.category_id)?.key ?? null,
    title: p.title,
    acronym: p.acronym,
    implementationStart: p.implementation_start,
    innovatorKind: p.innovator_kind,
    innovatorNames: p.innovator_names,
    contactName: p.contact_name,
    contactPhone: p.contact_phone,
    contactEmail: p.contact_email,
    links: parseLinks(p.links),
    declarationAccepted: p.declaration_accepted === 1,
    sourceAwardId: p.source_award_id,
    returnedNote: p.returned_note,
    updatedAt: p.updated_at,
    answers: Object.fromEntries(view.answers.map((a) => [a.sectionKey, a.text])),
    attachments: view.attachments.map((a) => ({
      kind: a.kind,
      sectionKey: a.sectionKey,
      name: a.name,
      size: a.size,
      sha256: a.sha256,
    })),
  };
}

/** The limits of the proposal's evidence and what it already takes. */
export function limitsOf(view: ProposalView) {
  return attachmentLimits(
    parseSettings(view.competition.settings),
    view.attachments.map((a) => a.size),
  );
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
  const may = (action: ProposalAction, who: boolean) => open && who && allows(p.state, action);
  return {
    edit: may('edit', proposer),
    send: may('send', proposer),
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
    })),
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
