#!/usr/bin/env node
// The README's test command. Runs the import-boundary check (dependency-cruiser, rules in
// .dependency-cruiser.cjs), the type check, lint and format checks, then the Vitest suites
// against a real database (SQLite by default; PostgreSQL when DATABASE_URL is a postgres URL), and
// prints one plain closing line "N passed, N failed" that CI reads. `--e2e` builds the web app, checks its
// byte budget (scripts/check-bundle.mjs) and runs the Chromium suite; without it the budget is checked
// when a build is there (dist/web with Vite's manifest).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const e2e = process.argv.includes('--e2e');
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
let passed = 0;
let failed = 0;

function run(label, cmd, args) {
  console.log(`\n▶ ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  return r.status === 0;
}

function check(label, cmd, args, hint = '') {
  if (run(label, cmd, args)) passed++;
  else {
    failed++;
    console.log(`✗ ${label} failed${hint}`);
  }
}

const bin = (name) => path.join('node_modules', '.bin', name);

if (!e2e) {
  // First, and quick: a wrong import (a rule of the layout broken) fails the run, naming the rule and the import.
  check(
    'import boundaries',
    bin('depcruise'),
    ['src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err-long'],
    ': the imports listed above break the rules of .dependency-cruiser.cjs (docs/ARCHITECTURE.md "Module boundaries")',
  );
  check('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
  check('lint', bin('eslint'), ['.']);
  check('format', bin('prettier'), ['--check', '.']);
  if (fs.existsSync(path.join('dist', 'web', '.vite', 'manifest.json')))
    check('web app byte budget (the build in dist/web)', process.execPath, ['scripts/check-bundle.mjs']);
} else {
  check('build web app', bin('vite'), ['build', '--logLevel', 'warn']);
  check('web app byte budget', process.execPath, ['scripts/check-bundle.mjs']);
}

const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sinovik-vitest-')), 'report.json');
const config = e2e ? 'vitest.e2e.config.ts' : 'vitest.config.ts';
run(
  e2e
    ? 'browser tests (Chromium)'
    : `tests (${/^postgres/.test(env.DATABASE_URL ?? '') ? 'PostgreSQL' : 'SQLite'})`,
  bin('vitest'),
  ['run', '--config', config, '--reporter=default', '--reporter=json', `--outputFile=${out}`],
);
if (fs.existsSync(out)) {
  const report = JSON.parse(fs.readFileSync(out, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A file that failed to load counts as a failure even though it ran no test.
  const brokenFiles = report.testResults.filter(
    (f) => f.status === 'failed' && f.assertionResults.length === 0,
  );
  failed += brokenFiles.length;
  if (report.numTotalTests === 0) {
    console.log('no test ran');
    failed++;
  }
} else {
  console.log('vitest wrote no report');
  failed++;
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
