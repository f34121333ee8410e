import { Readable } from 'node:stream';
import { insertFileRow, withStagedFile } from '../../src/platform/blobs.js';
import { makeFinalist } from '../helpers/finalists.js';
import { minimalPdf, multipartForm } from '../helpers/multipart.js';
import type { Binding, Body, RouteCase } from './routes.js';
import type { World } from './world.js';

/*
 * The presentation schedule (issue 13 point 2) in the role × route matrix. The schedule is the organizer's
 * secretariat's (never the system administrator's); a finalist's slot, letter, upload and file are its
 * institution's admin lokal's and its unit's UPP's (and the secretariat's; the file also its session's
 * panelists'); rescheduling is asked by the admin lokal; a session live is its seated panelists'. Made once
 * per world, directly: a finalist of X in A with a published slot in a session where A's panelist sits,
 * its upload, and a pending rescheduling request in A and in B. Changes after the publication end in a 409
 * after authorization.
 */

interface PresentationWorld {
  finalist: number;
  sessionA: number;
  sessionB: number;
  requestA: number;
  requestB: number;
}

const made = new WeakMap<World, Promise<PresentationWorld>>();
let sessionSeq = 0;

async function stageOf(w: World, competitionId: number) {
  return w.ctx.db
    .selectFrom('stages')
    .select('id')
    .where('competition_id', '=', competitionId)
    .where('kind', '=', 'presentation')
    .executeTakeFirstOrThrow();
}

async function build(w: World): Promise<PresentationWorld> {
  const db = w.ctx.db;
  const at = new Date().toISOString();
  const f = await makeFinalist(db, {
    competitionId: w.compA,
    institutionId: w.instX,
    unitId: w.unitX,
    createdBy: w.userIds.upp,
    actorUserId: w.userIds.secretariat,
    now: new Date(),
    title: 'Inovasi Presentasi Matriks',
  });
  const session = async (competitionId: number, panelist: number | null) => {
    const stage = await stageOf(w, competitionId);
    const row = await db
      .insertInto('presentation_sessions')
      .values({
        competition_id: competitionId,
        stage_id: stage.id,
        name: 'Sesi Matriks',
        starts_at: '2026-07-06T01:00:00.000Z',
        ends_at: '2026-07-06T02:10:00.000Z',
        mode: 'offline',
        room: 'Ruang Matriks',
        meeting_url: null,
        group_keys: '["umum"]',
        created_by: null,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (panelist)
      await db
        .insertInto('presentation_session_panelists')
        .values({ session_id: row.id, user_id: panelist })
        .execute();
    return { stageId: stage.id, sessionId: row.id };
  };
  const a = await session(w.compA, w.userIds.panelist);
  const b = await session(w.compB, null);
  await db
    .insertInto('presentation_slots')
    .values({
      stage_id: a.stageId,
      session_id: a.sessionId,
      proposal_id: f.id,
      slot_index: 0,
      starts_at: '2026-07-06T01:00:00.000Z',
      ends_at: '2026-07-06T01:20:00.000Z',
      origin: 'auto',
      updated_at: at,
    })
    .execute();
  await db
    .insertInto('presentation_schedules')
    .values({
      stage_id: a.stageId,
      version: 3,
      next_letter_seq: 2,
      published_by: w.userIds.secretariat,
      published_at: at,
      updated_at: at,
    })
    .execute();
  await db
    .insertInto('presentation_letters')
    .values({
      stage_id: a.stageId,
      proposal_id: f.id,
      letter_number: 'B/1/PP.00.05/2026',
      revision: 1,
      session_id: a.sessionId,
      starts_at: '2026-07-06T01:00:00.000Z',
      ends_at: '2026-07-06T01:20:00.000Z',
      issued_by: w.userIds.secretariat,
      issued_at: at,
      superseded_at: null,
    })
    .execute();
  // The finalist's upload, stored directly (the world's sessions may be gone when a fuzzer asks).
  const staged = await w.ctx.app.deps.storage.stage(Readable.from([minimalPdf('Paparan Matriks')]), {
    maxBytes: 1024 * 1024,
    allowedMimes: ['application/pdf'],
  });
  const fileId = await withStagedFile(db, w.ctx.app.deps.storage, staged, (tx) =>
    insertFileRow(tx, { staged, name: 'paparan.pdf', uploadedBy: w.userIds.upp, now: new Date() }),
  );
  await db
    .insertInto('presentation_uploads')
    .values({
      stage_id: a.stageId,
      proposal_id: f.id,
      file_id: fileId,
      video_url: 'https://youtu.be/matriks',
      updated_by: w.userIds.upp,
      updated_at: at,
    })
    .execute();
  const request = async (stageId: number, proposalId: number) =>
    (
      await db
        .insertInto('reschedule_requests')
        .values({
          stage_id: stageId,
          proposal_id: proposalId,
          reason: 'Pimpinan berhalangan hadir pada pagi hari.',
          unavailable: '[]',
          status: 'pending',
          decision_reason: null,
          requested_by: w.userIds.local_admin,
          requested_at: at,
          decided_by: null,
          decided_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const stageB = await stageOf(w, w.compB);
  return {
    finalist: f.id,
    sessionA: a.sessionId,
    sessionB: b.sessionId,
    requestA: await request(a.stageId, f.id),
    requestB: await request(stageB.id, w.pYForwardedB.id),
  };
}

const pw = (w: World) => {
  let p = made.get(w);
  if (!p) made.set(w, (p = build(w)));
  return p;
};

const json = (value: unknown): Body => ({ json: value });
const base = '/api/competitions/:id/presentation';

const organizer = (
  extra: Partial<Binding> = {},
  more: (w: World, p: PresentationWorld, own: boolean) => Record<string, number> = () => ({}),
): readonly Binding[] => [
  {
    name: "A's presentation schedule (own organizer)",
    params: async (w: World) => ({ id: w.compA, ...more(w, await pw(w), true) }),
    allow: ['secretariat'],
    ...extra,
  },
  {
    name: "B's presentation schedule (another organizer)",
    params: async (w: World) => ({ id: w.compB, ...more(w, await pw(w), false) }),
    allow: ['secretariat_other'],
    ...extra,
  },
];

const sessionBody = (w: World) => {
  const n = ++sessionSeq;
  const start = Date.parse('2026-06-25T01:00:00.000Z') + n * 2 * 3_600_000;
  return json({
    name: `Sesi Matriks ${n}`,
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 3_600_000).toISOString(),
    mode: 'offline',
    room: `Ruang Matriks ${n}`,
    groupKeys: ['umum'],
    panelistIds: [w.userIds.panelist],
  });
};

const finalistOf = (allow: Binding['allow'], extra: Partial<Binding> = {}): readonly Binding[] => [
  {
    name: "X's finalist in A",
    params: async (w: World) => ({ proposalId: (await pw(w)).finalist }),
    allow,
    ...extra,
  },
];

export const PRESENTATION_ROUTE_CASES: Record<string, RouteCase> = {
  [`GET ${base}`]: { bindings: organizer() },
  [`PUT ${base}/settings`]: { bindings: organizer({ body: () => json({}) }) },
  // B's panel is empty (400 unknown panelist); A's schedule is published (409).
  [`POST ${base}/sessions`]: { bindings: organizer({ body: sessionBody, alsoAccept: [400, 409] }) },
  [`PUT ${base}/sessions/:sessionId`]: {
    bindings: organizer({ body: sessionBody, alsoAccept: [400, 409] }, (_w, p, own) => ({
      sessionId: own ? p.sessionA : p.sessionB,
    })),
  },
  [`DELETE ${base}/sessions/:sessionId`]: {
    bindings: organizer({ alsoAccept: [409] }, (_w, p, own) => ({
      sessionId: own ? p.sessionA : p.sessionB,
    })),
    last: true,
  },
  [`POST ${base}/assign`]: { bindings: organizer({ alsoAccept: [409] }) },
  [`POST ${base}/move`]: {
    bindings: organizer({
      body: async (w) => {
        const p = await pw(w);
        return json({ proposalId: p.finalist, sessionId: p.sessionA, slot: 1 });
      },
      alsoAccept: [400, 409],
    }),
  },
  [`POST ${base}/publish`]: { bindings: organizer({ body: () => json({ version: 1 }), alsoAccept: [409] }) },
  [`POST ${base}/requests/:requestId/accept`]: {
    bindings: organizer({ body: () => json({}), alsoAccept: [400, 409] }, (_w, p, own) => ({
      requestId: own ? p.requestA : p.requestB,
    })),
  },
  [`POST ${base}/requests/:requestId/refuse`]: {
    bindings: organizer(
      { body: () => json({ reason: 'Sesi sudah penuh.' }), alsoAccept: [409] },
      (_w, p, own) => ({
        requestId: own ? p.requestA : p.requestB,
      }),
    ),
  },
  'GET /api/presentation/proposals/:proposalId': {
    bindings: finalistOf(['upp', 'local_admin', 'secretariat']),
  },
  'GET /api/presentation/proposals/:proposalId/letter.pdf': {
    bindings: finalistOf(['upp', 'local_admin', 'secretariat']),
  },
  'POST /api/presentation/proposals/:proposalId/upload': {
    bindings: finalistOf(['upp', 'local_admin'], {
      body: () => ({ multipart: multipartForm({ videoUrl: 'https://youtu.be/matriks-2' }) }),
    }),
  },
  'GET /api/presentation/proposals/:proposalId/file': {
    bindings: finalistOf(['upp', 'local_admin', 'secretariat', 'panelist']),
  },
  'POST /api/presentation/proposals/:proposalId/reschedule': {
    bindings: finalistOf(['local_admin'], {
      body: () =>
        json({
          reason: 'Pimpinan daerah menghadiri rapat di pusat.',
          unavailable: [{ from: '2026-07-06T01:00:00.000Z', to: '2026-07-06T03:00:00.000Z' }],
        }),
      alsoAccept: [409],
    }),
  },
  'GET /api/panel/competitions/:id/sessions': {
    bindings: [
      { name: "A's panel", params: (w: World) => ({ id: w.compA }), allow: ['panelist'] },
      { name: "B's panel (not the world's panelist)", params: (w: World) => ({ id: w.compB }), allow: [] },
    ],
  },
  'GET /api/panel/competitions/:id/sessions/:sessionId': {
    bindings: [
      {
        name: "A's session where the panelist sits",
        params: async (w: World) => ({ id: w.compA, sessionId: (await pw(w)).sessionA }),
        allow: ['panelist'],
      },
      {
        name: "B's session",
        params: async (w: World) => ({ id: w.compB, sessionId: (await pw(w)).sessionB }),
        allow: [],
      },
    ],
  },
};
