import type { StageRow } from '../../db/schema.js';
import type { SelectionStepView } from '../../contracts/selection-hub.js';
import { can, type Action, type Actor } from '../../domain/policy.js';
import { stepStatus, type SelectionStep, type StepFacts } from '../../domain/selection-hub.js';

export type Count = SelectionStepView['counts'][number];

/** The policy action of each step's page: the hub links only to what the caller may open. */
const PAGE_ACTION: Record<SelectionStep, Action> = {
  administrative: 'adminCheck.work',
  publication: 'announcement.prepare',
  team: 'reviewTeam.manage',
  assignment: 'assignment.manage',
  evaluation_1: 'review.progress',
  results_1: 'stageResults.manage',
  evaluation_2: 'review.progress',
  results_2: 'stageResults.manage',
  finalists: 'finalists.manage',
  public_objection: 'objection.triage',
  presentation_schedule: 'presentation.manage',
  presentation: 'stageResults.manage',
  public_rating: 'publicRating.manage',
  field_verification: 'fieldVisit.manage',
  final_session: 'results.manage',
  certificates: 'certificate.manage',
};

/**
 * A step's facts as the builder takes them: `dated` takes the stage's window; `window` gives another one
 * (the public rating's own); neither: a step between stages, open once `available`.
 */
export type StepInput = Omit<StepFacts, 'window'> & {
  dated: boolean;
  window?: StepFacts['window'];
  note?: SelectionStepView['note'];
};

export type StepBuilder = (
  key: SelectionStep,
  stage: StageRow | null,
  facts: StepInput,
  counts: Count[],
  path: string | null,
) => SelectionStepView;

/** The step builder for one caller: status by the pure rule, the page's link by the policy. */
export function stepBuilder(actor: Actor | null, organizerInstitutionId: number, now: Date): StepBuilder {
  const subject = { organizerInstitutionId };
  return (key, stage, facts, counts, path) => {
    const window =
      facts.window !== undefined
        ? facts.window
        : facts.dated
          ? stage
            ? { opensAt: stage.opens_at, closesAt: stage.closes_at }
            : { opensAt: null, closesAt: null }
          : null;
    return {
      key,
      stage: stage ? { id: stage.id, nameId: stage.name_id, nameEn: stage.name_en } : null,
      window,
      status: stepStatus({ ...facts, window }, now),
      counts,
      path,
      ...(facts.note ? { note: facts.note } : {}),
      abilities: { open: path !== null && can(actor, PAGE_ACTION[key], subject) },
    };
  };
}
