import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/*
 * The web app's first load on a throttled phone, measured in Chromium (playwright-core, the Debian
 * chromium) with the DevTools protocol: Network.emulateNetworkConditions for the line,
 * Emulation.setCPUThrottlingRate for the phone's processor, a 412 × 823 mobile viewport, an empty cache.
 * Used by the bench's `web` phase (`npm run bench -- --only web`) and by test/e2e/loading.e2e.ts, which
 * records the same figures.
 */

export interface NetworkProfile {
  name: string;
  /** Added to every request (ms), as DevTools applies it. */
  latencyMs: number;
  downKbps: number;
  upKbps: number;
  cpuSlowdown: number;
  source: string;
}

/** Lighthouse's mobile profiles (lighthouse-core/config/constants.js), applied as DevTools throttling. */
export const PROFILES = {
  slow4g: {
    name: 'Slow 4G',
    latencyMs: 150,
    downKbps: 1600,
    upKbps: 750,
    cpuSlowdown: 4,
    source: 'Lighthouse mobileSlow4G: 150 ms RTT, 1.6 Mbps down, 750 kbps up, CPU 4× slower',
  },
  regular3g: {
    name: '3G',
    latencyMs: 300,
    downKbps: 700,
    upKbps: 700,
    cpuSlowdown: 4,
    source: 'Lighthouse mobileRegular3G: 300 ms RTT, 700 kbps down and up, CPU 4× slower',
  },
} satisfies Record<string, NetworkProfile>;

/** The goals of issue 10 for the home page's first load. */
export const WEB_GOALS = { firstRenderMs: 1500, jsBudgetBytes: 200 * 1000 };

export interface FirstLoad {
  profile: string;
  /** First contentful paint: the light shell when index.html has one, else the app's first render. */
  firstContentfulPaintMs: number | null;
  /** The home page's own content (its <h1>) on screen: from the prerendered shell (home.html), else React's. */
  homeContentMs: number | null;
  /** The app's first render (React replaced the shell, the home page's <h1> drawn by it) on screen. */
  appRenderedMs: number | null;
  /** The competitions listed (first card), when there are any. */
  competitionsMs: number | null;
  /** Whether the shell was painted before the app replaced it. */
  shellShown: boolean;
  /** Bytes received for scripts (compressed as sent, headers included), for everything, and requests. */
  jsBytes: number;
  totalBytes: number;
  requests: number;
  /** Content-Encoding of each script, e.g. { br: 6 }. */
  jsEncodings: Record<string, number>;
}

export function chromiumExecutable(): string {
  for (const p of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/lib/chromium/chromium']) {
    if (p && fs.existsSync(p)) return p;
  }
  throw new Error('Chromium not found: install the Debian package "chromium" (see .ci/run)');
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumExecutable(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-quic'],
  });
}

/** Runs in the page before its own scripts: records the paints and when the home page's content shows. */
const RECORDER = `(() => {
  const rec = (window.__sinovikLoad = { fcp: null, home: null, app: null, list: null, shell: false });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') rec.fcp = e.startTime;
    if (rec.fcp !== null && document.querySelector('#root .shell')) rec.shell = true;
  }).observe({ type: 'paint', buffered: true });
  // The frame after the one that drew it: two animation frames later the element has been painted. The
  // shell is marked shown once a paint happened while it was in the page (checked on each change and in the
  // paint observer).
  const painted = (key) => requestAnimationFrame(() => requestAnimationFrame(() => { rec[key] = performance.now(); }));
  const seen = {};
  const check = () => {
    const shell = document.querySelector('#root .shell');
    if (shell && rec.fcp !== null) rec.shell = true;
    if (!seen.home && document.querySelector('#root h1')) { seen.home = true; painted('home'); }
    if (!seen.app && !shell && document.querySelector('#root h1')) { seen.app = true; painted('app'); }
    if (!seen.list && document.querySelector('section[aria-labelledby="competitions-title"] article')) {
      seen.list = true; painted('list');
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', check);
})();`;

/** One cold first load of `url` on `profile` in a fresh browser context; waits until the page is quiet. */
export async function measureFirstLoad(
  browser: Browser,
  url: string,
  profile: NetworkProfile,
): Promise<FirstLoad> {
  const context = await browser.newContext({
    viewport: { width: 412, height: 823 },
    deviceScaleFactor: 1.75,
    isMobile: true,
    hasTouch: true,
    locale: 'id-ID',
  });
  try {
    const page = await context.newPage();
    await page.addInitScript(RECORDER);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: profile.latencyMs,
      downloadThroughput: (profile.downKbps * 1000) / 8,
      uploadThroughput: (profile.upKbps * 1000) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuSlowdown });
    const types = new Map<string, { type: string; encoding: string }>();
    let jsBytes = 0;
    let totalBytes = 0;
    let requests = 0;
    const jsEncodings: Record<string, number> = {};
    cdp.on('Network.responseReceived', (e) => {
      const headers = Object.fromEntries(
        Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]),
      );
      types.set(e.requestId, { type: e.type, encoding: headers['content-encoding'] ?? 'identity' });
    });
    cdp.on('Network.loadingFinished', (e) => {
      requests++;
      totalBytes += e.encodedDataLength;
      const t = types.get(e.requestId);
      if (t?.type === 'Script') {
        jsBytes += e.encodedDataLength;
        jsEncodings[t.encoding] = (jsEncodings[t.encoding] ?? 0) + 1;
      }
    });
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    // The app has rendered: the shell is gone and the home page's heading is React's.
    await page.waitForFunction(
      () => !document.querySelector('#root .shell') && document.querySelector('#root h1'),
      null,
      {
        timeout: 120_000,
      },
    );
    await page.waitForLoadState('networkidle', { timeout: 120_000 }).catch(() => undefined);
    // The competitions, when there are any, and the frame callbacks that time them (under the slowdown).
    await page
      .waitForSelector('section[aria-labelledby="competitions-title"] article', { timeout: 10_000 })
      .catch(() => undefined);
    await page.waitForTimeout(500);
    const rec = await page.evaluate(
      () =>
        (
          window as unknown as {
            __sinovikLoad: {
              fcp: number | null;
              home: number | null;
              app: number | null;
              list: number | null;
              shell: boolean;
            };
          }
        ).__sinovikLoad,
    );
    const round = (v: number | null) => (v === null ? null : Math.round(v));
    return {
      profile: profile.name,
      firstContentfulPaintMs: round(rec.fcp),
      // Not before the first paint: a heading in the HTML is in the page before anything is drawn.
      homeContentMs: round(rec.home === null ? null : Math.max(rec.home, rec.fcp ?? 0)),
      appRenderedMs: round(rec.app),
      competitionsMs: round(rec.list),
      shellShown: rec.shell,
      jsBytes,
      totalBytes,
      requests,
      jsEncodings,
    };
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : null;
};

/** `runs` cold loads; the median of each figure (bytes from the first run, they do not change). */
export async function measureProfile(
  browser: Browser,
  url: string,
  profile: NetworkProfile,
  runs: number,
): Promise<FirstLoad & { runs: FirstLoad[] }> {
  const all: FirstLoad[] = [];
  for (let i = 0; i < runs; i++) all.push(await measureFirstLoad(browser, url, profile));
  const pick = (key: 'firstContentfulPaintMs' | 'homeContentMs' | 'appRenderedMs' | 'competitionsMs') => {
    const xs = all.map((r) => r[key]).filter((v): v is number => v !== null);
    return xs.length === all.length ? median(xs) : null;
  };
  return {
    ...all[0]!,
    firstContentfulPaintMs: pick('firstContentfulPaintMs'),
    homeContentMs: pick('homeContentMs'),
    appRenderedMs: pick('appRenderedMs'),
    competitionsMs: pick('competitionsMs'),
    shellShown: all.every((r) => r.shellShown),
    runs: all,
  };
}

export interface WebRow {
  target: string;
  figure: string;
  goal: string;
  pass: boolean | null;
}

const ms = (v: number | null) => (v === null ? '-' : `${(v / 1000).toFixed(2)} s`);
const kb = (v: number) => `${(v / 1000).toFixed(1)} KB`;

/** The goal rows of the web phase (Slow 4G) and the 3G figures as a reference row. */
export function webRows(slow4g: FirstLoad, g3: FirstLoad | null): WebRow[] {
  const rows: WebRow[] = [
    {
      target: 'home: JS of the first load (compressed)',
      figure: `${kb(slow4g.jsBytes)} (${Object.entries(slow4g.jsEncodings)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')})`,
      goal: `≤ ${kb(WEB_GOALS.jsBudgetBytes)}`,
      pass: slow4g.jsBytes <= WEB_GOALS.jsBudgetBytes,
    },
    {
      target: 'home: first paint (shell), Slow 4G',
      figure: ms(slow4g.firstContentfulPaintMs),
      goal: `< ${ms(WEB_GOALS.firstRenderMs)}`,
      pass: slow4g.firstContentfulPaintMs !== null && slow4g.firstContentfulPaintMs < WEB_GOALS.firstRenderMs,
    },
    {
      target: 'home: page content painted, Slow 4G',
      figure: ms(slow4g.homeContentMs),
      goal: `< ${ms(WEB_GOALS.firstRenderMs)}`,
      pass: slow4g.homeContentMs !== null && slow4g.homeContentMs < WEB_GOALS.firstRenderMs,
    },
  ];
  rows.push({
    target: 'home: app rendered (React), Slow 4G',
    figure: ms(slow4g.appRenderedMs),
    goal: 'reported',
    pass: null,
  });
  if (g3)
    rows.push({
      target: 'home: first paint / content / app, 3G',
      figure: `${ms(g3.firstContentfulPaintMs)} / ${ms(g3.homeContentMs)} / ${ms(g3.appRenderedMs)}`,
      goal: 'reported',
      pass: null,
    });
  return rows;
}

/** Prints one profile's figures. */
export function describeLoad(r: FirstLoad & { runs?: FirstLoad[] }): string {
  const each = r.runs ? ` (runs: ${r.runs.map((x) => ms(x.appRenderedMs)).join(', ')})` : '';
  return (
    `${r.profile}: first paint ${ms(r.firstContentfulPaintMs)}${r.shellShown ? ' (the shell)' : ''}, ` +
    `home content ${ms(r.homeContentMs)}, app rendered ${ms(r.appRenderedMs)}${each}, ` +
    `competitions listed ${ms(r.competitionsMs)}; ` +
    `${r.requests} requests, ${kb(r.totalBytes)} received, ${kb(r.jsBytes)} of scripts`
  );
}
