import type { z } from 'zod';
import { proposalLinkSchema, saveProposalBody, type SaveProposalBody } from '../../contracts/proposals.js';
import type { FieldProblem } from '../../domain/errors.js';
import { issueText } from '../../platform/http-errors.js';

/*
 * The autosave's body, field by field: one bad field (a link typed without https://) is refused on its own
 * and keeps its stored value, while every other field of the same save is stored. Each field is checked
 * against its own schema in `saveProposalBody` (contracts), so the rules stay written once.
 */

type Link = z.infer<typeof proposalLinkSchema>;

/** A refused field as kept on the proposal (`rejected_fields`): the reason and the value as typed. */
export interface RejectedField extends FieldProblem {
  /** The refused input as sent, or null when it is too long to keep. */
  value: unknown;
}
export type RejectedFields = Record<string, RejectedField>;

/** The body's fields that are stored as they are (links and answers are checked item by item). */
type PlainKey = Exclude<keyof SaveProposalBody, 'version' | 'links' | 'answers'>;
const PLAIN_KEYS = Object.keys(saveProposalBody.shape).filter(
  (k) => k !== 'version' && k !== 'links' && k !== 'answers',
) as PlainKey[];
const answerSchema = saveProposalBody.shape.answers.unwrap().element;

/** A refused value is kept to show it again only while it is short (a link, a title, a date). */
const KEPT_VALUE_CHARS = 2000;
const keptValue = (v: unknown) => {
  const json = JSON.stringify(v);
  return json !== undefined && json.length <= KEPT_VALUE_CHARS ? v : null;
};

function refusal(error: z.ZodError, value: unknown): RejectedField {
  const issue = error.issues[0] as Parameters<typeof issueText>[0];
  const text = issueText(issue);
  // "Required" reads better than "too small" for an emptied text that must have one character.
  const code =
    issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1
      ? 'required'
      : text.code;
  return { code, message: text.message, value: keptValue(value) };
}

export interface CheckedSave {
  /** The fields that passed, shaped as the body's type (the links and answers without their refused items). */
  body: Omit<SaveProposalBody, 'links'>;
  /**
   * The links as sent, each valid one as it is and each refused one as the label it was typed under (null
   * when the label itself is not one), so the link stored under that label can be kept in its place.
   */
  links?: (Link | { refusedLabel: string | null })[];
  rejected: RejectedFields;
  /** What this save speaks for: the top-level fields sent and "sections.<key>" of each answer sent. */
  sent: Set<string>;
}

/** Checks every field of an autosave on its own: what passes is in `body`, what does not in `rejected`. */
export function checkSaveFields(raw: Record<string, unknown> & { version: number }): CheckedSave {
  const body: Omit<SaveProposalBody, 'links'> = { version: raw.version };
  const rejected: RejectedFields = {};
  const sent = new Set<string>();
  for (const k of PLAIN_KEYS) {
    const value = raw[k];
    if (value === undefined) continue;
    sent.add(k);
    const r = saveProposalBody.shape[k].safeParse(value);
    if (r.success) (body as Record<string, unknown>)[k] = r.data;
    else rejected[k] = refusal(r.error, value);
  }

  let links: CheckedSave['links'];
  if (raw.links !== undefined) {
    sent.add('links');
    const list = saveProposalBody.shape.links.safeParse(raw.links);
    if (list.success) links = list.data;
    else if (!Array.isArray(raw.links) || raw.links.length > 20)
      rejected.links = refusal(list.error, raw.links);
    else
      links = raw.links.map((item: unknown, i) => {
        const r = proposalLinkSchema.safeParse(item);
        if (r.success) return r.data;
        rejected[`links.${i}`] = refusal(r.error, item);
        const label = (item as { label?: unknown } | null)?.label;
        return { refusedLabel: typeof label === 'string' ? label.trim() : null };
      });
  }

  if (raw.answers !== undefined) {
    sent.add('answers');
    const list = saveProposalBody.shape.answers.safeParse(raw.answers);
    if (list.success) {
      body.answers = list.data;
      for (const a of list.data ?? []) sent.add(`sections.${a.sectionKey}`);
    } else if (!Array.isArray(raw.answers) || raw.answers.length > 50)
      rejected.answers = refusal(list.error, raw.answers);
    else {
      body.answers = [];
      raw.answers.forEach((item: unknown, i) => {
        const r = answerSchema.safeParse(item);
        const key = (item as { sectionKey?: unknown } | null)?.sectionKey;
        const field = typeof key === 'string' && key !== '' ? `sections.${key}` : `answers.${i}`;
        sent.add(field);
        if (r.success) body.answers!.push(r.data);
        else rejected[field] = refusal(r.error, (item as { text?: unknown } | null)?.text ?? item);
      });
    }
  }
  return { body, links, rejected, sent };
}

/**
 * The links to store: each valid link sent, and for each refused one the link stored before under the same
 * label (a refused link keeps its stored value).
 */
export function mergeLinks(sent: NonNullable<CheckedSave['links']>, stored: readonly Link[]): Link[] {
  return sent.flatMap((l) => {
    if (!('refusedLabel' in l)) return [l];
    const before = l.refusedLabel === null ? undefined : stored.find((s) => s.label === l.refusedLabel);
    return before ? [before] : [];
  });
}

/** The refusals kept on a proposal ('' = none). */
export function parseRejected(json: string): RejectedFields {
  if (!json) return {};
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as RejectedFields) : {};
  } catch {
    return {};
  }
}

/**
 * The refusals to keep after a save: the earlier ones of fields this save did not send, and this save's.
 * A field sent and stored drops its refusal.
 */
export function nextRejected(stored: string, check: CheckedSave, refusedNow: RejectedFields): string {
  const kept = Object.entries(parseRejected(stored)).filter(([k]) => {
    const head = k.startsWith('sections.') ? k : k.split('.')[0];
    return !check.sent.has(head);
  });
  const all = [...kept, ...Object.entries(refusedNow)];
  return all.length ? JSON.stringify(Object.fromEntries(all)) : '';
}
