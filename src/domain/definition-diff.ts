import type { CompetitionDefinition } from './competition-template.js';

/*
 * What changed between two versions of a competition definition, for the audit row and the amendment
 * notice of a published competition (modules/competitions/commands/update-competition.ts).
 */

/** What changed in one keyed list: keys added, removed, and kept keys whose fields changed (with their names). */
export interface ListChange {
  added: string[];
  removed: string[];
  changed: Record<string, string[]>;
}

export interface DefinitionChange {
  /** Top-level fields that changed, with their values before and after. */
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  categories: ListChange;
  groups: ListChange;
  /** Form changes per kept group key. */
  sections: Record<string, ListChange>;
  stages: ListChange;
}

function diffList<T extends object>(
  before: T[],
  after: T[],
  keyOf: (item: T) => string,
  ignore: string[] = [],
): ListChange {
  const b = new Map(before.map((x, i) => [keyOf(x), { x, i }]));
  const a = new Map(after.map((x, i) => [keyOf(x), { x, i }]));
  const changed: Record<string, string[]> = {};
  for (const [k, { x, i }] of a) {
    const old = b.get(k);
    if (!old) continue;
    const fields = Object.keys(x).filter(
      (f) =>
        !ignore.includes(f) &&
        JSON.stringify((x as Record<string, unknown>)[f]) !==
          JSON.stringify((old.x as Record<string, unknown>)[f]),
    );
    if (old.i !== i) fields.push('position');
    if (fields.length) changed[k] = fields;
  }
  return {
    added: [...a.keys()].filter((k) => !b.has(k)),
    removed: [...b.keys()].filter((k) => !a.has(k)),
    changed,
  };
}

const isEmptyChange = (c: ListChange) =>
  !c.added.length && !c.removed.length && !Object.keys(c.changed).length;

/** A compact summary of what an edit changes, for the audit trail. */
export function diffDefinitions(
  before: CompetitionDefinition,
  after: CompetitionDefinition,
): DefinitionChange {
  const top = ['code', 'name', 'year', 'theme', 'description', 'timeZone', 'settings'] as const;
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const f of top) {
    if (JSON.stringify(before[f]) !== JSON.stringify(after[f])) {
      b[f] = before[f];
      a[f] = after[f];
    }
  }
  const sections: Record<string, ListChange> = {};
  for (const g of after.groups) {
    const old = before.groups.find((x) => x.key === g.key);
    if (!old) continue;
    const change = diffList(old.sections, g.sections, (s) => s.key);
    if (!isEmptyChange(change)) sections[g.key] = change;
  }
  return {
    before: b,
    after: a,
    categories: diffList(before.categories, after.categories, (c) => c.key),
    groups: diffList(before.groups, after.groups, (g) => g.key, ['sections']),
    sections,
    stages: diffList(before.stages, after.stages, (s) => s.kind),
  };
}
