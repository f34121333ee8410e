import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type {
  AdminCheckTable,
  AnnouncementTable,
  CompletionRequestTable,
  EvaluationScoreTable,
  EvaluationTable,
  FinalistLineTable,
  FinalistSelectionTable,
  ObjectionTable,
  ReviewAssignmentTable,
  ReviewTeamSettingsTable,
  ReviewerConflictTable,
  ReviewerProfileTable,
  RubricCriterionTable,
  StageResultTable,
} from './schema-selection.js';
export type * from './schema-selection.js';
import type { CertificateSettingsTable, CertificateTable } from './schema-certificates.js';
export type * from './schema-certificates.js';
import type { GalleryEntryTable, GalleryPostingTable, GalleryWordTable } from './schema-gallery.js';
export type * from './schema-gallery.js';
import type { ReplicationRequestTable } from './schema-replication.js';
export type * from './schema-replication.js';
import type {
  GalleryOwnerSettingsTable,
  GalleryPublicFileTable,
  GalleryStatusConfirmationTable,
  GalleryStatusPromptTable,
} from './schema-gallery-owner.js';
export type * from './schema-gallery-owner.js';
import type { NearDuplicateMatchTable, ProposalFingerprintTable } from './schema-near-duplicates.js';
export type * from './schema-near-duplicates.js';
import type { PanelDecisionTable } from './schema-results.js';
export type * from './schema-results.js';
import type {
  PublicRatingCodeTable,
  PublicRatingExclusionTable,
  PublicRatingSessionTable,
  PublicRatingTable,
  PublicRatingWindowTable,
} from './schema-public-ratings.js';
export type * from './schema-public-ratings.js';
import type {
  FieldFindingTable,
  FieldOperationTable,
  FieldPhotoTable,
  FieldVisitTable,
  FieldVisitVerifierTable,
} from './schema-field.js';
export type * from './schema-field.js';
import type { PresentationTables } from './schema-presentation.js';
import type { RetentionSettingsTable } from './schema-retention.js';
export type * from './schema-retention.js';
import type {
  AuditCheckpointTable,
  AuditEventTable,
  JobTable,
  NotificationTable,
  OutboxSecretTable,
  OutboxTable,
  RateLimitWindowTable,
} from './schema-platform.js';
export type * from './schema-platform.js';
export type * from './schema-presentation.js';

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
  /** When the person's personal data was erased (migration 0048); the row stays as a tombstone. */
  erased_at: ColumnType<string | null, string | null | undefined, string | null>;
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
  /** The competition whose published results wrote this row (migration 0035); null for imported rows. */
  competition_id: number | null;
  /** The proposal the row was written for; null for imported rows. */
  proposal_id: number | null;
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

export interface Database extends PresentationTables {
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
  rate_limit_windows: RateLimitWindowTable;
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
  public_rating_windows: PublicRatingWindowTable;
  public_rating_codes: PublicRatingCodeTable;
  public_rating_sessions: PublicRatingSessionTable;
  public_ratings: PublicRatingTable;
  public_rating_exclusions: PublicRatingExclusionTable;
  review_team_settings: ReviewTeamSettingsTable;
  stage_results: StageResultTable;
  finalist_selections: FinalistSelectionTable;
  finalist_lines: FinalistLineTable;
  certificate_settings: CertificateSettingsTable;
  certificates: CertificateTable;
  panel_decisions: PanelDecisionTable;
  field_visits: FieldVisitTable;
  field_visit_verifiers: FieldVisitVerifierTable;
  field_findings: FieldFindingTable;
  field_photos: FieldPhotoTable;
  field_operations: FieldOperationTable;
  gallery_entries: GalleryEntryTable;
  gallery_postings: GalleryPostingTable;
  gallery_words: GalleryWordTable;
  replication_requests: ReplicationRequestTable;
  gallery_owner_settings: GalleryOwnerSettingsTable;
  gallery_public_files: GalleryPublicFileTable;
  gallery_status_confirmations: GalleryStatusConfirmationTable;
  gallery_status_prompts: GalleryStatusPromptTable;
  proposal_fingerprints: ProposalFingerprintTable;
  near_duplicate_matches: NearDuplicateMatchTable;
  retention_settings: RetentionSettingsTable;
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
