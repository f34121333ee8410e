import type { Db } from '../db/connect.js';

export async function createUserFromCli(_db: Db, _args: string[]): Promise<number> {
  throw new Error('create-user not written yet');
}
