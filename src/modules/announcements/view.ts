import type { Db } from '../../db/connect.js';
import type { AnnouncementRow, CompetitionRow } from '../../db/schema.js';
import { adminReadiness, blockerText, defaultAdminTexts } from '../../domain/publication.js';
import type { AnnouncementEntry, ReadinessResponse } from '../../contracts/announcements.js';
import { localAdminsOf } from '../../platform/notify.js';
import { adminLines, entryOf, findAnnouncement } from './queries.js';
import { ADMIN_KIND } from './commands/publish-admin-results.js';

const PREVIEW_ROWS = 50;
const BLOCKER_CODES_SHOWN = 20;

export const summaryOf = (a: AnnouncementRow) => ({
  id: a.id,
  kind: a.kind,
  letterNumber: a.letter_number,
  titleId: a.title_id,
  titleEn: a.title_en,
  publishedAt: a.published_at,
  entries: entriesOf(a).length,
});

export const entriesOf = (a: AnnouncementRow): AnnouncementEntry[] =>
  JSON.parse(a.entries) as AnnouncementEntry[];

/** What the secretariat sees before publishing the administrative results (without `abilities`). */
export async function adminReadinessView(
  db: Db,
  c: CompetitionRow,
  stage: { id: number; name_id: string; name_en: string },
  now: Date,
): Promise<Omit<ReadinessResponse, 'abilities'>> {
  const [lines, published] = await Promise.all([
    adminLines(db, c.id),
    findAnnouncement(db, stage.id, ADMIN_KIND),
  ]);
  const r = adminReadiness(lines, now);
  const staged = new Set([...r.passed, ...r.disqualified]);
  const institutions = [
    ...new Set(lines.filter((l) => staged.has(l.proposalId)).map((l) => l.institutionId)),
  ];
  const admins = await localAdminsOf(db, institutions);
  const passedIds = new Set(r.passed);
  const count = (code: string) => r.blockers.find((b) => b.code === code)?.proposalIds.length ?? 0;
  return {
    competition: { id: c.id, name: c.name, timeZone: c.time_zone },
    stage: { id: stage.id, nameId: stage.name_id, nameEn: stage.name_en },
    counts: {
      received: lines.filter((l) => l.publishedAt === null).length,
      passed: r.passed.length,
      disqualified: r.disqualified.length,
      undecided: count('undecided'),
      awaitingCompletion: count('awaiting_completion'),
      completionOverdue: count('completion_overdue'),
      institutions: new Set(admins.map((a) => a.institutionId)).size,
      recipients: admins.length,
    },
    blockers: r.blockers.map((b) => ({
      code: b.code,
      message: blockerText(b.code, b.proposalIds.length),
      count: b.proposalIds.length,
      codes: b.codes.slice(0, BLOCKER_CODES_SHOWN),
    })),
    ready: r.ready && !published,
    defaults: defaultAdminTexts({ competition: c.name, passed: r.passed.length, received: staged.size }),
    preview: lines
      .filter((l) => passedIds.has(l.proposalId))
      .slice(0, PREVIEW_ROWS)
      .map(entryOf),
    published: published ? summaryOf(published) : null,
  };
}

/** A page of a published list, matching `q` (code, title or institution, case and accents ignored). */
export function pageOfEntries(
  entries: AnnouncementEntry[],
  q: string | undefined,
  page: number,
  pageSize: number,
): { matching: number; rows: AnnouncementEntry[] } {
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
  const words = q ? fold(q).split(/\s+/).filter(Boolean) : [];
  const hits = words.length
    ? entries.filter((e) => {
        const hay = fold(`${e.code} ${e.title} ${e.institution}`);
        return words.every((w) => hay.includes(w));
      })
    : entries;
  return { matching: hits.length, rows: hits.slice((page - 1) * pageSize, page * pageSize) };
}
