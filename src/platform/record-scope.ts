import type { ExpressionBuilder } from 'kysely';

/**
 * Whose an outbox message or an audit event is, stored with it (migration 0012) and used to decide who
 * may read it (domain/policy.ts `outbox.read`, `audit.read`). A row with no scope is visible to the
 * system administrator only, so a caller that forgets to say whose a row is hides it rather than
 * showing it to everyone.
 */
export interface RecordScope {
  /** The competition the row is about, if any. */
  competitionId?: number | null;
  /** The organizer of that competition: its secretariat reads the row. */
  organizerInstitutionId?: number | null;
  /** The participant (or registry) institution the row is about. */
  institutionId?: number | null;
  /** About the installation's reference data (institutions, units, awards, admin requests): the data steward reads it. */
  referenceData?: boolean;
}

/** The stored columns of a scope. */
export function scopeColumns(scope: RecordScope | undefined) {
  return {
    competition_id: scope?.competitionId ?? null,
    organizer_institution_id: scope?.organizerInstitutionId ?? null,
    institution_id: scope?.institutionId ?? null,
    reference_data: scope?.referenceData ? 1 : 0,
  };
}

/** Which rows a reader may see (domain/policy-scopes.ts `recordScope`). */
export interface ReadableScope {
  all: boolean;
  organizerIds: number[];
  referenceData: boolean;
}

/** The rows of a scope-tagged table (outbox, audit_events) the reader may see. */
export function readableRows<T extends 'outbox' | 'audit_events' | 'a'>(scope: ReadableScope, table: T) {
  const col = (c: string) => `${table}.${c}`;
  return (eb: ExpressionBuilder<any, any>) => {
    if (scope.all) return eb.lit(true);
    const ors = [];
    if (scope.organizerIds.length) ors.push(eb(col('organizer_institution_id'), 'in', scope.organizerIds));
    if (scope.referenceData) ors.push(eb(col('reference_data'), '=', 1));
    return ors.length ? eb.or(ors) : eb.lit(false);
  };
}
