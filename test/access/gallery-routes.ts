import type { RouteCase } from './routes.js';

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
