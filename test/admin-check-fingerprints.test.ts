import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs } from 'kysely';
import { encodeFingerprint } from '../src/domain/near-duplicates/fingerprint-codec.js';
import { prepareProposal } from '../src/domain/near-duplicates/prepare.js';
import { ensureChecks } from '../src/modules/admin-check/rows.js';
import { BATCH as FINGERPRINT_BATCH } from '../src/modules/near-duplicates/queries.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import { makeInstitution, makeUnit, makeUser, publishedKipp } from './helpers/fixtures.js';
import { receivedProposals } from './helpers/selection.js';

/*
 * The closing stores the near-duplicate fingerprints of a whole year's received proposals in its
 * transaction: one INSERT per 500 proposals, not one statement per row (4–16 s for 3,500 rows on
 * PostgreSQL under load with one per row). Counted through a Kysely plugin on the real database; each
 * proposal must still get its own fingerprint.
 */

/** Counts the INSERT statements into proposal_fingerprints run through the Db it is plugged into. */
class InsertCounter implements KyselyPlugin {
  updates = 0;
  transformQuery(args: PluginTransformQueryArgs) {
    const node = args.node;
    if (node.kind === 'InsertQueryNode' && node.into?.table.identifier.name === 'proposal_fingerprints')
      this.updates++;
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs) {
    return args.result;
  }
}

describe('fingerprints of the administrative check, written in batches', () => {
  let ctx: TestContext;
  let competitionId = 0;
  let ids: number[] = [];
  const N = 2 * FINGERPRINT_BATCH + 37;
  /** The first form section of the umum group (the received proposals' group). */
  const firstSection = () =>
    ctx.db
      .selectFrom('form_sections as s')
      .innerJoin('competition_groups as g', 'g.id', 's.group_id')
      .select(['s.id', 's.key'])
      .where('g.competition_id', '=', competitionId)
      .where('g.key', '=', 'umum')
      .orderBy('s.position')
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    ctx = await createTestApp();
    const kipp = await publishedKipp(ctx.db, { organizerName: 'Kementerian Sidik Jari', now: new Date() });
    competitionId = kipp.competitionId;
    const inst = await makeInstitution(ctx.db, {
      type: 'pemerintah_kabupaten',
      name: 'Kabupaten Sidik Jari',
    });
    const unit = await makeUnit(ctx.db, inst.id);
    const upp = await makeUser(ctx.db, { role: 'upp', institutionId: inst.id, unitId: unit.id });
    const proposals = await receivedProposals(ctx.db, {
      competitionId,
      institutionId: inst.id,
      unitId: unit.id,
      createdBy: upp.id,
      n: N,
    });
    ids = proposals.map((p) => p.id);
    const section = await firstSection();
    const stamp = new Date().toISOString();
    const answers = ids.map((id) => ({
      proposal_id: id,
      section_id: section.id,
      text: `ringkasan inovasi nomor ${id} dengan layanan keliling desa ${id % 7}`,
      word_count: 8,
      updated_at: stamp,
    }));
    for (let i = 0; i < answers.length; i += 200)
      await ctx.db
        .insertInto('proposal_answers')
        .values(answers.slice(i, i + 200))
        .execute();
  }, 120_000);
  afterAll(async () => ctx.close());

  it(`${2 * FINGERPRINT_BATCH + 37} received proposals: three INSERT statements, each proposal its own fingerprint`, async () => {
    const counter = new InsertCounter();
    const made = await ensureChecks(ctx.db.withPlugin(counter), competitionId, new Date());
    expect(made).toBe(N);
    expect(counter.updates).toBe(Math.ceil(N / FINGERPRINT_BATCH));
    const section = await firstSection();
    const rows = await ctx.db
      .selectFrom('proposal_fingerprints as f')
      .innerJoin('proposals as p', 'p.id', 'f.proposal_id')
      .select(['f.proposal_id', 'f.fingerprint', 'p.title'])
      .where('p.competition_id', '=', competitionId)
      .execute();
    expect(rows).toHaveLength(N);
    for (const r of rows)
      expect(r.fingerprint, `proposal ${r.proposal_id}`).toBe(
        encodeFingerprint(
          prepareProposal({
            id: r.proposal_id,
            title: r.title,
            answers: [
              {
                key: section.key,
                text: `ringkasan inovasi nomor ${r.proposal_id} dengan layanan keliling desa ${r.proposal_id % 7}`,
              },
            ],
          }).fingerprint,
        ),
      );
  });
});
