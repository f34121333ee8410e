import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type ActorName, type World } from '../access/world.js';
import { sessionCookie } from '../helpers/fixtures.js';
import { makeFinalist } from '../helpers/finalists.js';
import { pdfText } from '../helpers/pdf.js';
import { launchBrowser, shoot, startServer, type E2EServer } from './harness.js';

/*
 * XSS payloads typed into every text field a person can type (titles, acronyms, answers, innovator and
 * contact names, link labels, unit, institution and competition names, letter numbers, award titles, file
 * names, an account request's name) stay inert (issue 9): in Chromium on every screen that shows them, as
 * each role that may open them; in the proposal PDF; and in the mail. A payload that ran would set
 * window.__xss or open a dialog. The pages are opened with the Content-Security-Policy bypassed, so the test
 * shows that the app itself keeps the text as text, not that the policy blocked a script.
 */

const PAYLOAD = `"><img src=x onerror="window.__xss=(window.__xss||0)+1"><script>window.__xss=1</script>`;

describe('XSS payloads in every text field stay inert (issue 9)', () => {
  let server: E2EServer;
  let browser: Browser;
  let w: World;

  beforeAll(async () => {
    server = await startServer();
    w = await buildWorld(server.ctx, PAYLOAD, { resetToken: async () => `tidak-dibaca-${Date.now()}` });
    // A return note, a deadline extension reason and a link label with the payload too.
    const call = async (actor: ActorName, method: 'POST' | 'PATCH', url: string, payload: object) =>
      server.ctx.app.inject({
        method,
        url: `/api${url}`,
        headers: {
          cookie: await sessionCookie(server.ctx, w.userIds[actor as Exclude<ActorName, 'anonymous'>]),
        },
        payload,
      });
    const ret = await call('local_admin', 'POST', `/proposals/${w.pXSent.id}/return`, {
      note: `Catatan ${PAYLOAD}`,
    });
    expect(ret.statusCode).toBe(200);
    const ext = await call('secretariat', 'POST', `/competitions/${w.compA}/extend-submission`, {
      closesAt: '2026-05-09T16:59:00.000Z',
      letterNumber: `B/9/${PAYLOAD}`.slice(0, 200),
      reasonId: `Alasan ${PAYLOAD}`,
      reasonEn: `Reason ${PAYLOAD}`,
    });
    expect(ext.statusCode).toBe(200);
    // The organizer's help contact: its hours are free text, shown in the footer of the competition's pages.
    const cookie = await sessionCookie(server.ctx, w.userIds.secretariat);
    const def = (
      await server.ctx.app.inject({ method: 'GET', url: `/api/competitions/${w.compA}`, headers: { cookie } })
    ).json();
    const hours = await server.ctx.app.inject({
      method: 'PUT',
      url: `/api/competitions/${w.compA}`,
      headers: { cookie },
      payload: {
        ...def,
        settings: { ...def.settings, helpdesk: { ...def.settings.helpdesk, hours: `Jam ${PAYLOAD}` } },
      },
    });
    expect(hours.statusCode, hours.body).toBe(200);
    // The review team (issue 12): an invitee's name, the evaluator's affiliation and a conflict's note.
    const invited = await call(
      'secretariat',
      'POST',
      `/competitions/${w.compA}/review-team/evaluation/members`,
      {
        name: `Penilai ${PAYLOAD}`,
        email: 'penilai.xss@uji.ac.id',
      },
    );
    expect(invited.statusCode, invited.body).toBe(201);
    const evaluator = await server.ctx.db
      .selectFrom('users')
      .select('email')
      .where('id', '=', w.userIds.evaluator)
      .executeTakeFirstOrThrow();
    const member = await call(
      'secretariat',
      'POST',
      `/competitions/${w.compA}/review-team/evaluation/members`,
      {
        name: 'Penilai Dunia',
        email: evaluator.email,
      },
    );
    expect(member.statusCode, member.body).toBe(201);
    const category = await server.ctx.db
      .selectFrom('categories')
      .select('key')
      .where('competition_id', '=', w.compA)
      .executeTakeFirstOrThrow();
    // The world's evaluator already holds assignments (the review engine's objects), so its profile is
    // fixed for the API (409 profile_locked): the typed values are stored directly, as a save would have.
    const now = new Date().toISOString();
    await server.ctx.db
      .updateTable('reviewer_profiles')
      .set({
        affiliation_name: `Universitas ${PAYLOAD}`,
        expertise: JSON.stringify([category.key]),
        completed_at: now,
        updated_at: now,
      })
      .where('competition_id', '=', w.compA)
      .where('user_id', '=', w.userIds.evaluator)
      .execute();
    await server.ctx.db
      .insertInto('reviewer_conflicts')
      .values({
        competition_id: w.compA,
        user_id: w.userIds.evaluator,
        institution_id: w.instY,
        source: 'declared',
        note: `Catatan ${PAYLOAD}`,
        created_by: w.userIds.evaluator,
        created_at: now,
      })
      .execute();
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function pageAs(actor: ActorName): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'id-ID',
      bypassCSP: true,
    });
    if (actor !== 'anonymous') {
      const cookie = await sessionCookie(server.ctx, w.userIds[actor]);
      const [name, value] = cookie.split('=');
      await context.addCookies([{ name, value: decodeURIComponent(value), url: server.baseUrl }]);
    }
    return context.newPage();
  }

  /** Opens each path, waits until the page has settled, and checks that no payload ran. */
  async function visit(actor: ActorName, paths: string[]) {
    const page = await pageAs(actor);
    const dialogs: string[] = [];
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    const seen: string[] = [];
    for (const p of paths) {
      await page.goto(`${server.baseUrl}${p}`);
      await page.waitForLoadState('networkidle').catch(() => undefined);
      expect(
        await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
        `${p} as ${actor}`,
      ).toBeUndefined();
      expect(await page.locator('img[src="x"]').count(), `${p} as ${actor}: an injected <img>`).toBe(0);
      if ((await page.content()).includes('onerror=')) seen.push(p);
    }
    expect(dialogs).toEqual([]);
    await page.context().close();
    return seen;
  }

  it('runs no payload in any screen, as every role', async () => {
    const upp = await visit('upp', [
      '/usulan',
      `/usulan/${w.pXDraft.id}`,
      `/usulan/${w.pXSent.id}`,
      '/notifikasi',
    ]);
    const admin = await visit('local_admin', [
      '/usulan',
      `/usulan/${w.pXForwarded.id}`,
      `/instansi/${w.instX}/unit`,
      '/notifikasi',
    ]);
    const secretariat = await visit('secretariat', [
      '/sekretariat/kompetisi',
      `/sekretariat/kompetisi/${w.compA}`,
      `/sekretariat/kompetisi/${w.compADraft}`,
      `/sekretariat/kompetisi/${w.compA}/undangan`,
      `/sekretariat/kompetisi/${w.compA}/tim-penilai`,
      `/sekretariat/kompetisi/${w.compA}/tahap/${w.stageA}/penilaian`,
      `/sekretariat/kompetisi/${w.compA}/dasbor`,
      '/sekretariat/dasbor',
      '/sekretariat/instansi',
      '/sekretariat/outbox',
      '/sekretariat/audit',
      `/usulan/${w.pXForwarded.id}`,
      '/notifikasi',
    ]);
    const systemAdmin = await visit('system_admin', [
      '/sekretariat/penghargaan',
      '/sekretariat/instansi',
      '/sekretariat/permohonan-admin',
      `/sekretariat/permohonan-admin/${w.adminRequestY}`,
      '/sekretariat/outbox',
      '/sekretariat/audit',
      `/usulan/${w.pYDraft.id}`,
    ]);
    const evaluator = await visit('evaluator', ['/beranda', `/penilai/kompetisi/${w.compA}/profil`]);
    expect(evaluator).toContain(`/penilai/kompetisi/${w.compA}/profil`);
    const anonymous = await visit('anonymous', ['/', `/kompetisi/${w.compA}`, `/kompetisi/${w.compB}`]);
    // The payload is shown, as text, on the screens that show these fields (so the check above saw it).
    expect(upp).toContain(`/usulan/${w.pXDraft.id}`);
    expect(secretariat.length + admin.length + systemAdmin.length + anonymous.length).toBeGreaterThan(5);
  }, 300_000);

  it('shows the help contact hours as text in the footer of the competition page', async () => {
    const page = await pageAs('anonymous');
    await page.goto(`${server.baseUrl}/kompetisi/${w.compA}`);
    const help = page.locator('footer').getByTestId('help-contact');
    await expect.poll(() => help.textContent()).toContain('Jam "><img src=x onerror=');
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await help.locator('img').count()).toBe(0);
    await page.context().close();
  });

  it('keeps the payload as text in the proposal PDF', async () => {
    const res = await server.ctx.app.inject({
      method: 'GET',
      url: `/api/proposals/${w.pXDraft.id}/pdf`,
      headers: { cookie: await sessionCookie(server.ctx, w.userIds.upp) },
    });
    expect(res.statusCode).toBe(200);
    const text = pdfText(res.rawPayload);
    expect(text.replace(/\n/g, '')).toContain('<img src=x onerror=');
    expect(res.rawPayload.toString('latin1')).not.toMatch(/\/JavaScript|\/JS\s*\(|\/OpenAction/);
  });

  it('keeps an evaluator comment as text in the score sheet PDF and the scores XLSX (issue 12 point 9)', async () => {
    // The world's scored evaluation: a comment with the payload and PDF operators, then submitted.
    const comment = `${PAYLOAD} ) Tj ET /JavaScript (app.alert(1)) /OpenAction`;
    const evaluation = await server.ctx.db
      .selectFrom('evaluations')
      .select(['id', 'version', 'status'])
      .where('assignment_id', '=', w.reviewA.scoredAssignmentId)
      .executeTakeFirstOrThrow();
    await server.ctx.db
      .updateTable('evaluation_scores')
      .set({ comment })
      .where('evaluation_id', '=', evaluation.id)
      .execute();
    const evaluator = await sessionCookie(server.ctx, w.userIds.evaluator);
    if (evaluation.status !== 'submitted') {
      const submit = await server.ctx.app.inject({
        method: 'POST',
        url: `/api/review/assignments/${w.reviewA.scoredAssignmentId}/submit`,
        headers: { cookie: evaluator },
        payload: { version: evaluation.version },
      });
      expect(submit.statusCode, submit.body).toBe(200);
    }
    const res = await server.ctx.app.inject({
      method: 'GET',
      url: `/api/review/assignments/${w.reviewA.scoredAssignmentId}/score-sheet.pdf`,
      headers: { cookie: evaluator },
    });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const text = pdfText(res.rawPayload).replace(/\n/g, '');
    expect(text).toContain('<img src=x onerror=');
    expect(text).toContain(') Tj ET /JavaScript (app.alert(1)) /OpenAction');
    expect(res.rawPayload.toString('latin1')).not.toMatch(/\/JavaScript|\/JS\s*\(|\/OpenAction/);
    const xlsx = await server.ctx.app.inject({
      method: 'GET',
      url: `/api/competitions/${w.compA}/stages/${w.stageA}/scores.xlsx`,
      headers: { cookie: await sessionCookie(server.ctx, w.userIds.secretariat) },
    });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells: ExcelJS.Cell[] = [];
    wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => cells.push(c)));
    const found = cells.filter((c) => c.value === comment);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((c) => c.type === ExcelJS.ValueType.String)).toBe(true);
  });

  it("keeps a certificate's signer and a revocation's reason as text on the pages and in the PDF (issue 13)", async () => {
    const { db } = server.ctx;
    const sec = await sessionCookie(server.ctx, w.userIds.secretariat);
    const call = (method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) =>
      server.ctx.app.inject({ method, url: `/api${url}`, headers: { cookie: sec }, payload });
    // A second finalist of X beside the world's, so that one certificate stands and one is revoked.
    await makeFinalist(db, {
      competitionId: w.compA,
      institutionId: w.instX,
      unitId: w.unitX,
      createdBy: w.userIds.upp,
      actorUserId: w.userIds.secretariat,
      now: new Date(),
      title: 'Inovasi Finalis Kedua Piagam',
    });
    const settings = await call('PUT', `/competitions/${w.compA}/certificates/settings`, {
      numberPrefix: 'PIAGAM/XSS/2026',
      signerName: `Penanda ${PAYLOAD}`,
      signerPosition: `Jabatan ${PAYLOAD}`,
    });
    expect(settings.statusCode, settings.body).toBe(200);
    const issued = await call('POST', `/competitions/${w.compA}/certificates/issue`);
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json().issued).toBeGreaterThanOrEqual(2);
    const rows = (await call('GET', `/competitions/${w.compA}/certificates`)).json().rows as {
      id: number;
      verificationUrl: string;
    }[];
    const [kept, revoked] = rows;
    const reason = `Alasan pencabutan ${PAYLOAD}`;
    const r = await call('POST', `/certificates/${revoked!.id}/revoke`, { reason });
    expect(r.statusCode, r.body).toBe(200);
    const address = (u: string) => {
      const url = new URL(u);
      return `${url.pathname}${url.search}`;
    };

    // The public verification shows the signer (name — position) as text, genuine or revoked.
    const shown = await visit('anonymous', [
      address(kept!.verificationUrl),
      address(revoked!.verificationUrl),
    ]);
    expect(shown).toEqual([address(kept!.verificationUrl), address(revoked!.verificationUrl)]);
    const page = await pageAs('anonymous');
    await page.goto(`${server.baseUrl}${address(kept!.verificationUrl)}`);
    const verdict = page.getByTestId('certificate-verdict');
    await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('genuine');
    expect(await verdict.textContent()).toContain(`Penanda ${PAYLOAD} — Jabatan ${PAYLOAD}`);
    expect(await verdict.locator('img, script').count()).toBe(0);
    await page.context().close();

    // The secretariat's list shows the reason beside "Dicabut", as text; the signer stands in its form.
    const list = `/sekretariat/kompetisi/${w.compA}/piagam`;
    expect(await visit('secretariat', [list])).toEqual([list]);
    const secPage = await pageAs('secretariat');
    await secPage.goto(`${server.baseUrl}${list}`);
    const why = secPage.getByTestId('revoked-reason');
    // The table and its phone cards each show it (one of them hidden by the screen's width).
    await expect.poll(() => why.allTextContents()).toEqual([`Alasan: ${reason}`, `Alasan: ${reason}`]);
    expect(await why.locator('img, script').count()).toBe(0);
    expect(await secPage.getByLabel(/Nama penanda tangan/).inputValue()).toBe(`Penanda ${PAYLOAD}`);
    expect(await secPage.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await shoot(secPage, 'xss-certificates-revoked-reason');
    await secPage.context().close();
    // The participants' own list (/piagam) as well.
    await visit('local_admin', ['/piagam']);
    await visit('upp', ['/piagam']);

    // The PDF still renders, with the signer as text and nothing active in it.
    const pdf = await call('GET', `/certificates/${kept!.id}/pdf`);
    expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload).replace(/\n/g, '');
    expect(text).toContain('<img src=x onerror=');
    expect(pdf.rawPayload.toString('latin1')).not.toMatch(/\/JavaScript|\/JS\s*\(|\/OpenAction/);
  }, 180_000);

  it('escapes the payload in the HTML of every e-mail', async () => {
    await server.ctx.deliverMail();
    const withPayload = server.smtp.messages.filter((m) => m.text.includes('onerror='));
    expect(withPayload.length).toBeGreaterThan(0);
    for (const m of withPayload) {
      expect(m.html, m.subject).not.toMatch(/<img[^>]*src=["']?x/i);
      expect(m.html, m.subject).not.toMatch(/<script>window\.__xss/i);
      expect(m.html, m.subject).toContain('&lt;img');
    }
  });
});
