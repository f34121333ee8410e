import { dialectOf, type Db } from '../../db/connect.js';
import type { CompetitionRow, StageRow } from '../../db/schema.js';
import { conflictReasons, parseRegionalRule, type StoredConflict } from '../../domain/conflicts.js';
import { parseSettings } from '../../domain/deadlines.js';
import { notFound, t } from '../../domain/errors.js';
import {
  presentationSettingsOf,
  slotMinutes,
  type PresentationSettings,
} from '../../domain/presentation-settings.js';
import type { Interval, ScheduleInput, Placement } from '../../domain/presentation-schedule.js';

/*
 * What the presentation schedule reads: the competition's `presentation` stage and its settings, the
 * sessions with their panelists, the finalists (proposals in state `finalist`) with their institutions,
 * conflicts with the panel and unavailable times, the slots and the schedule's publication row.
 */

export const competitionNotFound = () => notFound(t('Kompetisi tidak ditemukan.', 'Competition not found.'));
export const stageNotFound = () =>
  notFound(t('Tahap presentasi tidak ditemukan.', 'The presentation stage was not found.'));

export async function findCompetition(db: Db, id: number): Promise<CompetitionRow | undefined> {
  return db.selectFrom('competitions').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface PresentationContext {
  competition: CompetitionRow;
  stage: StageRow;
  settings: PresentationSettings;
  groups: { key: string; nameId: string; nameEn: string }[];
}

/** The competition's presentation stage; `lock` holds its row on PostgreSQL so changes wait for each other. */
export async function loadContext(
  db: Db,
  competition: CompetitionRow,
  lock = false,
): Promise<PresentationContext> {
  const stage = await db
    .selectFrom('stages')
    .selectAll()
    .where('competition_id', '=', competition.id)
    .where('kind', '=', 'presentation')
    .$if(lock && dialectOf(db) === 'postgres', (qb) => qb.forUpdate())
    .executeTakeFirst();
  if (!stage) throw stageNotFound();
  const groups = await db
    .selectFrom('competition_groups')
    .select(['key', 'name_id', 'name_en'])
    .where('competition_id', '=', competition.id)
    .orderBy('position')
    .execute();
  return {
    competition,
    stage,
    settings: presentationSettingsOf(parseSettings(stage.settings)),
    groups: groups.map((g) => ({ key: g.key, nameId: g.name_id, nameEn: g.name_en })),
  };
}

export interface SessionItem {
  id: number;
  name: string;
  startsAt: string;
  endsAt: string;
  mode: 'offline' | 'online';
  room: string | null;
  meetingUrl: string | null;
  groupKeys: string[];
  panelistIds: number[];
}

const keys = (json: string): string[] => {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

export async function sessionsOf(db: Db, stageId: number): Promise<SessionItem[]> {
  const rows = await db
    .selectFrom('presentation_sessions')
    .selectAll()
    .where('stage_id', '=', stageId)
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
  const seats = rows.length
    ? await db
        .selectFrom('presentation_session_panelists')
        .select(['session_id', 'user_id'])
        .where(
          'session_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('user_id')
        .execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    mode: r.mode,
    room: r.room,
    meetingUrl: r.meeting_url,
    groupKeys: keys(r.group_keys),
    panelistIds: seats.filter((s) => s.session_id === r.id).map((s) => s.user_id),
  }));
}

export interface Panelist {
  id: number;
  name: string;
  affiliationInstitutionId: number | null;
  affiliationParentId: number | null;
  regionCode: string | null;
  conflicts: StoredConflict[];
}

/** Active accounts holding the competition's `panelist` grant, with their conflict facts. */
export async function panelOf(db: Db, competitionId: number): Promise<Panelist[]> {
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('role_grants as g', 'g.user_id', 'u.id')
    .leftJoin('reviewer_profiles as rp', (j) =>
      j
        .onRef('rp.user_id', '=', 'u.id')
        .on('rp.competition_id', '=', competitionId)
        .on('rp.team', '=', 'panel'),
    )
    .leftJoin('institutions as ai', 'ai.id', 'rp.affiliation_institution_id')
    .select(['u.id', 'u.name', 'rp.affiliation_institution_id', 'ai.parent_id', 'rp.region_code'])
    .where('g.role', '=', 'panelist')
    .where('g.competition_id', '=', competitionId)
    .where('u.is_active', '=', 1)
    .orderBy('u.name')
    .orderBy('u.id')
    .execute();
  const conflicts = await db
    .selectFrom('reviewer_conflicts')
    .select(['user_id', 'institution_id', 'source', 'note'])
    .where('competition_id', '=', competitionId)
    .execute();
  const seen = new Set<number>();
  const out: Panelist[] = [];
  for (const r of rows) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    out.push({
      id: r.id,
      name: r.name,
      affiliationInstitutionId: r.affiliation_institution_id ?? null,
      affiliationParentId: r.parent_id ?? null,
      regionCode: r.region_code ?? null,
      conflicts: conflicts
        .filter((c) => c.user_id === r.id)
        .map((c) => ({ institutionId: c.institution_id, source: c.source, note: c.note })),
    });
  }
  return out;
}

export interface FinalistItem {
  id: number;
  code: string;
  title: string;
  institutionId: number;
  institutionName: string;
  institutionRegion: string | null;
  institutionParent: number | null;
  unitId: number;
  unitName: string;
  groupKey: string;
}

/** The competition's finalists (proposals in state `finalist`), by code. */
export async function finalistsOf(db: Db, competitionId: number): Promise<FinalistItem[]> {
  const rows = await db
    .selectFrom('proposals as p')
    .innerJoin('institutions as i', 'i.id', 'p.institution_id')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .innerJoin('competition_groups as g', 'g.id', 'p.group_id')
    .select([
      'p.id',
      'p.code',
      'p.title',
      'p.institution_id',
      'i.name as institution_name',
      'i.region_code',
      'i.parent_id',
      'p.unit_id',
      'u.name as unit_name',
      'g.key as group_key',
    ])
    .where('p.competition_id', '=', competitionId)
    .where('p.state', '=', 'finalist')
    .orderBy('p.code')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    title: r.title,
    institutionId: r.institution_id,
    institutionName: r.institution_name,
    institutionRegion: r.region_code,
    institutionParent: r.parent_id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    groupKey: r.group_key,
  }));
}

/** The panelists in conflict with the finalist's institution (domain/conflicts.ts). */
export function conflictedWith(
  panel: readonly Panelist[],
  f: FinalistItem,
  rule: ReturnType<typeof parseRegionalRule>,
) {
  return panel
    .filter(
      (m) =>
        conflictReasons(
          {
            affiliationInstitutionId: m.affiliationInstitutionId,
            regionCode: m.regionCode,
            conflicts: m.conflicts,
          },
          { id: f.institutionId, regionCode: f.institutionRegion, parentId: f.institutionParent },
          rule,
          m.affiliationInstitutionId === null
            ? null
            : { id: m.affiliationInstitutionId, regionCode: m.regionCode, parentId: m.affiliationParentId },
        ).length > 0,
    )
    .map((m) => m.id);
}

export async function regionalRuleOf(db: Db, competitionId: number) {
  const row = await db
    .selectFrom('review_team_settings')
    .select('regional_conflict')
    .where('competition_id', '=', competitionId)
    .executeTakeFirst();
  return parseRegionalRule(row?.regional_conflict);
}

/** The times each finalist cannot make: from its ACCEPTED rescheduling requests. */
export async function unavailableOf(db: Db, stageId: number): Promise<Map<number, Interval[]>> {
  const rows = await db
    .selectFrom('reschedule_requests')
    .select(['proposal_id', 'unavailable'])
    .where('stage_id', '=', stageId)
    .where('status', '=', 'accepted')
    .execute();
  const out = new Map<number, Interval[]>();
  for (const r of rows) {
    const list = out.get(r.proposal_id) ?? [];
    list.push(...parseIntervals(r.unavailable));
    out.set(r.proposal_id, list);
  }
  return out;
}

export function parseIntervals(json: string): Interval[] {
  try {
    const v = JSON.parse(json) as { from: string; to: string }[];
    return v.map((x) => ({ from: Date.parse(x.from), to: Date.parse(x.to) }));
  } catch {
    return [];
  }
}

export async function slotsOf(db: Db, stageId: number) {
  return db
    .selectFrom('presentation_slots')
    .selectAll()
    .where('stage_id', '=', stageId)
    .orderBy('starts_at')
    .orderBy('session_id')
    .execute();
}

/** The letters in force (not superseded), in the order they were issued: what the secretariat's page lists. */
export async function currentLetters(db: Db, stageId: number) {
  return db
    .selectFrom('presentation_letters as l')
    .innerJoin('proposals as p', 'p.id', 'l.proposal_id')
    .select(['l.proposal_id', 'p.code', 'l.letter_number', 'l.revision', 'l.starts_at', 'l.issued_at'])
    .where('l.stage_id', '=', stageId)
    .where('l.superseded_at', 'is', null)
    .orderBy('l.issued_at')
    .orderBy('l.id')
    .execute();
}

export async function scheduleRow(db: Db, stageId: number) {
  return db
    .selectFrom('presentation_schedules')
    .selectAll()
    .where('stage_id', '=', stageId)
    .executeTakeFirst();
}

/** The schedule row, made when missing; its version moves on every change of the schedule. */
export async function touchSchedule(tx: Db, stageId: number, now: Date): Promise<number> {
  const row = await scheduleRow(tx, stageId);
  if (!row) {
    await tx
      .insertInto('presentation_schedules')
      .values({
        stage_id: stageId,
        version: 2,
        next_letter_seq: null,
        published_by: null,
        published_at: null,
        updated_at: now.toISOString(),
      })
      .execute();
    return 2;
  }
  await tx
    .updateTable('presentation_schedules')
    .set({ version: row.version + 1, updated_at: now.toISOString() })
    .where('stage_id', '=', stageId)
    .execute();
  return row.version + 1;
}

/** Everything the scheduler needs, and the rows it came from. */
export async function loadScheduleWorld(db: Db, ctx: PresentationContext) {
  const [sessions, panel, finalists, rule, unavailable, slots] = await Promise.all([
    sessionsOf(db, ctx.stage.id),
    panelOf(db, ctx.competition.id),
    finalistsOf(db, ctx.competition.id),
    regionalRuleOf(db, ctx.competition.id),
    unavailableOf(db, ctx.stage.id),
    slotsOf(db, ctx.stage.id),
  ]);
  const input: ScheduleInput = {
    shape: { slotMinutes: slotMinutes(ctx.settings), bufferMinutes: ctx.settings.bufferMinutes },
    quorum: ctx.settings.quorum,
    timeZone: ctx.competition.time_zone,
    sessions: sessions.map((s) => ({
      id: s.id,
      name: s.name,
      startsAt: Date.parse(s.startsAt),
      endsAt: Date.parse(s.endsAt),
      groupKeys: s.groupKeys,
      panelistIds: s.panelistIds,
    })),
    finalists: finalists.map((f) => ({
      id: f.id,
      code: f.code,
      institutionId: f.institutionId,
      institutionName: f.institutionName,
      groupKey: f.groupKey,
      unavailable: unavailable.get(f.id) ?? [],
      conflictedPanelists: conflictedWith(panel, f, rule),
    })),
  };
  const finalistIds = new Set(finalists.map((f) => f.id));
  const placements: Placement[] = slots
    .filter((s) => finalistIds.has(s.proposal_id))
    .map((s) => ({ finalistId: s.proposal_id, sessionId: s.session_id, index: s.slot_index }));
  return { sessions, panel, finalists, input, placements, slots };
}
