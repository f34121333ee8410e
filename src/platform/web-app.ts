import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { errorBody, hasOverlongSegment, pathTooLong } from './http-errors.js';

/** Files under /assets/ carry a hash of their content in their name: a browser may keep them for a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html (and the client-side routes answered with it) is checked with the server on every visit. */
export const REVALIDATE = 'no-cache';
/**
 * Security headers that only a document obeys (its policy, framing, referrer, isolation): a script or a
 * stylesheet under /assets/ is sent without them. nosniff and Cross-Origin-Resource-Policy stay, as they
 * are the ones that guard a subresource. Half a kilobyte less on each of the first load's ten scripts.
 */
export const DOCUMENT_ONLY_HEADERS = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
] as const;

/**
 * The built web app (`npx vite build` → dist/web). Files are sent as the build precompressed them (.br,
 * .gz next to each file; see vite.config.ts) to a browser that accepts that encoding, with
 * `Vary: Accept-Encoding`, and plain otherwise. Hashed assets are cached for a year; index.html is
 * revalidated (ETag) so a new version reaches everyone at once. "/" answers home.html (index.html with the
 * home page's opening in its light shell) when the build has one. Client-side routes fall back to index.html;
 * a missing /assets/ file is a 404 (not index.html, which a browser would take for the missing script).
 * Does nothing when the app is not built.
 */
export async function registerWebApp(app: FastifyInstance, root: string): Promise<void> {
  if (!fs.existsSync(path.join(root, 'index.html'))) return;
  const assets = path.join(root, 'assets') + path.sep;
  // The home page's opening prerendered into the shell (scripts/vite/light-shell.ts), when built.
  const home = fs.existsSync(path.join(root, 'home.html')) ? 'home.html' : 'index.html';
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    // '/' is answered by the catch-all below: @fastify/static 10.1 answers 404 to '/' with an index file
    // when the browser accepts a precompressed encoding.
    index: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply: FastifyReply, file: string) => {
      if (!file.startsWith(assets)) {
        reply.header('cache-control', REVALIDATE);
        return;
      }
      reply.header('cache-control', IMMUTABLE);
      for (const name of DOCUMENT_ONLY_HEADERS) reply.removeHeader(name);
    },
  });
  // A catch-all GET route, because the root not-found handler is already set by registerErrorHandler.
  // Public: the pages are everyone's, and an unknown API address (which it matches too) stays a 404.
  const config = { allowIncompleteProfile: true, public: true };
  app.get('/*', { schema: { hide: true }, config }, (req, reply) => {
    if (req.url === '/' || req.url.startsWith('/?')) return reply.sendFile(home);
    if (!req.url.startsWith('/api/') && !req.url.startsWith('/assets/')) return reply.sendFile('index.html');
    // An API address with a part longer than a path parameter may be: the router's 414, whether or not the
    // web app is built (without it the router answers 414 itself; with it this catch-all matched instead).
    if (hasOverlongSegment(req.url)) return reply.code(414).send(pathTooLong());
    return reply.code(404).send(errorBody('not_found', { id: 'Tidak ditemukan.', en: 'Not found.' }));
  });
}
