import type { Generated, Selectable } from 'kysely';

/*
 * The tables of the final session and the published results (issue 13 points 4–6). Split out of schema.ts
 * like schema-selection.ts; schema.ts lists them in Database and re-exports them.
 */

/** The Tim Panel Independen's staged decision on one finalist in the final session (migration 0039). */
export interface PanelDecisionTable {
  id: Generated<number>;
  competition_id: number;
  /** The competition's `final_panel` stage. */
  stage_id: number;
  proposal_id: number;
  /** An award key of the stage's settings (domain/final-panel-settings.ts); null = not awarded. */
  award_key: string | null;
  reason: string;
  decided_by: number;
  decided_at: string;
  version: Generated<number>;
}

export type PanelDecisionRow = Selectable<PanelDecisionTable>;
