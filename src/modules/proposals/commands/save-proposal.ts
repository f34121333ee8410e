import type { SaveProposalBody } from '../../../contracts/proposals.js';
import type { Db } from '../../../db/connect.js';
import type { ProposalTable } from '../../../db/schema.js';
import { AppError, invalidFields, t, type FieldProblem } from '../../../domain/errors.js';
import { countWords } from '../../../domain/proposal-rules.js';
import { nextState } from '../../../domain/proposal-workflow.js';
import { REPLIKASI, sourceAwardRefusal } from '../../../domain/proposal-eligibility.js';
import { parseSourceYears } from '../../competitions/present.js';
import { recordAudit } from '../../../platform/audit.js';
import { completenessOf, snapshotOf } from '../present.js';
import { assertSubmissionOpen, loadForChange, writeRevision } from '../steps.js';
import {
  findAwardEntry,
  findProposal,
  listAnswers,
  loadEligibilityContext,
  titleKeyOf,
  type ProposalView,
} from '../queries.js';

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

/**
 * Autosave of the editor: refuses a stale `version` with 409 `version_conflict` carrying the server copy,
 * a proposal that is not editable in its state (409 `invalid_transition`) or after closing (409
 * `submission_closed`); otherwise saves the fields and answers (word counts kept; over the limit is
 * allowed while drafting), bumps the version and writes the (coalesced) revision, in one transaction.
 * An audit row is written when a new revision row starts, so the log is not flooded by keystrokes.
 */
export async function saveProposal(
  db: Db,
  input: { id: number; body: SaveProposalBody; actorUserId: number; ip: string | null; now: Date },
): Promise<{ version: number; savedAt: string; completeness: ReturnType<typeof completenessOf> }> {
  const b = input.body;
  const now = input.now.toISOString();
  return db.transaction().execute(async (tx) => {
    const view = await loadForChange(tx, input.id);
    assertSubmissionOpen(view, input.now);
    nextState(view.proposal.state, 'edit');
    if (view.proposal.version !== b.version) throw versionConflict(view);

    const problems: Record<string, FieldProblem> = {};
    const set: Partial<Omit<ProposalTable, 'id'>> = {};
    if (b.title !== undefined) {
      set.title = b.title;
      set.title_key = titleKeyOf(b.title);
    }
    if (b.acronym !== undefined) set.acronym = b.acronym?.trim() || null;
    if (b.categoryKey !== undefined) {
      if (b.categoryKey === null || b.categoryKey === '') set.category_id = null;
      else {
        const category = view.categories.find((c) => c.key === b.categoryKey);
        if (!category)
          problems.categoryKey = {
            code: 'unknown_category',
            message: t('Kategori tidak ada pada kompetisi ini.', 'This competition has no such category.'),
          };
        else set.category_id = category.id;
      }
    }
    if (b.implementationStart !== undefined) set.implementation_start = b.implementationStart;
    if (b.innovatorKind !== undefined) set.innovator_kind = b.innovatorKind;
    if (b.innovatorNames !== undefined) set.innovator_names = b.innovatorNames?.trim() || null;
    if (b.contactName !== undefined) set.contact_name = b.contactName?.trim() || null;
    if (b.contactPhone !== undefined) set.contact_phone = b.contactPhone?.trim() || null;
    if (b.contactEmail !== undefined) set.contact_email = b.contactEmail?.trim() || null;
    if (b.links !== undefined) set.links = JSON.stringify(b.links);
    if (b.declarationAccepted !== undefined) set.declaration_accepted = b.declarationAccepted ? 1 : 0;
    if (b.sourceAwardId !== undefined && b.sourceAwardId !== view.proposal.source_award_id) {
      const problem = await sourceAwardProblem(tx, view, b.sourceAwardId);
      if (problem) problems.sourceAwardId = problem;
      else set.source_award_id = b.sourceAwardId;
    }

    const answers: { sectionId: number; text: string }[] = [];
    for (const [i, a] of (b.answers ?? []).entries()) {
      const section = view.group.sections.find((s) => s.key === a.sectionKey);
      if (!section)
        problems[`answers.${i}.sectionKey`] = {
          code: 'unknown_section',
          message: t('Bagian formulir tidak dikenal.', 'Unknown form section.'),
        };
      else answers.push({ sectionId: section.id, text: a.text });
    }
    if (Object.keys(problems).length) throw invalidFields(problems);

    const res = await tx
      .updateTable('proposals')
      .set({ ...set, version: b.version + 1, updated_at: now })
      .where('id', '=', input.id)
      .where('version', '=', b.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw versionConflict(await loadForChange(tx, input.id));
    for (const a of answers)
      await tx
        .insertInto('proposal_answers')
        .values({
          proposal_id: input.id,
          section_id: a.sectionId,
          text: a.text,
          word_count: countWords(a.text),
          updated_at: now,
        })
        .onConflict((oc) =>
          oc.columns(['proposal_id', 'section_id']).doUpdateSet({
            text: a.text,
            word_count: countWords(a.text),
            updated_at: now,
          }),
        )
        .execute();

    // Only the row and the answers change here; the rest of the view (competition, form, unit, files)
    // is the one loaded above in this transaction, so it is not read a second time.
    const saved: ProposalView = {
      ...view,
      proposal: (await findProposal(tx, input.id))!,
      answers: await listAnswers(tx, input.id),
    };
    const started = await writeRevision(tx, {
      view: saved,
      kind: 'autosave',
      action: null,
      savedBy: input.actorUserId,
      now: input.now,
    });
    if (started)
      await recordAudit(tx, {
        actorUserId: input.actorUserId,
        action: 'proposal.saved',
        entityType: 'proposal',
        entityId: input.id,
        summary: {
          code: saved.proposal.code,
          version: saved.proposal.version,
          fields: Object.keys(set),
          sections: (b.answers ?? []).map((a) => a.sectionKey),
        },
        ip: input.ip,
        now: input.now,
      });
    const completeness = completenessOf(saved, await loadEligibilityContext(tx, saved), input.now);
    return { version: saved.proposal.version, savedAt: now, completeness };
  });
}
