import { issueCertificates } from '../../src/modules/certificates/issue.js';
import type { Binding, Body, RouteCase } from './routes.js';
import type { World } from './world.js';

/*
 * The certificates (issue 13 point 5) in the role × route matrix: the organizer's secretariat manages a
 * competition's certificates (never the system administrator); one certificate's PDF is also its
 * institution's admin lokal's and its unit's UPP's; the own list is theirs; the verification is public.
 * One certificate per side is issued on first use: X's finalist in A, Y's forwarded proposal in B.
 */
const json = (value: unknown): Body => ({ json: value });

const issued = new WeakMap<World, Promise<{ a: number; b: number }>>();
/** The two certificates of the shared world, issued once. */
const certificates = (w: World) => {
  let p = issued.get(w);
  if (!p) {
    const issue = async (competitionId: number, proposalId: number) => {
      const r = await issueCertificates(
        w.ctx.db,
        { now: w.ctx.clock.now(), baseUrl: w.ctx.config.baseUrl },
        { competitionId, entries: [{ proposalId, award: 'FINALIST' }], actorId: null },
      );
      const row = await w.ctx.db
        .selectFrom('certificates')
        .select('id')
        .where('competition_id', '=', competitionId)
        .where('proposal_id', '=', proposalId)
        .executeTakeFirstOrThrow();
      return r.issued[0]?.id ?? row.id;
    };
    p = (async () => ({
      a: await issue(w.compA, w.finalistX),
      b: await issue(w.compB, w.pYForwardedB.id),
    }))();
    issued.set(w, p);
  }
  return p;
};

const organizer = (extra: Partial<Binding> = {}): readonly Binding[] => [
  {
    name: "A's certificates (own organizer)",
    params: (w: World) => ({ id: w.compA }),
    allow: ['secretariat'],
    ...extra,
  },
  {
    name: "B's certificates (another organizer)",
    params: (w: World) => ({ id: w.compB }),
    allow: ['secretariat_other'],
    ...extra,
  },
];

const oneCertificate = (extra: Partial<Binding>, own: Binding['allow']): readonly Binding[] => [
  {
    name: "X's certificate in A",
    params: async (w: World) => ({ certificateId: (await certificates(w)).a }),
    allow: own,
    ...extra,
  },
  {
    name: "Y's certificate in B",
    params: async (w: World) => ({ certificateId: (await certificates(w)).b }),
    allow: ['secretariat_other'],
    ...extra,
  },
];

const base = '/api/competitions/:id/certificates';

export const CERTIFICATE_ROUTE_CASES: Record<string, RouteCase> = {
  [`GET ${base}`]: { bindings: organizer() },
  [`PUT ${base}/settings`]: {
    bindings: organizer({
      body: () =>
        json({
          numberPrefix: 'PIAGAM/MATRIKS/2026',
          signerName: 'Penanda Tangan',
          signerPosition: 'Menteri',
        }),
    }),
  },
  // The shared world's certificates may still be being made (409 certificates_not_ready after authorization).
  [`GET ${base}/zip`]: { bindings: organizer({ alsoAccept: [409] }) },
  // The signer may not be set yet in the shared world (409 signer_missing after authorization).
  [`POST ${base}/issue`]: { bindings: organizer({ alsoAccept: [409] }) },
  // Revoked by the first allowed actor; a second revocation is 409 already_revoked.
  'POST /api/certificates/:certificateId/revoke': {
    last: true,
    bindings: oneCertificate(
      { body: () => json({ reason: 'Dicabut dalam uji matriks akses.' }), alsoAccept: [409] },
      ['secretariat'],
    ),
  },
  'GET /api/certificates/:certificateId/pdf': {
    bindings: oneCertificate({}, ['upp', 'local_admin', 'secretariat']),
  },
  'GET /api/certificates': { bindings: [{ name: 'own', allow: ['upp', 'local_admin'] }] },
  'GET /api/public/certificates/:slug': {
    public: true,
    params: () => ({ slug: 'PIAGAM-KIPP-2026-0001' }),
    query: () => ({ k: '0123456789abcdef0123' }),
  },
};
