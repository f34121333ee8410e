/*
 * A highlighted snippet: the window of a text's words that holds the most of a query's terms, cut from the
 * text as written and returned as segments {text, hit} — the UI renders them as text (a hit in <mark>),
 * never as HTML. A word is a hit when its analyzed terms meet the query's (analyze.ts), so "pelayanan" is
 * highlighted for the query "layanan", "RSUD" for "rumah sakit", and "Rumah Sakit Umum Daerah" for "RSUD".
 * Pure, linear in the text.
 */
import { namesIn, units, type Unit } from './analyze.js';

export interface Segment {
  readonly text: string;
  readonly hit: boolean;
}

/** Words in a snippet. */
export const SNIPPET_WORDS = 24;
/** Words kept before the first hit of the window, for context. */
const LEAD = 4;
export const ELLIPSIS = '…';

/**
 * The best window of `size` words for the query terms: the most distinct terms, then the most hits, then
 * the earliest. Without any hit, the text's first words, nothing highlighted. Empty text → [].
 */
export function snippet(text: string, queryTerms: readonly string[], size = SNIPPET_WORDS): Segment[] {
  const list = units(text);
  if (!list.length) return [];
  const wanted = new Set(queryTerms);
  const hits = list.map((unit) => unit.terms.filter((t) => wanted.has(t)));
  // A name written in full is a hit for its abbreviation ("Rumah Sakit Umum Daerah" for "RSUD").
  for (const name of namesIn(list))
    if (wanted.has(name.key)) for (let i = name.from; i < name.to; i++) hits[i]?.push(name.key);
  const width = Number.isFinite(size) ? Math.max(1, Math.floor(size)) : SNIPPET_WORDS;
  let bestStart = 0;
  let best = { distinct: 0, count: 0 };
  hits.forEach((found, i) => {
    if (!found.length) return;
    const start = Math.max(0, i - LEAD);
    if (start === bestStart && best.count > 0) return;
    const score = windowScore(hits, start, width);
    if (score.distinct > best.distinct || (score.distinct === best.distinct && score.count > best.count)) {
      best = score;
      bestStart = start;
    }
  });
  return segments(text, list, hits, bestStart, Math.min(list.length, bestStart + width));
}

function windowScore(hits: readonly string[][], start: number, width: number) {
  const distinct = new Set<string>();
  let count = 0;
  for (let i = start; i < Math.min(hits.length, start + width); i++) {
    const found = hits[i] ?? [];
    if (found.length) count++;
    for (const t of found) distinct.add(t);
  }
  return { distinct: distinct.size, count };
}

function segments(
  text: string,
  list: readonly Unit[],
  hits: readonly string[][],
  start: number,
  end: number,
): Segment[] {
  const out: Segment[] = [];
  const push = (piece: string, hit: boolean) => {
    const clean = piece.replace(/\s+/g, ' ');
    if (!clean) return;
    const last = out[out.length - 1];
    if (last && last.hit === hit) out[out.length - 1] = { text: last.text + clean, hit };
    else out.push({ text: clean, hit });
  };
  const first = list[start];
  const lastUnit = list[end - 1];
  if (!first || !lastUnit) return out;
  if (start > 0) push(`${ELLIPSIS} `, false);
  let at = first.start;
  for (let i = start; i < end; i++) {
    const unit = list[i];
    if (!unit || !hits[i]?.length) continue;
    const gap = text.slice(at, unit.start);
    // Hits apart only by spaces are one highlight ("Rumah Sakit Umum Daerah").
    push(gap, at > first.start && out[out.length - 1]?.hit === true && !gap.trim());
    push(text.slice(unit.start, unit.end), true);
    at = unit.end;
  }
  // The text up to the end of the last word, and what sticks to it ("desa.", "warga)").
  const stuck = /^\S*/.exec(text.slice(lastUnit.end, lastUnit.end + 40))?.[0] ?? '';
  push(text.slice(at, lastUnit.end + stuck.length), false);
  if (end < list.length) push(` ${ELLIPSIS}`, false);
  return out;
}
