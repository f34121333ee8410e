import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  capacityBody,
  conflictBody,
  inviteMemberBody,
  inviteResponse,
  memberParams,
  memberResponse,
  myTeamsResponse,
  ownProfileResponse,
  profileBody,
  regionalRuleBody,
  teamListQuery,
  teamListResponse,
  teamParams,
  type ReviewTeamName,
  type TeamMember,
} from '../../contracts/review-team.js';
import { invitationResponse } from '../../contracts/users.js';
import { notFound, t } from '../../domain/errors.js';
import { can } from '../../domain/policy.js';
import { authorize, clientIp, requireUser } from '../../platform/auth.js';
import { resendInvitation } from '../users/commands/resend-invitation.js';
import { addConflict } from './commands/add-conflict.js';
import { inviteMember } from './commands/invite-member.js';
import { removeMember } from './commands/remove-member.js';
import { saveProfile } from './commands/save-profile.js';
import { setCapacity } from './commands/set-capacity.js';
import { setRegionalRule } from './commands/set-regional-rule.js';
import { presentMember } from './present.js';
import {
  activeAssignmentCounts,
  competitionCategories,
  conflictRowsOf,
  findMember,
  judgedInstitutions,
  listMembers,
  teamCompetition,
  teamsOf,
  unsurCounts,
  type TeamCompetition,
} from './queries.js';
import { hasActiveAssignments, teamRole, teamScopeText } from './steps.js';

const competitionNotFound = () => notFound(t('Kompetisi tidak ditemukan.', 'Competition not found.'));
const memberNotFound = () => notFound(t('Anggota tim tidak ditemukan.', 'Team member not found.'));

/**
 * A competition's Tim Evaluasi and Tim Panel Independen (issue 12 point 2): the organizer's secretariat
 * invites, re-invites, removes, sets capacities, organizer conflicts and the regional rule; each reviewer
 * reads and saves their own profile. Outside the caller's scope a competition or a member does not exist
 * (404): another organizer's secretariat, a reviewer of another competition.
 */
export const reviewTeamRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, config } = app.deps;
  const policyContext = { clockControl: config.clockControl };

  /** The competition, when the caller manages its teams; else 404. */
  const managed = async (req: FastifyRequest, id: number) => {
    requireUser(req);
    const c = await teamCompetition(db, id);
    if (
      !c ||
      !can(
        req.actor,
        'reviewTeam.manage',
        { organizerInstitutionId: c.organizerInstitutionId },
        policyContext,
      )
    )
      throw competitionNotFound();
    const actor = authorize(req, 'reviewTeam.manage', { organizerInstitutionId: c.organizerInstitutionId });
    return { c, actor: { userId: actor.userId, name: req.user!.name } };
  };

  /** The competition, when the caller is on that team of it; else 404. */
  const ownTeam = async (req: FastifyRequest, id: number, team: ReviewTeamName) => {
    requireUser(req);
    const c = await teamCompetition(db, id);
    if (!c || !can(req.actor, 'reviewerProfile.edit', { competitionId: c.id, team }, policyContext))
      throw competitionNotFound();
    authorize(req, 'reviewerProfile.edit', { competitionId: c.id, team });
    return c;
  };

  /** Members as shown, with their stored and automatic conflicts and their load. */
  const present = async (
    c: TeamCompetition,
    rows: NonNullable<Awaited<ReturnType<typeof findMember>>>[],
    abilities: (r: (typeof rows)[number], load: number) => TeamMember['abilities'],
  ) => {
    const ids = rows.map((r) => r.user_id);
    const [categories, conflicts, assignments, judged] = await Promise.all([
      competitionCategories(db, c.id),
      conflictRowsOf(db, c.id, ids),
      activeAssignmentCounts(db, c.id, ids),
      c.regionalConflict === 'none' && rows.every((r) => r.affiliation_institution_id === null)
        ? Promise.resolve([])
        : judgedInstitutions(db, c.id),
    ]);
    return rows.map((r) =>
      presentMember(r, {
        categories,
        conflicts,
        assignments,
        rule: c.regionalConflict,
        judged,
        abilities: abilities(r, assignments.get(r.user_id) ?? 0),
      }),
    );
  };
  const managerAbilities = (r: { password_hash: string | null }, load: number) => ({
    resendInvitation: r.password_hash === null,
    remove: load === 0,
    edit: true,
  });
  const presentOne = async (c: TeamCompetition, team: ReviewTeamName, userId: number) => {
    const row = await findMember(db, c.id, team, userId);
    if (!row) throw memberNotFound();
    return (await present(c, [row], managerAbilities))[0]!;
  };

  app.get(
    '/competitions/:id/review-team/:team',
    {
      schema: {
        tags: ['review-team'],
        summary: "A competition's Tim Evaluasi or Tim Panel Independen, paged and filtered",
        params: teamParams,
        querystring: teamListQuery,
        response: { 200: teamListResponse },
      },
    },
    async (req) => {
      const { c } = await managed(req, req.params.id);
      const { rows, total } = await listMembers(db, c.id, req.params.team, req.query);
      return {
        competition: { id: c.id, name: c.name, year: c.year },
        team: req.params.team,
        regionalConflict: c.regionalConflict,
        items: await present(c, rows, managerAbilities),
        total,
        page: req.query.page,
        pageSize: req.query.pageSize,
        unsurCounts: await unsurCounts(db, c.id, req.params.team),
        abilities: { manage: true },
      };
    },
  );

  app.post(
    '/competitions/:id/review-team/:team/members',
    {
      schema: {
        tags: ['review-team'],
        summary: 'Invite a person to the team (a new account gets the set-password mail)',
        params: teamParams,
        body: inviteMemberBody,
        response: { 201: inviteResponse },
      },
    },
    async (req, reply) => {
      const { c, actor } = await managed(req, req.params.id);
      const result = await inviteMember(db, {
        competition: c,
        team: req.params.team,
        name: req.body.name,
        email: req.body.email,
        capacity: req.body.capacity ?? null,
        actor,
        baseUrl: config.baseUrl,
        ip: clientIp(req),
        now: clock.now(),
      });
      return reply.code(201).send({
        member: await presentOne(c, req.params.team, result.userId),
        accountCreated: result.accountCreated,
        warnings: result.warnings,
      });
    },
  );

  app.post(
    '/competitions/:id/review-team/:team/members/:userId/resend-invitation',
    {
      schema: {
        tags: ['review-team'],
        summary: 'Send a new set-password link to a member who has not set a password',
        params: memberParams,
        response: { 200: invitationResponse },
      },
    },
    async (req) => {
      const { c, actor } = await managed(req, req.params.id);
      const row = await findMember(db, c.id, req.params.team, req.params.userId);
      if (!row) throw memberNotFound();
      const { expiresAt } = await resendInvitation(db, {
        userId: row.user_id,
        role: teamRole(req.params.team),
        scope: teamScopeText(req.params.team, c).id,
        sentBy: actor,
        baseUrl: config.baseUrl,
        ip: clientIp(req),
        now: clock.now(),
      });
      return { expiresAt: expiresAt.toISOString() };
    },
  );

  app.patch(
    '/competitions/:id/review-team/:team/members/:userId',
    {
      schema: {
        tags: ['review-team'],
        summary: "Set a member's capacity (most proposals per stage)",
        params: memberParams,
        body: capacityBody,
        response: { 200: memberResponse },
      },
    },
    async (req) => {
      const { c, actor } = await managed(req, req.params.id);
      await setCapacity(db, {
        competition: c,
        team: req.params.team,
        userId: req.params.userId,
        capacity: req.body.capacity,
        actor,
        ip: clientIp(req),
        now: clock.now(),
      });
      return { member: await presentOne(c, req.params.team, req.params.userId) };
    },
  );

  app.delete(
    '/competitions/:id/review-team/:team/members/:userId',
    {
      schema: {
        tags: ['review-team'],
        summary: 'Remove a member from the team (refused while they hold active assignments)',
        params: memberParams,
      },
    },
    async (req, reply) => {
      const { c, actor } = await managed(req, req.params.id);
      await removeMember(db, {
        competition: c,
        team: req.params.team,
        userId: req.params.userId,
        actor,
        ip: clientIp(req),
        now: clock.now(),
      });
      return reply.code(204).send();
    },
  );

  app.post(
    '/competitions/:id/review-team/:team/members/:userId/conflicts',
    {
      schema: {
        tags: ['review-team'],
        summary: 'Record an organizer conflict: an institution the member may not judge',
        params: memberParams,
        body: conflictBody,
        response: { 201: memberResponse },
      },
    },
    async (req, reply) => {
      const { c, actor } = await managed(req, req.params.id);
      await addConflict(db, {
        competition: c,
        team: req.params.team,
        userId: req.params.userId,
        institutionId: req.body.institutionId,
        note: req.body.note ?? null,
        by: 'organizer',
        actor,
        baseUrl: app.deps.config.baseUrl,
        ip: clientIp(req),
        now: clock.now(),
      });
      app.deps.mail.kick();
      return reply.code(201).send({ member: await presentOne(c, req.params.team, req.params.userId) });
    },
  );

  app.put(
    '/competitions/:id/review-team-rule',
    {
      schema: {
        tags: ['review-team'],
        summary: "Set the competition's regional conflict rule",
        params: z.object({ id: teamParams.shape.id }),
        body: regionalRuleBody,
        response: { 200: regionalRuleBody },
      },
    },
    async (req) => {
      const { c, actor } = await managed(req, req.params.id);
      await setRegionalRule(db, {
        competition: c,
        rule: req.body.regionalConflict,
        actor,
        ip: clientIp(req),
        now: clock.now(),
      });
      return { regionalConflict: req.body.regionalConflict };
    },
  );

  // ---------------------------------------------------------------- the reviewer's own profile

  app.get(
    '/me/review-teams',
    {
      schema: {
        tags: ['review-team'],
        summary: "The caller's review teams and whether each profile is complete",
        response: { 200: myTeamsResponse },
      },
    },
    async (req) => {
      const { user } = requireUser(req);
      const rows = await teamsOf(db, user.id);
      return {
        items: rows
          .filter((r) =>
            can(req.actor, 'reviewerProfile.edit', { competitionId: r.id, team: r.team }, policyContext),
          )
          .map((r) => ({
            competition: { id: r.id, name: r.name, year: r.year },
            team: r.team,
            profileComplete: r.completed_at !== null,
          })),
      };
    },
  );

  const ownProfile = async (c: TeamCompetition, team: ReviewTeamName, userId: number) => {
    const row = await findMember(db, c.id, team, userId);
    if (!row) throw notFound(t('Profil penilai tidak ditemukan.', 'Reviewer profile not found.'));
    const locked = await hasActiveAssignments(db, c.id, userId);
    const [member] = await present(c, [row], () => ({
      resendInvitation: false,
      remove: false,
      edit: !locked,
    }));
    const categories = await competitionCategories(db, c.id);
    return {
      competition: { id: c.id, name: c.name, year: c.year },
      member: member!,
      categories: categories.map((x) => ({ key: x.key, name: { id: x.name_id, en: x.name_en } })),
      locked,
      abilities: { edit: !locked, addConflict: true },
    };
  };

  app.get(
    '/competitions/:id/review-team/:team/me',
    {
      schema: {
        tags: ['review-team'],
        summary: "The caller's own reviewer profile in the competition",
        params: teamParams,
        response: { 200: ownProfileResponse },
      },
    },
    async (req) => {
      const c = await ownTeam(req, req.params.id, req.params.team);
      return ownProfile(c, req.params.team, req.user!.id);
    },
  );

  app.put(
    '/competitions/:id/review-team/:team/me',
    {
      schema: {
        tags: ['review-team'],
        summary: 'Save (and on the first save complete) the caller’s reviewer profile',
        params: teamParams,
        body: profileBody,
        response: { 200: ownProfileResponse },
      },
    },
    async (req) => {
      const c = await ownTeam(req, req.params.id, req.params.team);
      await saveProfile(db, {
        competition: c,
        team: req.params.team,
        userId: req.user!.id,
        body: req.body,
        ip: clientIp(req),
        now: clock.now(),
      });
      return ownProfile(c, req.params.team, req.user!.id);
    },
  );

  app.post(
    '/competitions/:id/review-team/:team/me/conflicts',
    {
      schema: {
        tags: ['review-team'],
        summary: 'Declare one more conflict (after assignments: recorded as found, and acted on)',
        params: teamParams,
        body: conflictBody,
        response: { 201: ownProfileResponse },
      },
    },
    async (req, reply) => {
      const c = await ownTeam(req, req.params.id, req.params.team);
      await addConflict(db, {
        competition: c,
        team: req.params.team,
        userId: req.user!.id,
        institutionId: req.body.institutionId,
        note: req.body.note ?? null,
        by: 'reviewer',
        actor: { userId: req.user!.id, name: req.user!.name },
        ip: clientIp(req),
        baseUrl: app.deps.config.baseUrl,
        now: clock.now(),
      });
      app.deps.mail.kick();
      return reply.code(201).send(await ownProfile(c, req.params.team, req.user!.id));
    },
  );
};
