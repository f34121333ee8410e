import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { expect } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/app.js';
import { startSmtpCapture } from '../helpers/smtp.js';
import { DEMO_PASSWORD, seedDemo, seedReferenceData } from '../../src/seed/index.js';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const SHOTS_DIR = path.resolve('test-results/screenshots');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function chromiumPath(): string {
  for (const p of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/lib/chromium/chromium']) {
    if (p && fs.existsSync(p)) return p;
  }
  throw new Error('Chromium not found: install the Debian package "chromium" (see .ci/run)');
}

export interface E2EServer {
  ctx: TestContext;
  baseUrl: string;
  smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
  stop: () => Promise<void>;
}

/**
 * A real server on 127.0.0.1 with a real database, the built web app and mail to a real SMTP capture;
 * `env` adds settings (e.g. a small export pool).
 */
export async function startServer(env: Record<string, string> = {}): Promise<E2EServer> {
  if (!fs.existsSync(path.resolve('dist/web/index.html')))
    throw new Error('build the web app first: npx vite build');
  const smtp = await startSmtpCapture();
  // The base URL must be known before the app starts (links in e-mails), so pick the port first.
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const ctx = await createTestApp({
    smtpUrl: smtp.url,
    env: { ...env, BASE_URL: baseUrl, PORT: String(port), SINOVIK_CLOCK_CONTROL: '1' },
    worker: true,
  });
  await ctx.app.listen({ port, host: '127.0.0.1' });
  return {
    ctx,
    baseUrl,
    smtp,
    stop: async () => {
      await ctx.close();
      await smtp.close();
    },
  };
}

async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}

/**
 * What `npm start` does on an empty database, on a test server: reference data, then the demo (with the
 * server's address in its links when `demoLinks` is set). The selection demo (KIPP-SELEKSI, past its
 * closing) only when `selection` is set, the panel demo (KIPP-PANEL, at its final finalist list) only when
 * `panel` is set, last year's KIPP (its results published, its finalists in the gallery) only when `lastYear`
 * is set: the tests written before them count the national KIPP's proposals per account, and each adds to
 * the seed's time.
 */
export async function startDemoServer(
  env: Record<string, string> = {},
  {
    demoLinks = false,
    selection = false,
    panel = false,
    lastYear = false,
  }: { demoLinks?: boolean; selection?: boolean; panel?: boolean; lastYear?: boolean } = {},
): Promise<E2EServer> {
  const server = await startServer(env);
  const { ctx } = server;
  await seedReferenceData(ctx.db);
  await seedDemo(ctx.db, ctx.clock, {
    dataDir: ctx.dataDir,
    storage: ctx.app.deps.storage,
    selection,
    panel,
    lastYear,
    ...(demoLinks ? { baseUrl: server.baseUrl } : {}),
  });
  // The seed's own mail (receipts and notices: over a hundred with the selection demo) goes out now, so a
  // test's mail is not queued behind it (the tests wait 10–20 s for theirs).
  while ((await ctx.deliverMail()).sent > 0);
  return server;
}

/** One Chromium whose pages each open in a fresh profile (own cookies and storage): Indonesian, WIB. */
export interface Profiles {
  browser: Browser;
  newPage: (viewport?: { width: number; height: number }, options?: BrowserContextOptions) => Promise<Page>;
  close: () => Promise<void>;
}

export async function openProfiles(): Promise<Profiles> {
  const browser = await launchBrowser();
  const contexts: BrowserContext[] = [];
  return {
    browser,
    newPage: async (viewport = { width: 1280, height: 900 }, options = {}) => {
      // bypassCSP only lets axe-core be injected; the app itself runs under its real policy otherwise.
      const context = await browser.newContext({
        viewport,
        locale: 'id-ID',
        timezoneId: 'Asia/Jakarta',
        bypassCSP: true,
        ...options,
      });
      contexts.push(context);
      return context.newPage();
    },
    close: async () => {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
    },
  };
}

/** Signs in through the login form and waits until the app has left the login page. */
export async function logIn(
  page: Page,
  baseUrl: string,
  email: string,
  password: string = DEMO_PASSWORD,
): Promise<void> {
  await page.goto(`${baseUrl}/masuk`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/masuk'));
}

/** Runs axe-core on the page and fails on any violation, whatever its impact (minor ones included). */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  // A notification or dialog still fading in is drawn at part opacity, which axe reads as low contrast:
  // let the finite transitions end first (spinners run forever and are not waited for).
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity),
      null,
      { timeout: 3000 },
    )
    .catch(() => undefined);
  await page.addScriptTag({ content: AXE_SOURCE });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<any> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  const violations = (
    result.violations as { id: string; impact: string; help: string; nodes: { target: string[] }[] }[]
  ).map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 5)
        .join(', ')}`,
  );
  expect(violations, `axe violations on ${label}`).toEqual([]);
}

/** Saves a full-page screenshot and checks the screen with axe-core. */
export async function shoot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`), fullPage: true });
  await expectAccessible(page, name);
}

/** The badges whose text is cut off on the page (shown with an ellipsis): a status must read whole. */
export function cutBadges(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.mantine-Badge-label')]
      .filter((e) => e.scrollWidth > e.clientWidth + 1)
      .map((e) => e.textContent ?? ''),
  );
}

/** The first http(s) link in a mail's text that points at the app. */
export function linkIn(text: string, baseUrl: string): string {
  const m = text.match(new RegExp(`${baseUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^\\s>"]+`));
  if (!m) throw new Error(`no link to ${baseUrl} in mail:\n${text}`);
  return m[0];
}

/** Picks an option of a Mantine Select whose label starts with `label`. */
export async function pick(page: Page, label: string, option: string): Promise<void> {
  // In an open dialog when there is one: the page behind it may have a field of the same name (a filter).
  const dialog = page.getByRole('dialog');
  const scope = (await dialog.count()) ? dialog.last() : page;
  await scope
    .getByLabel(new RegExp(`^${label}`))
    .first()
    .click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/**
 * The demo accounts of a browser flow, each in its own profile: `as` signs an account in once (per viewport)
 * and reuses its page in the later steps; `moveClockTo` has the system administrator set the server's clock on
 * the demo clock page (the field reads WIB, to the minute), after closing every signed-in page (their sessions
 * may lapse with the move: the next step signs in afresh).
 */
export function demoAccounts(server: () => E2EServer, profiles: () => Profiles, systemAdmin: string) {
  const pages = new Map<string, Page>();
  const closeAll = async () => {
    for (const page of pages.values()) await page.context().close();
    pages.clear();
  };
  return {
    async as(email: string, viewport?: { width: number; height: number }): Promise<Page> {
      const key = `${email}@${viewport?.width ?? 1280}`;
      const open = pages.get(key);
      if (open) return open;
      const page = await profiles().newPage(viewport);
      await logIn(page, server().baseUrl, email);
      pages.set(key, page);
      return page;
    },
    async moveClockTo(at: Date, shot: string): Promise<void> {
      await closeAll();
      const admin = await profiles().newPage();
      await logIn(admin, server().baseUrl, systemAdmin);
      await admin.getByRole('link', { name: 'Jam demo' }).click();
      await admin.getByRole('heading', { name: 'Jam demo', level: 1 }).waitFor();
      const wib = new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 16);
      await admin.getByLabel('Setel ke tanggal dan jam (WIB)').fill(wib);
      await admin.getByRole('button', { name: 'Setel waktu' }).click();
      await admin.getByText(/^Waktu server sekarang /).waitFor();
      await shoot(admin, shot);
      // Set to the minute (the field has no seconds), running from there.
      expect(Math.abs(server().ctx.clock.now().getTime() - at.getTime())).toBeLessThan(120_000);
      await admin.context().close();
    },
  };
}
