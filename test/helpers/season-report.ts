import type { Db } from '../../src/db/connect.js';
import type { AwardLevel, ProposalStateValue } from '../../src/db/schema.js';
import { createFromTemplate } from '../../src/modules/competitions/commands/create-from-template.js';
import { setCompetitionStatus } from '../../src/modules/competitions/commands/set-status.js';
import { applyTransition } from '../../src/modules/proposals/transition.js';
import { loadForChange } from '../../src/modules/proposals/view.js';
import { makeInstitution, makeUnit, makeUser } from './fixtures.js';

/*
 * Test setup for the season report (issue 13 point 7): proposals left at every step of the funnel, made
 * directly as the earlier steps leave them (states, revisions written by the one transition function,
 * stage results of evaluation_1, the published final selection's lines, award rows written by results).
 */

let seq = 0;

type Institution = { id: number };

/** A published KIPP of `organizer` for `year`, with the organizer's secretariat as its creator. */
export async function kippOf(
  db: Db,
  organizer: { id: number; type: string; region_code: string | null; name: string },
  year: number,
  createdBy: number,
  now: Date,
  publish = true,
) {
  const c = await createFromTemplate(db, {
    template: 'kipp',
    year,
    organizer: organizer as Parameters<typeof createFromTemplate>[1]['organizer'],
    createdBy,
    ip: null,
    now,
  });
  if (publish)
    await setCompetitionStatus(db, { id: c.id, to: 'published', actorUserId: createdBy, ip: null, now });
  return c.id;
}

/** A proposal of the competition in `state`, with its group and category by key. */
export async function insertProposal(
  db: Db,
  input: {
    competitionId: number;
    institution: Institution;
    state: ProposalStateValue;
    groupKey?: string;
    categoryKey?: string | null;
    now: Date;
    /** The unit and its UPP account to use (else new ones: an account costs a password hash). */
    owner?: { unitId: number; userId: number };
  },
) {
  const group = await db
    .selectFrom('competition_groups')
    .select('id')
    .where('competition_id', '=', input.competitionId)
    .where('key', '=', input.groupKey ?? 'umum')
    .executeTakeFirstOrThrow();
  const category =
    input.categoryKey === null
      ? null
      : await db
          .selectFrom('categories')
          .select('id')
          .where('competition_id', '=', input.competitionId)
          .where('key', '=', input.categoryKey ?? 'kesehatan')
          .executeTakeFirstOrThrow();
  const owner = input.owner ?? (await ownerOf(db, input.institution.id));
  const at = input.now.toISOString();
  const n = ++seq;
  const reached = !['draft', 'sent_to_local_admin', 'returned', 'withdrawn', 'frozen'].includes(input.state);
  return db
    .insertInto('proposals')
    .values({
      competition_id: input.competitionId,
      code: `LAP-${process.pid}-${String(n).padStart(5, '0')}`,
      institution_id: input.institution.id,
      unit_id: owner.unitId,
      group_id: group.id,
      category_id: category?.id ?? null,
      title: `Inovasi Laporan ${n}`,
      title_key: null,
      acronym: null,
      implementation_start: '2022-01-10',
      innovator_kind: 'team',
      innovator_names: 'Tim Uji',
      contact_name: null,
      contact_phone: null,
      contact_email: null,
      links: '[]',
      declaration_accepted: 1,
      state: input.state,
      version: 1,
      created_by: owner.userId,
      created_at: at,
      updated_at: at,
      sent_at: input.state === 'draft' ? null : at,
      forwarded_at: reached ? at : null,
      received_at: reached && input.state !== 'forwarded' ? at : null,
      returned_note: null,
      source_award_id: null,
    })
    .returning(['id', 'code'])
    .executeTakeFirstOrThrow();
}

/** A new unit of the institution with its UPP account. */
export async function ownerOf(db: Db, institutionId: number) {
  const unit = await makeUnit(db, institutionId);
  const upp = await makeUser(db, { role: 'upp', institutionId, unitId: unit.id });
  return { unitId: unit.id, userId: upp.id };
}

/** Moves a proposal by `action` through the one transition function (revision and audit row). */
export async function move(
  db: Db,
  proposalId: number,
  action: 'passAdmin' | 'shortlist' | 'unshortlist' | 'disqualify',
  to: ProposalStateValue,
  actorUserId: number,
  now: Date,
) {
  await db.transaction().execute(async (tx) => {
    await applyTransition(tx, {
      view: await loadForChange(tx, proposalId),
      action,
      to,
      actorUserId,
      ip: null,
      now,
    });
  });
}

/** The first evaluation stage's result of a proposal. */
export async function evaluationResult(
  db: Db,
  input: {
    competitionId: number;
    proposalId: number;
    outcome: 'advanced' | 'stopped';
    by: number;
    now: Date;
  },
) {
  const stage = await db
    .selectFrom('stages')
    .select('id')
    .where('competition_id', '=', input.competitionId)
    .where('kind', '=', 'evaluation_1')
    .executeTakeFirstOrThrow();
  const score = input.outcome === 'advanced' ? 80 : 50;
  await db
    .insertInto('stage_results')
    .values({
      stage_id: stage.id,
      proposal_id: input.proposalId,
      raw_score: score,
      normalized_score: score,
      score,
      basis: 'raw',
      outcome: input.outcome,
      explanation_id: '',
      explanation_en: '',
      decided_by: input.by,
      decided_at: input.now.toISOString(),
    })
    .execute();
}

/** The competition's final selection, published, with these proposals' lines selected. */
export async function publishedFinalSelection(
  db: Db,
  input: { competitionId: number; proposalIds: number[]; by: number; now: Date },
) {
  const stage = await db
    .selectFrom('stages')
    .select('id')
    .where('competition_id', '=', input.competitionId)
    .where('kind', '=', 'finalists')
    .executeTakeFirstOrThrow();
  const at = input.now.toISOString();
  const selection = await db
    .insertInto('finalist_selections')
    .values({
      competition_id: input.competitionId,
      stage_id: stage.id,
      settings: '{}',
      feasible: 1,
      problems: '{"problems":[],"text":null}',
      quota_outcomes: '[]',
      stats: '{}',
      computed_by: input.by,
      computed_at: at,
      provisional_letter_number: 'B/1/PP.00.05/2026',
      provisional_published_by: input.by,
      provisional_published_at: at,
      decree_number: 'Kepmen 1/2026',
      final_published_by: input.by,
      final_published_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [i, proposalId] of input.proposalIds.entries())
    await db
      .insertInto('finalist_lines')
      .values({
        selection_id: selection.id,
        proposal_id: proposalId,
        group_key: 'umum',
        score: 90 - i,
        rank_in_group: i + 1,
        passes_mark: 1,
        in_plain_top: 1,
        selected: 1,
        reason: 'top',
        quotas: '[]',
        explanation_id: '',
        explanation_en: '',
      })
      .execute();
}

/** An award row as published results write it (competition and proposal named), or imported (neither). */
export async function awardRow(
  db: Db,
  input: {
    level: AwardLevel;
    year: number;
    competitionId: number | null;
    proposalId: number | null;
    institutionId: number;
    now: Date;
  },
) {
  const at = input.now.toISOString();
  await db
    .insertInto('awards')
    .values({
      year: input.year,
      level: input.level,
      innovation_title: `Inovasi Penghargaan ${++seq}`,
      institution_name: '',
      institution_id: input.institutionId,
      source_url: null,
      notes: null,
      created_at: at,
      created_by: null,
      updated_at: at,
      competition_id: input.competitionId,
      proposal_id: input.proposalId,
    })
    .execute();
}

/** The regional governments and national bodies the fixtures' proposals come from. */
export async function participants(db: Db, tag: string) {
  const named = (name: string) => (tag ? `${name} ${tag}` : name);
  const jateng = await makeInstitution(db, {
    type: 'pemerintah_provinsi',
    name: named('Pemerintah Provinsi Jawa Tengah'),
    regionCode: '33',
  });
  const banyumas = await makeInstitution(db, {
    type: 'pemerintah_kabupaten',
    name: named('Pemerintah Kabupaten Banyumas'),
    regionCode: '33.02',
  });
  const semarang = await makeInstitution(db, {
    type: 'pemerintah_kota',
    name: named('Pemerintah Kota Semarang'),
    regionCode: '33.74',
  });
  const bogor = await makeInstitution(db, {
    type: 'pemerintah_kabupaten',
    name: named('Pemerintah Kabupaten Bogor'),
    regionCode: '32.01',
  });
  const ministry = await makeInstitution(db, { type: 'kementerian', name: named('Kementerian Peserta') });
  const bumd = await makeInstitution(db, { type: 'bumd', name: named('PT BUMD Jateng') });
  await db.updateTable('institutions').set({ parent_id: jateng.id }).where('id', '=', bumd.id).execute();
  return { jateng, banyumas, semarang, bogor, ministry, bumd };
}
