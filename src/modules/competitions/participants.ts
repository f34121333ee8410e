import type { Db } from '../../db/connect.js';
import { AppError, type Text } from '../../domain/errors.js';
import type { Actor } from '../../domain/policy.js';
import type { Recipient } from '../../platform/notify.js';
import {
  isEveryone,
  mayTakePart,
  notParticipantText,
  parseParticipation,
  participationText,
  type ParticipationRule,
} from '../../domain/participation.js';

/*
 * Who may take part in a competition (domain/participation.ts), as the server reads and enforces it: the
 * rule with its words (the regions' place names from the institutions directory), and the refusal of an
 * institution outside it (403 `not_participant`) when a draft is started, and again at send and at forward.
 */

const REGIONAL = ['pemerintah_provinsi', 'pemerintah_kabupaten', 'pemerintah_kota'] as const;

/** "Pemerintah Provinsi Banten" → "Banten"; "Pemerintah Kabupaten Tangerang" → "Kabupaten Tangerang". */
const placeName = (type: string, name: string) =>
  type === 'pemerintah_provinsi'
    ? name.replace(/^Pemerintah Provinsi\s+/i, '')
    : name.replace(/^Pemerintah\s+/i, '');

/** Place names of the rule's regions, by code, from the regional governments holding those codes. */
export async function regionNames(db: Db, regions: readonly string[]): Promise<Record<string, string>> {
  if (!regions.length) return {};
  const rows = await db
    .selectFrom('institutions')
    .select(['type', 'name', 'region_code'])
    .where('region_code', 'in', [...regions])
    .where('type', 'in', [...REGIONAL])
    .orderBy('id')
    .execute();
  const out: Record<string, string> = {};
  for (const r of rows)
    if (r.region_code && !out[r.region_code]) out[r.region_code] = placeName(r.type, r.name);
  return out;
}

/** A competition's rule and the rule in words. */
export async function participationOf(
  db: Db,
  competition: { participants: string | null },
): Promise<{ rule: ParticipationRule; text: Text }> {
  const rule = parseParticipation(competition.participants);
  return { rule, text: participationText(rule, await regionNames(db, rule.regions)) };
}

/** Whether the institution may take part (no query when the competition takes everyone). */
export async function isParticipant(
  db: Db,
  competition: { participants: string | null },
  institutionId: number,
): Promise<boolean> {
  const rule = parseParticipation(competition.participants);
  if (isEveryone(rule)) return true;
  const inst = await db
    .selectFrom('institutions as i')
    .leftJoin('institutions as owner', 'owner.id', 'i.parent_id')
    .select(['i.type', 'i.region_code', 'owner.region_code as owner_region_code'])
    .where('i.id', '=', institutionId)
    .executeTakeFirst();
  return (
    !!inst &&
    mayTakePart(rule, {
      type: inst.type,
      regionCode: inst.region_code,
      ownerRegionCode: inst.owner_region_code,
    })
  );
}

/** Refuses (403 `not_participant`, with the rule in words) an institution the competition does not take. */
export async function assertParticipant(
  db: Db,
  competition: { participants: string | null },
  institutionId: number,
): Promise<void> {
  if (await isParticipant(db, competition, institutionId)) return;
  const { text } = await participationOf(db, competition);
  throw new AppError(403, 'not_participant', notParticipantText(text));
}

/** An institution as the rule reads it. */
export type Entrant = Parameters<typeof mayTakePart>[1];

/**
 * The institutions the caller enters competitions for (its UPP and admin lokal grants), as the rule reads
 * them; empty for every other role (and anonymous callers), who enter nothing.
 */
export async function entrantsOf(db: Db, actor: Actor | null): Promise<Entrant[]> {
  const ids = [
    ...new Set(
      (actor?.grants ?? [])
        .filter((g) => (g.role === 'upp' || g.role === 'local_admin') && g.institutionId !== null)
        .map((g) => g.institutionId as number),
    ),
  ];
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('institutions as i')
    .leftJoin('institutions as owner', 'owner.id', 'i.parent_id')
    .select(['i.type', 'i.region_code', 'owner.region_code as owner_region_code'])
    .where('i.id', 'in', ids)
    .execute();
  return rows.map((r) => ({ type: r.type, regionCode: r.region_code, ownerRegionCode: r.owner_region_code }));
}

/**
 * Each competition's rule, its words and whether one of the entrants may take part, with one query for
 * the place names of all of them.
 */
export async function participationViews(
  db: Db,
  competitions: readonly { participants: string | null }[],
  entrants: readonly Entrant[],
): Promise<{ rule: ParticipationRule; text: Text; enter: boolean }[]> {
  const rules = competitions.map((c) => parseParticipation(c.participants));
  const names = await regionNames(db, [...new Set(rules.flatMap((r) => r.regions))]);
  return rules.map((rule) => ({
    rule,
    text: participationText(rule, names),
    enter: entrants.some((e) => mayTakePart(rule, e)),
  }));
}

/**
 * The active users holding one of `roles` (admin lokal, UPP) for an institution the competition takes: whom a
 * notice about the competition (an extended deadline) concerns. Not the whole installation: a province's
 * competition is nothing to a regency of another province.
 */
export async function participantUsers(
  db: Db,
  competition: { participants: string | null },
  roles: readonly ('local_admin' | 'upp')[],
): Promise<Recipient[]> {
  const rule = parseParticipation(competition.participants);
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('role_grants as g', 'g.user_id', 'u.id')
    .innerJoin('institutions as i', 'i.id', 'g.institution_id')
    .leftJoin('institutions as owner', 'owner.id', 'i.parent_id')
    .select([
      'u.id',
      'u.email',
      'u.name',
      'u.locale',
      'i.type',
      'i.region_code',
      'owner.region_code as owner_region_code',
    ])
    .where('u.is_active', '=', 1)
    .where('g.role', 'in', [...roles])
    .orderBy('u.id')
    .execute();
  const out = new Map<number, Recipient>();
  for (const r of rows)
    if (
      !out.has(r.id) &&
      mayTakePart(rule, { type: r.type, regionCode: r.region_code, ownerRegionCode: r.owner_region_code })
    )
      out.set(r.id, { id: r.id, email: r.email, name: r.name, locale: r.locale });
  return [...out.values()];
}
