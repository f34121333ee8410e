import type { EligibilityItem } from '../../domain/proposal-eligibility.js';
import { checkEligibility } from '../../domain/proposal-eligibility.js';
import { rejectedItems } from '../../domain/proposal-rules.js';
import type { EvidenceRule } from '../../domain/evidence-requirements.js';
import { parseSourceYears } from '../../domain/competition-settings.js';
import type { EligibilityContext } from './eligibility-context.js';
import { parseRejected } from './save-fields.js';
import type { ProposalView } from './view.js';

/** The group's supporting-document rule, from its row and its form (migration 0022). */
export const evidenceRuleOf = (g: ProposalView['group']): EvidenceRule => ({
  minFiles: g.evidence_min,
  sections: g.sections
    .filter((s) => s.evidence_required === 1)
    .map((s) => ({ key: s.key, labelId: s.label_id, labelEn: s.label_en })),
});

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
    evidence: {
      rule: evidenceRuleOf(g),
      attached: view.attachments.filter((a) => a.kind === 'evidence').map((a) => a.sectionKey),
    },
    otherTitles: ctx.otherTitles,
    invitations: ctx.invitations,
    organizer: ctx.organizer,
    sameInnovationAwards: ctx.sameInnovationAwards,
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
