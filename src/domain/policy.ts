/**
 * The one place that knows what each role may do. Every route asks `authorize`/`can`; responses carry
 * `abilities` computed here so the web app never re-implements a rule. Roles appear nowhere else.
 */
import { ORGANIZER_VISIBLE_STATES, type ProposalState } from './proposal-workflow.js';

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

/** A stored message or event: whose competition it is about, or whether it is about reference data. */
export interface RecordSubject {
  organizerInstitutionId: number | null;
  referenceData: boolean;
}

/** What each action is checked against. */
export interface Subjects {
  'competition.create': { organizerInstitutionId: number };
  'competition.manage': { organizerInstitutionId: number };
  'competition.viewDraft': { organizerInstitutionId: number };
  /** Invitations into a competition's invitation-only groups (khusus): the organizer's secretariat. */
  'invitation.manage': { organizerInstitutionId: number };
  /**
   * Installation-wide reference data: the institution registry, the registry of past awards (it decides
   * eligibility in every competition) and the review of admin lokal account requests. The system
   * administrator and the data steward it delegates to (role `data_steward`), never a secretariat as such.
   */
  'institution.manage': Record<string, never>;
  'award.manage': Record<string, never>;
  /**
   * An institution's units: its admin lokal, and the secretariat of an organizer whose competitions the
   * institution takes part in. `participatesIn`: the organizer institutions of the competitions where it
   * has a proposal that reached the organizer or a standing khusus invitation.
   */
  'unit.view': { institutionId: number; participatesIn: readonly number[] };
  'unit.manage': { institutionId: number };
  'user.viewInstitution': { institutionId: number };
  'user.createUpp': { institutionId: number };
  /** Deactivate, reactivate or move to another unit a proposer (UPP) account of the institution. */
  'user.manageUpp': { institutionId: number };
  /** Admin lokal account requests for any institution (reference data, see `institution.manage`). */
  'adminRequest.review': Record<string, never>;
  /** Open the Outbox / audit pages at all (each row is then checked with `.read`). */
  'outbox.view': Record<string, never>;
  'audit.view': Record<string, never>;
  /** One outbox message / audit event, by the scope stored with it (platform/record-scope.ts). */
  'outbox.read': RecordSubject;
  'audit.read': RecordSubject;
  /** The .eml files of the file transport: they carry the secret links, so the system administrator only. */
  'outbox.readFiles': Record<string, never>;
  /** Check the whole audit chain (its answer counts and names every event): the system administrator. */
  'audit.verify': Record<string, never>;
  'clock.control': Record<string, never>;
  'user.manageAll': Record<string, never>;
  /** Proposals: the unit is the proposer's (UPP) scope, the institution the admin lokal's. */
  'proposal.create': { institutionId: number; unitId: number };
  'proposal.view': { institutionId: number; unitId: number };
  'proposal.edit': { institutionId: number; unitId: number };
  /**
   * The proposer's own moves on its unit's proposal (issue 11): take a sent proposal back before the admin
   * lokal acted, delete a draft never sent. The UPP of the unit only: the admin lokal returns or forwards
   * what it received and never deletes a unit's draft (the unit's own work in progress).
   */
  'proposal.takeBack': { institutionId: number; unitId: number };
  'proposal.delete': { institutionId: number; unitId: number };
  'proposal.review': { institutionId: number };
  'proposal.viewAll': { organizerInstitutionId: number };
  /**
   * Participation (issue 11 point 7): which participant institutions of a competition have forwarded
   * something, and reminding the admin lokal of those that have not. The organizer's secretariat.
   */
  'participation.viewInstitutions': { organizerInstitutionId: number };
  'participation.remindInstitutions': { organizerInstitutionId: number };
  /**
   * Who scores which proposal in a scored stage (issue 12 point 3): run the optimal assignment, add,
   * withdraw, import and export pairs. The organizer's secretariat only: judging work is never the system
   * administrator's as such.
   */
  'assignment.manage': { organizerInstitutionId: number };
  /** A scored stage's results: its pass mark and basis, and setting them (who advances). The same people. */
  'stageResults.manage': { organizerInstitutionId: number };
  /**
   * The finalists (issue 12 points 7–8): their settings, the computation, publishing the provisional list
   * and fixing the final one. The organizer's secretariat only (another organizer's: 404; the system
   * administrator: judging work is never theirs as such).
   */
  'finalists.manage': { organizerInstitutionId: number };
  /**
   * Field verification (issue 13 point 3): planning visits and reading every report with its photos is
   * the organizer's secretariat's (`fieldVisit.manage`); working on one visit (checklist, photos, report) is
   * for the verifiers named on it only, while they still hold the panel grant of its competition or the
   * organizer's secretariat grant (`fieldVisit.verify`). The participant never reads findings.
   */
  'fieldVisit.manage': { organizerInstitutionId: number };
  'fieldVisit.verify': {
    competitionId: number;
    organizerInstitutionId: number;
    verifiers: readonly number[];
  };
  /** The same per unit of one institution, and reminding the UPPs of units with nothing: its admin lokal. */
  'participation.viewUnits': { institutionId: number };
  'participation.remindUnits': { institutionId: number };
  /**
   * Publishing a stage's results (issue 12 point 1; the finalists next): seeing what is staged and what
   * blocks a publication (`announcement.prepare`; the system administrator may look), and publishing it
   * (`announcement.publish`): the organizer's secretariat only. Reading a published announcement is public
   * and needs no action.
   */
  'announcement.prepare': { organizerInstitutionId: number };
  'announcement.publish': { organizerInstitutionId: number };
  /**
   * One proposal (every proposal and evidence route loads it through this, else 404): `proposal.view` in
   * any state, or `proposal.viewAll` once it has left the institution (ORGANIZER_VISIBLE_STATES).
   */
  /**
   * A competition's Tim Evaluasi and Tim Panel Independen (issue 12 point 2): invite, remove, set
   * capacities and organizer conflicts. The organizer's secretariat (and the system administrator).
   */
  'reviewTeam.manage': { organizerInstitutionId: number };
  /**
   * A reviewer's own profile in one competition (affiliation, region, expertise, capacity, declared
   * conflicts): whoever holds that team's grant for the competition (evaluation → `evaluator`, panel →
   * `panelist`). The route reads the caller's own row only; another competition's reviewer is refused.
   */
  'reviewerProfile.edit': { competitionId: number; team: 'evaluation' | 'panel' };
  'proposal.read': {
    institutionId: number;
    unitId: number;
    organizerInstitutionId: number;
    state: ProposalState;
  };
  /**
   * The uji publik (issue 12 point 8): the organizer's secretariat triages the public's objections
   * (dismiss as inadmissible, or forward to the panel); the competition's panelists decide the forwarded
   * ones. Filing is public (no actor) and checking one's own objection needs its number and e-mail.
   */
  'objection.triage': { organizerInstitutionId: number };
  'objection.adjudicate': { competitionId: number };
  /**
   * The final session (issue 13 point 4): the plenary view for the competition's panelists and its
   * organizer's secretariat; the decisions by a panelist of the competition (`results.decide`); the
   * session's settings and publishing the results by the organizer's secretariat (`results.manage`).
   */
  'results.view': { organizerInstitutionId: number; competitionId: number };
  'results.decide': { competitionId: number };
  'results.manage': { organizerInstitutionId: number };
  /**
   * Public ratings (issue 13 point 8): `manage` (the window, excluding a flagged group) is the organizer's
   * secretariat; `view` (the summary and the anomaly report) also the competition's panelists.
   */
  'publicRating.manage': { organizerInstitutionId: number };
  'publicRating.view': { organizerInstitutionId: number; competitionId: number };
  /**
   * The review engine (issue 12): one assignment's proposal and its scoring. Only the reviewer holding the
   * ACTIVE assignment, with the grant of the assignment's team (evaluator: Tim Evaluasi, panelist: Tim
   * Panel) for its competition. A withdrawn assignment is no one's; the secretariat does not score, and a
   * UPP or admin lokal never sees scores (the results come with the finalists).
   */
  'evaluation.view': EvaluationSubject;
  'evaluation.score': EvaluationSubject;
  /**
   * The selection's exports (issue 12 point 9). `scores.export`: the spreadsheet of every score of a scored
   * stage, by criterion and evaluator: the organizer's secretariat only (never the system administrator as
   * such, never an evaluator: the scores are blind). `evaluation.sheet`: one evaluation's score sheet (PDF):
   * the reviewer holding the active assignment (as `evaluation.view`), or the organizer's secretariat.
   */
  'scores.export': { organizerInstitutionId: number };
  'evaluation.sheet': EvaluationSubject & { organizerInstitutionId: number };
  /** A review stage's progress and all its scores (per reviewer, per proposal): the organizer's secretariat. */
  'review.progress': { organizerInstitutionId: number };
  /** Preparing a stage's rubric and, next, its assignments and reminders: the organizer's secretariat. */
  'review.manage': { organizerInstitutionId: number };
  /**
   * The selection's hub (issue 12): every stage from the administrative check to the uji publik with its
   * window, status and counts, linking to each page. The organizer's secretariat; the system administrator
   * may look (each link then says whether its page is theirs).
   */
  'selection.view': { organizerInstitutionId: number };
  /** The season report (issue 13 point 7): the organizer's secretariat, the system administrator all. */
  'seasonReport.view': { organizerInstitutionId: number };
  /**
   * The administrative check (issue 12 point 1): the queue, the checklist, the decisions and the
   * completion requests of a competition. Its organizer's secretariat only (the system administrator
   * keeps out of the jury's work).
   */
  'adminCheck.work': { organizerInstitutionId: number };
  /** Reading a completion request: the admin lokal of the proposal's institution and the UPP of its unit. */
  'completion.view': { institutionId: number; unitId: number };
  /** Completing the named items and sending the completion: the admin lokal of the proposal's institution. */
  'completion.submit': { institutionId: number };
  /**
   * Certificates (piagam, issue 13 point 5): settings, issuing, revoking and every certificate of a
   * competition: its organizer's secretariat. One certificate's PDF: also the admin lokal of the proposal's
   * institution and the UPP of its unit. Verifying one is public and needs no action.
   */
  'certificate.manage': { organizerInstitutionId: number };
  'certificate.download': { institutionId: number; unitId: number; organizerInstitutionId: number };
  /**
   * A certificate as one's own, as a participant: the admin lokal of the proposal's institution, the UPP
   * of its unit. The organizer's secretariat downloads it but does not list it as its own.
   */
  'certificate.viewOwn': { institutionId: number; unitId: number };
  /** The list of one's own certificates: whoever serves an institution (admin lokal) or a unit (UPP). */
  'certificate.listOwn': Record<string, never>;
  /**
   * The presentation and interview (issue 13 point 2): the schedule (sessions, slots, publication,
   * rescheduling decisions) is the organizer's secretariat's; a finalist's invitation letter, upload and
   * slot are its institution's admin lokal's and its unit's UPP's; asking to reschedule is the admin
   * lokal's; a session's slots and uploads are its seated panelists'.
   */
  'presentation.manage': { organizerInstitutionId: number };
  'presentation.participate': { institutionId: number; unitId: number };
  'presentation.reschedule': { institutionId: number };
  'presentation.sit': { competitionId: number; seated: boolean };
}

/** One review assignment, as `evaluation.view`/`evaluation.score` check it. */
export interface EvaluationSubject {
  competitionId: number;
  team: 'evaluation' | 'panel';
  reviewerUserId: number;
  active: boolean;
}

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
