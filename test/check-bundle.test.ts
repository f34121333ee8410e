import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { checkBundle } from '../scripts/check-bundle.mjs';

/*
 * scripts/check-bundle.mjs on small builds laid out as `vite build` writes them (manifest, files, .br
 * copies): it passes a lean home page and fails one over budget or one that carries a signed-in page.
 */
interface Result {
  pages: Record<string, { js: { br: number } }>;
  problems: string[];
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A build whose files are `sizes` bytes of incompressible text, with .br copies as large. */
function build(manifest: Record<string, object>, sizes: Record<string, number>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinovik-bundle-'));
  dirs.push(dir);
  fs.mkdirSync(path.join(dir, '.vite'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, '.vite', 'manifest.json'), JSON.stringify(manifest));
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    '<html><head><link rel="icon" href="data:,"><script type="module" src="/assets/index.js"></script></head></html>',
  );
  for (const [file, size] of Object.entries(sizes)) {
    const body = crypto.randomBytes(size);
    fs.writeFileSync(path.join(dir, file), body);
    fs.writeFileSync(path.join(dir, `${file}.br`), body);
    fs.writeFileSync(path.join(dir, `${file}.gz`), body);
  }
  return dir;
}

const entry = (imports: string[] = []) => ({
  'index.html': { file: 'assets/index.js', isEntry: true, imports },
  _vendor: { file: 'assets/vendor.js' },
  'pages/secretariat/OutboxPage.tsx': { file: 'assets/OutboxPage.js', isDynamicEntry: true },
  'pages/public/CompetitionPublicPage.tsx': {
    file: 'assets/CompetitionPublicPage.js',
    isDynamicEntry: true,
    imports: ['_vendor'],
  },
});

describe('the web app byte budget (scripts/check-bundle.mjs)', () => {
  it('passes a home page within 200 KB of compressed JS that carries no signed-in page', () => {
    const dir = build(entry(['_vendor']), {
      'assets/index.js': 120_000,
      'assets/vendor.js': 70_000,
      'assets/OutboxPage.js': 500_000,
      'assets/CompetitionPublicPage.js': 9_000,
    });
    const r = checkBundle(dir) as Result;
    expect(r.problems).toEqual([]);
    expect(r.pages['/']!.js.br).toBe(190_000);
    expect(r.pages['/kompetisi/:id']!.js.br).toBe(199_000);
  });

  it('fails a home page over the budget', () => {
    const dir = build(entry(['_vendor']), {
      'assets/index.js': 150_000,
      'assets/vendor.js': 50_001,
      'assets/OutboxPage.js': 1_000,
      'assets/CompetitionPublicPage.js': 1_000,
    });
    expect((checkBundle(dir) as Result).problems).toEqual([
      '/: 200001 bytes of brotli-compressed JavaScript, over the 200000 budget',
    ]);
  });

  it('fails when a public page loads a signed-in page, or a signed-in page rides in the entry', () => {
    const manifest = entry(['pages/secretariat/OutboxPage.tsx']);
    const dir = build(manifest, {
      'assets/index.js': 10_000,
      'assets/vendor.js': 1_000,
      'assets/OutboxPage.js': 1_000,
      'assets/CompetitionPublicPage.js': 1_000,
    });
    expect((checkBundle(dir) as Result).problems).toContain(
      '/ loads assets/OutboxPage.js, the chunk of pages/secretariat/OutboxPage.tsx',
    );
    const bundled = build(
      { ...entry(), 'pages/secretariat/OutboxPage.tsx': { file: 'assets/index.js', isDynamicEntry: true } },
      { 'assets/index.js': 10_000, 'assets/vendor.js': 1_000, 'assets/CompetitionPublicPage.js': 1_000 },
    );
    expect((checkBundle(bundled) as Result).problems).toContain(
      'pages/secretariat/OutboxPage.tsx is bundled into the entry chunk',
    );
  });
});
