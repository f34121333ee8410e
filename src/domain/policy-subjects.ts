/**
 * What each action of the policy (policy.ts) is checked against: one subject type per action. Kept apart from
 * the rules so the rules read top to bottom; `Action` is the keys of `Subjects`.
 */
import type { ProposalState } from './proposal-workflow.js';

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
  /** Erase a person's personal data (UU PDP): the system administrator; oneself and the last one are guarded. */
  'user.erase': Record<string, never>;
  /** The retention settings of personal data (failed sign-ins, sessions, mail bodies…): the system administrator. */
  'retention.manage': Record<string, never>;
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
  /**
   * Replication between institutions (issue 14 point 3). Asking (`request`), withdrawing one's own request
   * (`withdraw`) and reading the institution's sent and received requests (`view`): the admin lokal or a UPP
   * of the institution (the requesting one for the first two). Answering a request (`answer`: accept or
   * decline): the admin lokal of the owner institution only. Asking one's own institution is a rule of
   * domain/replication.ts (422), not a refusal of the policy.
   */
  'replication.request': { institutionId: number };
  'replication.withdraw': { institutionId: number };
  'replication.view': { institutionId: number };
  'replication.answer': { institutionId: number };
  /**
   * The owner's side of the gallery (issue 14 points 1 and 4): consent of a non-finalist, the contact for
   * replication, which evidence is public, the yearly continuing/halted confirmation. The admin lokal of
   * the proposal's institution only.
   */
  'galleryOwner.manage': { institutionId: number };
}

/** One review assignment, as `evaluation.view`/`evaluation.score` check it. */
export interface EvaluationSubject {
  competitionId: number;
  team: 'evaluation' | 'panel';
  reviewerUserId: number;
  active: boolean;
}
