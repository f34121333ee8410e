import type { ReplicationState } from '../contracts/replication.js';
import { AppError, conflict, fieldError, t } from './errors.js';

/*
 * Replication between institutions (issue 14 point 3), as pure rules: who may not ask whom, the one open
 * request per innovation and institution, the answers and their finality, and the counts of the graph. The
 * commands (modules/replication/commands) apply them inside their transactions; who may act at all is
 * policy.ts (`replication.*`).
 */

export { REPLICATION_STATES } from '../contracts/replication.js';
export type ReplicationStateValue = ReplicationState;

/** The group of replikasi proposals (a replikasi proposal names its source award). */
export const REPLIKASI_GROUP = 'replikasi';

/** The shortest decline reason worth reading. */
export const DECLINE_REASON_MIN = 10;

/** An institution and its parents, nearest first ([id, parent, grandparent, …]). */
export type InstitutionChain = readonly number[];

/**
 * 422 `replication_to_self` when the requesting institution is the owner, one of its parents, or under it
 * (an institution asking its own innovation, or one of its own units'): replication is between institutions.
 */
export function toSelfRefusal(owner: InstitutionChain, requester: InstitutionChain): AppError | null {
  const [ownerId] = owner;
  const [requesterId] = requester;
  if (ownerId === undefined || requesterId === undefined) return null;
  if (!owner.includes(requesterId) && !requester.includes(ownerId)) return null;
  return new AppError(
    422,
    'replication_to_self',
    t(
      'Inovasi ini milik instansi Anda sendiri (atau instansi induk/bawahannya); replikasi diajukan kepada instansi lain.',
      'This innovation is your own institution’s (or its parent’s or a unit’s under it); replication is asked of another institution.',
    ),
  );
}

/** 409 `replication_already_requested`: the institution has an open request for this innovation. */
export const duplicateOpenRefusal = () =>
  conflict(
    'replication_already_requested',
    t(
      'Instansi Anda sudah mengajukan replikasi inovasi ini dan masih menunggu jawaban.',
      'Your institution has already asked to replicate this innovation and awaits the answer.',
    ),
  );

/** 409 `replication_answered`: an answered (or withdrawn) request is final. */
export function answeredRefusal(state: ReplicationStateValue): AppError | null {
  if (state === 'requested') return null;
  return conflict(
    'replication_answered',
    t(
      'Permohonan replikasi ini sudah dijawab atau ditarik; keputusannya final.',
      'This replication request has already been answered or withdrawn; that is final.',
    ),
  );
}

/** A decline needs its reason (400 on the field `reason`), told to the requester. */
export function declineReasonProblem(reason: string | null | undefined): AppError | null {
  const text = (reason ?? '').trim();
  if (!text)
    return fieldError(
      'reason',
      'required',
      t('Tuliskan alasan penolakan.', 'Write the reason for declining.'),
    );
  if (text.length < DECLINE_REASON_MIN)
    return fieldError(
      'reason',
      'too_short',
      t(
        `Tuliskan alasan penolakan sekurang-kurangnya ${DECLINE_REASON_MIN} karakter.`,
        `Write a reason of at least ${DECLINE_REASON_MIN} characters.`,
      ),
    );
  return null;
}

/** One replication as the graph counts it: who replicated (institution and province). */
export interface ReplicationEdge {
  institutionKey: string;
  provinceCode: string | null;
}

/** The counts of an innovation's graph: replications, distinct institutions, distinct provinces. */
export function replicationCounts(edges: readonly ReplicationEdge[]): {
  replications: number;
  institutions: number;
  regions: number;
} {
  return {
    replications: edges.length,
    institutions: new Set(edges.map((e) => e.institutionKey)).size,
    regions: new Set(edges.map((e) => e.provinceCode).filter((p): p is string => p !== null)).size,
  };
}

/** How many innovations and owner institutions the statistics list (the most replicated first). */
export const REPLICATION_STATS_TOP = 10;

/**
 * The public statistics from the gallery's counts (sorted most first): every replication counted in
 * `total`, the top innovations and owner institutions, every province, and those without a province.
 */
export function replicationStats<
  I extends { count: number },
  N extends { name: string; count: number },
  P extends { provinceCode: string; name: string; count: number },
>(counts: { byInnovation: I[]; byInstitution: N[]; byRegion: P[] }) {
  const sum = (xs: { count: number }[]) => xs.reduce((n, x) => n + x.count, 0);
  const total = sum(counts.byInnovation);
  return {
    total,
    innovations: counts.byInnovation.filter((i) => i.count > 0).slice(0, REPLICATION_STATS_TOP),
    institutions: counts.byInstitution
      .slice(0, REPLICATION_STATS_TOP)
      .map((i) => ({ name: i.name, count: i.count })),
    provinces: counts.byRegion.map((p) => ({ code: p.provinceCode, name: p.name, count: p.count })),
    withoutProvince: total - sum(counts.byRegion),
  };
}
