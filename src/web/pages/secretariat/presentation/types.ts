import type { Text } from '../../../api/client.js';

/*
 * The shape of GET /api/competitions/:id/presentation (src/modules/presentation/view.ts and routes.ts), as
 * the secretariat's schedule page reads it.
 */

export interface PresentationSettingsView {
  presentationMinutes: number;
  interviewMinutes: number;
  bufferMinutes: number;
  quorum: number;
  uploadDeadline: string | null;
  letterPattern: string;
  letterStart: number;
  bringId: string;
  bringEn: string;
}

export interface UploadView {
  fileName: string | null;
  fileSize: number | null;
  hasFile: boolean;
  videoUrl: string | null;
  updatedAt: string;
}

export interface SlotView {
  slot: number;
  startsAt: string;
  endsAt: string;
  origin: 'auto' | 'manual' | 'reschedule' | null;
  finalist: {
    id: number;
    code: string;
    title: string;
    institution: string;
    unit: string | null;
    groupKey: string;
    abstaining: string[];
    upload: UploadView | null;
  } | null;
}

export interface SessionView {
  id: number;
  name: string;
  startsAt: string;
  endsAt: string;
  mode: 'offline' | 'online';
  room: string | null;
  meetingUrl: string | null;
  groupKeys: string[];
  panelistIds: number[];
  panelists: { id: number; name: string }[];
  capacity: number;
  slots: SlotView[];
}

export interface UnplacedView {
  proposalId: number;
  code: string;
  title: string;
  institution: string;
  groupKey: string;
  reason: string;
  message: Text;
}

export interface RequestView {
  id: number;
  proposalId: number;
  code: string;
  institution: string;
  reason: string;
  unavailable: { from: string; to: string }[];
  status: 'pending' | 'accepted' | 'refused';
  decisionReason: string | null;
  requestedAt: string;
  decidedAt: string | null;
}

export interface LetterView {
  proposalId: number;
  code: string;
  number: string;
  revision: number;
  startsAt: string;
  issuedAt: string;
}

export interface PresentationView {
  competition: { id: number; name: string; year: number; timeZone: string };
  stage: { id: number; opensAt: string | null; closesAt: string | null };
  settings: PresentationSettingsView;
  groups: { key: string; nameId: string; nameEn: string }[];
  panel: { id: number; name: string }[];
  finalists: number;
  sessions: SessionView[];
  unplaced: UnplacedView[];
  requests: RequestView[];
  schedule: { version: number; publishedAt: string | null };
  letters: LetterView[];
  abilities: { edit: boolean; assign: boolean; move: boolean; publish: boolean; decide: boolean };
}

/** Every finalist the page knows, placed or not, for the move and accept dialogs. */
export function finalistsOf(
  v: PresentationView,
): { id: number; code: string; title: string; institution: string }[] {
  const placed = v.sessions.flatMap((s) => s.slots.flatMap((x) => (x.finalist ? [x.finalist] : [])));
  return [...placed, ...v.unplaced.map((u) => ({ ...u, id: u.proposalId }))].sort((a, b) =>
    a.code.localeCompare(b.code),
  );
}
