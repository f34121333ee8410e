#!/usr/bin/env node
// The web app's byte budget, checked on a build (`npx vite build`): what an anonymous visitor's first load
// of the home page fetches — index.html's script and preloads, their static imports and the home page's
// chunk when it has one — must stay within 200 KB of compressed JavaScript (brotli, as the server sends it
// to every browser that accepts it; gzip is printed too). It also checks that the public pages (home,
// competition page, login, admin-lokal request; their figures are printed) load none of the signed-in
// screens' chunks, and that each signed-in page is a chunk of its own.
// Reads Vite's manifest (build.manifest) and the .br/.gz files the build wrote; prints PASS/FAIL and the
// figures, exits 1 on FAIL. `--dir D` checks another build (without a manifest, index.html alone tells the
// first load), `--json` prints the figures as JSON. Run by `npm test` when a build exists and by
// `npm run test:e2e` after its build.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseArgs } from 'node:util';

export const BUDGET_BYTES = 200 * 1000;

/** Pages a visitor without an account reaches; each must carry none of the signed-in pages. */
export const PUBLIC_PAGES = {
  '/': 'pages/public/HomePage.tsx',
  '/kompetisi/:id': 'pages/public/CompetitionPublicPage.tsx',
  '/masuk': 'pages/account/LoginPage.tsx',
  '/permohonan-admin-lokal': 'pages/public/AdminRequestFormPage.tsx',
};
const SIGNED_IN_PAGES = /^pages\/(secretariat|admin|proposals|institution)\//;

function compressedSize(file, encoding) {
  const sibling = `${file}.${encoding === 'br' ? 'br' : 'gz'}`;
  if (fs.existsSync(sibling)) return fs.statSync(sibling).size;
  const raw = fs.readFileSync(file);
  // No precompressed copy (a build from before the precompress plugin): compress as the build would.
  return encoding === 'br'
    ? zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length
    : zlib.gzipSync(raw, { level: 9 }).length;
}

/** The files index.html itself asks for: its module script, module preloads and stylesheets. */
function fromIndexHtml(dir) {
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="\/?([^"]+)"/g)].map((m) => m[1]);
  const links = [...html.matchAll(/<link\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => /\brel="(stylesheet|modulepreload)"/.test(tag))
    .map((tag) => tag.match(/\bhref="\/?([^"]+)"/)?.[1])
    .filter(Boolean);
  return [...scripts, ...links].filter((r) => !/^(https?|data):/.test(r));
}

/** The files of a manifest chunk and of everything it imports statically (what loading it fetches). */
function closure(manifest, keys) {
  const files = new Set();
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    const chunk = manifest[key];
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imp of chunk.imports ?? []) visit(imp);
  };
  keys.forEach(visit);
  return files;
}

/** The first load of each public page, with sizes, and the problems found (empty when it passes). */
export function checkBundle(dir) {
  const manifestFile = path.join(dir, '.vite', 'manifest.json');
  const manifest = fs.existsSync(manifestFile) ? JSON.parse(fs.readFileSync(manifestFile, 'utf8')) : null;
  const entryKey = manifest && Object.keys(manifest).find((k) => manifest[k].isEntry);
  const problems = [];
  const pages = {};
  for (const [route, page] of Object.entries(PUBLIC_PAGES)) {
    const files = new Set(fromIndexHtml(dir));
    if (manifest) {
      const keys = [entryKey];
      // A page in a chunk of its own (a dynamic entry) is fetched too; one bundled into the entry is not.
      if (manifest[page]?.isDynamicEntry && manifest[page].file !== manifest[entryKey].file) keys.push(page);
      for (const f of closure(manifest, keys)) files.add(f);
      for (const [key, chunk] of Object.entries(manifest)) {
        if (SIGNED_IN_PAGES.test(key) && files.has(chunk.file))
          problems.push(`${route} loads ${chunk.file}, the chunk of ${key}`);
      }
    } else if (route !== '/') continue;
    const js = { files: 0, raw: 0, gzip: 0, br: 0 };
    const css = { files: 0, raw: 0, gzip: 0, br: 0 };
    for (const rel of files) {
      const file = path.join(dir, rel);
      if (!fs.existsSync(file)) {
        problems.push(`${route}: ${rel} is missing from the build`);
        continue;
      }
      const sum = rel.endsWith('.css') ? css : rel.endsWith('.js') ? js : null;
      if (!sum) continue;
      sum.files++;
      sum.raw += fs.statSync(file).size;
      sum.gzip += compressedSize(file, 'gzip');
      sum.br += compressedSize(file, 'br');
    }
    pages[route] = { js, css, files: [...files].sort() };
    if (route === '/' && js.br > BUDGET_BYTES)
      problems.push(
        `${route}: ${js.br} bytes of brotli-compressed JavaScript, over the ${BUDGET_BYTES} budget`,
      );
  }
  if (manifest) {
    // Every signed-in page must be a chunk of its own, or it rides with the entry to every visitor.
    for (const [key, chunk] of Object.entries(manifest)) {
      if (SIGNED_IN_PAGES.test(key) && chunk.isDynamicEntry && chunk.file === manifest[entryKey].file)
        problems.push(`${key} is bundled into the entry chunk`);
    }
  } else problems.push('no .vite/manifest.json: build with build.manifest to check the page chunks');
  return { dir, budgetBytes: BUDGET_BYTES, manifest: Boolean(manifest), pages, problems };
}

const kb = (n) => `${(n / 1000).toFixed(1)} KB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { dir: { type: 'string', default: 'dist/web' }, json: { type: 'boolean', default: false } },
  });
  const dir = path.resolve(values.dir);
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    console.error(`check-bundle: no build in ${dir} (run npx vite build)`);
    process.exit(2);
  }
  const result = checkBundle(dir);
  if (values.json) console.log(JSON.stringify(result, null, 2));
  else {
    console.log(
      `Web app first load (${path.relative(process.cwd(), dir) || dir}), budget ${kb(BUDGET_BYTES)} of brotli JS`,
    );
    for (const [route, p] of Object.entries(result.pages)) {
      console.log(
        `  ${route.padEnd(24)} JS ${p.js.files} files ${kb(p.js.raw)} raw, ${kb(p.js.gzip)} gzip, ${kb(p.js.br)} brotli; ` +
          `CSS ${kb(p.css.raw)} raw, ${kb(p.css.br)} brotli`,
      );
    }
    for (const p of result.problems) console.log(`  ✗ ${p}`);
    console.log(result.problems.length ? 'FAIL' : 'PASS');
  }
  process.exit(result.problems.length ? 1 : 0);
}
