import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from './helpers/app.js';
import { publishedKipp, sessionCookie } from './helpers/fixtures.js';

/*
 * The organizer's help contact (issue 11, "Everyone"): the secretariat sets it in the competition's
 * settings, the public answers carry it with the organizer's name, and a bad value is refused at its field
 * without changing anything.
 */

const NOW = new Date('2026-04-01T03:00:00.000Z');
const EMPTY = { phone: null, email: null, whatsapp: null, hours: null };

describe('the help contact of a competition', () => {
  let ctx: TestContext;
  let competitionId: number;
  let cookie: string;

  beforeAll(async () => {
    ctx = await createTestApp();
    ctx.clock.freeze(NOW);
    const kipp = await publishedKipp(ctx.db, { organizerName: 'Kementerian Kontak', now: NOW });
    competitionId = kipp.competitionId;
    cookie = await sessionCookie(ctx, kipp.secretariat.id);
  });
  afterAll(async () => ctx.close());

  const detail = async (withCookie = true) => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/competitions/${competitionId}`,
      headers: withCookie ? { cookie } : {},
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const put = (definition: Record<string, unknown>, helpdesk: Record<string, unknown>) =>
    ctx.app.inject({
      method: 'PUT',
      url: `/api/competitions/${competitionId}`,
      headers: { cookie },
      payload: {
        ...definition,
        settings: { ...(definition.settings as object), helpdesk },
      },
    });
  const storedSettings = async () =>
    JSON.parse(
      (
        await ctx.db
          .selectFrom('competitions')
          .select('settings')
          .where('id', '=', competitionId)
          .executeTakeFirstOrThrow()
      ).settings,
    );

  it('is empty for a competition made from the KIPP template', async () => {
    expect((await detail()).settings.helpdesk).toEqual(EMPTY);
    const list = await ctx.app.inject({ method: 'GET', url: '/api/competitions' });
    const item = list.json().items.find((c: { id: number }) => c.id === competitionId);
    expect(item.helpdesk).toEqual(EMPTY);
    expect(item.organizer.name).toBe('Kementerian Kontak');
  });

  it('is saved by the secretariat (normalized) and answered to anyone by the list and the page', async () => {
    const res = await put(await detail(), {
      phone: '(021) 739 8381',
      email: 'Bantuan.KIPP@Kontak.go.id',
      whatsapp: '0812-5555-0101',
      hours: 'Senin–Jumat 08.00–16.00 WIB',
    });
    expect(res.statusCode, res.body).toBe(200);
    const saved = {
      phone: '+62217398381',
      email: 'bantuan.kipp@kontak.go.id',
      whatsapp: '+6281255550101',
      hours: 'Senin–Jumat 08.00–16.00 WIB',
    };
    expect(res.json().settings.helpdesk).toEqual(saved);
    expect((await storedSettings()).helpdesk).toEqual(saved);

    // Public: without a session, in the list and on the page, with the organizer's name.
    const page = await detail(false);
    expect(page.settings.helpdesk).toEqual(saved);
    expect(page.organizer.name).toBe('Kementerian Kontak');
    const list = await ctx.app.inject({ method: 'GET', url: '/api/competitions' });
    const item = list.json().items.find((c: { id: number }) => c.id === competitionId);
    expect(item.helpdesk).toEqual(saved);

    // A change of the contact is audited with the settings, like every other change of the definition.
    const audit = await ctx.db
      .selectFrom('audit_events')
      .select(['action', 'summary'])
      .where('entity_type', '=', 'competition')
      .where('entity_id', '=', String(competitionId))
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe('competition.updated');
    expect(audit.summary).toContain('+62217398381');
  });

  it('refuses bad values at their fields (400, id and en) and changes nothing', async () => {
    const before = await storedSettings();
    const definition = await detail();
    const res = await put(
      { ...definition, name: 'Nama yang tidak boleh tersimpan' },
      { phone: '12345', email: 'bantuan@', whatsapp: 'wa.me/62812', hours: 'x'.repeat(121) },
    );
    expect(res.statusCode, res.body).toBe(400);
    const fields = res.json().error.fields;
    expect(Object.keys(fields).sort()).toEqual([
      'settings.helpdesk.email',
      'settings.helpdesk.hours',
      'settings.helpdesk.phone',
      'settings.helpdesk.whatsapp',
    ]);
    expect(fields['settings.helpdesk.phone']).toEqual({
      code: 'invalid_phone',
      message: {
        id: expect.stringContaining('nomor telepon Indonesia'),
        en: expect.stringContaining('Indonesian phone number'),
      },
    });
    expect(fields['settings.helpdesk.email'].code).toBe('invalid_email');
    expect(fields['settings.helpdesk.hours']).toEqual({
      code: 'too_long',
      message: { id: 'Maksimal 120 karakter.', en: 'At most 120 characters.' },
    });
    expect(await storedSettings()).toEqual(before);
    expect((await detail()).name).toBe(definition.name);
  });

  it('empties the contact again when its parts are blank', async () => {
    const res = await put(await detail(), { phone: ' ', email: '', whatsapp: null, hours: '' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().settings.helpdesk).toEqual(EMPTY);
    expect((await storedSettings()).helpdesk).toEqual(EMPTY);
  });
});
