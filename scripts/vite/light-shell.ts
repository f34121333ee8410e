import type { Plugin } from 'vite';
import { publicPages } from '../../src/web/i18n/id/public.js';

/*
 * The light shell of src/web/index.html, made to paint before anything else arrives:
 * - the stylesheet links Vite puts in <head> move to the end of <body>, after #root, so the shell (styled
 *   inline) is painted as soon as the HTML is in, without waiting for the app's 30 KB of CSS; the app's
 *   scripts still run only once that CSS is loaded (deferred scripts wait for pending style sheets), so the
 *   app never shows unstyled;
 * - home.html: the same page with the home page's own opening (title, introduction, the two ways in) in
 *   place of the loading line, in Indonesian from src/web/i18n/id/public.ts. The server sends it for "/"
 *   (src/platform/web-app.ts), so a visitor reads the home page before its scripts arrive; React replaces it
 *   with the same content on its first render.
 */
const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STATUS = /<!-- shell:status -->[\s\S]*?<!-- \/shell:status -->/;

export function homeShellHtml(indexHtml: string): string {
  const t = publicPages.home;
  const home = `<main class="shell-home">
          <div class="shell-hero">
            <h1>${escape(t.title)}</h1>
            <p class="shell-lead">${escape(t.intro1)}</p>
            <p>${escape(t.intro2)}</p>
            <p class="shell-cta">
              <a class="shell-button" href="/masuk">${escape(t.ctaLogin)}</a>
              <a class="shell-button shell-outline" href="/permohonan-admin-lokal">${escape(t.ctaRequest)}</a>
            </p>
            <p class="shell-hint">${escape(t.ctaHint)}</p>
          </div>
          <p class="shell-status" role="status" aria-live="polite">
            <span class="shell-spinner" aria-hidden="true"></span><span>Memuat daftar kompetisi…</span>
          </p>
        </main>`;
  if (!STATUS.test(indexHtml)) throw new Error('index.html has no <!-- shell:status --> block');
  return indexHtml.replace(STATUS, home);
}

export function lightShell(): Plugin {
  return {
    name: 'sinovik-light-shell',
    apply: 'build',
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const links: string[] = [];
        const out = html.replace(/\s*<link rel="stylesheet"[^>]*>/g, (tag) => {
          links.push(tag.trim());
          return '';
        });
        return out.replace('</body>', `  ${links.join('\n    ')}\n  </body>`);
      },
    },
    generateBundle(_options, bundle) {
      const index = bundle['index.html'];
      if (!index || index.type !== 'asset') throw new Error('light-shell: no index.html in the bundle');
      this.emitFile({ type: 'asset', fileName: 'home.html', source: homeShellHtml(String(index.source)) });
    },
  };
}
