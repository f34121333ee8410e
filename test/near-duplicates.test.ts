import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFromTemplate } from '../src/modules/competitions/commands/create-from-template.js';
import { nearDuplicateJobHandlers } from '../src/modules/near-duplicates/job.js';
import { runDueJobs } from '../src/platform/jobs.js';
import {
  COPIED_FROM,
  COPIED_PARAGRAPH,
  COPIER,
  PAST_WINNER,
  RENAMED,
  SISTEM_DESA,
  SISTEM_KIA,
} from '../src/domain/near-duplicates/texts.fixtures.js';
import type { ProposalText } from '../src/domain/near-duplicates/prepare.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import { makeInstitution, makeUnit, makeUser, publishedKipp, sessionCookie } from './helpers/fixtures.js';
import { receivedProposals } from './helpers/selection.js';

/*
 * Near-duplicates at the administrative check (issue 14 point 5) on the real database: received proposals
 * of this year and past proposals of earlier competitions (test setup writes their rows), then the real
 * path — the check rows store the fingerprints and schedule the check, the background job backfills the
 * past fingerprints, builds the index, finds and stores the matches — read and decided through the API.
 * The test: it finds a renamed past winner and a copied paragraph and does not flag two different
 * innovations with a common title word.
 */

const NOW = new Date('2026-05-10T03:00:00.000Z');
/** The fixtures' answer keys → the KIPP template's umum sections. */
const SECTION: Record<string, string> = {
  ringkasan: 'ringkasan',
  kebaruan: 'kebaruan',
  keberlanjutan: 'strategi_keberlanjutan',
};

const WATER: ProposalText = {
  id: 0,
  title: 'Air Bersih Desa Mandiri',
  answers: [
    {
      key: 'ringkasan',
      text: `Warga desa mengelola sumur bor bersama dengan iuran kecil dan pencatatan pemakaian air di papan pengumuman balai desa. ${COPIED_PARAGRAPH}.`,
    },
    {
      key: 'kebaruan',
      text:
        'Sebelumnya setiap keluarga membeli air galon dari pedagang keliling dengan harga yang naik setiap musim kemarau. ' +
        'Kini badan usaha milik desa memasang pipa ke setiap dusun, meteran air dibaca oleh pemuda karang taruna, dan ' +
        'tagihan dibayar di warung yang ditunjuk. Keluhan warga tentang air keruh dicatat di buku pengaduan dan ' +
        'diperiksa oleh petugas puskesmas setiap bulan bersama kader kesehatan lingkungan.',
    },
  ],
};

type Res = Awaited<ReturnType<TestContext['app']['inject']>>;

describe('near-duplicates at the administrative check', () => {
  let ctx: TestContext;
  const u: Record<string, { id: number }> = {};
  const p: Record<string, { id: number; code: string }> = {};
  let current = 0;
  let organizerId = 0;

  const call = async (who: { id: number }, method: 'GET' | 'POST', url: string, payload?: object) =>
    ctx.app.inject({
      method,
      url: `/api${url}`,
      headers: { cookie: await sessionCookie(ctx, who.id) },
      payload: payload as Record<string, unknown>,
    });
  const ok = (res: Res) => {
    if (res.statusCode >= 300) throw new Error(`${res.statusCode} ${res.body}`);
    return res.json();
  };

  /** A received proposal of a competition with the fixture's title and answers. */
  async function proposal(competitionId: number, institution: string, text: ProposalText) {
    const inst = await makeInstitution(ctx.db, { name: institution });
    const unit = await makeUnit(ctx.db, inst.id);
    const upp = await makeUser(ctx.db, { role: 'upp', institutionId: inst.id, unitId: unit.id });
    const [row] = await receivedProposals(ctx.db, {
      competitionId,
      institutionId: inst.id,
      unitId: unit.id,
      createdBy: upp.id,
      n: 1,
      state: 'passed_admin',
    });
    await ctx.db.updateTable('proposals').set({ title: text.title }).where('id', '=', row.id).execute();
    const sections = await ctx.db
      .selectFrom('form_sections')
      .select(['id', 'key'])
      .where('group_id', '=', row.group_id)
      .execute();
    await ctx.db
      .insertInto('proposal_answers')
      .values(
        text.answers.map((a) => ({
          proposal_id: row.id,
          section_id: sections.find((s) => s.key === SECTION[a.key])!.id,
          text: a.text,
          word_count: a.text.split(/\s+/).length,
          updated_at: NOW.toISOString(),
        })),
      )
      .execute();
    return { id: row.id, code: row.code, institutionId: inst.id };
  }

  const matchesOf = async (id: number) => ok(await call(u.sec, 'GET', `/admin-checks/${id}/near-duplicates`));
  const finding = async (id: number, key: string) =>
    ok(await call(u.sec, 'GET', `/admin-checks/${id}`)).checklist.find((c: { key: string }) => c.key === key)
      .finding;
  const runJobs = () => runDueJobs(ctx.db, ctx.clock, nearDuplicateJobHandlers);

  beforeAll(async () => {
    ctx = await createTestApp();
    ctx.clock.freeze(NOW);
    const kipp = await publishedKipp(ctx.db, { organizerName: 'Kementerian Kemiripan', now: NOW });
    current = kipp.competitionId;
    organizerId = kipp.organizer.id;
    u.sec = kipp.secretariat;
    const past = await createFromTemplate(ctx.db, {
      template: 'kipp',
      year: 2025,
      organizer: kipp.organizer,
      createdBy: u.sec.id,
      ip: null,
      now: NOW,
    });
    const otherOrg = await publishedKipp(ctx.db, {
      organizerName: 'Provinsi Lain Kemiripan',
      now: NOW,
      year: 2024,
    });
    u.secOther = otherOrg.secretariat;
    u.evaluator = await makeUser(ctx.db, { role: 'evaluator', competitionId: current });

    p.winner = await proposal(past.id, 'Pemerintah Kabupaten Pesisir', PAST_WINNER);
    p.desa = await proposal(past.id, 'Pemerintah Kabupaten Desa', SISTEM_DESA);
    p.source = await proposal(otherOrg.competitionId, 'Pemerintah Kota Posyandu', COPIED_FROM);
    await ctx.db
      .insertInto('awards')
      .values({
        year: 2025,
        level: 'TOP9',
        innovation_title: PAST_WINNER.title,
        institution_name: 'Pemerintah Kabupaten Pesisir',
        institution_id: null,
        source_url: null,
        notes: null,
        created_at: NOW.toISOString(),
        created_by: null,
        updated_at: NOW.toISOString(),
        competition_id: past.id,
        proposal_id: p.winner.id,
      })
      .execute();

    p.renamed = await proposal(current, 'Pemerintah Kabupaten Pantai', RENAMED);
    p.copier = await proposal(current, 'Pemerintah Kota Bank Sampah', COPIER);
    p.kia = await proposal(current, 'Pemerintah Kabupaten Bunda', SISTEM_KIA);
    p.water = await proposal(current, 'Pemerintah Kabupaten Air', WATER);
    // Back to received: the check of this year works on received proposals.
    await ctx.db
      .updateTable('proposals')
      .set({ state: 'received' })
      .where('competition_id', '=', current)
      .execute();
  });
  afterAll(async () => ctx.close());

  it('the check rows store each proposal’s fingerprint and schedule the check; the job backfills the past ones', async () => {
    ok(await call(u.sec, 'GET', `/competitions/${current}/admin-checks`));
    const stored = async (ids: number[]) =>
      (
        await ctx.db
          .selectFrom('proposal_fingerprints')
          .select('proposal_id')
          .where('proposal_id', 'in', ids)
          .execute()
      ).length;
    expect(await stored([p.renamed.id, p.copier.id, p.kia.id, p.water.id])).toBe(4);
    expect(await stored([p.winner.id, p.desa.id, p.source.id])).toBe(0);
    const state = ok(await call(u.sec, 'GET', `/competitions/${current}/near-duplicates`));
    expect(state.run.status).toBe('pending');
    expect(await runJobs()).toEqual({ done: 1, failed: 0 });
    expect(await stored([p.winner.id, p.desa.id, p.source.id])).toBe(3);
    const after = ok(await call(u.sec, 'GET', `/competitions/${current}/near-duplicates`));
    expect(after.run.status).toBe('done');
    expect(after.counts).toEqual({ open: 4, confirmed_same: 0, dismissed: 0 });
  });

  it('finds the renamed past winner and the copied paragraph, and not two innovations sharing a title word', async () => {
    const pairs = await ctx.db
      .selectFrom('near_duplicate_matches')
      .select(['proposal_id', 'other_proposal_id', 'kind'])
      .where('competition_id', '=', current)
      .orderBy('proposal_id')
      .orderBy('other_proposal_id')
      .execute();
    expect(pairs).toEqual([
      { proposal_id: p.renamed.id, other_proposal_id: p.winner.id, kind: 'renamed' },
      { proposal_id: p.copier.id, other_proposal_id: p.source.id, kind: 'copied_passage' },
      { proposal_id: p.copier.id, other_proposal_id: p.water.id, kind: 'copied_within' },
      { proposal_id: p.water.id, other_proposal_id: p.source.id, kind: 'copied_passage' },
    ]);
    expect((await matchesOf(p.kia.id)).matches).toEqual([]);
    expect(await finding(p.kia.id, 'bukan_salinan')).toEqual({ ok: true, notes: [] });
  });

  it('shows the passages side by side, the kind and the scores in words', async () => {
    const r = await matchesOf(p.renamed.id);
    expect(r.matches).toHaveLength(1);
    const m = r.matches[0];
    expect(m.kind).toBe('renamed');
    expect(m.kindLabel.id).toBe('Proposal lama dengan judul baru');
    expect(m.scoresText.id).toMatch(/^judul berbeda, \d+% jawaban sama/);
    expect(m.status).toBe('open');
    expect(m.other).toEqual({
      title: PAST_WINNER.title,
      institution: 'Pemerintah Kabupaten Pesisir',
      year: 2025,
      sameOrganizer: true,
      proposalId: p.winner.id,
      code: p.winner.code,
      competition: expect.any(String),
    });
    expect(m.passages.length).toBeGreaterThan(0);
    const first = m.passages[0];
    expect(first.mine.section.id).toBe('Ringkasan');
    expect(RENAMED.answers[0].text).toContain(first.mine.shared);
    expect(PAST_WINNER.answers[0].text).toContain(first.other.shared);
    expect(first.mine.shared).toContain('Petugas Disdukcapil kini datang langsung');
    expect(first.words).toBeGreaterThanOrEqual(8);
    expect(r.consequence.id).toContain('inovasi yang sama');
    expect(await finding(p.renamed.id, 'bukan_salinan')).toMatchObject({
      ok: false,
      notes: [
        {
          id: expect.stringContaining(
            `Mirip dengan proposal ${p.winner.code} — Proposal lama dengan judul baru: judul berbeda`,
          ),
        },
      ],
    });
  });

  it("names another organizer's past proposal by title, institution and year only", async () => {
    const r = await matchesOf(p.copier.id);
    const past = r.matches.find((m: { kind: string }) => m.kind === 'copied_passage');
    expect(past.other).toEqual({
      title: COPIED_FROM.title,
      institution: 'Pemerintah Kota Posyandu',
      year: 2024,
      sameOrganizer: false,
      proposalId: null,
      code: null,
      competition: null,
    });
    expect(past.passages[0].mine.shared).toContain('peraturan bupati');
    expect(past.passages[0].other.section.id).toBe('Strategi Keberlanjutan');
    expect(JSON.stringify(r)).not.toContain(p.source.code);
    // The pair within this year shows from either side, each proposal's own text on the left.
    const within = (await matchesOf(p.water.id)).matches.find(
      (m: { kind: string }) => m.kind === 'copied_within',
    );
    expect(within.other.code).toBe(p.copier.code);
    expect(WATER.answers[0].text).toContain(within.passages[0].mine.shared);
    expect(within.passages[0].mine.before).toContain('sumur bor');
  });

  it('refuses other roles (403) and another organizer’s secretariat (404)', async () => {
    const match = (await matchesOf(p.renamed.id)).matches[0];
    const tries = [
      ['GET', `/admin-checks/${p.renamed.id}/near-duplicates`, undefined],
      ['POST', `/near-duplicate-matches/${match.id}/decision`, { decision: 'confirmed_same' }],
      ['POST', `/competitions/${current}/near-duplicates/check`, undefined],
      ['GET', `/competitions/${current}/near-duplicates`, undefined],
    ] as const;
    for (const [method, url, body] of tries) {
      const evaluator = await call(u.evaluator, method, url, body);
      const other = await call(u.secOther, method, url, body);
      expect([url, evaluator.statusCode], evaluator.body).toEqual([url, 403]);
      expect([url, other.statusCode]).toEqual([url, 404]);
    }
    // A proposal not received yet is not in the check (409 after authorization).
    await ctx.db.updateTable('proposals').set({ state: 'forwarded' }).where('id', '=', p.kia.id).execute();
    const early = await call(u.sec, 'GET', `/admin-checks/${p.kia.id}/near-duplicates`);
    await ctx.db.updateTable('proposals').set({ state: 'received' }).where('id', '=', p.kia.id).execute();
    expect([early.statusCode, early.json().error?.code], early.body).toEqual([409, 'not_in_admin_check']);
    const anonymous = await ctx.app.inject({
      method: 'GET',
      url: `/api/admin-checks/${p.renamed.id}/near-duplicates`,
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await matchesOf(p.renamed.id)).matches[0].status).toBe('open');
  });

  it('confirming the same innovation makes its past award count: the umum group refuses a former Top Terpuji', async () => {
    expect((await finding(p.renamed.id, 'ketentuan_kelompok')).ok).toBe(true);
    const match = (await matchesOf(p.renamed.id)).matches[0];
    const r = ok(
      await call(u.sec, 'POST', `/near-duplicate-matches/${match.id}/decision`, {
        decision: 'confirmed_same',
        note: 'Inovasi Si Jempol diajukan ulang dengan judul baru.',
      }),
    );
    expect(r.matches[0]).toMatchObject({
      status: 'confirmed_same',
      note: 'Inovasi Si Jempol diajukan ulang dengan judul baru.',
      decidedBy: expect.any(String),
    });
    const group = await finding(p.renamed.id, 'ketentuan_kelompok');
    expect(group.ok).toBe(false);
    expect(group.notes[0].id).toContain('Top Inovasi Terpuji');
    const audit = await ctx.db
      .selectFrom('audit_events')
      .select(['actor_user_id', 'summary', 'organizer_institution_id'])
      .where('action', '=', 'admin_check.near_duplicate_decided')
      .where('entity_id', '=', String(p.renamed.id))
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].actor_user_id).toBe(u.sec.id);
    expect(audit[0].organizer_institution_id).toBe(organizerId);
    expect(JSON.parse(audit[0].summary)).toMatchObject({
      matchId: match.id,
      before: { status: 'open' },
      after: { status: 'confirmed_same' },
    });
  });

  it('dismissing needs a note (400 on the field), then leaves the finding; a re-run keeps every decision', async () => {
    const match = (await matchesOf(p.copier.id)).matches.find(
      (m: { kind: string }) => m.kind === 'copied_passage',
    );
    const bad = await call(u.sec, 'POST', `/near-duplicate-matches/${match.id}/decision`, {
      decision: 'dismissed',
      note: '  ',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({
      code: 'validation_failed',
      fields: { note: { code: 'required' } },
    });
    expect(bad.json().error.fields.note.message.id).toBe('Tuliskan alasan kemiripan ini diabaikan.');
    ok(
      await call(u.sec, 'POST', `/near-duplicate-matches/${match.id}/decision`, {
        decision: 'dismissed',
        note: 'Paragraf peraturan bupati adalah kutipan bersama, bukan salinan.',
        proposalId: p.copier.id,
      }),
    );
    const notes = (await finding(p.copier.id, 'bukan_salinan')).notes.map((n: { id: string }) => n.id);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain(`proposal ${p.water.code}`);
    const audits = await ctx.db
      .selectFrom('audit_events')
      .select('summary')
      .where('action', '=', 'admin_check.near_duplicate_decided')
      .orderBy('id')
      .execute();
    expect(audits.map((a) => JSON.parse(a.summary).after.status)).toEqual(['confirmed_same', 'dismissed']);

    const first = await call(u.sec, 'POST', `/competitions/${current}/near-duplicates/check`);
    expect(first.statusCode).toBe(202);
    const again = await call(u.sec, 'POST', `/competitions/${current}/near-duplicates/check`);
    expect(again.json().jobId).toBe(first.json().jobId);
    expect(await runJobs()).toEqual({ done: 1, failed: 0 });
    const rows = await ctx.db
      .selectFrom('near_duplicate_matches')
      .select(['id', 'status'])
      .where('competition_id', '=', current)
      .orderBy('id')
      .execute();
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => r.status).sort()).toEqual(['confirmed_same', 'dismissed', 'open', 'open']);
    expect((await finding(p.renamed.id, 'ketentuan_kelompok')).ok).toBe(false);
  });
});
