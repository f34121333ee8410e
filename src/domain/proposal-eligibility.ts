import { AWARD_LEVEL_LABELS } from './awards.js';
import {
  implementationAge,
  khususEligible,
  duplicateTitle,
  quotaFull,
  replikasiEligible,
  REPLIKASI_SOURCE_LEVELS,
  umumEligible,
  formatYears,
  type EligibilityFailure,
  type KhususOrganizer,
  type RegistryEntry,
} from './eligibility.js';
import { t, type Text } from './errors.js';
import { evidenceGaps, type EvidenceRule } from './evidence-requirements.js';
import {
  isCalendarDate,
  missingItems,
  type FormSectionRule,
  type ProposalContent,
} from './proposal-rules.js';
import { RECEIVED_STATES, type ProposalState } from './proposal-workflow.js';

/*
 * Everything that stops one proposal from going on, in one list: what is still missing (identity fields,
 * sections, word limits, the declaration, the replikasi source and its signed statement) and the
 * eligibility rules of its group (implementation age, the award registry, invitations, a title used twice,
 * and — when forwarding — the quota). The editor shows the list before anyone presses send; send and
 * forward refuse with it. Each item names its rule (`code`), the form field to point at (`field`) and says
 * why in both languages.
 */

/** 'incomplete': something to fill in or attach; 'ineligible': a rule of the group the proposal breaks. */
export type EligibilityKind = 'incomplete' | 'ineligible';

export interface EligibilityItem {
  kind: EligibilityKind;
  /** The rule: `field_required`, `section_over_limit`, `implementation_too_recent`, `duplicate_title`, … */
  code: string;
  /**
   * Where the editor points: a form field ("title", "implementationStart", "sourceAwardId"),
   * "sections.<key>", "attachments.replication_statement", or "group" for rules of the group itself.
   */
  field: string;
  sectionKey: string | null;
  message: Text;
}

/** The award of the registry a replikasi proposal names as its source. */
export interface SourceAward extends RegistryEntry {
  id: number;
}

export interface EligibilityInput {
  content: ProposalContent;
  sections: readonly FormSectionRule[];
  answers: ReadonlyMap<string, string>;
  /** Word counts stored with the answers (see `missingItems`); counted from `answers` when absent. */
  wordCounts?: ReadonlyMap<string, number>;
  group: {
    key: string;
    name: Text;
    minImplementationMonths: number;
    invitationOnly: boolean;
    /** Years a replikasi source may come from; null = any year. */
    sourceYears: readonly number[] | null;
  };
  /** The submission stage's closing instant (null: no rule counted from it) and the competition's zone. */
  closesAt: string | null;
  timeZone: string;
  proposer: { institutionId: number; institutionName: string };
  /** Award rows that may concern this proposal (the caller may pass the whole registry). */
  registry: readonly RegistryEntry[];
  /** proposals.source_award_id, and its row (null when none is chosen or the row is gone). */
  sourceAwardId: number | null;
  sourceAward: SourceAward | null;
  /** Kinds of the attached files ('evidence', 'replication_statement'). */
  attachmentKinds: readonly string[];
  /**
   * The group's supporting-document rule (domain/evidence-requirements) and the section of each supporting
   * file attached (kind 'evidence'; null when tied to no section).
   */
  evidence: { rule: EvidenceRule; attached: readonly (string | null)[] };
  /** Titles of the other proposals of the competition that claim their title (see titleClaims). */
  otherTitles: readonly string[];
  /**
   * The institution's active invitations into this group; an invitation naming an award makes that award
   * this innovation's (the invitation says which innovation it invites, whatever its title is now).
   */
  invitations: readonly { award: RegistryEntry | null }[];
  /**
   * Awards of past proposals the secretariat confirmed as this same innovation (a near-duplicate match
   * confirmed "inovasi yang sama"): they count as this innovation's, whatever their title and institution.
   */
  sameInnovationAwards?: readonly RegistryEntry[];
  /** The competition's organizer, named by the khusus invitation rule (absent: the national KIPP's wording). */
  organizer?: KhususOrganizer | null;
  /** When forwarding: the group's quota and the slots the institution's other proposals already hold. */
  quota?: { used: number; quota: number | null };
  now: Date;
}

/** Group keys with their own rules (kipp-reference §3); other groups get the common rules only. */
export const UMUM = 'umum';
export const REPLIKASI = 'replikasi';
export const KHUSUS = 'khusus';

/** Whether the rules read the institution's invitations for this group (khusus, or invitation-only). */
export const readsInvitations = (group: { key: string; invitationOnly: boolean }) =>
  group.key === KHUSUS || group.invitationOnly;

/** The signed statement a replikasi proposal must attach (proposal_attachments.kind). */
export const REPLICATION_STATEMENT = 'replication_statement';

/**
 * States in which a proposal claims its title in the competition: it has been sent and is not back with
 * its unit. An unsent (or frozen) draft claims nothing, so a stale draft never blocks another unit. Among
 * claiming proposals the earlier send keeps the title (see `titleClaimsAhead`).
 */
export const TITLE_CLAIMING_STATES: readonly ProposalState[] = [
  'sent_to_local_admin',
  'forwarded',
  'withdrawn',
  ...RECEIVED_STATES,
];

/**
 * Whether another proposal's claim on a title comes before this one's: a proposal that does not claim
 * yet (a draft about to be sent) yields to every claiming one; between two claiming proposals the one sent
 * first (then the lower id) keeps the title, so two sends that raced are not both refused at forward.
 */
export function titleClaimsAhead(
  mine: { id: number; state: ProposalState; sentAt: string | null },
  other: { id: number; state: ProposalState; sentAt: string | null },
): boolean {
  if (!TITLE_CLAIMING_STATES.includes(other.state)) return false;
  if (!TITLE_CLAIMING_STATES.includes(mine.state) || !mine.sentAt) return true;
  const o = other.sentAt ?? '';
  return o < mine.sentAt || (o === mine.sentAt && other.id < mine.id);
}

const ineligible = (field: string, failures: EligibilityFailure[]): EligibilityItem[] =>
  failures.map((f) => ({ kind: 'ineligible', code: f.rule, field, sectionKey: null, message: f.message }));

const awardLabel = (a: RegistryEntry): Text =>
  t(`${AWARD_LEVEL_LABELS[a.level].id} ${a.year}`, `${AWARD_LEVEL_LABELS[a.level].en} ${a.year}`);

/**
 * Whether an award may be chosen as a replikasi source for a group: a Top 99 (or higher) of one of the
 * group's source years. Returns the refusal, or null. (The full rule, with the proposer's own awards, is
 * `replikasiEligible`; this is what the source picker and the save check.)
 */
export function sourceAwardRefusal(award: RegistryEntry, sourceYears: readonly number[] | null): Text | null {
  if (!REPLIKASI_SOURCE_LEVELS.has(award.level))
    return t(
      'Inovasi sumber harus inovasi Top 99 (atau lebih tinggi).',
      'The source must be a Top 99 (or higher) innovation.',
    );
  if (sourceYears !== null && !sourceYears.includes(award.year)) {
    const label = awardLabel(award);
    return t(
      `Inovasi sumber (${label.id}) harus dari KIPP tahun ${formatYears(sourceYears)}.`,
      `The source (${label.en}) must be from KIPP ${formatYears(sourceYears)}.`,
    );
  }
  return null;
}

/**
 * Composes every check for one proposal, in form order: the missing items of `missingItems`, then the
 * group's own requirements (replikasi: the source and the signed statement), the supporting documents the
 * group's form requires, then the rules —
 * implementation age against the close in the competition's zone, the group's registry rule (umum: never a
 * Top Terpuji and fewer than two Top 99; replikasi: a qualifying source and a proposer never awarded;
 * khusus: invited, a Top Terpuji designated at least a year before; any other invitation-only group:
 * invited), a title another proposal of the competition already claims, and the quota when given.
 * Empty = the proposal may go on.
 */
export function checkEligibility(input: EligibilityInput): EligibilityItem[] {
  const items: EligibilityItem[] = missingItems(
    input.content,
    input.sections,
    input.answers,
    input.wordCounts,
  ).map((m) => ({
    kind: 'incomplete',
    ...m,
  }));
  const { group, content } = input;
  const innovation = {
    title: content.title,
    institutionId: input.proposer.institutionId,
    institutionName: input.proposer.institutionName,
  };

  if (group.key === REPLIKASI) {
    if (input.sourceAwardId === null)
      items.push({
        kind: 'incomplete',
        code: 'source_required',
        field: 'sourceAwardId',
        sectionKey: null,
        message: t(
          'Pilih inovasi Top 99 yang direplikasi dari daftar penghargaan.',
          'Choose the Top 99 innovation being replicated from the award registry.',
        ),
      });
    else if (input.sourceAward === null)
      items.push({
        kind: 'incomplete',
        code: 'source_not_found',
        field: 'sourceAwardId',
        sectionKey: null,
        message: t(
          'Inovasi sumber yang dipilih tidak ada lagi di daftar penghargaan; pilih kembali.',
          'The chosen source innovation is no longer in the award registry; choose it again.',
        ),
      });
    if (!input.attachmentKinds.includes(REPLICATION_STATEMENT))
      items.push({
        kind: 'incomplete',
        code: 'attachment_required',
        field: `attachments.${REPLICATION_STATEMENT}`,
        sectionKey: null,
        message: t(
          'Lampirkan surat pernyataan replikasi yang ditandatangani (PDF).',
          'Attach the signed replication statement (PDF).',
        ),
      });
  }

  for (const gap of evidenceGaps(input.evidence.rule, input.evidence.attached))
    items.push({ kind: 'incomplete', ...gap });

  if (input.closesAt && content.implementationStart && isCalendarDate(content.implementationStart))
    items.push(
      ...ineligible(
        'implementationStart',
        implementationAge({
          startedOn: content.implementationStart,
          closesAt: input.closesAt,
          timeZone: input.timeZone,
          minMonths: group.minImplementationMonths,
          now: input.now,
        }),
      ),
    );

  // A confirmed same innovation's awards are this innovation's, under today's title and institution.
  const confirmedSame = (input.sameInnovationAwards ?? []).map((a) => ({
    ...a,
    innovationTitle: content.title,
    institutionId: input.proposer.institutionId,
    institutionName: input.proposer.institutionName,
  }));
  const registry = confirmedSame.length ? [...input.registry, ...confirmedSame] : input.registry;

  if (group.key === UMUM) items.push(...ineligible('title', umumEligible(innovation, registry)));

  if (group.key === REPLIKASI && input.sourceAward) {
    const source = {
      title: input.sourceAward.innovationTitle,
      institutionId: input.sourceAward.institutionId ?? null,
      institutionName: input.sourceAward.institutionName ?? null,
    };
    for (const f of replikasiEligible(
      source,
      innovation,
      [...registry, input.sourceAward],
      group.sourceYears,
    ))
      items.push(...ineligible(f.rule === 'replikasi_source_not_top99' ? 'sourceAwardId' : 'title', [f]));
  }

  const invited = input.invitations.length > 0;
  if (group.key === KHUSUS) {
    // An award the invitation names counts as this innovation's, whatever the title is now.
    const named = input.invitations
      .map((i) => i.award)
      .filter((a): a is RegistryEntry => a !== null)
      .map((a) => ({ ...a, innovationTitle: content.title, institutionId: input.proposer.institutionId }));
    for (const f of khususEligible(innovation, [...registry, ...named], {
      invited: invited || !group.invitationOnly,
      closesAt: input.closesAt ?? input.now.toISOString(),
      timeZone: input.timeZone,
      organizer: input.organizer,
    }))
      items.push(...ineligible(f.rule === 'khusus_not_invited' ? 'group' : 'title', [f]));
  } else if (group.invitationOnly && !invited)
    items.push(
      ...ineligible('group', [
        {
          rule: 'not_invited',
          message: t(
            `Kelompok ${group.name.id} hanya untuk instansi yang diundang penyelenggara.`,
            `The ${group.name.en} group is only for institutions the organizer invited.`,
          ),
        },
      ]),
    );

  items.push(...ineligible('title', duplicateTitle(content.title, input.otherTitles)));

  if (input.quota) items.push(...ineligible('group', quotaFull(input.quota, group.name)));
  return items;
}

/** The answer to "may it go on?": complete when nothing is listed. */
export function completenessFrom(items: EligibilityItem[]): {
  complete: boolean;
  missing: EligibilityItem[];
} {
  return { complete: items.length === 0, missing: items };
}
