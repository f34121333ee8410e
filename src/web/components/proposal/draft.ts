import type { ProposalDetail, SaveProposalBody } from '../../../contracts/proposals.js';

/** What the editor holds: every editable field as the inputs show it (strings, never null). */
export interface Draft {
  title: string;
  acronym: string;
  categoryKey: string;
  implementationStart: string;
  innovatorKind: '' | 'person' | 'team';
  innovatorNames: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  linkStandard: string;
  linkVideo: string;
  declarationAccepted: boolean;
  /** The replikasi source: the award's id and how the picker names it. */
  source: { id: number; label: string } | null;
  answers: Record<string, string>;
}

export const LINK_STANDARD = 'Standar pelayanan';
export const LINK_VIDEO = 'Video';

type Snapshot = {
  title?: string | null;
  acronym?: string | null;
  categoryKey?: string | null;
  category?: { key: string } | null;
  implementationStart?: string | null;
  innovatorKind?: 'person' | 'team' | null;
  innovatorNames?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
  contactEmail?: string | null;
  links?: { label: string; url: string }[];
  declarationAccepted?: boolean;
  sourceAwardId?: number | null;
};

/** The two links the form asks for are kept under fixed labels; any other link is ignored here. */
function fromSnapshot(
  s: Snapshot,
  answers: Record<string, string>,
  sourceLabel: (id: number) => string = (id) => `#${id}`,
): Draft {
  const link = (label: string) => s.links?.find((l) => l.label === label)?.url ?? '';
  return {
    title: s.title ?? '',
    acronym: s.acronym ?? '',
    categoryKey: s.categoryKey ?? s.category?.key ?? '',
    implementationStart: s.implementationStart ?? '',
    innovatorKind: s.innovatorKind ?? '',
    innovatorNames: s.innovatorNames ?? '',
    contactName: s.contactName ?? '',
    contactPhone: s.contactPhone ?? '',
    contactEmail: s.contactEmail ?? '',
    linkStandard: link(LINK_STANDARD),
    linkVideo: link(LINK_VIDEO),
    declarationAccepted: s.declarationAccepted ?? false,
    source: s.sourceAwardId ? { id: s.sourceAwardId, label: sourceLabel(s.sourceAwardId) } : null,
    answers,
  };
}

/** The picker's name of the detail's source award, or "#id" for another one. */
const labelFrom = (d: ProposalDetail) => (id: number) => {
  const a = d.sourceAward;
  if (!a || a.id !== id) return `#${id}`;
  return `${a.innovationTitle} — ${a.institutionName ?? '-'} (${a.levelLabel.id} ${a.year})`;
};

/** A field an autosave refused, as the API names it: code, reason, and (in the detail) the value typed. */
export interface Refusal {
  code: string;
  message: { id: string; en: string };
  value?: unknown;
}

/**
 * Where the editor shows a refusal: a Draft key ("linkStandard", "source"), "sections.<key>", or the API's
 * own key when the form has no input for it (shown in the alert only).
 */
export function refusalTarget(key: string, r: Refusal): string {
  if (key.startsWith('links.')) {
    const label = (r.value as { label?: unknown } | null | undefined)?.label;
    if (label === LINK_STANDARD) return 'linkStandard';
    if (label === LINK_VIDEO) return 'linkVideo';
    return key;
  }
  if (key === 'sourceAwardId') return 'source';
  return key;
}

/** The refusals by where the editor shows them. */
export function refusalsByTarget(rejected: Record<string, Refusal>): Record<string, Refusal> {
  const out: Record<string, Refusal> = {};
  for (const [k, r] of Object.entries(rejected)) out[refusalTarget(k, r)] ??= r;
  return out;
}

const TEXT_FIELDS = [
  'title',
  'acronym',
  'categoryKey',
  'implementationStart',
  'innovatorNames',
  'contactName',
  'contactPhone',
  'contactEmail',
] as const;

/** The draft with what the server refused put back as it was typed, so it can be seen and put right. */
function withRefusedValues(draft: Draft, rejected: Record<string, Refusal>): Draft {
  const next = { ...draft, answers: { ...draft.answers } };
  for (const [key, r] of Object.entries(rejected)) {
    const target = refusalTarget(key, r);
    const v = r.value;
    if (
      (target === 'linkStandard' || target === 'linkVideo') &&
      typeof (v as { url?: unknown })?.url === 'string'
    )
      next[target] = (v as { url: string }).url;
    else if ((TEXT_FIELDS as readonly string[]).includes(target) && typeof v === 'string')
      next[target as (typeof TEXT_FIELDS)[number]] = v;
    else if (target.startsWith('sections.') && typeof v === 'string')
      next.answers[target.slice('sections.'.length)] = v;
  }
  return next;
}

export function draftFromDetail(d: ProposalDetail): Draft {
  const draft = fromSnapshot(
    d,
    Object.fromEntries(d.answers.map((a) => [a.sectionKey, a.text])),
    labelFrom(d),
  );
  return Object.keys(d.rejected).length ? withRefusedValues(draft, d.rejected) : draft;
}

/** The `server` copy a 409 version_conflict carries (see snapshotOf in the proposals module). */
export function draftFromServerCopy(server: Record<string, unknown>, d?: ProposalDetail): Draft {
  return fromSnapshot(
    server as Snapshot,
    (server.answers as Record<string, string> | undefined) ?? {},
    d ? labelFrom(d) : undefined,
  );
}

const orNull = (s: string) => (s.trim() === '' ? null : s);

/** The PATCH body for a draft: everything at once, so a save never depends on what the last one sent. */
export function bodyOf(d: Draft, version: number, sectionKeys: string[]): SaveProposalBody {
  const links = [
    { label: LINK_STANDARD, url: d.linkStandard.trim() },
    { label: LINK_VIDEO, url: d.linkVideo.trim() },
  ].filter((l) => l.url !== '');
  return {
    version,
    ...(d.title.trim() !== '' ? { title: d.title } : {}),
    acronym: orNull(d.acronym),
    categoryKey: orNull(d.categoryKey),
    // As typed: a date the server cannot read is refused at its field and keeps the one stored.
    implementationStart: orNull(d.implementationStart),
    innovatorKind: d.innovatorKind === '' ? null : d.innovatorKind,
    innovatorNames: orNull(d.innovatorNames),
    contactName: orNull(d.contactName),
    contactPhone: orNull(d.contactPhone),
    contactEmail: orNull(d.contactEmail),
    links,
    declarationAccepted: d.declarationAccepted,
    sourceAwardId: d.source?.id ?? null,
    answers: sectionKeys.map((k) => ({ sectionKey: k, text: d.answers[k] ?? '' })),
  };
}
