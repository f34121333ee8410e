import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { proposalListResponse } from '../../contracts/proposal-list.js';
import { z } from 'zod';
import { competitionIdParams } from '../../contracts/competitions.js';
import {
  createProposalBody,
  proposalDetailSchema,
  proposalIdParams,
  proposalListQuery,
  proposalImpactSchema,
  returnProposalBody,
  saveProposalRequest,
  saveProposalResponse,
} from '../../contracts/proposals.js';
import { can } from '../../domain/policy.js';
import { proposalScope } from '../../domain/policy-scopes.js';
import { ORGANIZER_VISIBLE_STATES, QUOTA_STATES } from '../../domain/proposal-workflow.js';
import { authorize, clientIp, requireUser } from '../../platform/auth.js';
import { createProposal } from './commands/create-proposal.js';
import { forwardProposal } from './commands/forward-proposal.js';
import { returnProposal } from './commands/return-proposal.js';
import { autosaveProposal } from './commands/autosave-proposal.js';
import { sendProposal } from './commands/send-proposal.js';
import { withdrawProposal } from './commands/withdraw-proposal.js';
import { takeBackProposal } from './commands/take-back-proposal.js';
import { deleteProposal } from './commands/delete-proposal.js';
import { presentDetail } from './present.js';
import { presentList } from './list-present.js';
import { listProposals } from './list.js';
import { countQuotaUsed, quotaUsage } from './quota.js';
import { invitedGroups, loadEligibilityContext } from './eligibility-context.js';
import { loadProposalView, proposalNotFound, type ProposalView } from './view.js';
import { recordRead } from '../../platform/audit-reads.js';
import { proposalReadSubject, proposalRecordScope } from './record-scope.js';
import { publishedAdminResult } from './admin-result.js';

/** Proposals: drafting with autosave and history, then send → return/forward (within quota) → withdraw. */
export const proposalRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, config } = app.deps;

  /** The proposal if the caller may see it; anything else is 404 so ids outside the scope reveal nothing. */
  const loadVisible = async (req: FastifyRequest, id: number) => {
    requireUser(req);
    const view = await loadProposalView(db, id);
    if (!view || !can(req.actor, 'proposal.read', proposalReadSubject(view))) throw proposalNotFound();
    return view;
  };
  const present = async (req: FastifyRequest, view: ProposalView) =>
    presentDetail(view, await loadEligibilityContext(db, view), req.actor, clock.now());
  const detailOf = async (req: FastifyRequest, id: number) => {
    const view = await loadProposalView(db, id);
    if (!view) throw proposalNotFound();
    return present(req, view);
  };

  app.post(
    '/competitions/:id/proposals',
    {
      schema: {
        tags: ['proposals'],
        summary: 'Start a draft proposal (UPP of a unit) while the submission stage is open',
        params: competitionIdParams,
        body: createProposalBody.extend({ unitId: z.number().int().positive().optional() }),
        response: { 201: proposalDetailSchema },
      },
    },
    async (req, reply) => {
      const { actor } = requireUser(req);
      // The units this person writes for, as the policy sees them; one is chosen when there are several.
      const units = actor.grants
        .filter((g) => g.institutionId !== null && g.unitId !== null)
        .map((g) => ({ institutionId: g.institutionId!, unitId: g.unitId! }))
        .filter((s) => can(actor, 'proposal.create', s));
      const unit = req.body.unitId ? units.find((u) => u.unitId === req.body.unitId) : units[0];
      authorize(req, 'proposal.create', unit ?? { institutionId: -1, unitId: req.body.unitId ?? -1 });
      const proposal = await createProposal(db, {
        competitionId: req.params.id,
        groupKey: req.body.groupKey,
        title: req.body.title,
        institutionId: unit!.institutionId,
        unitId: unit!.unitId,
        actorUserId: actor.userId,
        ip: req.ip,
        now: clock.now(),
      });
      reply.code(201);
      return detailOf(req, proposal.id);
    },
  );

  app.get(
    '/proposals',
    {
      schema: {
        tags: ['proposals'],
        summary:
          "Proposals in the caller's scope: a UPP its unit's, an admin lokal its institution's (with quota use), the organizer's secretariat the forwarded ones; filtered, sorted, paged when a pageSize is given",
        querystring: proposalListQuery,
        response: { 200: proposalListResponse },
      },
      // The answer is made in the contract's shape (list-present.ts; test/proposal-list.test.ts holds every
      // item to the schema): checking 3,500 items again against the schema cost more than reading them.
      serializerCompiler: () => (data) => JSON.stringify(data),
    },
    async (req) => {
      const { actor } = requireUser(req);
      const scope = proposalScope(actor);
      const nothing =
        !scope.any &&
        !scope.anyOrganizer &&
        !scope.institutionIds.length &&
        !scope.unitIds.length &&
        !scope.organizerIds.length;
      if (nothing) authorize(req, 'proposal.viewAll', { organizerInstitutionId: -1 });
      const { page, pageSize, ...filter } = req.query;
      const { rows, names, total } = await listProposals(
        db,
        { ...scope, organizerStates: ORGANIZER_VISIBLE_STATES, ...filter },
        { page, pageSize },
      );
      const reviewed = scope.institutionIds.filter((id) =>
        can(actor, 'proposal.review', { institutionId: id }),
      );
      const competitionIds =
        req.query.competitionId !== undefined
          ? [req.query.competitionId]
          : [...new Set(rows.map((r) => r.competition_id))];
      const writesFor = [
        ...new Set(
          actor.grants
            .filter(
              (g) =>
                g.institutionId !== null &&
                g.unitId !== null &&
                can(actor, 'proposal.create', { institutionId: g.institutionId, unitId: g.unitId }),
            )
            .map((g) => g.institutionId!),
        ),
      ];
      return {
        ...presentList(rows, names),
        total,
        page,
        pageSize: pageSize ?? null,
        quotas: await quotaUsage(db, { institutionIds: reviewed, competitionIds }),
        invitedGroups: (await invitedGroups(db, writesFor)).map(({ competitionId, groupKey }) => ({
          competitionId,
          groupKey,
        })),
        abilities: {
          create: writesFor.length > 0,
          review: reviewed.length > 0,
        },
      };
    },
  );

  app.get(
    '/proposals/:id',
    {
      schema: {
        tags: ['proposals'],
        summary: 'One proposal with its form, answers, completeness and abilities',
        params: proposalIdParams,
        response: { 200: proposalDetailSchema },
      },
    },
    async (req) => {
      const view = await loadVisible(req, req.params.id);
      return { ...(await present(req, view)), adminResult: await publishedAdminResult(db, view.proposal) };
    },
  );

  app.get(
    '/proposals/:id/pdf',
    {
      schema: {
        tags: ['proposals'],
        summary:
          'The proposal as a printable PDF (identity, state and instants with zone, sections with word counts, evidence with size and sha256), Indonesian then English',
        params: proposalIdParams,
      },
    },
    async (req, reply) => {
      const view = await loadVisible(req, req.params.id);
      const pdf = await app.deps.exports.pdf(req.user!.id, view, clock.now());
      await recordRead(db, {
        actorUserId: req.actor!.userId,
        action: 'proposal.pdf_downloaded',
        entityType: 'proposal',
        entityId: view.proposal.id,
        summary: { code: view.proposal.code, version: view.proposal.version },
        scope: proposalRecordScope(view),
        ip: clientIp(req),
        now: clock.now(),
      });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-length', String(pdf.length))
        .header('content-disposition', `inline; filename="${view.proposal.code}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  app.patch(
    '/proposals/:id',
    {
      schema: {
        tags: ['proposals'],
        summary:
          'Autosave (optimistic: a stale version is 409 version_conflict with the server copy): stores every valid field of `saveProposalBody` and answers 200 with `rejected` naming each refused field (code, reason in id/en), which keeps its stored value; over a word limit is allowed while drafting',
        params: proposalIdParams,
        body: saveProposalRequest,
        response: { 200: saveProposalResponse },
      },
      // The answer is typed by autosaveProposal; checking it again against the schema on every keystroke
      // pause only costs time (the schema stays for the API documentation).
      serializerCompiler: () => (data) => JSON.stringify(data),
    },
    async (req) => {
      const { user } = requireUser(req);
      // Reads, authorizes and writes conditionally on the version read (the busiest request: see
      // commands/autosave-proposal.ts).
      return autosaveProposal(db, {
        id: req.params.id,
        body: req.body,
        actorUserId: user.id,
        ip: req.ip,
        now: clock.now(),
        mayEdit: (v) => {
          if (!can(req.actor, 'proposal.read', proposalReadSubject(v))) throw proposalNotFound();
          authorize(req, 'proposal.edit', {
            institutionId: v.proposal.institution_id,
            unitId: v.proposal.unit_id,
          });
        },
      });
    },
  );

  // The history (list, one version, comparisons, changes since the return): version-routes.ts.

  app.post(
    '/proposals/:id/send',
    {
      schema: {
        tags: ['proposals'],
        summary:
          'Send a complete, eligible proposal to the admin lokal (422 proposal_incomplete / proposal_ineligible lists every item in `missing`)',
        params: proposalIdParams,
        response: { 200: proposalDetailSchema },
      },
    },
    async (req) => {
      const v = await loadVisible(req, req.params.id);
      const actor = authorize(req, 'proposal.edit', {
        institutionId: v.proposal.institution_id,
        unitId: v.proposal.unit_id,
      });
      await sendProposal(db, {
        id: v.proposal.id,
        actorUserId: actor.userId,
        ip: req.ip,
        baseUrl: config.baseUrl,
        now: clock.now(),
      });
      app.deps.mail.kick();
      return detailOf(req, v.proposal.id);
    },
  );

  app.post(
    '/proposals/:id/take-back',
    {
      schema: {
        tags: ['proposals'],
        summary:
          'The proposer takes a sent proposal back before the admin lokal acted (back to draft; 409 already_reviewed once returned or forwarded, submission_closed after closing); the admin lokal is told',
        params: proposalIdParams,
        response: { 200: proposalDetailSchema },
      },
    },
    async (req) => {
      const v = await loadVisible(req, req.params.id);
      const actor = authorize(req, 'proposal.takeBack', {
        institutionId: v.proposal.institution_id,
        unitId: v.proposal.unit_id,
      });
      await takeBackProposal(db, {
        id: v.proposal.id,
        actorUserId: actor.userId,
        ip: req.ip,
        baseUrl: config.baseUrl,
        now: clock.now(),
      });
      app.deps.mail.kick();
      return detailOf(req, v.proposal.id);
    },
  );

  app.delete(
    '/proposals/:id',
    {
      schema: {
        tags: ['proposals'],
        summary:
          'The proposer deletes a draft never sent, with its answers, history and evidence files (409 was_sent / invalid_transition / submission_closed); the audit keeps the record',
        params: proposalIdParams,
        response: { 200: z.object({ code: z.string() }) },
      },
    },
    async (req) => {
      const v = await loadVisible(req, req.params.id);
      const actor = authorize(req, 'proposal.delete', {
        institutionId: v.proposal.institution_id,
        unitId: v.proposal.unit_id,
      });
      return deleteProposal(db, app.deps.storage, {
        id: v.proposal.id,
        actorUserId: actor.userId,
        ip: req.ip,
        now: clock.now(),
      });
    },
  );

  app.post(
    '/proposals/:id/return',
    {
      schema: {
        tags: ['proposals'],
        summary: 'Return a sent proposal to its unit with a note (admin lokal)',
        params: proposalIdParams,
        body: returnProposalBody,
        response: { 200: proposalDetailSchema },
      },
    },
    async (req) => {
      const v = await loadVisible(req, req.params.id);
      const actor = authorize(req, 'proposal.review', { institutionId: v.proposal.institution_id });
      await returnProposal(db, {
        id: v.proposal.id,
        note: req.body.note,
        actorUserId: actor.userId,
        ip: req.ip,
        baseUrl: config.baseUrl,
        now: clock.now(),
      });
      app.deps.mail.kick();
      return detailOf(req, v.proposal.id);
    },
  );

  app.get(
    '/proposals/:id/impact',
    {
      schema: {
        tags: ['proposals'],
        summary:
          "What forwarding or withdrawing would leave of the group's quota per institution, for the admin lokal's confirmation",
        params: proposalIdParams,
        response: { 200: proposalImpactSchema },
      },
    },
    async (req) => {
      const v = await loadVisible(req, req.params.id);
      authorize(req, 'proposal.review', { institutionId: v.proposal.institution_id });
      const limit = v.group.quota_per_institution;
      if (limit === null) return { proposalId: v.proposal.id, quota: null };
      const others = await countQuotaUsed(db, {
        competitionId: v.proposal.competition_id,
        institutionId: v.proposal.institution_id,
        groupId: v.proposal.group_id,
        exceptId: v.proposal.id,
      });
      const holds = QUOTA_STATES.includes(v.proposal.state) ? 1 : 0;
      return {
        proposalId: v.proposal.id,
        quota: {
          groupKey: v.group.key,
          used: others + holds,
          limit,
          afterForward: others + 1,
          afterWithdraw: others,
        },
      };
    },
  );

  for (const [verb, command, summary] of [
    [
      'forward',
      forwardProposal,
      "Forward to the organizer after checking everything again (422 proposal_incomplete / proposal_ineligible), within the group's quota per institution (409 quota_full); the admin lokal gets a 'forwarded' e-mail (the receipt is sent at the closing)",
    ],
    ['withdraw', withdrawProposal, 'Take a forwarded proposal back before closing (admin lokal)'],
  ] as const) {
    app.post(
      `/proposals/:id/${verb}`,
      {
        schema: {
          tags: ['proposals'],
          summary,
          params: proposalIdParams,
          response: { 200: proposalDetailSchema },
        },
      },
      async (req) => {
        const v = await loadVisible(req, req.params.id);
        const actor = authorize(req, 'proposal.review', { institutionId: v.proposal.institution_id });
        await command(db, { id: v.proposal.id, actorUserId: actor.userId, ip: req.ip, now: clock.now() });
        app.deps.mail.kick();
        return detailOf(req, v.proposal.id);
      },
    );
  }
};
