import { Migrator, type MigrationProvider } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../src/db/migrations/index.js';
import { createTestDb, type TestDb } from './helpers/db.js';

const provider: MigrationProvider = { getMigrations: async () => migrations };
const LINK = 'http://localhost:3000/atur-sandi?token=AbC-123_xyz';
/** The one-time sign-in link (issue 9, another branch) has its own path. */
const link = (template: string) =>
  template === 'sign_in_link' ? 'http://localhost:3000/masuk-tautan?token=Zz9-sign_in' : LINK;

describe('migration 0012 on an outbox that already holds secret links', () => {
  let t: TestDb;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await createTestDb();
    const migrator = new Migrator({ db: t.db, provider });
    // Back to the schema before 0012 (the later migrations are undone first).
    const down = await migrator.migrateTo('2026_12_04_0011_editor_memory');
    expect(down.error).toBeUndefined();
    const row = (to: string, status: 'pending' | 'sent', template: string) => ({
      to_address: to,
      to_name: null,
      subject: 'Atur ulang kata sandi Sinovik',
      text_body: `Yth. Uji,\n\n${link(template)}\n\nTautan ini hanya dapat dipakai satu kali.`,
      html_body: `<p>Yth. Uji,</p><p><a href="${link(template)}" style="x">${link(template)}</a></p>`,
      template,
      locale: 'id',
      status,
      attempts: 0,
      next_attempt_at: '2026-05-01T00:00:00.000Z',
      last_error: null,
      message_id: null,
      eml_path: null,
      created_at: '2026-05-01T00:00:00.000Z',
      sent_at: null,
    });
    for (const [k, to, status, template] of [
      ['pending', 'a@uji.go.id', 'pending', 'password_reset'],
      ['sent', 'b@uji.go.id', 'sent', 'account_created'],
      ['other', 'c@uji.go.id', 'pending', 'proposal_sent'],
      ['signIn', 'd@uji.go.id', 'sent', 'sign_in_link'],
    ] as const) {
      const r = await t.db
        .insertInto('outbox')
        .values(row(to, status, template) as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      ids[k] = r.id;
    }
    const up = await migrator.migrateToLatest();
    expect(up.error).toBeUndefined();
  });
  afterAll(async () => t.drop());

  it('redacts the links in the outbox and keeps an unsent message deliverable', async () => {
    const rows = await t.db.selectFrom('outbox').selectAll().orderBy('id').execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const k of ['pending', 'sent', 'signIn']) {
      const r = byId.get(ids[k])!;
      expect(r.has_secret).toBe(1);
      expect(r.text_body).not.toContain('token=');
      expect(r.html_body).not.toContain('token=');
      expect(r.html_body).not.toContain('<a ');
      expect(r.text_body).toContain('[tautan rahasia — hanya dikirim ke penerima]');
    }
    expect(byId.get(ids.other)!.text_body).toContain(LINK);
    const secrets = await t.db.selectFrom('outbox_secrets').selectAll().execute();
    expect(secrets).toEqual([
      {
        outbox_id: ids.pending,
        text_body: expect.stringContaining(LINK),
        html_body: expect.stringContaining(`href="${LINK}"`),
        expires_at: '2026-05-08T00:00:00.000Z',
      },
    ]);
  });
});
