import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { InstitutionType, ProposalStateValue } from '../../db/schema.js';
import { provinceKeySql } from '../proposals/list.js';
import { isParticipantCandidate, takesPart } from './participants.js';

/*
 * The participation view reads in a constant number of statements whatever the number of institutions:
 * the participants with their last reminder and their number of admin lokal (one statement), and the
 * competition's proposals counted by institution, unit, group and state (one grouped statement).
 */

export interface ParticipantRow {
  id: number;
  name: string;
  type: InstitutionType;
  provinceKey: string;
  /** Active admin lokal accounts: who a reminder reaches. */
  localAdmins: number;
  lastRemindedAt: string | null;
}

/** Every participant institution of the competition (participants.ts), with its last reminder. */
export async function participantRows(
  db: Db,
  competition: { id: number; participants: string | null },
): Promise<ParticipantRow[]> {
  const competitionId = competition.id;
  const province = provinceKeySql('i', 'owner');
  const rows = await db
    .selectFrom('institutions as i')
    .leftJoin('institutions as owner', 'owner.id', 'i.parent_id')
    .select((eb) => [
      'i.id',
      'i.name',
      'i.type',
      'i.region_code',
      'owner.region_code as owner_region_code',
      eb
        .exists(
          eb
            .selectFrom('proposals as hp')
            .select('hp.id')
            .whereRef('hp.institution_id', '=', 'i.id')
            .where('hp.competition_id', '=', competitionId),
        )
        .as('has_proposal'),
      province.as('province_key'),
      eb
        .selectFrom('role_grants as g')
        .innerJoin('users as u', 'u.id', 'g.user_id')
        .select(sql<number>`count(distinct g.user_id)`.as('n'))
        .whereRef('g.institution_id', '=', 'i.id')
        .where('g.role', '=', 'local_admin')
        .where('u.is_active', '=', 1)
        .as('local_admins'),
      eb
        .selectFrom('participation_reminders as r')
        .select((r) => r.fn.max('r.created_at').as('at'))
        .whereRef('r.institution_id', '=', 'i.id')
        .where('r.competition_id', '=', competitionId)
        .where('r.level', '=', 'institution')
        .as('last_reminded_at'),
    ])
    .where(isParticipantCandidate(competitionId) as never)
    .orderBy('i.name')
    .orderBy('i.id')
    .execute();
  const taken = rows.filter((r) =>
    takesPart(competition, {
      type: r.type,
      regionCode: r.region_code,
      ownerRegionCode: r.owner_region_code,
      hasProposal: Boolean(r.has_proposal),
    }),
  );
  return taken.map((r) => ({
    id: r.id,
    name: r.name,
    type: r.type,
    provinceKey: r.province_key,
    localAdmins: Number(r.local_admins ?? 0),
    lastRemindedAt: (r.last_reminded_at as string | null) ?? null,
  }));
}

export interface ProposalCount {
  institutionId: number;
  unitId: number;
  groupId: number;
  state: ProposalStateValue;
  n: number;
}

/** The competition's proposals counted by institution, unit, group and state (one grouped statement). */
export async function proposalCounts(
  db: Db,
  competitionId: number,
  institutionId?: number,
): Promise<ProposalCount[]> {
  const rows = await db
    .selectFrom('proposals as p')
    .select((eb) => [
      'p.institution_id',
      'p.unit_id',
      'p.group_id',
      'p.state',
      eb.fn.countAll<number>().as('n'),
    ])
    .where('p.competition_id', '=', competitionId)
    .$if(institutionId !== undefined, (q) => q.where('p.institution_id', '=', institutionId!))
    .groupBy(['p.institution_id', 'p.unit_id', 'p.group_id', 'p.state'])
    .execute();
  return rows.map((r) => ({
    institutionId: r.institution_id,
    unitId: r.unit_id,
    groupId: r.group_id,
    state: r.state,
    n: Number(r.n),
  }));
}

export interface UnitRow {
  id: number;
  name: string;
  /** Active UPP accounts of the unit: who a reminder reaches. */
  upps: number;
  lastRemindedAt: string | null;
}

/** The units of one institution with their UPP accounts and last reminder for the competition. */
export async function unitRows(db: Db, competitionId: number, institutionId: number): Promise<UnitRow[]> {
  const rows = await db
    .selectFrom('units as un')
    .select((eb) => [
      'un.id',
      'un.name',
      eb
        .selectFrom('role_grants as g')
        .innerJoin('users as u', 'u.id', 'g.user_id')
        .select(sql<number>`count(distinct g.user_id)`.as('n'))
        .whereRef('g.unit_id', '=', 'un.id')
        .where('g.role', '=', 'upp')
        .where('u.is_active', '=', 1)
        .as('upps'),
      eb
        .selectFrom('participation_reminders as r')
        .select((r) => r.fn.max('r.created_at').as('at'))
        .whereRef('r.unit_id', '=', 'un.id')
        .where('r.competition_id', '=', competitionId)
        .where('r.level', '=', 'unit')
        .as('last_reminded_at'),
    ])
    .where('un.institution_id', '=', institutionId)
    .orderBy('un.name')
    .orderBy('un.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    upps: Number(r.upps ?? 0),
    lastRemindedAt: (r.last_reminded_at as string | null) ?? null,
  }));
}

/** Whether the institution takes part in the competition (participants.ts). */
export async function institutionParticipates(
  db: Db,
  competition: { id: number; participants: string | null },
  institutionId: number,
): Promise<boolean> {
  const row = await db
    .selectFrom('institutions as i')
    .leftJoin('institutions as owner', 'owner.id', 'i.parent_id')
    .select((eb) => [
      'i.type',
      'i.region_code',
      'owner.region_code as owner_region_code',
      eb
        .exists(
          eb
            .selectFrom('proposals as hp')
            .select('hp.id')
            .whereRef('hp.institution_id', '=', 'i.id')
            .where('hp.competition_id', '=', competition.id),
        )
        .as('has_proposal'),
    ])
    .where('i.id', '=', institutionId)
    .where(isParticipantCandidate(competition.id) as never)
    .executeTakeFirst();
  return (
    !!row &&
    takesPart(competition, {
      type: row.type,
      regionCode: row.region_code,
      ownerRegionCode: row.owner_region_code,
      hasProposal: Boolean(row.has_proposal),
    })
  );
}

/** The competition's groups in order, with their quota per institution. */
export function groupsOf(db: Db, competitionId: number) {
  return db
    .selectFrom('competition_groups')
    .select(['id', 'key', 'name_id', 'name_en', 'quota_per_institution'])
    .where('competition_id', '=', competitionId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** When each of these people was last reminded at this level in the competition. */
export async function lastReminders(
  db: Db,
  competitionId: number,
  level: 'institution' | 'unit',
  userIds: number[],
): Promise<Map<number, string>> {
  if (!userIds.length) return new Map();
  const rows = await db
    .selectFrom('participation_reminders')
    .select((eb) => ['recipient_user_id', eb.fn.max('created_at').as('at')])
    .where('competition_id', '=', competitionId)
    .where('level', '=', level)
    .where('recipient_user_id', 'in', userIds)
    .groupBy('recipient_user_id')
    .execute();
  return new Map(rows.map((r) => [r.recipient_user_id, String(r.at)]));
}

/** Active UPP accounts of these units, one row per person and unit (one statement). */
export async function uppsOfUnits(db: Db, institutionId: number, unitIds: number[]) {
  if (!unitIds.length) return [];
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('role_grants as g', 'g.user_id', 'u.id')
    .select(['u.id', 'u.email', 'u.name', 'u.locale', 'g.unit_id'])
    .distinct()
    .where('u.is_active', '=', 1)
    .where('g.role', '=', 'upp')
    .where('g.institution_id', '=', institutionId)
    .where('g.unit_id', 'in', unitIds)
    .orderBy('u.id')
    .execute();
  return rows.map((r) => ({ id: r.id, email: r.email, name: r.name, locale: r.locale, unitId: r.unit_id! }));
}
