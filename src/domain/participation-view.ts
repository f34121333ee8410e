import type { ProposalState } from './proposal-workflow.js';
import {
  participationStatus,
  proposalBucket,
  remindable,
  type ParticipationStatus,
  type ReminderLevel,
} from './participation-status.js';

/*
 * The participation view from the counted rows: per institution (organizer) or per unit (admin lokal), the
 * proposals forwarded per group against the group's quota, those in progress, the status and the totals.
 * Pure: the queries count, this assembles, filters and totals.
 */

export interface GroupQuota {
  id: number;
  key: string;
  quota: number | null;
}

export interface Counted {
  /** The institution or unit the count belongs to. */
  ownerId: number;
  groupId: number;
  state: ProposalState;
  n: number;
}

export interface ParticipationLine<T> {
  subject: T;
  status: ParticipationStatus;
  forwarded: number;
  inProgress: number;
  /** Forwarded per group, in the competition's order of groups, with the group's quota (null: none). */
  groups: { key: string; forwarded: number; quota: number | null }[];
  remindable: boolean;
}

/** One line per subject (every subject, also those with no proposal), in the subjects' order. */
export function participationLines<T extends { id: number }>(
  subjects: readonly T[],
  counts: readonly Counted[],
  groups: readonly GroupQuota[],
  level: ReminderLevel,
): ParticipationLine<T>[] {
  const byOwner = new Map<number, { forwarded: Map<number, number>; inProgress: number }>();
  for (const c of counts) {
    let entry = byOwner.get(c.ownerId);
    if (!entry) byOwner.set(c.ownerId, (entry = { forwarded: new Map(), inProgress: 0 }));
    if (proposalBucket(c.state) === 'forwarded')
      entry.forwarded.set(c.groupId, (entry.forwarded.get(c.groupId) ?? 0) + c.n);
    else entry.inProgress += c.n;
  }
  return subjects.map((subject) => {
    const entry = byOwner.get(subject.id);
    const perGroup = groups.map((g) => ({
      key: g.key,
      forwarded: entry?.forwarded.get(g.id) ?? 0,
      quota: g.quota,
    }));
    const forwarded = perGroup.reduce((sum, g) => sum + g.forwarded, 0);
    const inProgress = entry?.inProgress ?? 0;
    const status = participationStatus({ forwarded, inProgress });
    return {
      subject,
      status,
      forwarded,
      inProgress,
      groups: perGroup,
      remindable: remindable(level, status),
    };
  });
}

/** How many subjects are in each status, and in all. */
export function participationTotals(lines: readonly { status: ParticipationStatus }[]) {
  const totals = { all: lines.length, forwarded: 0, inProgress: 0, nothing: 0 };
  for (const l of lines) {
    if (l.status === 'forwarded') totals.forwarded++;
    else if (l.status === 'in_progress') totals.inProgress++;
    else totals.nothing++;
  }
  return totals;
}

/**
 * Search words: every word of the query must appear in the name, case- and accent-insensitive, with the
 * usual abbreviations of local government written out ("Kab." → kabupaten, "Pemkab" → pemerintah kabupaten).
 */
const ABBREVIATIONS: Record<string, string> = {
  kab: 'kabupaten',
  pemkab: 'pemerintah kabupaten',
  pemkot: 'pemerintah kota',
  prov: 'provinsi',
  pemprov: 'pemerintah provinsi',
};

const words = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .flatMap((w) => (ABBREVIATIONS[w] ?? w).split(' '));

export function matchesSearch(name: string, query: string | undefined): boolean {
  const wanted = words(query ?? '');
  if (!wanted.length) return true;
  const have = words(name);
  return wanted.every((w) => have.some((h) => h.startsWith(w)));
}
