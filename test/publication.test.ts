import { beforeAll, describe, expect, it } from 'vitest';
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
import { pdfText } from './helpers/pdf.js';
import { receivedProposals, requestCompletionDirect, stageAdminOutcome } from './helpers/selection.js';

/*
 * Publishing the administrative results (issue 12 point 1): readiness, blockers, one publish in one
 * transaction (states, revisions, checks, announcement, audit, one mail per admin lokal and institution),
 * nothing visible before, the public announcement and its PDF, and the denials.
 */

const LETTER = 'B/187/PP.00.05/2026';
const body = {
  letterNumber: LETTER,
  titleId: 'Pengumuman Hasil Seleksi Administrasi <b>KIPP</b>',
  titleEn: 'Administrative results <b>KIPP</b>',
  bodyId: 'Daftar proposal yang lolos.',
  bodyEn: 'The proposals that passed.',
};

describe('publishing the administrative results', () => {
  const suite = appWithSmtpCapture();
  const s = {} as {
    competitionId: number;
    cookies: Record<
      'sec' | 'sec2' | 'other' | 'adminX' | 'adminX2' | 'adminY' | 'uppX' | 'evaluator' | 'sysadmin',
      string
    >;
    x: { passed: number[]; disqualified: number; codes: string[] };
    y: { passed: number; incomplete: number; codes: string[] };
    emails: Record<'adminX' | 'adminX2' | 'adminY', string>;
  };
  const url = () => `/api/competitions/${s.competitionId}/publication/administrative`;
  const get = (path: string, cookie?: string) =>
    suite.ctx.app.inject({ method: 'GET', url: path, headers: cookie ? { cookie } : {} });
  const publish = (cookie: string, payload: Record<string, unknown> = body) =>
    suite.ctx.app.inject({ method: 'POST', url: url(), headers: { cookie }, payload });

  beforeAll(async () => {
    const { db } = suite.ctx;
    const now = suite.ctx.clock.now();
    const k = await publishedKipp(db, { organizerName: 'Kementerian Publikasi Uji', now });
    s.competitionId = k.competitionId;
    const sec2 = await makeUser(db, { role: 'secretariat', institutionId: k.organizer.id });
    const other = await makeInstitution(db, {
      type: 'pemerintah_provinsi',
      name: 'Provinsi Penyelenggara Lain',
    });
    const otherSec = await makeUser(db, { role: 'secretariat', institutionId: other.id });
    const X = await makeInstitution(db, { name: 'Pemerintah Kabupaten Publikasi X' });
    const Y = await makeInstitution(db, { name: 'Pemerintah Kota Publikasi Y', type: 'pemerintah_kota' });
    const unitX = await makeUnit(db, X.id, 'Dinas Kesehatan X');
    const unitY = await makeUnit(db, Y.id, 'Dinas Perizinan Y');
    const adminX = await makeUser(db, {
      role: 'local_admin',
      institutionId: X.id,
      email: 'admin-x@pub.go.id',
    });
    const adminX2 = await makeUser(db, {
      role: 'local_admin',
      institutionId: X.id,
      email: 'admin-x2@pub.go.id',
    });
    const adminY = await makeUser(db, {
      role: 'local_admin',
      institutionId: Y.id,
      email: 'admin-y@pub.go.id',
    });
    await db.updateTable('users').set({ locale: 'en' }).where('id', '=', adminY.id).execute();
    const uppX = await makeUser(db, { role: 'upp', institutionId: X.id, unitId: unitX.id });
    const evaluator = await makeUser(db, { role: 'evaluator', competitionId: k.competitionId });
    const sysadmin = await makeUser(db, { role: 'system_admin' });
    s.emails = { adminX: adminX.email, adminX2: adminX2.email, adminY: adminY.email };
    const cookie = (id: number) => sessionCookie(suite.ctx, id);
    s.cookies = {
      sec: await cookie(k.secretariat.id),
      sec2: await cookie(sec2.id),
      other: await cookie(otherSec.id),
      adminX: await cookie(adminX.id),
      adminX2: await cookie(adminX2.id),
      adminY: await cookie(adminY.id),
      uppX: await cookie(uppX.id),
      evaluator: await cookie(evaluator.id),
      sysadmin: await cookie(sysadmin.id),
    };
    const px = await receivedProposals(db, {
      competitionId: k.competitionId,
      institutionId: X.id,
      unitId: unitX.id,
      createdBy: uppX.id,
      n: 3,
      titlePrefix: 'Layanan Sehat',
    });
    const py = await receivedProposals(db, {
      competitionId: k.competitionId,
      institutionId: Y.id,
      unitId: unitY.id,
      createdBy: adminY.id,
      n: 2,
      titlePrefix: 'Izin Cepat',
    });
    s.x = { passed: [px[0]!.id, px[1]!.id], disqualified: px[2]!.id, codes: px.map((p) => p.code) };
    s.y = { passed: py[0]!.id, incomplete: py[1]!.id, codes: py.map((p) => p.code) };
    await stageAdminOutcome(db, {
      competitionId: k.competitionId,
      proposalIds: [...s.x.passed, s.y.passed],
      outcome: 'passed',
    });
    await stageAdminOutcome(db, {
      competitionId: k.competitionId,
      proposalIds: [s.x.disqualified],
      outcome: 'disqualified',
      reasonCode: 'evidence_unreadable',
      reasonText: 'Bukti dukung <script>alert(1)</script> tidak terbaca.',
    });
    await requestCompletionDirect(db, {
      competitionId: k.competitionId,
      proposalId: s.y.incomplete,
      requestedBy: k.secretariat.id,
      deadline: new Date(now.getTime() + 3 * 86_400_000),
    });
  });

  it('refuses outsiders: anonymous 401; admin lokal, UPP, evaluator and another organizer 404', async () => {
    expect((await get(url())).statusCode).toBe(401);
    expect((await publish('')).statusCode).toBe(401);
    for (const who of ['adminX', 'uppX', 'evaluator', 'other'] as const) {
      const r = await get(url(), s.cookies[who]);
      expect(r.statusCode, who).toBe(404);
      const p = await publish(s.cookies[who]);
      expect(p.statusCode, who).toBe(404);
    }
    // The system administrator may look, but publishes nothing in the organizer's name.
    const look = await get(url(), s.cookies.sysadmin);
    expect(look.statusCode).toBe(200);
    expect(look.json().abilities.publish).toBe(false);
    expect((await publish(s.cookies.sysadmin)).statusCode).toBe(403);
    expect(await countRows(suite.ctx.db, 'announcements')).toBe(0);
  });

  it('shows the staged counts and blocks while a completion is still awaited', async () => {
    const r = await get(url(), s.cookies.sec);
    expect(r.statusCode).toBe(200);
    const v = r.json();
    expect(v.counts).toMatchObject({
      received: 5,
      passed: 3,
      disqualified: 1,
      undecided: 0,
      awaitingCompletion: 1,
      completionOverdue: 0,
    });
    expect(v.ready).toBe(false);
    expect(v.abilities.publish).toBe(false);
    expect(v.blockers).toEqual([
      expect.objectContaining({ code: 'awaiting_completion', count: 1, codes: [s.y.codes[1]] }),
    ]);
    expect(v.preview.map((e: { code: string }) => e.code)).toEqual([
      s.x.codes[0],
      s.x.codes[1],
      s.y.codes[0],
    ]);
    expect(v.defaults.titleId).toMatch(/^Pengumuman Hasil Seleksi Administrasi /);
    const refused = await publish(s.cookies.sec);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('not_ready');
  });

  it('past the completion deadline the proposal must be decided first', async () => {
    // The deadline passes (moved back rather than the clock forward, so the sessions stay valid).
    await suite.ctx.db
      .updateTable('completion_requests')
      .set({ deadline_at: new Date(suite.ctx.clock.now().getTime() - 60_000).toISOString() })
      .where('proposal_id', '=', s.y.incomplete)
      .execute();
    const v = (await get(url(), s.cookies.sec)).json();
    expect(v.blockers).toEqual([
      expect.objectContaining({ code: 'completion_overdue', count: 1, codes: [s.y.codes[1]] }),
    ]);
    expect(v.ready).toBe(false);
    await stageAdminOutcome(suite.ctx.db, {
      competitionId: s.competitionId,
      proposalIds: [s.y.incomplete],
      outcome: 'disqualified',
      reasonCode: 'completion_overdue',
      reasonText: 'Tidak melengkapi sampai batas waktu.',
    });
    const ready = (await get(url(), s.cookies.sec)).json();
    expect(ready.blockers).toEqual([]);
    expect(ready.ready).toBe(true);
    expect(ready.abilities.publish).toBe(true);
    expect(ready.counts).toMatchObject({ passed: 3, disqualified: 2, institutions: 2, recipients: 3 });
  });

  it('nothing staged is visible to the institution or the public before publication', async () => {
    const p = await get(`/api/proposals/${s.x.disqualified}`, s.cookies.adminX);
    expect(p.statusCode).toBe(200);
    expect(p.json().state).toBe('received');
    expect(p.json().adminResult).toBeNull();
    const own = await get(`/api/proposals/${s.x.passed[0]}`, s.cookies.uppX);
    expect(own.json().state).toBe('received');
    expect(own.json().adminResult).toBeNull();
    expect((await get(`/api/competitions/${s.competitionId}/announcements`)).json().rows).toEqual([]);
    expect(
      (await get(`/api/competitions/${s.competitionId}/announcements/administrative_results`)).statusCode,
    ).toBe(404);
    expect(
      (await get(`/api/competitions/${s.competitionId}/announcements/administrative_results/pdf`)).statusCode,
    ).toBe(404);
  });

  it('refuses a malformed letter number naming the field in both languages, and saves nothing', async () => {
    const r = await publish(s.cookies.sec, { ...body, letterNumber: 'nomor 187' });
    expect(r.statusCode).toBe(400);
    const f = r.json().error.fields.letterNumber;
    expect(f.message.id).toMatch(/^Nomor surat ditulis seperti B\/187\/PP\.00\.05\/2022/);
    expect(f.message.en).toMatch(/^Write the letter number like/);
    expect(await countRows(suite.ctx.db, 'announcements')).toBe(0);
  });

  it('two secretariat members publishing at once publish once; the other gets 409 already_published', async () => {
    const { db } = suite.ctx;
    const revisionsBefore = await countRows(db, 'proposal_revisions');
    const [a, b] = await Promise.all([publish(s.cookies.sec), publish(s.cookies.sec2)]);
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    const winner = a.statusCode === 200 ? a : b;
    expect(loser.json().error.code).toBe('already_published');
    expect(winner.json()).toMatchObject({ moved: { passed: 3, disqualified: 2 }, mails: 3, institutions: 2 });
    expect(await countRows(db, 'announcements')).toBe(1);
    // One transition revision per proposal moved, no more (the loser wrote nothing).
    expect((await countRows(db, 'proposal_revisions')) - revisionsBefore).toBe(5);
  });

  it('moved every staged proposal through the transition function, with revisions, checks and audit', async () => {
    const { db } = suite.ctx;
    const states = await db
      .selectFrom('proposals')
      .select(['id', 'state', 'version'])
      .where('competition_id', '=', s.competitionId)
      .orderBy('id')
      .execute();
    const stateOf = new Map(states.map((r) => [r.id, r.state]));
    for (const id of [...s.x.passed, s.y.passed]) expect(stateOf.get(id)).toBe('passed_admin');
    expect(stateOf.get(s.x.disqualified)).toBe('disqualified');
    expect(stateOf.get(s.y.incomplete)).toBe('disqualified');
    const revisions = await db
      .selectFrom('proposal_revisions')
      .select(['proposal_id', 'action'])
      .where('kind', '=', 'transition')
      .where('proposal_id', 'in', [...s.x.passed, s.x.disqualified, s.y.passed, s.y.incomplete])
      .execute();
    expect(revisions.map((r) => `${r.proposal_id}:${r.action}`).sort()).toEqual(
      [
        ...[...s.x.passed, s.y.passed].map((id) => `${id}:passAdmin`),
        `${s.x.disqualified}:disqualify`,
        `${s.y.incomplete}:disqualify`,
      ].sort(),
    );
    const unpublished = await db
      .selectFrom('admin_checks')
      .select('id')
      .where('competition_id', '=', s.competitionId)
      .where('published_at', 'is', null)
      .execute();
    expect(unpublished).toEqual([]);
    const audit = await lastAudit(db);
    expect(audit.action).toBe('announcement.published');
    const summary = JSON.parse(audit.summary);
    expect(summary).toMatchObject({
      kind: 'administrative_results',
      letterNumber: LETTER,
      mails: 3,
      institutions: 2,
    });
    expect([...summary.passed].sort()).toEqual([...s.x.passed, s.y.passed].sort());
    const again = await publish(s.cookies.sec);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('already_published');
  });

  it("mails each admin lokal of each institution its own proposals' results, in its language", async () => {
    await suite.ctx.deliverMail();
    const mailTo = (email: string) => suite.smtp.waitFor((m) => m.to.includes(email));
    const [x1, x2, y] = await Promise.all([
      mailTo(s.emails.adminX),
      mailTo(s.emails.adminX2),
      mailTo(s.emails.adminY),
    ]);
    const results = suite.smtp.messages.filter((m) =>
      /seleksi administrasi|Administrative check results/.test(m.subject),
    );
    expect(results).toHaveLength(3);
    for (const m of [x1, x2]) {
      expect(m.subject).toBe(
        `Hasil seleksi administrasi ${await competitionName()}: Pemerintah Kabupaten Publikasi X`,
      );
      expect(m.text).toContain(`Lolos seleksi administrasi (2):`);
      expect(m.text).toContain(`${s.x.codes[0]} — Layanan Sehat`);
      expect(m.text).toContain(`${s.x.codes[1]} — Layanan Sehat`);
      expect(m.text).toContain(`Didiskualifikasi (1), beserta alasannya:`);
      expect(m.text).toContain(`${s.x.codes[2]} — `);
      expect(m.text).toContain('Bukti dukung <script>alert(1)</script> tidak terbaca.');
      expect(m.html).toContain('Bukti dukung &lt;script&gt;alert(1)&lt;/script&gt; tidak terbaca.');
      expect(m.html).not.toContain('<script>');
      expect(m.text).toContain(LETTER);
      expect(m.text).toMatch(/WIB/);
      for (const code of s.y.codes) expect(m.text).not.toContain(code);
    }
    expect(y.subject).toMatch(/^Administrative check results of .*: Pemerintah Kota Publikasi Y$/);
    expect(y.text).toContain('Passed the administrative check (1):');
    expect(y.text).toContain(`${s.y.codes[1]} — Izin Cepat`);
    expect(y.text).toContain('Tidak melengkapi sampai batas waktu.');
    for (const code of s.x.codes) expect(y.text).not.toContain(code);
    const notices = await suite.ctx.db
      .selectFrom('notifications')
      .select(['user_id', 'title_id'])
      .where('kind', '=', 'admin_results_published')
      .execute();
    expect(notices).toHaveLength(3);
    // The UPP of X's unit is told in the app, one notification per proposal of its unit, opening on it.
    const uppNotices = await suite.ctx.db
      .selectFrom('notifications')
      .select(['user_id', 'title_id', 'link'])
      .where('kind', '=', 'admin_result_proposal')
      .orderBy('link')
      .execute();
    expect(uppNotices.map((n) => [n.title_id, n.link]).sort()).toEqual(
      [
        [`${s.x.codes[0]} lolos seleksi administrasi`, `/usulan/${s.x.passed[0]}`],
        [`${s.x.codes[1]} lolos seleksi administrasi`, `/usulan/${s.x.passed[1]}`],
        [`${s.x.codes[2]} didiskualifikasi`, `/usulan/${s.x.disqualified}`],
      ].sort(),
    );
  });

  async function competitionName() {
    const c = await suite.ctx.db
      .selectFrom('competitions')
      .select('name')
      .where('id', '=', s.competitionId)
      .executeTakeFirstOrThrow();
    return c.name;
  }

  it('the institution now sees its result and reason on the proposal', async () => {
    const d = (await get(`/api/proposals/${s.x.disqualified}`, s.cookies.adminX)).json();
    expect(d.state).toBe('disqualified');
    expect(d.adminResult).toMatchObject({
      outcome: 'disqualified',
      reasonCode: 'evidence_unreadable',
      reasonText: 'Bukti dukung <script>alert(1)</script> tidak terbaca.',
      letterNumber: LETTER,
    });
    const p = (await get(`/api/proposals/${s.x.passed[0]}`, s.cookies.uppX)).json();
    expect(p.state).toBe('passed_admin');
    expect(p.adminResult).toMatchObject({ outcome: 'passed', reasonCode: null, reasonText: null });
  });

  it('the public announcement lists those that passed (searchable, paged), never the disqualified', async () => {
    const base = `/api/competitions/${s.competitionId}/announcements`;
    const list = (await get(base)).json();
    expect(list.rows).toHaveLength(1);
    expect(list.rows[0]).toMatchObject({ kind: 'administrative_results', letterNumber: LETTER, entries: 3 });
    const a = (await get(`${base}/administrative_results`)).json();
    expect(a.announcement).toMatchObject({
      letterNumber: LETTER,
      titleId: body.titleId,
      bodyEn: body.bodyEn,
    });
    expect(a.matching).toBe(3);
    expect(a.rows.map((r: { code: string }) => r.code)).toEqual([s.x.codes[0], s.x.codes[1], s.y.codes[0]]);
    const all = JSON.stringify(a);
    expect(all).not.toContain(s.x.codes[2]);
    expect(all).not.toContain(s.y.codes[1]);
    const hit = (await get(`${base}/administrative_results?q=izin%20cepat`)).json();
    expect(hit.rows.map((r: { code: string }) => r.code)).toEqual([s.y.codes[0]]);
    const paged = (await get(`${base}/administrative_results?pageSize=2&page=2`)).json();
    expect(paged).toMatchObject({ matching: 3, page: 2, pageSize: 2 });
    expect(paged.rows.map((r: { code: string }) => r.code)).toEqual([s.y.codes[0]]);
    const pdf = await get(`${base}/administrative_results/pdf`);
    expect(pdf.statusCode, pdf.statusCode === 200 ? '' : pdf.body.slice(0, 300)).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain(LETTER);
    expect(text).toContain(s.x.codes[0]);
    expect(text).toContain(s.y.codes[0]);
    expect(text).not.toContain(s.x.codes[2]);
    expect(text).toContain('Daftar proposal yang lolos (3)');
  });
});
