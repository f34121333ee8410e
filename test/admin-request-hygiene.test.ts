import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from './helpers/app.js';
import { makeInstitution, makeUser } from './helpers/fixtures.js';
import { minimalPdf, multipartForm, PNG } from './helpers/multipart.js';
import { blobKeys, tempFiles } from './helpers/stored-blobs.js';

/*
 * The public account-request form: a refused request leaves nothing on disk, and the answer does not
 * tell whether an e-mail address already has an account (or a pending request).
 */
describe('admin lokal account requests: disk and e-mail hygiene', () => {
  let ctx: TestContext;
  let institutionId: number;
  let existing: { id: number; email: string };
  let ip = 0;

  beforeAll(async () => {
    ctx = await createTestApp();
    institutionId = (await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Bantul' })).id;
    existing = await makeUser(ctx.db, { role: 'upp', institutionId, email: 'ada@bantulkab.go.id' });
  });
  afterAll(async () => ctx.close());

  const fields = (over: Record<string, string> = {}) => ({
    institutionId: String(institutionId),
    name: 'Rina Wulandari',
    position: 'Kepala Bagian Organisasi',
    email: 'rina@bantulkab.go.id',
    phone: '081234567890',
    letterNumber: '800/1/Org',
    locale: 'id',
    ...over,
  });
  const letter = (content = minimalPdf(String(Math.random()))) => [
    { field: 'letter', name: 'surat.pdf', content, type: 'application/pdf' },
  ];
  const submit = (body: ReturnType<typeof multipartForm>) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/admin-requests',
      remoteAddress: `10.1.${Math.floor(++ip / 250)}.${ip % 250}`,
      payload: body.payload,
      headers: body.headers,
    });
  /** Every stored blob (disk or bucket) and temporary file. */
  const stored = async () => [...(await blobKeys(ctx)), ...tempFiles(ctx)];

  it('leaves no file in DATA_DIR after refused requests, whatever refused them', async () => {
    const before = (await stored()).length;
    const refused = [
      multipartForm(fields({ name: '' }), letter()),
      multipartForm(fields({ email: 'bukan-email' }), letter()),
      multipartForm(fields({ phone: '12' }), letter()),
      multipartForm(fields({ locale: 'fr' }), letter()),
      multipartForm(fields({ institutionId: '999999' }), letter()),
      multipartForm(fields({ email: 'png@bantulkab.go.id' }), letter(PNG)),
      multipartForm(
        fields({ email: 'besar@bantulkab.go.id' }),
        letter(Buffer.concat([minimalPdf(), Buffer.alloc(5 * 1024 * 1024, 0x20)])),
      ),
      multipartForm(fields({ institutionId: 'x' }), letter()),
      multipartForm({ locale: 'id' }, letter()),
      multipartForm(fields({ position: '   ' }), letter()),
      multipartForm(fields({ email: '' }), letter()),
      multipartForm(fields({ institutionId: '424242' }), letter()),
    ];
    const statuses: number[] = [];
    for (const body of refused) statuses.push((await submit(body)).statusCode);
    expect(
      statuses.every((s) => s >= 400 && s < 500),
      String(statuses),
    ).toBe(true);
    expect((await stored()).length - before).toBe(0);
    expect(tempFiles(ctx)).toEqual([]);
    const rows = await ctx.db.selectFrom('files').select('id').execute();
    expect(rows).toEqual([]);
  });

  it('refuses a letter sent before the fields without storing it', async () => {
    const before = (await stored()).length;
    const body = multipartForm({}, letter());
    const tail = multipartForm(fields({ email: 'urutan@bantulkab.go.id' }));
    // The letter part first, then the fields, under one boundary.
    const payload = Buffer.concat([
      body.payload.subarray(0, body.payload.length - `--${body.boundary}--\r\n`.length),
      Buffer.from(tail.payload.toString('latin1').replaceAll(tail.boundary, body.boundary), 'latin1'),
    ]);
    const res = await submit({ ...body, payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('fields_after_file');
    expect((await stored()).length).toBe(before);
  });

  it('answers an e-mail that has an account exactly as a new one, and tells the owner', async () => {
    const fresh = await submit(multipartForm(fields({ email: 'baru@bantulkab.go.id' }), letter()));
    const known = await submit(
      multipartForm(fields({ email: existing.email.toUpperCase(), name: 'Penyamar' }), letter()),
    );
    expect(known.statusCode).toBe(fresh.statusCode);
    expect(known.statusCode).toBe(202);
    expect(known.json()).toEqual(fresh.json());
    expect(known.body).toBe(fresh.body);

    // No request and no letter for the known address; its owner is told, with the way in.
    const requests = await ctx.db.selectFrom('admin_requests').select('email').execute();
    expect(requests.map((r) => r.email)).toEqual(['baru@bantulkab.go.id']);
    expect((await stored()).length).toBe(1);
    const mails = await ctx.db
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', existing.email)
      .execute();
    expect(mails.map((m) => m.template)).toEqual(['admin_request_account_exists']);
    expect(mails[0].text_body).toContain(`${ctx.config.baseUrl}/masuk`);
    expect(mails[0].text_body).toContain(`${ctx.config.baseUrl}/lupa-sandi`);
    expect(mails[0].text_body).toContain('Pemerintah Kabupaten Bantul');
  });

  it('answers a second request for an address under review exactly as a new one', async () => {
    const first = await submit(multipartForm(fields({ email: 'dua@bantulkab.go.id' }), letter()));
    const again = await submit(multipartForm(fields({ email: 'dua@bantulkab.go.id' }), letter()));
    expect(again.statusCode).toBe(first.statusCode);
    expect(again.body).toBe(first.body);
    const rows = await ctx.db
      .selectFrom('admin_requests')
      .select('id')
      .where('email', '=', 'dua@bantulkab.go.id')
      .execute();
    expect(rows).toHaveLength(1);
    const mails = await ctx.db
      .selectFrom('outbox')
      .select('template')
      .where('to_address', '=', 'dua@bantulkab.go.id')
      .orderBy('id')
      .execute();
    expect(mails.map((m) => m.template)).toEqual(['admin_request_received', 'admin_request_duplicate']);
  });

  it('takes the same order of time for a known and an unknown address', async () => {
    const time = async (email: string) => {
      const body = multipartForm(fields({ email }), letter());
      const t0 = process.hrtime.bigint();
      const res = await submit(body);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      expect(res.statusCode).toBe(202);
      return ms;
    };
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const unknown: number[] = [];
    const known: number[] = [];
    for (let i = 0; i < 7; i++) {
      unknown.push(await time(`waktu${i}@bantulkab.go.id`));
      known.push(await time(existing.email));
    }
    const ratio = median(known) / median(unknown);
    expect(ratio, `known ${median(known)} ms, unknown ${median(unknown)} ms`).toBeGreaterThan(0.1);
    expect(ratio, `known ${median(known)} ms, unknown ${median(unknown)} ms`).toBeLessThan(10);
  });
});
