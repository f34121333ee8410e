import type { Db } from '../../db/connect.js';
import { indexDocument, writtenWords } from '../../domain/search/postings.js';
import { placeNames } from './places.js';
import {
  answersOf,
  awardLevelsOf,
  entryOfProposal,
  proposalSource,
  slugTaken,
  writeEntry,
  writeIndex,
  type FinalistSource,
} from './queries.js';
import { slugFor, snapshotOf } from './snapshot.js';

/** What indexing one proposal needs beyond its source row. */
export interface EntryContext {
  answers: readonly { key: string; text: string }[];
  levels: readonly string[];
  places: Awaited<ReturnType<typeof placeNames>>;
  /** Its current entry (kept: same id, address and first publication). */
  kept: { id: number; slug: string } | undefined;
  basis: 'finalist' | 'consented';
  at: string;
}

/**
 * Writes one proposal's gallery entry: its public snapshot, its postings and written words (domain/search),
 * in place of an earlier one. The competition's indexer (commands/index-competition.ts) calls it for each
 * finalist; `indexProposal` for one proposal its institution consents to show.
 */
export async function writeGalleryEntry(tx: Db, source: FinalistSource, ctx: EntryContext): Promise<number> {
  const slug = ctx.kept?.slug ?? slugFor(source, await slugTaken(tx, slugFor(source, false), source.id));
  const snapshot = snapshotOf(source, ctx.answers, ctx.levels, ctx.places, {
    slug,
    basis: ctx.basis,
    now: ctx.at,
  });
  const indexed = indexDocument(snapshot.texts);
  const id = await writeEntry(tx, ctx.kept?.id ?? null, {
    ...snapshot.entry,
    title_length: indexed.lengths.title,
    acronym_length: indexed.lengths.acronym,
    answers_length: indexed.lengths.answers,
  });
  await writeIndex(tx, id, indexed.postings, writtenWords(snapshot.texts));
  return id;
}

/**
 * Puts one proposal into the gallery (or refreshes its entry) on the given basis, in the caller's
 * transaction. The caller checked that it may be public. Returns the entry's id and address.
 */
export async function indexProposal(
  tx: Db,
  input: { proposalId: number; basis: 'finalist' | 'consented'; now: Date },
): Promise<{ id: number; slug: string }> {
  const source = await proposalSource(tx, input.proposalId);
  if (!source) throw new Error(`proposal ${input.proposalId} not found`);
  const [answers, levels, kept, places] = await Promise.all([
    answersOf(tx, [source.id]),
    awardLevelsOf(tx, source.competition_id),
    entryOfProposal(tx, source.id),
    placeNames(),
  ]);
  const id = await writeGalleryEntry(tx, source, {
    answers,
    levels: levels.get(source.id) ?? [],
    places,
    kept,
    basis: input.basis,
    at: input.now.toISOString(),
  });
  const row = await entryOfProposal(tx, source.id);
  return { id, slug: row!.slug };
}
