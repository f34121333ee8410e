/*
 * One side of a shared passage as the page shows it: the passage itself (to be marked) and a little of the
 * answer around it, cut at a word boundary with an ellipsis, so the two sides can be read side by side.
 * Pure: no I/O.
 */

export interface Snippet {
  before: string;
  shared: string;
  after: string;
}

/** Characters of context on each side of the passage. */
export const CONTEXT_CHARS = 160;

export function snippetOf(text: string, start: number, end: number, context = CONTEXT_CHARS): Snippet {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  let from = Math.max(0, s - context);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    from = space >= 0 && space < s ? space + 1 : s;
  }
  let to = Math.min(text.length, e + context);
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    to = space > e ? space : e;
  }
  return {
    before: (from > 0 ? '… ' : '') + text.slice(from, s),
    shared: text.slice(s, e),
    after: text.slice(e, to) + (to < text.length ? ' …' : ''),
  };
}
