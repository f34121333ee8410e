import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { logIn, openProfiles, shoot, startDemoServer, type E2EServer, type Profiles } from './harness.js';

/*
 * Every role has a home (issue 11): the evaluator and the panelist land on a page that says what their work
 * is and when it starts, from the stages of the competition they are assigned to; every unknown address
 * and every proposal outside one's scope is a real "not found" page; English survives a reload.
 */
describe('role homes, not found, language after reload (Chromium)', () => {
  let server: E2EServer;
  let profiles: Profiles;

  async function loggedIn(email: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
    const page = await profiles.newPage(viewport);
    await logIn(page, server.baseUrl, email);
    return page;
  }

  beforeAll(async () => {
    server = await startDemoServer();
    profiles = await openProfiles();
  }, 180_000);

  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  it('lands the evaluator on its home: its work, its competition, when the assessment starts', async () => {
    const page = await loggedIn('evaluator@demo.sinovik.id');
    await page.waitForURL((u) => u.pathname === '/beranda');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Beranda saya');
    await expect
      .poll(() => page.getByText(/^Penilaian oleh Tim Evaluasi dimulai /).textContent())
      .toMatch(/^Penilaian oleh Tim Evaluasi dimulai \d{1,2} \S+ \d{4} \d{2}\.\d{2} WI(B|TA|T)\.$/);
    expect(await page.getByText('Tim Evaluasi menilai proposal', { exact: false }).count()).toBe(1);
    expect(await page.getByText('Penilaian Proposal oleh Tim Evaluasi', { exact: false }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Beranda saya' }).count()).toBeGreaterThan(0);
    await shoot(page, 'homes-01-evaluator');
    const phone = await loggedIn('evaluator@demo.sinovik.id', { width: 390, height: 844 });
    await phone.waitForURL((u) => u.pathname === '/beranda');
    await expect.poll(() => phone.getByText(/^Penilaian oleh Tim Evaluasi dimulai /).count()).toBe(1);
    await shoot(phone, 'homes-02-evaluator-phone');
  });

  it('lands the panelist on its home with the panel’s stages', async () => {
    const page = await loggedIn('panelis@demo.sinovik.id');
    await page.waitForURL((u) => u.pathname === '/beranda');
    await expect
      .poll(() => page.getByText(/^Penilaian oleh Tim Panel Independen dimulai /).textContent())
      .toMatch(/dimulai \d{1,2} \S+ \d{4} \d{2}\.\d{2} WI(B|TA|T)\.$/);
    for (const stage of ['Penetapan Finalis Top Inovasi', 'Presentasi dan Wawancara'])
      expect(await page.getByText(stage, { exact: true }).count()).toBe(1);
    await shoot(page, 'homes-03-panelist');
  });

  it('answers an unknown address and a proposal outside one’s scope with a real not-found page', async () => {
    const page = await loggedIn('evaluator@demo.sinovik.id');
    await page.waitForURL((u) => u.pathname === '/beranda');
    for (const path of ['/usulan/999999', '/tidak-ada/sama-sekali']) {
      await page.goto(server.baseUrl + path);
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 })
        .toBe('Halaman tidak ditemukan');
      // The person's own home once the session is read (the public home until then).
      await expect
        .poll(() => page.getByRole('link', { name: 'Kembali ke beranda' }).getAttribute('href'))
        .toBe('/beranda');
    }
    await shoot(page, 'homes-04-not-found');
    await page.getByRole('link', { name: 'Kembali ke beranda' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Beranda saya');
    const visitor = await profiles.newPage({ width: 390, height: 844 });
    await visitor.goto(server.baseUrl + '/bukan-halaman');
    await expect
      .poll(() => visitor.getByRole('heading', { level: 1 }).textContent())
      .toBe('Halaman tidak ditemukan');
    expect(await visitor.getByRole('link', { name: 'Kembali ke beranda' }).getAttribute('href')).toBe('/');
    await shoot(visitor, 'homes-05-not-found-phone');
  });

  it('keeps English after a reload: <html lang> and the page title follow from the first render', async () => {
    const page = await profiles.newPage();
    await page.goto(server.baseUrl + '/');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('id');
    expect(await page.title()).toBe('Sinovik — Kompetisi Inovasi Pelayanan Publik');
    await page.getByText('EN', { exact: true }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { name: 'Open competitions' }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.title()).toBe('Sinovik — Public Service Innovation Competition');
    await page.goto(server.baseUrl + '/tidak-ada');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    await shoot(page, 'homes-06-not-found-english');
  });
});
