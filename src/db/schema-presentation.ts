import type { ColumnType, Generated, Selectable } from 'kysely';

/*
 * The presentation and interview schedule (issue 13 point 2; migration 0037). Same conventions as
 * schema.ts: instants are ISO-8601 UTC strings, booleans 0/1, structured values JSON text.
 */

export type PresentationMode = 'offline' | 'online';

/** One sitting of the panel in the `presentation` stage. */
export interface PresentationSessionTable {
  id: Generated<number>;
  competition_id: number;
  stage_id: number;
  name: string;
  starts_at: string;
  ends_at: string;
  mode: PresentationMode;
  room: string | null;
  meeting_url: string | null;
  /** JSON array of the competition group keys the session hears. */
  group_keys: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface PresentationSessionPanelistTable {
  session_id: number;
  user_id: number;
}

/** auto: the scheduler; manual: a hand move; reschedule: an accepted rescheduling request. */
export type SlotOrigin = 'auto' | 'manual' | 'reschedule';

export interface PresentationSlotTable {
  id: Generated<number>;
  stage_id: number;
  session_id: number;
  proposal_id: number;
  slot_index: number;
  starts_at: string;
  ends_at: string;
  origin: SlotOrigin;
  updated_at: string;
}

export interface PresentationScheduleTable {
  stage_id: number;
  version: ColumnType<number, number | undefined, number>;
  /** The {n} of the next letter number; null until the schedule is published. */
  next_letter_seq: number | null;
  published_by: number | null;
  published_at: string | null;
  updated_at: string;
}

export interface PresentationLetterTable {
  id: Generated<number>;
  stage_id: number;
  proposal_id: number;
  letter_number: string;
  /** 1 at the publication, +1 for each re-issue after a rescheduling. */
  revision: number;
  session_id: number;
  starts_at: string;
  ends_at: string;
  issued_by: number;
  issued_at: string;
  superseded_at: string | null;
}

export interface PresentationUploadTable {
  id: Generated<number>;
  stage_id: number;
  proposal_id: number;
  file_id: number | null;
  video_url: string | null;
  updated_by: number;
  updated_at: string;
}

export type RescheduleStatus = 'pending' | 'accepted' | 'refused';

export interface RescheduleRequestTable {
  id: Generated<number>;
  stage_id: number;
  proposal_id: number;
  reason: string;
  /** JSON array of { from, to } instants the finalist cannot make. */
  unavailable: string;
  status: RescheduleStatus;
  decision_reason: string | null;
  requested_by: number;
  requested_at: string;
  decided_by: number | null;
  decided_at: string | null;
}

export type PresentationSessionRow = Selectable<PresentationSessionTable>;
export type PresentationSlotRow = Selectable<PresentationSlotTable>;
export type PresentationLetterRow = Selectable<PresentationLetterTable>;
export type RescheduleRequestRow = Selectable<RescheduleRequestTable>;

/** The tables, as Database lists them. */
export interface PresentationTables {
  presentation_sessions: PresentationSessionTable;
  presentation_session_panelists: PresentationSessionPanelistTable;
  presentation_slots: PresentationSlotTable;
  presentation_schedules: PresentationScheduleTable;
  presentation_letters: PresentationLetterTable;
  presentation_uploads: PresentationUploadTable;
  reschedule_requests: RescheduleRequestTable;
}
