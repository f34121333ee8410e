import { builtinModules } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

/*
 * Readers for test/ops-docs.test.ts: what the code says (the variables config.ts reads, the metric names,
 * the CLI's commands) and what the operations docs and the deploy/ files say, so the test can compare them.
 */

export const root = path.resolve(import.meta.dirname, '../..');
export const read = (rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');

const NAME = '[A-Z][A-Z0-9_]*[A-Z0-9]';

/** Every environment variable src/config.ts reads: the keys of its schema, and every `e.NAME`/`env.NAME`. */
export function configVariables(): Set<string> {
  const source = read('src/config.ts');
  const schema = source.slice(source.indexOf('const envSchema = z.object({'));
  const body = schema.slice(0, schema.indexOf('\n});'));
  const names = new Set<string>();
  for (const m of body.matchAll(new RegExp(`^  (${NAME}):`, 'gm'))) names.add(m[1]);
  for (const m of source.matchAll(new RegExp(`\\b(?:e|env)\\.(${NAME})\\b`, 'g'))) names.add(m[1]);
  return names;
}

/** Variables read as `process.env.NAME` (or `['NAME']`) anywhere in the server's code (src/ but the web app). */
export function processEnvVariables(): Set<string> {
  const names = new Set<string>();
  for (const file of sourceFiles(path.join(root, 'src'))) {
    if (file.includes(`${path.sep}web${path.sep}`) || file.endsWith('.test.ts')) continue;
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(new RegExp(`process\\.env(?:\\.(${NAME})|\\[['"](${NAME})['"]\\])`, 'g')))
      names.add(m[1] ?? m[2]);
  }
  return names;
}

/** The first column of the table under the heading that starts with `heading` in a Markdown text. */
export function tableNames(markdown: string, heading: string): string[] {
  const start = markdown.indexOf(`\n${heading}`);
  if (start < 0) throw new Error(`no heading ${heading}`);
  const rest = markdown.slice(start + 1);
  const end = rest.indexOf('\n## ', 1);
  const section = end < 0 ? rest : rest.slice(0, end);
  return [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
}

/** NAME=value lines of an env file; `commented` also takes `#NAME=value` lines (documented, not set). */
export function envFile(text: string, { commented = false } = {}): Map<string, string> {
  const vars = new Map<string, string>();
  const line = new RegExp(`^${commented ? '#?' : ''}(${NAME})=(.*)$`);
  for (const raw of text.split('\n')) {
    const m = line.exec(raw.trim());
    if (m) vars.set(m[1], m[2]);
  }
  return vars;
}

/** Metric family names written in the metrics code (string literals). */
export function metricFamilies(): Map<string, string> {
  const families = new Map<string, string>();
  for (const rel of ['src/platform/metrics.ts', 'src/modules/metrics/routes.ts']) {
    const text = read(rel);
    const found = [...text.matchAll(/'((?:sinovik|process|nodejs)_[a-z0-9_]+)'/g)];
    found.forEach((m, i) => {
      // Its type is written before the next family's name (the gauge() helper writes none: a gauge).
      const own = text.slice(m.index, found[i + 1]?.index ?? text.length);
      const type = /type: '(counter|gauge|histogram)'/.exec(own)?.[1] ?? 'gauge';
      families.set(m[1], families.get(m[1]) ?? type);
    });
  }
  return families;
}

/** Metric names a text mentions (Sinovik's, the process's and Node's; not Prometheus' own like `up`). */
export const metricNamesIn = (text: string) =>
  new Set([...text.matchAll(/\b(?:sinovik|process|nodejs)_[a-z0-9_]+/g)].map((m) => m[0]));

/** A mentioned name resolved to its family: a histogram's `_bucket`, `_sum`, `_count` series are its own. */
export function familyOf(name: string, families: Map<string, string>): string | null {
  if (families.has(name)) return name;
  const base = name.replace(/_(bucket|sum|count)$/, '');
  return families.get(base) === 'histogram' ? base : null;
}

/** The commands (and sub-commands) the CLI's help lists, e.g. `serve`, `audit verify`. */
export function helpCommands(help: string): Set<string> {
  const commands = new Set<string>();
  for (const m of help.matchAll(/^ {2}([a-z][a-z-]*)(?: ([a-z][a-z-]*))?(?= )/gm)) {
    commands.add(m[1]);
    if (m[2]) commands.add(`${m[1]} ${m[2]}`);
  }
  return commands;
}

/** `sinovik <command>` as a text names it (in code quotes, after npx, or opening a shell line): its first word. */
export const sinovikCommandsIn = (text: string) =>
  new Set([...text.matchAll(/(?:`|npx |^\s*)sinovik ([a-z][a-z-]*)/gm)].map((m) => m[1]));

/** The package an import specifier names, or null for a relative path or a Node built-in. */
export function packageOf(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return null;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return builtinModules.includes(name) ? null : name;
}

/** Every package imported (statically or dynamically) by the files under `dir`, with one file naming it. */
export function importedPackages(files: string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const specifiers = [
      // import … from 'x' / export … from 'x' (the list may span lines; it holds no quotes)
      ...text.matchAll(/^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"\n]+)['"]/gm),
      ...text.matchAll(/^\s*import\s*['"]([^'"\n]+)['"]/gm),
      ...text.matchAll(/\bimport\(\s*['"]([^'"\n]+)['"]\s*\)/g),
    ];
    for (const m of specifiers) {
      const pkg = packageOf(m[1]);
      if (pkg && !found.has(pkg)) found.set(pkg, path.relative(root, file));
    }
  }
  return found;
}

/** TypeScript and JavaScript files under a folder, tests left out. */
export function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mjs|js)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

/** `Key=value` lines of a systemd unit (every occurrence of each key). */
export function unitSettings(text: string): Map<string, string[]> {
  const settings = new Map<string, string[]>();
  for (const raw of text.split('\n')) {
    const m = /^([A-Za-z]+)=(.*)$/.exec(raw.trim());
    if (m) settings.set(m[1], [...(settings.get(m[1]) ?? []), m[2]]);
  }
  return settings;
}
