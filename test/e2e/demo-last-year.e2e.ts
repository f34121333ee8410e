import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAST_YEAR_DEMO } from '../../src/seed/demo-last-year.js';
import { openProfiles, shoot, startDemoServer, type E2EServer, type Profiles } from './harness.js';

/*
 * Last year's KIPP in the demo (issue 14): seeded as `npm start` does, its results published a year ago, so
 * a visitor without an account reads them — the decree, the winners by name — on the competition's public
 * results page, on a desktop and a phone, and the public gallery's API lists the same finalists.
 */
const PHONE = { width: 390, height: 844 };

describe("last year's KIPP in the demo, read by a visitor", () => {
  let server: E2EServer;
  let profiles: Profiles;
  let competitionId = 0;
  const year = new Date().getUTCFullYear() - 1;
  let winners: string[] = [];

  beforeAll(async () => {
    server = await startDemoServer({}, { lastYear: true });
    profiles = await openProfiles();
    const { db } = server.ctx;
    competitionId = (
      await db
        .selectFrom('competitions')
        .select('id')
        .where('code', '=', LAST_YEAR_DEMO.code)
        .where('year', '=', year)
        .executeTakeFirstOrThrow()
    ).id;
    winners = (
      await db
        .selectFrom('panel_decisions as d')
        .innerJoin('proposals as p', 'p.id', 'd.proposal_id')
        .select('p.title')
        .where('p.competition_id', '=', competitionId)
        .where('d.award_key', 'is not', null)
        .execute()
    ).map((r) => r.title);
  }, 240_000);
  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  for (const [label, viewport] of [
    ['desktop', undefined],
    ['phone', PHONE],
  ] as const)
    it(`shows the results with the decree and every winner (${label})`, async () => {
      const page = await profiles.newPage(viewport);
      await page.goto(`${server.baseUrl}/kompetisi/${competitionId}/hasil`);
      await page.getByText(LAST_YEAR_DEMO.resultsDecree(year)).first().waitFor();
      expect(winners.length).toBe(5);
      for (const title of winners) await page.getByRole('listitem').filter({ hasText: title }).waitFor();
      await shoot(page, `demo-last-year-results-${label}`);
    }, 120_000);

  it('lists the same finalists in the public gallery, the winners first by award', async () => {
    const res = await fetch(`${server.baseUrl}/api/public/gallery?year=${year}&sort=award`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { title: string; awards: string[] }[] };
    expect(
      body.items
        .slice(0, winners.length)
        .map((i) => i.title)
        .sort(),
    ).toEqual([...winners].sort());
    expect(body.items.slice(winners.length).every((i) => i.awards.join() === 'TOP99')).toBe(true);
  });
});
