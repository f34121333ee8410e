import { t, type Text } from './errors.js';
import type { ProposalAction, ProposalState } from './proposal-workflow.js';

/*
 * Publishing a stage's results (issue 12 point 1): decisions are staged in the administrative check, then
 * published together. This file decides, without I/O, which staged outcomes a publication applies (and by
 * which transition of the workflow) and what still blocks it:
 * - a received proposal not decided yet (no outcome, or back in the queue after a completion);
 * - an incomplete proposal whose completion deadline has not passed (the admin lokal may still complete it);
 * - an incomplete proposal past its deadline: the secretariat must decide it first (disqualify it, as
 *   seed 000 step 3 says, or pass it), so nothing is published for it by default.
 * A proposal already published (its check has published_at) is left out.
 */

/** One received proposal as the readiness sees it. */
export interface CheckLine {
  proposalId: number;
  code: string;
  state: ProposalState;
  /** admin_checks.outcome; null when not decided (or no check row yet). */
  outcome: 'passed' | 'incomplete' | 'disqualified' | null;
  publishedAt: string | null;
  /** The open completion request's deadline, when the proposal is incomplete. */
  completionDeadline: string | null;
}

export type BlockerCode = 'undecided' | 'awaiting_completion' | 'completion_overdue';

export interface Readiness {
  passed: number[];
  disqualified: number[];
  blockers: { code: BlockerCode; proposalIds: number[]; codes: string[] }[];
  ready: boolean;
}

/** The transition a published outcome applies. */
export const PUBLISH_ACTIONS = { passed: 'passAdmin', disqualified: 'disqualify' } as const satisfies Record<
  'passed' | 'disqualified',
  ProposalAction
>;

/** Which staged outcomes a publication would apply now, and what blocks it. Pure. */
export function adminReadiness(lines: readonly CheckLine[], now: Date): Readiness {
  const passed: number[] = [];
  const disqualified: number[] = [];
  const blocked: Record<BlockerCode, CheckLine[]> = {
    undecided: [],
    awaiting_completion: [],
    completion_overdue: [],
  };
  for (const l of lines) {
    if (l.publishedAt !== null) continue;
    if (l.state === 'received') {
      if (l.outcome === 'passed') passed.push(l.proposalId);
      else if (l.outcome === 'disqualified') disqualified.push(l.proposalId);
      else blocked.undecided.push(l);
    } else if (l.state === 'incomplete') {
      if (l.outcome === 'disqualified') disqualified.push(l.proposalId);
      else if (l.completionDeadline !== null && Date.parse(l.completionDeadline) <= now.getTime())
        blocked.completion_overdue.push(l);
      else blocked.awaiting_completion.push(l);
    }
  }
  const blockers = (Object.keys(blocked) as BlockerCode[])
    .filter((code) => blocked[code].length > 0)
    .map((code) => ({
      code,
      proposalIds: blocked[code].map((l) => l.proposalId),
      codes: blocked[code].map((l) => l.code),
    }));
  return {
    passed,
    disqualified,
    blockers,
    ready: blockers.length === 0 && passed.length + disqualified.length > 0,
  };
}

/** What each blocker tells the secretariat. */
export function blockerText(code: BlockerCode, n: number): Text {
  switch (code) {
    case 'undecided':
      return t(
        `${n} proposal belum diputuskan dalam seleksi administrasi.`,
        `${n} proposal(s) not yet decided in the administrative check.`,
      );
    case 'awaiting_completion':
      return t(
        `${n} proposal masih menunggu kelengkapan dari Admin Lokal (batas waktunya belum lewat).`,
        `${n} proposal(s) still await completion by the local admin (the deadline has not passed).`,
      );
    case 'completion_overdue':
      return t(
        `${n} proposal tidak dilengkapi sampai batas waktunya: putuskan dulu (diskualifikasi atau loloskan).`,
        `${n} proposal(s) were not completed by the deadline: decide them first (disqualify or pass).`,
      );
  }
}

/** The texts proposed for the administrative announcement; the secretariat may edit them. */
export function defaultAdminTexts(input: { competition: string; passed: number; received: number }): {
  titleId: string;
  titleEn: string;
  bodyId: string;
  bodyEn: string;
} {
  const { competition, passed, received } = input;
  return {
    titleId: `Pengumuman Hasil Seleksi Administrasi ${competition}`,
    titleEn: `Announcement of the Administrative Selection Results of ${competition}`,
    bodyId:
      `Berdasarkan hasil seleksi administrasi terhadap ${received} proposal yang diterima, ` +
      `${passed} proposal dinyatakan lolos seleksi administrasi dan mengikuti tahap evaluasi berikutnya. ` +
      'Daftar proposal yang lolos tercantum di bawah ini. Instansi yang proposalnya tidak lolos telah ' +
      'diberi tahu beserta alasannya melalui Admin Lokal masing-masing.',
    bodyEn:
      `Following the administrative check of the ${received} proposals received, ` +
      `${passed} proposals passed and go on to the next evaluation stage. ` +
      'The proposals that passed are listed below. Institutions whose proposals did not pass have been ' +
      'told, with the reasons, through their local admins.',
  };
}
