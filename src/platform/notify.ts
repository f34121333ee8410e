import type { Db } from '../db/connect.js';
import type { Text } from '../domain/errors.js';

/** Adds an in-app notification for one user; call inside the change's transaction. */
export async function notifyUser(
  tx: Db,
  input: { userId: number; kind: string; title: Text; body: Text; link?: string | null; now: Date },
): Promise<void> {
  await tx
    .insertInto('notifications')
    .values({
      user_id: input.userId,
      kind: input.kind,
      title_id: input.title.id,
      title_en: input.title.en,
      body_id: input.body.id,
      body_en: input.body.en,
      link: input.link ?? null,
      created_at: input.now.toISOString(),
      read_at: null,
    })
    .execute();
}
