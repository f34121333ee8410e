import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/*
 * Conventions shared by SQLite and PostgreSQL:
 * - instants are ISO-8601 UTC strings ("2026-05-11T16:59:00.000Z"), which sort as text;
 * - booleans are integers 0/1 (better-sqlite3 cannot bind JS booleans);
 * - structured settings are JSON text.
 */

export type Bool = 0 | 1;

export type InstitutionType =
  | 'kementerian'
  | 'lembaga'
  | 'pemerintah_provinsi'
  | 'pemerintah_kabupaten'
  | 'pemerintah_kota'
  | 'bumn'
  | 'bumd';

export type Role =
  'upp' | 'local_admin' | 'secretariat' | 'evaluator' | 'panelist' | 'system_admin' | 'data_steward';

export interface InstitutionTable {
  id: Generated<number>;
  type: InstitutionType;
  name: string;
  short_name: string | null;
  region_code: string | null;
  parent_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface UnitTable {
  id: Generated<number>;
  institution_id: number;
  name: string;
  /** 'pd' (perangkat daerah / satuan kerja) or 'upp' (unit pelayanan publik). */
  kind: 'pd' | 'upp';
  parent_unit_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: Generated<number>;
  email: string;
  name: string;
  position: string | null;
  phone: string | null;
  password_hash: string | null;
  locale: 'id' | 'en';
  /** Set when someone else created the account: first login must complete the profile and set a password. */
  must_complete_profile: Bool;
  is_active: Bool;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
}

export interface RoleGrantTable {
  id: Generated<number>;
  user_id: number;
  role: Role;
  institution_id: number | null;
  unit_id: number | null;
  competition_id: number | null;
  granted_by: number | null;
  created_at: string;
}

export interface SessionTable {
  /** sha256 of the cookie token; the token itself is never stored. */
  id: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface PasswordTokenTable {
  id: Generated<number>;
  user_id: number;
  token_hash: string;
  /** sign_in: the e-mailed one-time sign-in link (migration 0014). */
  purpose: 'reset' | 'set_password' | 'sign_in';
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface LoginFailureTable {
  id: Generated<number>;
  email: string;
  ip: string;
  at: string;
  /** The known-device id the attempt carried for this account, if any (migration 0014). */
  device: string | null;
  /** login, or change_password: a wrong current password on the change-password route (migration 0014). */
  kind: ColumnType<'login' | 'change_password', 'login' | 'change_password' | undefined, never>;
}

export interface FileTable {
  id: Generated<number>;
  sha256: string;
  size: number;
  mime: string;
  original_name: string;
  storage_key: string;
  uploaded_by: number | null;
  created_at: string;
}

export interface AdminRequestTable {
  id: Generated<number>;
  institution_id: number;
  name: string;
  position: string;
  email: string;
  phone: string;
  letter_number: string | null;
  letter_file_id: number;
  locale: 'id' | 'en';
  status: 'pending' | 'approved' | 'rejected';
  reason: string | null;
  decided_by: number | null;
  decided_at: string | null;
  created_user_id: number | null;
  ip: string | null;
  created_at: string;
}

export interface CompetitionTable {
  id: Generated<number>;
  organizer_institution_id: number;
  /** Short code used in proposal IDs, e.g. KIPP. */
  code: string;
  name: string;
  year: number;
  theme: string;
  description: string | null;
  time_zone: string;
  status: 'draft' | 'published' | 'archived';
  /** JSON: competition-wide settings (allowed file types, size limits, ...). */
  settings: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  /** Moves (by trigger) on any change of the competition's setup; keys the in-memory setup cache. */
  config_rev: Generated<number>;
  /** Who may take part: JSON of domain/participation.ts ParticipationRule; null = every institution. */
  participants: string | null;
}

export interface CategoryTable {
  id: Generated<number>;
  competition_id: number;
  key: string;
  name_id: string;
  name_en: string;
  position: number;
}

export interface CompetitionGroupTable {
  id: Generated<number>;
  competition_id: number;
  key: string;
  name_id: string;
  name_en: string;
  description_id: string | null;
  description_en: string | null;
  min_implementation_months: number;
  /** Maximum forwarded proposals per participant institution; null = outside the quota. */
  quota_per_institution: number | null;
  invitation_only: Bool;
  position: number;
  /** JSON array of the award years a replikasi source may come from; null = any year. */
  source_years: string | null;
  /** Supporting files a proposal of the group must carry in all (default 1; 0 = none required). */
  evidence_min: Generated<number>;
}

export interface FormSectionTable {
  id: Generated<number>;
  group_id: number;
  key: string;
  label_id: string;
  label_en: string;
  guidance_id: string | null;
  guidance_en: string | null;
  word_limit: number | null;
  weight: number;
  required: Bool;
  position: number;
  /** 1 when the section needs its own supporting file (kind 'evidence' tied to it); default 0. */
  evidence_required: Generated<Bool>;
}

export interface StageTable {
  id: Generated<number>;
  competition_id: number;
  kind: string;
  name_id: string;
  name_en: string;
  opens_at: string | null;
  closes_at: string | null;
  position: number;
  /** JSON: per-stage flags (who sees what, letter number of an extension, ...). */
  settings: string;
}

export interface OutboxTable {
  id: Generated<number>;
  to_address: string;
  to_name: string | null;
  subject: string;
  text_body: string;
  html_body: string | null;
  template: string;
  locale: 'id' | 'en';
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  message_id: string | null;
  eml_path: string | null;
  created_at: string;
  sent_at: string | null;
  /** 1: the message carries a secret link; its real bodies are in outbox_secrets until delivered. */
  has_secret: Generated<number>;
  /** Whose mail/event this is (migration 0012): decides who may read it; none = system administrator only. */
  competition_id: Generated<number | null>;
  organizer_institution_id: Generated<number | null>;
  institution_id: Generated<number | null>;
  /** 1: about the installation's reference data (institutions, awards, admin requests). */
  reference_data: Generated<number>;
}

/** The real bodies of a message with a secret link, until it is delivered or the link expires (0012). */
export interface OutboxSecretTable {
  outbox_id: number;
  text_body: string;
  html_body: string | null;
  expires_at: string;
}

export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  title_id: string;
  title_en: string;
  body_id: string;
  body_en: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
}

export interface AuditEventTable {
  id: Generated<number>;
  actor_user_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  /** JSON: { before?, after?, ...details } */
  summary: string;
  ip: string | null;
  created_at: string;
  prev_hash: string | null;
  hash: string;
  /** Whose mail/event this is (migration 0012): decides who may read it; none = system administrator only. */
  competition_id: Generated<number | null>;
  organizer_institution_id: Generated<number | null>;
  institution_id: Generated<number | null>;
  /** 1: about the installation's reference data (institutions, awards, admin requests). */
  reference_data: Generated<number>;
  /** 1: hashed with the audit key (HMAC-SHA256); 0: an unkeyed event from before migration 0012. */
  keyed: Generated<number>;
}

/** The chain's count and head, signed with the audit key (migration 0012). */
export interface AuditCheckpointTable {
  name: string;
  event_count: number;
  last_event_id: number;
  head_hash: string | null;
  created_at: string;
  mac: string;
}

export interface JobTable {
  id: Generated<number>;
  kind: string;
  /** Unique so the same timed event is scheduled (and run) once. */
  unique_key: string;
  run_at: string;
  payload: string;
  status: 'pending' | 'running' | 'done' | 'failed';
  attempts: number;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
}

export type ProposalStateValue =
  | 'draft'
  | 'sent_to_local_admin'
  | 'returned'
  | 'forwarded'
  | 'withdrawn'
  | 'received'
  | 'frozen'
  | 'incomplete'
  | 'passed_admin'
  | 'disqualified'
  | 'finalist';

export interface ProposalTable {
  id: Generated<number>;
  competition_id: number;
  /** Readable ID, e.g. KIPP-2026-00042. */
  code: string;
  institution_id: number;
  unit_id: number;
  group_id: number;
  category_id: number | null;
  title: string;
  /** normalizeTitle(title) (domain/eligibility), for the duplicate-title rule; null = not known. */
  title_key: string | null;
  acronym: string | null;
  /** YYYY-MM-DD. */
  implementation_start: string | null;
  innovator_kind: 'person' | 'team' | null;
  innovator_names: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  /** JSON: [{ label, url }] (standar pelayanan, video, ...). */
  links: string;
  declaration_accepted: Bool;
  state: ProposalStateValue;
  /** Optimistic lock: every save bumps it. */
  version: number;
  created_by: number;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  forwarded_at: string | null;
  received_at: string | null;
  returned_note: string | null;
  /** The award a replikasi proposal builds on. */
  source_award_id: number | null;
  /**
   * JSON `{ <field>: { code, message, value } }`: what the autosaves refused, as typed ('' = nothing);
   * modules/proposals/save-fields.ts.
   */
  rejected_fields: ColumnType<string, string | undefined, string>;
}

export type AttachmentKind = 'evidence' | 'replication_statement';

/** One file of a proposal's evidence, optionally tied to a section of its form. */
export interface ProposalAttachmentTable {
  id: Generated<number>;
  proposal_id: number;
  file_id: number;
  kind: AttachmentKind;
  section_id: number | null;
  uploaded_by: number;
  created_at: string;
  updated_at: string;
}

/** AWARD_LEVELS in contracts/awards.ts. */
export type AwardLevel =
  'TOP9' | 'TOP25' | 'TOP35' | 'TOP40' | 'TOP45' | 'TOP99' | 'OPSI' | 'TOP5_REPLIKASI' | 'KHUSUS' | 'OAPSI';

/** One innovation a public source names as a winner at a level in a year (the registry of past awards). */
export interface AwardTable {
  id: Generated<number>;
  year: number;
  level: AwardLevel;
  innovation_title: string;
  /** As the source wrote it; '' when the source names none. */
  institution_name: string;
  /** The institution, when its name matches one clearly. */
  institution_id: number | null;
  source_url: string | null;
  notes: string | null;
  created_at: string;
  /** Null for rows loaded by the seed. */
  created_by: number | null;
  updated_at: string;
}

/** An institution invited (by letter) into an invitation-only group (khusus), optionally for one award. */
export interface InvitationTable {
  id: Generated<number>;
  competition_id: number;
  group_id: number;
  institution_id: number;
  award_id: number | null;
  letter_number: string;
  invited_by: number;
  created_at: string;
  /** Set when the invitation is withdrawn; the row stays for the record. */
  revoked_at: string | null;
  revoked_by: number | null;
}

/** A recorded structural change of a published competition (Adendum); never changed or deleted. */
export interface AmendmentTable {
  id: Generated<number>;
  competition_id: number;
  number: string;
  /** JSON array of { id, en }: what changed, in words. */
  changes: string;
  reason_id: string;
  reason_en: string | null;
  created_by: number;
  created_at: string;
}

export interface ProposalCounterTable {
  competition_id: number;
  last_seq: number;
}

export interface ProposalAnswerTable {
  id: Generated<number>;
  proposal_id: number;
  section_id: number;
  text: string;
  word_count: number;
  updated_at: string;
}

export interface ProposalRevisionTable {
  id: Generated<number>;
  proposal_id: number;
  version: number;
  kind: 'autosave' | 'transition';
  action: string | null;
  /**
   * JSON snapshot of the proposal and its answers; '' (PENDING_SNAPSHOT) for the open autosave revision,
   * whose content is the proposal itself until the next revision starts (modules/proposals/revisions.ts).
   */
  snapshot: string;
  /** Who saved it; null for the system (the closing job, migration 0019). */
  saved_by: number | null;
  created_at: string;
  saved_at: string;
}

/** A number per kind of cached reference data, changed by triggers on every write (migration 0010). */
export interface DataRevisionTable {
  /** awards: the registry (migration 0010). */
  name: 'awards';
  rev: number;
}

/** One person reminded to take part in a competition (migration 0026, issue 11 point 7). */
export interface ParticipationReminderTable {
  id: Generated<number>;
  competition_id: number;
  /** institution: the organizer reminded an admin lokal; unit: an admin lokal reminded a UPP. */
  level: 'institution' | 'unit';
  institution_id: number;
  unit_id: number | null;
  recipient_user_id: number;
  sent_by: number;
  created_at: string;
}

export type AdminCheckOutcome = 'passed' | 'incomplete' | 'disqualified';

/** The secretariat's administrative check of one received proposal (migration 0027). */
export interface AdminCheckTable {
  id: Generated<number>;
  proposal_id: number;
  competition_id: number;
  /** null: not decided yet (in the queue). */
  outcome: AdminCheckOutcome | null;
  /** JSON: the checklist's findings, { <item key>: { ok: boolean | null, note?: string } }. */
  items: Generated<string>;
  reason_code: string | null;
  reason_text: string | null;
  /** 1, plus one each time a completion brought it back to the queue. */
  round: Generated<number>;
  claimed_by: number | null;
  claimed_until: string | null;
  decided_by: number | null;
  decided_at: string | null;
  /** Set when the stage's results were published; until then the outcome is staged. */
  published_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
  /** JSON: the MinHash signatures of the answers, per section (migration 0028; admin-check-similarity). */
  fingerprint: string | null;
  /** When the admin lokal last sent the completion (migration 0028): the "dilengkapi" marker. */
  completed_at: string | null;
}

/** What the admin lokal must complete, and by when (migration 0027). */
export interface CompletionRequestTable {
  id: Generated<number>;
  proposal_id: number;
  competition_id: number;
  /** JSON array of the items to complete (checklist keys, form sections, identity fields, evidence). */
  items: string;
  note: string | null;
  deadline_at: string;
  requested_by: number;
  requested_at: string;
  completed_at: string | null;
  completed_by: number | null;
}

/** A stage's published results (migration 0027); one per stage and kind. */
export interface AnnouncementTable {
  id: Generated<number>;
  competition_id: number;
  stage_id: number;
  /** e.g. administrative_results, finalists_provisional, finalists_final. */
  kind: string;
  letter_number: string;
  title_id: string;
  title_en: string;
  body_id: string;
  body_en: string;
  /** JSON array of the published entries (proposal code, title, institution, outcome, ...). */
  entries: Generated<string>;
  published_by: number;
  published_at: string;
}

/** The uji publik's objection statuses (migration 0032): new → forwarded → upheld | rejected; new → dismissed. */
export type ObjectionStatusValue = 'new' | 'forwarded' | 'dismissed' | 'upheld' | 'rejected';

/** An objection of the public to a provisional finalist (migration 0032). */
export interface ObjectionTable {
  id: Generated<number>;
  competition_id: number;
  /** The `public_objection` stage it was filed in. */
  stage_id: number;
  proposal_id: number;
  name: string;
  email: string;
  phone: string | null;
  grounds: string;
  evidence_file_id: number | null;
  locale: 'id' | 'en';
  status: ColumnType<ObjectionStatusValue, ObjectionStatusValue | undefined, ObjectionStatusValue>;
  /** out_of_scope | no_grounds | duplicate | other (dismissed only). */
  dismiss_reason: string | null;
  duplicate_of: number | null;
  triage_note: string | null;
  triaged_by: number | null;
  triaged_at: string | null;
  decision_reason: string | null;
  decided_by: number | null;
  decided_at: string | null;
  ip: string | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
}

/** What a review stage scores for one group (migration 0027): each criterion 0–100 with its weight. */
export interface RubricCriterionTable {
  id: Generated<number>;
  stage_id: number;
  group_id: number;
  key: string;
  label_id: string;
  label_en: string;
  guidance_id: string | null;
  guidance_en: string | null;
  weight: number;
  /** The form section the criterion scores, if it scores one. */
  section_id: number | null;
  position: number;
}

/** evaluation: Tim Evaluasi; panel: Tim Panel Independen (issue 13). */
export type ReviewTeam = 'evaluation' | 'panel';

/** A reviewer's profile in one competition (migration 0027). */
export interface ReviewerProfileTable {
  id: Generated<number>;
  competition_id: number;
  user_id: number;
  team: ReviewTeam;
  affiliation_name: string | null;
  /** The affiliation when it is an institution of the registry (a conflict by itself). */
  affiliation_institution_id: number | null;
  /** Region code (idn-area-data) of the reviewer's affiliation, for the regional conflict rule. */
  region_code: string | null;
  /** JSON array of category keys. */
  expertise: Generated<string>;
  /** Most proposals per stage; null = no limit of its own. */
  capacity: number | null;
  completed_at: string | null;
  created_at: string;
  updated_at: string;
}

/** declared: by the reviewer; organizer: set by the secretariat; found: discovered after an assignment. */
export type ConflictSource = 'declared' | 'organizer' | 'found';

export interface ReviewerConflictTable {
  id: Generated<number>;
  competition_id: number;
  user_id: number;
  institution_id: number;
  source: ConflictSource;
  note: string | null;
  created_by: number | null;
  created_at: string;
}

/** solver: the optimal assignment; manual/import: the secretariat; third: a gap; reassign: a conflict. */
export type AssignmentOrigin = 'solver' | 'manual' | 'import' | 'third' | 'reassign';

export interface ReviewAssignmentTable {
  id: Generated<number>;
  stage_id: number;
  proposal_id: number;
  reviewer_id: number;
  origin: AssignmentOrigin;
  status: ColumnType<'active' | 'withdrawn', 'active' | 'withdrawn' | undefined, 'active' | 'withdrawn'>;
  withdrawn_reason: string | null;
  withdrawn_at: string | null;
  withdrawn_by: number | null;
  created_by: number | null;
  created_at: string;
}

export interface EvaluationTable {
  id: Generated<number>;
  assignment_id: number;
  status: ColumnType<'draft' | 'submitted', 'draft' | 'submitted' | undefined, 'draft' | 'submitted'>;
  /** Optimistic lock for the autosave, as the editor's. */
  version: Generated<number>;
  /** The weighted total (0–100), set when submitted. */
  total: number | null;
  submitted_at: string | null;
  saved_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface EvaluationScoreTable {
  evaluation_id: number;
  criterion_id: number;
  /** 0–100; null while not yet given. */
  value: number | null;
  comment: string | null;
  /** Whether the evidence supports the answer: 1, 0, or null (not said). */
  evidence_supports: number | null;
}

/** A competition's review-team settings outside its definition (migration 0030); no row: the defaults. */
export interface ReviewTeamSettingsTable {
  competition_id: number;
  /** domain/conflicts.ts RegionalRule. */
  regional_conflict: ColumnType<string, string | undefined, string>;
  updated_by: number | null;
  updated_at: string;
}

/** The results of a scored stage, per proposal (migration 0033): set once, when the stage is decided. */
export interface StageResultTable {
  id: Generated<number>;
  stage_id: number;
  proposal_id: number;
  raw_score: number | null;
  normalized_score: number | null;
  /** The score that counts (by `basis`). */
  score: number | null;
  basis: 'raw' | 'normalized';
  /** advanced: reached the pass mark (the next stage takes it); stopped: did not. */
  outcome: 'advanced' | 'stopped';
  explanation_id: string;
  explanation_en: string;
  decided_by: number;
  decided_at: string;
}

export interface Database {
  institutions: InstitutionTable;
  units: UnitTable;
  users: UserTable;
  data_revisions: DataRevisionTable;
  role_grants: RoleGrantTable;
  sessions: SessionTable;
  password_tokens: PasswordTokenTable;
  login_failures: LoginFailureTable;
  files: FileTable;
  admin_requests: AdminRequestTable;
  competitions: CompetitionTable;
  categories: CategoryTable;
  competition_groups: CompetitionGroupTable;
  form_sections: FormSectionTable;
  stages: StageTable;
  outbox: OutboxTable;
  participation_reminders: ParticipationReminderTable;
  outbox_secrets: OutboxSecretTable;
  audit_checkpoints: AuditCheckpointTable;
  notifications: NotificationTable;
  audit_events: AuditEventTable;
  jobs: JobTable;
  proposals: ProposalTable;
  proposal_counters: ProposalCounterTable;
  proposal_answers: ProposalAnswerTable;
  proposal_revisions: ProposalRevisionTable;
  awards: AwardTable;
  proposal_attachments: ProposalAttachmentTable;
  invitations: InvitationTable;
  amendments: AmendmentTable;
  admin_checks: AdminCheckTable;
  completion_requests: CompletionRequestTable;
  announcements: AnnouncementTable;
  rubric_criteria: RubricCriterionTable;
  reviewer_profiles: ReviewerProfileTable;
  reviewer_conflicts: ReviewerConflictTable;
  review_assignments: ReviewAssignmentTable;
  evaluations: EvaluationTable;
  evaluation_scores: EvaluationScoreTable;
  objections: ObjectionTable;
  review_team_settings: ReviewTeamSettingsTable;
  stage_results: StageResultTable;
}

export type InstitutionRow = Selectable<InstitutionTable>;
export type UnitRow = Selectable<UnitTable>;
export type UserRow = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type RoleGrantRow = Selectable<RoleGrantTable>;
export type SessionRow = Selectable<SessionTable>;
export type FileRow = Selectable<FileTable>;
export type AdminRequestRow = Selectable<AdminRequestTable>;
export type CompetitionRow = Selectable<CompetitionTable>;
export type AmendmentRow = Selectable<AmendmentTable>;
export type CategoryRow = Selectable<CategoryTable>;
export type CompetitionGroupRow = Selectable<CompetitionGroupTable>;
export type InvitationRow = Selectable<InvitationTable>;
export type FormSectionRow = Selectable<FormSectionTable>;
export type StageRow = Selectable<StageTable>;
export type OutboxRow = Selectable<OutboxTable>;
export type NotificationRow = Selectable<NotificationTable>;
export type AuditEventRow = Selectable<AuditEventTable>;
export type JobRow = Selectable<JobTable>;
export type ProposalRow = Selectable<ProposalTable>;
export type ProposalAnswerRow = Selectable<ProposalAnswerTable>;
export type ProposalRevisionRow = Selectable<ProposalRevisionTable>;
export type AwardRow = Selectable<AwardTable>;
export type ProposalAttachmentRow = Selectable<ProposalAttachmentTable>;
export type AdminCheckRow = Selectable<AdminCheckTable>;
export type CompletionRequestRow = Selectable<CompletionRequestTable>;
export type AnnouncementRow = Selectable<AnnouncementTable>;
export type RubricCriterionRow = Selectable<RubricCriterionTable>;
export type ReviewerProfileRow = Selectable<ReviewerProfileTable>;
export type ReviewerConflictRow = Selectable<ReviewerConflictTable>;
export type ReviewAssignmentRow = Selectable<ReviewAssignmentTable>;
export type EvaluationRow = Selectable<EvaluationTable>;
export type EvaluationScoreRow = Selectable<EvaluationScoreTable>;
export type ObjectionRow = Selectable<ObjectionTable>;
export type StageResultRow = Selectable<StageResultTable>;
