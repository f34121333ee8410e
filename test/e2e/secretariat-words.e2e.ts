import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { logIn, openProfiles, shoot, startDemoServer, type E2EServer, type Profiles } from './harness.js';

/*
 * The secretariat reads words, not codes (issue 11): the audit log's actions, the outbox's delivery notice
 * and the file types of a competition; the technical detail stays at hand, small or folded away.
 */
describe('the secretariat reads words, not codes (Chromium)', () => {
  let server: E2EServer;
  let profiles: Profiles;
  let page: Page;

  beforeAll(async () => {
    server = await startDemoServer();
    profiles = await openProfiles();
    page = await profiles.newPage();
    await logIn(page, server.baseUrl, 'sekretariat@demo.sinovik.id');
  }, 180_000);

  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  it('names the audit actions in words, with the code small beside them', async () => {
    await page.goto(`${server.baseUrl}/sekretariat/audit`);
    const codes = page.getByText(/^Kode: [a-z_]+\.[a-z_.]+$/);
    await expect.poll(() => codes.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    // Every action cell: the words first, then the code; the words are never the code itself.
    const cells = page.getByRole('cell').filter({ has: codes });
    const seen: string[] = [];
    for (const text of await cells.allInnerTexts()) {
      const [words, code] = text.split(/\n+/);
      expect(code).toMatch(/^Kode: [a-z_]+\.[a-z_.]+$/);
      expect(words, text).not.toMatch(/^[a-z_]+\.[a-z_.]+$/);
      seen.push(words!);
    }
    expect(
      seen.filter((w) => /^(Masuk|Kompetisi|Permohonan akun|Proposal|Akun|Unit|Instansi)/.test(w)),
    ).not.toEqual([]);
    await shoot(page, 'secretariat-words-01-audit');
  });

  it('says in words whether e-mails reach people; SMTP_URL and DATA_DIR only under “Rincian teknis”', async () => {
    await page.goto(`${server.baseUrl}/sekretariat/outbox`);
    const folded = page.getByText(/^Untuk teknisi: /);
    await expect.poll(() => page.getByText('Rincian teknis', { exact: true }).isVisible()).toBe(true);
    expect(await folded.isVisible()).toBe(false);
    expect(
      await page
        .getByText(/DATA_DIR|SMTP_URL/)
        .locator('visible=true')
        .count(),
    ).toBe(0);
    await page.getByText('Rincian teknis', { exact: true }).click();
    await expect.poll(() => folded.isVisible()).toBe(true);
    await shoot(page, 'secretariat-words-02-outbox');
  });

  it('offers the allowed file types by name (PDF), not as MIME types', async () => {
    await page.goto(`${server.baseUrl}/sekretariat/kompetisi`);
    const link = page.locator('a[href^="/sekretariat/kompetisi/"]').first();
    await expect.poll(() => link.count()).toBeGreaterThan(0);
    await link.click();
    await page.waitForURL(/\/sekretariat\/kompetisi\/\d+$/);
    const field = page.getByText('Jenis berkas yang diterima', { exact: true });
    await expect.poll(() => field.isVisible()).toBe(true);
    const pills = page.locator('.mantine-MultiSelect-pill');
    await expect.poll(() => pills.allInnerTexts()).toContain('PDF');
    expect(await page.getByText('application/pdf').locator('visible=true').count()).toBe(0);
    await shoot(page, 'secretariat-words-03-file-types');
  });
});
