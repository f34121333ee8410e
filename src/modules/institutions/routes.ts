import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createInstitutionBody,
  createUnitBody,
  importQuery,
  importResponse,
  institutionIdParams,
  institutionListQuery,
  institutionListResponse,
  institutionResponse,
  INSTITUTION_IMPORT_MAX_BYTES,
  unitIdParams,
  unitListResponse,
  unitResponse,
  updateInstitutionBody,
  updateUnitBody,
} from '../../contracts/institutions.js';
import { badRequest, notFound, t } from '../../domain/errors.js';
import { can } from '../../domain/policy.js';
import { authorize, clientIp, requireUser } from '../../platform/auth.js';
import { readOneFile } from '../../platform/multipart.js';
import { createInstitution } from './commands/create-institution.js';
import { createUnit } from './commands/create-unit.js';
import { importInstitutions } from './commands/import-institutions.js';
import { updateInstitution } from './commands/update-institution.js';
import { updateUnit } from './commands/update-unit.js';
import { removeUnit } from './commands/remove-unit.js';
import { presentInstitution, presentUnit } from './present.js';
import { findInstitution, findUnit, listInstitutions, listUnits, participationOf } from './queries.js';

const institutionNotFound = () => notFound(t('Instansi tidak ditemukan.', 'Institution not found.'));
const unitNotFound = () => notFound(t('Unit tidak ditemukan.', 'Unit not found.'));

const fileRequired = () => {
  const text = t(
    'Pilih berkas CSV untuk diunggah (isian "file").',
    'Choose a CSV file to upload (field "file").',
  );
  return badRequest('file_required', text, { file: { code: 'file_required', message: text } });
};

/**
 * Institutions (public directory, managed by the system administrator and the data steward) and their
 * units (managed by the admin lokal; seen too by the secretariats of the competitions it takes part in).
 */
export const institutionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, config } = app.deps;
  const policyContext = { clockControl: config.clockControl };
  // The directory is public: signed-out readers, and a person whose profile is still incomplete, read it.
  const open = { allowIncompleteProfile: true, public: true };

  /**
   * The policy's subject for an institution's units: the organizers whose competitions it takes part in
   * (not looked up for an anonymous reader of the public directory, who sees no units whatever they are).
   */
  const unitsOf = async (req: FastifyRequest, institutionId: number) => ({
    institutionId,
    participatesIn: req.actor ? await participationOf(db, institutionId) : [],
  });

  const abilitiesFor = async (req: FastifyRequest, institutionId: number) => ({
    manage: can(req.actor, 'institution.manage', {}, policyContext),
    viewUnits: can(req.actor, 'unit.view', await unitsOf(req, institutionId), policyContext),
    manageUnits: can(req.actor, 'unit.manage', { institutionId }, policyContext),
    viewUsers: can(req.actor, 'user.viewInstitution', { institutionId }, policyContext),
    createUpp: can(req.actor, 'user.createUpp', { institutionId }, policyContext),
  });

  app.get(
    '/institutions',
    {
      config: open,
      schema: {
        tags: ['institutions'],
        summary: 'Search institutions by name or short name, filter by type (public), sorted by name',
        querystring: institutionListQuery,
        response: { 200: institutionListResponse },
      },
    },
    async (req) => {
      const { q, type, page, pageSize } = req.query;
      const { rows, total } = await listInstitutions(db, { q, type }, page, pageSize);
      return {
        items: rows.map(presentInstitution),
        total,
        page,
        pageSize,
        abilities: { manage: can(req.actor, 'institution.manage', {}, policyContext) },
      };
    },
  );

  app.get(
    '/institutions/:id',
    {
      config: open,
      schema: {
        tags: ['institutions'],
        summary: 'One institution (public) with what the caller may do with it',
        params: institutionIdParams,
        response: { 200: institutionResponse },
      },
    },
    async (req) => {
      const row = await findInstitution(db, req.params.id);
      if (!row) throw institutionNotFound();
      return { institution: presentInstitution(row), abilities: await abilitiesFor(req, row.id) };
    },
  );

  app.post(
    '/institutions',
    {
      schema: {
        tags: ['institutions'],
        summary: 'Add an institution (system administrator, data steward)',
        body: createInstitutionBody,
        response: { 201: institutionResponse },
      },
    },
    async (req, reply) => {
      const actor = authorize(req, 'institution.manage', {});
      const row = await createInstitution(db, {
        ...req.body,
        actorUserId: actor.userId,
        ip: clientIp(req),
        now: clock.now(),
      });
      return reply
        .code(201)
        .send({ institution: presentInstitution(row), abilities: await abilitiesFor(req, row.id) });
    },
  );

  app.patch(
    '/institutions/:id',
    {
      schema: {
        tags: ['institutions'],
        summary: 'Edit an institution (system administrator, data steward)',
        params: institutionIdParams,
        body: updateInstitutionBody,
        response: { 200: institutionResponse },
      },
    },
    async (req) => {
      const actor = authorize(req, 'institution.manage', {});
      const row = await updateInstitution(db, {
        id: req.params.id,
        changes: req.body,
        actorUserId: actor.userId,
        ip: clientIp(req),
        now: clock.now(),
      });
      return { institution: presentInstitution(row), abilities: await abilitiesFor(req, row.id) };
    },
  );

  app.post(
    '/institutions/import',
    {
      schema: {
        tags: ['institutions'],
        summary:
          'Import institutions from a CSV file (multipart field "file"; columns type, name, short_name, ' +
          'region_code, parent_region_code; comma or semicolon). All rows or none; ?dryRun=1 checks only ' +
          '(system administrator, data steward).',
        consumes: ['multipart/form-data'],
        querystring: importQuery,
        response: { 200: importResponse },
      },
    },
    async (req) => {
      const actor = authorize(req, 'institution.manage', {});
      if (!req.isMultipart()) throw fileRequired();
      const file = await readOneFile(req, { field: 'file', maxBytes: INSTITUTION_IMPORT_MAX_BYTES });
      if (!file) throw fileRequired();
      const buffer = file.buffer;
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
      const dryRun = req.query.dryRun === '1' || req.query.dryRun === 'true';
      return importInstitutions(db, {
        text,
        fileName: file.fileName,
        dryRun,
        actorUserId: actor.userId,
        ip: clientIp(req),
        now: clock.now(),
      });
    },
  );

  app.get(
    '/institutions/:id/units',
    {
      schema: {
        tags: ['units'],
        summary:
          "An institution's units with their number of proposer accounts (its admin lokal; the secretariat " +
          'of an organizer whose competition it takes part in; system administrator)',
        params: institutionIdParams,
        response: { 200: unitListResponse },
      },
    },
    async (req) => {
      const institution = await findInstitution(db, req.params.id);
      if (!institution) throw institutionNotFound();
      authorize(req, 'unit.view', await unitsOf(req, institution.id));
      const units = await listUnits(db, institution.id);
      return {
        items: units.map(presentUnit),
        abilities: {
          manage: can(req.actor, 'unit.manage', { institutionId: institution.id }, policyContext),
        },
      };
    },
  );

  app.post(
    '/institutions/:id/units',
    {
      schema: {
        tags: ['units'],
        summary: 'Add a unit (PD or UPP) to an institution (its admin lokal)',
        params: institutionIdParams,
        body: createUnitBody,
        response: { 201: unitResponse },
      },
    },
    async (req, reply) => {
      const institution = await findInstitution(db, req.params.id);
      if (!institution) throw institutionNotFound();
      const actor = authorize(req, 'unit.manage', { institutionId: institution.id });
      const unit = await createUnit(db, {
        institutionId: institution.id,
        ...req.body,
        actorUserId: actor.userId,
        ip: clientIp(req),
        now: clock.now(),
      });
      return reply.code(201).send({ unit: presentUnit(unit) });
    },
  );

  app.patch(
    '/units/:id',
    {
      schema: {
        tags: ['units'],
        summary: "Rename a unit or change its kind or parent (its institution's admin lokal)",
        params: unitIdParams,
        body: updateUnitBody,
        response: { 200: unitResponse },
      },
    },
    async (req) => {
      requireUser(req);
      const unit = await findUnit(db, req.params.id);
      // A unit the caller cannot even see does not exist for them (404); a visible one they may not
      // change is refused by the policy (403).
      if (!unit || !can(req.actor, 'unit.view', await unitsOf(req, unit.institution_id), policyContext))
        throw unitNotFound();
      const actor = authorize(req, 'unit.manage', { institutionId: unit.institution_id });
      const updated = await updateUnit(db, {
        unit,
        changes: req.body,
        actorUserId: actor.userId,
        ip: clientIp(req),
        now: clock.now(),
      });
      return { unit: presentUnit(updated) };
    },
  );

  app.delete(
    '/units/:id',
    {
      schema: {
        tags: ['units'],
        summary:
          "Remove a unit (its institution's admin lokal); refused with the reason while it has proposals, " +
          'people or sub-units',
        params: unitIdParams,
      },
    },
    async (req, reply) => {
      requireUser(req);
      const unit = await findUnit(db, req.params.id);
      if (!unit || !can(req.actor, 'unit.view', await unitsOf(req, unit.institution_id), policyContext))
        throw unitNotFound();
      const actor = authorize(req, 'unit.manage', { institutionId: unit.institution_id });
      await removeUnit(db, { unit, actorUserId: actor.userId, ip: clientIp(req), now: clock.now() });
      return reply.code(204).send();
    },
  );
};
