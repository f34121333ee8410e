import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from './helpers/app.js';
import {
  lastAudit,
  makeInstitution,
  makeUnit,
  makeUser,
  publishedKipp,
  sessionCookie,
} from './helpers/fixtures.js';
import { insideStage, makeEvaluator, makeJudgedProposal, stageOf } from './helpers/judging.js';
import { pdfText } from './helpers/pdf.js';

/*
 * The selection's exports (issue 12 point 9) through the API on a real database: the XLSX of every score
 * of a scored stage (read back with exceljs, exact cells) and one evaluation's score sheet as PDF (its
 * text extracted), with who may have them: the organizer's secretariat; the evaluator for their own
 * submitted evaluation only; nobody else (404), and a draft has no sheet (409).
 */

const PAYLOAD = '<script>alert(1)</script> ) Tj /JavaScript (x)';
const FORMULA = '=HYPERLINK("http://contoh.id","klik")';

interface Criterion {
  id: number;
  labelId: string;
  labelEn: string;
  weight: number;
}

describe('exports of a scored stage', () => {
  let ctx: TestContext;
  let base: string;
  let competitionId: number;
  let stageId: number;
  let orgId: number;
  const cookies: Record<string, string> = {};
  const p: { id: number; code: string; title: string }[] = [];
  /** proposal id → its active assignments in id order, with the reviewer's name and session. */
  const byProposal = new Map<number, { id: number; reviewer: string; who: string }[]>();
  let criteria: Criterion[] = [];
  let institutionName: string;
  let groupName: { id: string; en: string };
  const totals = new Map<number, number>();

  const get = (who: string, url: string) =>
    ctx.app.inject({
      method: 'GET',
      url: `/api${url}`,
      headers: who === 'anonymous' ? {} : { cookie: cookies[who] },
    });
  const send = (who: string, method: 'PUT' | 'POST', url: string, payload: object) =>
    ctx.app.inject({ method, url: `/api${url}`, headers: { cookie: cookies[who] }, payload });

  /** Saves `values` (per criterion, by index) with a comment and evidence on the first; submits if told. */
  async function score(
    assignment: { id: number; who: string },
    values: (c: Criterion, i: number) => number,
    extra: { comment?: string; evidence?: boolean; submit: boolean },
  ) {
    const view = (await get(assignment.who, `/review/assignments/${assignment.id}`)).json();
    criteria = view.criteria;
    const save = await send(assignment.who, 'PUT', `/review/assignments/${assignment.id}/evaluation`, {
      version: view.evaluation.version,
      scores: view.criteria.map((c: Criterion, i: number) => ({
        criterionId: c.id,
        value: values(c, i),
        ...(i === 0 ? { comment: extra.comment ?? null, evidenceSupports: extra.evidence ?? null } : {}),
      })),
    });
    expect(save.statusCode, save.body).toBe(200);
    if (!extra.submit) return;
    const submit = await send(assignment.who, 'POST', `/review/assignments/${assignment.id}/submit`, {
      version: save.json().version,
    });
    expect(submit.statusCode, submit.body).toBe(200);
    totals.set(assignment.id, submit.json().total);
  }

  beforeAll(async () => {
    ctx = await createTestApp();
    const kipp = await publishedKipp(ctx.db, {
      organizerName: 'Kementerian PANRB Ekspor',
      now: new Date('2026-03-01T00:00:00Z'),
    });
    competitionId = kipp.competitionId;
    orgId = kipp.organizer.id;
    const stage = await stageOf(ctx.db, competitionId, 'evaluation_1');
    stageId = stage.id;
    base = `/competitions/${competitionId}/stages/${stageId}`;
    ctx.clock.freeze(insideStage(stage));
    const other = await publishedKipp(ctx.db, {
      organizerName: 'Pemerintah Provinsi Lain',
      now: new Date('2026-03-01T00:00:00Z'),
      year: 2027,
    });
    const inst = await makeInstitution(ctx.db, { name: 'Pemerintah Kota Uji Ekspor' });
    institutionName = inst.name;
    for (let i = 0; i < 3; i++)
      p.push(
        await makeJudgedProposal(ctx.db, {
          competitionId,
          institutionId: inst.id,
          title: `Inovasi Ekspor ${i}`,
        }),
      );
    const group = await ctx.db
      .selectFrom('competition_groups')
      .select(['name_id', 'name_en'])
      .where('competition_id', '=', competitionId)
      .where('key', '=', 'umum')
      .executeTakeFirstOrThrow();
    groupName = { id: group.name_id, en: group.name_en };
    const names = ['Evaluator Satu', 'Evaluator Dua', 'Evaluator Tiga'];
    const reviewers = new Map<number, { name: string; who: string }>();
    for (const [i, name] of names.entries()) {
      const u = await makeEvaluator(ctx.db, { competitionId, name });
      reviewers.set(u.id, { name, who: `e${i}` });
      cookies[`e${i}`] = await sessionCookie(ctx, u.id);
    }
    const unit = await makeUnit(ctx.db, inst.id);
    const upp = await makeUser(ctx.db, { role: 'upp', institutionId: inst.id, unitId: unit.id });
    const localAdmin = await makeUser(ctx.db, { role: 'local_admin', institutionId: inst.id });
    cookies.secretariat = await sessionCookie(ctx, kipp.secretariat.id);
    cookies.other = await sessionCookie(ctx, other.secretariat.id);
    cookies.upp = await sessionCookie(ctx, upp.id);
    cookies.localAdmin = await sessionCookie(ctx, localAdmin.id);
    cookies.systemAdmin = await sessionCookie(ctx, (await makeUser(ctx.db, { role: 'system_admin' })).id);
    const run = await send('secretariat', 'POST', `${base}/assignments/run`, {});
    expect(run.json()).toMatchObject({ ok: true, placed: 6 });
    const rows = await ctx.db
      .selectFrom('review_assignments')
      .select(['id', 'proposal_id', 'reviewer_id'])
      .where('stage_id', '=', stageId)
      .orderBy('id')
      .execute();
    for (const r of rows) {
      const who = reviewers.get(r.reviewer_id)!;
      byProposal.set(r.proposal_id, [
        ...(byProposal.get(r.proposal_id) ?? []),
        { id: r.id, reviewer: who.name, who: who.who },
      ]);
    }
    const [a0, a1] = byProposal.get(p[0]!.id)!;
    await score(a0!, (_, i) => (i === 0 ? 60 : 80), {
      comment: `${FORMULA} ${PAYLOAD}`,
      evidence: true,
      submit: true,
    });
    await score(a1!, () => 90, { evidence: false, submit: true });
    const [b0, b1] = byProposal.get(p[1]!.id)!;
    await score(b0!, () => 70, { submit: true });
    await score(b1!, () => 50, { comment: 'draf rahasia penilai', submit: false });
    const settings = await send('secretariat', 'PUT', `${base}/results/settings`, {
      passMark: 80,
      basis: 'raw',
    });
    expect(settings.statusCode).toBe(204);
  }, 60_000);
  afterAll(() => ctx.close());

  const workbookOf = async (body: Buffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as unknown as ArrayBuffer);
    return wb;
  };
  /** A row's cells from the first to the header's last column, empty cells as ''. */
  const rowValues = (sheet: ExcelJS.Worksheet, n: number) =>
    Array.from({ length: sheet.getRow(1).cellCount }, (_, i) => {
      const v = sheet.getRow(n).getCell(i + 1).value;
      return v === undefined || v === null ? '' : v;
    });

  it('gives the secretariat every evaluation by criterion and every proposal, in Bahasa Indonesia', async () => {
    const res = await get('secretariat', `${base}/scores.xlsx`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="sinovik-nilai-evaluation_1-/);
    const wb = await workbookOf(res.rawPayload);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Penilaian', 'Per proposal']);
    const [evals, perProposal] = wb.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet];

    const header = rowValues(evals, 1);
    const c0 = criteria[0]!;
    expect(header.slice(0, 7)).toEqual([
      'Kode',
      'Judul',
      'Instansi',
      'Kelompok',
      'Penilai',
      'Status',
      'Dikirim (WIB)',
    ]);
    expect(header.slice(7, 11)).toEqual([
      `${c0.labelId} — Nilai`,
      `${c0.labelId} — Bobot`,
      `${c0.labelId} — Bukti mendukung`,
      `${c0.labelId} — Komentar`,
    ]);
    // The columns are the union of the stage's criteria over its groups, by key.
    const keys = await ctx.db
      .selectFrom('rubric_criteria')
      .select('key')
      .distinct()
      .where('stage_id', '=', stageId)
      .execute();
    expect(keys.length).toBeGreaterThan(criteria.length);
    expect(header.length).toBe(7 + 4 * keys.length + 1);
    expect(header.at(-1)).toBe('Total tertimbang');
    // Six assignments: by proposal code, then assignment.
    expect(evals.rowCount).toBe(7);
    const [a0, a1] = byProposal.get(p[0]!.id)!;
    const first = rowValues(evals, 2);
    expect(first.slice(0, 6)).toEqual([
      p[0]!.code,
      p[0]!.title,
      institutionName,
      groupName.id,
      a0!.reviewer,
      'Dikirim',
    ]);
    expect(first[6]).toMatch(/^2026-\d\d-\d\d \d\d:\d\d WIB$/);
    // The first criterion: its score, weight, evidence and the comment as typed (a formula stays text).
    expect(first.slice(7, 11)).toEqual([60, c0.weight, 'Ya', `${FORMULA} ${PAYLOAD}`]);
    expect(evals.getRow(2).getCell(11).type).toBe(ExcelJS.ValueType.String);
    expect(first.slice(11, 13)).toEqual([80, criteria[1]!.weight]);
    expect(first.at(-1)).toBe(totals.get(a0!.id));
    const second = rowValues(evals, 3);
    expect(second.slice(4, 6)).toEqual([a1!.reviewer, 'Dikirim']);
    expect(second.slice(7, 11)).toEqual([90, c0.weight, 'Tidak', '']);
    expect(second.at(-1)).toBe(90);
    // The draft: its status, the weights, but none of its values or comments.
    const [, b1] = byProposal.get(p[1]!.id)!;
    const draft = rowValues(evals, 5);
    expect(draft.slice(4, 7)).toEqual([b1!.reviewer, 'Draf', '']);
    expect(draft.slice(7, 11)).toEqual(['', c0.weight, '', '']);
    expect(draft.at(-1)).toBe('');
    const everyCell: string[] = [];
    for (const sheet of wb.worksheets)
      sheet.eachRow((row) => row.eachCell((cell) => everyCell.push(String(cell.value))));
    expect(everyCell.some((v) => v.includes(FORMULA))).toBe(true);
    expect(everyCell.some((v) => v.includes('draf rahasia'))).toBe(false);
    const untouched = rowValues(evals, 6);
    expect(untouched.slice(0, 6)).toEqual([
      p[2]!.code,
      p[2]!.title,
      institutionName,
      groupName.id,
      untouched[4],
      'Belum mulai',
    ]);

    const pHeader = rowValues(perProposal, 1);
    expect(pHeader).toEqual([
      'Kode',
      'Judul',
      'Instansi',
      'Kelompok',
      'Penilai 1',
      'Total 1',
      'Penilai 2',
      'Total 2',
      'Nilai mentah',
      'Nilai ternormalisasi',
      'Nilai yang dihitung',
      'Dasar',
      'Status',
      'Penilai ketiga',
      'Lulus nilai batas',
      'Hasil',
      'Penjelasan',
    ]);
    expect(perProposal.rowCount).toBe(4);
    const t0 = totals.get(a0!.id)!;
    const raw = Math.round(((t0 + 90) / 2) * 100) / 100;
    const scored = rowValues(perProposal, 2);
    expect(scored.slice(0, 16)).toEqual([
      p[0]!.code,
      p[0]!.title,
      institutionName,
      groupName.id,
      a0!.reviewer,
      t0,
      a1!.reviewer,
      90,
      raw,
      raw,
      raw,
      'Mentah',
      'Dinilai',
      'Tidak',
      raw >= 80 ? 'Ya' : 'Tidak',
      'Belum ditetapkan',
    ]);
    expect(String(scored[16])).toContain('Rata-rata dari 2 nilai');
    const waiting = rowValues(perProposal, 3);
    expect(waiting.slice(4, 16)).toEqual([
      byProposal.get(p[1]!.id)![0]!.reviewer,
      70,
      b1!.reviewer,
      '',
      '',
      '',
      '',
      'Mentah',
      'Menunggu penilaian',
      'Tidak',
      '',
      'Belum ditetapkan',
    ]);
    const audit = await lastAudit(ctx.db);
    expect(audit).toMatchObject({
      action: 'scores.exported',
      entity_type: 'stage',
      entity_id: String(stageId),
    });
  });

  it('writes the headers in English when asked', async () => {
    const res = await get('secretariat', `${base}/scores.xlsx?lang=en`);
    expect(res.statusCode).toBe(200);
    const wb = await workbookOf(res.rawPayload);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Evaluations', 'Per proposal']);
    const [evals, perProposal] = wb.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet];
    expect(rowValues(evals, 1).slice(0, 7)).toEqual([
      'Code',
      'Title',
      'Institution',
      'Group',
      'Evaluator',
      'Status',
      'Submitted (WIB)',
    ]);
    expect(rowValues(evals, 1)[7]).toBe(`${criteria[0]!.labelEn} — Score`);
    expect(rowValues(evals, 2).slice(3, 6)).toEqual([
      groupName.en,
      byProposal.get(p[0]!.id)![0]!.reviewer,
      'Submitted',
    ]);
    expect(rowValues(perProposal, 2).slice(11, 16)).toEqual(['Raw', 'Scored', 'No', 'Yes', 'Not decided']);
  });

  it('is nobody else’s: another organizer’s secretariat, the evaluators, a UPP, an admin lokal (404)', async () => {
    for (const who of ['other', 'e0', 'e1', 'upp', 'localAdmin']) {
      const res = await get(who, `${base}/scores.xlsx`);
      expect(res.statusCode, who).toBe(404);
    }
    expect((await get('anonymous', `${base}/scores.xlsx`)).statusCode).toBe(401);
    // The submission stage is no scored stage.
    const submission = await stageOf(ctx.db, competitionId, 'submission');
    expect(
      (await get('secretariat', `/competitions/${competitionId}/stages/${submission.id}/scores.xlsx`))
        .statusCode,
    ).toBe(404);
  });

  it('gives the evaluator the score sheet of their own submitted evaluation, exactly', async () => {
    const [a0] = byProposal.get(p[0]!.id)!;
    const res = await get(a0!.who, `/review/assignments/${a0!.id}/score-sheet.pdf`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="lembar-nilai-${p[0]!.code}-evaluation_1.pdf"`,
    );
    const text = pdfText(res.rawPayload);
    const lines = text.split('\n');
    for (const s of [
      'LEMBAR PENILAIAN',
      'Score sheet',
      p[0]!.code,
      p[0]!.title,
      institutionName,
      `${groupName.id} / ${groupName.en}`,
      a0!.reviewer,
      criteria[0]!.labelId,
      criteria[0]!.labelEn,
    ])
      expect(lines, s).toContain(s);
    const t0 = totals.get(a0!.id)!;
    expect(lines).toContain(
      `Nilai total tertimbang / Weighted total: ${t0.toFixed(2).replace('.', ',')} (${t0.toFixed(2)})`,
    );
    // The first criterion's row: number, label, weight, score, evidence; its comment below, as typed.
    const at = lines.indexOf(criteria[0]!.labelId);
    expect(lines.slice(at - 1, at + 4)).toEqual([
      '1',
      criteria[0]!.labelId,
      `${criteria[0]!.weight},00`,
      '60,00',
      'Ya / Yes',
    ]);
    expect(text.replace(/\n/g, '')).toContain(`Komentar / Comment: ${FORMULA} ${PAYLOAD}`);
    expect(res.rawPayload.toString('latin1')).not.toMatch(/\/JavaScript|\/JS\s*\(|\/OpenAction|\/URI/);
    // Submitted with hour and zone, in both languages.
    expect(text).toMatch(/Dikirim \/ Submitted/);
    expect(text).toMatch(/\d{2}[.:]\d{2} WIB \/ .*\d{2}:\d{2} WIB/);
    expect((await lastAudit(ctx.db)).action).toBe('evaluation.sheet_downloaded');
  });

  it('gives the secretariat any submitted sheet; a draft has none (409); nobody else has any (404)', async () => {
    const [a0, a1] = byProposal.get(p[0]!.id)!;
    const own = await get('secretariat', `/review/assignments/${a1!.id}/score-sheet.pdf`);
    expect(own.statusCode).toBe(200);
    expect(pdfText(own.rawPayload).split('\n')).toContain(a1!.reviewer);
    const [, b1] = byProposal.get(p[1]!.id)!;
    for (const who of ['secretariat', b1!.who]) {
      const draft = await get(who, `/review/assignments/${b1!.id}/score-sheet.pdf`);
      expect(draft.statusCode, who).toBe(409);
      expect(draft.json().error.code).toBe('evaluation_not_submitted');
      expect(draft.json().error.message.id).toContain('setelah penilaian dikirim');
      expect(draft.json().error.message.en).toContain('once the evaluation is submitted');
    }
    // Another evaluator's sheet, even of a proposal they score too; another organizer; a UPP; an admin lokal.
    const stranger = a0!.who === 'e0' ? (a1!.who === 'e1' ? 'e2' : 'e1') : 'e0';
    for (const [who, id] of [
      [a1!.who, a0!.id],
      [stranger, a0!.id],
      ['other', a0!.id],
      ['upp', a0!.id],
      ['localAdmin', a0!.id],
    ] as const) {
      const res = await get(who, `/review/assignments/${id}/score-sheet.pdf`);
      expect(res.statusCode, `${who} → ${id}`).toBe(404);
      expect(res.body).not.toContain('%PDF');
    }
    expect((await get('anonymous', `/review/assignments/${a0!.id}/score-sheet.pdf`)).statusCode).toBe(401);
    expect(orgId).toBeGreaterThan(0);
  });

  it('tells the pages where the buttons go: the secretariat’s progress and results, not the system administrator’s', async () => {
    const progress = (await get('secretariat', `${base}/progress`)).json();
    expect(progress.abilities).toEqual({ exportScores: true });
    const [a0, a1] = byProposal.get(p[0]!.id)!;
    const row = progress.proposals.find((x: { id: number }) => x.id === p[0]!.id);
    expect(row.reviewers.map((r: { assignmentId: number }) => r.assignmentId)).toEqual([a0!.id, a1!.id]);
    expect((await get('secretariat', `${base}/results`)).json().abilities.exportScores).toBe(true);
    const admin = await get('systemAdmin', `${base}/progress`);
    expect(admin.statusCode).toBe(200);
    expect(admin.json().abilities).toEqual({ exportScores: false });
    expect((await get('systemAdmin', `${base}/scores.xlsx`)).statusCode).toBe(404);
  });
});
