import type { Db } from '../../src/db/connect.js';
import { toDefinition } from '../../src/modules/competitions/definition-rows.js';
import { loadCompetitionFull } from '../../src/modules/competitions/queries.js';
import { createFromTemplate } from '../../src/modules/competitions/commands/create-from-template.js';
import { setCompetitionStatus } from '../../src/modules/competitions/commands/set-status.js';
import { updateCompetition } from '../../src/modules/competitions/commands/update-competition.js';
import { hashPassword } from '../../src/platform/passwords.js';
import { seedReferenceData } from '../../src/seed/index.js';
import { alignSubmissionClose } from '../../src/seed/demo.js';
import { KEMENPAN_RB_NAME } from '../../src/seed/reference.js';

/*
 * Setup of the benchmark's database, written directly through the project's own commands and tables
 * (setup is not measured; the load itself goes through HTTP): the reference institutions, a published KIPP
 * of this year whose submission closes in 21 days (the demo's path), `institutions` regencies/cities with
 * one or two units each, one UPP account per unit and one admin lokal per institution. Every account shares
 * one argon2 hash, computed once (hashing 850 passwords would take minutes and measure nothing).
 */

export const BENCH_PASSWORD = 'Bench-Sinovik-2026';

export interface SeededUpp {
  email: string;
  userId: number;
  institutionId: number;
  unitId: number;
  /** How many proposals this person writes and sends in the surge. */
  proposals: number;
}

export interface SeededAdmin {
  email: string;
  userId: number;
  institutionId: number;
}

export interface Seeded {
  competitionId: number;
  groupKey: string;
  closesAt: string;
  quota: number;
  maxFileMb: number;
  systemAdmin: string;
  upps: SeededUpp[];
  admins: SeededAdmin[];
  categoryKey: string;
  sectionKeys: string[];
  timings: { referenceMs: number; competitionMs: number; accountsMs: number };
}

export async function seedBench(
  db: Db,
  opts: { institutions: number; users: number; perInstitution: number; maxFileMb: number },
): Promise<Seeded> {
  if (opts.users < opts.institutions || opts.users > 2 * opts.institutions)
    throw new Error(`--users must be between --institutions and twice it (1 or 2 units each)`);
  const now = new Date();
  const stamp = now.toISOString();
  const t0 = performance.now();
  await seedReferenceData(db);
  const t1 = performance.now();

  const hash = await hashPassword(BENCH_PASSWORD);
  const insertUser = async (email: string, name: string, position: string) =>
    (
      await db
        .insertInto('users')
        .values({
          email,
          name,
          position,
          phone: '081200000000',
          password_hash: hash,
          locale: 'id',
          must_complete_profile: 0,
          is_active: 1,
          created_at: stamp,
          updated_at: stamp,
          last_login_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const grant = (
    userId: number,
    role: 'system_admin' | 'local_admin' | 'upp',
    inst?: number,
    unit?: number,
  ) =>
    db
      .insertInto('role_grants')
      .values({
        user_id: userId,
        role,
        institution_id: inst ?? null,
        unit_id: unit ?? null,
        competition_id: null,
        granted_by: null,
        created_at: stamp,
      })
      .execute();

  const systemAdmin = 'admin@bench.sinovik.local';
  const adminId = await insertUser(systemAdmin, 'Administrator Bench', 'Administrator Sistem');
  await grant(adminId, 'system_admin');

  // The national KIPP organized by Kementerian PANRB, created and published the way the demo does it.
  const organizer = await db
    .selectFrom('institutions')
    .selectAll()
    .where('name', '=', KEMENPAN_RB_NAME)
    .executeTakeFirstOrThrow();
  const kipp = await createFromTemplate(db, {
    // The bench proposals use the 2023 sector categories and the replikasi group.
    template: 'kipp',
    preset: 'kipp-2023',
    year: now.getUTCFullYear(),
    organizer,
    createdBy: adminId,
    ip: null,
    now,
  });
  const def = alignSubmissionClose(toDefinition((await loadCompetitionFull(db, kipp.id))!), now, 21);
  const settings = {
    ...def.settings,
    maxFileMb: opts.maxFileMb,
    maxProposalMb: Math.max(def.settings.maxProposalMb, opts.maxFileMb * 5),
  };
  await updateCompetition(db, {
    id: kipp.id,
    definition: { ...def, settings },
    actorUserId: adminId,
    ip: null,
    now,
  });
  await setCompetitionStatus(db, { id: kipp.id, to: 'published', actorUserId: adminId, ip: null, now });
  const full = (await loadCompetitionFull(db, kipp.id))!;
  const finalDef = toDefinition(full);
  const umum = finalDef.groups.find((g) => g.key === 'umum')!;
  const submission = finalDef.stages.find((s) => s.kind === 'submission')!;
  if (umum.quotaPerInstitution !== null && opts.perInstitution > umum.quotaPerInstitution)
    throw new Error(
      `--per-institution ${opts.perInstitution} exceeds the umum quota ${umum.quotaPerInstitution}`,
    );
  const t2 = performance.now();

  // Participants: real regencies and cities from the reference data.
  const institutions = await db
    .selectFrom('institutions')
    .select(['id', 'name'])
    .where('type', 'in', ['pemerintah_kabupaten', 'pemerintah_kota'])
    .orderBy('id')
    .limit(opts.institutions)
    .execute();
  if (institutions.length < opts.institutions)
    throw new Error(`only ${institutions.length} regencies/cities in the reference data`);
  const twoUnits = opts.users - opts.institutions;
  const upps: SeededUpp[] = [];
  const admins: SeededAdmin[] = [];
  const unitNames = ['Dinas Kependudukan dan Pencatatan Sipil', 'RSUD', 'Dinas Penanaman Modal dan PTSP'];
  await db.transaction().execute(async (tx) => {
    const txUser = async (email: string, name: string, position: string) =>
      (
        await tx
          .insertInto('users')
          .values({
            email,
            name,
            position,
            phone: '081200000000',
            password_hash: hash,
            locale: 'id',
            must_complete_profile: 0,
            is_active: 1,
            created_at: stamp,
            updated_at: stamp,
            last_login_at: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const txGrant = (userId: number, role: 'local_admin' | 'upp', inst: number, unit?: number) =>
      tx
        .insertInto('role_grants')
        .values({
          user_id: userId,
          role,
          institution_id: inst,
          unit_id: unit ?? null,
          competition_id: null,
          granted_by: null,
          created_at: stamp,
        })
        .execute();
    for (const [i, inst] of institutions.entries()) {
      const units = i < twoUnits ? 2 : 1;
      const adminEmail = `adminlokal.${i + 1}@bench.sinovik.local`;
      const localAdmin = await txUser(adminEmail, `Admin Lokal ${inst.name}`, 'Kepala Bagian Organisasi');
      await txGrant(localAdmin, 'local_admin', inst.id);
      admins.push({ email: adminEmail, userId: localAdmin, institutionId: inst.id });
      for (let u = 0; u < units; u++) {
        const unit = await tx
          .insertInto('units')
          .values({
            institution_id: inst.id,
            name: `${unitNames[u]} ${inst.name.replace(/^Pemerintah /, '')}`,
            kind: 'upp',
            parent_unit_id: null,
            created_at: stamp,
            updated_at: stamp,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const email = `upp.${i + 1}.${u + 1}@bench.sinovik.local`;
        const upp = await txUser(email, `Pengusul ${u + 1} ${inst.name}`, 'Kepala Seksi Pelayanan');
        await txGrant(upp, 'upp', inst.id, unit.id);
        // The institution's proposals are split between its units (10 → 10, or 5 + 5).
        const share = Math.floor(opts.perInstitution / units) + (u < opts.perInstitution % units ? 1 : 0);
        upps.push({ email, userId: upp, institutionId: inst.id, unitId: unit.id, proposals: share });
      }
    }
  });
  const t3 = performance.now();

  return {
    competitionId: kipp.id,
    groupKey: 'umum',
    closesAt: submission.closesAt!,
    quota: umum.quotaPerInstitution ?? Infinity,
    maxFileMb: settings.maxFileMb,
    systemAdmin,
    upps,
    admins,
    categoryKey: finalDef.categories[0].key,
    sectionKeys: umum.sections.map((s) => s.key),
    timings: { referenceMs: t1 - t0, competitionMs: t2 - t1, accountsMs: t3 - t2 },
  };
}
