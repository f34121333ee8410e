import type { Db } from '../db/connect.js';
import type { Clock } from '../platform/clock.js';
import type { DemoAccount } from './index.js';

export async function seedDemoData(_db: Db, _clock: Clock): Promise<DemoAccount[]> {
  throw new Error('demo seed not written yet');
}
export async function listDemoAccounts(_db: Db): Promise<DemoAccount[]> {
  return [];
}
