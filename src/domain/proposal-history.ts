/*
 * Reading a proposal's history (revisions.ts): the numbers people see, and which two versions answer
 * "what changed since it was returned". Pure.
 */

export interface HistoryEntry {
  id: number;
  kind: 'autosave' | 'transition';
  action: string | null;
}

/**
 * The version numbers shown: 1 for the oldest entry, counting up without gaps. The stored `version` is the
 * proposal's save counter (every autosave moves it, and autosaves within a minute share one entry), so it
 * skips; people compare "versi 3" with "versi 4", not with an internal counter.
 */
export function versionNumbers(entries: readonly HistoryEntry[]): Map<number, number> {
  const oldestFirst = [...entries].sort((a, b) => a.id - b.id);
  return new Map(oldestFirst.map((e, i) => [e.id, i + 1]));
}

/**
 * The latest return and the first send after it (the resend), or null when the proposal was never
 * returned or has not been sent again since.
 */
export function sinceLastReturn(
  entries: readonly HistoryEntry[],
): { returnId: number; resendId: number } | null {
  const oldestFirst = [...entries].sort((a, b) => a.id - b.id);
  const isTransition = (e: HistoryEntry, action: string) => e.kind === 'transition' && e.action === action;
  const lastReturn = oldestFirst.findLast((e) => isTransition(e, 'return'));
  if (!lastReturn) return null;
  const resend = oldestFirst.find((e) => e.id > lastReturn.id && isTransition(e, 'send'));
  return resend ? { returnId: lastReturn.id, resendId: resend.id } : null;
}
