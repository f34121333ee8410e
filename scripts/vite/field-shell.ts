import crypto from 'node:crypto';
import type { Plugin, Rollup } from 'vite';

type OutputBundle = Rollup.OutputBundle;
type OutputChunk = Rollup.OutputChunk;

/**
 * The verifier's offline shell (issue 13 point 3): emits `field-sw.js`, a service worker registered ONLY by
 * the field pages (/verifikasi-lapangan*, pages/field/fieldShell.ts) with that scope, so no other page is
 * ever controlled by it. Its cache is named after this build (a hash of every file name the build wrote,
 * which carry their content hashes): a new build installs a new worker that drops the old cache.
 *
 * It precaches index.html and the hashed files the field pages need to start without a connection: the
 * entry, the two field pages' chunks, the texts (id and en) and everything they import statically, with
 * their stylesheets and assets. Then:
 * - a navigation (only those in its scope reach it): the network first, the cached index.html when offline;
 * - /assets/… (hashed, immutable): the cache first, else the network (and kept);
 * - /api/… and anything else: untouched, always the network (the field queue handles being offline).
 */

/** Chunks the field pages need beyond the entry: their own code and the texts every signed-in page loads. */
const FIELD_ROOTS = [
  /\/pages\/field\/FieldVisitsPage\.tsx$/,
  /\/pages\/field\/FieldVisitPage\.tsx$/,
  /\/i18n\/(id|en)\/index\.ts$/,
  /\/i18n\/en\/(common|public|account)\.ts$/,
];

/** The files to precache: the entry and the field roots with their static imports, stylesheets and assets. */
export function fieldShellFiles(bundle: OutputBundle): string[] {
  const chunks = Object.values(bundle).filter((o): o is OutputChunk => o.type === 'chunk');
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const roots = chunks.filter(
    (c) => c.isEntry || (c.facadeModuleId && FIELD_ROOTS.some((r) => r.test(c.facadeModuleId!))),
  );
  const files = new Set<string>();
  const visit = (c: OutputChunk) => {
    if (files.has(c.fileName)) return;
    files.add(c.fileName);
    const meta = (
      c as OutputChunk & { viteMetadata?: { importedCss: Set<string>; importedAssets: Set<string> } }
    ).viteMetadata;
    for (const f of meta?.importedCss ?? []) files.add(f);
    for (const f of meta?.importedAssets ?? []) files.add(f);
    for (const i of c.imports) {
      const next = byName.get(i);
      if (next) visit(next);
    }
  };
  roots.forEach(visit);
  return [...files].sort().map((f) => `/${f}`);
}

/** The worker's source: the build's version and its precache list, then the fixed logic. */
export function fieldWorkerSource(version: string, precache: string[]): string {
  return `/* Sinovik field verification offline shell (scripts/vite/field-shell.ts). Build ${version}. */
const CACHE = 'sinovik-field-${version}';
const SHELL = '/index.html';
const PRECACHE = ${JSON.stringify(precache)};

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll([SHELL, ...PRECACHE]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith('sinovik-field-') && k !== CACHE).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  );
});

async function shell(request) {
  try {
    const response = await fetch(request);
    if (response.ok && (response.headers.get('content-type') || '').includes('text/html')) {
      const cache = await caches.open(CACHE);
      await cache.put(SHELL, response.clone());
    }
    return response;
  } catch (err) {
    const cached = await caches.match(SHELL, { cacheName: CACHE });
    if (cached) return cached;
    throw err;
  }
}

async function asset(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') event.respondWith(shell(request));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(asset(request));
});
`;
}

export function fieldShell(): Plugin {
  return {
    name: 'sinovik-field-shell',
    apply: 'build',
    generateBundle(_options, bundle) {
      const version = crypto
        .createHash('sha256')
        .update(Object.keys(bundle).sort().join('\n'))
        .digest('hex')
        .slice(0, 16);
      this.emitFile({
        type: 'asset',
        fileName: 'field-sw.js',
        source: fieldWorkerSource(version, fieldShellFiles(bundle)),
      });
    },
  };
}
