import { createAward } from '../../src/modules/awards/commands/create-award.js';
import { toDefinition } from '../../src/modules/competitions/definition-rows.js';
import { loadCompetitionFull } from '../../src/modules/competitions/queries.js';
import { makeUnit, makeUser } from '../helpers/fixtures.js';
import { multipart, type ActorName, type World } from './world.js';
import { REVIEW_TEAM_ROUTES } from './review-team-routes.js';
import { ASSIGNMENT_ROUTE_CASES } from './assignment-routes.js';
import { FINALIST_ROUTE_CASES } from './finalist-routes.js';
import { CERTIFICATE_ROUTE_CASES } from './certificate-routes.js';
import { RESULTS_ROUTE_CASES } from './results-routes.js';
import { PUBLIC_RATING_ROUTE_CASES } from './public-rating-routes.js';
import { PRESENTATION_ROUTE_CASES } from './presentation-routes.js';
import { SCORE_EXPORT_ROUTE_CASES } from './score-export-routes.js';
import { SEASON_REPORT_ROUTE_CASES } from './season-report-routes.js';
import { FIELD_ROUTE_CASES } from './field-routes.js';
import { PROPOSAL_ROUTE_CASES } from './proposal-routes.js';
import { ADMIN, ALL, competitionOf, draftOf, json, organizerOnly, SIGNED_IN, STEWARDS } from './bindings.js';
import { REPLICATION_ROUTE_CASES } from './replication-routes.js';
import { GALLERY_OWNER_ROUTE_CASES, GALLERY_ROUTE_CASES } from './gallery-routes.js';
import { NEAR_DUPLICATE_ROUTE_CASES } from './near-duplicate-routes.js';

/*
 * What each route of the API lets each actor do, written once per route. The matrix test takes the route
 * table from the running app (not from this file) and fails for a route this file does not name, and for an
 * entry naming a route that no longer exists.
 *
 * A route is `public` (every actor, anonymous included, is served: nothing to deny), or it lists bindings:
 * the path parameters (and body) of one object, and the actors allowed to act on that object. Every other
 * actor must be refused (401 when anonymous, else 403 or 404). Bindings name objects of the actor's own
 * scope and objects of another institution and another organizer (see world.ts).
 */

export type Body =
  { json: unknown } | { multipart: ReturnType<typeof multipart> } | { raw: string; contentType: string };

export interface Binding {
  /** What the binding is, for the test's name. */
  name: string;
  /** Asked once per request: a binding may make a new object each time (one that a request removes). */
  params?: (w: World) => Record<string, string | number> | Promise<Record<string, string | number>>;
  query?: (w: World) => Record<string, string>;
  body?: (w: World) => Body | Promise<Body>;
  allow: readonly ActorName[];
  /**
   * Statuses an allowed actor may get besides 2xx/3xx: a domain refusal that comes after authorization
   * (e.g. 409 for a state the shared world no longer allows). Never 401/403/404 and never 400 by default,
   * so a wrong body in this file is noticed.
   */
  alsoAccept?: readonly number[];
}

export interface RouteCase {
  public?: true;
  /** Public routes: statuses other than 2xx/3xx that are expected (a login with a wrong password). */
  alsoAccept?: readonly number[];
  params?: (w: World) => Record<string, string | number>;
  body?: (w: World) => Body | Promise<Body>;
  query?: (w: World) => Record<string, string>;
  bindings?: readonly Binding[];
  /** Runs after every other route (it changes what later requests would see). */
  last?: true;
}

const institutionsCsv = () => ({
  multipart: multipart(
    {},
    {
      field: 'file',
      name: 'instansi.csv',
      content: Buffer.from(
        `type,name,short_name,region_code,parent_region_code\nlembaga,Lembaga Matriks Impor ${++unique},,,\n`,
      ),
    },
  ),
});

/** Names that must be new each time (the registries refuse a name twice). */
let unique = 0;

/** A closing later than the last one asked for: each extension must move the deadline further. */
let closingDay = 9;
const laterClosing = () => `2026-05-${String(++closingDay).padStart(2, '0')}T16:59:00.000Z`;

/** A new row of the award registry (made by the command, not the route under test). */
async function newAward(w: World): Promise<number> {
  const row = await createAward(w.ctx.db, {
    year: 2016,
    level: 'TOP99',
    innovationTitle: `Inovasi Dihapus ${++unique}`,
    institutionName: 'Lembaga Matriks',
    institutionId: null,
    actorUserId: w.userIds.system_admin,
    ip: null,
    now: new Date(),
  });
  return row.id;
}

/** A new grant (panelist of A) of a user, written directly: the row a revoke under test removes. */
/** A fresh proposer (UPP) account of X's or Y's unit (deactivating or moving one changes it). */
async function newUpp(w: World, side: 'X' | 'Y', active = true): Promise<number> {
  const user = await makeUser(w.ctx.db, {
    role: 'upp',
    institutionId: side === 'X' ? w.instX : w.instY,
    unitId: side === 'X' ? w.unitX : w.unitY,
  });
  if (!active) await w.ctx.db.updateTable('users').set({ is_active: 0 }).where('id', '=', user.id).execute();
  return user.id;
}

/** A fresh empty unit of X or Y (a removal takes it away). */
async function newUnit(w: World, side: 'X' | 'Y'): Promise<number> {
  return (await makeUnit(w.ctx.db, side === 'X' ? w.instX : w.instY, `Unit Hapus ${side} ${++unique}`)).id;
}

/** The person the erasure binding made for the request under way. */
let erasable = 0;

async function newGrant(w: World, userId: number): Promise<number> {
  const row = await w.ctx.db
    .insertInto('role_grants')
    .values({
      user_id: userId,
      role: 'panelist',
      institution_id: null,
      unit_id: null,
      competition_id: w.compA,
      granted_by: null,
      created_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const PUBLISH_BODY = {
  letterNumber: 'B/187/PP.00.05/2026',
  titleId: 'Pengumuman',
  titleEn: 'Announcement',
  bodyId: 'Isi',
  bodyEn: 'Text',
};

export const ROUTE_CASES: Record<string, RouteCase> = {
  // The review teams (issue 12 point 2), in their own file.
  ...REVIEW_TEAM_ROUTES,
  ...ASSIGNMENT_ROUTE_CASES,
  ...FINALIST_ROUTE_CASES,
  ...CERTIFICATE_ROUTE_CASES,
  ...RESULTS_ROUTE_CASES,
  ...PUBLIC_RATING_ROUTE_CASES,
  ...GALLERY_ROUTE_CASES,
  ...REPLICATION_ROUTE_CASES,
  ...GALLERY_OWNER_ROUTE_CASES,
  ...NEAR_DUPLICATE_ROUTE_CASES,
  ...PRESENTATION_ROUTE_CASES,
  ...SCORE_EXPORT_ROUTE_CASES,
  ...SEASON_REPORT_ROUTE_CASES,
  ...FIELD_ROUTE_CASES,
  // Documentation and health: public.
  'GET /api/docs': { public: true },
  'GET /api/docs/static/index.html': { public: true },
  'GET /api/docs/static/swagger-initializer.js': { public: true },
  'GET /api/docs/static/*': { public: true, alsoAccept: [404] },
  'GET /api/docs/json': { public: true },
  'GET /api/docs/yaml': { public: true },
  'GET /api/health': { public: true },
  'GET /api/time': { public: true },
  'POST /api/system/clock': {
    bindings: [{ name: 'no move', body: () => json({ advanceMs: 0 }), allow: ADMIN }],
  },

  // Accounts.
  'POST /api/auth/login': {
    public: true,
    alsoAccept: [401, 429],
    body: () => json({ email: 'tidak.ada@matriks.go.id', password: 'salah-sekali' }),
  },
  'POST /api/auth/logout': { public: true, last: true },
  'GET /api/auth/me': { public: true },
  'GET /api/auth/me/work': { bindings: [{ name: 'own assignments', allow: SIGNED_IN }] },
  'GET /api/me/personal-data': { bindings: [{ name: 'own personal data', allow: SIGNED_IN }] },
  'POST /api/auth/password': {
    bindings: [
      {
        name: 'wrong current password',
        body: () => json({ currentPassword: 'bukan-sandi-ini', newPassword: 'Sandi-Baru-Matriks-2026' }),
        allow: SIGNED_IN,
        alsoAccept: [400, 422, 429],
      },
    ],
  },
  'POST /api/auth/password-reset/request': {
    public: true,
    alsoAccept: [429],
    body: () => json({ email: 'tidak.ada@matriks.go.id' }),
  },
  'POST /api/auth/password-reset/confirm': {
    public: true,
    alsoAccept: [400, 410, 422, 429],
    body: () => json({ token: 'bukan-token', newPassword: 'Sandi-Baru-Matriks-2026' }),
  },
  'POST /api/auth/profile': {
    bindings: [
      {
        name: 'own profile',
        body: () => json({ name: 'Nama Baru', position: 'Staf', phone: '081234567890', locale: 'id' }),
        allow: SIGNED_IN,
        alsoAccept: [409],
      },
    ],
  },
  'GET /api/auth/token': {
    public: true,
    alsoAccept: [400, 404, 410],
    query: () => ({ token: 'bukan-token' }),
  },

  'POST /api/auth/sign-in-link': {
    public: true,
    alsoAccept: [429],
    body: () => json({ email: 'tidak.ada@matriks.go.id' }),
  },
  'POST /api/auth/sign-in-link/confirm': {
    public: true,
    alsoAccept: [400, 410, 422, 429],
    body: () => json({ token: 'bukan-token' }),
  },

  // Users and roles: the system administrator only.
  'GET /api/admin/users': { bindings: [{ name: 'list', allow: ADMIN }] },
  'GET /api/admin/users/:id': {
    bindings: [
      { name: 'a UPP of X', params: (w) => ({ id: w.otherUserX }), allow: ADMIN },
      { name: 'a UPP of Y', params: (w) => ({ id: w.otherUserY }), allow: ADMIN },
    ],
  },
  'POST /api/admin/users': {
    bindings: [
      {
        name: 'an evaluator of A',
        body: (w) =>
          json({
            role: 'evaluator',
            competitionId: w.compA,
            email: `evaluator.baru.${++unique}@matriks.go.id`,
            name: 'Evaluator Baru',
          }),
        allow: ADMIN,
      },
    ],
  },
  'POST /api/admin/users/:id/grants': {
    bindings: [
      {
        name: 'panelist of A for a UPP of X',
        params: (w) => ({ id: w.otherUserX }),
        body: (w) => json({ role: 'panelist', competitionId: w.compA }),
        allow: ADMIN,
        alsoAccept: [409],
      },
    ],
  },
  'DELETE /api/admin/users/:id/grants/:grantId': {
    bindings: [
      {
        name: 'a grant of its own for each request',
        params: async (w) => ({ id: w.otherUserX, grantId: await newGrant(w, w.otherUserX) }),
        allow: ADMIN,
      },
    ],
  },
  'POST /api/admin/users/:id/deactivate': {
    last: true,
    bindings: [
      { name: 'a UPP of X', params: (w) => ({ id: w.otherUserX }), allow: ADMIN, alsoAccept: [409] },
    ],
  },
  'POST /api/admin/users/:id/reactivate': {
    bindings: [
      { name: 'a UPP of X', params: (w) => ({ id: w.otherUserX }), allow: ADMIN, alsoAccept: [409] },
    ],
  },
  'POST /api/admin/users/:id/resend-invitation': {
    bindings: [
      { name: 'a UPP of X', params: (w) => ({ id: w.otherUserX }), allow: ADMIN, alsoAccept: [409] },
    ],
  },

  // Personal-data erasure and retention (UU PDP): the system administrator only. The body is read before
  // the address: it makes the person to erase (a new one each request) and the address names them.
  'POST /api/admin/users/:id/erase': {
    bindings: [
      {
        name: 'a new evaluator for each request',
        body: async (w) => {
          const email = `hapus.${++unique}@matriks.go.id`;
          erasable = (await makeUser(w.ctx.db, { role: 'evaluator', email })).id;
          return json({ reference: 'Uji matriks akses', confirmEmail: email });
        },
        params: () => ({ id: erasable }),
        allow: ADMIN,
      },
    ],
  },
  'GET /api/admin/retention': { bindings: [{ name: 'settings', allow: ADMIN }] },
  'PUT /api/admin/retention': {
    bindings: [
      {
        name: 'the defaults',
        body: () =>
          json({
            loginFailureDays: 90,
            sessionDays: 30,
            mailBodyDays: 180,
            notificationDays: 365,
            tokenDays: 30,
          }),
        allow: ADMIN,
      },
    ],
  },

  // Audit log: the system administrator and secretariats (each its own organizer's entries).
  'GET /api/audit': {
    bindings: [{ name: 'list', allow: ['secretariat', 'secretariat_other', 'data_steward', 'system_admin'] }],
  },
  'GET /api/audit/verify': { bindings: [{ name: 'verify', allow: ADMIN }] },
  'GET /api/audit/export.csv': {
    bindings: [
      { name: 'export', allow: ['secretariat', 'secretariat_other', 'data_steward', 'system_admin'] },
    ],
  },

  // Admin-lokal account requests: public form; review by the owners of reference data.
  'POST /api/admin-requests': {
    public: true,
    alsoAccept: [400, 429],
    body: () => ({ multipart: multipart({ name: 'x' }) }),
  },
  'POST /api/admin-requests/status': {
    public: true,
    alsoAccept: [404, 429],
    body: () => json({ number: 1, email: 'tidak-ada@uji.go.id' }),
  },
  'GET /api/admin-requests': { bindings: [{ name: 'list', allow: STEWARDS }] },
  'GET /api/admin-requests/:id': {
    bindings: [{ name: "Y's request", params: (w) => ({ id: w.adminRequestY }), allow: STEWARDS }],
  },
  'GET /api/admin-requests/:id/letter': {
    bindings: [{ name: "Y's request", params: (w) => ({ id: w.adminRequestY }), allow: STEWARDS }],
  },
  'POST /api/admin-requests/:id/reject': {
    bindings: [
      {
        name: "Y's request",
        params: (w) => ({ id: w.adminRequestY }),
        body: () => json({ reason: 'Surat permohonan tidak ditandatangani pejabat berwenang.' }),
        allow: STEWARDS,
        alsoAccept: [409],
      },
    ],
  },
  'POST /api/admin-requests/:id/approve': {
    bindings: [
      { name: "Y's request", params: (w) => ({ id: w.adminRequestY }), allow: STEWARDS, alsoAccept: [409] },
    ],
  },

  // The award registry: public to read, written by the owners of reference data.
  'GET /api/awards': { bindings: [{ name: 'list', allow: SIGNED_IN }] },
  'POST /api/awards': {
    bindings: [
      {
        name: 'new row',
        body: () =>
          json({
            year: 2018,
            level: 'TOP99',
            innovationTitle: 'Inovasi Baru Matriks',
            institutionName: 'Lembaga Matriks',
          }),
        allow: STEWARDS,
        alsoAccept: [409],
      },
    ],
  },
  'POST /api/awards/import': {
    bindings: [
      {
        name: 'csv',
        body: () => ({
          multipart: multipart(
            {},
            {
              field: 'file',
              name: 'penghargaan.csv',
              content: Buffer.from(
                `year,level,innovation,institution,source,notes\n2017,TOP99,Inovasi Impor Matriks ${++unique},Lembaga Matriks,,\n`,
              ),
            },
          ),
        }),
        allow: STEWARDS,
        alsoAccept: [409, 422],
      },
    ],
  },
  'PATCH /api/awards/:id': {
    bindings: [
      {
        name: 'row',
        params: (w) => ({ id: w.award }),
        body: () => json({ notes: 'Catatan matriks' }),
        allow: STEWARDS,
      },
    ],
  },
  'DELETE /api/awards/:id': {
    last: true,
    bindings: [
      {
        name: 'a row of its own for each request',
        params: async (w) => ({ id: await newAward(w) }),
        allow: STEWARDS,
      },
    ],
  },

  // The institution registry: public to read, written by the owners of reference data.
  'GET /api/institutions': { public: true },
  'POST /api/institutions': {
    bindings: [
      {
        name: 'new',
        body: () => json({ type: 'lembaga', name: `Lembaga Matriks Baru ${++unique}` }),
        allow: STEWARDS,
        alsoAccept: [409],
      },
    ],
  },
  'POST /api/institutions/import': {
    bindings: [{ name: 'csv', body: institutionsCsv, allow: STEWARDS, alsoAccept: [409, 422] }],
  },
  'GET /api/institutions/:id': { public: true, params: (w) => ({ id: w.instY }) },
  'PATCH /api/institutions/:id': {
    bindings: [
      {
        name: 'X',
        params: (w) => ({ id: w.instX }),
        body: () => json({ shortName: 'MTX' }),
        allow: STEWARDS,
      },
      {
        name: 'Y',
        params: (w) => ({ id: w.instY }),
        body: () => json({ shortName: 'MTY' }),
        allow: STEWARDS,
      },
    ],
  },
  'GET /api/institutions/:id/units': {
    bindings: [
      {
        name: 'X (takes part in A)',
        params: (w) => ({ id: w.instX }),
        allow: ['local_admin', 'secretariat', 'system_admin'],
      },
      {
        name: 'Y (a draft in A; forwarded to and invited by B)',
        params: (w) => ({ id: w.instY }),
        allow: ['secretariat_other', 'system_admin'],
      },
    ],
  },
  'POST /api/institutions/:id/units': {
    bindings: [
      {
        name: 'X',
        params: (w) => ({ id: w.instX }),
        body: () => json({ name: 'UPP Matriks Baru', kind: 'upp' }),
        allow: ['local_admin', 'system_admin'],
        alsoAccept: [409],
      },
      {
        name: 'Y',
        params: (w) => ({ id: w.instY }),
        body: () => json({ name: 'UPP Matriks Baru', kind: 'upp' }),
        allow: ADMIN,
        alsoAccept: [409],
      },
    ],
  },
  'PATCH /api/units/:id': {
    bindings: [
      {
        name: "X's unit",
        params: (w) => ({ id: w.unitX }),
        body: () => json({ kind: 'upp' }),
        allow: ['local_admin', 'system_admin'],
      },
      { name: "Y's unit", params: (w) => ({ id: w.unitY }), body: () => json({ kind: 'upp' }), allow: ADMIN },
    ],
  },
  'DELETE /api/units/:id': {
    bindings: [
      {
        name: "an empty unit of X's",
        params: async (w) => ({ id: await newUnit(w, 'X') }),
        allow: ['local_admin', 'system_admin'],
      },
      { name: "an empty unit of Y's", params: async (w) => ({ id: await newUnit(w, 'Y') }), allow: ADMIN },
    ],
  },
  'GET /api/institutions/:id/users': {
    bindings: [
      { name: 'X', params: (w) => ({ id: w.instX }), allow: ['local_admin', 'system_admin'] },
      { name: 'Y', params: (w) => ({ id: w.instY }), allow: ADMIN },
    ],
  },
  'POST /api/institutions/:id/users': {
    bindings: [
      {
        name: 'X',
        params: (w) => ({ id: w.instX }),
        body: (w) =>
          json({
            email: `upp.baru.${w.unitX}.${Date.now()}@matriks-x.go.id`,
            name: 'UPP Baru',
            unitId: w.unitX,
          }),
        allow: ['local_admin', 'system_admin'],
        alsoAccept: [409],
      },
      {
        name: 'Y',
        params: (w) => ({ id: w.instY }),
        body: (w) =>
          json({
            email: `upp.baru.${w.unitY}.${Date.now()}@matriks-y.go.id`,
            name: 'UPP Baru',
            unitId: w.unitY,
          }),
        allow: ADMIN,
        alsoAccept: [409],
      },
    ],
  },
  'POST /api/users/:id/resend-invitation': {
    bindings: [
      {
        name: 'user of X',
        params: (w) => ({ id: w.otherUserX }),
        allow: ['local_admin', 'system_admin'],
        alsoAccept: [409],
      },
      { name: 'user of Y', params: (w) => ({ id: w.otherUserY }), allow: ADMIN, alsoAccept: [409] },
    ],
  },
  'POST /api/users/:id/deactivate': {
    bindings: [
      {
        name: 'a UPP of X',
        params: async (w) => ({ id: await newUpp(w, 'X') }),
        allow: ['local_admin', 'system_admin'],
      },
      { name: 'a UPP of Y', params: async (w) => ({ id: await newUpp(w, 'Y') }), allow: ADMIN },
    ],
  },
  'POST /api/users/:id/reactivate': {
    bindings: [
      {
        name: 'a deactivated UPP of X',
        params: async (w) => ({ id: await newUpp(w, 'X', false) }),
        allow: ['local_admin', 'system_admin'],
      },
      {
        name: 'a deactivated UPP of Y',
        params: async (w) => ({ id: await newUpp(w, 'Y', false) }),
        allow: ADMIN,
      },
    ],
  },
  'POST /api/users/:id/unit': {
    bindings: [
      {
        name: 'a UPP of X to another unit of X',
        params: async (w) => ({ id: await newUpp(w, 'X') }),
        body: async (w) => json({ unitId: await newUnit(w, 'X') }),
        allow: ['local_admin', 'system_admin'],
      },
      {
        name: 'a UPP of Y to another unit of Y',
        params: async (w) => ({ id: await newUpp(w, 'Y') }),
        body: async (w) => json({ unitId: await newUnit(w, 'Y') }),
        allow: ADMIN,
      },
    ],
  },

  // Competitions.
  'GET /api/competitions': { public: true },
  'POST /api/competitions/from-template': {
    bindings: [
      {
        name: 'for A',
        body: (w) => json({ template: 'kipp', year: 2028, organizerInstitutionId: w.orgA }),
        allow: ['secretariat', 'system_admin'],
        alsoAccept: [409],
      },
      {
        name: 'for B',
        body: (w) => json({ template: 'kipp', year: 2028, organizerInstitutionId: w.orgB }),
        allow: ['secretariat_other', 'system_admin'],
        alsoAccept: [409],
      },
    ],
  },
  'GET /api/competitions/:id': {
    bindings: [
      { name: "A's published", params: competitionOf('A'), allow: ALL },
      { name: "A's draft", params: draftOf('A'), allow: ['secretariat', 'system_admin'] },
      { name: "B's draft", params: draftOf('B'), allow: ['secretariat_other', 'system_admin'] },
    ],
  },
  'PUT /api/competitions/:id': {
    bindings: organizerOnly(draftOf('A'), {
      body: async (w: World) => json(toDefinition((await loadCompetitionFull(w.ctx.db, w.compADraft))!)),
    }).map((b, i) =>
      i === 0
        ? b
        : {
            ...b,
            body: async (w: World) =>
              json(toDefinition((await loadCompetitionFull(w.ctx.db, w.compBDraft))!)),
          },
    ),
  },
  'PUT /api/competitions/:id/participants': {
    bindings: organizerOnly(draftOf('A'), { body: () => json({ types: null, regions: [] }) }),
  },
  'POST /api/competitions/:id/publish': {
    last: true,
    bindings: organizerOnly(draftOf('A'), { alsoAccept: [409, 422] }),
  },
  'POST /api/competitions/:id/unpublish': {
    last: true,
    bindings: organizerOnly(competitionOf('A'), { alsoAccept: [409, 422] }),
  },
  'GET /api/competitions/:id/extensions': {
    bindings: [
      { name: "A's published", params: competitionOf('A'), allow: ALL },
      { name: "B's draft", params: draftOf('B'), allow: ['secretariat_other', 'system_admin'] },
    ],
  },
  'POST /api/competitions/:id/extend-submission': {
    bindings: organizerOnly(competitionOf('A'), {
      body: () => json({ closesAt: laterClosing(), letterNumber: 'B/9/MTRKS/2026' }),
      alsoAccept: [409, 422],
    }),
  },
  'GET /api/competitions/:id/impact': {
    bindings: [
      ...organizerOnly(competitionOf('A')),
      { name: "A's draft", params: draftOf('A'), allow: ['secretariat', 'system_admin'] },
    ],
  },
  'POST /api/competitions/:id/extend-submission/preview': {
    bindings: organizerOnly(competitionOf('A'), {
      body: () => json({ closesAt: '2026-05-30T16:59:00.000Z', letterNumber: 'B/10/MTRKS/2026' }),
      alsoAccept: [409, 422],
    }),
  },
  'GET /api/competitions/:id/dashboard': { bindings: organizerOnly(competitionOf('A')) },
  'GET /api/competitions/:id/proposals/export': {
    bindings: organizerOnly(competitionOf('A'), { query: () => ({ format: 'csv' }) }),
  },
  'GET /api/competitions/:id/invitations': { bindings: organizerOnly(competitionOf('A')) },
  // Participation (issue 11 point 7): the organizer's view per institution, the admin lokal's per unit.
  // The uji publik (issue 12 point 8): filing and the filer's check are public; the organizer's
  // secretariat triages; the competition's panel reads what was forwarded and decides.
  'GET /api/public/competitions/:id/objections/form': { public: true, params: competitionOf('A') },
  'POST /api/public/competitions/:id/objections': {
    public: true,
    // The window of A's uji publik is not open in the world: refused with the times (409).
    alsoAccept: [400, 409, 415, 429],
    params: competitionOf('A'),
    body: () => ({ multipart: multipart({ name: 'x' }) }),
  },
  'POST /api/public/objections/status': {
    public: true,
    alsoAccept: [404, 429],
    body: () => json({ number: 'UJI-2026-999999', email: 'tidak-ada@uji.go.id' }),
  },
  'GET /api/competitions/:id/objections': {
    bindings: [
      { name: "A's", params: competitionOf('A'), allow: ['secretariat', 'panelist'] },
      { name: "B's", params: competitionOf('B'), allow: ['secretariat_other'] },
    ],
  },
  'GET /api/objections/:id': {
    bindings: [
      { name: 'new (not forwarded)', params: (w) => ({ id: w.objectionNew }), allow: ['secretariat'] },
      {
        name: 'forwarded',
        params: (w) => ({ id: w.objectionForwarded }),
        allow: ['secretariat', 'panelist'],
      },
    ],
  },
  'GET /api/objections/:id/evidence': {
    bindings: [
      { name: 'new (not forwarded)', params: (w) => ({ id: w.objectionNew }), allow: ['secretariat'] },
      {
        name: 'forwarded',
        params: (w) => ({ id: w.objectionForwarded }),
        allow: ['secretariat', 'panelist'],
      },
    ],
  },
  'POST /api/objections/:id/dismiss': {
    bindings: [
      {
        name: 'a new one',
        params: async (w) => ({ id: await w.newObjection('new') }),
        body: () =>
          json({ reason: 'no_grounds', note: 'Tidak ada alasan yang dapat diperiksa.', version: 1 }),
        allow: ['secretariat'],
      },
    ],
  },
  'POST /api/objections/:id/forward': {
    bindings: [
      {
        name: 'a new one',
        params: async (w) => ({ id: await w.newObjection('new') }),
        body: () => json({ version: 1 }),
        allow: ['secretariat'],
      },
    ],
  },
  'POST /api/objections/:id/decide': {
    bindings: [
      {
        name: 'a forwarded one',
        params: async (w) => ({ id: await w.newObjection('forwarded') }),
        body: () => json({ outcome: 'rejected', reason: 'Keberatan tidak didukung bukti.', version: 1 }),
        allow: ['panelist'],
      },
    ],
  },
  'GET /api/competitions/:id/participation': { bindings: organizerOnly(competitionOf('A')) },
  'GET /api/competitions/:id/participation/export': {
    bindings: organizerOnly(competitionOf('A'), { query: () => ({ format: 'csv' }) }),
  },
  'POST /api/competitions/:id/participation/reminders': {
    bindings: [
      {
        name: "A's (own organizer; the system administrator sends no reminder)",
        params: competitionOf('A'),
        body: (w) => json({ institutionIds: [w.instX, w.instY], dryRun: true }),
        allow: ['secretariat'],
        alsoAccept: [409, 422],
      },
      {
        name: "B's (another organizer)",
        params: competitionOf('B'),
        body: (w) => json({ institutionIds: [w.instX, w.instY], dryRun: true }),
        allow: ['secretariat_other'],
        alsoAccept: [409, 422],
      },
    ],
  },
  // Publishing a stage's results (issue 12 point 1): the organizer's secretariat publishes (the system
  // administrator looks only); the published announcement is public (404 while nothing is published).
  'GET /api/competitions/:id/publication/administrative': { bindings: organizerOnly(competitionOf('A')) },
  'GET /api/competitions/:id/selection': { bindings: organizerOnly(competitionOf('A')) },
  'POST /api/competitions/:id/publication/administrative': {
    bindings: [
      {
        name: "A's (own organizer; the system administrator publishes nothing)",
        params: competitionOf('A'),
        body: () => json(PUBLISH_BODY),
        allow: ['secretariat'],
        alsoAccept: [409],
      },
      {
        name: "B's (another organizer)",
        params: competitionOf('B'),
        body: () => json(PUBLISH_BODY),
        allow: ['secretariat_other'],
        alsoAccept: [409],
      },
    ],
  },
  'GET /api/competitions/:id/announcements': { public: true, params: competitionOf('A') },
  'GET /api/competitions/:id/announcements/:kind': {
    public: true,
    params: (w) => ({ id: w.compA, kind: 'administrative_results' }),
    alsoAccept: [404],
  },
  'GET /api/competitions/:id/announcements/:kind/pdf': {
    public: true,
    params: (w) => ({ id: w.compA, kind: 'administrative_results' }),
    alsoAccept: [404],
  },
  'GET /api/competitions/:id/participation/units': {
    bindings: [
      {
        name: "X's units in A",
        params: competitionOf('A'),
        query: (w) => ({ institutionId: String(w.instX) }),
        allow: ['local_admin', 'system_admin'],
      },
      {
        name: "Y's units in A (another institution)",
        params: competitionOf('A'),
        query: (w) => ({ institutionId: String(w.instY) }),
        allow: ['system_admin'],
      },
    ],
  },
  'POST /api/competitions/:id/participation/units/reminders': {
    bindings: [
      {
        name: "X's unit in A",
        params: competitionOf('A'),
        body: (w) => json({ institutionId: w.instX, unitIds: [w.unitX], dryRun: true }),
        allow: ['local_admin'],
        alsoAccept: [409, 422],
      },
      {
        name: "Y's unit in A (another institution)",
        params: competitionOf('A'),
        body: (w) => json({ institutionId: w.instY, unitIds: [w.unitY], dryRun: true }),
        allow: [],
      },
    ],
  },
  // The review engine's scoring (issue 12): the holder of the active assignment; the organizer's secretariat.
  'GET /api/review/work': { bindings: [{ name: 'own work list', allow: SIGNED_IN }] },
  'GET /api/review/assignments/:id': {
    bindings: [
      {
        name: "the evaluator's assignment in A",
        params: (w) => ({ id: w.reviewA.assignmentId }),
        allow: ['evaluator'],
      },
    ],
  },
  'PUT /api/review/assignments/:id/evaluation': {
    bindings: [
      {
        name: "the evaluator's assignment in A",
        params: (w) => ({ id: w.reviewA.assignmentId }),
        body: () => json({ version: 0, scores: [] }),
        allow: ['evaluator'],
      },
    ],
  },
  'POST /api/review/assignments/:id/submit': {
    bindings: [
      {
        name: "the evaluator's scored assignment in A",
        params: (w) => ({ id: w.reviewA.scoredAssignmentId }),
        body: () => json({ version: 2 }),
        allow: ['evaluator'],
      },
    ],
  },
  'GET /api/review/assignments/:id/attachments/:attachmentId': {
    bindings: [
      {
        name: "the evidence of the evaluator's assignment in A",
        params: (w) => ({ id: w.reviewA.assignmentId, attachmentId: w.reviewA.attachmentId }),
        allow: ['evaluator'],
      },
    ],
  },
  ...Object.fromEntries(
    (
      [
        ['GET', 'rubric'],
        ['POST', 'rubric'],
        ['GET', 'progress'],
      ] as const
    ).map(([method, what]) => [
      `${method} /api/competitions/:id/stages/:stageId/${what}`,
      {
        bindings: [
          {
            name: "A's evaluation_1 (own organizer)",
            params: (w: World) => ({ id: w.compA, stageId: w.stageA }),
            allow: ['secretariat', 'system_admin'],
          },
          {
            name: "B's evaluation_1 (another organizer)",
            params: (w: World) => ({ id: w.compB, stageId: w.stageB }),
            allow: ['secretariat_other', 'system_admin'],
          },
        ],
      } satisfies RouteCase,
    ]),
  ),
  'POST /api/competitions/:id/invitations': {
    bindings: [
      {
        name: "A's",
        params: competitionOf('A'),
        body: (w) => json({ groupKey: 'khusus', institutionId: w.instY, letterNumber: 'B/3/MTRKS/2026' }),
        allow: ['secretariat', 'system_admin'],
        alsoAccept: [409],
      },
      {
        name: "B's",
        params: competitionOf('B'),
        body: (w) => json({ groupKey: 'khusus', institutionId: w.instX, letterNumber: 'B/4/MTRKS/2026' }),
        allow: ['secretariat_other', 'system_admin'],
        alsoAccept: [409],
      },
    ],
  },
  'POST /api/competitions/:id/invitations/:invitationId/revoke': {
    last: true,
    bindings: [
      {
        name: "A's",
        params: (w) => ({ id: w.compA, invitationId: w.invitationA }),
        allow: ['secretariat', 'system_admin'],
        alsoAccept: [409],
      },
      {
        name: "B's",
        params: (w) => ({ id: w.compB, invitationId: w.invitationB }),
        allow: ['secretariat_other', 'system_admin'],
        alsoAccept: [409],
      },
    ],
  },
  'POST /api/competitions/:id/proposals': {
    bindings: [
      {
        name: 'in A',
        params: competitionOf('A'),
        body: () => json({ groupKey: 'umum', title: 'Inovasi Baru dari Matriks' }),
        allow: ['upp'],
        alsoAccept: [409, 422],
      },
    ],
  },

  // Mail.
  'GET /api/outbox': {
    bindings: [{ name: 'list', allow: ['secretariat', 'secretariat_other', 'data_steward', 'system_admin'] }],
  },
  'GET /api/outbox/:id': {
    bindings: [
      { name: "the administrator's reset mail", params: (w) => ({ id: w.outboxReset }), allow: ADMIN },
    ],
  },
  'GET /api/outbox/:id/eml': {
    bindings: [
      { name: "the administrator's reset mail", params: (w) => ({ id: w.outboxReset }), allow: ADMIN },
    ],
  },
  'POST /api/outbox/:id/retry': {
    bindings: [
      {
        name: "the administrator's reset mail",
        params: (w) => ({ id: w.outboxReset }),
        allow: ADMIN,
        alsoAccept: [409],
      },
    ],
  },
  'GET /api/notifications': { bindings: [{ name: 'own', allow: SIGNED_IN }] },
  'POST /api/notifications/read-all': { bindings: [{ name: 'own', allow: SIGNED_IN }] },
  'POST /api/notifications/:id/read': {
    bindings: [
      {
        name: "the admin lokal's",
        params: (w) => ({ id: w.notificationOfLocalAdmin }),
        allow: ['local_admin'],
      },
      { name: "Y's admin lokal's", params: (w) => ({ id: w.notificationOfY }), allow: [] },
    ],
  },

  // Proposals, last as before the split: the proposal routes change the shared world's proposals.
  ...PROPOSAL_ROUTE_CASES,
};
