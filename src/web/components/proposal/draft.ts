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

export function draftFromDetail(d: ProposalDetail): Draft {
  return fromSnapshot(d, Object.fromEntries(d.answers.map((a) => [a.sectionKey, a.text])), labelFrom(d));
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
    implementationStart: /^\d{4}-\d{2}-\d{2}$/.test(d.implementationStart) ? d.implementationStart : null,
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
