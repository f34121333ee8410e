import type { Db } from '../../../db/connect.js';
import { conflict, notFound, t } from '../../../domain/errors.js';
import { CONSENTABLE_STATES } from '../../../domain/gallery-owner.js';
import type { ProposalState } from '../../../domain/proposal-workflow.js';
import { recordAudit } from '../../../platform/audit.js';
import { enqueueMail } from '../../../platform/mail/outbox.js';
import type { TemplateName } from '../../../platform/mail/templates.js';
import { recipientsWithRole } from '../../../platform/notify.js';
import { ownerProposal, type OwnerProposal } from './queries.js';

/* What every command of the owner's side of the gallery shares. */

/** Who acts (the route authorized `galleryOwner.manage` on the proposal's institution). */
export interface OwnerActor {
  userId: number;
  name: string;
}

export interface OwnerCommandInput {
  proposalId: number;
  actor: OwnerActor;
  ip: string | null;
  now: Date;
}

export const proposalNotFound = () => notFound(t('Proposal tidak ditemukan.', 'Proposal not found.'));

/** The proposal, or 404. */
export async function loadProposal(db: Db, proposalId: number): Promise<OwnerProposal> {
  const p = await ownerProposal(db, proposalId);
  if (!p) throw proposalNotFound();
  return p;
}

/** A proposal the owner's settings apply to: in the gallery, or one that may be consented into it. */
export function requireManageable(p: OwnerProposal): void {
  if (p.entry_id !== null || CONSENTABLE_STATES.includes(p.state as ProposalState)) return;
  throw conflict(
    'gallery_not_applicable',
    t(
      'Pengaturan galeri hanya untuk inovasi yang tampil di galeri atau yang dapat ditampilkan.',
      'Gallery settings apply only to innovations in the gallery or that can be shown there.',
    ),
  );
}

/** The audit row of an owner's change, scoped to the proposal's institution and competition. */
export async function auditOwner(
  tx: Db,
  p: OwnerProposal,
  input: OwnerCommandInput,
  action: string,
  summary: Record<string, unknown>,
): Promise<void> {
  await recordAudit(tx, {
    actorUserId: input.actor.userId,
    action,
    entityType: 'proposal',
    entityId: p.id,
    summary: { code: p.code, actor: { id: input.actor.userId, name: input.actor.name }, ...summary },
    scope: {
      competitionId: p.competition_id,
      organizerInstitutionId: p.organizer_institution_id,
      institutionId: p.institution_id,
    },
    ip: input.ip,
    now: input.now,
  });
}

/** Tells the proposal's unit (its UPP accounts) about a consent change; returns how many were mailed. */
export async function mailUnit(
  tx: Db,
  p: OwnerProposal,
  input: OwnerCommandInput & { template: TemplateName; link: string },
): Promise<number> {
  const upps = await recipientsWithRole(tx, {
    role: 'upp',
    institutionId: p.institution_id,
    unitId: p.unit_id,
  });
  for (const r of upps)
    await enqueueMail(tx, {
      to: r.email,
      toName: r.name,
      template: input.template,
      locale: r.locale,
      vars: {
        name: r.name,
        by: input.actor.name,
        institution: p.institution_name,
        title: p.title,
        code: p.code,
        link: input.link,
      },
      scope: { competitionId: p.competition_id, institutionId: p.institution_id },
      now: input.now,
    });
  return upps.length;
}
