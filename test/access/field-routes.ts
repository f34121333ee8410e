import { insertVisit } from '../helpers/field.js';
import { sessionCookie } from '../helpers/fixtures.js';
import { PNG } from '../helpers/multipart.js';
import type { World } from './world.js';
import type { Body, RouteCase } from './routes.js';

/*
 * Field verification (issue 13 point 3) in the role × route matrix. A's secretariat plans; the visit's
 * verifier (A's panelist, named on each visit made here) works on it; X's admin lokal and UPP read only
 * the open visits of their finalist. Every request that changes a visit gets a new one.
 */
const json = (value: unknown): Body => ({ json: value });
let seq = 0;

const visitOf = async (w: World, kind: 'open' | 'closed' = 'closed') =>
  insertVisit(w.ctx.db, {
    competitionId: w.compA,
    proposalId: w.finalistX,
    verifiers: [w.userIds.panelist],
    createdBy: w.userIds.secretariat,
    kind,
    now: new Date(),
  });

/** A visit a day into A's field verification stage (a visit outside it is refused with 422). */
const visitBody = async (w: World) => {
  const stage = await w.ctx.db
    .selectFrom('stages')
    .select('opens_at')
    .where('competition_id', '=', w.compA)
    .where('kind', '=', 'field_verification')
    .executeTakeFirstOrThrow();
  return {
    kind: 'closed',
    verifierIds: [w.userIds.panelist],
    address: 'Kantor Matriks, Jl. Uji 1',
    startsAt: new Date(Date.parse(stage.opens_at!) + 86_400_000).toISOString(),
    timeZone: 'Asia/Jakarta',
  };
};

/** A photo on a new visit, uploaded by its verifier through the API. */
async function photoOf(w: World): Promise<number> {
  const visit = await visitOf(w);
  const body = multipartPhoto(`matrix-photo-${++seq}`);
  const res = await w.ctx.app.inject({
    method: 'POST',
    url: `/api/field-visits/${visit}/photos`,
    // A session of its own: a test using this world may have ended the shared ones.
    headers: { ...body.multipart.headers, cookie: await sessionCookie(w.ctx, w.userIds.panelist) },
    payload: body.multipart.payload,
  });
  if (res.statusCode !== 200) throw new Error(`field photo: ${res.statusCode} ${res.body}`);
  return (res.json() as { photo: { id: number } }).photo.id;
}

function multipartPhoto(clientId: string) {
  return {
    multipart: {
      ...multipartWithImage({ clientId, takenAt: '2026-07-08T02:10:00.000Z', geoStatus: 'denied' }),
    },
  };
}

function multipartWithImage(fields: Record<string, string>) {
  // world.ts `multipart` sends PDFs; the photo goes as an image, as a phone sends it.
  const boundary = `----matrix${++seq}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="foto.png"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    PNG,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    boundary,
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export const FIELD_ROUTE_CASES: Record<string, RouteCase> = {
  'GET /api/competitions/:id/field-visits': {
    bindings: [{ name: "A's plan", params: (w) => ({ id: w.compA }), allow: ['secretariat'] }],
  },
  'POST /api/competitions/:id/field-visits': {
    bindings: [
      {
        name: "a visit to A's finalist",
        params: (w) => ({ id: w.compA }),
        body: async (w) => json({ proposalId: w.finalistX, ...(await visitBody(w)) }),
        allow: ['secretariat'],
        // The finalist may have been removed by an upheld objection earlier in the run.
        alsoAccept: [400],
      },
    ],
  },
  'PUT /api/field-visits/:id': {
    bindings: [
      {
        name: 'a planned visit',
        params: async (w) => ({ id: await visitOf(w) }),
        body: async (w) => json({ ...(await visitBody(w)), version: 1 }),
        allow: ['secretariat'],
        alsoAccept: [400],
      },
    ],
  },
  'POST /api/field-visits/:id/cancel': {
    bindings: [
      {
        name: 'a planned visit',
        params: async (w) => ({ id: await visitOf(w) }),
        body: () => json({ version: 1, reason: 'Jadwal bentrok' }),
        allow: ['secretariat'],
      },
    ],
  },
  'GET /api/field-visits/mine': {
    bindings: [
      {
        name: 'own visits',
        allow: [
          'upp',
          'local_admin',
          'secretariat',
          'secretariat_other',
          'evaluator',
          'panelist',
          'data_steward',
          'system_admin',
        ],
      },
    ],
  },
  'GET /api/field-visits/:id': {
    bindings: [
      {
        name: 'a closed visit',
        params: async (w) => ({ id: await visitOf(w) }),
        allow: ['secretariat', 'panelist'],
      },
    ],
  },
  'POST /api/field-visits/:id/operations': {
    bindings: [
      {
        name: 'a report on a visit',
        params: async (w) => ({ id: await visitOf(w) }),
        body: () =>
          json({
            clientId: `matrix-op-${++seq}`,
            kind: 'report',
            recommendation: 'recommended',
            summary: 'Baik',
          }),
        allow: ['panelist'],
      },
    ],
  },
  'POST /api/field-visits/:id/photos': {
    bindings: [
      {
        name: 'a photo of a visit',
        params: async (w) => ({ id: await visitOf(w) }),
        body: () => multipartPhoto(`matrix-up-${++seq}`),
        allow: ['panelist'],
      },
    ],
  },
  'GET /api/field-photos/:id': {
    bindings: [
      {
        name: 'a photo',
        params: async (w) => ({ id: await photoOf(w) }),
        allow: ['secretariat', 'panelist'],
      },
    ],
  },
  'GET /api/proposals/:id/field-visits': {
    bindings: [
      {
        name: "X's finalist (open visits only)",
        params: (w) => ({ id: w.finalistX }),
        allow: ['upp', 'local_admin', 'system_admin'],
      },
    ],
  },
};
