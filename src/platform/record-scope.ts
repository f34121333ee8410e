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
