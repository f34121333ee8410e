/*
 * What the presentation API answers (src/modules/presentation/finalist-view.ts and live.ts), as the
 * finalist's page and the panelist's live session read it.
 */

export interface UploadView {
  fileName: string | null;
  fileSize: number | null;
  hasFile: boolean;
  videoUrl: string | null;
  updatedAt: string;
}

export interface RescheduleRequestView {
  id: number;
  reason: string;
  unavailable: { from: string; to: string }[];
  status: 'pending' | 'accepted' | 'refused';
  decisionReason: string | null;
  requestedAt: string;
  decidedAt: string | null;
}

export interface FinalistPresentation {
  competition: { id: number; name: string; timeZone: string };
  proposal: { id: number; code: string; title: string };
  slot: {
    startsAt: string;
    endsAt: string;
    session: string;
    mode: 'offline' | 'online';
    room: string | null;
    meetingUrl: string | null;
  } | null;
  letter: { number: string; revision: number; issuedAt: string } | null;
  presentationMinutes: number;
  interviewMinutes: number;
  bring: { id: string; en: string };
  upload: UploadView | null;
  uploadDeadline: string | null;
  requests: RescheduleRequestView[];
  abilities: { upload: boolean; reschedule: boolean; letter: boolean };
}

export interface PanelSessionItem {
  id: number;
  name: string;
  startsAt: string;
  endsAt: string;
  mode: 'offline' | 'online';
  room: string | null;
  meetingUrl: string | null;
  finalists: number;
}

export interface PanelSessions {
  competition: { id: number; name: string; timeZone: string };
  sessions: PanelSessionItem[];
}

export type SlotPhase = 'upcoming' | 'presentation' | 'interview' | 'done';

export interface LiveSlot {
  slot: number;
  startsAt: string;
  presentationEndsAt: string;
  endsAt: string;
  phase: SlotPhase;
  finalist: {
    id: number;
    code: string;
    title: string;
    institution: string;
    upload: UploadView | null;
    abstain: boolean;
    assignmentId: number | null;
    scoring: 'submitted' | 'draft' | 'none' | null;
  };
}

export interface LiveSessionView {
  competition: { id: number; name: string; timeZone: string };
  session: {
    id: number;
    name: string;
    startsAt: string;
    endsAt: string;
    mode: 'offline' | 'online';
    room: string | null;
    meetingUrl: string | null;
  };
  now: string;
  presentationMinutes: number;
  interviewMinutes: number;
  current: number;
  slots: LiveSlot[];
}
