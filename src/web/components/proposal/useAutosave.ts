import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../../api/client.js';
import type { ProposalDetail } from '../../../contracts/proposals.js';
import { bodyOf, draftFromDetail, draftFromServerCopy, type Draft, type Refusal } from './draft.js';

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'offline' | 'conflict' | 'error';

interface SaveAnswer {
  version: number;
  savedAt: string;
  completeness: Completeness;
  rejected: Record<string, Refusal>;
}

type Completeness = ProposalDetail['completeness'];

interface LocalCopy {
  /** The server version the text was typed on. */
  version: number;
  /** When it was typed (ISO). */
  at: string;
  draft: Draft;
}

const DEBOUNCE_MS = 1500;
const storageKey = (id: number) => `sinovik.proposal.${id}.draft`;

function readLocal(id: number): LocalCopy | null {
  try {
    const raw = localStorage.getItem(storageKey(id));
    return raw ? (JSON.parse(raw) as LocalCopy) : null;
  } catch {
    return null;
  }
}
function writeLocal(id: number, copy: LocalCopy) {
  try {
    localStorage.setItem(storageKey(id), JSON.stringify(copy));
  } catch {
    // A full or blocked storage only loses the offline safety net; the save itself still runs.
  }
}
function clearLocal(id: number) {
  try {
    localStorage.removeItem(storageKey(id));
  } catch {
    // ignored for the same reason
  }
}

/**
 * The editor's autosave: every change is kept in localStorage at once and PATCHed ~1.5 s after typing
 * stops, with the version last loaded. Network failures retry with backoff (the text stays in the browser
 * and is restored on reload when newer than the server copy); a 409 version_conflict waits for the user to
 * choose the server copy or theirs, so nothing is lost silently. The server stores every valid field and
 * names the ones it refused (`rejected`, kept until a save stores them: typing does not clear it).
 */
export function useAutosave(detail: ProposalDetail, enabled: boolean) {
  const id = detail.id;
  // The form of a group does not change while its proposal is being edited.
  const [sectionKeys] = useState(() => detail.form.map((s) => s.key));
  const [initial] = useState(() => {
    const local = enabled ? readLocal(id) : null;
    if (local && Date.parse(local.at) > Date.parse(detail.updatedAt))
      return { draft: { ...draftFromDetail(detail), ...local.draft }, restored: true };
    if (local) clearLocal(id);
    return { draft: draftFromDetail(detail), restored: false };
  });
  const [draft, setDraft] = useState<Draft>(initial.draft);
  const [status, setStatus] = useState<SaveStatus>(initial.restored ? 'pending' : 'idle');
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [completeness, setCompleteness] = useState<Completeness>(detail.completeness);
  // Supporting documents count toward completeness: after an upload or a removal, the server says again
  // what is still missing (the autosave's answer only follows the typed fields).
  const attachmentsKey = detail.attachments.map((x) => x.id).join(',');
  const shownFor = useRef(attachmentsKey);
  useEffect(() => {
    if (attachmentsKey === shownFor.current) return;
    shownFor.current = attachmentsKey;
    let live = true;
    api<ProposalDetail>('GET', `/proposals/${id}`).then(
      (d) => {
        if (live) setCompleteness(d.completeness);
      },
      () => {
        // Offline: the next save or reload brings the list.
      },
    );
    return () => {
      live = false;
    };
  }, [attachmentsKey, id]);
  const [error, setError] = useState<ApiError | null>(null);
  const [restored, setRestored] = useState(initial.restored);
  const [conflict, setConflict] = useState<{ version: number; server: Draft } | null>(null);
  const [rejected, setRejected] = useState<Record<string, Refusal>>(detail.rejected);

  const draftRef = useRef(draft);
  const versionRef = useRef(detail.version);
  const changeSeq = useRef(initial.restored ? 1 : 0);
  const savedSeq = useRef(0);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const failures = useRef(0);
  const blocked = useRef(false);
  // Retries and follow-up saves call the latest `save` through this ref (it is set after each render).
  const saveRef = useRef<() => Promise<boolean>>(async () => false);

  const schedule = useCallback((ms: number, run: () => void) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(run, ms);
  }, []);

  const save = useCallback(async (): Promise<boolean> => {
    if (blocked.current) return false;
    if (inFlight.current) {
      await inFlight.current;
      if (changeSeq.current === savedSeq.current) return true;
    }
    const seq = changeSeq.current;
    setStatus('saving');
    const run = (async () => {
      try {
        const body = bodyOf(draftRef.current, versionRef.current, sectionKeys);
        const res = await api<SaveAnswer>('PATCH', `/proposals/${id}`, body);
        versionRef.current = res.version;
        // A refused link is named by its place in the list sent; its label says which input it was.
        setRejected(
          Object.fromEntries(
            Object.entries(res.rejected ?? {}).map(([k, r]) => {
              const link = /^links\.(\d+)$/.exec(k);
              return [k, link ? { ...r, value: body.links?.[Number(link[1])] } : r];
            }),
          ),
        );
        savedSeq.current = seq;
        failures.current = 0;
        setSavedAt(res.savedAt);
        setCompleteness(res.completeness);
        setError(null);
        setRestored(false);
        if (changeSeq.current === seq) {
          clearLocal(id);
          setStatus('saved');
        } else {
          writeLocal(id, { version: res.version, at: new Date().toISOString(), draft: draftRef.current });
          setStatus('pending');
          schedule(DEBOUNCE_MS, () => void saveRef.current());
        }
        return true;
      } catch (err) {
        const e = err instanceof ApiError ? err : new ApiError(0, 'network_error', { id: '', en: '' });
        if (e.status === 0 || e.status >= 500) {
          failures.current += 1;
          setStatus('offline');
          schedule(Math.min(30_000, 2000 * 2 ** (failures.current - 1)), () => void saveRef.current());
        } else if (e.code === 'version_conflict') {
          blocked.current = true;
          const server = (e.body.server as Record<string, unknown> | undefined) ?? {};
          setConflict({
            version: Number(e.body.currentVersion),
            server: draftFromServerCopy(server, detail),
          });
          setStatus('conflict');
        } else {
          setError(e);
          setStatus('error');
        }
        return false;
      } finally {
        inFlight.current = null;
      }
    })();
    inFlight.current = run;
    return run;
  }, [detail, id, schedule, sectionKeys]);

  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  useEffect(() => {
    if (initial.restored) schedule(0, () => void save());
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [initial.restored, save, schedule]);

  /** Applies a change: kept in the browser at once, saved after the typing pause. */
  const update = useCallback(
    (patch: Partial<Draft>) => {
      const next = { ...draftRef.current, ...patch };
      draftRef.current = next;
      changeSeq.current += 1;
      setDraft(next);
      writeLocal(id, { version: versionRef.current, at: new Date().toISOString(), draft: next });
      if (!enabled || blocked.current) return;
      setStatus((s) => (s === 'offline' || s === 'saving' ? s : 'pending'));
      schedule(DEBOUNCE_MS, () => void save());
    },
    [enabled, id, save, schedule],
  );

  /** Saves now (before sending); true when the server has everything typed so far. */
  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    if (changeSeq.current === savedSeq.current && !inFlight.current) return true;
    const ok = await save();
    return ok && changeSeq.current === savedSeq.current;
  }, [save]);

  const loadServer = useCallback(() => {
    if (!conflict) return;
    blocked.current = false;
    versionRef.current = conflict.version;
    draftRef.current = conflict.server;
    savedSeq.current = changeSeq.current;
    setDraft(conflict.server);
    clearLocal(id);
    setConflict(null);
    setStatus('saved');
  }, [conflict, id]);

  const keepMine = useCallback(() => {
    if (!conflict) return;
    blocked.current = false;
    versionRef.current = conflict.version;
    setConflict(null);
    void save();
  }, [conflict, save]);

  const retryNow = useCallback(() => {
    failures.current = 0;
    void save();
  }, [save]);

  return {
    draft,
    update,
    status,
    savedAt,
    completeness,
    rejected,
    error,
    conflict,
    restored,
    flush,
    loadServer,
    keepMine,
    retryNow,
  };
}
