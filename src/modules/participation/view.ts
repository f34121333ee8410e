import type { Db } from '../../db/connect.js';
import type { CompetitionRow } from '../../db/schema.js';
import { provinceLabel } from '../../domain/dashboard.js';
import { matchesSearch, participationLines, participationTotals } from '../../domain/participation-view.js';
import { REMINDER_INTERVAL_MS, type ParticipationStatus } from '../../domain/participation-status.js';
import type { InstitutionType } from '../../db/schema.js';
import { findSubmissionStage } from '../competitions/queries.js';
import { provincePlaces } from '../dashboard/queries.js';
import { groupsOf, participantRows, proposalCounts, unitRows } from './queries.js';

/*
 * The two participation views assembled from their statements: the organizer's per institution (the
 * participants with their last reminder, and the proposals counted by institution, group and state), the
 * admin lokal's per unit of its institution.
 */

export interface InstitutionFilter {
  status?: ParticipationStatus;
  institutionType?: InstitutionType;
  provinceCode?: string;
  q?: string;
}

async function header(db: Db, c: CompetitionRow) {
  const [stage, groups] = await Promise.all([findSubmissionStage(db, c.id), groupsOf(db, c.id)]);
  return {
    competition: { id: c.id, code: c.code, name: c.name, year: c.year, timeZone: c.time_zone },
    submission: { opensAt: stage?.opens_at ?? null, closesAt: stage?.closes_at ?? null },
    groupRows: groups,
    groups: groups.map((g) => ({
      key: g.key,
      label: { id: g.name_id, en: g.name_en },
      quota: g.quota_per_institution,
    })),
    reminderIntervalHours: REMINDER_INTERVAL_MS / 3_600_000,
  };
}

const quotas = (groups: { id: number; key: string; quota_per_institution: number | null }[]) =>
  groups.map((g) => ({ id: g.id, key: g.key, quota: g.quota_per_institution }));

/** Every participant institution's line, filtered (totals over all of them). */
export async function institutionParticipation(db: Db, c: CompetitionRow, filter: InstitutionFilter) {
  const [head, participants, counts, places] = await Promise.all([
    header(db, c),
    participantRows(db, c),
    proposalCounts(db, c.id),
    provincePlaces(),
  ]);
  const lines = participationLines(
    participants,
    counts.map((n) => ({ ownerId: n.institutionId, groupId: n.groupId, state: n.state, n: n.n })),
    quotas(head.groupRows),
    'institution',
  );
  const matching = lines.filter(
    (l) =>
      (!filter.status || l.status === filter.status) &&
      (!filter.institutionType || l.subject.type === filter.institutionType) &&
      (!filter.provinceCode || l.subject.provinceKey === filter.provinceCode) &&
      matchesSearch(l.subject.name, filter.q),
  );
  const { groupRows: _omit, ...rest } = head;
  void _omit;
  const provinceName = (code: string) => provinceLabel(code, (k) => places.get(k)).id;
  const provinces = [...new Set(lines.map((l) => l.subject.provinceKey))]
    .map((code) => ({ code, name: provinceName(code) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    ...rest,
    provinces,
    totals: participationTotals(lines),
    lines: matching.map((l) => ({
      institution: {
        id: l.subject.id,
        name: l.subject.name,
        type: l.subject.type,
        provinceCode: l.subject.provinceKey,
        provinceName: provinceName(l.subject.provinceKey),
      },
      status: l.status,
      forwarded: l.forwarded,
      inProgress: l.inProgress,
      groups: l.groups,
      recipients: l.subject.localAdmins,
      lastRemindedAt: l.subject.lastRemindedAt,
      remindable: l.remindable,
    })),
  };
}

/** Every unit of one institution, filtered (totals over all of them). */
export async function unitParticipation(
  db: Db,
  c: CompetitionRow,
  institutionId: number,
  filter: { status?: ParticipationStatus; q?: string },
) {
  const [head, units, counts] = await Promise.all([
    header(db, c),
    unitRows(db, c.id, institutionId),
    proposalCounts(db, c.id, institutionId),
  ]);
  const lines = participationLines(
    units,
    counts.map((n) => ({ ownerId: n.unitId, groupId: n.groupId, state: n.state, n: n.n })),
    quotas(head.groupRows),
    'unit',
  );
  const matching = lines.filter(
    (l) => (!filter.status || l.status === filter.status) && matchesSearch(l.subject.name, filter.q),
  );
  const { groupRows: _omit, ...rest } = head;
  void _omit;
  return {
    ...rest,
    totals: participationTotals(lines),
    lines: matching.map((l) => ({
      unit: { id: l.subject.id, name: l.subject.name },
      status: l.status,
      forwarded: l.forwarded,
      inProgress: l.inProgress,
      groups: l.groups,
      recipients: l.subject.upps,
      lastRemindedAt: l.subject.lastRemindedAt,
      remindable: l.remindable,
    })),
  };
}
