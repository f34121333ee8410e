import { sql, type QueryCreator } from 'kysely';
import type { Db } from '../../db/connect.js';
import { prepared } from '../../db/prepared.js';
import type { Database, ProposalRow } from '../../db/schema.js';

/*
 * The writes of an autosave (commands/autosave-proposal.ts): the proposal row's fields, conditional on the
 * version the editor saved from, and the answers whose text changed. On PostgreSQL the row and the answers
 * are also written by one statement (data-modifying WITHs), which is atomic on its own: the autosave that
 * joins its open revision, the busiest write of the system, then needs no transaction.
 */

/** The proposal's own fields an autosave may change, in the order the prepared update takes them. */
export const EDITABLE = [
  'title',
  'title_key',
  'acronym',
  'category_id',
  'implementation_start',
  'innovator_kind',
  'innovator_names',
  'contact_name',
  'contact_phone',
  'contact_email',
  'links',
  'declaration_accepted',
  'source_award_id',
  'rejected_fields',
] as const satisfies readonly (keyof ProposalRow)[];
export type EditableFields = Pick<ProposalRow, (typeof EDITABLE)[number]>;

/** The update of the proposal row: its fields, from `version` to `newVersion`. */
export type WriteArgs = EditableFields & {
  id: number;
  version: number;
  newVersion: number;
  updatedAt: string;
};
/** One answer to store. */
export type AnswerArgs = {
  proposalId: number;
  sectionId: number;
  text: string;
  wordCount: number;
  updatedAt: string;
};

/** The title's columns are written only when the title changed (they are indexed). */
const SAME_TITLE = EDITABLE.filter((k) => k !== 'title' && k !== 'title_key');

const updateFields = (db: QueryCreator<Database>, columns: readonly (keyof EditableFields)[], a: WriteArgs) =>
  db
    .updateTable('proposals')
    .set({
      ...(Object.fromEntries(columns.map((k) => [k, a[k]])) as Partial<EditableFields>),
      version: a.newVersion,
      updated_at: a.updatedAt,
    })
    .where('id', '=', a.id)
    .where('version', '=', a.version);

const writeFields = prepared((db, a: WriteArgs) => updateFields(db, EDITABLE, a));
const writeFieldsSameTitle = prepared((db, a: WriteArgs) => updateFields(db, SAME_TITLE, a));

const upsertAnswer = prepared((db, a: AnswerArgs) =>
  db
    .insertInto('proposal_answers')
    .values({
      proposal_id: a.proposalId,
      section_id: a.sectionId,
      text: a.text,
      word_count: a.wordCount,
      updated_at: a.updatedAt,
    })
    .onConflict((oc) =>
      oc.columns(['proposal_id', 'section_id']).doUpdateSet({
        text: a.text,
        word_count: a.wordCount,
        updated_at: a.updatedAt,
      }),
    ),
);

/**
 * PostgreSQL: the row's update and the answers' upsert in one statement. The answers come as three arrays
 * (one statement, whatever their number) and are written only when the update matched (they select from its
 * RETURNING); the statement answers how many rows the update matched (1 or 0).
 */
const writeFieldsWithAnswers = (columns: readonly (keyof EditableFields)[]) =>
  prepared((db, a: WriteArgs & { sectionIds: number[]; texts: string[]; wordCounts: number[] }) =>
    db
      .with('u', (qb) => updateFields(qb, columns, a).returning('id'))
      .with('a', (qb) =>
        qb
          .insertInto('proposal_answers')
          .columns(['proposal_id', 'section_id', 'text', 'word_count', 'updated_at'])
          .expression(
            sql`select u.id, x.section_id, x.text, x.word_count, cast(${a.updatedAt} as text) from u,
                unnest(cast(${a.sectionIds} as integer[]), cast(${a.texts} as text[]),
                  cast(${a.wordCounts} as integer[])) as x(section_id, text, word_count)`,
          )
          .onConflict((oc) =>
            oc.columns(['proposal_id', 'section_id']).doUpdateSet((eb) => ({
              text: eb.ref('excluded.text'),
              word_count: eb.ref('excluded.word_count'),
              updated_at: eb.ref('excluded.updated_at'),
            })),
          )
          .returning('proposal_id'),
      )
      .selectFrom('u')
      .select((eb) => eb.fn.countAll<number>().as('n')),
  );
const writeAllWithAnswers = writeFieldsWithAnswers(EDITABLE);
const writeSameTitleWithAnswers = writeFieldsWithAnswers(SAME_TITLE);

/** Updates the proposal row; 1 when it still had `version`, 0 when it did not (nothing written). */
export const writeProposalFields = (db: Db, a: WriteArgs, titleChanged: boolean) =>
  (titleChanged ? writeFields : writeFieldsSameTitle).run(db, a);

export const writeAnswer = (db: Db, a: AnswerArgs) => upsertAnswer.run(db, a);

/**
 * PostgreSQL only: the proposal row and its changed answers in one statement (atomic without a transaction);
 * 1 when the row still had `version`, 0 when it did not (nothing written).
 */
export async function writeProposalFieldsWithAnswers(
  db: Db,
  a: WriteArgs,
  answers: readonly AnswerArgs[],
  titleChanged: boolean,
): Promise<number> {
  const row = await (titleChanged ? writeAllWithAnswers : writeSameTitleWithAnswers).first(db, {
    ...a,
    sectionIds: answers.map((x) => x.sectionId),
    texts: answers.map((x) => x.text),
    wordCounts: answers.map((x) => x.wordCount),
  });
  return Number(row?.n ?? 0);
}
