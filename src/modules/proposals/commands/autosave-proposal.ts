import { dialectOf, type Db } from '../../../db/connect.js';
import { groupTransaction } from '../../../db/group-commit.js';
import { AppError, t, type FieldProblem } from '../../../domain/errors.js';
import { countWords } from '../../../domain/proposal-rules.js';
import { nextState } from '../../../domain/proposal-workflow.js';
import { REPLIKASI, sourceAwardRefusal } from '../../../domain/proposal-eligibility.js';
import { parseSourceYears } from '../../../domain/competition-settings.js';
import { recordAudit } from '../../../platform/audit.js';
import { completenessOf } from '../eligibility.js';
import { parseLinks, snapshotOf } from '../snapshot.js';
import { checkSaveFields, mergeLinks, nextRejected, type RejectedFields } from '../save-fields.js';
import { assertSubmissionOpen } from '../refusals.js';
import { loadForChange } from '../view.js';
import { startsRevision, writeRevision } from '../revisions.js';
import { findAwardEntry, loadEligibilityContext } from '../eligibility-context.js';
import { titleKeyOf } from '../title-claims.js';
import type { ProposalView } from '../view.js';
import { proposalRecordScope } from '../record-scope.js';
import {
  writeAnswer,
  writeProposalFields,
  writeProposalFieldsWithAnswers,
  type AnswerArgs,
  type EditableFields,
  type WriteArgs,
} from '../save-writes.js';

const versionConflict = (view: ProposalView) =>
  new AppError(
    409,
    'version_conflict',
    t(
      'Proposal telah disimpan dari tempat lain. Salinan di server disertakan; isian Anda belum disimpan.',
      'The proposal was saved elsewhere. The server copy is included; your changes were not saved.',
    ),
    {},
    { currentVersion: view.proposal.version, server: snapshotOf(view) },
  );

/**
 * Why an award cannot be this proposal's replikasi source (null clears it and is always fine): only a
 * replikasi proposal has one, the award must exist, and be a Top 99 or higher of the group's source years.
 */
async function sourceAwardProblem(
  tx: Db,
  view: ProposalView,
  awardId: number | null,
): Promise<FieldProblem | null> {
  if (awardId === null) return null;
  if (view.group.key !== REPLIKASI)
    return {
      code: 'source_not_applicable',
      message: t(
        'Inovasi sumber hanya dipilih pada kelompok replikasi.',
        'A source innovation is chosen only in the replication group.',
      ),
    };
  const award = await findAwardEntry(tx, awardId);
  if (!award)
    return {
      code: 'unknown_award',
      message: t(
        'Inovasi sumber tidak ditemukan di daftar penghargaan.',
        'The source innovation is not in the award registry.',
      ),
    };
  const refusal = sourceAwardRefusal(award, parseSourceYears(view.group.source_years));
  return refusal ? { code: 'source_not_qualifying', message: refusal } : null;
}

/** What an autosave answers: the new version, when, what still stops the proposal, and what it refused. */
export interface SaveResult {
  version: number;
  savedAt: string;
  completeness: ReturnType<typeof completenessOf>;
  /** The fields of this save that were refused, each keeping its stored value (empty: all stored). */
  rejected: Record<string, FieldProblem>;
}

/**
 * Autosave of the editor: refuses a stale `version` with 409 `version_conflict` carrying the server copy,
 * a proposal that is not editable in its state (409 `invalid_transition`) or after closing (409
 * `submission_closed`); otherwise stores every field that is valid and the answers whose text changed (word
 * counts kept; over the limit is allowed while drafting), bumps the version and writes the (coalesced)
 * revision, atomically. A field that is not valid (a link without https://, an unknown category or
 * section, a source award that does not qualify) does not refuse the save: it keeps its stored value and is
 * named in `rejected` with a code and the reason; the proposal keeps it, as typed, in `rejected_fields` until
 * a save stores that field (save-fields.ts), and the checklist lists it. An audit row is written when a new
 * revision row starts, so the log is not flooded by keystrokes. `mayEdit` is the route's authorization,
 * asked of the proposal as read for the save (every write is conditional on the version read).
 *
 * This is the busiest write of the system (every open editor, every few seconds), so it reads the
 * proposal with everything it needs in one prepared statement (view.ts `loadProposalView`), writes with
 * prepared statements, and answers from what it wrote instead of reading back. On SQLite, autosaves that
 * arrive together share their transaction (db/group-commit.ts), each answered once it committed. On
 * PostgreSQL the common autosave (it joins its open revision) is one statement after the read, atomic
 * without a transaction (save-writes.ts): three round trips to the database with the session's instead of
 * six.
 */
export async function autosaveProposal(
  db: Db,
  input: {
    id: number;
    /** The body as sent: `version` checked, every other field checked here on its own. */
    body: { version: number } & Record<string, unknown>;
    /** Who saves (the route's session). */
    actorUserId: number;
    ip: string | null;
    now: Date;
    /** The route's authorization (throws 404/403); the demo seed, acting as the UPP, passes none. */
    mayEdit?: (view: ProposalView) => void;
    /**
     * Replaces the drafting rules (submission open, a state the proposer edits in) for a change made under
     * another rule: the admin lokal's completion of an incomplete proposal (issue 12, modules/admin-check).
     */
    rule?: (view: ProposalView) => void;
  },
): Promise<SaveResult> {
  // Pure: checked before anything is read.
  const checked = checkSaveFields(input.body);
  const b = checked.body;
  const now = input.now.toISOString();
  const actorUserId = input.actorUserId;
  // Read outside any transaction: every write below is conditional on the version read here (each change of
  // the proposal moves it), so a save whose write succeeds was decided on the proposal as it still is.
  const view = await loadForChange(db, input.id);
  input.mayEdit?.(view);
  if (input.rule) input.rule(view);
  else {
    assertSubmissionOpen(view, input.now);
    nextState(view.proposal.state, 'edit');
  }
  if (view.proposal.version !== b.version) throw versionConflict(view);

  const p = view.proposal;
  // This save's refusals: those of the fields' own schemas, then those that need the proposal (below).
  const refused: RejectedFields = { ...checked.rejected };
  const next: EditableFields = {
    title: p.title,
    title_key: p.title_key,
    acronym: p.acronym,
    category_id: p.category_id,
    implementation_start: p.implementation_start,
    innovator_kind: p.innovator_kind,
    innovator_names: p.innovator_names,
    contact_name: p.contact_name,
    contact_phone: p.contact_phone,
    contact_email: p.contact_email,
    links: p.links,
    declaration_accepted: p.declaration_accepted,
    source_award_id: p.source_award_id,
    rejected_fields: p.rejected_fields,
  };
  if (b.title !== undefined && b.title !== p.title) {
    next.title = b.title;
    next.title_key = titleKeyOf(b.title);
  }
  if (b.acronym !== undefined) next.acronym = b.acronym?.trim() || null;
  if (b.categoryKey !== undefined) {
    if (b.categoryKey === null || b.categoryKey === '') next.category_id = null;
    else {
      const category = view.categories.find((c) => c.key === b.categoryKey);
      if (!category)
        refused.categoryKey = {
          code: 'unknown_category',
          message: t('Kategori tidak ada pada kompetisi ini.', 'This competition has no such category.'),
          value: b.categoryKey,
        };
      else next.category_id = category.id;
    }
  }
  if (b.implementationStart !== undefined) next.implementation_start = b.implementationStart;
  if (b.innovatorKind !== undefined) next.innovator_kind = b.innovatorKind;
  if (b.innovatorNames !== undefined) next.innovator_names = b.innovatorNames?.trim() || null;
  if (b.contactName !== undefined) next.contact_name = b.contactName?.trim() || null;
  if (b.contactPhone !== undefined) next.contact_phone = b.contactPhone?.trim() || null;
  if (b.contactEmail !== undefined) next.contact_email = b.contactEmail?.trim() || null;
  if (checked.links !== undefined)
    next.links = JSON.stringify(mergeLinks(checked.links, parseLinks(p.links)));
  if (b.declarationAccepted !== undefined) next.declaration_accepted = b.declarationAccepted ? 1 : 0;
  if (b.sourceAwardId !== undefined && b.sourceAwardId !== p.source_award_id) {
    const problem = await sourceAwardProblem(db, view, b.sourceAwardId);
    if (problem) refused.sourceAwardId = { ...problem, value: b.sourceAwardId };
    else next.source_award_id = b.sourceAwardId;
  }

  // The answers by section (the last one wins when a section is sent twice); only changed texts are written.
  const sectionsByKey = new Map(view.group.sections.map((s) => [s.key, s]));
  const typed = new Map<number, string>();
  for (const a of b.answers ?? []) {
    const section = sectionsByKey.get(a.sectionKey);
    if (!section)
      refused[`sections.${a.sectionKey}`] = {
        code: 'unknown_section',
        message: t('Bagian formulir tidak dikenal.', 'Unknown form section.'),
        value: null,
      };
    else typed.set(section.id, a.text);
  }
  // Kept on the proposal to be shown and put right; a section the form does not have has no place to be.
  const kept = Object.entries(refused).filter(([, r]) => r.code !== 'unknown_section');
  next.rejected_fields = nextRejected(p.rejected_fields, checked, Object.fromEntries(kept));

  const version = b.version + 1;
  const titleChanged = next.title !== p.title;
  // Object.assign, not `{ ...next, id }`: keys added after a spread cost V8 microseconds per object.
  const args: WriteArgs = Object.assign(
    { id: p.id, version: b.version, newVersion: version, updatedAt: now },
    next,
  );
  const stored = new Map(view.answers.map((a) => [a.sectionId, a]));
  const answers: AnswerArgs[] = [];
  const changedSections: string[] = [];
  for (const [sectionId, text] of typed) {
    if (stored.get(sectionId)?.text === text) continue;
    const wordCount = countWords(text);
    answers.push({ proposalId: p.id, sectionId, text, wordCount, updatedAt: now });
    const sectionKey = view.group.sections.find((s) => s.id === sectionId)!.key;
    stored.set(sectionId, { sectionKey, sectionId, text, wordCount, updatedAt: now });
    changedSections.push(sectionKey);
  }
  // The proposal as it now is, from what is written (the rest of the view is unchanged).
  const saved: ProposalView = {
    ...view,
    proposal: { ...p, ...next, version, updated_at: now },
    answers: view.group.sections.flatMap((s) => stored.get(s.id) ?? []),
  };
  // The proposal as another save left it (`on`: the transaction, when in one).
  const conflict = async (on: Db) => versionConflict(await loadForChange(on, input.id));

  if (
    dialectOf(db) === 'postgres' &&
    !startsRevision(view.newestRevision, { kind: 'autosave', savedBy: actorUserId, now: input.now })
  ) {
    // The common autosave on PostgreSQL: it joins the open revision (nothing to write there, no audit row),
    // and the row with its changed answers is one statement, atomic without a transaction.
    if ((await writeProposalFieldsWithAnswers(db, args, answers, titleChanged)) !== 1)
      throw await conflict(db);
  } else
    // Autosaves that arrive together commit together on SQLite (db/group-commit.ts).
    await groupTransaction(db, async (tx) => {
      if ((await writeProposalFields(tx, args, titleChanged)) !== 1) throw await conflict(tx);
      for (const a of answers) await writeAnswer(tx, a);
      const { started } = await writeRevision(tx, {
        before: view,
        view: saved,
        kind: 'autosave',
        action: null,
        savedBy: actorUserId,
        now: input.now,
      });
      if (started)
        await recordAudit(tx, {
          actorUserId,
          action: 'proposal.saved',
          entityType: 'proposal',
          entityId: input.id,
          summary: {
            code: p.code,
            version,
            fields: (Object.keys(next) as (keyof EditableFields)[]).filter(
              (k) => k !== 'rejected_fields' && next[k] !== p[k],
            ),
            sections: changedSections,
            ...(Object.keys(refused).length ? { rejected: Object.keys(refused) } : {}),
          },
          scope: proposalRecordScope(view),
          ip: input.ip,
          now: input.now,
        });
    });
  const completeness = completenessOf(saved, await loadEligibilityContext(db, saved), input.now);
  const rejected: Record<string, FieldProblem> = {};
  for (const [k, r] of Object.entries(refused)) rejected[k] = { code: r.code, message: r.message };
  return { version, savedAt: now, completeness, rejected };
}
