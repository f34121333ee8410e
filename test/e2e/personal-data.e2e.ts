import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, openProfiles, shoot, startServer, type E2EServer, type Profiles } from './harness.js';
import { makeUser, TEST_PASSWORD } from '../helpers/fixtures.js';

/* "Unduh data pribadi saya" on the profile page (issue 15 point 5): the button saves the person's JSON file. */
describe('personal-data download in Chromium', () => {
  let server: E2EServer;
  let profiles: Profiles;

  beforeAll(async () => {
    server = await startServer();
    profiles = await openProfiles();
  }, 120_000);
  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  it('downloads the signed-in person’s own data as a JSON file from the profile page', async () => {
    const user = await makeUser(server.ctx.db, {
      role: 'upp',
      name: 'Sri Handayani',
      email: 'sri.handayani@uji.go.id',
    });
    for (const [viewport, name] of [
      [{ width: 1280, height: 900 }, 'personal-data-1280'],
      [{ width: 390, height: 844 }, 'personal-data-390'],
    ] as const) {
      const page = await profiles.newPage(viewport, { acceptDownloads: true });
      await logIn(page, server.baseUrl, user.email, TEST_PASSWORD);
      await page.goto(server.baseUrl + '/lengkapi-profil');
      await page.getByRole('heading', { name: 'Data pribadi Anda' }).waitFor();
      await shoot(page, name);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Unduh data pribadi saya' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^data-pribadi-sinovik-\d{4}-\d{2}-\d{2}\.json$/);
      const file = await download.path();
      const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
      expect(doc.account).toMatchObject({ name: 'Sri Handayani', email: 'sri.handayani@uji.go.id' });
      expect(doc.tentang).toContain('UU No. 27 Tahun 2022');
    }
  });
});
