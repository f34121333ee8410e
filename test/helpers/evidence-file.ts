import { Readable } from 'node:stream';
import type { TestContext } from './app.js';
import { minimalPdf } from './multipart.js';

/**
 * An evidence file of a proposal, stored for real (the app's file storage, its `files` row and the
 * proposal's attachment row), uploaded by the proposal's author: for tests of what reads evidence after
 * the proposal left its editor (the gallery's public files). Returns the attachment's id.
 */
export async function addEvidenceFile(
  ctx: Pick<TestContext, 'app' | 'db' | 'clock'>,
  proposalId: number,
  note: string,
): Promise<number> {
  const { db, app } = ctx;
  const stored = await app.deps.storage.put(Readable.from(minimalPdf(note)), {
    maxBytes: 1_000_000,
    allowedMimes: ['application/pdf'],
  });
  const now = ctx.clock.now().toISOString();
  const file = await db
    .insertInto('files')
    .values({
      sha256: stored.sha256,
      size: stored.size,
      mime: stored.mime,
      original_name: `${note}.pdf`,
      storage_key: stored.storageKey,
      uploaded_by: null,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const p = await db
    .selectFrom('proposals')
    .select('created_by')
    .where('id', '=', proposalId)
    .executeTakeFirstOrThrow();
  const a = await db
    .insertInto('proposal_attachments')
    .values({
      proposal_id: proposalId,
      file_id: file.id,
      kind: 'evidence',
      section_id: null,
      uploaded_by: p.created_by,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return a.id;
}
