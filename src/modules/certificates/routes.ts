import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { competitionIdParams } from '../../contracts/competitions.js';
import {
  certificatePageResponse,
  certificateParams,
  certificateSettingsBody,
  issueResponse,
  myCertificatesResponse,
  revokeCertificateBody,
} from '../../contracts/certificates.js';
import { contentDisposition } from '../../domain/attachments.js';
import { formatCertificateNumber } from '../../domain/certificates.js';
import { conflict, notFound, t } from '../../domain/errors.js';
import { can } from '../../domain/policy.js';
import { ownCertificateScope } from '../../domain/policy-scopes.js';
import { authorize, clientIp, requireUser } from '../../platform/auth.js';
import { recordRead } from '../../platform/audit-reads.js';
import { issueForCompetition, entriesToIssue } from './commands/issue-for-competition.js';
import { revokeCertificate } from './commands/revoke-certificate.js';
import { saveCertificateSettings } from './commands/save-settings.js';
import {
  certificatesOf,
  competitionWithOrganizer,
  findCertificate,
  ownCertificates,
  settingsOf,
  storageKeysOf,
  storedFile,
} from './queries.js';
import { ensureCertificatePdf, type RenderDeps } from './render.js';
import { certificateRendering } from './rendering.js';
import { certificateView } from './view.js';
import { storedZip } from './zip.js';

const competitionNotFound = () => notFound(t('Kompetisi tidak ditemukan.', 'Competition not found.'));
const certificateNotFound = () => notFound(t('Piagam tidak ditemukan.', 'Certificate not found.'));

/**
 * Certificates (issue 13 point 5): the secretariat's page (settings, issue, list, revoke), the PDFs for
 * whoever may download them, and the admin lokal's and UPP's own list. Outside one's scope: 404.
 */
export const certificateRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, config, storage } = app.deps;
  const deps: RenderDeps = {
    storage,
    renderer: app.deps.exports,
    certificateKey: config.certificateKey,
    baseUrl: config.baseUrl,
  };
  const render = certificateRendering(db, deps, app.log);

  /** The competition, for its organizer's secretariat; else 404. */
  const loadForOrganizer = async (req: FastifyRequest, id: number) => {
    const { actor } = requireUser(req);
    const c = await competitionWithOrganizer(db, id);
    if (!c || !can(actor, 'certificate.manage', { organizerInstitutionId: c.organizer_institution_id }))
      throw competitionNotFound();
    return c;
  };

  app.get(
    '/competitions/:id/certificates',
    {
      schema: {
        tags: ['certificates'],
        summary:
          "A competition's certificates (its organizer's secretariat): the settings (number prefix, signer), " +
          'how many would be issued now, every certificate with its verification address, and the counts',
        params: competitionIdParams,
        response: { 200: certificatePageResponse },
      },
    },
    async (req) => {
      const c = await loadForOrganizer(req, req.params.id);
      const settings = await settingsOf(db, c, clock.now());
      const rows = await certificatesOf(db, c.id);
      const pending = (await entriesToIssue(db, c.id)).length;
      const may = can(req.actor, 'certificate.manage', {
        organizerInstitutionId: c.organizer_institution_id,
      });
      return {
        competition: { id: c.id, name: c.name, year: c.year, timeZone: c.time_zone },
        settings: {
          numberPrefix: settings.number_prefix,
          signerName: settings.signer_name,
          signerPosition: settings.signer_position,
          nextNumber: formatCertificateNumber(settings.number_prefix, settings.next_seq),
        },
        pending,
        counts: {
          all: rows.length,
          ready: rows.filter((r) => r.file_id !== null).length,
          revoked: rows.filter((r) => r.revoked_at !== null).length,
        },
        rows: rows.map((r) => certificateView(deps, r)),
        abilities: {
          issue: may && pending > 0 && settings.signer_name !== '',
          editSettings: may,
          revoke: may,
          downloadAll: may && rows.length > 0,
        },
      };
    },
  );

  app.put(
    '/competitions/:id/certificates/settings',
    {
      schema: {
        tags: ['certificates'],
        summary:
          "The certificates' number prefix and signer (name, position); certificates already issued keep theirs",
        params: competitionIdParams,
        body: certificateSettingsBody,
      },
    },
    async (req) => {
      const c = await loadForOrganizer(req, req.params.id);
      authorize(req, 'certificate.manage', { organizerInstitutionId: c.organizer_institution_id });
      const s = await saveCertificateSettings(db, {
        competition: c,
        body: req.body,
        actorUserId: req.user!.id,
        ip: clientIp(req),
        now: clock.now(),
      });
      return {
        numberPrefix: s.number_prefix,
        signerName: s.signer_name,
        signerPosition: s.signer_position,
        nextNumber: formatCertificateNumber(s.number_prefix, s.next_seq),
      };
    },
  );

  app.post(
    '/competitions/:id/certificates/issue',
    {
      schema: {
        tags: ['certificates'],
        summary:
          'Issues a certificate to every finalist and every award of the registry written for the competition ' +
          'that has none yet (twice issues once), tells the admin lokal and UPP, and makes the PDFs in the ' +
          'export pool in the background. 409 signer_missing before the signer is set',
        params: competitionIdParams,
        response: { 200: issueResponse },
      },
    },
    async (req) => {
      const c = await loadForOrganizer(req, req.params.id);
      authorize(req, 'certificate.manage', { organizerInstitutionId: c.organizer_institution_id });
      const settings = await settingsOf(db, c, clock.now());
      if (!settings.signer_name) throw conflictSignerMissing();
      const r = await issueForCompetition(
        db,
        { now: clock.now(), baseUrl: config.baseUrl, ip: clientIp(req) },
        { competitionId: c.id, actorId: req.user!.id },
      );
      if (r.issued.length) void render(c.id);
      return { issued: r.issued.length, alreadyIssued: r.alreadyIssued, mails: r.mails };
    },
  );

  app.post(
    '/certificates/:certificateId/revoke',
    {
      schema: {
        tags: ['certificates'],
        summary:
          'Revokes a certificate (irreversible; the organizer’s secretariat): its verification address says ' +
          'revoked from then on; the admin lokal is told the reason. 409 already_revoked',
        params: certificateParams,
        body: revokeCertificateBody,
      },
    },
    async (req) => {
      const k = await findCertificate(db, req.params.certificateId);
      const c = k && (await loadForOrganizer(req, k.competition_id).catch(() => null));
      if (!k || !c) throw certificateNotFound();
      authorize(req, 'certificate.manage', { organizerInstitutionId: c.organizer_institution_id });
      const r = await revokeCertificate(db, {
        competition: c,
        certificateId: k.id,
        reason: req.body.reason,
        actorUserId: req.user!.id,
        ip: clientIp(req),
        now: clock.now(),
      });
      return { id: r.id, revokedAt: r.revoked_at };
    },
  );

  app.get(
    '/certificates/:certificateId/pdf',
    {
      schema: {
        tags: ['certificates'],
        summary:
          'One certificate as a PDF: the admin lokal of its institution, the UPP of its unit, the organizer’s ' +
          'secretariat (made in the export pool now if its turn has not come yet)',
        params: certificateParams,
      },
    },
    async (req, reply) => {
      const { actor } = requireUser(req);
      const k = await findCertificate(db, req.params.certificateId);
      const c = k && (await competitionWithOrganizer(db, k.competition_id));
      if (
        !k ||
        !c ||
        !can(actor, 'certificate.download', {
          institutionId: k.institution_id,
          unitId: k.unit_id,
          organizerInstitutionId: c.organizer_institution_id,
        })
      )
        throw certificateNotFound();
      const fileId = await ensureCertificatePdf(db, deps, k.id);
      const file = await storedFile(db, fileId);
      // Every download by a signed-in person is in the log (its institution and the organizer read it).
      // The public verification (/verifikasi/piagam) writes nothing: anyone may open it any number of
      // times, so a row per view would let a stranger flood the log; it is rate-limited instead.
      await recordRead(db, {
        actorUserId: actor.userId,
        action: 'certificate.downloaded',
        entityType: 'certificate',
        entityId: k.id,
        summary: { number: k.number, proposalId: k.proposal_id },
        scope: {
          competitionId: c.id,
          organizerInstitutionId: c.organizer_institution_id,
          institutionId: k.institution_id,
        },
        ip: clientIp(req),
        now: clock.now(),
      });
      const bytes = await storage.openRead(file.storage_key);
      return reply
        .header('Content-Type', 'application/pdf')
        .header('Content-Length', String(file.size))
        .header('Content-Disposition', contentDisposition(file.original_name))
        .header('X-Content-Type-Options', 'nosniff')
        .header('Cache-Control', 'private, no-store')
        .send(bytes);
    },
  );

  app.get(
    '/competitions/:id/certificates/zip',
    {
      schema: {
        tags: ['certificates'],
        summary:
          "Every certificate of the competition not revoked, as one ZIP of their PDFs (the organizer's " +
          'secretariat). 409 certificates_not_ready while PDFs are still being made',
        params: competitionIdParams,
      },
    },
    async (req, reply) => {
      const c = await loadForOrganizer(req, req.params.id);
      const rows = (await certificatesOf(db, c.id)).filter((r) => r.revoked_at === null);
      const waiting = rows.filter((r) => r.file_id === null).length;
      if (waiting)
        throw conflict(
          'certificates_not_ready',
          t(
            `${waiting} PDF piagam masih dibuat. Coba lagi sebentar lagi.`,
            `${waiting} certificate PDFs are still being made. Try again shortly.`,
          ),
        );
      await recordRead(db, {
        actorUserId: req.user!.id,
        action: 'certificates.downloaded_all',
        entityType: 'competition',
        entityId: c.id,
        summary: { count: rows.length },
        scope: { competitionId: c.id, organizerInstitutionId: c.organizer_institution_id },
        ip: clientIp(req),
        now: clock.now(),
      });
      const files = await storageKeysOf(
        db,
        rows.map((r) => r.file_id!),
      );
      const zip = storedZip(
        rows.map((r) => ({
          name: `piagam-${r.number_slug}.pdf`,
          at: new Date(r.issued_at),
          read: () => readStored(files.get(r.file_id!)!),
        })),
      );
      return reply
        .header('Content-Type', 'application/zip')
        .header('Content-Disposition', contentDisposition(`piagam-${c.code}-${c.year}.zip`))
        .header('Cache-Control', 'private, no-store')
        .send(zip);
    },
  );

  /** A stored file, whole (a certificate is a few hundred kilobytes at most). */
  const readStored = async (key: string) => {
    const chunks: Buffer[] = [];
    for await (const chunk of await storage.openRead(key)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };

  app.get(
    '/certificates',
    {
      schema: {
        tags: ['certificates'],
        summary:
          "One's own certificates: the admin lokal's of its institution's proposals, the UPP's of its unit's",
        response: { 200: myCertificatesResponse },
      },
    },
    async (req) => {
      const actor = authorize(req, 'certificate.listOwn', {});
      // The organizer's secretariat is not asked here: the list is one's own as a participant.
      const rows = (await ownCertificates(db, ownCertificateScope(actor))).filter((r) =>
        can(actor, 'certificate.viewOwn', { institutionId: r.institution_id, unitId: r.unit_id }),
      );
      return { rows: rows.map((r) => certificateView(deps, r)) };
    },
  );
};

const conflictSignerMissing = () =>
  conflict(
    'signer_missing',
    t('Isi dahulu nama dan jabatan penanda tangan piagam.', 'Fill in the signer’s name and position first.'),
    {
      signerName: {
        code: 'required',
        message: t('Nama penanda tangan wajib diisi.', 'The signer’s name is required.'),
      },
    },
  );
