import type { BlobStore } from '../platform/storage.js';

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

/** What `seedDemo` writes: with a data folder also the proposals (their evidence in `storage`) and the demos. */
export interface DemoSeedOptions {
  dataDir?: string;
  /** Where the demo's files go (the app's storage); default the disk storage in `dataDir`. */
  storage?: BlobStore;
  baseUrl?: string;
  selection?: boolean;
  panel?: boolean;
  lastYear?: boolean;
}
