import { diffWordsWithSpace } from 'diff';
import { DIFF_FIELDS, type DiffField } from './proposal-diff-fields.js';

/*
 * What changed between two versions of a proposal, word by word (jsdiff's `diffWordsWithSpace`: words,
 * spaces and line breaks are tokens, so the text reads back exactly as typed). Pure: the caller gives the
 * two versions as kept in the history (revisions.ts, snapshot.ts), the result says per field, per section
 * of the form and for the evidence what was removed, what was added and what stayed.
 */

/** One run of the compared text: kept, removed from the older version, or added in the newer. */
export interface DiffPart {
  op: 'same' | 'del' | 'ins';
  text: string;
}

export interface TextDiff {
  /** The field name (title, contactPhone, …) or the form section's key. */
  key: string;
  changed: boolean;
  /** The runs in reading order; for an unchanged value one 'same' run (none when both are empty). */
  parts: DiffPart[];
}

export interface EvidenceItem {
  kind: string;
  sectionKey: string | null;
  name: string;
  size: number;
  sha256: string;
}

export interface ProposalDiff {
  fields: TextDiff[];
  answers: TextDiff[];
  evidence: { added: EvidenceItem[]; removed: EvidenceItem[]; kept: EvidenceItem[] };
  /** Fields + sections + evidence files that differ: 0 means the two versions are the same. */
  changedCount: number;
}

/**
 * Fields whose value is a code, not prose (a category key, a yes/no, an award id): compared as a whole,
 * the older value removed and the newer added, so the page can name each value in the reader's language.
 */
const WHOLE_VALUE: ReadonlySet<DiffField> = new Set([
  'categoryKey',
  'innovatorKind',
  'implementationStart',
  'declarationAccepted',
  'sourceAwardId',
]);

/** A text beyond this many edits is shown as replaced as a whole rather than searched word by word. */
const MAX_EDIT_LENGTH = 5_000;

/** Word-level diff of two texts. */
export function wordDiff(before: string, after: string): DiffPart[] {
  if (before === after) return before ? [{ op: 'same', text: before }] : [];
  const changes = diffWordsWithSpace(before, after, { maxEditLength: MAX_EDIT_LENGTH });
  if (!changes) return wholeValue(before, after);
  return changes
    .filter((c) => c.value !== '')
    .map((c) => ({ op: c.added ? 'ins' : c.removed ? 'del' : 'same', text: c.value }));
}

function wholeValue(before: string, after: string): DiffPart[] {
  if (before === after) return before ? [{ op: 'same', text: before }] : [];
  const parts: DiffPart[] = [];
  if (before) parts.push({ op: 'del', text: before });
  if (after) parts.push({ op: 'ins', text: after });
  return parts;
}

/** A snapshot's value as text: links one "label url" per line, yes/no as "true"/"false", none as "". */
function textOf(snapshot: Record<string, unknown>, key: DiffField): string {
  const v = snapshot[key];
  if (key === 'links')
    return Array.isArray(v)
      ? v
          .map((l: { label?: unknown; url?: unknown }) => `${String(l?.label ?? '')} ${String(l?.url ?? '')}`)
          .join('\n')
      : '';
  if (v === null || v === undefined) return '';
  return String(v);
}

function answersOf(snapshot: Record<string, unknown>): Record<string, string> {
  const a = snapshot.answers;
  if (!a || typeof a !== 'object') return {};
  return Object.fromEntries(
    Object.entries(a as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' ? v : '']),
  );
}

function evidenceOf(snapshot: Record<string, unknown>): EvidenceItem[] {
  const a = snapshot.attachments;
  return Array.isArray(a) ? (a as EvidenceItem[]) : [];
}

const evidenceKey = (e: EvidenceItem) => `${e.sectionKey ?? ''}\u0000${e.sha256}\u0000${e.name}`;

/**
 * Compares two versions as the history keeps them (`from` the older). `sectionOrder`: the form's section
 * keys in their order; sections found only in a version come after, in key order.
 */
export function compareSnapshots(
  from: Record<string, unknown>,
  to: Record<string, unknown>,
  sectionOrder: readonly string[] = [],
): ProposalDiff {
  const fields = DIFF_FIELDS.map((key): TextDiff => {
    const a = textOf(from, key);
    const b = textOf(to, key);
    return { key, changed: a !== b, parts: WHOLE_VALUE.has(key) ? wholeValue(a, b) : wordDiff(a, b) };
  });
  const fa = answersOf(from);
  const ta = answersOf(to);
  const known = new Set(sectionOrder);
  const extra = [...new Set([...Object.keys(fa), ...Object.keys(ta)])].filter((k) => !known.has(k)).sort();
  const answers = [...sectionOrder, ...extra].map((key): TextDiff => {
    const a = fa[key] ?? '';
    const b = ta[key] ?? '';
    return { key, changed: a !== b, parts: wordDiff(a, b) };
  });
  const fe = evidenceOf(from);
  const te = evidenceOf(to);
  const inFrom = new Set(fe.map(evidenceKey));
  const inTo = new Set(te.map(evidenceKey));
  const evidence = {
    added: te.filter((e) => !inFrom.has(evidenceKey(e))),
    removed: fe.filter((e) => !inTo.has(evidenceKey(e))),
    kept: te.filter((e) => inFrom.has(evidenceKey(e))),
  };
  const changedCount =
    fields.filter((f) => f.changed).length +
    answers.filter((s) => s.changed).length +
    evidence.added.length +
    evidence.removed.length;
  return { fields, answers, evidence, changedCount };
}
