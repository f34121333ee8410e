import { beforeAll, describe, expect, it } from 'vitest';
import { selectFinalists } from '../src/domain/shortlist/select.js';
import { appWithSmtpCapture } from './helpers/app.js';
import {
  countRows,
  lastAudit,
  makeInstitution,
  makeUser,
  publishedKipp,
  sessionCookie,
} from './helpers/fixtures.js';
import { decideEvidenceStage, insertObjection, setObjectionWindow } from './helpers/finalists.js';
import { makeJudgedProposal } from './helpers/judging.js';
import { pdfText } from './helpers/pdf.js';

/*
 * The finalists (issue 12 points 7–8) through the API: settings checked field by field, candidates from the
 * evidence stage, the staged computation equal to the solver's answer, the provisional publication (states,
 * announcement, one publication when raced), the final list after the uji publik with an upheld objection's
 * finalist absent and the admin lokal told, and the denials.
 */

const LETTER = 'B/201/PP.00.05/2026';
/** Typed text stays text in the mail (escaped in its HTML), the page and the PDF. */
const DECREE = 'Keputusan Menteri PANRB Nomor 123 Tahun 2026 <b>SK</b>';

describe('the finalists', () => {
  const suite = appWithSmtpCapture();
  const s = {} as {
    competitionId: number;
    secId: number;
    cookies: Record<
      'sec' | 'sec2' | 'other' | 'adminX' | 'adminY' | 'evaluator' | 'panelist' | 'sysadmin',
      string
    >;
    ids: Record<
      'sec' | 'sec2' | 'other' | 'adminX' | 'adminY' | 'evaluator' | 'panelist' | 'sysadmin',
      number
    >;
    p: Record<'y95' | 'y90' | 'z88' | 'x80' | 'x70' | 'z60', { id: number; code: string }>;
    emails: Record<'adminX' | 'adminY', string>;
    version: number;
  };
  /** Sessions started at the app's clock (again after the clock moves past the uji publik). */
  const logInAll = async () => {
    s.cookies = {} as typeof s.cookies;
    for (const [k, id] of Object.entries(s.ids))
      s.cookies[k as keyof typeof s.cookies] = await sessionCookie(suite.ctx, id);
  };
  const base = () => `/api/competitions/${s.competitionId}/finalists`;
  const inject = (method: 'GET' | 'PUT' | 'POST', url: string, cookie?: string, payload?: unknown) =>
    suite.ctx.app.inject({
      method,
      url,
      headers: cookie ? { cookie } : {},
      ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
    });
  const settings = {
    perGroup: { umum: 3, replikasi: 0, khusus: 0 },
    passMark: 65,
    quotas: [
      { key: 'min-3t', dimension: 'is3T', value: 'true', min: 1, labelId: 'daerah 3T', labelEn: '3T areas' },
    ],
    threeTRegions: ['91'],
  };

  beforeAll(async () => {
    const { db } = suite.ctx;
    const now = suite.ctx.clock.now();
    const k = await publishedKipp(db, { organizerName: 'Kementerian Finalis Uji', now });
    s.competitionId = k.competitionId;
    s.secId = k.secretariat.id;
    const sec2 = await makeUser(db, { role: 'secretariat', institutionId: k.organizer.id });
    const other = await makeInstitution(db, { type: 'kementerian', name: 'Kementerian Lain Finalis' });
    const otherSec = await makeUser(db, { role: 'secretariat', institutionId: other.id });
    const X = await makeInstitution(db, { name: 'Pemerintah Kabupaten Jayapura Uji', regionCode: '91.03' });
    const Y = await makeInstitution(db, {
      name: 'Pemerintah Kota Bandung Uji',
      type: 'pemerintah_kota',
      regionCode: '32.73',
    });
    const Z = await makeInstitution(db, { name: 'Pemerintah Kabupaten Semarang Uji', regionCode: '33.22' });
    const adminX = await makeUser(db, {
      role: 'local_admin',
      institutionId: X.id,
      email: 'admin-x@finalis.go.id',
    });
    const adminY = await makeUser(db, {
      role: 'local_admin',
      institutionId: Y.id,
      email: 'admin-y@finalis.go.id',
    });
    await db.updateTable('users').set({ locale: 'en' }).where('id', '=', adminY.id).execute();
    const evaluator = await makeUser(db, { role: 'evaluator', competitionId: k.competitionId });
    const panelist = await makeUser(db, { role: 'panelist', competitionId: k.competitionId });
    const sysadmin = await makeUser(db, { role: 'system_admin' });
    s.emails = { adminX: adminX.email, adminY: adminY.email };
    s.ids = {
      sec: k.secretariat.id,
      sec2: sec2.id,
      other: otherSec.id,
      adminX: adminX.id,
      adminY: adminY.id,
      evaluator: evaluator.id,
      panelist: panelist.id,
      sysadmin: sysadmin.id,
    };
    await logInAll();
    const make = async (institutionId: number, title: string) => {
      const p = await makeJudgedProposal(db, { competitionId: k.competitionId, institutionId, title });
      return { id: p.id, code: p.code };
    };
    s.p = {
      y95: await make(Y.id, 'Layanan Kota Cepat'),
      y90: await make(Y.id, 'Perizinan Kota Mudah'),
      z88: await make(Z.id, 'Air Bersih Desa'),
      x80: await make(X.id, 'Puskesmas Keliling Pegunungan'),
      x70: await make(X.id, 'Sekolah Rakit'),
      z60: await make(Z.id, 'Pasar Daring'),
    };
  });

  it('refuses to compute before the evidence stage is decided, naming it', async () => {
    const res = await inject('POST', `${base()}/compute`, s.cookies.sec);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('evidence_stage_not_decided');
    expect(res.json().error.message.id).toContain('belum ditetapkan');
    const page = await inject('GET', base(), s.cookies.sec);
    expect(page.json()).toMatchObject({
      evidenceStage: { decided: false },
      selection: null,
      abilities: { edit: true, compute: false, publish: false, fix: false },
    });
  });

  it('checks the settings field by field in both languages, saving nothing when one is wrong', async () => {
    const bad = await inject('PUT', `${base()}/settings`, s.cookies.sec, {
      ...settings,
      perGroup: { umum: 3, daerah: 2 },
      quotas: [{ key: 'min-3t', dimension: 'is3T', value: 'true', min: 4, max: 2 }],
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.fields;
    expect(fields['perGroup.daerah'].code).toBe('unknown_group');
    expect(fields['quotas.0.min']).toMatchObject({ code: 'min_above_max' });
    expect(fields['quotas.0.min'].message.en).toContain('above the maximum');
    const page = await inject('GET', base(), s.cookies.sec);
    expect(page.json().settings).toMatchObject({
      perGroup: { umum: 99, replikasi: 15, khusus: 15 },
      quotas: [],
    });

    const ok = await inject('PUT', `${base()}/settings`, s.cookies.sec, settings);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ perGroup: { umum: 3 }, passMark: 65, threeTRegions: ['91'] });
    expect((await lastAudit(suite.ctx.db))?.action).toBe('finalists.settings_saved');
  });

  it('computes from the evidence stage and stores lines equal to the solver’s answer', async () => {
    const { db } = suite.ctx;
    const { p } = s;
    await decideEvidenceStage(db, {
      competitionId: s.competitionId,
      decidedBy: s.secId,
      now: suite.ctx.clock.now(),
      results: [
        { proposalId: p.y95.id, score: 95 },
        { proposalId: p.y90.id, score: 90 },
        { proposalId: p.z88.id, score: 88 },
        { proposalId: p.x80.id, score: 80 },
        { proposalId: p.x70.id, score: 70 },
        { proposalId: p.z60.id, score: 60, outcome: 'stopped' },
      ],
    });
    const res = await inject('POST', `${base()}/compute`, s.cookies.sec);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ feasible: true, selected: 3, added: 1, removed: 1, candidates: 5 });
    s.version = res.json().version;

    // The same input straight to the solver: the stored lines are its explanations.
    const types: Record<number, string> = { [p.y95.id]: 'pemerintah_kota', [p.y90.id]: 'pemerintah_kota' };
    const region: Record<number, string> = {
      [p.y95.id]: '32.73',
      [p.y90.id]: '32.73',
      [p.z88.id]: '33.22',
      [p.x80.id]: '91.03',
      [p.x70.id]: '91.03',
    };
    const scores: [number, number][] = [
      [p.y95.id, 95],
      [p.y90.id, 90],
      [p.z88.id, 88],
      [p.x80.id, 80],
      [p.x70.id, 70],
    ];
    const umum = await db
      .selectFrom('competition_groups')
      .select(['name_id', 'name_en'])
      .where('competition_id', '=', s.competitionId)
      .where('key', '=', 'umum')
      .executeTakeFirstOrThrow();
    const direct = await selectFinalists({
      candidates: scores.map(([id, score]) => ({
        id,
        score,
        groupKey: 'umum',
        categoryKey: '',
        participantType: types[id] ?? 'pemerintah_kabupaten',
        regionCode: region[id]!,
      })),
      passMark: 65,
      perGroup: settings.perGroup,
      quotas: [
        {
          key: 'min-3t',
          dimension: 'is3T',
          value: 'true',
          group: null,
          min: 1,
          max: null,
          label: { id: 'daerah 3T', en: '3T areas' },
        },
      ],
      threeTRegions: ['91'],
      // The explanations name the group as the competition does ("kelompok Umum"), not by its key.
      groupLabels: { umum: { id: umum.name_id, en: umum.name_en } },
    });
    if (!direct.feasible) throw new Error('expected a feasible instance');
    expect(direct.explanations[0]!.text.id).toContain(`di kelompok ${umum.name_id} (`);
    expect([...direct.selected].sort()).toEqual([p.y95.id, p.y90.id, p.x80.id].sort());
    const lines = await db.selectFrom('finalist_lines').selectAll().orderBy('proposal_id').execute();
    expect(lines).toHaveLength(5);
    const byId = new Map(direct.explanations.map((e) => [e.id, e]));
    for (const l of lines) {
      const e = byId.get(l.proposal_id)!;
      expect({
        score: l.score,
        rank: l.rank_in_group,
        passes: l.passes_mark === 1,
        plain: l.in_plain_top === 1,
        selected: l.selected === 1,
        reason: l.reason,
        quotas: JSON.parse(l.quotas),
        text: { id: l.explanation_id, en: l.explanation_en },
      }).toEqual({
        score: e.score,
        rank: e.rankInGroup,
        passes: e.passesMark,
        plain: e.inPlainTop,
        selected: e.selected,
        reason: e.reason,
        quotas: e.quotas,
        text: e.text,
      });
    }
    expect(byId.get(p.x80.id)!.reason).toBe('quota_min');
    expect(byId.get(p.z88.id)!.reason).toBe('displaced');

    const page = await inject('GET', `${base()}?filter=added`, s.cookies.sec);
    expect(page.json()).toMatchObject({
      candidates: 5,
      selection: {
        version: s.version,
        feasible: true,
        stale: false,
        groups: [{ key: 'umum', places: 3, selected: 3, plainTop: 3, added: 1, removed: 1 }, {}, {}],
        quotaOutcomes: [{ key: 'min-3t', min: 1, available: 2, plainCount: 0, selectedCount: 1 }],
      },
      lines: { matching: 1, rows: [{ proposal: { id: p.x80.id }, reason: 'quota_min' }] },
      abilities: { publish: true },
    });
    expect(page.json().lines.rows[0].explanation.id).toContain('3T');
    const search = await inject('GET', `${base()}?q=air%20bersih`, s.cookies.sec);
    expect(search.json().lines.rows.map((r: { proposal: { id: number } }) => r.proposal.id)).toEqual([
      p.z88.id,
    ]);

    // A recompute replaces the lines (same count, version + 1).
    const again = await inject('POST', `${base()}/compute`, s.cookies.sec);
    expect(again.json().version).toBe(s.version + 1);
    s.version = again.json().version;
    expect(await countRows(db, 'finalist_lines')).toBe(5);
  });

  it('refuses to publish without the uji publik scheduled, or with a stale version', async () => {
    const res = await inject('POST', `${base()}/publish`, s.cookies.sec, {
      letterNumber: LETTER,
      version: s.version,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('objection_window_unscheduled');
    const now = suite.ctx.clock.now();
    await setObjectionWindow(suite.ctx.db, {
      competitionId: s.competitionId,
      opensAt: new Date(now.getTime() - 3600_000),
      closesAt: new Date(now.getTime() + 5 * 86400_000),
    });
    const stale = await inject('POST', `${base()}/publish`, s.cookies.sec, {
      letterNumber: LETTER,
      version: s.version - 1,
    });
    expect(stale.json().error.code).toBe('selection_changed');
    const badLetter = await inject('POST', `${base()}/publish`, s.cookies.sec, {
      letterNumber: 'surat',
      version: s.version,
    });
    expect(badLetter.statusCode).toBe(400);
    expect(badLetter.json().error.fields.letterNumber).toBeDefined();
    expect(await countRows(suite.ctx.db, 'announcements')).toBe(0);
  });

  it('two secretariat members publishing at once publish once: states, announcement with objection links', async () => {
    const { db } = suite.ctx;
    const revisions = await countRows(db, 'proposal_revisions');
    const payload = { letterNumber: LETTER, version: s.version };
    const [a, b] = await Promise.all([
      inject('POST', `${base()}/publish`, s.cookies.sec, payload),
      inject('POST', `${base()}/publish`, s.cookies.sec2, payload),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().error.code).toBe('already_published');
    expect((a.statusCode === 200 ? a : b).json()).toMatchObject({ moved: 3, announcement: { entries: 3 } });
    expect(await countRows(db, 'announcements')).toBe(1);
    expect((await countRows(db, 'proposal_revisions')) - revisions).toBe(3);
    const states = await db
      .selectFrom('proposals')
      .select(['id', 'state'])
      .where('competition_id', '=', s.competitionId)
      .orderBy('id')
      .execute();
    const finalists = states.filter((r) => r.state === 'finalist').map((r) => r.id);
    expect(finalists.sort()).toEqual([s.p.y95.id, s.p.y90.id, s.p.x80.id].sort());
    expect((await lastAudit(db))?.action).toBe('finalists.provisional_published');

    const pub = await inject(
      'GET',
      `/api/competitions/${s.competitionId}/announcements/finalists_provisional`,
    );
    expect(pub.statusCode).toBe(200);
    expect(pub.json().announcement.letterNumber).toBe(LETTER);
    expect(
      pub
        .json()
        .rows.map((r: { proposalId: number }) => r.proposalId)
        .sort(),
    ).toEqual(finalists);
    expect(pub.json().rows[0]).toMatchObject({ code: expect.any(String), group: { id: expect.any(String) } });

    const pdf = await inject(
      'GET',
      `/api/competitions/${s.competitionId}/announcements/finalists_provisional/pdf`,
    );
    expect(pdf.statusCode).toBe(200);
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Daftar finalis sementara (3)');
    expect(text).toContain(LETTER);

    const recompute = await inject('POST', `${base()}/compute`, s.cookies.sec);
    expect(recompute.json().error.code).toBe('finalists_published');
    const resave = await inject('PUT', `${base()}/settings`, s.cookies.sec, settings);
    expect(resave.json().error.code).toBe('finalists_published');
  });

  it('fixes the final list only after the uji publik, without the upheld objection’s finalist, and tells every admin lokal', async () => {
    const { db } = suite.ctx;
    const objection = await insertObjection(db, {
      competitionId: s.competitionId,
      proposalId: s.p.x80.id,
      status: 'forwarded',
      now: suite.ctx.clock.now(),
    });
    const early = await inject('POST', `${base()}/final`, s.cookies.sec, { decreeNumber: DECREE });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('not_ready_final');
    expect(early.json().error.message.id).toMatch(/baru ditutup .*WIB/);
    expect(early.json().error.message.id).toContain('1 keberatan belum selesai');

    const decided = await inject('POST', `/api/objections/${objection}/decide`, s.cookies.panelist, {
      outcome: 'upheld',
      reason: 'Inovasi ini terbukti bukan karya instansi pengusul menurut bukti yang diajukan.',
      version: 1,
    });
    expect(decided.statusCode).toBe(200);
    suite.ctx.clock.freeze(new Date(suite.ctx.clock.now().getTime() + 6 * 86400_000));
    await logInAll();
    const page = await inject('GET', base(), s.cookies.sec);
    expect(page.json().closing).toMatchObject({ ready: true, blockers: [], finalists: 2, removed: 1 });
    // The explanation of the removed finalist says the objection took it off; the kept ones do not.
    const lines = page.json().lines.rows as { proposal: { id: number }; removedByObjection: boolean }[];
    expect(lines.filter((l) => l.removedByObjection).map((l) => l.proposal.id)).toEqual([s.p.x80.id]);

    const noDecree = await inject('POST', `${base()}/final`, s.cookies.sec, { decreeNumber: '' });
    expect(noDecree.statusCode).toBe(400);
    expect(noDecree.json().error.fields.decreeNumber).toBeDefined();

    const res = await inject('POST', `${base()}/final`, s.cookies.sec, { decreeNumber: DECREE });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ finalists: 2, removed: 1, mails: 2, institutions: 2 });
    const again = await inject('POST', `${base()}/final`, s.cookies.sec, { decreeNumber: DECREE });
    expect(again.json().error.code).toBe('already_published');

    const pub = await inject('GET', `/api/competitions/${s.competitionId}/announcements/finalists_final`);
    expect(pub.json().announcement.letterNumber).toBe(DECREE);
    expect(
      pub
        .json()
        .rows.map((r: { proposalId: number }) => r.proposalId)
        .sort(),
    ).toEqual([s.p.y95.id, s.p.y90.id].sort());
    expect((await lastAudit(db))?.action).toBe('finalists.final_published');

    await suite.ctx.deliverMail();
    const x = await suite.smtp.waitFor(
      (m) => m.to.includes(s.emails.adminX) && m.subject.startsWith('Daftar finalis akhir'),
    );
    expect(x.subject).toBe(
      'Daftar finalis akhir ' + (await competitionName()) + ': Pemerintah Kabupaten Jayapura Uji',
    );
    expect(x.text).toContain(DECREE);
    expect(x.html).toContain('Nomor 123 Tahun 2026 &lt;b&gt;SK&lt;/b&gt;');
    expect(x.html).not.toContain('<b>SK');
    expect(x.text).toContain('Dikeluarkan dari daftar finalis karena keberatan uji publik diterima (1):');
    expect(x.text).toContain(`${s.p.x80.code} — Puskesmas Keliling Pegunungan`);
    expect(x.text).toContain('Tidak terpilih sebagai finalis (1):');
    expect(x.text).toContain(`${s.p.x70.code} — Sekolah Rakit`);
    expect(x.text).toMatch(/WIB/);
    const y = await suite.smtp.waitFor(
      (m) => m.to.includes(s.emails.adminY) && m.subject.startsWith('Final finalists'),
    );
    expect(y.subject).toMatch(/^Final finalists of .*: Pemerintah Kota Bandung Uji$/);
    expect(y.text).toContain('Finalists (2):');
    expect(y.text).not.toContain(s.p.x80.code);
    // In the app: the admin lokal reads the outcome on the proposal (Finalis), and the removed one is not.
    const kept = await inject('GET', `/api/proposals/${s.p.y95.id}`, s.cookies.adminY);
    expect(kept.json()).toMatchObject({ state: 'finalist', stateLabel: { id: 'Finalis' } });
    const removed = await inject('GET', `/api/proposals/${s.p.x80.id}`, s.cookies.adminX);
    expect(removed.json().state).toBe('passed_admin');
    const notices = await db
      .selectFrom('notifications')
      .select('title_id')
      .where('kind', '=', 'finalists_final_published')
      .execute();
    expect(notices).toHaveLength(2);
  });

  async function competitionName() {
    const c = await suite.ctx.db
      .selectFrom('competitions')
      .select('name')
      .where('id', '=', s.competitionId)
      .executeTakeFirstOrThrow();
    return c.name;
  }

  it.each([
    ['another organizer’s secretariat', 'other', 404],
    ['an admin lokal', 'adminX', 403],
    ['an evaluator', 'evaluator', 403],
    ['a panelist', 'panelist', 403],
    ['the system administrator', 'sysadmin', 403],
    ['an anonymous visitor', null, 401],
  ] as const)('denies %s every finalists route', async (_who, key, status) => {
    const cookie = key ? s.cookies[key] : undefined;
    for (const [method, url, payload] of [
      ['GET', base(), undefined],
      ['PUT', `${base()}/settings`, settings],
      ['POST', `${base()}/compute`, undefined],
      ['POST', `${base()}/publish`, { letterNumber: LETTER, version: 1 }],
      ['POST', `${base()}/final`, { decreeNumber: DECREE }],
    ] as const)
      expect((await inject(method, url, cookie, payload)).statusCode, `${method} ${url}`).toBe(status);
  });
});
