import QRCode from 'qrcode';
import { beforeAll, describe, expect, it } from 'vitest';
import { QR_MODULE, QR_OPTIONS } from '../src/modules/certificates/pdf.js';
import { issueCertificates } from '../src/modules/certificates/issue.js';
import { crc32 } from '../src/modules/certificates/zip.js';
import { appWithSmtpCapture } from './helpers/app.js';
import {
  countRows,
  lastAudit,
  makeInstitution,
  makeUnit,
  makeUser,
  publishedKipp,
  sessionCookie,
} from './helpers/fixtures.js';
import { makeFinalist } from './helpers/finalists.js';
import { pdfStreams, pdfText } from './helpers/pdf.js';

/*
 * Certificates (piagam, issue 13 point 5) through the API on a real database: issuing to the finalists and
 * the registry's awards of the competition (twice, even at once, issues once), the PDF (landscape, its
 * number, names and verification address, the QR code drawn from that address), the public verification
 * (genuine, changed number, changed code, changed facts, unknown, revoked), downloads and their denials.
 */

const NOW = new Date('2026-11-20T03:00:00.000Z');
/** Typed text stays text in the mail, the page and the PDF. */
const TITLE_X = 'Layanan Cepat <b>Tanpa</b> Antre & "Ramah"';
/** The signer's position and a revocation's reason are typed by the secretariat: text, never markup. */
const SIGNER_POSITION = 'Menteri <i>PANRB</i> & "Reformasi"';
const REASON = 'Inovasi terbukti <script>alert(1)</script> bukan karya pengusul.';

type Who = 'sec' | 'secB' | 'adminX' | 'uppX' | 'adminY' | 'uppY' | 'evaluator';

describe('certificates', () => {
  const suite = appWithSmtpCapture();
  const s = {} as {
    competitionId: number;
    cookies: Record<Who, string>;
    ids: Record<Who, number>;
    pX: { id: number; code: string };
    pY: { id: number; code: string };
    institutionX: string;
    institutionXId: number;
    unitX: string;
  };
  const inject = (method: 'GET' | 'PUT' | 'POST', url: string, cookie?: string, payload?: unknown) =>
    suite.ctx.app.inject({
      method,
      url,
      headers: cookie ? { cookie } : {},
      ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
    });
  const page = () => inject('GET', `/api/competitions/${s.competitionId}/certificates`, s.cookies.sec);
  const verify = (path: string) => inject('GET', `/api/public/certificates/${path}`);
  /** The part of a verification address after /verifikasi/piagam/. */
  const addressOf = (url: string) => url.split('/verifikasi/piagam/')[1]!;

  beforeAll(async () => {
    const { db, clock } = suite.ctx;
    clock.freeze(NOW);
    const A = await publishedKipp(db, { organizerName: 'Kementerian Piagam A', now: NOW });
    s.competitionId = A.competitionId;
    const B = await makeInstitution(db, { type: 'pemerintah_provinsi', name: 'Provinsi Piagam B' });
    const x = await makeInstitution(db, { name: 'Pemerintah Kabupaten Piagam X' });
    const unitX = await makeUnit(db, x.id, 'Dinas Kependudukan Piagam X');
    const y = await makeInstitution(db, { name: 'Pemerintah Kota Piagam Y' });
    const unitY = await makeUnit(db, y.id, 'Dinas Kesehatan Piagam Y');
    s.institutionX = x.name;
    s.institutionXId = x.id;
    s.unitX = unitX.name;
    const users = {
      sec: A.secretariat,
      secB: await makeUser(db, { role: 'secretariat', institutionId: B.id }),
      adminX: await makeUser(db, { role: 'local_admin', institutionId: x.id, email: 'admin.x@piagam.go.id' }),
      uppX: await makeUser(db, {
        role: 'upp',
        institutionId: x.id,
        unitId: unitX.id,
        email: 'upp.x@piagam.go.id',
      }),
      adminY: await makeUser(db, { role: 'local_admin', institutionId: y.id }),
      uppY: await makeUser(db, { role: 'upp', institutionId: y.id, unitId: unitY.id }),
      evaluator: await makeUser(db, { role: 'evaluator', competitionId: A.competitionId }),
    };
    s.ids = {} as typeof s.ids;
    s.cookies = {} as typeof s.cookies;
    for (const [k, u] of Object.entries(users)) {
      s.ids[k as Who] = u.id;
      s.cookies[k as Who] = await sessionCookie(suite.ctx, u.id);
    }
    const common = { competitionId: A.competitionId, actorUserId: A.secretariat.id, now: NOW };
    s.pX = await makeFinalist(db, {
      ...common,
      institutionId: x.id,
      unitId: unitX.id,
      createdBy: users.uppX.id,
      title: TITLE_X,
    });
    s.pY = await makeFinalist(db, {
      ...common,
      institutionId: y.id,
      unitId: unitY.id,
      createdBy: users.uppY.id,
      title: 'Puskesmas Keliling Piagam Y',
    });
    // The results' publication writes the registry (issue 13 point 6): X is Top Terpuji; Y's Top 99 row is
    // its finalist certificate, not a second one.
    const at = NOW.toISOString();
    for (const [p, level, inst] of [
      [s.pX, 'TOP45', x.name],
      [s.pY, 'TOP99', y.name],
    ] as const)
      await db
        .insertInto('awards')
        .values({
          year: 2026,
          level,
          innovation_title: p === s.pX ? TITLE_X : 'Puskesmas Keliling Piagam Y',
          institution_name: inst,
          institution_id: null,
          source_url: null,
          notes: null,
          created_at: at,
          created_by: null,
          updated_at: at,
          competition_id: A.competitionId,
          proposal_id: p.id,
        })
        .execute();
  });

  it('refuses to issue before the signer is set (409 signer_missing) and checks the settings field by field', async () => {
    const before = await page();
    expect(before.statusCode).toBe(200);
    expect(before.json()).toMatchObject({
      pending: 3,
      counts: { all: 0 },
      settings: { numberPrefix: 'PIAGAM/KIPP/2026', signerName: '', nextNumber: 'PIAGAM/KIPP/2026/0001' },
      abilities: { issue: false, editSettings: true },
    });
    const refused = await inject(
      'POST',
      `/api/competitions/${s.competitionId}/certificates/issue`,
      s.cookies.sec,
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('signer_missing');
    expect(await countRows(suite.ctx.db, 'certificates')).toBe(0);

    const bad = await inject(
      'PUT',
      `/api/competitions/${s.competitionId}/certificates/settings`,
      s.cookies.sec,
      {
        numberPrefix: 'PIAGAM KIPP?',
        signerName: '',
        signerPosition: 'Menteri PANRB',
      },
    );
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['numberPrefix', 'signerName']);
    expect(bad.json().error.fields.numberPrefix.message.id).toMatch(/huruf dan angka/);
    expect(bad.json().error.fields.numberPrefix.message.en).toMatch(/letters and digits/);

    const ok = await inject(
      'PUT',
      `/api/competitions/${s.competitionId}/certificates/settings`,
      s.cookies.sec,
      {
        numberPrefix: 'PIAGAM/KIPP/2026',
        signerName: 'Abdullah Azwar Anas',
        signerPosition: SIGNER_POSITION,
      },
    );
    expect(ok.statusCode).toBe(200);
    expect((await lastAudit(suite.ctx.db)).action).toBe('certificates.settings_saved');
  });

  it('issues once per proposal and award, even when two clicks arrive at once, numbered in order of the codes', async () => {
    const url = `/api/competitions/${s.competitionId}/certificates/issue`;
    const [a, b] = await Promise.all([
      inject('POST', url, s.cookies.sec),
      inject('POST', url, s.cookies.sec),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.json().issued + b.json().issued).toBe(3);
    const again = await inject('POST', url, s.cookies.sec);
    expect(again.json()).toMatchObject({ issued: 0, mails: 0 });
    // The function the results' publication calls, with the same entries: nothing new.
    const direct = await issueCertificates(
      suite.ctx.db,
      { now: NOW, baseUrl: suite.ctx.config.baseUrl },
      {
        competitionId: s.competitionId,
        entries: [
          { proposalId: s.pX.id, award: 'TOP45' },
          { proposalId: s.pY.id, award: 'TOP99' },
          { proposalId: s.pY.id, award: 'FINALIST' },
        ],
        actorId: null,
      },
    );
    expect(direct.issued).toEqual([]);
    expect(await countRows(suite.ctx.db, 'certificates')).toBe(3);

    const rows = (await page()).json().rows as { number: string; proposalId: number; award: string }[];
    const [first, second] = [s.pX, s.pY].sort((p, q) => p.code.localeCompare(q.code));
    const expected = [
      [first!.id, first === s.pX ? ['FINALIST', 'TOP45'] : ['FINALIST']],
      [second!.id, second === s.pX ? ['FINALIST', 'TOP45'] : ['FINALIST']],
    ].flatMap(([id, awards]) => (awards as string[]).map((award) => ({ proposalId: id, award })));
    expect(rows.map((r) => ({ proposalId: r.proposalId, award: r.award }))).toEqual(expected);
    expect(rows.map((r) => r.number)).toEqual([
      'PIAGAM/KIPP/2026/0001',
      'PIAGAM/KIPP/2026/0002',
      'PIAGAM/KIPP/2026/0003',
    ]);
    const audit = await suite.ctx.db
      .selectFrom('audit_events')
      .select('summary')
      .where('action', '=', 'certificates.issued')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.summary)).toMatchObject({ count: 3 });
  });

  it('tells the admin lokal and the UPP of each institution that their certificates are ready', async () => {
    const outbox = await suite.ctx.db
      .selectFrom('outbox')
      .select(['to_address', 'html_body', 'text_body'])
      .where('template', '=', 'certificates_ready')
      .orderBy('to_address')
      .execute();
    expect(outbox.map((o) => o.to_address).filter((a) => a.endsWith('@piagam.go.id'))).toEqual([
      'admin.x@piagam.go.id',
      'upp.x@piagam.go.id',
    ]);
    expect(outbox).toHaveLength(4);
    await suite.ctx.deliverMail();
    const mail = await suite.smtp.waitFor((m) => m.to.includes('admin.x@piagam.go.id'));
    expect(mail.subject.replace(/\s+/g, ' ')).toBe(
      'Piagam Kompetisi Inovasi Pelayanan Publik 2026 siap diunduh',
    );
    expect(mail.text).toContain('PIAGAM/KIPP/2026/000');
    expect(mail.text).toContain(TITLE_X);
    expect(mail.html).not.toContain('<b>Tanpa</b>');
    expect(mail.html).toContain('&lt;b&gt;Tanpa&lt;/b&gt;');
  });

  it('makes a landscape PDF with the number, the names, the signer and the address, whose QR code is that address', async () => {
    const mine = await inject('GET', '/api/certificates', s.cookies.adminX);
    expect(mine.statusCode).toBe(200);
    const rows = mine.json().rows as { id: number; number: string; award: string; verificationUrl: string }[];
    expect(rows.map((r) => r.award).sort()).toEqual(['FINALIST', 'TOP45']);
    const cert = rows.find((r) => r.award === 'TOP45')!;
    const res = await inject('GET', `/api/certificates/${cert.id}/pdf`, s.cookies.adminX);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
    const text = pdfText(pdf);
    for (const part of [
      cert.number,
      TITLE_X,
      s.institutionX,
      s.unitX,
      'Top Inovasi Pelayanan Publik Terpuji',
      'Abdullah Azwar Anas',
      SIGNER_POSITION,
      'PIAGAM PENGHARGAAN',
      cert.verificationUrl,
    ])
      expect(text).toContain(part);
    expect(cert.verificationUrl).toMatch(
      new RegExp(`^${suite.ctx.config.baseUrl}/verifikasi/piagam/PIAGAM-KIPP-2026-000\\d\\?k=[0-9a-f]{20}$`),
    );

    // The QR code, read back from the squares drawn: exactly the modules of the address's QR code.
    const drawn = qrModulesIn(pdf);
    const expected = QRCode.create(cert.verificationUrl, QR_OPTIONS).modules;
    const want = new Set<string>();
    for (let r = 0; r < expected.size; r++)
      for (let c = 0; c < expected.size; c++) if (expected.get(r, c)) want.add(`${r},${c}`);
    expect(drawn.size).toBe(want.size);
    expect([...drawn].every((m) => want.has(m))).toBe(true);
    // The file is stored once: a second download serves the same bytes.
    const again = await inject('GET', `/api/certificates/${cert.id}/pdf`, s.cookies.uppX);
    expect(again.statusCode).toBe(200);
    expect(again.rawPayload.equals(pdf)).toBe(true);
  });

  it('gives the secretariat every certificate as one ZIP, each entry the same PDF as its own download', async () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    // The PDFs are made in the background after issuing; the page's counts say when all are stored.
    await expect
      .poll(async () => (await page()).json().counts.ready, { timeout: 30_000, interval: 200 })
      .toBe(3);
    const rows = (await page()).json().rows as { id: number; number: string }[];
    const res = await inject('GET', `/api/competitions/${s.competitionId}/certificates/zip`, s.cookies.sec);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const zip = res.rawPayload;
    const entries: { name: string; data: Buffer; crc: number }[] = [];
    for (let at = 0; zip.readUInt32LE(at) === 0x04034b50;) {
      const size = zip.readUInt32LE(at + 18);
      const nameLength = zip.readUInt16LE(at + 26);
      const name = zip.toString('utf8', at + 30, at + 30 + nameLength);
      const data = zip.subarray(at + 30 + nameLength, at + 30 + nameLength + size);
      entries.push({ name, data, crc: zip.readUInt32LE(at + 14) });
      at += 30 + nameLength + size;
    }
    expect(entries.map((e) => e.name)).toEqual(rows.map((r) => `piagam-${r.number.replace(/\//g, '-')}.pdf`));
    for (const [i, r] of rows.entries()) {
      const own = await inject('GET', `/api/certificates/${r.id}/pdf`, s.cookies.sec);
      expect(entries[i]!.data.equals(own.rawPayload)).toBe(true);
      expect(entries[i]!.crc).toBe(crc32(own.rawPayload));
    }
    // The end of central directory names them all.
    expect(zip.readUInt32LE(zip.length - 22)).toBe(0x06054b50);
    expect(zip.readUInt16LE(zip.length - 12)).toBe(rows.length);
    expect(
      (await inject('GET', `/api/competitions/${s.competitionId}/certificates/zip`, s.cookies.secB))
        .statusCode,
    ).toBe(404);
  });

  it('verifies the printed address: genuine, with what the registry says', async () => {
    const rows = (await page()).json().rows as { number: string; award: string; verificationUrl: string }[];
    const cert = rows.find((r) => r.award === 'TOP45')!;
    const res = await verify(addressOf(cert.verificationUrl));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      verdict: 'genuine',
      certificate: {
        number: cert.number,
        innovationTitle: TITLE_X,
        institutionName: s.institutionX,
        unitName: s.unitX,
        awardLabel: { id: 'Top Inovasi Pelayanan Publik Terpuji' },
        year: 2026,
        revokedAt: null,
      },
    });
  });

  it('says not valid for a changed number, a changed code, changed facts and an unknown number', async () => {
    const rows = (await page()).json().rows as { id: number; number: string; verificationUrl: string }[];
    const [one, two] = rows;
    const address = addressOf(one!.verificationUrl);
    const [slug, query] = address.split('?');
    const code = query!.slice(2);
    // Another certificate's number with this one's code.
    const otherSlug = addressOf(two!.verificationUrl).split('?')[0];
    expect((await verify(`${otherSlug}?k=${code}`)).json()).toEqual({
      verdict: 'not_valid',
      certificate: null,
    });
    // One digit of the code changed.
    const flipped = code.replace(/^./, (ch) => (ch === '0' ? '1' : '0'));
    expect((await verify(`${slug}?k=${flipped}`)).json()).toEqual({
      verdict: 'not_valid',
      certificate: null,
    });
    // No code at all, and a number never issued.
    expect((await verify(slug!)).json().verdict).toBe('not_valid');
    expect((await verify(`PIAGAM-KIPP-2026-0999?k=${code}`)).json().verdict).toBe('not_valid');
    // An address too long for any number is refused before the database is asked (a 4xx, never a 500).
    expect([404, 414]).toContain((await verify(`${'9'.repeat(200)}?k=${code}`)).statusCode);
    // The recipient's name changed in the registry behind the paper's back: the code no longer matches.
    const { db } = suite.ctx;
    const real = await db
      .selectFrom('certificates')
      .select('institution_name')
      .where('id', '=', one!.id)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('certificates')
      .set({ institution_name: 'Instansi Lain' })
      .where('id', '=', one!.id)
      .execute();
    expect((await verify(address)).json().verdict).toBe('not_valid');
    await db
      .updateTable('certificates')
      .set({ institution_name: real.institution_name })
      .where('id', '=', one!.id)
      .execute();
    expect((await verify(address)).json().verdict).toBe('genuine');
  });

  it('says revoked once the secretariat revoked it (with a reason; irreversible)', async () => {
    const rows = (await page()).json().rows as { id: number; verificationUrl: string }[];
    const cert = rows[2]!;
    const url = `/api/certificates/${cert.id}/revoke`;
    const short = await inject('POST', url, s.cookies.sec, { reason: 'salah' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields.reason.message.id).toMatch(/alasan/i);
    const ok = await inject('POST', url, s.cookies.sec, {
      reason: REASON,
    });
    expect(ok.statusCode).toBe(200);
    const twice = await inject('POST', url, s.cookies.sec, {
      reason: REASON,
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('already_revoked');
    const v = (await verify(addressOf(cert.verificationUrl))).json();
    expect(v.verdict).toBe('revoked');
    expect(v.certificate.revokedAt).toBe(NOW.toISOString());
    expect(v.certificate).not.toHaveProperty('revokedReason');
    expect((await lastAudit(suite.ctx.db)).action).toBe('certificate.revoked');
    const mails = await suite.ctx.db
      .selectFrom('outbox')
      .select(['html_body', 'text_body'])
      .where('template', '=', 'certificate_revoked')
      .execute();
    expect(mails).not.toHaveLength(0);
    for (const m of mails) {
      expect(m.text_body).toContain(REASON);
      expect(m.html_body).not.toContain('<script>');
      expect(m.html_body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
  });

  it('lets only the institution, the unit and the organizer download; others get 404, the public nothing', async () => {
    const rows = (await page()).json().rows as { id: number; proposalId: number }[];
    const ofX = rows.find((r) => r.proposalId === s.pX.id)!;
    const ofY = rows.find((r) => r.proposalId === s.pY.id)!;
    const get = (id: number, who?: Who) =>
      inject('GET', `/api/certificates/${id}/pdf`, who && s.cookies[who]);
    expect((await get(ofX.id, 'sec')).statusCode).toBe(200);
    expect((await get(ofX.id, 'uppX')).statusCode).toBe(200);
    expect((await get(ofY.id, 'adminY')).statusCode).toBe(200);
    expect((await get(ofX.id, 'adminY')).statusCode).toBe(404);
    expect((await get(ofX.id, 'uppY')).statusCode).toBe(404);
    expect((await get(ofY.id, 'uppX')).statusCode).toBe(404);
    expect((await get(ofX.id, 'secB')).statusCode).toBe(404);
    expect((await get(ofX.id, 'evaluator')).statusCode).toBe(404);
    expect((await get(ofX.id)).statusCode).toBe(401);
    expect((await get(999999, 'sec')).statusCode).toBe(404);

    const list = `/api/competitions/${s.competitionId}/certificates`;
    expect((await inject('GET', list, s.cookies.secB)).statusCode).toBe(404);
    expect((await inject('GET', list, s.cookies.adminX)).statusCode).toBe(404);
    expect((await inject('GET', list)).statusCode).toBe(401);
    expect((await inject('POST', `${list}/../certificates/issue`, s.cookies.secB)).statusCode).toBe(404);
    expect(
      (
        await inject('POST', `/api/certificates/${ofX.id}/revoke`, s.cookies.secB, {
          reason: 'Alasan yang cukup panjang.',
        })
      ).statusCode,
    ).toBe(404);
    const ownY = (await inject('GET', '/api/certificates', s.cookies.adminY)).json().rows as {
      proposalId: number;
    }[];
    expect(ownY.map((r) => r.proposalId)).toEqual([s.pY.id]);
    expect((await inject('GET', '/api/certificates', s.cookies.sec)).statusCode).toBe(403);
  });

  it('logs every download by a signed-in person (PDF and ZIP), never a denied one nor a public verification', async () => {
    const { db } = suite.ctx;
    const rows = (await page()).json().rows as {
      id: number;
      proposalId: number;
      verificationUrl: string;
      revokedAt: string | null;
    }[];
    const ofX = rows.find((r) => r.proposalId === s.pX.id && r.revokedAt === null)!;
    const events = () => countRows(db, 'audit_events');
    const downloads = () =>
      db
        .selectFrom('audit_events')
        .selectAll()
        .where('action', '=', 'certificate.downloaded')
        .where('entity_id', '=', String(ofX.id))
        .orderBy('id')
        .execute();
    const before = (await downloads()).length;

    expect((await inject('GET', `/api/certificates/${ofX.id}/pdf`, s.cookies.uppX)).statusCode).toBe(200);
    const logged = await downloads();
    expect(logged).toHaveLength(before + 1);
    const row = logged.at(-1)!;
    const organizer = await db
      .selectFrom('competitions')
      .select('organizer_institution_id')
      .where('id', '=', s.competitionId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      actor_user_id: s.ids.uppX,
      entity_type: 'certificate',
      competition_id: s.competitionId,
      organizer_institution_id: organizer.organizer_institution_id,
      institution_id: s.institutionXId,
    });
    expect(JSON.parse(row.summary)).toMatchObject({ proposalId: s.pX.id });
    expect(JSON.parse(row.summary).number).toMatch(/^PIAGAM\//);
    // The secretariat's download is logged as its own.
    expect((await inject('GET', `/api/certificates/${ofX.id}/pdf`, s.cookies.sec)).statusCode).toBe(200);
    expect((await downloads()).at(-1)!.actor_user_id).toBe(s.ids.sec);

    // A refused download and the public verification write nothing.
    const n = await events();
    expect((await inject('GET', `/api/certificates/${ofX.id}/pdf`, s.cookies.adminY)).statusCode).toBe(404);
    expect((await inject('GET', `/api/certificates/${ofX.id}/pdf`)).statusCode).toBe(401);
    for (let i = 0; i < 3; i++) expect((await verify(addressOf(ofX.verificationUrl))).statusCode).toBe(200);
    expect(await events()).toBe(n);

    // The ZIP of every certificate: one row for the competition, with how many it held.
    const zip = await inject('GET', `/api/competitions/${s.competitionId}/certificates/zip`, s.cookies.sec);
    expect(zip.statusCode).toBe(200);
    const last = await lastAudit(db);
    expect(last).toMatchObject({
      action: 'certificates.downloaded_all',
      actor_user_id: s.ids.sec,
      entity_type: 'competition',
      entity_id: String(s.competitionId),
      organizer_institution_id: organizer.organizer_institution_id,
    });
    expect(JSON.parse(last.summary)).toEqual({ count: rows.filter((r) => r.revokedAt === null).length });
  });

  it('limits verifications per network address (429 with the wait, in both languages)', async () => {
    let last = await verify('PIAGAM-KIPP-2026-0001?k=0');
    for (let i = 0; i < 40 && last.statusCode !== 429; i++) last = await verify('PIAGAM-KIPP-2026-0001?k=0');
    expect(last.statusCode).toBe(429);
    expect(last.json().error.code).toBe('verification_rate_limited');
    expect(last.json().error.message.id).toMatch(/Coba lagi/);
  });
});

/** The dark modules of the QR code drawn in a PDF: squares of QR_MODULE points after the QR's own origin. */
function qrModulesIn(pdf: Buffer): Set<string> {
  const found = new Set<string>();
  const side = String(QR_MODULE);
  for (const { body } of pdfStreams(pdf)) {
    for (const r of body.toString('latin1').matchAll(/(-?[\d.]+) (-?[\d.]+) ([\d.]+) ([\d.]+) re/g))
      if (r[3] === side && r[4] === side)
        found.add(`${Math.round(Number(r[2]) / QR_MODULE)},${Math.round(Number(r[1]) / QR_MODULE)}`);
  }
  return found;
}
