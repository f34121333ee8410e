import { useCallback, useEffect, useRef, useState } from 'react';
import type { SaveEvaluationResult, ScoringView } from '../../../contracts/review.js';
import { api, ApiError, type FieldProblem } from '../../api/client.js';

/** One criterion as the form holds it: the value as typed (text), the comment, whether the evidence supports it. */
export interface ScoreEntry {
  value: string;
  comment: string;
  evidenceSupports: boolean | null;
}
export type Entries = Record<number, ScoreEntry>;
export type ScoreSaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'offline' | 'conflict' | 'error';

interface LocalCopy {
  /** The server version the entries were typed on. */
  version: number;
  at: string;
  entries: Entries;
}

const DEBOUNCE_MS = 1200;
const keyOf = (assignmentId: number) => `sinovik.evaluation.${assignmentId}`;

function readLocal(id: number): LocalCopy | null {
  try {
    const raw = localStorage.getItem(keyOf(id));
    return raw ? (JSON.parse(raw) as LocalCopy) : null;
  } catch {
    return null;
  }
}
function writeLocal(id: number, copy: LocalCopy) {
  try {
    localStorage.setItem(keyOf(id), JSON.stringify(copy));
  } catch {
    // A full or blocked storage only loses the offline safety net.
  }
}
export function clearLocalScores(id: number) {
  try {
    localStorage.removeItem(keyOf(id));
  } catch {
    // ignored
  }
}

function entriesFromView(view: ScoringView): Entries {
  const out: Entries = {};
  for (const c of view.criteria) {
    const s = view.evaluation.scores.find((x) => x.criterionId === c.id);
    out[c.id] = {
      value: s?.value === null || s?.value === undefined ? '' : String(s.value),
      comment: s?.comment ?? '',
      evidenceSupports: s?.evidenceSupports ?? null,
    };
  }
  return out;
}

const same = (a: Entries, b: Entries) => JSON.stringify(a) === JSON.stringify(b);

/** The number typed, or null when empty; NaN stays NaN so the server names it. */
export const numberOf = (text: string): number | null =>
  text.trim() === '' ? null : Number(text.replace(',', '.'));

/**
 * The scoring form's autosave, as the proposal editor's: every change is kept in localStorage at once and
 * PUT ~1.2 s after typing stops with the version last saved. A network failure or an expired session keeps
 * the entries on the device (restored on the next visit when typed on the current server version, so
 * nothing is lost when the session expires mid-score); a 409 evaluation_changed waits for a reload; a 400
 * names the criterion whose value is out of range.
 */
export function useScoreAutosave(view: ScoringView, enabled: boolean) {
  const id = view.assignmentId;
  const [entries, setEntries] = useState<Entries>(() => {
    const server = entriesFromView(view);
    const local = readLocal(id);
    return enabled && local && local.version === view.evaluation.version && !same(local.entries, server)
      ? { ...server, ...local.entries }
      : server;
  });
  const [restored] = useState(() => {
    const local = readLocal(id);
    return (
      enabled &&
      local !== null &&
      local.version === view.evaluation.version &&
      !same(local.entries, entriesFromView(view))
    );
  });
  const version = useRef(view.evaluation.version);
  const [status, setStatus] = useState<ScoreSaveStatus>(restored ? 'pending' : 'idle');
  const [savedAt, setSavedAt] = useState<string | null>(view.evaluation.updatedAt);
  const [total, setTotal] = useState<number | null>(view.evaluation.total);
  const [fields, setFields] = useState<Record<string, FieldProblem>>({});
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(entries);
  useEffect(() => {
    latest.current = entries;
  }, [entries]);

  const save = useCallback(async (): Promise<boolean> => {
    if (!enabled) return false;
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const sent = latest.current;
    setStatus('saving');
    try {
      const res = await api<SaveEvaluationResult>('PUT', `/review/assignments/${id}/evaluation`, {
        version: version.current,
        scores: Object.entries(sent).map(([criterionId, e]) => ({
          criterionId: Number(criterionId),
          value: numberOf(e.value),
          comment: e.comment.trim() === '' ? null : e.comment,
          evidenceSupports: e.evidenceSupports,
        })),
      });
      version.current = res.version;
      setSavedAt(res.savedAt);
      setTotal(res.total);
      setFields({});
      if (same(latest.current, sent)) {
        clearLocalScores(id);
        setStatus('saved');
      } else {
        writeLocal(id, { version: res.version, at: new Date().toISOString(), entries: latest.current });
        setStatus('pending');
      }
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.code === 'evaluation_changed')
        setStatus('conflict');
      else if (err instanceof ApiError && err.status === 400) {
        setFields(err.fields);
        setStatus('error');
      } else if (err instanceof ApiError && err.status !== 0 && err.status !== 401) setStatus('error');
      else setStatus('offline');
      return false;
    }
  }, [enabled, id]);

  const change = useCallback(
    (criterionId: number, patch: Partial<ScoreEntry>) => {
      setEntries((prev) => {
        const next = { ...prev, [criterionId]: { ...prev[criterionId], ...patch } };
        latest.current = next;
        writeLocal(id, { version: version.current, at: new Date().toISOString(), entries: next });
        return next;
      });
      setStatus('pending');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), DEBOUNCE_MS);
    },
    [id, save],
  );

  // A restored copy is saved at once; a pending save is flushed when the page goes away.
  useEffect(() => {
    if (restored) void save();
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [restored, save]);

  return { entries, change, save, status, savedAt, total, fields, restored, version };
}
