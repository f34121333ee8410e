/*
 * The demo's proposals: a few dozen innovations in Indonesian across institutions of every kind, groups,
 * categories and states, so that every screen of the submission path has something to show. Everything
 * goes through the same commands the API uses (create, autosave, send, return, forward, withdraw), at
 * instants spread over the days before "now", so timelines and per-day charts look like a real window.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Db } from '../db/connect.js';
import type { InstitutionRow } from '../db/schema.js';
import { countWords } from '../domain/proposal-rules.js';
import type { BlobStore } from '../platform/storage.js';
import { DiskStorage } from '../platform/storage-disk.js';
import { addAttachment } from '../modules/proposals/evidence/commands/add-attachment.js';
import { createProposal } from '../modules/proposals/commands/create-proposal.js';
import { forwardProposal } from '../modules/proposals/commands/forward-proposal.js';
import { returnProposal } from '../modules/proposals/commands/return-proposal.js';
import { autosaveProposal } from '../modules/proposals/commands/autosave-proposal.js';
import { sendProposal } from '../modules/proposals/commands/send-proposal.js';
import { withdrawProposal } from '../modules/proposals/commands/withdraw-proposal.js';
import { findSubmissionStage } from '../modules/competitions/queries.js';
import { createAccount } from '../modules/users/commands/create-account.js';
import { samplePdf } from './sample-pdf.js';

/*
 * The data (who proposes what, the return notes, the answer texts) is in data/demo-proposals.json, read
 * and checked at start: each participant is an institution with one unit and its innovations; each
 * innovation's answers are written from its facts through the section's template ({title}, {acronym},
 * {unit}, {problem}, {solution}, {beneficiaries}, {result}, {started}).
 */
const DEMO_PROPOSALS_FILE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'data',
  'demo-proposals.json',
);

const innovationSchema = z.object({
  title: z.string(),
  acronym: z.string(),
  category: z.string(),
  /** What was wrong before, in a phrase ("antrean panjang pendaftaran pasien"). */
  problem: z.string(),
  /** What the innovation does, in a phrase. */
  solution: z.string(),
  /** Who benefits. */
  beneficiaries: z.string(),
  /** A measured result. */
  result: z.string(),
  started: z.string(),
  /** Where the demo proposal ends up. */
  state: z.enum(['draft', 'sent', 'returned', 'forwarded', 'withdrawn']),
  group: z.enum(['umum', 'replikasi']).optional(),
  /** How far the proposer got with a draft: the share of sections answered. */
  filled: z.number().optional(),
});
type Innovation = z.infer<typeof innovationSchema>;

const demoProposalsSchema = z.object({
  /** One template per section key; a section without one gets `otherSectionTemplate`. */
  answerTemplates: z.record(z.string(), z.string()),
  otherSectionTemplate: z.string(),
  returnNotes: z.array(z.string()).min(1),
  /** The demo UPP account writes for RSUD Kabupaten Tangerang; the others write through hidden accounts. */
  participants: z.array(
    z.object({
      institution: z.string(),
      unit: z.string(),
      /**
       * Names the hidden accounts: upp.<slug>@… for the unit, adminlokal.<part before the dot>@… for the
       * institution (so adminlokal.tangerang@… is the demo account; RSUD Tangerang writes as the demo UPP).
       */
      slug: z.string(),
      innovations: z.array(innovationSchema),
    }),
  ),
});
type DemoProposals = z.infer<typeof demoProposalsSchema>;

function loadDemoProposals(): DemoProposals {
  return demoProposalsSchema.parse(JSON.parse(fs.readFileSync(DEMO_PROPOSALS_FILE, 'utf8')));
}

/** One paragraph per section, written from the innovation's facts and trimmed to the section's limit. */
function answerFor(
  data: DemoProposals,
  key: string,
  inv: Innovation,
  unit: string,
  limit: number | null,
): string {
  const facts: Record<string, string> = {
    title: inv.title,
    acronym: inv.acronym,
    unit,
    problem: inv.problem,
    solution: inv.solution,
    beneficiaries: inv.beneficiaries,
    result: inv.result,
    started: inv.started,
  };
  const template = data.answerTemplates[key] ?? data.otherSectionTemplate;
  const text = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!Object.hasOwn(facts, name))
      throw new Error(`demo-proposals.json: unknown {${name}} in the template of "${key}"`);
    return facts[name];
  });
  if (!limit || countWords(text) <= limit) return text;
  return text.split(/\s+/).slice(0, limit).join(' ');
}

async function institutionNamed(db: Db, name: string): Promise<InstitutionRow> {
  const row = await db.selectFrom('institutions').selectAll().where('name', '=', name).executeTakeFirst();
  if (!row) throw new Error(`reference data is missing "${name}"`);
  return row;
}

async function unitNamed(db: Db, institutionId: number, name: string, now: Date): Promise<number> {
  const found = await db
    .selectFrom('units')
    .select('id')
    .where('institution_id', '=', institutionId)
    .where('name', '=', name)
    .executeTakeFirst();
  if (found) return found.id;
  const row = await db
    .insertInto('units')
    .values({
      institution_id: institutionId,
      name,
      kind: 'pd',
      parent_unit_id: null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An account of the demo by e-mail, or a new one without a password (it cannot log in). */
async function accountFor(
  db: Db,
  input: {
    email: string;
    name: string;
    role: 'upp' | 'local_admin';
    institutionId: number;
    unitId: number | null;
    now: Date;
  },
): Promise<number> {
  const found = await db.selectFrom('users').select('id').where('email', '=', input.email).executeTakeFirst();
  if (found) return found.id;
  const user = await createAccount(db, {
    email: input.email,
    name: input.name,
    role: input.role,
    institutionId: input.institutionId,
    unitId: input.unitId,
    competitionId: null,
    password: null,
    mustCompleteProfile: true,
    createdBy: null,
    now: input.now,
  });
  return user.id;
}

/** Uploads a sample PDF to the proposal as evidence (or as the replication statement), as the API does. */
async function attachSample(
  db: Db,
  storage: BlobStore,
  input: {
    proposalId: number;
    kind: 'evidence' | 'replication_statement';
    name: string;
    title: string;
    uploadedBy: number;
    now: Date;
  },
) {
  const staged = await storage.stage(Readable.from(samplePdf(input.title)), {
    maxBytes: 10 * 1024 * 1024,
    allowedMimes: ['application/pdf'],
  });
  await addAttachment(db, storage, {
    proposalId: input.proposalId,
    staged,
    name: input.name,
    kind: input.kind,
    sectionKey: null,
    actorUserId: input.uploadedBy,
    ip: null,
    now: input.now,
  });
}

const slugOf = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * Writes the demo proposals into the competition (its submission window must be open at `now`). Each
 * proposal's steps happen at its own instant in the past days, never before the window opened.
 * Returns how many proposals it wrote.
 */
export async function seedDemoProposals(
  db: Db,
  input: {
    competitionId: number;
    dataDir: string;
    /** Where the evidence goes (the app's storage); default the disk storage in `dataDir`. */
    storage?: BlobStore;
    baseUrl: string;
    now: Date;
    /** Where each innovation ends up in this competition (default: the state in the data). */
    finalState?: (state: Innovation['state']) => Innovation['state'];
  },
): Promise<number> {
  const data = loadDemoProposals();
  const storage = input.storage ?? new DiskStorage(path.join(input.dataDir, 'files'));
  const stage = await findSubmissionStage(db, input.competitionId);
  const opensAt = stage?.opens_at ? Date.parse(stage.opens_at) : input.now.getTime() - 30 * 86_400_000;
  const sourceAward = await db
    .selectFrom('awards')
    .select(['id', 'innovation_title', 'year'])
    .where('level', '=', 'TOP99')
    .orderBy('year', 'desc')
    .orderBy('id')
    .executeTakeFirst();
  let written = 0;
  let step = 0;
  const total = data.participants.reduce((n, p) => n + p.innovations.length, 0);
  // Spread the proposals' starts over the last 12 days (or since the window opened), oldest first.
  const span = Math.min(12 * 86_400_000, input.now.getTime() - opensAt - 3_600_000);
  const at = (k: number, minutes: number) =>
    new Date(input.now.getTime() - span + Math.round((span * k) / total) + minutes * 60_000);

  for (const part of data.participants) {
    const inst = await institutionNamed(db, part.institution);
    const unitId = await unitNamed(db, inst.id, part.unit, input.now);
    const uppId = await accountFor(db, {
      email:
        part.unit === 'RSUD Kabupaten Tangerang'
          ? 'upp.tangerang@demo.sinovik.id'
          : `upp.${part.slug}@demo.sinovik.id`,
      name: `Pengusul ${part.unit}`,
      role: 'upp',
      institutionId: inst.id,
      unitId,
      now: input.now,
    });
    const adminId = await accountFor(db, {
      email: `adminlokal.${part.slug.split('.')[0]}@demo.sinovik.id`,
      name: `Admin Lokal ${inst.short_name ?? inst.name}`,
      role: 'local_admin',
      institutionId: inst.id,
      unitId: null,
      now: input.now,
    });

    for (const listed of part.innovations) {
      const inv = input.finalState ? { ...listed, state: input.finalState(listed.state) } : listed;
      const k = step++;
      const t0 = at(k, 0);
      const common = { actorUserId: uppId, ip: null };
      const created = await createProposal(db, {
        competitionId: input.competitionId,
        groupKey: inv.group ?? 'umum',
        title: inv.title,
        institutionId: inst.id,
        unitId,
        ...common,
        now: t0,
      });
      const sections = await db
        .selectFrom('form_sections')
        .select(['key', 'word_limit'])
        .where('group_id', '=', created.group_id)
        .orderBy('position')
        .execute();
      const answered = Math.ceil(sections.length * (inv.state === 'draft' ? (inv.filled ?? 0.5) : 1));
      const complete = inv.state !== 'draft';
      const saved = await autosaveProposal(db, {
        id: created.id,
        body: {
          version: created.version,
          acronym: inv.acronym,
          categoryKey: inv.category,
          implementationStart: inv.started,
          innovatorKind: 'team',
          innovatorNames: `Tim Inovasi ${part.unit}`,
          contactName: `Pengusul ${part.unit}`,
          contactPhone: '081200000000',
          contactEmail: complete ? `inovasi.${part.slug}@demo.sinovik.id` : null,
          links: [
            {
              label: 'Standar pelayanan',
              url: `https://${slugOf(part.institution)}.go.id/standar-pelayanan`,
            },
          ],
          declarationAccepted: complete,
          answers: sections.slice(0, answered).map((s) => ({
            sectionKey: s.key,
            text: answerFor(data, s.key, inv, part.unit, s.word_limit),
          })),
        },
        ...common,
        now: at(k, 20),
      });
      if (complete)
        await attachSample(db, storage, {
          proposalId: created.id,
          kind: 'evidence',
          name: `laporan-evaluasi-${slugOf(inv.acronym)}.pdf`,
          title: `Laporan Evaluasi ${inv.title}`,
          uploadedBy: uppId,
          now: at(k, 25),
        });
      if (inv.group === 'replikasi' && sourceAward) {
        await db
          .updateTable('proposals')
          .set((eb) => ({ source_award_id: sourceAward.id, version: eb('version', '+', 1) }))
          .where('id', '=', created.id)
          .execute();
        await attachSample(db, storage, {
          proposalId: created.id,
          kind: 'replication_statement',
          name: 'surat-pernyataan-replikasi.pdf',
          title: `Surat Pernyataan Replikasi: ${sourceAward.innovation_title} (Top 99 ${sourceAward.year})`,
          uploadedBy: uppId,
          now: at(k, 26),
        });
      }
      written++;
      if (!saved || inv.state === 'draft') continue;
      const send = () =>
        sendProposal(db, { id: created.id, ...common, baseUrl: input.baseUrl, now: at(k, 30) });
      await send();
      if (inv.state === 'sent') continue;
      const admin = { actorUserId: adminId, ip: null };
      if (inv.state === 'returned') {
        await returnProposal(db, {
          id: created.id,
          note: data.returnNotes[k % data.returnNotes.length],
          ...admin,
          baseUrl: input.baseUrl,
          now: at(k, 240),
        });
        continue;
      }
      await forwardProposal(db, { id: created.id, ...admin, now: at(k, 300) });
      if (inv.state === 'withdrawn')
        await withdrawProposal(db, { id: created.id, ...admin, now: at(k, 420) });
    }
  }
  return written;
}
