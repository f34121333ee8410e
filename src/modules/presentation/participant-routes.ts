import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { proposalParams, rescheduleBody, videoUrlSchema } from '../../contracts/presentation.js';
import { attachmentName, contentDisposition } from '../../domain/attachments.js';
import { parseSettings as parseCompetitionSettings } from '../../domain/competition-settings.js';
import { AppError, badRequest, fieldError, notFound, t } from '../../domain/errors.js';
import { authorize, clientIp, requireUser } from '../../platform/auth.js';
import type { StagedObject } from '../../platform/storage.js';
import { requestReschedule } from './commands/request-reschedule.js';
import { saveUpload, uploadClosed } from './commands/save-upload.js';
import { currentLetter, finalistView } from './finalist-view.js';
import { finalistAccess } from './participant.js';
import { letterNames, sessionById, uploadedFile } from './participant-queries.js';

/*
 * One finalist's presentation for its admin lokal and UPP (issue 13 point 2): the slot, the invitation
 * letter as a PDF (made in the export pool; also the secretariat's), the upload of the presentation file
 * and video link before the deadline, and the admin lokal's rescheduling request. Outside the caller's
 * scope: 404.
 */

const PRESENTATION_MIMES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
];

const fileNotFound = () => notFound(t('Berkas tidak ditemukan.', 'File not found.'));

export const presentationParticipantRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, storage } = app.deps;

  app.get(
    '/presentation/proposals/:proposalId',
    {
      schema: {
        tags: ['presentation'],
        summary:
          "A finalist's presentation: slot with time and zone, room or link, current letter, upload and its " +
          'deadline, rescheduling requests (its admin lokal and UPP, or the secretariat)',
        params: proposalParams,
      },
    },
    async (req) => {
      const access = await finalistAccess(db, req, req.params.proposalId);
      return finalistView(db, access, clock.now());
    },
  );

  app.get(
    '/presentation/proposals/:proposalId/letter.pdf',
    {
      schema: {
        tags: ['presentation'],
        summary:
          'The current invitation letter as a PDF (number, slot with zone, room or link, what to bring, upload ' +
          'deadline), in Bahasa Indonesia, with the English version for an English-locale account',
        params: proposalParams,
      },
    },
    async (req, reply) => {
      const { user } = requireUser(req);
      const access = await finalistAccess(db, req, req.params.proposalId);
      const { ctx, proposal } = access;
      const letter = await currentLetter(db, ctx.stage.id, proposal.id);
      if (!letter)
        throw notFound(t('Surat undangan belum terbit.', 'The invitation letter is not issued yet.'));
      const session = await sessionById(db, letter.session_id);
      const { organizer, ...names } = await letterNames(
        db,
        proposal.id,
        ctx.competition.organizer_institution_id,
      );
      const pdf = await app.deps.exports.presentationLetterPdf(user.id, {
        letterNumber: letter.letter_number,
        revision: letter.revision,
        issuedAt: letter.issued_at,
        locale: user.locale,
        organizer,
        competition: { name: ctx.competition.name, timeZone: ctx.competition.time_zone },
        proposal: { code: proposal.code, title: proposal.title, ...names },
        slot: { startsAt: letter.starts_at, endsAt: letter.ends_at },
        session: {
          name: session.name,
          mode: session.mode,
          room: session.room,
          meetingUrl: session.meeting_url,
        },
        presentationMinutes: ctx.settings.presentationMinutes,
        interviewMinutes: ctx.settings.interviewMinutes,
        uploadDeadline: ctx.settings.uploadDeadline,
        bringId: ctx.settings.bringId,
        bringEn: ctx.settings.bringEn,
      });
      const name = `undangan-presentasi-${proposal.code}-r${letter.revision}.pdf`.replace(
        /[^A-Za-z0-9._-]/g,
        '_',
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-length', String(pdf.length))
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  app.post(
    '/presentation/proposals/:proposalId/upload',
    {
      schema: {
        tags: ['presentation'],
        summary:
          'Upload the presentation file (pdf/pptx, type read from the content, the competition size limit) and/or ' +
          'the video link (multipart/form-data: videoUrl before file); 409 upload_closed after the deadline',
        params: proposalParams,
        consumes: ['multipart/form-data'],
      },
    },
    async (req) => {
      const { user } = requireUser(req);
      const access = await finalistAccess(db, req, req.params.proposalId);
      authorize(req, 'presentation.participate', {
        institutionId: access.proposal.institutionId,
        unitId: access.proposal.unitId,
      });
      const now = clock.now();
      // Refused before a byte of the file is stored.
      const closed = uploadClosed(access, now);
      if (closed) throw closed;
      if (!req.isMultipart())
        throw new AppError(
          415,
          'multipart_required',
          t('Kirim sebagai multipart/form-data.', 'Send as multipart/form-data.'),
        );
      const maxBytes = parseCompetitionSettings(access.ctx.competition.settings).maxFileMb * 1024 * 1024;
      const raw: Record<string, string> = {};
      let staged: StagedObject | null = null;
      let fileName: string | null = null;
      try {
        for await (const part of req.parts({
          limits: { fileSize: maxBytes + 1, files: 1, fields: 5, fieldSize: 1000 },
        })) {
          if (part.type === 'file') {
            if (part.fieldname !== 'file' || staged) {
              part.file.resume();
              continue;
            }
            staged = await storage.stage(part.file, {
              maxBytes,
              allowedMimes: PRESENTATION_MIMES,
              isTruncated: () => part.file.truncated,
            });
            fileName = attachmentName(part.filename, staged.mime);
          } else {
            if (staged)
              throw badRequest(
                'fields_after_file',
                t('Kirim tautan video sebelum berkas.', 'Send the video link before the file.'),
              );
            raw[part.fieldname] = String(part.value ?? '');
          }
        }
      } catch (err) {
        if (staged) await storage.discard(staged);
        throw err;
      }
      let videoUrl: string | null | undefined = undefined;
      if (raw.videoUrl !== undefined) {
        if (raw.videoUrl.trim() === '') videoUrl = null;
        else {
          const parsed = videoUrlSchema.safeParse(raw.videoUrl);
          if (!parsed.success) {
            if (staged) await storage.discard(staged);
            const [id, en] = (parsed.error.issues[0]?.message ?? '').split('|');
            throw fieldError('videoUrl', 'invalid_url', t(id ?? '', en ?? id ?? ''));
          }
          videoUrl = parsed.data;
        }
      }
      if (!staged && videoUrl === undefined) {
        throw fieldError(
          'file',
          'required',
          t('Pilih berkas atau isi tautan video.', 'Choose a file or enter the video link.'),
        );
      }
      return saveUpload(db, storage, {
        access,
        staged,
        fileName,
        videoUrl,
        actorUserId: user.id,
        ip: clientIp(req),
        now,
      });
    },
  );

  app.get(
    '/presentation/proposals/:proposalId/file',
    {
      schema: {
        tags: ['presentation'],
        summary:
          "The finalist's presentation file (its admin lokal and UPP, the secretariat, the panelists of its session)",
        params: proposalParams,
      },
    },
    async (req, reply) => {
      const access = await finalistAccess(db, req, req.params.proposalId, { panelists: true });
      const row = await uploadedFile(db, access.ctx.stage.id, access.proposal.id);
      if (!row || !(await storage.exists(row.storage_key))) throw fileNotFound();
      const bytes = await storage.openRead(row.storage_key);
      return reply
        .header('Content-Type', row.mime)
        .header('Content-Length', String(row.size))
        .header('Content-Disposition', contentDisposition(row.original_name))
        .header('X-Content-Type-Options', 'nosniff')
        .header('Cache-Control', 'private, no-store')
        .header('Content-Security-Policy', "default-src 'none'; sandbox")
        .send(bytes);
    },
  );

  app.post(
    '/presentation/proposals/:proposalId/reschedule',
    {
      schema: {
        tags: ['presentation'],
        summary:
          "Ask to move the finalist's slot (the admin lokal of its institution): the reason and the times it cannot make",
        params: proposalParams,
        body: rescheduleBody,
      },
    },
    async (req, reply) => {
      const { user } = requireUser(req);
      const access = await finalistAccess(db, req, req.params.proposalId);
      authorize(req, 'presentation.reschedule', { institutionId: access.proposal.institutionId });
      const r = await requestReschedule(db, {
        access,
        reason: req.body.reason,
        unavailable: req.body.unavailable,
        actorUserId: user.id,
        ip: clientIp(req),
        now: clock.now(),
      });
      return reply.code(201).send(r);
    },
  );
};
