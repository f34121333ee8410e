import { describe, expect, it, beforeAll } from 'vitest';
import { createFromTemplate } from '../src/modules/competitions/commands/create-from-template.js';
import { setCompetitionStatus } from '../src/modules/competitions/commands/set-status.js';
import { submissionJobHandlers } from '../src/modules/deadlines/jobs.js';
import { nearDuplicateJobHandlers } from '../src/modules/near-duplicates/job.js';
import { runDueJobs } from '../src/platform/jobs.js';
import { appWithSmtpCapture, type TestContext } from './helpers/app.js';
import { uploadRequiredEvidence } from './helpers/evidence.js';
import { makeInstitution, makeUnit, makeUser, sessionCookie } from './helpers/fixtures.js';

/*
 * The administrative check (issue 12 point 1) through the API on a real database: proposals forwarded
 * through the real routes, received by the real closing job, then the secretariat's queue, claims,
 * checklist findings, decisions, the completion request (mail through the real SMTP capture), the admin
 * lokal's completion of the named items only, the deadline, bulk passing, and every denial.
 */

const NOW = new Date('2026-04-01T03:00:00.000Z');
/** After the KIPP 2026 template's closing (2 May 2026 23:59 WIB). */
const AFTER_CLOSING = new Date('2026-05-03T02:00:00.000Z');

const UMUM_SECTIONS = [
  'ringkasan',
  'latar_belakang_tujuan',
  'kebaruan',
  'implementasi',
  'signifikansi',
  'adaptabilitas',
  'sumber_daya',
  'strategi_keberlanjutan',
];
const COPIED =
  'Petugas kecamatan datang langsung ke rumah warga lanjut usia untuk merekam data kependudukan, mencetak kartu identitas, memperbarui kartu keluarga dan mengantar akta kelahiran tanpa biaya sehingga warga yang sulit bepergian tetap terlayani dengan cepat';

const fields = (version: number, acronym: string, ringkasan: string) => ({
  version,
  acronym,
  categoryKey: 'tata_kelola_pemerintahan',
  implementationStart: '2022-01-10',
  innovatorKind: 'team',
  innovatorNames: 'Tim Inovasi',
  contactName: 'Sari Wulandari',
  contactPhone: '081234567890',
  contactEmail: 'sari@seleksi.go.id',
  links: [{ label: 'Video', url: 'https://video.example.id/inovasi' }],
  declarationAccepted: true,
  answers: UMUM_SECTIONS.map((sectionKey) => ({
    sectionKey,
    text:
      sectionKey === 'ringkasan'
        ? ringkasan
        : `Jawaban bagian ${sectionKey} dari ${acronym}: layanan ${acronym.toLowerCase()} berjalan.`,
  })),
});

type Res = Awaited<ReturnType<TestContext['app']['inject']>>;

describe('administrative check', () => {
  const suite = appWithSmtpCapture();
  let ctx: TestContext;
  const u: Record<string, { id: number; email: string }> = {};
  const p: Record<string, { id: number; code: string }> = {};
  let competitionId = 0;

  const call = async (
    who: { id: number },
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ) =>
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
  const inDays = (d: number) => new Date(ctx.clock.now().getTime() + d * 86400_000).toISOString();

  beforeAll(async () => {
    ctx = suite.ctx;
    ctx.clock.freeze(NOW);
    const organizer = await makeInstitution(ctx.db, {
      type: 'kementerian',
      name: 'Kementerian PANRB Seleksi',
    });
    const other = await makeInstitution(ctx.db, { type: 'kementerian', name: 'Kementerian Lain Seleksi' });
    u.sec1 = await makeUser(ctx.db, {
      role: 'secretariat',
      institutionId: organizer.id,
      name: 'Rina Sekretariat',
    });
    u.sec2 = await makeUser(ctx.db, {
      role: 'secretariat',
      institutionId: organizer.id,
      name: 'Budi Sekretariat',
    });
    u.secOther = await makeUser(ctx.db, { role: 'secretariat', institutionId: other.id });
    const competition = await createFromTemplate(ctx.db, {
      template: 'kipp',
      year: 2026,
      organizer,
      createdBy: u.sec1.id,
      ip: null,
      now: NOW,
    });
    competitionId = competition.id;
    await setCompetitionStatus(ctx.db, {
      id: competition.id,
      to: 'published',
      actorUserId: u.sec1.id,
      ip: null,
      now: NOW,
    });
    u.evaluator = await makeUser(ctx.db, { role: 'evaluator', competitionId });
    const a = await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Seleksi A' });
    const b = await makeInstitution(ctx.db, { name: 'Pemerintah Kota Seleksi B', type: 'pemerintah_kota' });
    const unitA = await makeUnit(ctx.db, a.id);
    const unitB = await makeUnit(ctx.db, b.id);
    u.adminA = await makeUser(ctx.db, {
      role: 'local_admin',
      institutionId: a.id,
      email: 'admin.a@seleksi.go.id',
    });
    u.adminB = await makeUser(ctx.db, {
      role: 'local_admin',
      institutionId: b.id,
      email: 'admin.b@seleksi.go.id',
    });
    u.uppA = await makeUser(ctx.db, { role: 'upp', institutionId: a.id, unitId: unitA.id });
    u.uppB = await makeUser(ctx.db, { role: 'upp', institutionId: b.id, unitId: unitB.id });
    const forward = async (
      upp: { id: number },
      admin: { id: number },
      title: string,
      acronym: string,
      ringkasan: string,
    ) => {
      const d = ok(
        await call(upp, 'POST', `/competitions/${competitionId}/proposals`, { groupKey: 'umum', title }),
      );
      ok(await call(upp, 'PATCH', `/proposals/${d.id}`, fields(d.version, acronym, ringkasan)));
      await uploadRequiredEvidence(ctx.app, await sessionCookie(ctx, upp.id), d.id);
      ok(await call(upp, 'POST', `/proposals/${d.id}/send`));
      ok(await call(admin, 'POST', `/proposals/${d.id}/forward`));
      return { id: d.id as number, code: d.code as string };
    };
    p.a1 = await forward(u.uppA, u.adminA, 'Jemput Bola Adminduk', 'JEBOL', COPIED);
    p.a2 = await forward(
      u.uppA,
      u.adminA,
      'Posyandu Digital',
      'PODIG',
      `Kader posyandu mencatat tumbuh kembang balita di aplikasi dan orang tua menerima pengingat imunisasi lewat pesan singkat setiap bulan.`,
    );
    p.b1 = await forward(u.uppB, u.adminB, 'Layanan Lansia Keliling', 'LALIK', `${COPIED} setiap minggu`);
    p.b2 = await forward(
      u.uppB,
      u.adminB,
      'Air Bersih Desa',
      'AIRDE',
      `Warga desa mengelola sumur bor bersama dengan iuran kecil dan pencatatan pemakaian air di papan pengumuman balai desa setiap pekan.`,
    );
    ctx.clock.freeze(AFTER_CLOSING);
    expect(await runDueJobs(ctx.db, ctx.clock, submissionJobHandlers)).toMatchObject({ failed: 0 });
  });

  it('the closing puts every received proposal in the queue, with its answers fingerprinted', async () => {
    const rows = await ctx.db
      .selectFrom('admin_checks as x')
      .leftJoin('proposal_fingerprints as f', 'f.proposal_id', 'x.proposal_id')
      .select(['x.proposal_id', 'x.outcome', 'x.round', 'f.fingerprint'])
      .where('x.competition_id', '=', competitionId)
      .orderBy('x.proposal_id')
      .execute();
    expect(rows.map((r) => r.proposal_id)).toEqual([p.a1.id, p.a2.id, p.b1.id, p.b2.id]);
    expect(rows.every((r) => r.outcome === null && r.round === 1 && r.fingerprint?.startsWith('nd1.'))).toBe(
      true,
    );
    // The administrative check opened: its near-duplicate check runs in the background.
    expect(await runDueJobs(ctx.db, ctx.clock, nearDuplicateJobHandlers)).toEqual({ done: 1, failed: 0 });
  });

  it('makes the rows lazily for proposals received before the check existed', async () => {
    await ctx.db.deleteFrom('admin_checks').where('proposal_id', '=', p.b2.id).execute();
    const res = ok(await call(u.sec1, 'GET', `/competitions/${competitionId}/admin-checks`));
    expect(res.total).toBe(4);
    expect(res.counts.unchecked).toBe(4);
    const row = await ctx.db
      .selectFrom('proposal_fingerprints')
      .select('fingerprint')
      .where('proposal_id', '=', p.b2.id)
      .executeTakeFirstOrThrow();
    expect(row.fingerprint).toMatch(/^nd1\./);
  });

  it('filters the queue by text, institution and group, and pages it', async () => {
    const q = (qs: string) =>
      call(u.sec1, 'GET', `/competitions/${competitionId}/admin-checks?${qs}`).then(ok);
    expect((await q('q=posyandu')).items.map((i: { code: string }) => i.code)).toEqual([p.a2.code]);
    expect((await q('q=seleksi%20b')).total).toBe(2);
    const inst = (await q('q=posyandu')).items[0].institution.id;
    expect((await q(`institutionId=${inst}`)).total).toBe(2);
    expect((await q('groupKey=umum')).total).toBe(4);
    expect((await q('groupKey=replikasi')).total).toBe(0);
    const page2 = await q('pageSize=3&page=2');
    expect(page2.items.map((i: { code: string }) => i.code)).toEqual([p.b2.code]);
    expect(page2.total).toBe(4);
  });

  it('shows the automatic findings: the copied answer names the other proposal', async () => {
    const d = ok(await call(u.sec1, 'GET', `/admin-checks/${p.a1.id}`));
    const copy = d.checklist.find((c: { key: string }) => c.key === 'bukan_salinan');
    expect(copy.finding.ok).toBe(false);
    expect(copy.finding.notes[0].id).toContain(
      `Mirip dengan proposal ${p.b1.code} — Teks sama dengan proposal lain tahun ini`,
    );
    const own = ok(await call(u.sec1, 'GET', `/admin-checks/${p.a2.id}`));
    expect(own.checklist.find((c: { key: string }) => c.key === 'bukan_salinan').finding.ok).toBe(true);
    expect(own.checklist.find((c: { key: string }) => c.key === 'identitas_lengkap').finding.ok).toBe(true);
    expect(own.checklist.map((c: { key: string }) => c.key)).toEqual([
      'identitas_lengkap',
      'bukti_wajib',
      'judul_layak',
      'bukan_salinan',
      'ketentuan_kelompok',
    ]);
  });

  it('two members taking the next at once get different proposals; a held one refuses the other', async () => {
    const [x, y] = await Promise.all([
      call(u.sec1, 'POST', `/competitions/${competitionId}/admin-checks/next`).then(ok),
      call(u.sec2, 'POST', `/competitions/${competitionId}/admin-checks/next`).then(ok),
    ]);
    expect(x.proposalId).not.toBeNull();
    expect(y.proposalId).not.toBeNull();
    expect(x.proposalId).not.toBe(y.proposalId);
    const other = x.proposalId === p.a1.id ? u.sec2 : u.sec1;
    const holder = other === u.sec1 ? u.sec2 : u.sec1;
    const held = x.proposalId === p.a1.id ? x.proposalId : y.proposalId;
    const seen = ok(await call(other, 'GET', `/admin-checks/${held}`));
    expect(seen.check.claim.holder).toBe('other');
    expect(seen.check.claim.name).toMatch(/Sekretariat/);
    expect(seen.abilities.pass).toBe(false);
    const refused = await call(other, 'POST', `/admin-checks/${held}/decision`, { outcome: 'passed' });
    expect(refused.json().error.code, refused.body).toBe('claimed_by_other');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message.id).toMatch(/WIB/);
    // Taking again gives the same proposal back to its holder (no hoarding).
    expect(
      ok(await call(holder, 'POST', `/competitions/${competitionId}/admin-checks/next`)).proposalId,
    ).toBe(held);
    // Once the claim expired, the other member may decide it.
    ctx.clock.freeze(new Date(AFTER_CLOSING.getTime() + 21 * 60_000));
    const passed = ok(await call(other, 'POST', `/admin-checks/${held}/decision`, { outcome: 'passed' }));
    expect(passed.check.status).toBe('passed');
    expect(passed.check.claim.holder).toBe('free');
    // Changed until published: disqualify it instead, audited with before and after.
    const changed = ok(
      await call(holder, 'POST', `/admin-checks/${held}/decision`, {
        outcome: 'disqualified',
        reasonCode: 'judul_ganda',
        reasonText: 'Jawaban ringkasan sama dengan proposal lain.',
      }),
    );
    expect(changed.check).toMatchObject({ status: 'disqualified', reasonCode: 'judul_ganda' });
    expect(changed.history[0].summary).toMatchObject({
      before: { outcome: 'passed' },
      after: { outcome: 'disqualified' },
    });
    const state = await ctx.db
      .selectFrom('proposals')
      .select('state')
      .where('id', '=', held)
      .executeTakeFirstOrThrow();
    expect(state.state).toBe('received'); // staged: the publication moves it
    ctx.clock.freeze(AFTER_CLOSING);
    await ctx.db
      .updateTable('admin_checks')
      .set({ claimed_by: null, claimed_until: null })
      .where('competition_id', '=', competitionId)
      .execute();
  });

  it('refuses a disqualification without a reason text, naming the field in both languages', async () => {
    const res = await call(u.sec1, 'POST', `/admin-checks/${p.a2.id}/decision`, {
      outcome: 'disqualified',
      reasonCode: 'lainnya',
      reasonText: 'x',
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.fields.reasonText.message.id).toMatch(/alasan/);
    expect(res.json().error.fields.reasonText.message.en).toMatch(/reason/);
  });

  it('a completion request moves the proposal at once, mails and notifies the admin lokal; the admin lokal completes only the items', async () => {
    const bad = await call(u.sec1, 'POST', `/admin-checks/${p.a2.id}/completion-request`, {
      items: ['section:tidak_ada'],
      deadlineAt: inDays(3),
    });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toEqual(['items.0']);
    const deadlineAt = '2026-05-06T09:00:00.000Z'; // 6 Mei 2026 16.00 WIB
    const d = ok(
      await call(u.sec1, 'POST', `/admin-checks/${p.a2.id}/completion-request`, {
        items: ['section:ringkasan', 'field:contactPhone', 'checklist:bukti_wajib'],
        note: 'Ringkasan terlalu singkat; nomor telepon tidak aktif. <script>alert(1)</script>',
        deadlineAt,
      }),
    );
    expect(d.check.status).toBe('incomplete');
    expect(d.proposal.state).toBe('incomplete');
    const rev = await ctx.db
      .selectFrom('proposal_revisions')
      .select(['action'])
      .where('proposal_id', '=', p.a2.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(rev.action).toBe('requestCompletion');
    await ctx.deliverMail();
    const mail = await suite.smtp.waitFor(
      (m) => m.to.includes('admin.a@seleksi.go.id') && /dilengkapi/.test(m.subject),
    );
    expect(mail.subject).toContain(p.a2.code);
    expect(mail.text).toContain('Jawaban bagian "Ringkasan"');
    expect(mail.text).toContain('Isian "Telepon narahubung"');
    expect(mail.text).toContain('6 Mei 2026 16.00 WIB');
    // The note is typed text: inert in the mail's HTML.
    expect(mail.html).not.toContain('<script>alert(1)</script>');
    expect(mail.html).toContain('&lt;script&gt;');
    const notes = await ctx.db
      .selectFrom('notifications')
      .select(['kind', 'title_id'])
      .where('user_id', '=', u.adminA.id)
      .where('kind', '=', 'completion_requested')
      .execute();
    expect(notes).toHaveLength(1);

    // The admin lokal and the UPP see the request; only the admin lokal may act.
    const seen = ok(await call(u.adminA, 'GET', `/proposals/${p.a2.id}/completion`));
    expect(seen.request.items.map((i: { item: string }) => i.item)).toEqual([
      'section:ringkasan',
      'field:contactPhone',
      'checklist:bukti_wajib',
    ]);
    expect(seen.request.deadlineText.id).toBe('6 Mei 2026 16.00 WIB');
    expect(seen.abilities).toEqual({ save: true, submit: true });
    expect(ok(await call(u.uppA, 'GET', `/proposals/${p.a2.id}/completion`)).abilities).toEqual({
      save: false,
      submit: false,
    });
    expect((await call(u.uppA, 'POST', `/proposals/${p.a2.id}/completion/submit`)).statusCode).toBe(403);
    expect((await call(u.adminB, 'GET', `/proposals/${p.a2.id}/completion`)).statusCode).toBe(404);
    expect((await call(u.adminB, 'POST', `/proposals/${p.a2.id}/completion/submit`)).statusCode).toBe(404);

    const version = (
      await ctx.db
        .selectFrom('proposals')
        .select('version')
        .where('id', '=', p.a2.id)
        .executeTakeFirstOrThrow()
    ).version;
    const refused = await call(u.adminA, 'PATCH', `/proposals/${p.a2.id}/completion`, {
      version,
      title: 'Judul Baru',
      answers: [{ sectionKey: 'kebaruan', text: 'Diubah.' }],
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('not_requested');
    expect(Object.keys(refused.json().error.fields).sort()).toEqual(['sections.kebaruan', 'title']);
    const saved = ok(
      await call(u.adminA, 'PATCH', `/proposals/${p.a2.id}/completion`, {
        version,
        contactPhone: '081298765432',
        answers: [
          {
            sectionKey: 'ringkasan',
            text: 'Kader posyandu mencatat tumbuh kembang balita di aplikasi; orang tua menerima pengingat imunisasi dan jadwal posyandu lewat pesan singkat setiap bulan, dan puskesmas memantau balita berisiko.',
          },
        ],
      }),
    );
    expect(saved.version).toBe(version + 1);
    const row = await ctx.db
      .selectFrom('proposals')
      .select(['title', 'contact_phone', 'state'])
      .where('id', '=', p.a2.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ title: 'Posyandu Digital', contact_phone: '081298765432', state: 'incomplete' });

    const back = ok(await call(u.adminA, 'POST', `/proposals/${p.a2.id}/completion/submit`));
    expect(back.request.completedAt).not.toBeNull();
    const check = ok(await call(u.sec1, 'GET', `/admin-checks/${p.a2.id}`));
    expect(check.check).toMatchObject({ status: 'completed', round: 2, outcome: null });
    expect(check.check.completedAt).not.toBeNull();
    expect(check.proposal.state).toBe('received');
    expect(
      ok(await call(u.sec1, 'GET', `/competitions/${competitionId}/admin-checks?status=completed`)).items.map(
        (i: { code: string }) => i.code,
      ),
    ).toEqual([p.a2.code]);
    // Sent once: a second submit finds nothing open.
    expect((await call(u.adminA, 'POST', `/proposals/${p.a2.id}/completion/submit`)).json().error.code).toBe(
      'not_incomplete',
    );
    const passed = ok(await call(u.sec1, 'POST', `/admin-checks/${p.a2.id}/decision`, { outcome: 'passed' }));
    expect(passed.check.status).toBe('passed');
  });

  it('after the deadline the completion is refused with the deadline, and the secretariat may disqualify', async () => {
    ok(
      await call(u.sec1, 'POST', `/admin-checks/${p.b2.id}/completion-request`, {
        items: ['evidence:*'],
        deadlineAt: '2026-05-05T09:00:00.000Z',
      }),
    );
    const early = await call(u.sec1, 'POST', `/admin-checks/${p.b2.id}/decision`, {
      outcome: 'disqualified',
      reasonCode: 'tidak_dilengkapi',
      reasonText: 'Tidak dilengkapi sampai batas waktu.',
    });
    expect(early.json().error.code, early.body).toBe('completion_pending');
    ctx.clock.freeze(new Date('2026-05-05T09:00:01.000Z'));
    const late = await call(u.adminB, 'POST', `/proposals/${p.b2.id}/completion/submit`);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('completion_closed');
    expect(late.json().error.message.id).toContain('5 Mei 2026 16.00 WIB');
    const d = ok(
      await call(u.sec1, 'POST', `/admin-checks/${p.b2.id}/decision`, {
        outcome: 'disqualified',
        reasonCode: 'tidak_dilengkapi',
        reasonText: 'Tidak dilengkapi sampai batas waktu.',
      }),
    );
    expect(d.check).toMatchObject({ status: 'disqualified', reasonCode: 'tidak_dilengkapi' });
    ctx.clock.freeze(AFTER_CLOSING);
  });

  it('bulk pass previews the count and IDs, then skips what another member holds or what changed', async () => {
    // Reset to undecided for the bulk scenario.
    await ctx.db
      .updateTable('admin_checks')
      .set({ outcome: null, reason_code: null, reason_text: null })
      .where('proposal_id', 'in', [p.a1.id, p.b1.id])
      .execute();
    const preview = ok(
      await call(u.sec1, 'POST', `/competitions/${competitionId}/admin-checks/bulk/preview`, {
        filter: { status: 'unchecked' },
      }),
    );
    expect(preview.count).toBe(2);
    expect(preview.apply.map((r: { code: string }) => r.code)).toEqual([p.a1.code, p.b1.code]);
    // Meanwhile: the other member takes one.
    ok(await call(u.sec2, 'POST', `/admin-checks/${p.b1.id}/claim`));
    const applied = ok(
      await call(u.sec1, 'POST', `/competitions/${competitionId}/admin-checks/bulk/apply`, {
        rows: preview.apply,
      }),
    );
    expect(applied.passed.map((r: { code: string }) => r.code)).toEqual([p.a1.code]);
    expect(applied.skipped).toEqual([{ proposalId: p.b1.id, code: p.b1.code, reason: 'claimed_by_other' }]);
    // Applying the same preview again: the passed row changed since.
    const again = ok(
      await call(u.sec1, 'POST', `/competitions/${competitionId}/admin-checks/bulk/apply`, {
        rows: preview.apply.slice(0, 1),
      }),
    );
    expect(again.skipped[0].reason).toBe('changed');
    const outcome = await ctx.db
      .selectFrom('admin_checks')
      .select(['outcome', 'published_at'])
      .where('proposal_id', '=', p.a1.id)
      .executeTakeFirstOrThrow();
    expect(outcome).toEqual({ outcome: 'passed', published_at: null });
  });

  it('denies the queue and every row to the UPP, another admin lokal, another organizer and an evaluator', async () => {
    const routes: ['GET' | 'POST', string][] = [
      ['GET', `/competitions/${competitionId}/admin-checks`],
      ['POST', `/competitions/${competitionId}/admin-checks/next`],
      ['GET', `/admin-checks/${p.a1.id}`],
      ['POST', `/admin-checks/${p.a1.id}/decision`],
    ];
    for (const [method, url] of routes) {
      const body = method === 'POST' && url.endsWith('decision') ? { outcome: 'passed' } : undefined;
      expect((await call(u.secOther, method, url, body)).statusCode, `secOther ${url}`).toBe(404);
      expect([403, 404], `upp ${url}`).toContain((await call(u.uppA, method, url, body)).statusCode);
      expect([403, 404], `admin ${url}`).toContain((await call(u.adminB, method, url, body)).statusCode);
      expect([403, 404], `evaluator ${url}`).toContain(
        (await call(u.evaluator, method, url, body)).statusCode,
      );
    }
    const list = await call(u.secOther, 'GET', `/competitions/${competitionId}/admin-checks`);
    expect(list.body).not.toContain(p.a1.code);
  });
});
