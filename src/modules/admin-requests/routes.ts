import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ADMIN_REQUEST_LETTER_FIELD,
  ADMIN_REQUEST_LETTER_MAX_BYTES,
  ADMIN_REQUEST_PAGE_SIZE,
  adminRequestCreatedResponse,
  adminRequestFields,
  adminRequestIdParams,
  adminRequestListQuery,
  adminRequestListResponse,
  adminRequestSchema,
  adminRequestStatusQuery,
  adminRequestStatusResponse,
  rejectAdminRequestBody,
} from '../../contracts/admin-requests.js';
import { normalizeEmail } from '../../domain/email.js';
import { cleanLine } from '../../contracts/text-hygiene.js';
import { AppError, badRequest, invalidFields, notFound, t, type FieldProblem } from '../../domain/errors.js';
import { authorize } from '../../platform/auth.js';
import { fieldsFromIssues } from '../../platform/http-errors.js';
import type { StagedObject } from '../../platform/storage.js';
import { approveAdminRequest } from './commands/approve-request.js';
import { rejectAdminRequest } from './commands/reject-request.js';
import { submitAdminRequest } from './commands/submit-request.js';
import { presentAdminRequest } from './present.js';
import { findAdminRequestView, findLetter, findRequestForRequester, listAdminRequests } from './queries.js';

const requestNotFound = () => notFound(t('Permohonan tidak ditemukan.', 'Request not found.'));

/** Storage names its problems after a generic "file" field; the form's field is "letter". */
function asLetterError(err: unknown): unknown {
  if (!(err instanceof AppError) || !err.fields.file) return err;
  const { file, ...rest } = err.fields;
  return new AppError(
    err.status,
    err.code,
    err.text,
    { ...rest, [ADMIN_REQUEST_LETTER_FIELD]: file },
    err.details,
  );
}

/** A name safe to keep: clean (domain/text-hygiene), no directories, at most 255 characters. */
const safeOriginalName = (name: string | undefined) =>
  (
    [...cleanLine((name ?? '').split(/[\\/]/).pop() ?? '')]
      .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f && ch !== '"' && ch !== '\\')
      .join('') || 'surat.pdf'
  ).slice(0, 255);

/** Admin lokal account requests: the public form, then the review (system administrator, data steward). */
export const adminRequestRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/admin-requests',
    {
      config: { public: true, rateLimit: { max: 10, timeWindow: '1 hour' } },
      schema: {
        tags: ['admin-requests'],
        summary:
          'Request a local admin account (public; multipart/form-data: institutionId, name, position, email, phone, letterNumber?, locale, and the signed letter as PDF ≤ 5 MB in "letter")',
        consumes: ['multipart/form-data'],
        response: { 202: adminRequestCreatedResponse },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart())
        throw new AppError(
          415,
          'multipart_required',
          t(
            'Kirim formulir sebagai multipart/form-data beserta surat permohonan.',
            'Send the form as multipart/form-data with the request letter.',
          ),
        );
      const { storage } = app.deps;
      const raw: Record<string, string> = {};
      let letter: (StagedObject & { originalName: string }) | null = null;
      let letterSent = false;
      let parsed: ReturnType<typeof adminRequestFields.safeParse> | null = null;
      try {
        for await (const part of req.parts({
          // One byte over the limit so storage itself reports the size (with the field's message).
          limits: { fileSize: ADMIN_REQUEST_LETTER_MAX_BYTES + 1, files: 1, fields: 20, fieldSize: 10_000 },
        })) {
          if (part.type === 'file') {
            if (part.fieldname !== ADMIN_REQUEST_LETTER_FIELD || letterSent) {
              part.file.resume();
              continue;
            }
            letterSent = true;
            // The fields come first (the form sends the file last): checked before a byte is stored.
            parsed = adminRequestFields.safeParse(raw);
            if (!parsed.success) {
              part.file.resume();
              continue;
            }
            const staged = await storage.stage(part.file, {
              maxBytes: ADMIN_REQUEST_LETTER_MAX_BYTES,
              allowedMimes: ['application/pdf'],
              isTruncated: () => part.file.truncated,
            });
            letter = { ...staged, originalName: safeOriginalName(part.filename) };
          } else {
            raw[part.fieldname] = String(part.value ?? '');
          }
        }
      } catch (err) {
        if (letter) await storage.discard(letter);
        throw asLetterError(err);
      }

      // Fields sent after the file count too (checked again on everything received).
      parsed = adminRequestFields.safeParse(raw);
      const fields: Record<string, FieldProblem> = parsed.success
        ? {}
        : fieldsFromIssues(parsed.error.issues as Parameters<typeof fieldsFromIssues>[0]);
      // A field left empty is "required" whatever check caught it, so the form can say so plainly.
      for (const [name, problem] of Object.entries(fields))
        if (!raw[name]?.trim()) fields[name] = { ...problem, code: 'required' };
      if (!letterSent)
        fields[ADMIN_REQUEST_LETTER_FIELD] = {
          code: 'required',
          message: t(
            'Unggah surat permohonan yang ditandatangani (PDF).',
            'Upload the signed request letter (PDF).',
          ),
        };
      if (parsed.success && letterSent && !letter)
        // The letter came before the fields, so it was not stored; the form sends it last.
        throw badRequest(
          'fields_after_file',
          t(
            'Kirim isian formulir sebelum surat permohonan.',
            'Send the form fields before the request letter.',
          ),
        );
      if (!parsed.success || !letter) {
        if (letter) await storage.discard(letter);
        throw invalidFields(fields);
      }

      await submitAdminRequest(app.deps.db, storage, {
        fields: parsed.data,
        letter,
        ip: req.ip,
        baseUrl: app.deps.config.baseUrl,
        now: app.deps.clock.now(),
      });
      app.deps.mail.kick();
      reply.code(202);
      return { status: 'received' as const };
    },
  );

  app.post(
    '/admin-requests/status',
    {
      // Guessing numbers for a known address, or addresses for a number, is slowed to a few tries.
      config: { public: true, rateLimit: { max: 10, timeWindow: '15 minutes' } },
      schema: {
        tags: ['admin-requests'],
        summary:
          "The requester's own check of a request (public): its number from the receipt mail and the e-mail it was made with",
        body: adminRequestStatusQuery,
        response: { 200: adminRequestStatusResponse },
      },
    },
    async (req) => {
      const row = await findRequestForRequester(app.deps.db, req.body.number, normalizeEmail(req.body.email));
      if (!row)
        throw new AppError(
          404,
          'request_not_found',
          t(
            'Tidak ada permohonan dengan nomor dan e-mail itu. Periksa nomor pada e-mail tanda terima dan alamat e-mail yang Anda pakai saat mengajukan.',
            'There is no request with that number and e-mail. Check the number in the receipt e-mail and the address you used when you applied.',
          ),
        );
      return {
        number: row.id,
        institution: row.institution,
        status: row.status,
        submittedAt: row.created_at,
        decidedAt: row.decided_at,
        reason: row.status === 'rejected' ? row.reason : null,
      };
    },
  );

  app.get(
    '/admin-requests',
    {
      schema: {
        tags: ['admin-requests'],
        summary: 'Requests to review (system administrator, data steward), newest first, 20 per page',
        querystring: adminRequestListQuery,
        response: { 200: adminRequestListResponse },
      },
    },
    async (req) => {
      authorize(req, 'adminRequest.review', {});
      const { rows, total } = await listAdminRequests(app.deps.db, {
        status: req.query.status,
        page: req.query.page,
        pageSize: ADMIN_REQUEST_PAGE_SIZE,
      });
      return {
        items: rows.map((r) => presentAdminRequest(r, req.actor)),
        page: req.query.page,
        pageSize: ADMIN_REQUEST_PAGE_SIZE,
        total,
      };
    },
  );

  app.get(
    '/admin-requests/:id',
    {
      schema: {
        tags: ['admin-requests'],
        summary: 'One request (system administrator, data steward)',
        params: adminRequestIdParams,
        response: { 200: adminRequestSchema },
      },
    },
    async (req) => {
      authorize(req, 'adminRequest.review', {});
      const row = await findAdminRequestView(app.deps.db, req.params.id);
      if (!row) throw requestNotFound();
      return presentAdminRequest(row, req.actor);
    },
  );

  app.get(
    '/admin-requests/:id/letter',
    {
      schema: {
        tags: ['admin-requests'],
        summary: 'The signed request letter (PDF, shown inline; system administrator, data steward)',
        params: adminRequestIdParams,
      },
    },
    async (req, reply) => {
      authorize(req, 'adminRequest.review', {});
      const file = await findLetter(app.deps.db, req.params.id);
      if (!file || !(await app.deps.storage.exists(file.storage_key))) throw requestNotFound();
      const bytes = await app.deps.storage.openRead(file.storage_key);
      return (
        reply
          .header('Content-Type', 'application/pdf')
          .header('Content-Length', String(file.size))
          .header(
            'Content-Disposition',
            `inline; filename="surat-permohonan-admin-lokal-${req.params.id}.pdf"`,
          )
          .header('Cache-Control', 'private, no-store')
          // The review page shows the letter in an iframe of the same origin; nothing else may frame it.
          .header('Content-Security-Policy', "default-src 'none'; frame-ancestors 'self'")
          .header('X-Frame-Options', 'SAMEORIGIN')
          .send(bytes)
      );
    },
  );

  app.post(
    '/admin-requests/:id/approve',
    {
      schema: {
        tags: ['admin-requests'],
        summary:
          'Approve: creates the local admin account and e-mails a set-password link (system administrator, data steward)',
        params: adminRequestIdParams,
        response: { 200: adminRequestSchema },
      },
    },
    async (req) => {
      const actor = authorize(req, 'adminRequest.review', {});
      await approveAdminRequest(app.deps.db, {
        id: req.params.id,
        actorUserId: actor.userId,
        ip: req.ip,
        baseUrl: app.deps.config.baseUrl,
        now: app.deps.clock.now(),
      });
      app.deps.mail.kick();
      const row = await findAdminRequestView(app.deps.db, req.params.id);
      if (!row) throw requestNotFound();
      return presentAdminRequest(row, req.actor);
    },
  );

  app.post(
    '/admin-requests/:id/reject',
    {
      schema: {
        tags: ['admin-requests'],
        summary:
          'Reject with a reason that is e-mailed to the applicant (system administrator, data steward)',
        params: adminRequestIdParams,
        body: rejectAdminRequestBody,
        response: { 200: adminRequestSchema },
      },
    },
    async (req) => {
      const actor = authorize(req, 'adminRequest.review', {});
      await rejectAdminRequest(app.deps.db, {
        id: req.params.id,
        reason: req.body.reason,
        actorUserId: actor.userId,
        ip: req.ip,
        now: app.deps.clock.now(),
      });
      app.deps.mail.kick();
      const row = await findAdminRequestView(app.deps.db, req.params.id);
      if (!row) throw requestNotFound();
      return presentAdminRequest(row, req.actor);
    },
  );
};
