import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, repoRoot, startServer } from './server.js';
import {
  describeLoad,
  launchChromium,
  measureProfile,
  PROFILES,
  webRows,
  type FirstLoad,
  type WebRow,
} from './web.js';

export interface WebPhaseResult {
  url: string;
  profiles: {
    slow4g: FirstLoad & { runs: FirstLoad[] };
    regular3g: (FirstLoad & { runs: FirstLoad[] }) | null;
  };
  rows: WebRow[];
}

/** Measures the home page at `url` on Slow 4G (the goal) and on 3G (reported), `runs` cold loads each. */
export async function webPhase(opts: {
  url: string;
  runs: number;
  log: (line: string) => void;
}): Promise<WebPhaseResult> {
  const browser = await launchChromium();
  try {
    opts.log(`  ${PROFILES.slow4g.source}; 3G: ${PROFILES.regular3g.source}`);
    const slow4g = await measureProfile(browser, opts.url, PROFILES.slow4g, opts.runs);
    opts.log(`  ${describeLoad(slow4g)}`);
    const regular3g = await measureProfile(browser, opts.url, PROFILES.regular3g, opts.runs);
    opts.log(`  ${describeLoad(regular3g)}`);
    return { url: opts.url, profiles: { slow4g, regular3g }, rows: webRows(slow4g, regular3g) };
  } finally {
    await browser.close();
  }
}

/**
 * `npm run bench -- --only web [--url U] [--runs N]`: the web phase alone, in under two minutes. Without
 * --url it starts `sinovik start` (builds the web app when it is missing or stale, loads the demo into a
 * fresh SQLite database) on 127.0.0.1; with --url it measures a server already running (e.g. an older
 * version, for a before/after). Prints the figures and PASS/FAIL per goal; answers the exit code.
 */
export async function runWebOnly(opts: { url?: string; runs: number; keep: boolean }): Promise<number> {
  const log = (line: string) => console.log(line);
  log(`Sinovik benchmark — web phase only (${new Date().toISOString()})`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sinovik-bench-web-'));
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  let url = opts.url;
  try {
    if (!url) {
      const port = await freePort();
      log(`\n▶ server: sinovik start on a fresh SQLite database with the demo (work folder ${tmp})`);
      server = await startServer({
        name: 'sinovik',
        script: 'src/main.ts',
        args: ['start'],
        port,
        readyPath: '/api/health',
        logFile: path.join(tmp, 'sinovik.log'),
        env: {
          DATABASE_URL: `sqlite:${path.join(tmp, 'sinovik.sqlite')}`,
          DATA_DIR: path.join(tmp, 'data'),
          PORT: String(port),
          HOST: '127.0.0.1',
          BASE_URL: `http://127.0.0.1:${port}`,
          SESSION_SECRET: 'bench-secret-bench-secret-bench-secret-0123456789',
          LOG_LEVEL: 'warn',
          NODE_ENV: 'production',
        },
      });
      url = `http://127.0.0.1:${port}/`;
    }
    log(`\n▶ web: the home page's first load, ${opts.runs} cold loads per profile, at ${url}`);
    const result = await webPhase({ url, runs: opts.runs, log });
    const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
    log('\n══ Sinovik benchmark: web ' + '═'.repeat(84));
    log(`${pad('target', 40)} ${pad('figure', 40)} ${pad('goal', 14)} result`);
    for (const r of result.rows)
      log(
        `${pad(r.target, 40)} ${pad(r.figure, 40)} ${pad(r.goal, 14)} ${r.pass === null ? 'INFO' : r.pass ? 'PASS' : 'FAIL'}`,
      );
    const outDir = path.join(repoRoot, 'bench-results');
    fs.mkdirSync(outDir, { recursive: true });
    const outFile = path.join(outDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-web.json`);
    fs.writeFileSync(outFile, JSON.stringify(result, null, 2) + '\n');
    log(`\nfigures written to ${path.relative(process.cwd(), outFile)}`);
    return result.rows.some((r) => r.pass === false) ? 1 : 0;
  } finally {
    await server?.stop();
    if (opts.keep) log(`work folder kept: ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
}
