import type { Db } from '../db/connect.js';

export async function seedRegionsAndAgencies(_db: Db): Promise<void> {
  throw new Error('reference seed not written yet');
}
