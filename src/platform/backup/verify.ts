import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/connect.js';
import { verifyAudit } from '../audit-verify.js';
import { readFacts, runOn } from './facts.js';
import { hashFile, type BackupManifest } from './manifest.js';

export interface RestoredCheck {
  problems: string[];
  tables: number;
  rows: number;
  auditEvents: number;
}

/**
 * Compares a restored database with its manifest: the same tables with the same row counts, the same
 * newest migration and audit head, and the audit chain and its checkpoints verified with the key.
 */
export async function checkRestoredDatabase(
  db: Db,
  manifest: BackupManifest,
  dataDir: string,
): Promise<RestoredCheck> {
  const facts = await readFacts(runOn(db), manifest.dialect);
  const problems: string[] = [];
  const names = new Set([...Object.keys(manifest.tables), ...Object.keys(facts.tables)]);
  for (const name of [...names].sort()) {
    const want = manifest.tables[name];
    const got = facts.tables[name];
    if (want === undefined)
      problems.push(`Tabel ${name} tidak ada di manifes. / Table ${name} is not in the manifest.`);
    else if (got === undefined)
      problems.push(`Tabel ${name} tidak dipulihkan. / Table ${name} was not restored.`);
    else if (want !== got)
      problems.push(
        `Tabel ${name}: ${got} baris, manifes ${want}. / Table ${name}: ${got} rows, the manifest says ${want}.`,
      );
  }
  if (facts.migration !== manifest.migration)
    problems.push(
      `Migrasi terbaru ${facts.migration ?? '-'}, manifes ${manifest.migration ?? '-'}. / Newest migration ${facts.migration ?? '-'}, the manifest says ${manifest.migration ?? '-'}.`,
    );
  if (
    facts.audit.lastEventId !== manifest.audit.lastEventId ||
    facts.audit.headHash !== manifest.audit.headHash
  )
    problems.push(
      `Ujung rantai audit ${facts.audit.lastEventId ?? '-'} tidak sama dengan manifes (${manifest.audit.lastEventId ?? '-'}). / The audit chain's head ${facts.audit.lastEventId ?? '-'} differs from the manifest's (${manifest.audit.lastEventId ?? '-'}).`,
    );
  const audit = await verifyAudit(db, { dataDir });
  problems.push(...audit.problems);
  return {
    problems,
    tables: Object.keys(facts.tables).length,
    rows: Object.values(facts.tables).reduce((a, b) => a + b, 0),
    auditEvents: audit.checked,
  };
}

/** Hashes every restored file in a disk storage root again; returns the keys absent or not matching. */
export async function checkRestoredFiles(manifest: BackupManifest, storageRoot: string): Promise<string[]> {
  const bad: string[] = [];
  for (const f of manifest.files) {
    const file = path.join(storageRoot, ...f.key.split(/[\\/]/));
    if (!fs.existsSync(file) || (await hashFile(file)).sha256 !== f.sha256) bad.push(f.key);
  }
  return bad;
}
