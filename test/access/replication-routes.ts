import { makeUser } from '../helpers/fixtures.js';
import type { Binding, RouteCase } from './routes.js';
import type { World } from './world.js';

/*
 * Replication between institutions (issue 14 point 3) in the role × route matrix. The world publishes no
 * results, so a gallery entry is written here for Y's proposal (a public title, no canary); X's admin lokal
 * and UPP may ask it (the second ask of X: 409), no one else. A request Y made to X is answered by X's admin
 * lokal only; a request X made to Y is withdrawn by X's admin lokal or UPP only. Each binding makes its
 * own request (an answer is final).
 */

const SLUG = 'matriks-replikasi-y';
let entry: Promise<void> | null = null;

/** The gallery entry of Y's proposal, once. */
function galleryEntryOfY(w: World): Promise<void> {
  entry ??= (async () => {
    const p = await w.ctx.db
      .selectFrom('proposals')
      .select(['competition_id', 'group_id'])
      .where('id', '=', w.pYDraft.id)
      .executeTakeFirstOrThrow();
    const at = new Date().toISOString();
    await w.ctx.db
      .insertInto('gallery_entries')
      .values({
        proposal_id: w.pYDraft.id,
        competition_id: p.competition_id,
        competition_code: 'KIPP',
        competition_name: 'KIPP 2026',
        slug: SLUG,
        title: 'Inovasi Matriks Replikasi',
        acronym: null,
        summary: 'Ringkasan publik.',
        answers: 'Ringkasan publik.',
        category_key: null,
        category_name_id: null,
        category_name_en: null,
        group_key: 'umum',
        group_name_id: 'Umum',
        group_name_en: 'General',
        institution_name: 'Instansi Y',
        institution_type: 'pemerintah_kabupaten',
        province_code: null,
        province_name: null,
        regency_code: null,
        regency_name: null,
        year: 2026,
        awards: '[]',
        award_rank: 99,
        basis: 'consented',
        title_length: 3,
        acronym_length: 0,
        answers_length: 2,
        published_at: at,
        updated_at: at,
      })
      .execute();
  })();
  return entry;
}

let askerOfY: Promise<number> | null = null;
/** Who asks for Y: an admin lokal of Y made here (a name without a canary: the owner reads who asked). */
const askerY = (w: World) =>
  (askerOfY ??= makeUser(w.ctx.db, {
    role: 'local_admin',
    institutionId: w.instY,
    name: 'Peminta Replikasi Y',
  }).then((u) => u.id));

/** A new open request: `to` owns the innovation (its proposal), the other institution asks. */
async function newRequest(w: World, to: 'X' | 'Y'): Promise<number> {
  const at = new Date().toISOString();
  const proposalId = to === 'X' ? w.pXForwarded.id : w.pYDraft.id;
  // One open request per innovation and institution: the one a refused actor left open is closed first.
  await w.ctx.db
    .updateTable('replication_requests')
    .set({ state: 'withdrawn', answered_at: at })
    .where('proposal_id', '=', proposalId)
    .where('state', '=', 'requested')
    .execute();
  const row = await w.ctx.db
    .insertInto('replication_requests')
    .values({
      proposal_id: proposalId,
      owner_institution_id: to === 'X' ? w.instX : w.instY,
      requesting_institution_id: to === 'X' ? w.instY : w.instX,
      requested_by: to === 'X' ? await askerY(w) : w.userIds.local_admin,
      contact_name: 'Kontak Matriks',
      contact_email: 'kontak@matriks.go.id',
      contact_phone: null,
      message: 'Permohonan replikasi untuk matriks akses.',
      state: 'requested',
      answered_by: null,
      answer_message: null,
      owner_contact_name: null,
      owner_contact_email: null,
      owner_contact_phone: null,
      created_at: at,
      answered_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const ask: Binding = {
  name: "Y's innovation in the gallery",
  params: async (w) => {
    await galleryEntryOfY(w);
    return { slug: SLUG };
  },
  body: () => ({
    json: {
      contactName: 'Kontak Matriks',
      contactEmail: 'kontak@matriks.go.id',
      message: 'Kami ingin mereplikasi inovasi ini di instansi kami.',
    },
  }),
  allow: ['upp', 'local_admin'],
  alsoAccept: [409],
};

export const REPLICATION_ROUTE_CASES: Record<string, RouteCase> = {
  'GET /api/public/gallery/stats/replication': { public: true },
  'GET /api/public/gallery/:slug/replication': {
    public: true,
    alsoAccept: [404],
    params: () => ({ slug: 'kipp-2026-00001' }),
  },
  'GET /api/gallery/:slug/replication-abilities': {
    public: true,
    alsoAccept: [404],
    params: () => ({ slug: 'kipp-2026-00001' }),
  },
  'POST /api/gallery/:slug/replication-requests': { bindings: [ask] },
  'GET /api/replication-requests': {
    bindings: [{ name: "the caller's institutions", allow: ['upp', 'local_admin'] }],
  },
  'POST /api/replication-requests/:id/accept': {
    bindings: [
      {
        name: 'a request Y made to X',
        params: async (w) => ({ id: await newRequest(w, 'X') }),
        body: () => ({ json: { contactName: 'Admin X', contactEmail: 'admin@x.go.id' } }),
        allow: ['local_admin'],
      },
    ],
  },
  'POST /api/replication-requests/:id/decline': {
    bindings: [
      {
        name: 'a request Y made to X',
        params: async (w) => ({ id: await newRequest(w, 'X') }),
        body: () => ({ json: { reason: 'Belum dapat kami dampingi tahun ini.' } }),
        allow: ['local_admin'],
      },
    ],
  },
  'POST /api/replication-requests/:id/withdraw': {
    bindings: [
      {
        name: 'a request X made to Y',
        params: async (w) => ({ id: await newRequest(w, 'Y') }),
        body: () => ({ json: {} }),
        allow: ['upp', 'local_admin'],
      },
    ],
  },
};
