import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  FIELD_PHOTO_FIELD,
  cancelVisitBody,
  changeVisitBody,
  competitionIdParams,
  myVisitsResponse,
  operationBody,
  operationResponse,
  participantVisitsResponse,
  photoFields,
  photoIdParams,
  photoResponse,
  planResponse,
  visitDetailSchema,
  visitFields,
  visitIdParams,
} from '../../contracts/field-verification.js';
import { attachmentName, contentDisposition } from '../../domain/attachments.js';
import { AppError, invalidFields, notFound, t } from '../../domain/errors.js';
import { FIELD_PHOTO_MAX_BYTES, FIELD_PHOTO_MIMES } from '../../domain/field-verification.js';
import { can, type Actor } from '../../domain/policy.js';
import { requireUser } from '../../platform/auth.js';
import { fieldsFromIssues } from '../../platform/http-errors.js';
import type { StagedObject } from '../../platform/storage.js';
import { addPhoto } from './commands/add-photo.js';
import { applyOperation } from './commands/apply-operation.js';
import { cancelVisit, changeVisit } from './commands/change-visit.js';
import { planVisit } from './commands/plan-visit.js';
import { mayManage, mayVerify, presentDetail, presentPhoto, presentVisit } from './present.js';
import {
  candidatesOf,
  claimsOfProposal,
  finalistsOf,
  findFieldCompetition,
  findPhotoFile,
  findProposalScope,
  findVisit,
  loadVisits,
  openVisitsOfProposal,
  photosOf,
  type VisitRow,
} from './queries.js';

const visitNotFound = () => notFound(t('Kunjungan tidak ditemukan.', 'Visit not found.'));
const planNotFound = () =>
  notFound(
    t(
      'Verifikasi lapangan kompetisi ini tidak ditemukan.',
      "This competition's field verification was not found.",
    ),
  );

/** Field verification: the secretariat's plan, the verifier's work (operations and photos), the participant's open visits. */
export const fieldVerificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  const plannedBy = async (actor: Actor, competitionId: number) => {
    const c = await findFieldCompetition(db, competitionId);
    if (!c || !can(actor, 'fieldVisit.manage', { organizerInstitutionId: c.organizerInstitutionId }))
      throw planNotFound();
    return c;
  };
  /** The visit, if the caller manages it or is named on it; else 404. */
  const readable = async (actor: Actor, id: number): Promise<VisitRow> => {
    const v = await findVisit(db, id);
    if (!v || !(mayManage(actor, v) || mayVerify(actor, v))) throw visitNotFound();
    return v;
  };
  /** The visit, if the caller is named on it (the secretariat plans, the verifiers fill the report). */
  const workable = async (actor: Actor, id: number): Promise<VisitRow> => {
    const v = await findVisit(db, id);
    if (!v || !mayVerify(actor, v)) throw visitNotFound();
    return v;
  };
  const detail = async (actor: Actor, id: number) => {
    const v = (await findVisit(db, id))!;
    return presentDetail(v, await claimsOfProposal(db, v.proposalId), await photosOf(db, v.id), actor);
  };
  const listed = async (actor: Actor, rows: VisitRow[]) => {
    const claims = new Map<number, Awaited<ReturnType<typeof claimsOfProposal>>>();
    for (const v of rows)
      if (!claims.has(v.proposalId)) claims.set(v.proposalId, await claimsOfProposal(db, v.proposalId));
    return rows.map((v) => presentVisit(v, claims.get(v.proposalId)!, actor));
  };

  app.get(
    '/competitions/:id/field-visits',
    {
      schema: {
        tags: ['field-verification'],
        summary:
          "A competition's field verification plan: finalists, who may verify, every visit (the organizer's secretariat)",
        params: competitionIdParams,
        response: { 200: planResponse },
      },
    },
    async (req) => {
      const { actor } = requireUser(req);
      const c = await plannedBy(actor, req.params.id);
      return {
        competition: { id: c.id, name: c.name, year: c.year, timeZone: c.timeZone },
        stage: c.stage,
        finalists: (await finalistsOf(db, c.id)).map(({ proposalId, code, title, institution }) => ({
          proposalId,
          code,
          title,
          institution,
        })),
        candidates: await candidatesOf(db, c),
        items: await listed(actor, await loadVisits(db, { competitionId: c.id })),
      };
    },
  );

  app.post(
    '/competitions/:id/field-visits',
    {
      schema: {
        tags: ['field-verification'],
        summary:
          "Plan a visit to a finalist: verifiers, place, date and time with the zone, open (the participant is told) or closed (the organizer's secretariat)",
        params: competitionIdParams,
        body: visitFields,
        response: { 201: visitDetailSchema },
      },
    },
    async (req, reply) => {
      const { actor } = requireUser(req);
      const c = await plannedBy(actor, req.params.id);
      const id = await planVisit(db, {
        competition: c,
        fields: req.body,
        actorUserId: actor.userId,
        ip: req.ip,
        baseUrl: app.deps.config.baseUrl,
        now: app.deps.clock.now(),
      });
      app.deps.mail.kick();
      reply.code(201);
      return detail(actor, id);
    },
  );

  const managed = async (actor: Actor, id: number) => {
    const v = await findVisit(db, id);
    if (!v || !mayManage(actor, v)) throw visitNotFound();
    const c = await findFieldCompetition(db, v.competitionId);
    if (!c) throw visitNotFound();
    return { v, c };
  };

  app.put(
    '/field-visits/:id',
    {
      schema: {
        tags: ['field-verification'],
        summary:
          "Change a planned visit (an open one tells the participant again; the organizer's secretariat)",
        params: visitIdParams,
        body: changeVisitBody,
        response: { 200: visitDetailSchema },
      },
    },
    async (req) => {
      const { actor } = requireUser(req);
      const { v, c } = await managed(actor, req.params.id);
      await changeVisit(db, {
        competition: c,
        visit: v,
        body: req.body,
        actorUserId: actor.userId,
        ip: req.ip,
        baseUrl: app.deps.config.baseUrl,
        now: app.deps.clock.now(),
      });
      app.deps.mail.kick();
      return detail(actor, v.id);
    },
  );

  app.post(
    '/field-visits/:id/cancel',
    {
      schema: {
        tags: ['field-verification'],
        summary:
          "Cancel a planned visit with a reason (an open one tells the participant; the organizer's secretariat)",
        params: visitIdParams,
        body: cancelVisitBody,
        response: { 200: visitDetailSchema },
      },
    },
    async (req) => {
      const { actor } = requireUser(req);
      const { v, c } = await managed(actor, req.params.id);
      await cancelVisit(db, {
        competition: c,
        visit: v,
        body: req.body,
        actorUserId: actor.userId,
        ip: req.ip,
        baseUrl: app.deps.config.baseUrl,
        now: app.deps.clock.now(),
      });
      app.deps.mail.kick();
      return detail(actor, v.id);
    },
  );

  app.get(
    '/field-visits/mine',
    {
      schema: {
        tags: ['field-verification'],
        summary: "The caller's own visits as a verifier, by date",
        response: { 200: myVisitsResponse },
      },
    },
    async (req) => {
      const { actor } = requireUser(req);
      const rows = (await loadVisits(db, { verifierId: actor.userId })).filter((v) => mayVerify(actor, v));
      return { items: await listed(actor, rows) };
    },
  );

  app.get(
    '/field-visits/:id',
    {
      schema: {
        tags: ['field-verification'],
        summary:
          "One visit with the finalist's claims, the findings and the photos (its verifiers; the organizer's secretariat)",
        params: visitIdParams,
        response: { 200: visitDetailSchema },
      },
    },
    async (req) => {
      const { actor } = requireUser(req);
      const v = await readable(actor, req.params.id);
      return detail(actor, v.id);
    },
  );

  app.post(
    '/field-visits/:id/operations',
    {
      schema: {
        tags: ['field-verification'],
        summary:
          "One change made on the verifier's phone (a finding, the report, the submit), applied once per clientId: a replay answers as the first time (its verifiers)",
        params: visitIdParams,
        body: operationBody,
        response: { 200: operationResponse },
      },
    },
    async (req) => {
      const { actor } = requireUser(req);
      const v = await workable(actor, req.params.id);
      return applyOperation(db, {
        visit: v,
        op: req.body,
        actorUserId: actor.userId,
        ip: req.ip,
        now: app.deps.clock.now(),
      });
    },
  );

  app.post(
    '/field-visits/:id/photos',
    {
      schema: {
        tags: ['field-verification'],
        summary:
          'A photo taken on the spot (multipart: clientId, takenAt, geoStatus, latitude?, longitude?, accuracy?, claimKey?, caption?, then the image ≤ 12 MB in "photo"), stored once per clientId and content (its verifiers)',
        consumes: ['multipart/form-data'],
        params: visitIdParams,
        response: { 200: photoResponse },
      },
    },
    async (req) => {
      const { actor } = requireUser(req);
      const v = await workable(actor, req.params.id);
      if (!req.isMultipart())
        throw new AppError(
          415,
          'multipart_required',
          t('Kirim foto sebagai multipart/form-data.', 'Send the photo as multipart/form-data.'),
        );
      const { storage } = app.deps;
      const raw: Record<string, string> = {};
      let staged: (StagedObject & { originalName: string }) | null = null;
      try {
        for await (const part of req.parts({
          limits: { fileSize: FIELD_PHOTO_MAX_BYTES + 1, files: 1, fields: 20, fieldSize: 4000 },
        })) {
          if (part.type === 'file') {
            if (part.fieldname !== FIELD_PHOTO_FIELD || staged || !photoFields.safeParse(raw).success) {
              part.file.resume();
              continue;
            }
            const s = await storage.stage(part.file, {
              maxBytes: FIELD_PHOTO_MAX_BYTES,
              allowedMimes: FIELD_PHOTO_MIMES,
              isTruncated: () => part.file.truncated,
            });
            staged = { ...s, originalName: attachmentName(part.filename || 'foto', s.mime) };
          } else raw[part.fieldname] = String(part.value ?? '');
        }
      } catch (err) {
        if (staged) await storage.discard(staged);
        if (err instanceof AppError && err.fields.file) {
          const { file, ...rest } = err.fields;
          throw new AppError(err.status, err.code, err.text, { ...rest, [FIELD_PHOTO_FIELD]: file });
        }
        if (err instanceof AppError && err.code === 'unsupported_file_type')
          throw new AppError(err.status, err.code, err.text, {
            [FIELD_PHOTO_FIELD]: { code: err.code, message: err.text },
          });
        throw err;
      }
      const parsed = photoFields.safeParse(raw);
      if (!parsed.success) {
        if (staged) await storage.discard(staged);
        throw invalidFields(fieldsFromIssues(parsed.error.issues as Parameters<typeof fieldsFromIssues>[0]));
      }
      if (!staged)
        throw invalidFields({
          [FIELD_PHOTO_FIELD]: { code: 'required', message: t('Lampirkan fotonya.', 'Attach the photo.') },
        });
      const { photoId, replayed } = await addPhoto(db, storage, {
        visit: v,
        fields: parsed.data,
        staged,
        actorUserId: actor.userId,
        ip: req.ip,
        now: app.deps.clock.now(),
      });
      const photo = (await photosOf(db, v.id)).find((p) => p.id === photoId)!;
      return { clientId: parsed.data.clientId, replayed, photo: presentPhoto(photo) };
    },
  );

  app.get(
    '/field-photos/:id',
    {
      schema: {
        tags: ['field-verification'],
        summary: "A field photo's image (the visit's verifiers; the organizer's secretariat)",
        params: photoIdParams,
      },
    },
    async (req, reply) => {
      const { actor } = requireUser(req);
      const file = await findPhotoFile(db, req.params.id);
      if (!file) throw visitNotFound();
      await readable(actor, file.visit_id);
      if (!(await app.deps.storage.exists(file.storage_key))) throw visitNotFound();
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

  app.get(
    '/proposals/:id/field-visits',
    {
      schema: {
        tags: ['field-verification'],
        summary:
          "The participant's OPEN field visits of its proposal (its admin lokal and UPP); a closed visit is never listed",
        params: visitIdParams,
        response: { 200: participantVisitsResponse },
      },
    },
    async (req) => {
      const { actor } = requireUser(req);
      const p = await findProposalScope(db, req.params.id);
      if (!p || !can(actor, 'proposal.view', { institutionId: p.institutionId, unitId: p.unitId }))
        throw notFound(t('Proposal tidak ditemukan.', 'Proposal not found.'));
      return { items: await openVisitsOfProposal(db, p.id) };
    },
  );
};
