import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/db/connect.js';
import type { Database, InstitutionType, Role } from '../../src/db/schema.js';
import { createFromTemplate } from '../../src/modules/competitions/commands/create-from-template.js';
import { setCompetitionStatus } from '../../src/modules/competitions/commands/set-status.js';
import { createAccount } from '../../src/modules/users/commands/create-account.js';
import { createSession } from '../../src/platform/sessions.js';
import { cookieOf, type TestContext } from './app.js';

export const TEST_PASSWORD = 'Uji-Coba-Sandi-2026';

let counter = 0;
const next = () => `${process.pid}-${++counter}`;

/** Inserts an institution directly (test setup only; behaviour under test goes through the API). */
export async function makeInstitution(
  db: Db,
  input: { name?: string; type?: InstitutionType; regionCode?: string | null } = {},
) {
  const now = new Date().toISOString();
  return db
    .insertInto('institutions')
    .values({
      type: input.type ?? 'pemerintah_kabupaten',
      name: input.name ?? `Pemerintah Kabupaten Uji ${next()}`,
      short_name: null,
      region_code: input.regionCode ?? null,
      parent_id: null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function makeUnit(db: Db, institutionId: number, name = `Dinas Uji ${next()}`) {
  const now = new Date().toISOString();
  return db
    .insertInto('units')
    .values({
      institution_id: institutionId,
      name,
      kind: 'upp',
      parent_unit_id: null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A ready-to-use account with one role (password TEST_PASSWORD, profile complete). */
export async function makeUser(
  db: Db,
  input: {
    role: Role;
    institutionId?: number | null;
    unitId?: number | null;
    competitionId?: number | null;
    email?: string;
    name?: string;
  },
) {
  return createAccount(db, {
    email: input.email ?? `${input.role}-${next()}@uji.go.id`,
    name: input.name ?? `Pengguna ${input.role} ${next()}`,
    role: input.role,
    institutionId: input.institutionId ?? null,
    unitId: input.unitId ?? null,
    competitionId: input.competitionId ?? null,
    password: TEST_PASSWORD,
    mustCompleteProfile: false,
    createdBy: null,
    now: new Date(),
  });
}

/** Logs in through the API and returns the cookie header value. */
export async function login(app: FastifyInstance, email: string, password = TEST_PASSWORD): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed for ${email}: ${res.statusCode} ${res.body}`);
  return cookieOf(res);
}

/**
 * A session cookie header for a user without going through the login route (no login audit row, no
 * rate limit): for tests of other areas. The session starts at the app's clock.
 */
export async function sessionCookie(
  ctx: Pick<TestContext, 'app' | 'db' | 'clock'>,
  userId: number,
): Promise<string> {
  const token = await createSession(ctx.db, { userId, now: ctx.clock.now(), ip: null, userAgent: null });
  return `sinovik_sid=${encodeURIComponent(ctx.app.signCookie(token))}`;
}

/**
 * A KIPP from the template, organized by a new ministry (`organizerName`) with one secretariat account,
 * published at `now`: the competition most proposal tests start from.
 */
export async function publishedKipp(db: Db, input: { organizerName: string; now: Date; year?: number }) {
  const organizer = await makeInstitution(db, { type: 'kementerian', name: input.organizerName });
  const secretariat = await makeUser(db, { role: 'secretariat', institutionId: organizer.id });
  const competition = await createFromTemplate(db, {
    template: 'kipp',
    year: input.year ?? 2026,
    organizer,
    createdBy: secretariat.id,
    ip: null,
    now: input.now,
  });
  await setCompetitionStatus(db, {
    id: competition.id,
    to: 'published',
    actorUserId: secretariat.id,
    ip: null,
    now: input.now,
  });
  return { organizer, secretariat, competitionId: competition.id };
}

/**
 * An organizer with its secretariat, a published KIPP 2026 and a draft KIPP 2027, and a second organizer
 * (a province) with neither: the start of the proposal-flow tests.
 */
export async function kippPair(
  db: Db,
  input: { organizerName: string; otherOrganizerName: string; now: Date },
) {
  const organizer = await makeInstitution(db, { type: 'kementerian', name: input.organizerName });
  const otherOrganizer = await makeInstitution(db, {
    type: 'pemerintah_provinsi',
    name: input.otherOrganizerName,
  });
  const secretariat = await makeUser(db, { role: 'secretariat', institutionId: organizer.id });
  const kipp = (year: number) =>
    createFromTemplate(db, {
      template: 'kipp',
      year,
      organizer,
      createdBy: secretariat.id,
      ip: null,
      now: input.now,
    });
  const competition = await kipp(2026);
  await setCompetitionStatus(db, {
    id: competition.id,
    to: 'published',
    actorUserId: secretariat.id,
    ip: null,
    now: input.now,
  });
  const draft = await kipp(2027);
  return {
    organizer,
    otherOrganizer,
    secretariat,
    competitionId: competition.id,
    draftCompetitionId: draft.id,
  };
}

/** How many rows a table holds. */
export async function countRows(db: Db, table: keyof Database): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The newest audit row. */
export function lastAudit(db: Db) {
  return db.selectFrom('audit_events').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
}
