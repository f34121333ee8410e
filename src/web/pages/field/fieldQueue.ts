import { get, set } from 'idb-keyval';
import type { FieldVisitDetail } from '../../../contracts/field-verification.js';
import { ApiError, apiErrorFrom, type Text } from '../../api/client.js';

/*
 * The verifier's device-side store (issue 13 point 3): per visit, the last copy of the visit from the
 * server, and the operations made on the phone, each with a client-generated id, waiting to be sent, sent,
 * or refused. Everything is in IndexedDB (idb-keyval) first; `flush` sends the queue in order, one at a
 * time, and stops at the first network failure (the caller retries with backoff and on the `online`
 * event). The server applies each client id once, so sending an operation again after a lost answer is
 * harmless.
 */

export type FindingStatus = 'confirmed' | 'partly' | 'not_found';
export type Recommendation = 'recommended' | 'recommended_with_notes' | 'not_recommended';

export type QueuedOp =
  | { clientId: string; kind: 'finding'; claimKey: string; status: FindingStatus | null; note: string | null }
  | { clientId: string; kind: 'report'; recommendation: Recommendation | null; summary: string | null }
  | { clientId: string; kind: 'submit' }
  | {
      clientId: string;
      kind: 'photo';
      blob: Blob;
      name: string;
      takenAt: string;
      geoStatus: 'ok' | 'denied' | 'unavailable';
      latitude?: number;
      longitude?: number;
      accuracy?: number;
      claimKey?: string;
    };

export interface DoneOp {
  clientId: string;
  kind: QueuedOp['kind'];
  label: string;
  at: string;
  error?: Text;
}

export interface VisitStore {
  detail: FieldVisitDetail | null;
  queue: QueuedOp[];
  sent: DoneOp[];
  refused: DoneOp[];
}

const key = (visitId: number) => `sinovik.field.${visitId}`;

export async function load(visitId: number): Promise<VisitStore> {
  const s = await get<VisitStore>(key(visitId));
  return s ?? { detail: null, queue: [], sent: [], refused: [] };
}

export async function save(visitId: number, s: VisitStore): Promise<void> {
  await set(key(visitId), s);
}

/**
 * Every change of a visit's store goes through here, one after another: a change queued while a sent
 * operation is being removed must not be lost between a read and a write of IndexedDB.
 */
let chain: Promise<unknown> = Promise.resolve();
export function update(visitId: number, change: (s: VisitStore) => void): Promise<VisitStore> {
  const next = chain.then(async () => {
    const s = await load(visitId);
    change(s);
    await save(visitId, s);
    return s;
  });
  chain = next.catch(() => undefined);
  return next;
}

export function newClientId(): string {
  const c = globalThis.crypto;
  return c?.randomUUID
    ? c.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

export const labelOf = (op: QueuedOp) =>
  op.kind === 'finding' ? op.claimKey : op.kind === 'photo' ? op.name : op.kind;

async function send(visitId: number, op: QueuedOp): Promise<void> {
  let res: Response;
  try {
    if (op.kind === 'photo') {
      const form = new FormData();
      form.set('clientId', op.clientId);
      form.set('takenAt', op.takenAt);
      form.set('geoStatus', op.geoStatus);
      if (op.latitude !== undefined) form.set('latitude', String(op.latitude));
      if (op.longitude !== undefined) form.set('longitude', String(op.longitude));
      if (op.accuracy !== undefined) form.set('accuracy', String(Math.round(op.accuracy)));
      if (op.claimKey) form.set('claimKey', op.claimKey);
      form.set('photo', op.blob, op.name);
      res = await fetch(`/api/field-visits/${visitId}/photos`, {
        method: 'POST',
        credentials: 'same-origin',
        body: form,
      });
    } else {
      const body =
        op.kind === 'finding'
          ? { clientId: op.clientId, kind: op.kind, claimKey: op.claimKey, status: op.status, note: op.note }
          : op.kind === 'report'
            ? { clientId: op.clientId, kind: op.kind, recommendation: op.recommendation, summary: op.summary }
            : { clientId: op.clientId, kind: op.kind };
      res = await fetch(`/api/field-visits/${visitId}/operations`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    }
  } catch {
    throw new ApiError(0, 'network_error', { id: 'Tanpa koneksi', en: 'No connection' });
  }
  if (!res.ok) {
    const data: unknown = (res.headers.get('content-type') ?? '').includes('json') ? await res.json() : null;
    throw apiErrorFrom(res.status, data);
  }
}

/** Whether a failure is worth retrying (the network, the server busy or down) rather than a refusal. */
export const retryable = (err: unknown) =>
  !(err instanceof ApiError) ||
  err.status === 0 ||
  err.status === 408 ||
  err.status === 429 ||
  err.status >= 500;

/**
 * Sends the queue in order. Each sent operation moves to `sent`, a refused one (4xx) to `refused` with the
 * server's words; a network failure stops the run (returns false) with the rest still queued.
 */
export async function flush(visitId: number, onChange: (s: VisitStore) => void): Promise<boolean> {
  for (;;) {
    const s = await load(visitId);
    const op = s.queue[0];
    if (!op) return true;
    try {
      await send(visitId, op);
      const after = await update(visitId, (after) => {
        after.queue = after.queue.filter((q) => q.clientId !== op.clientId);
        after.detail = applied(after.detail, op);
        after.sent = [
          { clientId: op.clientId, kind: op.kind, label: labelOf(op), at: new Date().toISOString() },
          ...after.sent,
        ].slice(0, 50);
      });
      onChange(after);
    } catch (err) {
      if (retryable(err)) return false;
      const after = await update(visitId, (after) => {
        after.queue = after.queue.filter((q) => q.clientId !== op.clientId);
        after.refused = [
          {
            clientId: op.clientId,
            kind: op.kind,
            label: labelOf(op),
            at: new Date().toISOString(),
            error: (err as ApiError).text,
          },
          ...after.refused,
        ];
      });
      onChange(after);
    }
  }
}

/** The server's copy with a sent operation applied (until the next fetch replaces it). */
function applied(d: FieldVisitDetail | null, op: QueuedOp): FieldVisitDetail | null {
  if (!d) return d;
  if (op.kind === 'finding')
    return {
      ...d,
      claims: d.claims.map((c) =>
        c.key === op.claimKey ? { ...c, finding: { status: op.status, note: op.note } } : c,
      ),
    };
  if (op.kind === 'report') return { ...d, recommendation: op.recommendation, summary: op.summary };
  if (op.kind === 'submit') return { ...d, status: 'submitted' };
  return d;
}

/** Appends an operation to the visit's queue (saved on the device before anything is sent). */
export function enqueue(visitId: number, op: QueuedOp): Promise<VisitStore> {
  return update(visitId, (s) => {
    s.queue.push(op);
  });
}

/** The visit as the verifier sees it: the server's copy with the queued changes applied on top. */
export function localView(s: VisitStore): {
  findings: Record<string, { status: FindingStatus | null; note: string | null }>;
  recommendation: Recommendation | null;
  summary: string | null;
  submitted: boolean;
  submitQueued: boolean;
} {
  const d = s.detail;
  const findings: Record<string, { status: FindingStatus | null; note: string | null }> = {};
  for (const c of d?.claims ?? []) if (c.finding) findings[c.key] = { ...c.finding };
  let recommendation = d?.recommendation ?? null;
  let summary = d?.summary ?? null;
  let submitQueued = false;
  for (const op of s.queue) {
    if (op.kind === 'finding') findings[op.claimKey] = { status: op.status, note: op.note };
    else if (op.kind === 'report') {
      recommendation = op.recommendation;
      summary = op.summary;
    } else if (op.kind === 'submit') submitQueued = true;
  }
  return { findings, recommendation, summary, submitted: d?.status === 'submitted', submitQueued };
}
