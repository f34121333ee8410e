import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { AutosaveBody } from './content.js';

/*
 * Lost writes: after the load, everything the server acknowledged must be in the database exactly as
 * acknowledged, and every stored file must still hash to its recorded sha256. Read-only, from the
 * benchmark process, straight from the SQLite file.
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

export function openReadOnly(file: string) {
  return new SQLite(file, { readonly: true, fileMustExist: true });
}

export function checkLostWrites(opts: {
  dbFile: string;
  dataDir: string;
  competitionId: number;
  acknowledged: Acknowledged[];
  /** Rows of the competition expected in all (the acknowledged creates). */
  expectRows: number;
}): LostWrites {
  const db = openReadOnly(opts.dbFile);
  const examples: string[] = [];
  const note = (s: string) => examples.length < 10 && examples.push(s);
  try {
    const getProposal = db.prepare('select * from proposals where id = ?');
    const getAnswers = db.prepare(
      'select s.key as key, a.text as text from proposal_answers a join form_sections s on s.id = a.section_id where a.proposal_id = ?',
    );
    const getCategory = db.prepare('select key from categories where id = ?');
    const getAttachment = db.prepare(
      'select a.proposal_id as proposal_id, f.sha256 as sha256, f.size as size from proposal_attachments a join files f on f.id = a.file_id where a.id = ?',
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
      const row = getProposal.get(ack.id) as Record<string, unknown> | undefined;
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
        const category = row.category_id
          ? (getCategory.get(row.category_id) as { key: string } | undefined)?.key
          : null;
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
          JSON.stringify(JSON.parse(String(row.links))) === JSON.stringify(b.links) &&
          row.declaration_accepted === (b.declarationAccepted ? 1 : 0);
        if (!same) {
          wrongFields++;
          note(`proposal ${ack.id}: fields differ from the last acknowledged autosave`);
        }
        const stored = new Map(
          (getAnswers.all(ack.id) as { key: string; text: string }[]).map((a) => [a.key, a.text]),
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
        const a = getAttachment.get(u.id) as
          { proposal_id: number; sha256: string; size: number } | undefined;
        if (!a || a.proposal_id !== ack.id || a.sha256 !== u.sha256 || Number(a.size) !== u.size) {
          missingAttachments++;
          note(`attachment ${u.id} of proposal ${ack.id}: missing or different`);
        }
      }
    }
    const proposalRowsInCompetition = Number(
      (
        db
          .prepare('select count(*) as n from proposals where competition_id = ?')
          .get(opts.competitionId) as {
          n: number;
        }
      ).n,
    );
    if (proposalRowsInCompetition !== opts.expectRows)
      note(`${proposalRowsInCompetition} proposal rows, ${opts.expectRows} acknowledged creates`);
    const attachmentRows = Number(
      (db.prepare('select count(*) as n from proposal_attachments').get() as { n: number }).n,
    );
    if (attachmentRows !== attachmentsChecked)
      note(`${attachmentRows} attachment rows, ${attachmentsChecked} acknowledged uploads`);

    const files = rehashFiles(db, opts.dataDir);
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
  } finally {
    db.close();
  }
}

/** Re-hashes every file under DATA_DIR/files and compares it with the files table (content-addressed). */
function rehashFiles(db: SQLite.Database, dataDir: string) {
  const started = performance.now();
  const root = path.join(dataDir, 'files');
  const rows = db.prepare('select storage_key, sha256, size from files').all() as {
    storage_key: string;
    sha256: string;
    size: number;
  }[];
  const byKey = new Map(rows.map((r) => [path.normalize(r.storage_key), r]));
  const examples: string[] = [];
  let onDisk = 0;
  let rehashed = 0;
  let mismatched = 0;
  let orphans = 0;
  let tmpLeft = 0;
  let bytes = 0;
  const seen = new Set<string>();
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      const rel = path.relative(root, full);
      if (e.isDirectory()) {
        if (rel === 'tmp') tmpLeft += fs.readdirSync(full).length;
        else walk(full);
        continue;
      }
      onDisk++;
      const row = byKey.get(path.normalize(rel));
      if (!row) {
        orphans++;
        continue;
      }
      seen.add(path.normalize(rel));
      const data = fs.readFileSync(full);
      bytes += data.length;
      rehashed++;
      const sha = crypto.createHash('sha256').update(data).digest('hex');
      if (sha !== row.sha256 || data.length !== Number(row.size) || path.basename(rel) !== sha) {
        mismatched++;
        if (examples.length < 5) examples.push(`file ${rel}: hashes to ${sha}, recorded ${row.sha256}`);
      }
    }
  };
  walk(root);
  let missing = 0;
  for (const key of byKey.keys())
    if (!seen.has(key)) {
      missing++;
      if (examples.length < 5) examples.push(`file ${key}: recorded but not on disk`);
    }
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
