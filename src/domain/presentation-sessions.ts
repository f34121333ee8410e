import { t, type FieldProblem, type Text } from './errors.js';
import { formatInstant } from './time.js';

/*
 * The rules of one panel session of the `presentation` stage (issue 13 point 2), field by field: the end
 * after the start, inside the stage's window, a room when offline and a meeting link when online, groups
 * of the competition, panelists of the competition's Tim Panel, no two offline sessions in the same room at
 * overlapping times, and no panelist in two sessions at once. Pure; the command reads what it checks.
 */

export interface SessionDraft {
  name: string;
  startsAt: string;
  endsAt: string;
  mode: 'offline' | 'online';
  room: string | null;
  meetingUrl: string | null;
  groupKeys: string[];
  panelistIds: number[];
}

export interface OtherSession {
  id: number;
  name: string;
  startsAt: string;
  endsAt: string;
  mode: 'offline' | 'online';
  room: string | null;
  panelistIds: number[];
}

export interface SessionContext {
  stage: { opensAt: string | null; closesAt: string | null };
  timeZone: string;
  groupKeys: readonly string[];
  panelists: ReadonlyMap<number, string>;
  /** The stage's other sessions (the one edited left out). */
  others: readonly OtherSession[];
}

const roomKey = (room: string | null) => (room ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
const overlaps = (a: { startsAt: string; endsAt: string }, b: { startsAt: string; endsAt: string }) =>
  Date.parse(a.startsAt) < Date.parse(b.endsAt) && Date.parse(b.startsAt) < Date.parse(a.endsAt);

export function sessionProblems(d: SessionDraft, ctx: SessionContext): Record<string, FieldProblem> {
  const fields: Record<string, FieldProblem> = {};
  const bad = (field: string, code: string, message: Text) => {
    fields[field] ??= { code, message };
  };
  const tz = ctx.timeZone;
  const start = Date.parse(d.startsAt);
  const end = Date.parse(d.endsAt);
  if (Number.isNaN(start))
    bad('startsAt', 'invalid_instant', t('Waktu mulai tidak valid.', 'Not a valid start time.'));
  if (Number.isNaN(end))
    bad('endsAt', 'invalid_instant', t('Waktu selesai tidak valid.', 'Not a valid end time.'));
  if (!Number.isNaN(start) && !Number.isNaN(end)) {
    if (end <= start)
      bad(
        'endsAt',
        'end_before_start',
        t('Waktu selesai harus setelah waktu mulai.', 'The end must be after the start.'),
      );
    const { opensAt, closesAt } = ctx.stage;
    if (opensAt && start < Date.parse(opensAt))
      bad(
        'startsAt',
        'outside_stage',
        t(
          `Sesi harus dalam jadwal tahap presentasi (dibuka ${formatInstant(opensAt, tz, 'id')}).`,
          `The session must be inside the presentation stage (it opens ${formatInstant(opensAt, tz, 'en')}).`,
        ),
      );
    if (closesAt && end > Date.parse(closesAt))
      bad(
        'endsAt',
        'outside_stage',
        t(
          `Sesi harus dalam jadwal tahap presentasi (ditutup ${formatInstant(closesAt, tz, 'id')}).`,
          `The session must be inside the presentation stage (it closes ${formatInstant(closesAt, tz, 'en')}).`,
        ),
      );
  }
  if (d.mode === 'offline' && !d.room?.trim())
    bad('room', 'required', t('Isi ruangan untuk sesi luring.', 'Enter the room of an offline session.'));
  if (d.mode === 'online' && !d.meetingUrl)
    bad(
      'meetingUrl',
      'required',
      t('Isi tautan rapat untuk sesi daring.', 'Enter the meeting link of an online session.'),
    );
  if (d.meetingUrl && !/^https:\/\/[^\s/]+\.[^\s]+$/.test(d.meetingUrl))
    bad(
      'meetingUrl',
      'invalid_url',
      t('Tautan rapat harus diawali https://.', 'The meeting link must start with https://.'),
    );
  if (!d.groupKeys.length)
    bad('groupKeys', 'required', t('Pilih sedikitnya satu kelompok.', 'Choose at least one group.'));
  const unknownGroup = d.groupKeys.find((g) => !ctx.groupKeys.includes(g));
  if (unknownGroup)
    bad(
      'groupKeys',
      'unknown_group',
      t(`Kelompok tidak dikenal: ${unknownGroup}.`, `Unknown group: ${unknownGroup}.`),
    );
  if (!d.panelistIds.length)
    bad('panelistIds', 'required', t('Pilih panelis sesi ini.', "Choose the session's panelists."));
  const unknownPanelist = d.panelistIds.find((id) => !ctx.panelists.has(id));
  if (unknownPanelist !== undefined)
    bad(
      'panelistIds',
      'unknown_panelist',
      t(
        `Panelis #${unknownPanelist} bukan anggota Tim Panel kompetisi ini.`,
        `Panelist #${unknownPanelist} is not on this competition's panel.`,
      ),
    );
  if (fields.startsAt || fields.endsAt) return fields;
  for (const o of ctx.others) {
    if (!overlaps(d, o)) continue;
    if (d.mode === 'offline' && o.mode === 'offline' && roomKey(d.room) === roomKey(o.room))
      bad(
        'room',
        'room_taken',
        t(
          `${o.name} memakai ruangan yang sama pada waktu yang bertabrakan (${formatInstant(o.startsAt, tz, 'id')}).`,
          `${o.name} uses the same room at an overlapping time (${formatInstant(o.startsAt, tz, 'en')}).`,
        ),
      );
    const busy = d.panelistIds.find((p) => o.panelistIds.includes(p));
    if (busy !== undefined)
      bad(
        'panelistIds',
        'panelist_busy',
        t(
          `${ctx.panelists.get(busy) ?? `#${busy}`} juga duduk di ${o.name} pada waktu yang bertabrakan.`,
          `${ctx.panelists.get(busy) ?? `#${busy}`} also sits in ${o.name} at an overlapping time.`,
        ),
      );
  }
  return fields;
}
