import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../src/db/connect.js';
import type { BlobStore } from '../../src/platform/storage.js';
import type { AutosaveBody } from './content.js';

/*
 * Lost writes: after the load, everything the server acknowledged must be in the database exactly as
 * acknowledged, and every stored file must still hash to its recorded sha256. Read from the benchmark
 * process, straight from the database (SQLite or PostgreSQL) and the storage (the disk or the bucket).
 */

export interface Acknowledged {
  id: number;
  unitId: number;
  /** The version the last acknowledged answer gave. */
  version: number;
  state: string | null;
  lastBody: AutosaveBody | null;
  uploads: { id: number; sha256: string; size: number }[];
}

export interface LostWrites {
  proposalsChecked: number;
  proposalRowsInCompetition: number;
  missingProposals: number;
  wrongVersion: number;
  wrongState: number;
  wrongFields: number;
  answersChecked: number;
  wrongAnswers: number;
  attachmentsChecked: number;
  attachmentRows: number;
  missingAttachments: number;
  files: {
    rows: number;
    onDisk: number;
    rehashed: number;
    mismatched: number;
    missing: number;
    orphans: number;
    tmpLeft: number;
    bytes: number;
    seconds: number;
  };
  lost: number;
  examples: string[];
}

export async function checkLostWrites(opts: {
  db: Db;
  storage: BlobStore;
  /** DATA_DIR: uploads are staged in DATA_DIR/files/tmp whatever the storage. */
  dataDir: string;
  competitionId: number;
  acknowledged: Acknowledged[];
  /** Rows of the competition expected in all (the acknowledged creates). */
  expectRows: number;
}): Promise<LostWrites> {
  const { db } = opts;
  const examples: string[] = [];
  const note = (s: string) => examples.length < 10 && examples.push(s);
  const categoryKeys = new Map(
    (await db.selectFrom('categories').select(['id', 'key']).execute()).map((c) => [c.id, c.key]),
  );
  let missingProposals = 0;
  let wrongVersion = 0;
  let wrongState = 0;
  let wrongFields = 0;
  let answersChecked = 0;
  let wrongAnswers = 0;
  let attachmentsChecked = 0;
  let missingAttachments = 0;
  for (const ack of opts.acknowledged) {
    const row = await db.selectFrom('proposals').selectAll().where('id', '=', ack.id).executeTakeFirst();
    if (!row || row.unit_id !== ack.unitId) {
      missingProposals++;
      note(`proposal ${ack.id}: no row`);
      continue;
    }
    if (row.version !== ack.version) {
      wrongVersion++;
      note(`proposal ${ack.id}: version ${String(row.version)}, acknowledged ${ack.version}`);
    }
    if (ack.state && row.state !== ack.state) {
      wrongState++;
      note(`proposal ${ack.id}: state ${String(row.state)}, acknowledged ${ack.state}`);
    }
    const b = ack.lastBody;
    if (b) {
      const category = row.category_id ? categoryKeys.get(row.category_id) : null;
      const links: unknown = typeof row.links === 'string' ? JSON.parse(row.links) : row.links;
      const same =
        row.title === b.title &&
        row.acronym === (b.acronym ?? null) &&
        (category ?? null) === (b.categoryKey ?? null) &&
        row.implementation_start === b.implementationStart &&
        row.innovator_kind === b.innovatorKind &&
        row.innovator_names === b.innovatorNames &&
        row.contact_name === b.contactName &&
        row.contact_phone === b.contactPhone &&
        row.contact_email === b.contactEmail &&
        JSON.stringify(links) === JSON.stringify(b.links) &&
        Boolean(row.declaration_accepted) === Boolean(b.declarationAccepted);
      if (!same) {
        wrongFields++;
        note(`proposal ${ack.id}: fields differ from the last acknowledged autosave`);
      }
      const stored = new Map(
        (
          await db
            .selectFrom('proposal_answers as a')
            .innerJoin('form_sections as s', 's.id', 'a.section_id')
            .select(['s.key', 'a.text'])
            .where('a.proposal_id', '=', ack.id)
            .execute()
        ).map((a) => [a.key, a.text]),
      );
      for (const a of b.answers) {
        answersChecked++;
        if (stored.get(a.sectionKey) !== a.text) {
          wrongAnswers++;
          note(`proposal ${ack.id}: answer ${a.sectionKey} differs from the last acknowledged autosave`);
        }
      }
    }
    for (const u of ack.uploads) {
      attachmentsChecked++;
      const a = await db
        .selectFrom('proposal_attachments as a')
        .innerJoin('files as f', 'f.id', 'a.file_id')
        .select(['a.proposal_id', 'f.sha256', 'f.size'])
        .where('a.id', '=', u.id)
        .executeTakeFirst();
      if (!a || a.proposal_id !== ack.id || a.sha256 !== u.sha256 || Number(a.size) !== u.size) {
        missingAttachments++;
        note(`attachment ${u.id} of proposal ${ack.id}: missing or different`);
      }
    }
  }
  const count = (n: { n: number | string | bigint } | undefined) => Number(n?.n ?? 0);
  const proposalRowsInCompetition = count(
    await db
      .selectFrom('proposals')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('competition_id', '=', opts.competitionId)
      .executeTakeFirst(),
  );
  if (proposalRowsInCompetition !== opts.expectRows)
    note(`${proposalRowsInCompetition} proposal rows, ${opts.expectRows} acknowledged creates`);
  const attachmentRows = count(
    await db
      .selectFrom('proposal_attachments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst(),
  );
  if (attachmentRows !== attachmentsChecked)
    note(`${attachmentRows} attachment rows, ${attachmentsChecked} acknowledged uploads`);

  const files = await rehashFiles(db, opts.storage, opts.dataDir);
  for (const e of files.examples) note(e);
  const lost =
    missingProposals +
    wrongVersion +
    wrongState +
    wrongFields +
    wrongAnswers +
    missingAttachments +
    files.summary.mismatched +
    files.summary.missing;
  return {
    proposalsChecked: opts.acknowledged.length,
    proposalRowsInCompetition,
    missingProposals,
    wrongVersion,
    wrongState,
    wrongFields,
    answersChecked,
    wrongAnswers,
    attachmentsChecked,
    attachmentRows,
    missingAttachments,
    files: files.summary,
    lost,
    examples,
  };
}

/**
 * Re-hashes every stored blob (read back through the storage: the disk or the bucket) and compares it with
 * the files table (content-addressed); counts what the staging folder still holds.
 */
async function rehashFiles(db: Db, storage: BlobStore, dataDir: string) {
  const started = performance.now();
  const rows = await db.selectFrom('files').select(['storage_key', 'sha256', 'size']).execute();
  const byKey = new Map(rows.map((r) => [r.storage_key, r]));
  const examples: string[] = [];
  let onDisk = 0;
  let rehashed = 0;
  let mismatched = 0;
  let orphans = 0;
  let bytes = 0;
  const seen = new Set<string>();
  for await (const blob of storage.listBlobs()) {
    onDisk++;
    const row = byKey.get(blob.storageKey);
    if (!row) {
      orphans++;
      continue;
    }
    seen.add(blob.storageKey);
    const hash = crypto.createHash('sha256');
    let size = 0;
    for await (const chunk of await storage.openRead(blob.storageKey)) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
    bytes += size;
    rehashed++;
    const sha = hash.digest('hex');
    if (sha !== row.sha256 || size !== Number(row.size) || path.posix.basename(blob.storageKey) !== sha) {
      mismatched++;
      if (examples.length < 5)
        examples.push(`file ${blob.storageKey}: hashes to ${sha}, recorded ${row.sha256}`);
    }
  }
  let missing = 0;
  for (const key of byKey.keys())
    if (!seen.has(key)) {
      missing++;
      if (examples.length < 5) examples.push(`file ${key}: recorded but not stored`);
    }
  const tmp = path.join(dataDir, 'files', 'tmp');
  const tmpLeft = fs.existsSync(tmp) ? fs.readdirSync(tmp).length : 0;
  return {
    summary: {
      rows: rows.length,
      onDisk,
      rehashed,
      mismatched,
      missing,
      orphans,
      tmpLeft,
      bytes,
      seconds: (performance.now() - started) / 1000,
    },
    examples,
  };
}
