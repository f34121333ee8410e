import type { Db } from '../../db/connect.js';
import { AppError, conflict, t, type FieldProblem } from '../../domain/errors.js';
import type { EligibilityItem } from '../../domain/proposal-eligibility.js';
import { submissionRefusal } from '../../domain/proposal-rules.js';
import { eligibilityOf } from './eligibility.js';
import { loadEligibilityContext } from './eligibility-context.js';
import type { ProposalView } from './view.js';

/* Why a proposal may not change now: the submission window closed, or it is incomplete or ineligible. */

/** Refuses any change after the submission stage closed (server clock), naming the closing time. */
export function assertSubmissionOpen(view: ProposalView, now: Date): void {
  const refusal = submissionRefusal(
    {
      status: view.competition.status,
      opensAt: view.submission?.opensAt ?? null,
      closesAt: view.submission?.closesAt ?? null,
      timeZone: view.competition.time_zone,
    },
    now,
    false,
  );
  if (refusal) throw refusal;
}

/**
 * The 422 for a proposal that may not go on, listing every item (`missing`) and, per field, the first
 * item on it (`fields`): `proposal_incomplete` while something is still to fill in or attach (the list may
 * hold rule failures too), else `proposal_ineligible` when only rules of the group fail.
 */
function eligibilityRefusal(view: ProposalView, items: EligibilityItem[]): AppError {
  const fields: Record<string, FieldProblem> = {};
  for (const m of items) fields[m.field] ??= { code: m.code, message: m.message };
  const incomplete = items.some((m) => m.kind === 'incomplete');
  const n = items.length;
  return new AppError(
    422,
    incomplete ? 'proposal_incomplete' : 'proposal_ineligible',
    incomplete
      ? t(
          `Proposal belum lengkap: ${n} hal perlu dilengkapi.`,
          `The proposal is incomplete: ${n} item(s) to complete.`,
        )
      : t(
          `Proposal tidak memenuhi syarat kelompok ${view.group.name_id}: ${n} hal.`,
          `The proposal does not meet the rules of the ${view.group.name_en} group: ${n} item(s).`,
        ),
    fields,
    { missing: items },
  );
}

/**
 * Checks everything again inside the command's transaction (the registry, invitations or another
 * proposal's title may have changed since the editor looked): refuses with `eligibilityRefusal`; with
 * `quota` (forwarding, counted under the institution's lock) a full quota alone is 409 `quota_full`.
 */
export async function assertMayGoOn(
  tx: Db,
  view: ProposalView,
  now: Date,
  quota?: { used: number; quota: number | null },
): Promise<void> {
  const items = eligibilityOf(view, await loadEligibilityContext(tx, view), now, quota);
  const full = items.find((m) => m.code === 'quota_full');
  const rest = items.filter((m) => m !== full);
  if (rest.length) throw eligibilityRefusal(view, rest);
  if (full) throw conflict('quota_full', full.message);
}
