import type { Db } from '../../db/connect.js';
import type { StageRow } from '../../db/schema.js';
import type { SelectionStepView } from '../../contracts/selection-hub.js';
import {
  certificateFacts,
  decisionFacts,
  fieldFacts,
  presentationFacts,
  publicRatingFacts,
  scheduleFacts,
} from './panel-facts.js';
import type { StepBuilder } from './step.js';

/*
 * The hub's steps after the final finalist list (issue 13): the Tim Panel Independen's stages and the
 * results, each with its facts, status and page, in the order the secretariat works them.
 */

export interface PanelStepsInput {
  step: StepBuilder;
  stageOf: (kind: string) => StageRow | null;
  /** The secretariat's pages of the competition: /sekretariat/kompetisi/:id. */
  base: string;
  competitionId: number;
  /** Proposals in state finalist. */
  finalists: number;
  /** The final results' announcement is published. */
  resultsPublished: boolean;
}

export async function panelSteps(db: Db, input: PanelStepsInput): Promise<SelectionStepView[]> {
  const { step, stageOf, base, competitionId: id, finalists } = input;
  const presentation = stageOf('presentation');
  const field = stageOf('field_verification');
  const finalPanel = stageOf('final_panel');
  const [schedule, scoring, rating, visits, decisions, certificates] = await Promise.all([
    presentation ? scheduleFacts(db, presentation) : null,
    presentation ? presentationFacts(db, presentation) : null,
    publicRatingFacts(db, id),
    fieldFacts(db, id),
    finalPanel ? decisionFacts(db, finalPanel) : null,
    certificateFacts(db, id),
  ]);
  const allOf = (value: number) => finalists > 0 && value >= finalists;
  return [
    // The schedule: worked once the final list is fixed; decided when every finalist has a slot; published
    // with the invitation letters.
    step(
      'presentation_schedule',
      presentation,
      {
        dated: false,
        available: schedule?.finalListFixed ?? false,
        decided: allOf(schedule?.placed ?? 0),
        published: schedule?.published ?? false,
      },
      schedule
        ? [
            { key: 'slotsPlaced', value: schedule.placed, of: finalists },
            { key: 'uploadsReceived', value: schedule.uploads, of: finalists },
            { key: 'reschedulePending', value: schedule.reschedulePending },
          ]
        : [],
      presentation ? `${base}/presentasi` : null,
    ),
    // The presentation scored by the whole panel: its window; decided once its results are set.
    step(
      'presentation',
      presentation,
      { dated: true, available: false, decided: scoring?.decided ?? false, published: false },
      scoring
        ? [
            { key: 'evaluationsSubmitted', value: scoring.submitted, of: scoring.assignments },
            { key: 'abstentions', value: scoring.abstentions },
          ]
        : [],
      presentation ? `${base}/hasil-penilaian?tahap=${presentation.id}` : null,
    ),
    // The public rating: its own window when enabled; off, not open with a note saying so.
    step(
      'public_rating',
      presentation,
      {
        dated: true,
        window: rating.enabled ? { opensAt: rating.opensAt, closesAt: rating.closesAt } : null,
        available: false,
        decided: false,
        published: false,
        ...(rating.enabled ? {} : { note: 'ratingOff' as const }),
      },
      [
        { key: 'ratings', value: rating.ratings },
        { key: 'raters', value: rating.raters },
        { key: 'ratingsExcluded', value: rating.excluded },
      ],
      `${base}/nilai-publik`,
    ),
    step(
      'field_verification',
      field,
      { dated: true, available: false, decided: false, published: false },
      field
        ? [
            { key: 'visitsPlanned', value: visits.planned },
            { key: 'reportsSubmitted', value: visits.submitted, of: visits.planned },
          ]
        : [],
      field ? `${base}/verifikasi-lapangan` : null,
    ),
    // The final session: decided when every finalist has the panel's decision; published with the results.
    step(
      'final_session',
      finalPanel,
      {
        dated: true,
        available: false,
        decided: allOf(decisions?.decisions ?? 0),
        published: input.resultsPublished,
      },
      decisions ? [{ key: 'decisionsRecorded', value: decisions.decisions, of: finalists }] : [],
      finalPanel ? `${base}/sidang` : null,
    ),
    // The certificates: issued once the results are published.
    step(
      'certificates',
      null,
      { dated: false, available: input.resultsPublished, decided: false, published: false },
      [
        { key: 'certificatesIssued', value: certificates.issued },
        { key: 'certificatesReady', value: certificates.ready, of: certificates.issued },
        { key: 'certificatesRevoked', value: certificates.revoked },
      ],
      `${base}/piagam`,
    ),
  ];
}
