import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AWARD_IMPORT_MAX_BYTES,
  awardIdParams,
  awardImportResponse,
  awardListQuery,
  awardListResponse,
  awardResponse,
  createAwardBody,
  updateAwardBody,
} from '../../contracts/awards.js';
import { badRequest, t } from '../../domain/errors.js';
import { can } from '../../domain/policy.js';
import { authorize, clientIp, requireUser } from '../../platform/auth.js';
import { readOneFile } from '../../platform/multipart.js';
import { createAward } from './commands/create-award.js';
import { deleteAward } from './commands/delete-award.js';
import { importAwards } from './commands/import-awards.js';
import { updateAward } from './commands/update-award.js';
import { presentAward } from './present.js';
import { listAwards } from './queries.js';

const fileRequired = () => {
  const text = t(
    'Pilih berkas CSV untuk diunggah (isian "file").',
    'Choose a CSV file to upload (field "file").',
  );
  return badRequest('file_required', text, { file: { code: 'file_required', message: text } });
};

/**
 * The uploaded file's bytes, the whole body read (a malformed body, a second file or too many fields is a
 * 400 from the error handler, platform/multipart.ts; a file over the limit a 413).
 */
async function readUpload(req: FastifyRequest): Promise<{ buffer: Buffer; fileName: string | null }> {
  const file = await readOneFile(req, { field: 'file', maxBytes: AWARD_IMPORT_MAX_BYTES });
  if (!file) throw fileRequired();
  return file;
}

/**
 * The registry of past awards: read by any logged-in user (proposers pick a replikasi source from it),
 * written by the system administrators and the data stewards (it decides eligibility in every competition).
 */
export const awardRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, config } = app.deps;
  const policyContext = { clockControl: config.clockControl };
  const abilitiesFor = (req: FastifyRequest) => ({
    manage: can(req.actor, 'award.manage', {}, policyContext),
  });

  app.get(
    '/awards',
    {
      schema: {
        tags: ['awards'],
        summary: 'Search the award registry by title or institution, filter by year and level (logged in)',
        querystring: awardListQuery,
        response: { 200: awardListResponse },
      },
    },
    async (req) => {
      requireUser(req);
      const { q, year, level, page, pageSize } = req.query;
      const { rows, total } = await listAwards(db, { q, year, level }, page, pageSize);
      return { items: rows.map(presentAward), total, page, pageSize, abilities: abilitiesFor(req) };
    },
  );

  app.post(
    '/awards',
    {
      schema: {
        tags: ['awards'],
        summary:
          'Record an award (system administrator, data steward); 409 award_exists when already recorded',
        body: createAwardBody,
        response: { 201: awardResponse },
      },
    },
    async (req, reply) => {
      const actor = authorize(req, 'award.manage', {});
      const row = await createAward(db, {
        ...req.body,
        actorUserId: actor.userId,
        ip: clientIp(req),
        now: clock.now(),
      });
      return reply.code(201).send({ award: presentAward(row), abilities: abilitiesFor(req) });
    },
  );

  app.patch(
    '/awards/:id',
    {
      schema: {
        tags: ['awards'],
        summary: 'Edit an award (system administrator, data steward)',
        params: awardIdParams,
        body: updateAwardBody,
        response: { 200: awardResponse },
      },
    },
    async (req) => {
      const actor = authorize(req, 'award.manage', {});
      const row = await updateAward(db, {
        id: req.params.id,
        changes: req.body,
        actorUserId: actor.userId,
        ip: clientIp(req),
        now: clock.now(),
      });
      return { award: presentAward(row), abilities: abilitiesFor(req) };
    },
  );

  app.delete(
    '/awards/:id',
    {
      schema: {
        tags: ['awards'],
        summary: 'Delete an award (system administrator, data steward); audited',
        params: awardIdParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      const actor = authorize(req, 'award.manage', {});
      await deleteAward(db, {
        id: req.params.id,
        actorUserId: actor.userId,
        ip: clientIp(req),
        now: clock.now(),
      });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/awards/import',
    {
      schema: {
        tags: ['awards'],
        summary:
          'Import awards from a CSV file (multipart field "file"; columns year, level, innovation, institution, ' +
          'source). Nothing is imported when a row is wrong; rows already recorded are skipped and counted.',
        consumes: ['multipart/form-data'],
        response: { 200: awardImportResponse },
      },
    },
    async (req) => {
      const actor = authorize(req, 'award.manage', {});
      if (!req.isMultipart()) throw fileRequired();
      const { buffer, fileName } = await readUpload(req);
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
      } catch {
        const message = t(
          'Berkas harus berupa teks UTF-8. Di Excel, simpan sebagai "CSV UTF-8".',
          'The file must be UTF-8 text. In Excel, save it as "CSV UTF-8".',
        );
        throw badRequest('csv_not_utf8', message, { file: { code: 'csv_not_utf8', message } });
      }
      return importAwards(db, {
        text,
        fileName,
        actorUserId: actor.userId,
        ip: clientIp(req),
        now: clock.now(),
      });
    },
  );
};
