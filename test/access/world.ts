import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { LightMyRequestResponse } from 'fastify';
import { createFromTemplate } from '../../src/modules/competitions/commands/create-from-template.js';
import type { TestContext } from '../helpers/app.js';
import { uploadRequiredEvidence } from '../helpers/evidence.js';
import { makeInstitution, makeUnit, makeUser, publishedKipp, sessionCookie } from '../helpers/fixtures.js';
import { samplePdf } from '../../src/seed/sample-pdf.js';
import { filesUnder, multipartForm, PNG } from '../helpers/multipart.js';
import { insertObjection, makeFinalist, publishProvisionalFinalists } from '../helpers/finalists.js';
import { insertFileRow, withStagedFile } from '../../src/platform/blobs.js';
import { assignReviewer, passedProposal, stageOf } from '../helpers/review.js';
import { saveEvaluation } from '../../src/modules/review/commands/save-evaluation.js';

/*
 * One small installation in which every role meets objects it may see and objects it may not: two
 * organizers (A runs a published KIPP, B a published provincial competition), two participating
 * institutions (X takes part in A; Y takes part in A and in B), and an account of every role. Texts of
 * objects that are private to one scope carry a marker (a "canary") naming that scope, so a test can check
 * that no answer given to a role carries a marker the role may not see.
 */

/** Inside the KIPP 2026 template's submission window (15 March – 2 May 2026 23:59 WIB). */
export const WORLD_NOW = new Date('2026-04-01T03:00:00.000Z');

/** The actors of the matrix (issue 9): every role, the secretariat twice (own organizer and another). */
export const ACTORS = [
  'anonymous',
  'upp',
  'local_admin',
  'secretariat',
  'secretariat_other',
  'evaluator',
  'panelist',
  'data_steward',
  'system_admin',
] as const;
export type ActorName = (typeof ACTORS)[number];

/**
 * Markers of private texts, and who of the actors may read each. Institution names, unit names of the
 * registry and published competitions are public reference data and carry no marker.
 */
export const CANARIES = {
  /** X's draft in A: its unit (upp), its admin lokal. */
  xDraft: { marker: 'KANARI-XDRAF', readers: ['upp', 'local_admin', 'system_admin'] },
  /** X's proposal forwarded to A: also A's secretariat. */
  xForwarded: { marker: 'KANARI-XTERUS', readers: ['upp', 'local_admin', 'secretariat', 'system_admin'] },
  /** Y's draft in A: nobody of the actors but the system administrator. */
  yDraft: { marker: 'KANARI-YDRAF', readers: ['system_admin'] },
  /** Y's proposal forwarded to B: B's secretariat. */
  yForwardedB: { marker: 'KANARI-YTERUSB', readers: ['secretariat_other', 'system_admin'] },
  /** The people of Y (names): who may see Y's proposals in B (as their authors), nobody else. */
  yPeople: { marker: 'KANARI-YORANG', readers: ['secretariat_other', 'system_admin'] },
  /** Who asked for an admin-lokal account of Y: the owners of reference data. */
  yApplicant: { marker: 'KANARI-YPEMOHON', readers: ['data_steward', 'system_admin'] },
  /** A's draft competition (not published): A's secretariat. */
  aDraftCompetition: { marker: 'KANARI-ADRAFKOMP', readers: ['secretariat', 'system_admin'] },
  /** B's draft competition (not published): B's secretariat. */
  bDraftCompetition: { marker: 'KANARI-BDRAFKOMP', readers: ['secretariat_other', 'system_admin'] },
} as const satisfies Record<string, { marker: string; readers: readonly ActorName[] }>;

export interface World {
  ctx: TestContext;
  cookies: Record<Exclude<ActorName, 'anonymous'>, string>;
  userIds: Record<Exclude<ActorName, 'anonymous'>, number>;
  orgA: number;
  orgB: number;
  compA: number;
  compB: number;
  compADraft: number;
  compBDraft: number;
  instX: number;
  unitX: number;
  instY: number;
  unitY: number;
  /** Proposals: X's draft, sent and forwarded in A; Y's draft in A and forwarded in B. */
  pXDraft: { id: number; version: number };
  pXSent: { id: number; version: number };
  pXForwarded: { id: number; version: number };
  pYDraft: { id: number; version: number };
  pYForwardedB: { id: number; version: number };
  /**
   * The review engine (issue 12): the evaluator's assignment in A's evaluation_1 on a proposal that passed
   * the administrative check (one evidence file), a second one already fully scored (a draft at version 1,
   * ready to submit), and each organizer's evaluation_1 stage.
   */
  reviewA: { assignmentId: number; attachmentId: number; scoredAssignmentId: number };
  stageA: number;
  stageB: number;
  /** The first revision of each proposal above, by the proposal's id. */
  firstRevision: Record<number, number>;
  /** Evidence files: on X's draft and on Y's draft. */
  attX: number;
  attY: number;
  /** Another account of X's unit and of Y's, for account routes. */
  otherUserX: number;
  otherUserY: number;
  invitationA: number;
  invitationB: number;
  award: number;
  adminRequestY: number;
  /** The outbox row of that reset mail. */
  outboxReset: number;
  notificationOfLocalAdmin: number;
  notificationOfY: number;
  /** A reset link's token of the system administrator's account, read from the mail file (a secret). */
  resetToken: string;
  /** The uji publik of A: a finalist of X (provisional list published), a new objection with evidence, a forwarded one. */
  finalistX: number;
  objectionNew: number;
  objectionForwarded: number;
  /** Makes another objection to X's finalist in that status (for routes that change one). */
  newObjection: (status: 'new' | 'forwarded') => Promise<number>;
}

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

/** A multipart/form-data body: text fields, then one PDF. */
export function multipart(
  fields: Record<string, string>,
  file?: { field: string; name: string; content: Buffer },
) {
  return multipartForm(fields, file ? [{ ...file, type: 'application/pdf' }] : []);
}

function ok(res: LightMyRequestResponse, what: string, status = [200, 201]) {
  if (!status.includes(res.statusCode)) throw new Error(`world: ${what}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Builds the world in the context's database, through the API wherever a person would act. */
export async function buildWorld(
  ctx: TestContext,
  tag = '',
  opts: {
    /** Where the reset mail's token is read from; by default the mail files (no SMTP_URL). */
    resetToken?: (email: string) => Promise<string>;
  } = {},
): Promise<World> {
  ctx.clock.freeze(WORLD_NOW);
  const db = ctx.db;
  const A = await publishedKipp(db, { organizerName: `Kementerian Matriks A${tag}`, now: WORLD_NOW });
  const orgB = await makeInstitution(db, {
    type: 'pemerintah_provinsi',
    name: `Pemerintah Provinsi Matriks B${tag}`,
  });
  const secretariatB = await makeUser(db, { role: 'secretariat', institutionId: orgB.id });
  const compB = await createFromTemplate(db, {
    template: 'kipp',
    year: 2026,
    organizer: orgB,
    createdBy: secretariatB.id,
    ip: null,
    now: WORLD_NOW,
  });

  const x = await makeInstitution(db, { name: `Pemerintah Kabupaten Matriks X${tag}` });
  const unitX = await makeUnit(db, x.id, `Dinas Matriks X${tag}`);
  const y = await makeInstitution(db, { name: `Pemerintah Kabupaten Matriks Y${tag}` });
  const unitY = await makeUnit(db, y.id, `Dinas Matriks Y${tag}`);

  const users = {
    upp: await makeUser(db, { role: 'upp', institutionId: x.id, unitId: unitX.id }),
    local_admin: await makeUser(db, { role: 'local_admin', institutionId: x.id }),
    secretariat: A.secretariat,
    secretariat_other: secretariatB,
    evaluator: await makeUser(db, { role: 'evaluator', competitionId: A.competitionId }),
    panelist: await makeUser(db, { role: 'panelist', competitionId: A.competitionId }),
    data_steward: await makeUser(db, { role: 'data_steward' }),
    system_admin: await makeUser(db, { role: 'system_admin' }),
  };
  const yPeople = `${CANARIES.yPeople.marker}${tag}`;
  const uppY = await makeUser(db, {
    role: 'upp',
    institutionId: y.id,
    unitId: unitY.id,
    name: `UPP ${yPeople}`,
  });
  const localAdminY = await makeUser(db, {
    role: 'local_admin',
    institutionId: y.id,
    name: `Admin ${yPeople}`,
  });
  const otherUserX = await makeUser(db, { role: 'upp', institutionId: x.id, unitId: unitX.id });
  const cookies = {} as World['cookies'];
  const userIds = {} as World['userIds'];
  for (const [k, u] of Object.entries(users)) {
    cookies[k as keyof typeof users] = await sessionCookie(ctx, u.id);
    userIds[k as keyof typeof users] = u.id;
  }
  const cookieUppY = await sessionCookie(ctx, uppY.id);
  const cookieLocalAdminY = await sessionCookie(ctx, localAdminY.id);

  const call = (cookie: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
    ctx.app.inject({ method, url: `/api${url}`, headers: { cookie }, payload });

  // B publishes its competition (through the API, as its secretariat).
  ok(await call(cookies.secretariat_other, 'POST', `/competitions/${compB.id}/publish`), 'publish B');
  // Draft competitions of both organizers, never published.
  const aDraft = ok(
    await call(cookies.secretariat, 'POST', '/competitions/from-template', {
      template: 'kipp',
      year: 2027,
      organizerInstitutionId: A.organizer.id,
      name: `Kompetisi ${CANARIES.aDraftCompetition.marker}${tag}`,
    }),
    'draft A',
  );
  const bDraft = ok(
    await call(cookies.secretariat_other, 'POST', '/competitions/from-template', {
      template: 'kipp',
      year: 2027,
      organizerInstitutionId: orgB.id,
      name: `Kompetisi ${CANARIES.bDraftCompetition.marker}${tag}`,
    }),
    'draft B',
  );

  const fields = (version: number, marker: string) => ({
    version,
    acronym: 'MTRKS',
    categoryKey: 'tata_kelola_pemerintahan',
    implementationStart: '2022-01-10',
    innovatorKind: 'team',
    innovatorNames: `Tim ${marker}`,
    contactName: 'Sari Wulandari',
    contactPhone: '081234567890',
    contactEmail: 'sari@matriks.go.id',
    links: [{ label: 'Video', url: 'https://video.example.id/matriks' }],
    declarationAccepted: true,
    answers: UMUM_SECTIONS.map((sectionKey) => ({
      sectionKey,
      text: `Jawaban ${marker} bagian ${sectionKey}: petugas datang ke desa untuk melayani warga.`,
    })),
  });
  const proposal = async (cookie: string, competitionId: number, marker: string, upTo: 'draft' | 'sent') => {
    const created = ok(
      await call(cookie, 'POST', `/competitions/${competitionId}/proposals`, {
        groupKey: 'umum',
        title: `Inovasi ${marker} ${crypto.randomBytes(3).toString('hex')}`,
      }),
      `create ${marker}`,
    );
    const saved = ok(
      await call(cookie, 'PATCH', `/proposals/${created.id}`, fields(created.version, marker)),
      'save',
    );
    if (upTo === 'draft') return { id: created.id as number, version: saved.version as number };
    // The supporting document the group requires (seed 003).
    await uploadRequiredEvidence(ctx.app, cookie, created.id as number);
    const sent = ok(await call(cookie, 'POST', `/proposals/${created.id}/send`), `send ${marker}`);
    return { id: created.id as number, version: sent.version as number };
  };
  const forward = async (cookie: string, p: { id: number; version: number }) => {
    const res = ok(
      await call(cookie, 'POST', `/proposals/${p.id}/forward`, { version: p.version }),
      'forward',
    );
    return { id: p.id, version: res.version as number };
  };

  const pXDraft = await proposal(cookies.upp, A.competitionId, `${CANARIES.xDraft.marker}${tag}`, 'draft');
  const pXSent = await proposal(cookies.upp, A.competitionId, `${CANARIES.xForwarded.marker}${tag}`, 'sent');
  const pXForwarded = await forward(
    cookies.local_admin,
    await proposal(cookies.upp, A.competitionId, `${CANARIES.xForwarded.marker}${tag}`, 'sent'),
  );
  const pYDraft = await proposal(cookieUppY, A.competitionId, `${CANARIES.yDraft.marker}${tag}`, 'draft');
  const pYForwardedB = await forward(
    cookieLocalAdminY,
    await proposal(cookieUppY, compB.id, `${CANARIES.yForwardedB.marker}${tag}`, 'sent'),
  );

  const upload = async (cookie: string, proposalId: number, marker: string) => {
    const body = multipart(
      { kind: 'evidence' },
      { field: 'file', name: `bukti-${marker}.pdf`, content: samplePdf(marker) },
    );
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/proposals/${proposalId}/attachments`,
      headers: { cookie, ...body.headers },
      payload: body.payload,
    });
    return ok(res, `upload ${marker}`).id as number;
  };
  const attX = await upload(cookies.upp, pXDraft.id, `${CANARIES.xDraft.marker}${tag}`);
  const attY = await upload(cookieUppY, pYDraft.id, `${CANARIES.yDraft.marker}${tag}`);

  const invite = async (
    cookie: string,
    competitionId: number,
    institutionId: number,
    letterNumber: string,
  ) => {
    ok(
      await call(cookie, 'POST', `/competitions/${competitionId}/invitations`, {
        groupKey: 'khusus',
        institutionId,
        letterNumber,
      }),
      'invitation',
    );
    const row = await db
      .selectFrom('invitations')
      .select('id')
      .where('letter_number', '=', letterNumber)
      .executeTakeFirstOrThrow();
    return row.id;
  };
  const invitationA = await invite(cookies.secretariat, A.competitionId, x.id, `B/1/MTRKS/${tag}2026`);
  const invitationB = await invite(cookies.secretariat_other, compB.id, y.id, `B/2/MTRKS/${tag}2026`);

  const award = ok(
    await call(cookies.system_admin, 'POST', '/awards', {
      year: 2019,
      level: 'TOP45',
      innovationTitle: `Inovasi Lama Matriks${tag}`,
      institutionName: y.name,
      institutionId: y.id,
    }),
    'award',
  ).award.id as number;

  // An admin-lokal account request for Y, from the public form.
  const requestBody = multipart(
    {
      institutionId: String(y.id),
      name: `Pemohon ${CANARIES.yApplicant.marker}${tag}`,
      position: 'Kepala Bagian Organisasi',
      email: `pemohon.${crypto.randomBytes(4).toString('hex')}@matriks-y.go.id`,
      phone: '081234567891',
      locale: 'id',
    },
    { field: 'letter', name: 'surat.pdf', content: samplePdf('Surat permohonan') },
  );
  ok(
    await ctx.app.inject({
      method: 'POST',
      url: '/api/admin-requests',
      headers: requestBody.headers,
      payload: requestBody.payload,
    }),
    'admin request',
    [201, 202],
  );
  // The answer names no request (it is the same whether or not the address has an account).
  const adminRequestY = (
    await db
      .selectFrom('admin_requests')
      .select('id')
      .where('institution_id', '=', y.id)
      .executeTakeFirstOrThrow()
  ).id;

  // A password reset for the system administrator, asked by nobody in particular; its link is a secret.
  const admin = await db
    .selectFrom('users')
    .select('email')
    .where('id', '=', users.system_admin.id)
    .executeTakeFirstOrThrow();
  ok(
    await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      payload: { email: admin.email },
    }),
    'reset',
    [200, 202, 204],
  );
  await ctx.deliverMail();
  const resetToken = opts.resetToken
    ? await opts.resetToken(admin.email)
    : findResetToken(ctx.dataDir, admin.email);

  const outboxReset = (
    await db
      .selectFrom('outbox')
      .select('id')
      .where('to_address', '=', admin.email)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
  ).id;
  const notificationOf = async (userId: number) =>
    (
      await db
        .selectFrom('notifications')
        .select('id')
        .where('user_id', '=', userId)
        .orderBy('id', 'asc')
        .executeTakeFirstOrThrow()
    ).id;

  // The uji publik of A (issue 12): X's finalist on the provisional list, objections to it.
  const finalistX = await makeFinalist(db, {
    competitionId: A.competitionId,
    institutionId: x.id,
    unitId: unitX.id,
    createdBy: users.upp.id,
    actorUserId: A.secretariat.id,
    now: WORLD_NOW,
    title: `Inovasi Finalis Matriks${tag}`,
  });
  await publishProvisionalFinalists(db, {
    competitionId: A.competitionId,
    publishedBy: A.secretariat.id,
    now: WORLD_NOW,
  });
  const staged = await ctx.app.deps.storage.stage(Readable.from([PNG]), {
    maxBytes: 1024 * 1024,
    allowedMimes: ['image/png'],
  });
  const evidenceFileId = await withStagedFile(db, ctx.app.deps.storage, staged, (tx) =>
    insertFileRow(tx, { staged, name: 'bukti.png', uploadedBy: null, now: WORLD_NOW }),
  );
  const newObjection = (status: 'new' | 'forwarded') =>
    insertObjection(db, {
      competitionId: A.competitionId,
      proposalId: finalistX.id,
      status,
      now: WORLD_NOW,
      evidenceFileId,
    });
  const objectionNew = await newObjection('new');
  const objectionForwarded = await newObjection('forwarded');

  const firstRevision: Record<number, number> = {};
  for (const r of await db
    .selectFrom('proposal_revisions')
    .select(['proposal_id', (eb) => eb.fn.min('id').as('id')])
    .groupBy('proposal_id')
    .execute())
    firstRevision[r.proposal_id] = Number(r.id);

  const stageA = (await stageOf(db, A.competitionId, 'evaluation_1')).id;
  const stageB = (await stageOf(db, compB.id, 'evaluation_1')).id;
  const judged = await passedProposal(ctx, { competitionId: A.competitionId, now: WORLD_NOW });
  const scored = await passedProposal(ctx, {
    competitionId: A.competitionId,
    now: WORLD_NOW,
    withFile: false,
  });
  const assignmentId = await assignReviewer(db, {
    stageId: stageA,
    proposalId: judged.id,
    reviewerId: users.evaluator.id,
  });
  const scoredAssignmentId = await assignReviewer(db, {
    stageId: stageA,
    proposalId: scored.id,
    reviewerId: users.evaluator.id,
  });
  const evaluatorActor = {
    userId: users.evaluator.id,
    grants: [
      { role: 'evaluator' as const, institutionId: null, unitId: null, competitionId: A.competitionId },
    ],
  };
  // The first save materialises the rubric; the second scores every criterion of the group.
  await saveEvaluation(db, {
    assignmentId: scoredAssignmentId,
    actor: evaluatorActor,
    body: { version: 0, scores: [] },
    ip: null,
    now: WORLD_NOW,
  });
  const group = await db
    .selectFrom('proposals')
    .select('group_id')
    .where('id', '=', scored.id)
    .executeTakeFirstOrThrow();
  const all = await db
    .selectFrom('rubric_criteria')
    .select('id')
    .where('stage_id', '=', stageA)
    .where('group_id', '=', group.group_id)
    .execute();
  await saveEvaluation(db, {
    assignmentId: scoredAssignmentId,
    actor: evaluatorActor,
    body: { version: 1, scores: all.map((c) => ({ criterionId: c.id, value: 80 })) },
    ip: null,
    now: WORLD_NOW,
  });
  const attachment = await db
    .selectFrom('proposal_attachments')
    .select('id')
    .where('proposal_id', '=', judged.id)
    .executeTakeFirstOrThrow();

  return {
    ctx,
    cookies,
    firstRevision,
    reviewA: { assignmentId, attachmentId: attachment.id, scoredAssignmentId },
    stageA,
    stageB,
    userIds,
    orgA: A.organizer.id,
    orgB: orgB.id,
    compA: A.competitionId,
    compB: compB.id,
    compADraft: aDraft.id,
    compBDraft: bDraft.id,
    instX: x.id,
    unitX: unitX.id,
    instY: y.id,
    unitY: unitY.id,
    pXDraft,
    pXSent,
    pXForwarded,
    pYDraft,
    pYForwardedB,
    attX,
    attY,
    otherUserX: otherUserX.id,
    otherUserY: uppY.id,
    invitationA,
    invitationB,
    award,
    adminRequestY,
    outboxReset,
    notificationOfLocalAdmin: await notificationOf(users.local_admin.id),
    notificationOfY: await notificationOf(localAdminY.id),
    resetToken,
    finalistX: finalistX.id,
    objectionNew,
    objectionForwarded,
    newObjection,
  };
}

/** The reset token in the newest mail file to `email` (mail without SMTP_URL is written as .eml files). */
function findResetToken(dataDir: string, email: string): string {
  const files = filesUnder(path.join(dataDir, 'mail'))
    .map((f) => ({ f, text: fs.readFileSync(f, 'utf8') }))
    .filter(({ text }) => text.includes(email) && /token=/.test(text));
  const last = files.at(-1);
  if (!last) throw new Error(`world: no reset mail for ${email}`);
  // Quoted-printable: soft line breaks, then =XX escapes.
  const text = last.text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const m = /token=([A-Za-z0-9_-]+)/.exec(text);
  if (!m) throw new Error('world: no token in the reset mail');
  return decodeURIComponent(m[1]);
}
