import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from './helpers/app.js';
import { makeInstitution, makeUnit, makeUser, publishedKipp, sessionCookie } from './helpers/fixtures.js';
import { minimalPdf, multipartForm } from './helpers/multipart.js';
import { blobKeys, tempFiles } from './helpers/stored-blobs.js';

/** Inside the KIPP 2026 template's submission window. */
const NOW = new Date('2026-04-01T03:00:00.000Z');
const B = '----sinovikRusak';
const ct = (v: string) => ({ 'content-type': v });
const textPart = (name: string, value: string) =>
  `--${B}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
const filePart = (field: string, body: string) =>
  `--${B}\r\nContent-Disposition: form-data; name="${field}"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n${body}\r\n`;

/**
 * Malformed bodies, each sent raw to every multipart route: a 4xx with a stable code, never a 500, and
 * nothing left in storage.
 */
function malformedBodies(fileField: string) {
  const pdf = minimalPdf().toString('latin1');
  return [
    {
      name: 'no boundary',
      headers: ct('multipart/form-data'),
      payload: filePart(fileField, pdf) + `--${B}--\r\n`,
      status: 400,
      code: 'upload_invalid',
    },
    {
      name: 'empty boundary',
      headers: ct('multipart/form-data; boundary='),
      payload: filePart(fileField, pdf),
      status: 400,
      code: 'upload_invalid',
    },
    {
      name: 'cut off inside the file',
      headers: ct(`multipart/form-data; boundary=${B}`),
      payload: filePart(fileField, pdf).slice(0, 200),
      status: 400,
      code: 'upload_invalid',
    },
    {
      name: 'cut off inside a part header',
      headers: ct(`multipart/form-data; boundary=${B}`),
      payload: `--${B}\r\nContent-Disposition: form-da`,
      status: 400,
      code: 'upload_invalid',
    },
    {
      name: 'no closing boundary',
      headers: ct(`multipart/form-data; boundary=${B}`),
      payload: textPart('kind', 'evidence') + filePart(fileField, pdf),
      status: 400,
      code: 'upload_invalid',
    },
    {
      name: 'garbage instead of parts',
      headers: ct(`multipart/form-data; boundary=${B}`),
      payload: 'ini bukan multipart sama sekali',
      status: 400,
      code: 'upload_invalid',
    },
    {
      name: 'a field named __proto__',
      headers: ct(`multipart/form-data; boundary=${B}`),
      payload: textPart('__proto__', 'x') + filePart(fileField, pdf) + `--${B}--\r\n`,
      status: 400,
      code: 'upload_invalid',
    },
    {
      name: 'too many fields',
      headers: ct(`multipart/form-data; boundary=${B}`),
      payload:
        Array.from({ length: 40 }, (_, i) => textPart(`f${i}`, 'x')).join('') +
        filePart(fileField, pdf) +
        `--${B}--\r\n`,
      status: 400,
      code: 'multipart_too_many_parts',
    },
    {
      name: 'three files',
      headers: ct(`multipart/form-data; boundary=${B}`),
      payload:
        filePart(fileField, pdf) + filePart(fileField, pdf) + filePart(fileField, pdf) + `--${B}--\r\n`,
      status: 400,
      code: 'one_file_only',
    },
    {
      name: 'JSON instead of multipart',
      headers: ct('application/json'),
      payload: '{"file":"x"}',
      status: [400, 415],
      code: ['multipart_required', 'file_required'],
    },
    {
      name: 'an unsupported content type',
      headers: ct(`multipart/mixed; boundary=${B}`),
      payload: filePart(fileField, pdf) + `--${B}--\r\n`,
      status: 415,
      code: 'unsupported_media_type',
    },
  ];
}

describe('malformed multipart bodies answer 4xx with a stable code on every multipart route', () => {
  let ctx: TestContext;
  const routes: { method: 'POST' | 'PUT'; url: string; cookie?: string; field: string }[] = [];

  beforeAll(async () => {
    ctx = await createTestApp();
    ctx.clock.freeze(NOW);
    const { competitionId } = await publishedKipp(ctx.db, {
      organizerName: 'Kementerian Multipart',
      now: NOW,
    });
    const inst = await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Multipart' });
    const unit = await makeUnit(ctx.db, inst.id);
    const upp = await makeUser(ctx.db, { role: 'upp', institutionId: inst.id, unitId: unit.id });
    const admin = await makeUser(ctx.db, { role: 'system_admin' });
    const uppCookie = await sessionCookie(ctx, upp.id);
    const adminCookie = await sessionCookie(ctx, admin.id);
    const draft = await ctx.app.inject({
      method: 'POST',
      url: `/api/competitions/${competitionId}/proposals`,
      headers: { cookie: uppCookie },
      payload: { groupKey: 'umum', title: 'Inovasi Uji Multipart' },
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const proposalId = draft.json().id as number;
    const good = multipartForm({}, [{ field: 'file', name: 'a.pdf', content: minimalPdf('ok') }]);
    const att = await ctx.app.inject({
      method: 'POST',
      url: `/api/proposals/${proposalId}/attachments`,
      headers: { cookie: uppCookie, ...good.headers },
      payload: good.payload,
    });
    expect(att.statusCode, att.body).toBe(201);
    routes.push(
      { method: 'POST', url: '/api/admin-requests', field: 'letter' },
      { method: 'POST', url: `/api/proposals/${proposalId}/attachments`, cookie: uppCookie, field: 'file' },
      {
        method: 'PUT',
        url: `/api/proposals/${proposalId}/attachments/${att.json().id}`,
        cookie: uppCookie,
        field: 'file',
      },
      { method: 'POST', url: '/api/awards/import', cookie: adminCookie, field: 'file' },
      { method: 'POST', url: '/api/institutions/import', cookie: adminCookie, field: 'file' },
    );
  });
  afterAll(async () => ctx.close());

  it('never answers 500, and each refusal has its stable code', async () => {
    const stored = async () => (await blobKeys(ctx)).length + tempFiles(ctx).length;
    const storedBefore = await stored();
    let n = 0;
    for (const route of routes)
      for (const body of malformedBodies(route.field)) {
        const res = await ctx.app.inject({
          method: route.method,
          url: route.url,
          remoteAddress: `10.7.0.${++n}`,
          headers: { ...(route.cookie ? { cookie: route.cookie } : {}), ...body.headers },
          payload: body.payload,
        });
        const what = `${route.method} ${route.url}: ${body.name} → ${res.statusCode} ${res.body}`;
        expect.soft([body.status].flat(), what).toContain(res.statusCode);
        expect.soft([body.code].flat(), what).toContain(res.json().error.code);
        expect(res.json().error.message.id, what).toBeTruthy();
        expect(res.json().error.message.en, what).toBeTruthy();
      }
    expect(await stored()).toBe(storedBefore);
  });

  it('still refuses an oversized file with 413 file_too_large', async () => {
    const big = Buffer.concat([minimalPdf(), Buffer.alloc(5 * 1024 * 1024 + 10, 0x20)]);
    const body = multipartForm(
      {
        institutionId: '1',
        name: 'Nama',
        position: 'Jabatan',
        email: 'besar@uji.go.id',
        phone: '081234567890',
      },
      [{ field: 'letter', name: 'a.pdf', content: big }],
    );
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/admin-requests',
      remoteAddress: '10.8.0.1',
      ...body,
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('file_too_large');
  });
});
