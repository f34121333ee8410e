import { makeUser } from '../helpers/fixtures.js';
import { ACTORS, type World } from './world.js';
import type { Binding, Body, RouteCase } from './routes.js';

/*
 * The review teams' routes (issue 12 point 2) in the role × route matrix: the roster is the organizer's
 * (secretariat, system administrator); a profile is its reviewer's own, in the competition and team of
 * their grant, and nobody else's.
 */

const SIGNED_IN = ACTORS.filter((a) => a !== 'anonymous');
const json = (value: unknown): Body => ({ json: value });
let unique = 0;

/** A new member of the competition's Tim Evaluasi (an account with a password, its profile row empty). */
async function newMember(w: World, competitionId: number): Promise<number> {
  const user = await makeUser(w.ctx.db, {
    role: 'evaluator',
    competitionId,
    name: `Penilai Matriks ${++unique}`,
  });
  await profileRow(w, competitionId, user.id, 'evaluation');
  return user.id;
}

/** The profile row of a reviewer of the world (made once). */
async function profileRow(w: World, competitionId: number, userId: number, team: 'evaluation' | 'panel') {
  const stamp = new Date().toISOString();
  await w.ctx.db
    .insertInto('reviewer_profiles')
    .values({
      competition_id: competitionId,
      user_id: userId,
      team,
      affiliation_name: null,
      affiliation_institution_id: null,
      region_code: null,
      capacity: null,
      completed_at: null,
      created_at: stamp,
      updated_at: stamp,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** The roster of competition A (own organizer) and B (another organizer). */
const roster = (
  extra: (w: World) => Record<string, string | number> = () => ({ team: 'evaluation' }),
): Binding[] =>
  (['A', 'B'] as const).map((which) => ({
    name: which === 'A' ? "A's (own organizer)" : "B's (another organizer)",
    allow: which === 'A' ? ['secretariat', 'system_admin'] : ['secretariat_other', 'system_admin'],
    params: (w: World) => ({ id: which === 'A' ? w.compA : w.compB, ...extra(w) }),
  }));

const memberBindings = (body?: (w: World) => Body, alsoAccept: readonly number[] = []): Binding[] =>
  (['A', 'B'] as const).map((which) => ({
    name: which === 'A' ? "a member of A's team (own organizer)" : "a member of B's team (another organizer)",
    allow: which === 'A' ? ['secretariat', 'system_admin'] : ['secretariat_other', 'system_admin'],
    params: async (w: World) => {
      const id = which === 'A' ? w.compA : w.compB;
      return { id, team: 'evaluation', userId: await newMember(w, id) };
    },
    ...(body ? { body } : {}),
    alsoAccept,
  }));

/** The own-profile routes: the world's evaluator and panelist hold grants for A. */
const ownBindings = (
  body?: (w: World) => Body | Promise<Body>,
  alsoAccept: readonly number[] = [],
): Binding[] => [
  {
    name: "A's Tim Evaluasi (the evaluator's own)",
    params: async (w) => {
      await profileRow(w, w.compA, w.userIds.evaluator, 'evaluation');
      return { id: w.compA, team: 'evaluation' };
    },
    ...(body ? { body } : {}),
    allow: ['evaluator'],
    alsoAccept,
  },
  {
    name: "A's Tim Panel Independen (the panelist's own)",
    params: async (w) => {
      await profileRow(w, w.compA, w.userIds.panelist, 'panel');
      return { id: w.compA, team: 'panel' };
    },
    ...(body ? { body } : {}),
    allow: ['panelist'],
    alsoAccept,
  },
  {
    name: "B's Tim Evaluasi (nobody's here)",
    params: (w) => ({ id: w.compB, team: 'evaluation' }),
    ...(body ? { body } : {}),
    allow: [],
  },
];

const validProfile = async (w: World) => {
  const category = await w.ctx.db
    .selectFrom('categories')
    .select('key')
    .where('competition_id', '=', w.compA)
    .orderBy('position')
    .executeTakeFirstOrThrow();
  return json({
    affiliationName: 'Universitas Matriks',
    regionCode: '32',
    expertise: [category.key],
    conflicts: [],
  });
};

export const REVIEW_TEAM_ROUTES: Record<string, RouteCase> = {
  'GET /api/competitions/:id/review-team/:team': {
    bindings: roster(),
  },
  'POST /api/competitions/:id/review-team/:team/members': {
    bindings: roster().map((b) => ({
      ...b,
      body: () => json({ name: 'Undangan Matriks', email: `undangan.matriks.${++unique}@uji.ac.id` }),
    })),
  },
  'POST /api/competitions/:id/review-team/:team/members/:userId/resend-invitation': {
    // The members made here have set a password: 409 after authorization.
    bindings: memberBindings(undefined, [409]),
  },
  'PATCH /api/competitions/:id/review-team/:team/members/:userId': {
    bindings: memberBindings(() => json({ capacity: 12 })),
  },
  'DELETE /api/competitions/:id/review-team/:team/members/:userId': {
    bindings: memberBindings(),
  },
  'POST /api/competitions/:id/review-team/:team/members/:userId/conflicts': {
    bindings: memberBindings((w) => json({ institutionId: w.instX })),
  },
  'PUT /api/competitions/:id/review-team-rule': {
    bindings: roster(() => ({})).map((b) => ({ ...b, body: () => json({ regionalConflict: 'none' }) })),
  },
  'GET /api/me/review-teams': { bindings: [{ name: 'own teams', allow: SIGNED_IN }] },
  'GET /api/competitions/:id/review-team/:team/me': { bindings: ownBindings() },
  // The world's evaluator already holds assignments in A (the review engine's objects): 409 profile_locked.
  'PUT /api/competitions/:id/review-team/:team/me': { bindings: ownBindings(validProfile, [409]) },
  'POST /api/competitions/:id/review-team/:team/me/conflicts': {
    // A second request for the same institution: 409 conflict_exists, after authorization.
    bindings: ownBindings((w) => json({ institutionId: w.instY }), [409]),
  },
};
