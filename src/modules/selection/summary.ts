import type { Db } from '../../db/connect.js';
import type { StageRow } from '../../db/schema.js';
import type { SelectionStepView, SelectionSummary } from '../../contracts/selection-hub.js';
import type { Actor } from '../../domain/policy.js';
import {
  adminFacts,
  finalistFacts,
  publishedKinds,
  scoredStageFacts,
  teamFacts,
  type ScoredStageFacts,
} from './facts.js';
import { panelSteps } from './panel-steps.js';
import { stepBuilder } from './step.js';

/** The competition as the hub reads it (routes.ts `findCompetition`). */
export interface HubCompetition {
  id: number;
  name: string;
  year: number;
  status: string;
  time_zone: string;
  organizer_institution_id: number;
}

/** The announcement kinds each published step waits for (announcements module, objections module). */
const KIND = {
  administrative: 'administrative_results',
  provisional: 'finalists_provisional',
  final: 'finalists_final',
  results: 'final_results',
} as const;

/**
 * A competition's selection as the hub shows it: every step in order with its window, status, counts and
 * page. The stages the competition lacks are still listed (not open, no page) so the order reads the same
 * in every competition.
 */
export async function selectionSummary(
  db: Db,
  competition: HubCompetition,
  actor: Actor | null,
  now: Date,
): Promise<SelectionSummary> {
  const id = competition.id;
  const stages = await db
    .selectFrom('stages')
    .selectAll()
    .where('competition_id', '=', id)
    .orderBy('position')
    .execute();
  const stageOf = (kind: string) => stages.find((s) => s.kind === kind) ?? null;
  const eval1 = stageOf('evaluation_1');
  const eval2 = stageOf('evaluation_2');
  const [admin, kinds, team, s1, s2, fin] = await Promise.all([
    adminFacts(db, id),
    publishedKinds(db, id),
    teamFacts(db, id),
    eval1 ? scoredStageFacts(db, eval1) : null,
    eval2 ? scoredStageFacts(db, eval2) : null,
    finalistFacts(db, id),
  ]);
  const base = `/sekretariat/kompetisi/${id}`;

  const step = stepBuilder(actor, competition.organizer_institution_id, now);

  const adminDecided = admin.total > 0 && admin.unchecked === 0 && admin.back === 0 && admin.incomplete === 0;
  const adminPublished = kinds.has(KIND.administrative);
  const scored = (key: 'evaluation_1' | 'evaluation_2', stage: StageRow | null, f: ScoredStageFacts | null) =>
    step(
      key,
      stage,
      { dated: true, available: false, decided: f?.decided ?? false, published: false },
      f
        ? [
            { key: 'evaluationsSubmitted', value: f.submitted, of: f.assignments },
            { key: 'evaluationsDraft', value: f.draft },
            { key: 'pendingThird', value: f.pendingThird },
          ]
        : [],
      stage ? `${base}/tahap/${stage.id}/penilaian` : null,
    );
  const results = (key: 'results_1' | 'results_2', stage: StageRow | null, f: ScoredStageFacts | null) =>
    step(
      key,
      stage,
      { dated: false, available: (f?.submitted ?? 0) > 0, decided: f?.decided ?? false, published: false },
      !f
        ? []
        : f.decided
          ? [
              { key: 'advanced', value: f.advanced, of: f.advanced + f.stopped },
              { key: 'stopped', value: f.stopped },
            ]
          : [
              { key: 'scored', value: f.scored, of: f.pool },
              { key: 'pendingThird', value: f.pendingThird },
            ],
      stage ? `${base}/hasil-penilaian?tahap=${stage.id}` : null,
    );

  const steps: SelectionStepView[] = [
    step(
      'administrative',
      stageOf('administrative'),
      { dated: true, available: false, decided: adminDecided, published: adminPublished },
      [
        { key: 'checked', value: admin.passed + admin.disqualified, of: admin.total },
        { key: 'incomplete', value: admin.incomplete },
        { key: 'backFromCompletion', value: admin.back },
        { key: 'unchecked', value: admin.unchecked },
      ],
      `${base}/seleksi-administrasi`,
    ),
    step(
      'publication',
      stageOf('administrative'),
      // Open once every received proposal has its staged outcome (the publication's own readiness says more).
      { dated: false, available: adminDecided, decided: false, published: adminPublished },
      [
        { key: 'passed', value: admin.passed },
        { key: 'disqualified', value: admin.disqualified },
      ],
      `${base}/publikasi`,
    ),
    step(
      'team',
      null,
      { dated: false, available: competition.status !== 'draft', decided: false, published: false },
      [
        { key: 'evaluators', value: team.evaluators },
        { key: 'profilesComplete', value: team.evaluatorsComplete, of: team.evaluators },
        { key: 'panelists', value: team.panelists },
      ],
      `${base}/tim-penilai`,
    ),
    step(
      'assignment',
      eval1,
      {
        dated: false,
        available: (s1?.pool ?? 0) > 0,
        decided: s1 !== null && s1.pool > 0 && s1.assigned === s1.pool,
        published: false,
      },
      s1 ? [{ key: 'proposalsAssigned', value: s1.assigned, of: s1.pool }] : [],
      eval1 ? `${base}/penugasan?tahap=${eval1.id}` : null,
    ),
    scored('evaluation_1', eval1, s1),
    results('results_1', eval1, s1),
    {
      ...scored('evaluation_2', eval2, s2),
      counts: s2
        ? [
            { key: 'proposalsAssigned', value: s2.assigned, of: s2.pool },
            ...scored('evaluation_2', eval2, s2).counts,
          ]
        : [],
    },
    results('results_2', eval2, s2),
    step(
      'finalists',
      stageOf('finalists'),
      { dated: true, available: false, decided: false, published: kinds.has(KIND.provisional) },
      [{ key: 'finalists', value: fin.finalists }],
      `${base}/finalis`,
    ),
    step(
      'public_objection',
      stageOf('public_objection'),
      { dated: true, available: false, decided: false, published: kinds.has(KIND.final) },
      [
        { key: 'objections', value: fin.objections },
        { key: 'objectionsNew', value: fin.objectionsNew },
        { key: 'objectionsForwarded', value: fin.objectionsForwarded },
        { key: 'objectionsDecided', value: fin.objectionsDecided },
      ],
      `${base}/uji-publik`,
    ),
    ...(await panelSteps(db, {
      step,
      stageOf,
      base,
      competitionId: id,
      finalists: fin.finalists,
      resultsPublished: kinds.has(KIND.results),
    })),
  ];
  return {
    competition: {
      id,
      name: competition.name,
      year: competition.year,
      status: competition.status,
      timeZone: competition.time_zone,
    },
    steps,
  };
}
