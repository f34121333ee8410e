import type { Db } from '../../../db/connect.js';
import { conflict, t } from '../../../domain/errors.js';
import { recordAudit } from '../../../platform/audit.js';
import { placeNames } from '../places.js';
import {
  answersOf,
  awardLevelsOf,
  deleteEntries,
  entriesOfCompetition,
  finalistSources,
  resultsPublished,
} from '../queries.js';
import { writeGalleryEntry } from '../index-entry.js';

/**
 * Puts every finalist of a competition whose results are published into the gallery (issue 14): its
 * public snapshot, its award levels from the registry rows the publication wrote, and its postings and
 * written words (domain/search), replacing what an earlier run wrote (idempotent: an entry keeps its id,
 * address and first publication; a finalist entry of a proposal no longer a finalist is removed). Runs in
 * the caller's transaction (the results' publication calls it), with the audit row `gallery.indexed`.
 * Refused (409 `results_not_published`) before the results are published.
 */
export async function indexCompetition(
  tx: Db,
  input: {
    competition: { id: number; organizer_institution_id: number };
    actorUserId: number | null;
    ip: string | null;
    now: Date;
  },
): Promise<{ indexed: number; removed: number }> {
  const c = input.competition;
  if (!(await resultsPublished(tx, c.id)))
    throw conflict(
      'results_not_published',
      t(
        'Hasil kompetisi ini belum diumumkan: galeri hanya memuat finalis dari hasil yang sudah diumumkan.',
        "This competition's results have not been published: the gallery holds only finalists of published results.",
      ),
    );
  const [sources, levels, existing, places] = await Promise.all([
    finalistSources(tx, c.id),
    awardLevelsOf(tx, c.id),
    entriesOfCompetition(tx, c.id),
    placeNames(),
  ]);
  const answers = await answersOf(
    tx,
    sources.map((s) => s.id),
  );
  const answersBy = new Map<number, { key: string; text: string }[]>();
  for (const a of answers) answersBy.set(a.proposal_id, [...(answersBy.get(a.proposal_id) ?? []), a]);
  const byProposal = new Map(existing.map((e) => [e.proposal_id, e]));
  const at = input.now.toISOString();

  for (const source of sources)
    await writeGalleryEntry(tx, source, {
      answers: answersBy.get(source.id) ?? [],
      levels: levels.get(source.id) ?? [],
      places,
      kept: byProposal.get(source.id),
      basis: 'finalist',
      at,
    });
  const finalists = new Set(sources.map((s) => s.id));
  const gone = existing
    .filter((e) => e.basis === 'finalist' && !finalists.has(e.proposal_id))
    .map((e) => e.id);
  await deleteEntries(tx, gone);

  await recordAudit(tx, {
    actorUserId: input.actorUserId,
    action: 'gallery.indexed',
    entityType: 'competition',
    entityId: c.id,
    summary: { competitionId: c.id, count: sources.length, removed: gone.length },
    scope: { competitionId: c.id, organizerInstitutionId: c.organizer_institution_id },
    ip: input.ip,
    now: input.now,
  });
  return { indexed: sources.length, removed: gone.length };
}
