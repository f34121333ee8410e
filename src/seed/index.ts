import type { Db } from '../db/connect.js';
import type { Clock } from '../platform/clock.js';
import type { DemoAccount, DemoSeedOptions } from './demo-accounts.js';

export { DEMO_PASSWORD, type DemoAccount } from './demo-accounts.js';

/**
 * Reference data every installation needs: the 38 provinces and 514 regencies/cities with their
 * official codes, the ministries, agencies and a set of BUMN, and the known past KIPP awards. Idempotent.
 */
export async function seedReferenceData(db: Db): Promise<void> {
  const { seedRegionsAndAgencies } = await import('./reference.js');
  await seedRegionsAndAgencies(db);
  const { seedAwards } = await import('./awards.js');
  await seedAwards(db);
}

/**
 * The demo competitions and one account for every role. Idempotent: a second run changes nothing. With a
 * data folder it also writes the proposals and, unless `selection` is false, the selection demo
 * (KIPP-SELEKSI, past its closing: demo-selection.ts), and unless `panel` is false the panel demo
 * (KIPP-PANEL, at its final finalist list: demo-panel.ts), and unless `lastYear` is false last year's KIPP
 * (KIPP-LALU, its results published: its finalists in the gallery, demo-last-year.ts).
 */
export async function seedDemo(db: Db, clock: Clock, opts: DemoSeedOptions = {}): Promise<DemoAccount[]> {
  const { seedDemoData } = await import('./demo.js');
  return seedDemoData(db, clock, opts);
}

/** The demo accounts present in this database (to print again on later starts). */
seedDemo.accounts = async (db: Db): Promise<DemoAccount[]> => {
  const { listDemoAccounts } = await import('./demo.js');
  return listDemoAccounts(db);
};

/** Last year's demo KIPP when its results are published here (its winners are in the gallery), else null. */
seedDemo.lastYear = async (
  db: Db,
  now: Date,
): Promise<{ code: string; name: string; year: number } | null> => {
  const { findLastYearDemo } = await import('./demo-last-year.js');
  return findLastYearDemo(db, now);
};
