import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  competitionIdParams,
  decideObjectionBody,
  dismissObjectionBody,
  forwardObjectionBody,
  objectionIdParams,
  objectionListQuery,
  objectionListResponse,
  objectionSchema,
  panelObjectionSchema,
} from '../../contracts/objections.js';
import type { ObjectionStatusValue } from '../../db/schema.js';
import { attachmentName, contentDisposition } from '../../domain/attachments.js';
import { notFound, t } from '../../domain/errors.js';
import { closingReadiness, windowState } from '../../domain/objections.js';
import { can, type Actor } from '../../domain/policy.js';
import { requireUser } from '../../platform/auth.js';
import { decideObjection } from './commands/decide-objection.js';
import { dismissObjection, forwardObjection } from './commands/triage-objection.js';
import { presentObjection } from './present.js';
import {
  countObjections,
  findEvidenceFile,
  findObjectionView,
  findUjiPublik,
  findUnitName,
  listFinalists,
  listObjectionViews,
  proposalSections,
  type ObjectionView,
} from './queries.js';

const objectionNotFound = () => notFound(t('Keberatan tidak ditemukan.', 'Objection not found.'));
const ujiNotFound = () =>
  notFound(t('Uji publik kompetisi ini tidak ditemukan.', 'This competition’s public review was not found.'));

/** What the panel sees: what the secretariat forwarded, and its own decisions. */
const PANEL_STATUSES: readonly ObjectionStatusValue[] = ['forwarded', 'upheld', 'rejected'];

/** The secretariat of the organizer sees every objection of the competition; its panel the forwarded ones. */
function reader(actor: Actor, c: { competitionId: number; organizerInstitutionId: number }) {
  if (can(actor, 'objection.triage', { organizerInstitutionId: c.organizerInstitutionId }))
    return 'secretariat';
  if (can(actor, 'objection.adjudicate', { competitionId: c.competitionId })) return 'panel';
  return null;
}

/** One objection the caller may read, else 404 (whatever the reason: nothing is revealed). */
function readable(actor: Actor, v: ObjectionView | undefined): ObjectionView {
  if (!v) throw objectionNotFound();
  const who = reader(actor, {
    competitionId: v.competition_id,
    organizerInstitutionId: v.organizer_institution_id,
  });
  if (!who || (who === 'panel' && !PANEL_STATUSES.includes(v.status))) throw objectionNotFound();
  return v;
}

/** The uji publik's work: the secretariat triages, the panel decides; the evidence through a checked route. */
export const objectionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/competitions/:id/objections',
    {
      schema: {
        tags: ['objections'],
        summary:
          "A competition's objections (the organizer's secretariat: all; its panel: the forwarded and decided ones), with the counts, whether the final list may be fixed, and the finalists as they stand",
        params: competitionIdParams,
        querystring: objectionListQuery,
        response: { 200: objectionListResponse },
      },
    },
    async (req) => {
      const { actor } = requireUser(req);
      const { db, clock } = app.deps;
      const uji = await findUjiPublik(db, req.params.id);
      if (!uji) throw ujiNotFound();
      const who = reader(actor, {
        competitionId: uji.competition.id,
        organizerInstitutionId: uji.competition.organizerInstitutionId,
      });
      if (!who) throw ujiNotFound();
      const q = req.query;
      let statuses: readonly ObjectionStatusValue[] | undefined =
        q.group === 'decided' ? ['upheld', 'rejected'] : q.status ? [q.status] : undefined;
      if (who === 'panel') statuses = (statuses ?? PANEL_STATUSES).filter((s) => PANEL_STATUSES.includes(s));
      const views = await listObjectionViews(db, {
        competitionId: uji.competition.id,
        statuses,
        proposalId: q.proposalId,
      });
      const counts = await countObjections(db, uji.competition.id);
      const now = clock.now();
      return {
        competition: { id: uji.competition.id, name: uji.competition.name, year: uji.competition.year },
        window: {
          state: windowState(uji.stage, now),
          opensAt: uji.stage.opensAt,
          closesAt: uji.stage.closesAt,
          timeZone: uji.competition.timeZone,
        },
        items: views.map((v) => presentObjection(v, actor)),
        counts,
        readiness: closingReadiness(uji.stage, now, counts),
        finalists: (await listFinalists(db, uji.competition.id)).map(
          ({ proposalId, code, title, institution }) => ({ proposalId, code, title, institution }),
        ),
        abilities: {
          triage: who === 'secretariat',
          decide: can(actor, 'objection.adjudicate', { competitionId: uji.competition.id }),
        },
      };
    },
  );

  app.get(
    '/objections/:id',
    {
      schema: {
        tags: ['objections'],
        summary:
          "One objection with the finalist's proposal, read-only (the organizer's secretariat; the competition's panel once forwarded)",
        params: objectionIdParams,
        response: { 200: panelObjectionSchema },
      },
    },
    async (req) => {
      const { actor } = requireUser(req);
      const v = readable(actor, await findObjectionView(app.deps.db, req.params.id));
      const sections = await proposalSections(app.deps.db, v.proposal_id);
      return {
        ...presentObjection(v, actor),
        proposal: {
          code: v.proposal_code,
          title: v.proposal_title,
          institution: v.institution_name,
          unit: await findUnitName(app.deps.db, v.proposal_unit_id),
          sections: sections.map((s) => ({ label: s.label_id, labelEn: s.label_en, text: s.text })),
        },
      };
    },
  );

  app.get(
    '/objections/:id/evidence',
    {
      schema: {
        tags: ['objections'],
        summary: "The objection's evidence file, as a download (who may read the objection)",
        params: objectionIdParams,
      },
    },
    async (req, reply) => {
      const { actor } = requireUser(req);
      readable(actor, await findObjectionView(app.deps.db, req.params.id));
      const file = await findEvidenceFile(app.deps.db, req.params.id);
      if (!file || !(await app.deps.storage.exists(file.storage_key))) throw objectionNotFound();
      const bytes = await app.deps.storage.openRead(file.storage_key);
      return reply
        .header('Content-Type', file.mime)
        .header('Content-Length', String(file.size))
        .header('Content-Disposition', contentDisposition(attachmentName(file.original_name, file.mime)))
        .header('X-Content-Type-Options', 'nosniff')
        .header('Cache-Control', 'private, no-store')
        .header('Content-Security-Policy', "default-src 'none'; sandbox")
        .send(bytes);
    },
  );

  /** The objection for a triage: the organizer's secretariat only, else 404. */
  const forTriage = async (actor: Actor, id: number) => {
    const v = await findObjectionView(app.deps.db, id);
    if (!v || !can(actor, 'objection.triage', { organizerInstitutionId: v.organizer_institution_id }))
      throw objectionNotFound();
    return v;
  };
  const answer = async (actor: Actor, id: number) => {
    const v = await findObjectionView(app.deps.db, id);
    if (!v) throw objectionNotFound();
    return presentObjection(v, actor);
  };

  app.post(
    '/objections/:id/dismiss',
    {
      schema: {
        tags: ['objections'],
        summary:
          "Dismiss a new objection as inadmissible, with a reason code and a note the filer is mailed (the organizer's secretariat; final)",
        params: objectionIdParams,
        body: dismissObjectionBody,
        response: { 200: objectionSchema },
      },
    },
    async (req) => {
      const { actor } = requireUser(req);
      const view = await forTriage(actor, req.params.id);
      await dismissObjection(app.deps.db, {
        view,
        body: req.body,
        actorUserId: actor.userId,
        ip: req.ip,
        baseUrl: app.deps.config.baseUrl,
        now: app.deps.clock.now(),
      });
      app.deps.mail.kick();
      return answer(actor, view.id);
    },
  );

  app.post(
    '/objections/:id/forward',
    {
      schema: {
        tags: ['objections'],
        summary: "Forward a new objection to the competition's panel (the organizer's secretariat)",
        params: objectionIdParams,
        body: forwardObjectionBody,
        response: { 200: objectionSchema },
      },
    },
    async (req) => {
      const { actor } = requireUser(req);
      const view = await forTriage(actor, req.params.id);
      await forwardObjection(app.deps.db, {
        view,
        body: req.body,
        actorUserId: actor.userId,
        ip: req.ip,
        now: app.deps.clock.now(),
      });
      return answer(actor, view.id);
    },
  );

  app.post(
    '/objections/:id/decide',
    {
      schema: {
        tags: ['objections'],
        summary:
          "The panel's decision on a forwarded objection, recorded by one panelist on behalf of the panel: upheld (the finalist is removed) or rejected, with a reason mailed to the filer (final)",
        params: objectionIdParams,
        body: decideObjectionBody,
        response: { 200: objectionSchema },
      },
    },
    async (req) => {
      const { actor } = requireUser(req);
      const view = await findObjectionView(app.deps.db, req.params.id);
      if (
        !view ||
        !can(actor, 'objection.adjudicate', { competitionId: view.competition_id }) ||
        !PANEL_STATUSES.includes(view.status)
      )
        throw objectionNotFound();
      await decideObjection(app.deps.db, {
        view,
        body: req.body,
        actorUserId: actor.userId,
        ip: req.ip,
        baseUrl: app.deps.config.baseUrl,
        now: app.deps.clock.now(),
      });
      app.deps.mail.kick();
      return answer(actor, view.id);
    },
  );
};
