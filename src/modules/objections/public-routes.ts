import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  OBJECTION_EVIDENCE_FIELD,
  competitionIdParams,
  objectionCreatedResponse,
  objectionFields,
  objectionFormResponse,
  objectionStatusQuery,
  objectionStatusResponse,
} from '../../contracts/objections.js';
import { normalizeEmail } from '../../domain/email.js';
import { attachmentName } from '../../domain/attachments.js';
import { AppError, invalidFields, notFound, retryLater, t, type FieldProblem } from '../../domain/errors.js';
import {
  OBJECTION_EVIDENCE_MAX_BYTES,
  OBJECTION_EVIDENCE_MIMES,
  filingRefusal,
  formatObjectionNumber,
  parseObjectionNumber,
  windowState,
} from '../../domain/objections.js';
import { fieldsFromIssues } from '../../platform/http-errors.js';
import type { StagedObject } from '../../platform/storage.js';
import { fileObjection, notPublishedYet } from './commands/file-objection.js';
import { findObjectionView, findUjiPublik, listFinalists } from './queries.js';

/** Filings per address per hour: enough for a family sharing a connection, too few for a flood. */
export const OBJECTION_RATE_LIMIT = 5;

const noUjiPublik = () =>
  notFound(t('Uji publik kompetisi ini tidak ditemukan.', 'This competition’s public review was not found.'));

/** Storage names its problems after a generic "file" field; the form's field is "evidence". */
function asEvidenceError(err: unknown): unknown {
  if (!(err instanceof AppError)) return err;
  // A refused type names no field; the form shows it beside the evidence field all the same.
  if (err.code === 'unsupported_file_type')
    return new AppError(err.status, err.code, err.text, {
      [OBJECTION_EVIDENCE_FIELD]: { code: err.code, message: err.text },
    });
  if (!err.fields.file) return err;
  const { file, ...rest } = err.fields;
  return new AppError(
    err.status,
    err.code,
    err.text,
    { ...rest, [OBJECTION_EVIDENCE_FIELD]: file },
    err.details,
  );
}

/** The uji publik's public side: the form's data, filing (no account), and the filer's status check. */
export const objectionPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/public/competitions/:id/objections/form',
    {
      config: { public: true },
      schema: {
        tags: ['objections'],
        summary:
          "The public objection form's data (public): the window of the uji publik and the provisional finalists",
        params: competitionIdParams,
        response: { 200: objectionFormResponse },
      },
    },
    async (req) => {
      const uji = await findUjiPublik(app.deps.db, req.params.id);
      if (!uji || uji.competition.status === 'draft') throw noUjiPublik();
      return {
        competition: { id: uji.competition.id, name: uji.competition.name, year: uji.competition.year },
        window: {
          state: windowState(uji.stage, app.deps.clock.now()),
          opensAt: uji.stage.opensAt,
          closesAt: uji.stage.closesAt,
          timeZone: uji.competition.timeZone,
        },
        published: uji.published,
        finalists: uji.published
          ? (await listFinalists(app.deps.db, uji.competition.id)).map(
              ({ proposalId, code, title, institution }) => ({ proposalId, code, title, institution }),
            )
          : [],
      };
    },
  );

  app.post(
    '/public/competitions/:id/objections',
    {
      config: {
        public: true,
        rateLimit: {
          max: OBJECTION_RATE_LIMIT,
          timeWindow: '1 hour',
          errorResponseBuilder: (_req, ctx) =>
            retryLater(
              'objection_rate_limited',
              t(
                `Dari alamat jaringan ini sudah diajukan ${OBJECTION_RATE_LIMIT} keberatan dalam satu jam. Coba lagi ${Math.ceil(ctx.ttl / 60000)} menit lagi; keberatan yang sudah terkirim tetap tercatat.`,
                `${OBJECTION_RATE_LIMIT} objections were filed from this network address within an hour. Try again in ${Math.ceil(ctx.ttl / 60000)} minutes; the objections already sent are recorded.`,
              ),
              ctx.ttl / 1000,
            ),
        },
      },
      schema: {
        tags: ['objections'],
        summary:
          'File an objection to a provisional finalist (public; multipart/form-data: proposalId, name, email, phone?, grounds, declaration=true, locale, then optionally the evidence as PDF/JPG/PNG ≤ 10 MB in "evidence")',
        consumes: ['multipart/form-data'],
        params: competitionIdParams,
        response: { 202: objectionCreatedResponse },
      },
    },
    async (req, reply) => {
      const uji = await findUjiPublik(app.deps.db, req.params.id);
      if (!uji || uji.competition.status === 'draft') throw noUjiPublik();
      // Refused before a byte is read (the command checks again in its transaction).
      if (!uji.published) throw notPublishedYet();
      const closed = filingRefusal(uji.stage, app.deps.clock.now(), uji.competition.timeZone);
      if (closed) throw closed;
      if (!req.isMultipart())
        throw new AppError(
          415,
          'multipart_required',
          t('Kirim formulir sebagai multipart/form-data.', 'Send the form as multipart/form-data.'),
        );
      const { storage } = app.deps;
      const raw: Record<string, string> = {};
      let evidence: (StagedObject & { originalName: string }) | null = null;
      let fileSent = false;
      try {
        for await (const part of req.parts({
          limits: { fileSize: OBJECTION_EVIDENCE_MAX_BYTES + 1, files: 1, fields: 20, fieldSize: 20_000 },
        })) {
          if (part.type === 'file') {
            if (part.fieldname !== OBJECTION_EVIDENCE_FIELD || fileSent) {
              part.file.resume();
              continue;
            }
            fileSent = true;
            // The fields come first (the form sends the file last): checked before a byte is stored.
            if (!objectionFields.safeParse(raw).success) {
              part.file.resume();
              continue;
            }
            const staged = await storage.stage(part.file, {
              maxBytes: OBJECTION_EVIDENCE_MAX_BYTES,
              allowedMimes: OBJECTION_EVIDENCE_MIMES,
              isTruncated: () => part.file.truncated,
            });
            evidence = { ...staged, originalName: attachmentName(part.filename, staged.mime) };
          } else {
            raw[part.fieldname] = String(part.value ?? '');
          }
        }
      } catch (err) {
        if (evidence) await storage.discard(evidence);
        throw asEvidenceError(err);
      }
      const parsed = objectionFields.safeParse(raw);
      if (!parsed.success) {
        if (evidence) await storage.discard(evidence);
        const fields: Record<string, FieldProblem> = fieldsFromIssues(
          parsed.error.issues as Parameters<typeof fieldsFromIssues>[0],
        );
        for (const [name, problem] of Object.entries(fields))
          if (!raw[name]?.trim() && name !== 'declaration') fields[name] = { ...problem, code: 'required' };
        throw invalidFields(fields);
      }
      if (fileSent && !evidence)
        throw invalidFields({
          [OBJECTION_EVIDENCE_FIELD]: {
            code: 'fields_after_file',
            message: t(
              'Kirim isian formulir sebelum berkas bukti.',
              'Send the form fields before the evidence file.',
            ),
          },
        });
      const { number } = await fileObjection(app.deps.db, storage, {
        uji,
        fields: parsed.data,
        evidence,
        ip: req.ip,
        baseUrl: app.deps.config.baseUrl,
        now: app.deps.clock.now(),
      });
      app.deps.mail.kick();
      reply.code(202);
      return { number, status: 'new' as const };
    },
  );

  app.post(
    '/public/objections/status',
    {
      // Guessing numbers for a known address, or addresses for a number, is slowed to a few tries.
      config: { public: true, rateLimit: { max: 10, timeWindow: '15 minutes' } },
      schema: {
        tags: ['objections'],
        summary:
          "The filer's own check of an objection (public): its number from the receipt mail and the e-mail it was filed with",
        body: objectionStatusQuery,
        response: { 200: objectionStatusResponse },
      },
    },
    async (req) => {
      const parsed = parseObjectionNumber(req.body.number);
      const row = parsed ? await findObjectionView(app.deps.db, parsed.id) : undefined;
      // Same answer for an unknown number, another year and another address: nothing to enumerate.
      if (
        !row ||
        !parsed ||
        row.competition_year !== parsed.year ||
        row.email !== normalizeEmail(req.body.email)
      )
        throw new AppError(
          404,
          'objection_not_found',
          t(
            'Tidak ada keberatan dengan nomor dan e-mail itu. Periksa nomor pada e-mail tanda terima dan alamat e-mail yang Anda pakai saat mengajukan.',
            'There is no objection with that number and e-mail. Check the number in the receipt e-mail and the address you used when you filed it.',
          ),
        );
      const reason =
        row.status === 'dismissed'
          ? row.triage_note
          : row.status === 'upheld' || row.status === 'rejected'
            ? row.decision_reason
            : null;
      return {
        number: formatObjectionNumber(row.competition_year, row.id),
        competition: row.competition_name,
        finalist: { code: row.proposal_code, title: row.proposal_title },
        status: row.status,
        submittedAt: row.created_at,
        reason,
        decidedAt: row.status === 'dismissed' ? row.triaged_at : row.decided_at,
      };
    },
  );
};
