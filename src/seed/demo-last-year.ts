/*
 * Last year's KIPP (issue 14 "Done when": a visitor of the demo finds, reads and asks to replicate last
 * year's winners): a fourth national competition of the demo organizer, run a year ago through the real
 * commands from its publication to its PUBLISHED RESULTS, so its finalists and winners are in the public
 * gallery (/galeri) on the first start. The selection runs as the panel demo's (demo-run.ts
 * runToFinalList); then the Tim Panel scores the presentation, the secretariat sets the final session's
 * awards and ceremony, a panelist records each finalist's decision with its reason, and the secretariat
 * publishes the results under the minister's decree (the registry, the certificates and the gallery are
 * written in that transaction). Every step at an instant inside last year's windows.
 */
import type { Db } from '../db/connect.js';
import type { CompetitionRow } from '../db/schema.js';
import { DEFAULT_AWARDS } from '../domain/final-panel-settings.js';
import type { Clock } from '../platform/clock.js';
import { runAssignment } from '../modules/assignments/commands/run-assignment.js';
import { prepareRubric } from '../modules/review/commands/prepare-rubric.js';
import { saveFinalPanelSettings } from '../modules/results/commands/save-settings.js';
import { recordDecision } from '../modules/results/commands/record-decision.js';
import { publishResults } from '../modules/results/commands/publish-results.js';
import { loadFinalists } from '../modules/results/context.js';
import { presentationScores } from '../modules/results/plenary.js';
import {
  demoScore,
  inside,
  runToFinalList,
  scoreStage,
  type DemoPlan,
  type DemoScore,
  type RunInput,
} from './demo-run.js';

export const LAST_YEAR_DEMO = {
  /** Not `KIPP-<year>`: a proposal's code is the competition's and the year's (KIPP-LALU-2025-00002). */
  code: 'KIPP-LALU',
  name: (year: number) => `KIPP ${year}`,
  passMark: 70,
  /** Finalist places per group, as the panel demo's: about ten finalists. */
  places: { umum: 8, replikasi: 2, khusus: 2 },
  /** The awards given (the 2021 shape's, its places scaled to the demo's finalists; no khusus group). */
  awardPlaces: { top45: 4, top5_replikasi: 1 } as Record<string, number>,
  letterNumber: (year: number) => `B/38/PP.00.05/${year}`,
  decree: (year: number) => `Keputusan Menteri PANRB Nomor 66 Tahun ${year}`,
  resultsDecree: (year: number) => `Keputusan Menteri PANRB Nomor 112 Tahun ${year}`,
  ceremonyPlace: 'Istana Wakil Presiden, Jakarta',
} as const;

/**
 * The days (from now) each stage's window ran: the whole season about a year ago. A window opens at 23:59
 * WIB, so `inside(stage, h + 1 / 60)` is h.00 WIB the next day (after 24 h: the day after that).
 */
const PLAN: DemoPlan = {
  submission: [-500, -425],
  administrative: [-425, -415],
  evaluation_1: [-415, -401],
  evaluation_2: [-401, -391],
  finalists: [-391, -386],
  public_objection: [-386, -379],
  presentation: [-378, -371],
  field_verification: [-371, -364],
  final_panel: [-364, -360],
  announcement: [-360, -353],
};

/**
 * The innovation a visitor of the demo looks for ("pelayanan kependudukan desa"; issue 14 "Done when"): a
 * winner of last year, owned by Kabupaten Banyuwangi, so the demo's admin lokal of Kabupaten Tangerang can
 * ask to replicate it and Banyuwangi's (demo-gallery.ts) can answer.
 */
export const FEATURED_INNOVATION = 'Layanan Kependudukan di Kantor Desa';

/**
 * The demo's scores, the replicated innovation's raised so that last year has a Top 5 replikasi, and the
 * featured one's so that it is a finalist and a winner.
 */
const lastYearScore: DemoScore = (proposalId, nth, groupKey, title) =>
  demoScore(proposalId, nth, groupKey, title) +
  (groupKey === 'replikasi' ? 25 : 0) +
  (title === FEATURED_INNOVATION ? 30 : 0);

const REASON_AWARDED =
  'Inovasi terbukti menyelesaikan masalah pelayanan dengan data dampak yang dapat diperiksa dan mudah direplikasi.';
const REASON_NOT_AWARDED =
  'Finalis yang baik; dampaknya belum seluas pemenang pada kelompok yang sama menurut sidang.';

/** Seeds last year's KIPP, its results published, and returns it. */
export async function seedLastYearDemo(db: Db, clock: Clock, input: RunInput): Promise<CompetitionRow> {
  const year = clock.now().getUTCFullYear() - 1;
  const ip = null;
  const actorUserId = input.adminId;
  const { competition, stageOf } = await runToFinalList(
    db,
    clock,
    {
      ...LAST_YEAR_DEMO,
      name: LAST_YEAR_DEMO.name(year),
      year,
      plan: PLAN,
      score: lastYearScore,
    },
    input,
  );

  // The presentation: its rubric, the whole Tim Panel assigned, every sheet scored and submitted.
  const presentation = stageOf('presentation');
  await prepareRubric(db, {
    competition,
    stage: presentation,
    actorUserId,
    ip,
    now: inside(presentation, 1),
  });
  await runAssignment(db, {
    competitionId: competition.id,
    stageId: presentation.id,
    actorUserId,
    ip,
    baseUrl: input.baseUrl,
    now: inside(presentation, 2),
  });
  await scoreStage(db, presentation, inside(presentation, 72), input.baseUrl, lastYearScore);

  // The final session: the awards per group and the ceremony, then one decision per finalist — the best
  // presentation scores of each group get its award's places.
  const finalPanel = stageOf('final_panel');
  const announcement = stageOf('announcement');
  const awards = DEFAULT_AWARDS.filter((a) => LAST_YEAR_DEMO.awardPlaces[a.key]).map((a) => ({
    ...a,
    places: LAST_YEAR_DEMO.awardPlaces[a.key]!,
  }));
  await saveFinalPanelSettings(db, {
    competition,
    body: {
      awards,
      ceremony: {
        // 15.00 WIB (the windows end at 23:59), five days into the announcement.
        startsAt: inside(announcement, 24 * 5 + 15 + 1 / 60).toISOString(),
        place: LAST_YEAR_DEMO.ceremonyPlace,
        notesId:
          'Pakaian sipil lengkap; setiap finalis diwakili pimpinan instansi dan satu pengelola inovasi.',
        notesEn:
          "Formal dress; each finalist is represented by the institution's head and one innovation lead.",
      },
    },
    actorUserId,
    ip,
    now: inside(finalPanel, 9 + 1 / 60),
  });
  const decidedAt = inside(finalPanel, 24 + 10 + 1 / 60);
  const scores = (await presentationScores(db, competition.id, decidedAt))?.scores ?? new Map();
  const finalists = (await loadFinalists(db, competition.id)).sort(
    (a, b) => (scores.get(b.id) ?? 0) - (scores.get(a.id) ?? 0) || a.code.localeCompare(b.code),
  );
  const panel = await db
    .selectFrom('reviewer_profiles')
    .select('user_id')
    .where('competition_id', '=', competition.id)
    .where('team', '=', 'panel')
    .orderBy('id')
    .execute();
  const conflicts = await db
    .selectFrom('reviewer_conflicts')
    .select(['user_id', 'institution_id'])
    .where('competition_id', '=', competition.id)
    .execute();
  const given = new Map<string, number>();
  for (const f of finalists) {
    const award = awards.find((a) => a.groupKey === f.groupKey && (given.get(a.key) ?? 0) < a.places);
    if (award) given.set(award.key, (given.get(award.key) ?? 0) + 1);
    // A panelist in conflict with the finalist's institution leaves its decision to another.
    const decider = panel.find(
      (p) => !conflicts.some((c) => c.user_id === p.user_id && c.institution_id === f.institutionId),
    )!;
    await recordDecision(db, {
      competition,
      proposalId: f.id,
      body: { awardKey: award?.key ?? null, reason: award ? REASON_AWARDED : REASON_NOT_AWARDED },
      actorUserId: decider.user_id,
      ip,
      now: decidedAt,
    });
  }

  // The publication, 10.00 the morning the announcement opens: announcement, registry, certificates,
  // gallery.
  await publishResults(db, {
    competition,
    decreeNumber: LAST_YEAR_DEMO.resultsDecree(year),
    actorUserId,
    ip,
    now: inside(announcement, 10 + 1 / 60),
    baseUrl: input.baseUrl,
  });
  return competition;
}

/** Last year's demo KIPP when this database holds it with its results published (for the start banner). */
export async function findLastYearDemo(
  db: Db,
  now: Date,
): Promise<{ code: string; name: string; year: number } | null> {
  const year = now.getUTCFullYear() - 1;
  const row = await db
    .selectFrom('competitions as c')
    .innerJoin('announcements as a', 'a.competition_id', 'c.id')
    .select(['c.code', 'c.name', 'c.year'])
    .where('c.code', '=', LAST_YEAR_DEMO.code)
    .where('c.year', '=', year)
    .where('a.kind', '=', 'final_results')
    .executeTakeFirst();
  return row ?? null;
}
