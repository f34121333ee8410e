import type { World } from './world.js';
import type { RouteCase } from './routes.js';
import { ADMIN, competitionOf, json, pdfUpload, pid, readProposal } from './bindings.js';

/*
 * The proposals in the role × route matrix: the list and one proposal (read, edit, send, take back, delete,
 * return, forward, withdraw), its evidence, the administrative check's queue and decision, and the completion
 * the secretariat asks for.
 */
export const PROPOSAL_ROUTE_CASES: Record<string, RouteCase> = {
  'GET /api/proposals': {
    bindings: [
      { name: 'list', allow: ['upp', 'local_admin', 'secretariat', 'secretariat_other', 'system_admin'] },
    ],
  },
  'GET /api/proposals/:id': { bindings: readProposal },
  'GET /api/proposals/:id/pdf': { bindings: readProposal },
  'GET /api/proposals/:id/revisions': { bindings: readProposal },
  'GET /api/proposals/:id/revisions/:rev': {
    bindings: readProposal.map((b) => ({
      ...b,
      params: (w: World) => ({ ...b.params(w), rev: w.firstRevision[b.params(w).id] }),
      // (the proposal bindings' params are plain functions)
    })),
  },
  'GET /api/proposals/:id/revisions/compare': {
    bindings: readProposal.map((b) => ({
      ...b,
      query: (w: World) => {
        const rev = String(w.firstRevision[b.params(w).id]);
        return { from: rev, to: rev };
      },
    })),
  },
  'GET /api/proposals/:id/changes-since-return': { bindings: readProposal },
  'GET /api/proposals/:id/impact': {
    bindings: [
      { name: "X's sent proposal", params: pid((w) => w.pXSent), allow: ['local_admin'] },
      { name: "X's forwarded proposal", params: pid((w) => w.pXForwarded), allow: ['local_admin'] },
      { name: "Y's draft", params: pid((w) => w.pYDraft), allow: [] },
      { name: "Y's proposal in B", params: pid((w) => w.pYForwardedB), allow: [] },
    ],
  },
  'PATCH /api/proposals/:id': {
    bindings: [
      {
        name: "X's draft",
        params: pid((w) => w.pXDraft),
        body: (w) => json({ version: w.pXDraft.version, acronym: 'MTRKS' }),
        allow: ['upp'],
        alsoAccept: [409],
      },
      {
        name: "Y's draft",
        params: pid((w) => w.pYDraft),
        body: (w) => json({ version: w.pYDraft.version, acronym: 'MTRKS' }),
        allow: [],
      },
    ],
  },
  'POST /api/proposals/:id/send': {
    bindings: [
      { name: "X's draft", params: pid((w) => w.pXDraft), allow: ['upp'], alsoAccept: [409, 422] },
      { name: "Y's draft", params: pid((w) => w.pYDraft), allow: [] },
    ],
  },
  'POST /api/proposals/:id/take-back': {
    last: true,
    bindings: [
      { name: "X's sent proposal", params: pid((w) => w.pXSent), allow: ['upp'], alsoAccept: [409] },
      { name: "Y's draft", params: pid((w) => w.pYDraft), allow: [] },
    ],
  },
  'DELETE /api/proposals/:id': {
    last: true,
    bindings: [
      {
        name: "a new draft of X's unit",
        // A draft made for each request (the one that is allowed removes it).
        params: async (w) => {
          const res = await w.ctx.app.inject({
            method: 'POST',
            url: `/api/competitions/${w.compA}/proposals`,
            headers: { cookie: w.cookies.upp },
            payload: { groupKey: 'umum', title: 'Draf untuk dihapus' },
          });
          return { id: (res.json() as { id: number }).id };
        },
        allow: ['upp'],
        alsoAccept: [409],
      },
      { name: "Y's draft", params: pid((w) => w.pYDraft), allow: [] },
    ],
  },
  'POST /api/proposals/:id/return': {
    bindings: [
      {
        name: "X's sent proposal",
        params: pid((w) => w.pXSent),
        body: () => json({ note: 'Lengkapi bukti dukung pada bagian implementasi.' }),
        allow: ['local_admin'],
        alsoAccept: [409, 422],
      },
      {
        name: "Y's draft",
        params: pid((w) => w.pYDraft),
        body: () => json({ note: 'Lengkapi bukti dukung pada bagian implementasi.' }),
        allow: [],
      },
    ],
  },
  'POST /api/proposals/:id/forward': {
    bindings: [
      {
        name: "X's sent proposal",
        params: pid((w) => w.pXSent),
        body: (w) => json({ version: w.pXSent.version }),
        allow: ['local_admin'],
        alsoAccept: [409, 422],
      },
      {
        name: "Y's draft",
        params: pid((w) => w.pYDraft),
        body: (w) => json({ version: w.pYDraft.version }),
        allow: [],
      },
    ],
  },
  'POST /api/proposals/:id/withdraw': {
    last: true,
    bindings: [
      {
        name: "X's forwarded",
        params: pid((w) => w.pXForwarded),
        allow: ['local_admin'],
        alsoAccept: [409, 422],
      },
      { name: "Y's in B", params: pid((w) => w.pYForwardedB), allow: [] },
    ],
  },
  'POST /api/proposals/:id/attachments': {
    bindings: [
      {
        name: "X's draft",
        params: pid((w) => w.pXDraft),
        body: () => pdfUpload('tambahan.pdf'),
        allow: ['upp'],
        alsoAccept: [409, 422],
      },
      { name: "Y's draft", params: pid((w) => w.pYDraft), body: () => pdfUpload('tambahan.pdf'), allow: [] },
    ],
  },
  'PUT /api/proposals/:id/attachments/:attachmentId': {
    bindings: [
      {
        name: "X's evidence",
        params: (w) => ({ id: w.pXDraft.id, attachmentId: w.attX }),
        body: () => pdfUpload('pengganti.pdf'),
        allow: ['upp'],
        alsoAccept: [409, 422],
      },
      {
        name: "Y's evidence",
        params: (w) => ({ id: w.pYDraft.id, attachmentId: w.attY }),
        body: () => pdfUpload('pengganti.pdf'),
        allow: [],
      },
    ],
  },
  'PATCH /api/proposals/:id/attachments/:attachmentId': {
    bindings: [
      {
        name: "X's evidence",
        params: (w) => ({ id: w.pXDraft.id, attachmentId: w.attX }),
        body: () => json({ sectionKey: null }),
        allow: ['upp'],
        alsoAccept: [409, 422],
      },
      {
        name: "Y's evidence",
        params: (w) => ({ id: w.pYDraft.id, attachmentId: w.attY }),
        body: () => json({ sectionKey: null }),
        allow: [],
      },
    ],
  },
  'DELETE /api/proposals/:id/attachments/:attachmentId': {
    last: true,
    bindings: [
      {
        name: "X's evidence",
        params: (w) => ({ id: w.pXDraft.id, attachmentId: w.attX }),
        allow: ['upp'],
        alsoAccept: [409],
      },
      { name: "Y's evidence", params: (w) => ({ id: w.pYDraft.id, attachmentId: w.attY }), allow: [] },
    ],
  },
  'GET /api/proposals/:id/attachments/:attachmentId/download': {
    bindings: [
      {
        name: "X's evidence",
        params: (w) => ({ id: w.pXDraft.id, attachmentId: w.attX }),
        allow: ['upp', 'local_admin', 'system_admin'],
      },
      { name: "Y's evidence", params: (w) => ({ id: w.pYDraft.id, attachmentId: w.attY }), allow: ADMIN },
    ],
  },
  // The administrative check (issue 12 point 1): the organizer's secretariat only (not the system
  // administrator); a proposal still forwarded (not received) is not in the check yet (409).
  ...Object.fromEntries(
    (
      [
        ['GET', '', undefined],
        ['POST', '/next', undefined],
        ['POST', '/bulk/preview', { proposalIds: [] }],
        ['POST', '/bulk/apply', { rows: [] }],
      ] as const
    ).map(([method, tail, body]) => [
      `${method} /api/competitions/:id/admin-checks${tail}`,
      {
        bindings: [
          {
            name: "A's (own organizer)",
            params: competitionOf('A'),
            allow: ['secretariat'],
            ...(body ? { body: () => json(body) } : {}),
          },
          {
            name: "B's (another organizer)",
            params: competitionOf('B'),
            allow: ['secretariat_other'],
            ...(body ? { body: () => json(body) } : {}),
          },
        ],
      } satisfies RouteCase,
    ]),
  ),
  ...Object.fromEntries(
    (
      [
        ['GET', '', undefined],
        ['POST', '/claim', undefined],
        ['DELETE', '/claim', undefined],
        ['PATCH', '', { items: {} }],
        ['POST', '/decision', { outcome: 'passed' }],
        [
          'POST',
          '/completion-request',
          { items: ['section:ringkasan'], deadlineAt: '2026-04-10T09:00:00.000Z' },
        ],
      ] as const
    ).map(([method, tail, body]) => {
      const withBody = body ? { body: () => json(body) } : {};
      return [
        `${method} /api/admin-checks/:id${tail}`,
        {
          bindings: [
            {
              name: "X's forwarded proposal",
              params: pid((w) => w.pXForwarded),
              allow: ['secretariat'],
              alsoAccept: [409],
              ...withBody,
            },
            { name: "Y's draft", params: pid((w) => w.pYDraft), allow: [], ...withBody },
            {
              name: "Y's proposal in B (another organizer)",
              params: pid((w) => w.pYForwardedB),
              allow: ['secretariat_other'],
              alsoAccept: [409],
              ...withBody,
            },
          ],
        } satisfies RouteCase,
      ];
    }),
  ),
  'GET /api/proposals/:id/completion': {
    bindings: [
      { name: "X's forwarded proposal", params: pid((w) => w.pXForwarded), allow: ['upp', 'local_admin'] },
      { name: "Y's draft (another institution)", params: pid((w) => w.pYDraft), allow: [] },
    ],
  },
  'PATCH /api/proposals/:id/completion': {
    bindings: [
      {
        name: "X's forwarded proposal (not incomplete)",
        params: pid((w) => w.pXForwarded),
        body: (w) => json({ version: w.pXForwarded.version }),
        allow: ['local_admin'],
        alsoAccept: [409],
      },
      {
        name: "Y's draft",
        params: pid((w) => w.pYDraft),
        body: (w) => json({ version: w.pYDraft.version }),
        allow: [],
      },
    ],
  },
  'POST /api/proposals/:id/completion/submit': {
    bindings: [
      {
        name: "X's forwarded proposal (not incomplete)",
        params: pid((w) => w.pXForwarded),
        allow: ['local_admin'],
        alsoAccept: [409],
      },
      { name: "Y's draft", params: pid((w) => w.pYDraft), allow: [] },
    ],
  },
  // The admin lokal's evidence in a completion: X's forwarded proposal has no open request (409).
  'POST /api/proposals/:id/completion/attachments': {
    bindings: [
      {
        name: "X's forwarded proposal (not incomplete)",
        params: pid((w) => w.pXForwarded),
        body: () => pdfUpload('kelengkapan.pdf'),
        allow: ['local_admin'],
        alsoAccept: [409],
      },
      {
        name: "Y's draft",
        params: pid((w) => w.pYDraft),
        body: () => pdfUpload('kelengkapan.pdf'),
        allow: [],
      },
    ],
  },
  'PUT /api/proposals/:id/completion/attachments/:attachmentId': {
    bindings: [
      {
        name: "X's evidence (its proposal not incomplete)",
        params: (w) => ({ id: w.pXDraft.id, attachmentId: w.attX }),
        body: () => pdfUpload('kelengkapan.pdf'),
        allow: ['local_admin'],
        alsoAccept: [409],
      },
      {
        name: "Y's draft",
        params: (w) => ({ id: w.pYDraft.id, attachmentId: w.attX }),
        body: () => pdfUpload('kelengkapan.pdf'),
        allow: [],
      },
    ],
  },
};
