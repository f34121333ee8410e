/**
 * The one place that knows what each role may do. Every route asks `authorize`/`can`; responses carry
 * `abilities` computed here so the web app never re-implements a rule. Roles appear nowhere else.
 */
import { ORGANIZER_VISIBLE_STATES } from './proposal-workflow.js';
import type { EvaluationSubject, RecordSubject, Subjects } from './policy-subjects.js';

export type Role =
  'upp' | 'local_admin' | 'secretariat' | 'evaluator' | 'panelist' | 'system_admin' | 'data_steward';

export interface Grant {
  role: Role;
  institutionId: number | null;
  unitId: number | null;
  competitionId: number | null;
}

export interface Actor {
  userId: number;
  grants: Grant[];
}

export type { EvaluationSubject, RecordSubject, Subjects } from './policy-subjects.js';

export type Action = keyof Subjects;

export type DenyReason =
  | 'notAuthenticated'
  | 'missingRole'
  | 'otherInstitution'
  | 'otherUnit'
  | 'otherOrganizer'
  | 'notParticipant'
  | 'otherCompetition'
  | 'notAssigned'
  | 'featureDisabled';

export type Decision = { allowed: true } | { allowed: false; reason: DenyReason };

const ALLOW: Decision = { allowed: true };
const deny = (reason: DenyReason): Decision => ({ allowed: false, reason });

const has = (actor: Actor, role: Role) => actor.grants.some((g) => g.role === role);
const hasIn = (actor: Actor, role: Role, institutionId: number) =>
  actor.grants.some((g) => g.role === role && g.institutionId === institutionId);
const hasInCompetition = (actor: Actor, role: Role, competitionId: number) =>
  actor.grants.some((g) => g.role === role && g.competitionId === competitionId);
const hasInUnit = (actor: Actor, role: Role, institutionId: number, unitId: number) =>
  actor.grants.some((g) => g.role === role && g.institutionId === institutionId && g.unitId === unitId);

/** Decides one action; `context.clockControl` reflects the server's configuration. */
export function decide<A extends Action>(
  actor: Actor | null,
  action: A,
  subject: Subjects[A],
  context: { clockControl?: boolean } = {},
): Decision {
  if (!actor) return deny('notAuthenticated');
  const isAdmin = has(actor, 'system_admin');
  switch (action) {
    case 'competition.create':
    case 'competition.manage':
    case 'competition.viewDraft':
    case 'invitation.manage': {
      const s = subject as Subjects['competition.create'];
      if (isAdmin || hasIn(actor, 'secretariat', s.organizerInstitutionId)) return ALLOW;
      return has(actor, 'secretariat') ? deny('otherOrganizer') : deny('missingRole');
    }
    case 'institution.manage':
    case 'award.manage':
    case 'adminRequest.review':
      return isAdmin || has(actor, 'data_steward') ? ALLOW : deny('missingRole');
    // The pages open for whoever may read some rows; which rows is `outbox.read`/`audit.read`.
    case 'outbox.view':
    case 'audit.view':
      return isAdmin || has(actor, 'secretariat') || has(actor, 'data_steward') ? ALLOW : deny('missingRole');
    // The system administrator reads every row; a secretariat the rows of its own organizer's
    // competitions and their participants; the data steward the rows about reference data. A row
    // with no scope is the system administrator's alone.
    case 'outbox.read':
    case 'audit.read': {
      const s = subject as RecordSubject;
      if (isAdmin) return ALLOW;
      if (s.organizerInstitutionId !== null && hasIn(actor, 'secretariat', s.organizerInstitutionId))
        return ALLOW;
      if (s.referenceData && has(actor, 'data_steward')) return ALLOW;
      return has(actor, 'secretariat') ? deny('otherOrganizer') : deny('missingRole');
    }
    case 'certificate.listOwn':
      return has(actor, 'local_admin') || has(actor, 'upp') ? ALLOW : deny('missingRole');
    case 'outbox.readFiles':
    case 'audit.verify':
      return isAdmin ? ALLOW : deny('missingRole');
    case 'unit.view': {
      const s = subject as Subjects['unit.view'];
      if (isAdmin || hasIn(actor, 'local_admin', s.institutionId)) return ALLOW;
      if (s.participatesIn.some((organizer) => hasIn(actor, 'secretariat', organizer))) return ALLOW;
      if (has(actor, 'secretariat')) return deny('notParticipant');
      return has(actor, 'local_admin') ? deny('otherInstitution') : deny('missingRole');
    }
    case 'unit.manage':
    case 'user.viewInstitution':
    case 'user.createUpp':
    case 'user.manageUpp': {
      const s = subject as Subjects['unit.manage'];
      if (isAdmin || hasIn(actor, 'local_admin', s.institutionId)) return ALLOW;
      return has(actor, 'local_admin') ? deny('otherInstitution') : deny('missingRole');
    }
    case 'clock.control':
      if (!context.clockControl) return deny('featureDisabled');
      return isAdmin ? ALLOW : deny('missingRole');
    case 'user.manageAll':
    case 'user.erase':
    case 'retention.manage':
      return isAdmin ? ALLOW : deny('missingRole');
    // Only the UPP of the unit writes its proposals (the workflow limits editing to draft/returned);
    // the admin lokal reads them and returns them with a note rather than rewriting them.
    case 'proposal.create':
    case 'proposal.edit':
    case 'proposal.takeBack':
    case 'proposal.delete': {
      const s = subject as Subjects['proposal.edit'];
      if (hasInUnit(actor, 'upp', s.institutionId, s.unitId)) return ALLOW;
      return has(actor, 'upp') ? deny('otherUnit') : deny('missingRole');
    }
    case 'proposal.view': {
      const s = subject as Subjects['proposal.view'];
      if (isAdmin || hasInUnit(actor, 'upp', s.institutionId, s.unitId)) return ALLOW;
      if (hasIn(actor, 'local_admin', s.institutionId)) return ALLOW;
      if (has(actor, 'local_admin')) return deny('otherInstitution');
      return has(actor, 'upp') ? deny('otherUnit') : deny('missingRole');
    }
    case 'proposal.review': {
      const s = subject as Subjects['proposal.review'];
      if (hasIn(actor, 'local_admin', s.institutionId)) return ALLOW;
      return has(actor, 'local_admin') ? deny('otherInstitution') : deny('missingRole');
    }
    case 'proposal.viewAll': {
      const s = subject as Subjects['proposal.viewAll'];
      if (isAdmin || hasIn(actor, 'secretariat', s.organizerInstitutionId)) return ALLOW;
      return has(actor, 'secretariat') ? deny('otherOrganizer') : deny('missingRole');
    }
    // The system administrator may look; only the competition's own secretariat (or the institution's
    // own admin lokal) sends reminders in its name.
    case 'participation.viewInstitutions':
    case 'participation.remindInstitutions': {
      const s = subject as Subjects['participation.viewInstitutions'];
      if (hasIn(actor, 'secretariat', s.organizerInstitutionId)) return ALLOW;
      if (isAdmin && action === 'participation.viewInstitutions') return ALLOW;
      return has(actor, 'secretariat') ? deny('otherOrganizer') : deny('missingRole');
    }
    case 'announcement.prepare':
    case 'announcement.publish': {
      const s = subject as Subjects['announcement.publish'];
      if (hasIn(actor, 'secretariat', s.organizerInstitutionId)) return ALLOW;
      if (isAdmin && action === 'announcement.prepare') return ALLOW;
      return has(actor, 'secretariat') ? deny('otherOrganizer') : deny('missingRole');
    }
    // The competition's panel reads the public's ratings as an input; else as `publicRating.manage`.
    case 'publicRating.view': {
      const s = subject as Subjects['publicRating.view'];
      if (hasInCompetition(actor, 'panelist', s.competitionId)) return ALLOW;
      return decide(actor, 'publicRating.manage', s);
    }
    case 'assignment.manage':
    case 'stageResults.manage':
    case 'finalists.manage':
    case 'certificate.manage':
    case 'results.manage':
    case 'publicRating.manage':
    case 'fieldVisit.manage':
    case 'presentation.manage': {
      const s = subject as Subjects['assignment.manage'];
      if (hasIn(actor, 'secretariat', s.organizerInstitutionId)) return ALLOW;
      return has(actor, 'secretariat') ? deny('otherOrganizer') : deny('missingRole');
    }
    case 'participation.viewUnits':
    case 'participation.remindUnits': {
      const s = subject as Subjects['participation.viewUnits'];
      if (hasIn(actor, 'local_admin', s.institutionId)) return ALLOW;
      if (isAdmin && action === 'participation.viewUnits') return ALLOW;
      return has(actor, 'local_admin') ? deny('otherInstitution') : deny('missingRole');
    }
    case 'reviewTeam.manage': {
      const s = subject as Subjects['reviewTeam.manage'];
      if (isAdmin || hasIn(actor, 'secretariat', s.organizerInstitutionId)) return ALLOW;
      return has(actor, 'secretariat') ? deny('otherOrganizer') : deny('missingRole');
    }
    case 'reviewerProfile.edit': {
      const s = subject as Subjects['reviewerProfile.edit'];
      const role: Role = s.team === 'panel' ? 'panelist' : 'evaluator';
      if (hasInCompetition(actor, role, s.competitionId)) return ALLOW;
      return has(actor, role) ? deny('otherCompetition') : deny('missingRole');
    }
    case 'proposal.read': {
      const s = subject as Subjects['proposal.read'];
      const own = decide(actor, 'proposal.view', { institutionId: s.institutionId, unitId: s.unitId });
      if (own.allowed) return ALLOW;
      const organizer = decide(actor, 'proposal.viewAll', {
        organizerInstitutionId: s.organizerInstitutionId,
      });
      // Not its organizer: the more telling reason (a secretariat hears "another organizer").
      if (!organizer.allowed) return own.reason === 'missingRole' ? organizer : own;
      // Its organizer, before the proposal left the institution: it is still the institution's own.
      return ORGANIZER_VISIBLE_STATES.includes(s.state) ? ALLOW : deny('otherInstitution');
    }
    case 'objection.triage': {
      const s = subject as Subjects['objection.triage'];
      if (hasIn(actor, 'secretariat', s.organizerInstitutionId)) return ALLOW;
      return has(actor, 'secretariat') ? deny('otherOrganizer') : deny('missingRole');
    }
    // The panel decides on behalf of the panel (one panelist records it); not the evaluators, not the
    // secretariat, not another competition's panel.
    case 'objection.adjudicate':
    case 'results.decide': {
      const s = subject as Subjects['objection.adjudicate'];
      if (hasInCompetition(actor, 'panelist', s.competitionId)) return ALLOW;
      return has(actor, 'panelist') ? deny('otherCompetition') : deny('missingRole');
    }
    case 'results.view': {
      const s = subject as Subjects['results.view'];
      if (hasIn(actor, 'secretariat', s.organizerInstitutionId)) return ALLOW;
      if (hasInCompetition(actor, 'panelist', s.competitionId)) return ALLOW;
      if (has(actor, 'secretariat')) return deny('otherOrganizer');
      return has(actor, 'panelist') ? deny('otherCompetition') : deny('missingRole');
    }
    case 'evaluation.view':
    case 'evaluation.score': {
      const s = subject as EvaluationSubject;
      const role: Role = s.team === 'panel' ? 'panelist' : 'evaluator';
      if (!has(actor, role)) return deny('missingRole');
      if (!hasInCompetition(actor, role, s.competitionId)) return deny('otherCompetition');
      return s.active && actor.userId === s.reviewerUserId ? ALLOW : deny('notAssigned');
    }
    case 'scores.export': {
      const s = subject as Subjects['scores.export'];
      if (hasIn(actor, 'secretariat', s.organizerInstitutionId)) return ALLOW;
      return has(actor, 'secretariat') ? deny('otherOrganizer') : deny('missingRole');
    }
    case 'evaluation.sheet': {
      const s = subject as Subjects['evaluation.sheet'];
      if (hasIn(actor, 'secretariat', s.organizerInstitutionId)) return ALLOW;
      if (has(actor, 'secretariat')) return deny('otherOrganizer');
      return decide(actor, 'evaluation.view', s);
    }
    case 'review.progress':
    case 'review.manage':
    case 'selection.view':
    case 'seasonReport.view': {
      const s = subject as Subjects['review.progress'];
      if (isAdmin || hasIn(actor, 'secretariat', s.organizerInstitutionId)) return ALLOW;
      return has(actor, 'secretariat') ? deny('otherOrganizer') : deny('missingRole');
    }
    case 'fieldVisit.verify': {
      const s = subject as Subjects['fieldVisit.verify'];
      const member =
        hasInCompetition(actor, 'panelist', s.competitionId) ||
        hasIn(actor, 'secretariat', s.organizerInstitutionId);
      if (member && s.verifiers.includes(actor.userId)) return ALLOW;
      return member || has(actor, 'panelist') || has(actor, 'secretariat')
        ? deny('notAssigned')
        : deny('missingRole');
    }
    case 'adminCheck.work': {
      const s = subject as Subjects['adminCheck.work'];
      if (hasIn(actor, 'secretariat', s.organizerInstitutionId)) return ALLOW;
      return has(actor, 'secretariat') ? deny('otherOrganizer') : deny('missingRole');
    }
    case 'certificate.download':
    case 'certificate.viewOwn':
    case 'completion.view':
    case 'presentation.participate': {
      // Only a certificate's subject names its organizer (whose secretariat may download it too).
      const s = subject as Subjects['certificate.download'];
      const certificate = action === 'certificate.download';
      if (certificate && hasIn(actor, 'secretariat', s.organizerInstitutionId)) return ALLOW;
      if (hasIn(actor, 'local_admin', s.institutionId)) return ALLOW;
      if (hasInUnit(actor, 'upp', s.institutionId, s.unitId)) return ALLOW;
      if (has(actor, 'local_admin')) return deny('otherInstitution');
      if (has(actor, 'upp')) return deny('otherUnit');
      return certificate && has(actor, 'secretariat') ? deny('otherOrganizer') : deny('missingRole');
    }
    case 'completion.submit':
    case 'presentation.reschedule': {
      const s = subject as Subjects['completion.submit'];
      if (hasIn(actor, 'local_admin', s.institutionId)) return ALLOW;
      return has(actor, 'local_admin') ? deny('otherInstitution') : deny('missingRole');
    }
    case 'presentation.sit': {
      const s = subject as Subjects['presentation.sit'];
      if (!hasInCompetition(actor, 'panelist', s.competitionId))
        return has(actor, 'panelist') ? deny('otherCompetition') : deny('missingRole');
      return s.seated ? ALLOW : deny('notAssigned');
    }
    // Replication between institutions (issue 14 point 3): whoever serves the institution asks and reads;
    // its admin lokal alone answers what it received.
    case 'replication.request':
    case 'replication.withdraw':
    case 'replication.view': {
      const s = subject as Subjects['replication.request'];
      if (hasIn(actor, 'local_admin', s.institutionId) || hasIn(actor, 'upp', s.institutionId)) return ALLOW;
      return has(actor, 'local_admin') || has(actor, 'upp') ? deny('otherInstitution') : deny('missingRole');
    }
    // The owner's side of the gallery (issue 14 points 1 and 4): the proposal's institution's admin lokal.
    case 'replication.answer':
    case 'galleryOwner.manage': {
      const s = subject as Subjects['galleryOwner.manage'];
      if (hasIn(actor, 'local_admin', s.institutionId)) return ALLOW;
      return has(actor, 'local_admin') ? deny('otherInstitution') : deny('missingRole');
    }
    default: {
      const unreachable: never = action;
      throw new Error(`unknown action ${String(unreachable)}`);
    }
  }
}

export function can<A extends Action>(
  actor: Actor | null,
  action: A,
  subject: Subjects[A],
  context?: { clockControl?: boolean },
): boolean {
  return decide(actor, action, subject, context).allowed;
}

/** Why an action is refused, or null when it is allowed. */
export function whyNot<A extends Action>(
  actor: Actor | null,
  action: A,
  subject: Subjects[A],
  context?: { clockControl?: boolean },
): DenyReason | null {
  const d = decide(actor, action, subject, context);
  return d.allowed ? null : d.reason;
}

export const DENY_TEXT: Record<DenyReason, { id: string; en: string }> = {
  notAuthenticated: { id: 'Silakan masuk terlebih dahulu.', en: 'Please log in first.' },
  missingRole: {
    id: 'Peran Anda tidak mengizinkan tindakan ini.',
    en: 'Your role does not allow this action.',
  },
  otherInstitution: {
    id: 'Data ini milik instansi lain.',
    en: 'This belongs to another institution.',
  },
  otherUnit: {
    id: 'Data ini milik unit lain.',
    en: 'This belongs to another unit.',
  },
  otherOrganizer: {
    id: 'Kompetisi ini diselenggarakan oleh instansi lain.',
    en: 'This competition is run by another organizer.',
  },
  notParticipant: {
    id: 'Instansi ini tidak mengikuti kompetisi yang diselenggarakan instansi Anda.',
    en: 'This institution takes part in no competition your institution organizes.',
  },
  otherCompetition: {
    id: 'Anda tidak tergabung dalam tim penilai kompetisi ini.',
    en: "You are not on this competition's review team.",
  },
  notAssigned: {
    id: 'Proposal ini tidak ditugaskan kepada Anda.',
    en: 'This proposal is not assigned to you.',
  },
  featureDisabled: { id: 'Fitur ini tidak diaktifkan.', en: 'This feature is not enabled.' },
};

/** The roles an actor holds, for the navigation the web app shows. */
export function rolesOf(actor: Actor | null): Role[] {
  return actor ? [...new Set(actor.grants.map((g) => g.role))] : [];
}

/** Every role (the scope derivations of policy-scopes.ts ask `decide` for each). */
export const ALL_ROLES = [
  'system_admin',
  'data_steward',
  'secretariat',
  'local_admin',
  'upp',
  'evaluator',
  'panelist',
] as const satisfies readonly Role[];
// Every role is listed above (a new role that is not fails to compile here).
const allRolesListed: Role extends (typeof ALL_ROLES)[number] ? true : never = true;
void allRolesListed;
