/** The password of every demo account (printed on start; demo installations only). */
export const DEMO_PASSWORD = 'Demo-Sinovik-2026';

/** A demo account as printed on start. */
export interface DemoAccount {
  role: string;
  email: string;
  scope: string;
  /** What the account does in the selection demo (KIPP-SELEKSI), when it is seeded. */
  selection?: string;
  /** What the account does in the panel demo (KIPP-PANEL), when it is seeded. */
  panel?: string;
}
