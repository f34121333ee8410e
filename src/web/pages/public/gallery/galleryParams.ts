/*
 * The gallery's search in the address (/galeri?q=…&year=…): a search is linkable and Back returns to it.
 * The names are the API's (GET /api/public/gallery), so the address is passed on as it is.
 */

export const FILTER_KEYS = [
  'year',
  'competitionId',
  'category',
  'group',
  'award',
  'province',
  'participantType',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

const KEPT = ['q', ...FILTER_KEYS, 'sort', 'page'] as const;

/** The API's query from the page's address: only the names it knows, blanks dropped. */
export function apiQuery(params: URLSearchParams): string {
  const out = new URLSearchParams();
  for (const k of KEPT) {
    const v = params.get(k)?.trim();
    if (v) out.set(k, v);
  }
  return out.toString();
}

/** The address after a change: a new search or filter starts again at page 1. */
export function withParam(params: URLSearchParams, key: string, value: string): URLSearchParams {
  const next = new URLSearchParams(params);
  if (value.trim()) next.set(key, value.trim());
  else next.delete(key);
  if (key !== 'page') next.delete('page');
  return next;
}

/** Only the filters of the page's address, as the API takes them (statistics and open data). */
export function filterQuery(params: URLSearchParams): string {
  const out = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = params.get(k)?.trim();
    if (v) out.set(k, v);
  }
  return out.toString();
}
