import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalPdf } from '../helpers/multipart.js';
import { receivedProposals, requestCompletionDirect } from '../helpers/selection.js';
import { logIn, openProfiles, shoot, startDemoServer, type E2EServer, type Profiles } from './harness.js';

/*
 * Evidence in a completion in Chromium (issue 12 point 1): the request names the evidence of one section;
 * on /usulan/:id/kelengkapan the admin lokal can upload to that section only (the picker offers no other),
 * sees the file in the list, and sends the completion. Desktop and 390 px.
 * Screenshots land in test-results/screenshots/completion-evidence-*.png.
 */
describe('evidence in a completion in Chromium', () => {
  let server: E2EServer;
  let profiles: Profiles;
  let proposalId: number;

  beforeAll(async () => {
    server = await startDemoServer();
    profiles = await openProfiles();
    const { db } = server.ctx;
    const c = await db
      .selectFrom('competitions')
      .select('id')
      .where('code', '=', 'KIPP')
      .orderBy('year', 'desc')
      .executeTakeFirstOrThrow();
    const upp = await db
      .selectFrom('users as u')
      .innerJoin('role_grants as g', 'g.user_id', 'u.id')
      .select(['u.id', 'g.institution_id', 'g.unit_id'])
      .where('u.email', '=', 'upp.tangerang@demo.sinovik.id')
      .executeTakeFirstOrThrow();
    const [p] = await receivedProposals(db, {
      competitionId: c.id,
      institutionId: upp.institution_id!,
      unitId: upp.unit_id!,
      createdBy: upp.id,
      n: 1,
      titlePrefix: 'Layanan Bukti Kelengkapan',
    });
    proposalId = p!.id;
    const sec = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'sekretariat@demo.sinovik.id')
      .executeTakeFirstOrThrow();
    await requestCompletionDirect(db, {
      competitionId: c.id,
      proposalId,
      requestedBy: sec.id,
      deadline: new Date(server.ctx.clock.now().getTime() + 3 * 86400_000),
      items: ['evidence:kebaruan'],
    });
  }, 120_000);

  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  it('the admin lokal uploads the named evidence, and only there', async () => {
    const page = await profiles.newPage({ width: 1280, height: 900 });
    await logIn(page, server.baseUrl, 'adminlokal.tangerang@demo.sinovik.id');
    await page.goto(`${server.baseUrl}/usulan/${proposalId}/kelengkapan`);
    await page.getByRole('heading', { name: 'Bukti pendukung', level: 2 }).waitFor();
    // The section picker offers the named section only.
    const options = await page.getByLabel('Bagian proposal').locator('option').allTextContents();
    expect(options).toHaveLength(1);
    await page.locator('#evidence-file').setInputFiles({
      name: 'bukti-kebaruan.pdf',
      mimeType: 'application/pdf',
      buffer: minimalPdf('Bukti kebaruan'),
    });
    await page.getByRole('link', { name: 'bukti-kebaruan.pdf' }).waitFor();
    await shoot(page, 'completion-evidence-01-uploaded');

    const phone = await profiles.newPage({ width: 390, height: 844 });
    await logIn(phone, server.baseUrl, 'adminlokal.tangerang@demo.sinovik.id');
    await phone.goto(`${server.baseUrl}/usulan/${proposalId}/kelengkapan`);
    await phone.getByRole('link', { name: 'bukti-kebaruan.pdf' }).waitFor();
    await shoot(phone, 'completion-evidence-02-phone');
    const stored = await server.ctx.db
      .selectFrom('proposal_attachments')
      .select('id')
      .where('proposal_id', '=', proposalId)
      .execute();
    expect(stored).toHaveLength(1);
  });
});
