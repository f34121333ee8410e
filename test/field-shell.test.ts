import { describe, expect, it } from 'vitest';
import type { Rollup } from 'vite';
import { fieldShellFiles, fieldWorkerSource } from '../scripts/vite/field-shell.js';

/*
 * The field pages' offline shell (scripts/vite/field-shell.ts): which built files its worker precaches
 * (the entry and the field pages with what they import, never another page), and that the worker's cache is
 * named after the build. The worker itself runs in Chromium in test/e2e/field-verification.e2e.ts.
 */

const chunk = (
  fileName: string,
  over: { facadeModuleId?: string; isEntry?: boolean; imports?: string[]; css?: string[] } = {},
) =>
  ({
    type: 'chunk',
    fileName,
    facadeModuleId: over.facadeModuleId ?? null,
    isEntry: over.isEntry ?? false,
    imports: over.imports ?? [],
    viteMetadata: { importedCss: new Set(over.css ?? []), importedAssets: new Set<string>() },
  }) as unknown as Rollup.OutputChunk;

describe('the field offline shell', () => {
  const bundle = Object.fromEntries(
    [
      chunk('assets/index-aaa.js', {
        isEntry: true,
        imports: ['assets/client-bbb.js'],
        css: ['assets/index-ccc.css'],
      }),
      chunk('assets/client-bbb.js'),
      chunk('assets/FieldVisitPage-ddd.js', {
        facadeModuleId: '/app/src/web/pages/field/FieldVisitPage.tsx',
        imports: ['assets/Radio-eee.js'],
      }),
      chunk('assets/Radio-eee.js'),
      chunk('assets/id-fff.js', { facadeModuleId: '/app/src/web/i18n/id/index.ts' }),
      chunk('assets/CertificatesPage-ggg.js', {
        facadeModuleId: '/app/src/web/pages/secretariat/certificates/CertificatesPage.tsx',
        imports: ['assets/Pdf-hhh.js'],
      }),
      chunk('assets/Pdf-hhh.js'),
    ].map((c) => [c.fileName, c]),
  ) as Rollup.OutputBundle;

  it('precaches the entry and the field pages with their imports and stylesheets, and no other page', () => {
    expect(fieldShellFiles(bundle)).toEqual([
      '/assets/FieldVisitPage-ddd.js',
      '/assets/Radio-eee.js',
      '/assets/client-bbb.js',
      '/assets/id-fff.js',
      '/assets/index-aaa.js',
      '/assets/index-ccc.css',
    ]);
  });

  it("names the worker's cache after the build and leaves the API to the network", () => {
    const src = fieldWorkerSource('0123abcd', ['/assets/index-aaa.js']);
    expect(src).toContain("const CACHE = 'sinovik-field-0123abcd';");
    expect(src).toContain('const PRECACHE = ["/assets/index-aaa.js"];');
    expect(src).toContain("url.pathname.startsWith('/api/')) return;");
  });
});
