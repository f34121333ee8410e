import type { Db } from '../../../db/connect.js';
import {
  allowedMimesFor,
  assertKindAllowed,
  proposalFilesTooLarge,
  unknownSection,
  uploadBudget,
  type AttachmentKindName,
} from '../../../domain/attachments.js';
import { notFound, t } from '../../../domain/errors.js';
import { nextState } from '../../../domain/proposal-workflow.js';
import { fileTooLarge, unsupportedFileType, type StagedObject } from '../../../platform/storage.js';
import { limitsOf } from '../storage-limits.js';
import { listAttachments, type AttachmentView } from '../attachment-rows.js';
import { loadForChange, type ProposalView } from '../view.js';
import { assertSubmissionOpen } from '../refusals.js';
import { lockProposalFiles } from './blobs.js';

export const attachmentNotFound = () => notFound(t('Lampiran tidak ditemukan.', 'Attachment not found.'));

/** Refuses a change when the proposal is not editable: closed submission (409) or its state (409). */
export function assertEditable(view: ProposalView, now: Date): void {
  assertSubmissionOpen(view, now);
  nextState(view.proposal.state, 'edit');
}

/** Who may change the files now, checked on the proposal as locked: the drafting rule unless replaced. */
export type EditRule = (locked: ProposalView) => void;

/**
 * Inside the transaction: locks the proposal's files, reloads it and checks it is still editable (the
 * drafting rule, or the caller's `rule` instead: the admin lokal's completion after the closing).
 */
export async function loadEditable(
  tx: Db,
  proposalId: number,
  now: Date,
  rule?: EditRule,
): Promise<ProposalView> {
  await lockProposalFiles(tx, proposalId);
  const view = await loadForChange(tx, proposalId);
  if (rule) rule(view);
  else assertEditable(view, now);
  return view;
}

/** The attachment of this proposal, or 404 (an id of another proposal reveals nothing). */
export function attachmentOf(view: ProposalView, attachmentId: number): AttachmentView {
  const a = view.attachments.find((x) => x.id === attachmentId);
  if (!a) throw attachmentNotFound();
  return a;
}

/** One attachment of a proposal as it now is (inside the transaction that changed it). */
export async function reloadAttachment(tx: Db, proposalId: number, attachmentId: number) {
  const a = (await listAttachments(tx, proposalId)).find((x) => x.id === attachmentId);
  if (!a) throw attachmentNotFound();
  return a;
}

/** The section id of a key ('' or null: the whole proposal), or 400 on `sectionKey`. */
export function sectionIdOf(view: ProposalView, sectionKey: string | null | undefined): number | null {
  if (!sectionKey) return null;
  const s = view.group.sections.find((x) => x.key === sectionKey);
  if (!s) throw unknownSection();
  return s.id;
}

/** What one upload may be: its kind allowed here, its types, and at most how many bytes. */
export function uploadRules(
  view: ProposalView,
  input: { kind: AttachmentKindName; replacingId?: number },
): {
  allowedMimes: string[];
  maxBytes: number;
  limitedBy: 'file' | 'proposal';
  othersBytes: number;
} {
  const others = view.attachments.filter((a) => a.id !== input.replacingId);
  assertKindAllowed(input.kind, {
    groupKey: view.group.key,
    otherStatements: others.filter((a) => a.kind === 'replication_statement').length,
  });
  const limits = limitsOf(view);
  const othersBytes = others.reduce((n, a) => n + a.size, 0);
  const budget = uploadBudget(limits, othersBytes);
  if (budget.maxBytes === 0) throw proposalFilesTooLarge(limits.maxProposalBytes, othersBytes);
  return { allowedMimes: allowedMimesFor(input.kind, limits.allowedTypes), ...budget, othersBytes };
}

/**
 * Inside the transaction, on the reloaded proposal: the same rules again, so two uploads running at once
 * cannot together pass the proposal's limit, nor a change of settings in between be ignored.
 */
export function recheckUpload(
  view: ProposalView,
  input: { kind: AttachmentKindName; replacingId?: number; staged: StagedObject },
): void {
  const rules = uploadRules(view, input);
  const limits = limitsOf(view);
  if (input.staged.size > limits.maxFileBytes) throw fileTooLarge(limits.maxFileBytes);
  if (rules.othersBytes + input.staged.size > limits.maxProposalBytes)
    throw proposalFilesTooLarge(limits.maxProposalBytes, rules.othersBytes);
  if (!rules.allowedMimes.includes(input.staged.mime)) throw unsupportedFileType(rules.allowedMimes);
}

/** What the audit log keeps of one file. */
export const auditFile = (a: Pick<AttachmentView, 'name' | 'size' | 'sha256'>) => ({
  name: a.name,
  size: a.size,
  sha256: a.sha256,
});
