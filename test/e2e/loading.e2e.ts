import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Route } from 'playwright-core';
import { expectAccessible, launchBrowser, SHOTS_DIR, shoot, startServer, type E2EServer } from './harness.js';
import { seedDemo, seedReferenceData } from '../../src/seed/index.js';
import { describeLoad, measureProfile, PROFILES, WEB_GOALS } from '../../scripts/bench/web.js';

/*
 * The web app's first load (issue 10, "Loading"): the light shell is on screen before the app's scripts
 * arrive, the home page's first load stays within its budget of compressed JavaScript and carries none of
 * the signed-in pages, assets come compressed and cached. The first-render figures on a throttled phone are
 * recorded here (test-results/web-loading.json); their goals are checked by `npm run bench -- --only web`.
 */
const SIGNED_IN_PAGES = /^pages\/(secretariat|admin|proposals|institution)\//;

describe('loading the web app, in Chromium', () => {
  let server: E2EServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    await seedReferenceData(server.ctx.db);
    await seedDemo(server.ctx.db, server.ctx.clock, {
      dataDir: server.ctx.dataDir,
      storage: server.ctx.app.deps.storage,
    });
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A page whose scripts are held back until `release()`: what a visitor sees before they arrive. */
  async function pageWithScriptsHeld(): Promise<{ page: Page; release: () => Promise<void> }> {
    const context = await browser.newContext({
      viewport: { width: 412, height: 823 },
      locale: 'id-ID',
      bypassCSP: true,
    });
    const page = await context.newPage();
    const held: Route[] = [];
    let released = false;
    await page.route(/\/assets\/.+\.js$/, async (route) => {
      if (released) return route.continue();
      held.push(route);
    });
    return {
      page,
      release: async () => {
        released = true;
        for (const r of held.splice(0)) await r.continue();
      },
    };
  }

  async function shootNow(page: Page, name: string) {
    fs.mkdirSync(SHOTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`), fullPage: true });
    await expectAccessible(page, name);
  }

  it('shows the light shell, in Indonesian and accessible, before the app and until it renders', async () => {
    const { page, release } = await pageWithScriptsHeld();
    await page.goto(`${server.baseUrl}/masuk`, { waitUntil: 'commit' });
    const status = page.locator('#root .shell [role="status"]');
    await status.waitFor();
    expect(await status.innerText()).toBe('Memuat Sinovik…');
    expect(await page.locator('#root .shell-name').innerText()).toBe('Sinovik');
    // Nothing of the app ran: its scripts are still held.
    expect(await page.locator('#root form').count()).toBe(0);
    await shootNow(page, 'loading-shell');

    await release();
    await page.getByRole('heading', { name: 'Masuk' }).waitFor();
    expect(await page.locator('#root .shell').count()).toBe(0);
    await page.context().close();
  });

  it("shows the home page's opening at once on /, with working links, then the app takes over", async () => {
    const { page, release } = await pageWithScriptsHeld();
    await page.goto(`${server.baseUrl}/`, { waitUntil: 'commit' });
    const heading = page.locator('#root .shell h1');
    await heading.waitFor();
    expect(await heading.innerText()).toBe('Kompetisi Inovasi Pelayanan Publik');
    expect(await page.locator('#root .shell a[href="/masuk"]').innerText()).toBe('Masuk');
    expect(await page.locator('#root .shell a[href="/permohonan-admin-lokal"]').innerText()).toBe(
      'Ajukan permohonan akun Admin Lokal',
    );
    expect(await page.locator('#root .shell [role="status"]').innerText()).toBe('Memuat daftar kompetisi…');
    await shootNow(page, 'loading-home-shell');

    await release();
    await page.locator('#root .shell').waitFor({ state: 'detached' });
    await page.getByRole('heading', { level: 1, name: 'Kompetisi Inovasi Pelayanan Publik' }).waitFor();
    await page.locator('section[aria-labelledby="competitions-title"] article').first().waitFor();
    await page.context().close();
  });

  it("keeps the home page's first load within its budget, compressed, cached, without the signed-in pages", async () => {
    const manifest = JSON.parse(
      fs.readFileSync(path.resolve('dist/web/.vite/manifest.json'), 'utf8'),
    ) as Record<string, { file: string }>;
    const signedInChunks = new Set(
      Object.entries(manifest)
        .filter(([key]) => SIGNED_IN_PAGES.test(key))
        .map(([, c]) => `/${c.file}`),
    );
    expect(signedInChunks.size).toBeGreaterThan(10);

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const responses = new Map<string, { url: string; type: string; headers: Record<string, string> }>();
    const received = new Map<string, number>();
    cdp.on('Network.responseReceived', (e) =>
      responses.set(e.requestId, {
        url: e.response.url,
        type: e.type,
        headers: Object.fromEntries(
          Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]),
        ),
      }),
    );
    cdp.on('Network.loadingFinished', (e) => received.set(e.requestId, e.encodedDataLength));
    await page.goto(`${server.baseUrl}/`);
    await page.locator('section[aria-labelledby="competitions-title"] article').first().waitFor();
    await page.waitForLoadState('networkidle');

    const scripts = [...responses.entries()].filter(([, r]) => r.type === 'Script');
    expect(scripts.length).toBeGreaterThan(1);
    let jsBytes = 0;
    for (const [id, r] of scripts) {
      const file = new URL(r.url).pathname;
      expect(signedInChunks.has(file), `${file} belongs to a signed-in page`).toBe(false);
      expect(r.headers['content-encoding'], file).toBe('br');
      expect(r.headers['cache-control'], file).toBe('public, max-age=31536000, immutable');
      jsBytes += received.get(id) ?? 0;
    }
    expect(jsBytes).toBeLessThanOrEqual(WEB_GOALS.jsBudgetBytes);
    const html = [...responses.values()].find((r) => r.type === 'Document')!;
    expect(html.headers['cache-control']).toBe('no-cache');
    expect(html.headers['content-encoding']).toBe('br');
    await shoot(page, 'loading-home');
    await context.close();
  });

  it('records the first load on a throttled phone (Slow 4G and 3G): the shell is painted before the app', async () => {
    const url = `${server.baseUrl}/`;
    const slow4g = await measureProfile(browser, url, PROFILES.slow4g, 1);
    const g3 = await measureProfile(browser, url, PROFILES.regular3g, 1);
    for (const r of [slow4g, g3]) {
      console.log(`web loading, ${describeLoad(r)}`);
      expect(r.shellShown, r.profile).toBe(true);
      expect(r.firstContentfulPaintMs, r.profile).not.toBeNull();
      expect(r.homeContentMs, r.profile).not.toBeNull();
      expect(r.appRenderedMs, r.profile).not.toBeNull();
      expect(r.firstContentfulPaintMs!, r.profile).toBeLessThan(r.appRenderedMs!);
      expect(r.jsBytes, r.profile).toBeLessThanOrEqual(WEB_GOALS.jsBudgetBytes);
    }
    fs.mkdirSync(path.resolve('test-results'), { recursive: true });
    fs.writeFileSync(
      path.resolve('test-results/web-loading.json'),
      JSON.stringify(
        { measuredAt: new Date().toISOString(), profiles: [PROFILES.slow4g, PROFILES.regular3g], slow4g, g3 },
        null,
        2,
      ) + '\n',
    );
  });
});
