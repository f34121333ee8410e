import type { Db } from '../../db/connect.js';
import { closingReadiness, type ClosingReadiness } from '../../domain/objections.js';
import { t, type Text } from '../../domain/errors.js';
import { formatInstant } from '../../domain/time.js';
import { countObjections } from '../objections/queries.js';
import type { FinalistsContext } from './queries.js';

export interface FinalClosing {
  readiness: ClosingReadiness;
  blockers: { code: string; message: Text }[];
  /** Proposals removed by an upheld objection. */
  upheld: number[];
}

/**
 * Whether the final list can be fixed: the uji publik's window closed and no objection waits
 * (domain/objections.ts `closingReadiness`), each blocker in words with the closing time (hour and zone).
 */
export async function finalClosing(db: Db, ctx: FinalistsContext, now: Date): Promise<FinalClosing> {
  const window = {
    opensAt: ctx.objectionStage?.opens_at ?? null,
    closesAt: ctx.objectionStage?.closes_at ?? null,
  };
  const readiness = closingReadiness(window, now, await countObjections(db, ctx.competition.id));
  const z = ctx.competition.time_zone;
  const closes = window.closesAt
    ? t(formatInstant(window.closesAt, z, 'id'), formatInstant(window.closesAt, z, 'en'))
    : null;
  const blockers = readiness.blockers.map((code) => ({
    code,
    message:
      code === 'window_not_closed'
        ? closes
          ? t(`Masa uji publik baru ditutup ${closes.id}.`, `The public review closes only ${closes.en}.`)
          : t('Masa uji publik belum dijadwalkan.', 'The public review is not scheduled.')
        : t(
            `${readiness.pending} keberatan belum selesai (${readiness.counts.new} menunggu pemeriksaan sekretariat, ${readiness.counts.forwarded} menunggu keputusan Tim Panel).`,
            `${readiness.pending} objections are not settled (${readiness.counts.new} await the secretariat's triage, ${readiness.counts.forwarded} the panel's decision).`,
          ),
  }));
  const upheld = (
    await db
      .selectFrom('objections')
      .select('proposal_id')
      .distinct()
      .where('competition_id', '=', ctx.competition.id)
      .where('status', '=', 'upheld')
      .execute()
  ).map((r) => r.proposal_id);
  return { readiness, blockers, upheld };
}
