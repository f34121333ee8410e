import type { Binding, Body, RouteCase } from './routes.js';
import type { World } from './world.js';

/*
 * The public gallery (issue 14) in the role × route matrix: public routes, no account. In the world no
 * results are published, so the list is empty and an address is not found (404).
 */
export const GALLERY_ROUTE_CASES: Record<string, RouteCase> = {
  'GET /api/public/gallery': { public: true, query: () => ({ q: 'pelayanan', sort: 'relevance' }) },
  'GET /api/public/gallery/facets': { public: true },
  'GET /api/public/gallery/data.csv': { public: true, query: () => ({ year: '2026' }) },
  'GET /api/public/gallery/data.json': { public: true, query: () => ({ year: '2026' }) },
  'GET /api/public/gallery/stats': { public: true, query: () => ({ year: '2026' }) },
  'GET /api/public/gallery/:slug': {
    public: true,
    alsoAccept: [404],
    params: () => ({ slug: 'kipp-2026-00001' }),
  },
};

/*
 * The owner's side of the gallery (issue 14 points 1 and 4): the admin lokal of the proposal's institution
 * only. X's forwarded proposal in A (results not published: consent and status end in 409 after
 * authorization) and Y's forwarded one in B (nobody of the world's actors). The public evidence download is
 * public: no entry in the world, so 404.
 */
const ownerBindings = (
  path: (w: World) => Record<string, string | number> = () => ({}),
  body?: () => Body,
): Binding[] => [
  {
    name: "X's forwarded proposal",
    params: (w) => ({ id: w.pXForwarded.id, ...path(w) }),
    ...(body ? { body } : {}),
    allow: ['local_admin'],
    alsoAccept: [409],
  },
  {
    name: "Y's forwarded proposal in B",
    params: (w) => ({ id: w.pYForwardedB.id, ...path(w) }),
    ...(body ? { body } : {}),
    allow: [],
  },
];

export const GALLERY_OWNER_ROUTE_CASES: Record<string, RouteCase> = {
  'GET /api/public/gallery/:slug/evidence/:attachmentId': {
    public: true,
    alsoAccept: [404],
    params: () => ({ slug: 'kipp-2026-00001', attachmentId: 1 }),
  },
  'GET /api/gallery-owner': {
    bindings: [
      { name: "X's institution", query: (w) => ({ institutionId: String(w.instX) }), allow: ['local_admin'] },
      { name: "Y's institution", query: (w) => ({ institutionId: String(w.instY) }), allow: [] },
    ],
  },
  'POST /api/gallery-owner/proposals/:id/consent': { bindings: ownerBindings() },
  'DELETE /api/gallery-owner/proposals/:id/consent': { bindings: ownerBindings() },
  'PUT /api/gallery-owner/proposals/:id/contact': {
    bindings: ownerBindings(undefined, () => ({ json: { name: 'Ani', email: 'ani@matriks.go.id' } })),
  },
  'PUT /api/gallery-owner/proposals/:id/evidence/:attachmentId': {
    bindings: [
      {
        name: "X's draft's file (a draft has no gallery settings: 409 after authorization)",
        params: (w) => ({ id: w.pXDraft.id, attachmentId: w.attX }),
        body: () => ({ json: { isPublic: true } }),
        allow: ['local_admin'],
        alsoAccept: [409],
      },
      {
        name: "Y's file",
        params: (w) => ({ id: w.pYForwardedB.id, attachmentId: w.attY }),
        body: () => ({ json: { isPublic: true } }),
        allow: [],
      },
    ],
  },
  'PUT /api/gallery-owner/proposals/:id/status': {
    bindings: ownerBindings(undefined, () => ({ json: { status: 'continuing' } })),
  },
};
