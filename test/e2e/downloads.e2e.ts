import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { logIn, openProfiles, shoot, startDemoServer, type E2EServer, type Profiles } from './harness.js';

/*
 * The proposal PDF and the dashboard spreadsheet are fetched by the page, not followed as links: while the
 * export pool is full for the user, the click shows the bilingual "busy" message with the time to try again
 * and nothing lands in the downloads; while the server works the button is busy; a normal click saves the
 * real file under the server's name. The pool is real and small (one thread, one export per user); an
 * export "held" is a real pool export whose rows arrive only when the test lets them (as a slow export's
 * database reads would).
 */

describe('downloads of exports in Chromium: busy message, busy button, real file', () => {
  let server: E2EServer;
  let profiles: Profiles;
  let page: Page;
  let competitionId: number;
  let proposalId: number;
  let secretariatId: number;
  let otherUserId: number;
  const downloads: Download[] = [];
  const held: (() => void)[] = [];

  /** Holds one place of the export pool for `userId` until the returned function is called. */
  function holdExport(userId: number): () => Promise<void> {
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    held.push(() => release());
    async function* rows() {
      await released;
      yield [['held', 1]];
    }
    const out = server.ctx.app.deps.exports.xlsx(userId, rows(), 'id', 'Ditahan');
    const done = new Promise<void>((resolve, reject) => {
      out.on('end', resolve);
      out.on('error', reject);
    });
    out.resume();
    return async () => {
      release();
      await done;
      // The place is given back when the worker's task settles, just after the last bytes.
      await expect.poll(() => server.ctx.app.deps.exports.activeFor(userId)).toBe(0);
    };
  }

  beforeAll(async () => {
    server = await startDemoServer({ EXPORT_THREADS: '1', EXPORT_QUEUE: '4', EXPORT_PER_USER: '1' });
    const { ctx } = server;
    const kipp = await ctx.db
      .selectFrom('competitions')
      .select('id')
      .where('code', '=', 'KIPP')
      .executeTakeFirstOrThrow();
    competitionId = kipp.id;
    const proposal = await ctx.db
      .selectFrom('proposals')
      .select('id')
      .where('competition_id', '=', competitionId)
      .where('state', 'in', ['forwarded', 'received'])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    proposalId = proposal.id;
    const users = await ctx.db
      .selectFrom('users')
      .select(['id', 'email'])
      .where('email', 'in', ['sekretariat@demo.sinovik.id', 'sekretariat.kaltim@demo.sinovik.id'])
      .execute();
    secretariatId = users.find((u) => u.email === 'sekretariat@demo.sinovik.id')!.id;
    otherUserId = users.find((u) => u.email === 'sekretariat.kaltim@demo.sinovik.id')!.id;

    profiles = await openProfiles();
    page = await profiles.newPage(undefined, { acceptDownloads: true });
    page.on('download', (d) => downloads.push(d));
    await logIn(page, server.baseUrl, 'sekretariat@demo.sinovik.id');
    await page.waitForURL('**/sekretariat/kompetisi');
  }, 120_000);

  afterAll(async () => {
    // A failed test may leave an export held: let it finish so the pool can close.
    for (const release of held) release();
    await profiles?.close();
    await server?.stop();
  });

  async function firstBytes(d: Download, n: number): Promise<string> {
    return fs
      .readFileSync(await d.path())
      .subarray(0, n)
      .toString('latin1');
  }

  it('the dashboard XLSX: busy message with the retry time and no file, then a busy button, then the file', async () => {
    await page.goto(`${server.baseUrl}/sekretariat/kompetisi/${competitionId}/dasbor`);
    const xlsx = page.getByRole('button', { name: 'Unduh XLSX' });
    await expect.poll(() => xlsx.isVisible()).toBe(true);

    // The user's one place is taken: the click is refused and says when to try again.
    const releaseOwn = holdExport(secretariatId);
    const before = downloads.length;
    await xlsx.click();
    const busy = page.getByRole('alert').filter({ hasText: 'Server sedang sibuk' });
    await expect.poll(() => busy.isVisible()).toBe(true);
    expect(await busy.innerText()).toMatch(/coba lagi dalam \d+ detik/i);
    expect(await xlsx.getAttribute('aria-busy')).toBe('false');
    await shoot(page, 'downloads-01-xlsx-busy');
    expect(downloads.length).toBe(before);
    await releaseOwn();
    await busy.getByRole('button').click();

    // Someone else's export holds the only thread: this one waits, and the button says it is working.
    const releaseOther = holdExport(otherUserId);
    const waiting = page.waitForEvent('download');
    await xlsx.click();
    await expect.poll(() => xlsx.getAttribute('aria-busy')).toBe('true');
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Menyiapkan berkas…' }).count())
      .toBe(1);
    await shoot(page, 'downloads-02-xlsx-preparing');
    await releaseOther();
    const file = await waiting;
    expect(file.suggestedFilename()).toMatch(/^sinovik-KIPP-\d{4}-usulan-\d{8}-\d{4}\.xlsx$/);
    expect(await firstBytes(file, 2)).toBe('PK');
    await expect.poll(() => xlsx.getAttribute('aria-busy')).toBe('false');
  });

  it('the proposal PDF: busy message in the chosen language and no file, then the PDF', async () => {
    await page.goto(`${server.baseUrl}/usulan/${proposalId}`);
    const print = page.getByRole('button', { name: 'Cetak PDF' });
    await expect.poll(() => print.isVisible()).toBe(true);

    const release = holdExport(secretariatId);
    const before = downloads.length;
    // Reached by keyboard like any button.
    await print.focus();
    await page.keyboard.press('Enter');
    const busy = page.getByRole('alert').filter({ hasText: 'Server sedang sibuk' });
    await expect.poll(() => busy.isVisible()).toBe(true);
    expect(await busy.innerText()).toMatch(/Anda sedang menjalankan 1 ekspor .* coba lagi dalam \d+ detik/is);
    await shoot(page, 'downloads-03-pdf-busy');
    // In English the same refusal reads in English.
    await page.getByText('EN', { exact: true }).click();
    const printEn = page.getByRole('button', { name: 'Print PDF' });
    await printEn.click();
    const busyEn = page.getByRole('alert').filter({ hasText: 'The server is busy' });
    await expect.poll(() => busyEn.isVisible()).toBe(true);
    expect(await busyEn.innerText()).toMatch(/1 exports or PDF downloads .* try again in \d+ seconds/is);
    await page.getByText('ID', { exact: true }).click();
    expect(downloads.length).toBe(before);
    await release();

    const [file] = await Promise.all([page.waitForEvent('download'), print.click()]);
    const code = (
      await server.ctx.db
        .selectFrom('proposals')
        .select('code')
        .where('id', '=', proposalId)
        .executeTakeFirstOrThrow()
    ).code;
    expect(file.suggestedFilename()).toBe(`${code}.pdf`);
    expect(await firstBytes(file, 5)).toBe('%PDF-');
  });

  it('a refusal that is not "busy" (no proposal there) shows its message instead of a file', async () => {
    await page.goto(`${server.baseUrl}/usulan/${proposalId}`);
    const print = page.getByRole('button', { name: 'Cetak PDF' });
    await expect.poll(() => print.isVisible()).toBe(true);
    // The proposal is removed from under the page (as if withdrawn meanwhile): the PDF answers 404.
    await server.ctx.db
      .updateTable('proposals')
      .set({ state: 'withdrawn' })
      .where('id', '=', proposalId)
      .execute();
    const before = downloads.length;
    await print.click();
    const failed = page.getByRole('alert').filter({ hasText: 'Berkas tidak dapat diunduh' });
    await expect.poll(() => failed.isVisible()).toBe(true);
    expect(await failed.innerText()).toContain('Proposal tidak ditemukan.');
    await shoot(page, 'downloads-04-pdf-refused');
    expect(downloads.length).toBe(before);
  });

  it('the audit CSV is fetched the same way and saved under its own name', async () => {
    await page.goto(`${server.baseUrl}/sekretariat/audit`);
    const csv = page.getByRole('button', { name: 'Ekspor CSV' });
    await expect.poll(() => csv.isVisible()).toBe(true);
    const [file] = await Promise.all([page.waitForEvent('download'), csv.click()]);
    expect(file.suggestedFilename()).toMatch(/^sinovik-audit-.+\.csv$/);
    expect(fs.readFileSync(await file.path(), 'utf8').length).toBeGreaterThan(0);
  });
});
