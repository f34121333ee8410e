/** How long the installation keeps personal data that is not the competition record (migration 0048). */
export interface RetentionSettingsTable {
  /** Always 1: one row for the installation. */
  id: number;
  login_failure_days: number;
  session_days: number;
  mail_body_days: number;
  notification_days: number;
  token_days: number;
  updated_by: number | null;
  updated_at: string | null;
}
