import path from 'node:path';
import { Readable } from 'node:stream';
import type { Db } from '../db/connect.js';
import type { InstitutionRow, Role } from '../db/schema.js';
import type { CompetitionDefinition } from '../domain/competition-template.js';
import { checkPassword } from '../domain/password-policy.js';
import { wallClock, zonedToUtc } from '../domain/time.js';
import type { Clock } from '../platform/clock.js';
import { DiskStorage } from '../platform/storage-disk.js';
import { createFromTemplate } from '../modules/competitions/commands/create-from-template.js';
import { updateCompetition } from '../modules/competitions/commands/update-competition.js';
import { setCompetitionStatus } from '../modules/competitions/commands/set-status.js';
import { toDefinition } from '../modules/competitions/definition-rows.js';
import { loadCompetitionFull } from '../modules/competitions/queries.js';
import { createAccount } from '../modules/users/commands/create-account.js';
import { DEMO_PASSWORD, type DemoAccount, type DemoSeedOptions } from './demo-accounts.js';
import { samplePdf } from './sample-pdf.js';
import { seedDemoProposals } from './demo-proposals.js';
import { seedDemoReviewTeams } from './demo-review-team.js';
import { SELECTION_DEMO, SELECTION_EVALUATORS, seedSelectionDemo } from './demo-selection.js';
import { PANEL_DEMO, seedPanelDemo } from './demo-panel.js';
import { seedLastYearDemo } from './demo-last-year.js';
import { seedGalleryOwners } from './demo-gallery.js';
import { KALTIM_PROVINCE_NAME, KEMENPAN_RB_NAME, TANGERANG_REGENCY_NAME } from './reference.js';

const NATIONAL_ORGANIZER = KEMENPAN_RB_NAME;
const PROVINCE = KALTIM_PROVINCE_NAME;
const REGENCY = TANGERANG_REGENCY_NAME;
const CITY_REQUESTING = 'Pemerintah Kota Samarinda';

const TANGERANG_UNITS: { name: string; kind: 'pd' | 'upp' }[] = [
  { name: 'Dinas Kependudukan dan Pencatatan Sipil', kind: 'pd' },
  { name: 'RSUD Kabupaten Tangerang', kind: 'upp' },
  { name: 'Kecamatan Tigaraksa', kind: 'upp' },
  { name: 'Badan Perencanaan Pembangunan Daerah', kind: 'pd' },
];

interface DemoUserSpec {
  email: string;
  name: string;
  position: string;
  role: Role;
  roleLabel: string;
  institution?: string;
  unit?: string;
  competition?: 'national';
  /**
   * Also the installation's data steward (Pengelola Data Referensi): for KIPP the system administrator
   * delegates the institution and award registries and the admin lokal requests to the national organizer.
   */
  dataSteward?: true;
  /** What the account does in the selection demo (demo-selection.ts), Bahasa Indonesia / English. */
  selection?: string;
  /** What the account does in the panel demo (demo-panel.ts), Bahasa Indonesia / English. */
  panel?: string;
}

const USERS: DemoUserSpec[] = [
  {
    email: 'admin@demo.sinovik.id',
    name: 'Administrator Sinovik',
    position: 'Administrator Sistem',
    role: 'system_admin',
    roleLabel: 'Administrator Sistem',
  },
  {
    email: 'sekretariat@demo.sinovik.id',
    name: 'Rina Kusumawati',
    position: 'Tim Sekretariat KIPP',
    role: 'secretariat',
    roleLabel: 'Sekretariat + Pengelola Data Referensi',
    institution: NATIONAL_ORGANIZER,
    dataSteward: true,
    selection:
      'seleksi administrasi, publikasi, penugasan, hasil, finalis / admin check, publication, assignment, results, finalists',
    panel:
      'jadwal presentasi, kunjungan lapangan, penilaian publik, sidang, hasil, piagam, laporan / presentation schedule, field visits, public rating, final session, results, certificates, report',
  },
  {
    email: 'sekretariat.kaltim@demo.sinovik.id',
    name: 'Hendra Saputra',
    position: 'Biro Organisasi Setda Prov. Kaltim',
    role: 'secretariat',
    roleLabel: 'Sekretariat',
    institution: PROVINCE,
  },
  {
    email: 'adminlokal.tangerang@demo.sinovik.id',
    name: 'Dewi Anggraini',
    position: 'Kepala Bagian Organisasi Setda',
    role: 'local_admin',
    roleLabel: 'Admin Lokal',
    institution: REGENCY,
    selection: "melengkapi proposal Kab. Tangerang yang diminta / completes Tangerang's proposals when asked",
    panel:
      'tiga finalis Kab. Tangerang: undangan presentasi, unggah bahan, hasil dan piagam / three Tangerang finalists: invitation, uploads, results and certificates',
  },
  {
    email: 'upp.tangerang@demo.sinovik.id',
    name: 'Agus Pratama',
    position: 'Kepala Seksi Pelayanan',
    role: 'upp',
    roleLabel: 'Pengusul / UPP',
    institution: REGENCY,
    unit: 'RSUD Kabupaten Tangerang',
    selection: "melihat hasil proposal RSUD / sees the RSUD proposals' results",
  },
  {
    email: 'evaluator@demo.sinovik.id',
    name: 'Prof. Siti Rahmawati',
    position: 'Guru Besar Administrasi Publik',
    role: 'evaluator',
    roleLabel: 'Tim Evaluasi',
    competition: 'national',
    selection: 'menilai proposal yang ditugaskan / scores the assigned proposals',
  },
  {
    email: 'panelis@demo.sinovik.id',
    name: 'Dr. Bambang Wijaya',
    position: 'Anggota Tim Panel Independen',
    role: 'panelist',
    roleLabel: 'Tim Panel Independen',
    competition: 'national',
    selection: 'memutus sanggahan uji publik / decides the uji publik objections',
    panel:
      'sesi presentasi dan penilaiannya (terbuka sekarang), verifikasi lapangan, keputusan sidang / the presentation sessions and their scoring (open now), field verification, final decisions',
  },
];

async function institutionNamed(db: Db, name: string): Promise<InstitutionRow> {
  const row = await db.selectFrom('institutions').selectAll().where('name', '=', name).executeTakeFirst();
  if (!row) throw new Error(`reference data is missing "${name}": run the reference seed first`);
  return row;
}

/**
 * The demo competitions' help contacts (issue 11): clearly demo values (e-mail on demo.sinovik.id, 5555
 * numbers), so `npm start` shows the footer of a competition's pages with a contact.
 */
export const DEMO_HELPDESK = {
  national: {
    phone: '021 5555 0101',
    email: 'bantuan.kipp@demo.sinovik.id',
    whatsapp: '0812 5555 0101',
    hours: 'Senin–Jumat 08.00–16.00 WIB',
  },
  regional: {
    phone: '0541 5555 0102',
    email: 'bantuan.kaltim@demo.sinovik.id',
    whatsapp: '0812 5555 0102',
    hours: 'Senin–Jumat 08.00–16.00 WITA',
  },
} as const;

const withHelpdesk = (
  def: CompetitionDefinition,
  helpdesk: CompetitionDefinition['settings']['helpdesk'],
): CompetitionDefinition => ({ ...def, settings: { ...def.settings, helpdesk: { ...helpdesk } } });

/**
 * Moves every stage by the same amount so that the submission window closes at 23:59 in the competition's
 * zone `daysAhead` days after `now`: a demo always has an open competition whatever the date.
 */
export function alignSubmissionClose(
  def: CompetitionDefinition,
  now: Date,
  daysAhead: number,
): CompetitionDefinition {
  const submission = def.stages.find((s) => s.kind === 'submission');
  if (!submission?.closesAt) return def;
  const target = new Date(now.getTime() + daysAhead * 86_400_000);
  const local = wallClock(target, def.timeZone);
  const closeAt = zonedToUtc(
    { year: local.year, month: local.month, day: local.day, hour: 23, minute: 59 },
    def.timeZone,
  );
  const delta = closeAt.getTime() - new Date(submission.closesAt).getTime();
  const shift = (iso: string | null) =>
    iso ? new Date(new Date(iso).getTime() + delta).toISOString() : null;
  return {
    ...def,
    stages: def.stages.map((s) => ({ ...s, opensAt: shift(s.opensAt), closesAt: shift(s.closesAt) })),
  };
}

/**
 * The demo: a published national KIPP of the current year whose submission window is open, a provincial
 * competition organized by Kalimantan Timur, units of Kabupaten Tangerang, one account per role, a
 * pending admin lokal request, and (with a data folder for their evidence) a few dozen proposals in every
 * state of the submission path (demo-proposals.ts). Runs through the same commands the API uses. Idempotent.
 */
export async function seedDemoData(db: Db, clock: Clock, opts: DemoSeedOptions = {}): Promise<DemoAccount[]> {
  const existing = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', USERS[0].email)
    .executeTakeFirst();
  if (existing) {
    // A demo seeded before the data steward existed gets the grant too (once).
    await grantDemoDataStewards(db, existing.id, clock.now());
    return listDemoAccounts(db);
  }
  // The demo password is set like any other: it must pass the strength check (domain/password-policy.ts).
  const weak = checkPassword(DEMO_PASSWORD);
  if (weak) throw new Error(`The demo password is refused by the password policy: ${weak.message.en}`);
  const now = clock.now();
  const year = now.getUTCFullYear();
  const national = await institutionNamed(db, NATIONAL_ORGANIZER);
  const province = await institutionNamed(db, PROVINCE);
  const regency = await institutionNamed(db, REGENCY);

  const admin = await createAccount(db, {
    email: USERS[0].email,
    name: USERS[0].name,
    position: USERS[0].position,
    role: 'system_admin',
    password: DEMO_PASSWORD,
    mustCompleteProfile: false,
    createdBy: null,
    now,
  });

  const ip = null;
  const kipp = await createFromTemplate(db, {
    // The demo proposals use the 2023 sector categories (src/seed/data/demo-proposals.json).
    template: 'kipp',
    preset: 'kipp-2023',
    year,
    organizer: national,
    createdBy: admin.id,
    ip,
    now,
  });
  const kippFull = await loadCompetitionFull(db, kipp.id);
  await updateCompetition(db, {
    id: kipp.id,
    definition: withHelpdesk(alignSubmissionClose(toDefinition(kippFull!), now, 21), DEMO_HELPDESK.national),
    actorUserId: admin.id,
    ip,
    now,
  });
  await setCompetitionStatus(db, { id: kipp.id, to: 'published', actorUserId: admin.id, ip, now });

  const regional = await createFromTemplate(db, {
    timeZone: 'Asia/Makassar',
    code: 'KIPP-KALTIM',
    // The demo proposals use the 2023 sector categories (src/seed/data/demo-proposals.json).
    template: 'kipp',
    preset: 'kipp-2023',
    year,
    organizer: province,
    createdBy: admin.id,
    ip,
    now,
  });
  const regionalFull = await loadCompetitionFull(db, regional.id);
  await updateCompetition(db, {
    id: regional.id,
    definition: withHelpdesk(
      alignSubmissionClose(toDefinition(regionalFull!), now, 35),
      DEMO_HELPDESK.regional,
    ),
    actorUserId: admin.id,
    ip,
    now,
  });
  await setCompetitionStatus(db, { id: regional.id, to: 'published', actorUserId: admin.id, ip, now });

  const unitIds = new Map<string, number>();
  for (const u of TANGERANG_UNITS) {
    const row = await db
      .insertInto('units')
      .values({
        institution_id: regency.id,
        name: u.name,
        kind: u.kind,
        parent_unit_id: null,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    unitIds.set(u.name, row.id);
  }

  for (const spec of USERS.slice(1)) {
    const institution = spec.institution ? await institutionNamed(db, spec.institution) : null;
    await createAccount(db, {
      email: spec.email,
      name: spec.name,
      position: spec.position,
      role: spec.role,
      institutionId: institution?.id ?? null,
      unitId: spec.unit ? unitIds.get(spec.unit)! : null,
      competitionId: spec.competition === 'national' ? kipp.id : null,
      password: DEMO_PASSWORD,
      mustCompleteProfile: false,
      createdBy: admin.id,
      now,
    });
  }

  await grantDemoDataStewards(db, admin.id, now);
  await seedDemoReviewTeams(db, { competitionId: kipp.id, createdBy: admin.id, now });

  if (opts.dataDir)
    await seedDemoProposals(db, {
      competitionId: kipp.id,
      dataDir: opts.dataDir,
      storage: opts.storage,
      baseUrl: opts.baseUrl ?? 'http://localhost:3000',
      now,
    });

  // The selection demo (issue 12): a second KIPP of the same organizer, past its closing.
  if (opts.dataDir && opts.selection !== false)
    await seedSelectionDemo(db, clock, {
      organizer: national,
      adminId: admin.id,
      dataDir: opts.dataDir,
      storage: opts.storage,
      baseUrl: opts.baseUrl ?? 'http://localhost:3000',
    });

  // The panel demo (issue 13): a third KIPP whose selection is over, at its final finalist list.
  if (opts.dataDir && opts.panel !== false)
    await seedPanelDemo(db, clock, {
      organizer: national,
      adminId: admin.id,
      dataDir: opts.dataDir,
      storage: opts.storage,
      baseUrl: opts.baseUrl ?? 'http://localhost:3000',
    });

  // Last year's KIPP (issue 14): run a year ago to its published results, so the gallery has winners.
  if (opts.dataDir && opts.lastYear !== false) {
    const lastYear = await seedLastYearDemo(db, clock, {
      organizer: national,
      adminId: admin.id,
      dataDir: opts.dataDir,
      storage: opts.storage,
      baseUrl: opts.baseUrl ?? 'http://localhost:3000',
    });
    await seedGalleryOwners(db, { competitionId: lastYear.id, now: clock.now() });
  }

  if (opts.dataDir) {
    const city = await db
      .selectFrom('institutions')
      .selectAll()
      .where('name', '=', CITY_REQUESTING)
      .executeTakeFirst();
    if (city) {
      const storage = opts.storage ?? new DiskStorage(path.join(opts.dataDir, 'files'));
      const stored = await storage.put(
        Readable.from(samplePdf(`Surat Permohonan Akun Sinovik Admin Lokal - ${city.name}`)),
        {
          maxBytes: 5 * 1024 * 1024,
          allowedMimes: ['application/pdf'],
        },
      );
      const file = await db
        .insertInto('files')
        .values({
          sha256: stored.sha256,
          size: stored.size,
          mime: stored.mime,
          original_name: 'surat-permohonan-admin-lokal.pdf',
          storage_key: stored.storageKey,
          uploaded_by: null,
          created_at: now.toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('admin_requests')
        .values({
          institution_id: city.id,
          name: 'Yusuf Hidayat',
          position: 'Kepala Bagian Organisasi Setda Kota Samarinda',
          email: 'yusuf.hidayat@demo.sinovik.id',
          phone: '081234567890',
          letter_number: '800/123/Org/2026',
          letter_file_id: file.id,
          locale: 'id',
          status: 'pending',
          reason: null,
          decided_by: null,
          decided_at: null,
          created_user_id: null,
          ip: null,
          created_at: now.toISOString(),
        })
        .execute();
    }
  }
  return listDemoAccounts(db);
}

/** The installation-wide data steward grant of the demo accounts marked so, unless they have it already. */
async function grantDemoDataStewards(db: Db, grantedBy: number, now: Date): Promise<void> {
  for (const spec of USERS.filter((u) => u.dataSteward)) {
    const user = await db.selectFrom('users').select('id').where('email', '=', spec.email).executeTakeFirst();
    if (!user) continue;
    const held = await db
      .selectFrom('role_grants')
      .select('id')
      .where('user_id', '=', user.id)
      .where('role', '=', 'data_steward')
      .executeTakeFirst();
    if (held) continue;
    await db
      .insertInto('role_grants')
      .values({
        user_id: user.id,
        role: 'data_steward',
        institution_id: null,
        unit_id: null,
        competition_id: null,
        granted_by: grantedBy,
        created_at: now.toISOString(),
      })
      .execute();
  }
}

/** The demo accounts present in this database, with their scope, for the start-up banner. */
export async function listDemoAccounts(db: Db): Promise<DemoAccount[]> {
  const rows = await db
    .selectFrom('users')
    .leftJoin('role_grants', 'role_grants.user_id', 'users.id')
    .leftJoin('institutions', 'institutions.id', 'role_grants.institution_id')
    .leftJoin('units', 'units.id', 'role_grants.unit_id')
    .leftJoin('competitions', 'competitions.id', 'role_grants.competition_id')
    .select([
      'users.email',
      'institutions.name as institution',
      'units.name as unit',
      'competitions.name as competition',
      'competitions.code as competitionCode',
    ])
    .where(
      'users.email',
      'in',
      USERS.map((u) => u.email),
    )
    .execute();
  const selectionSeeded = rows.some((r) => r.competitionCode === SELECTION_DEMO.code);
  const panelSeeded = rows.some((r) => r.competitionCode === PANEL_DEMO.code);
  const accounts = USERS.flatMap((spec): DemoAccount[] => {
    const mine = rows.filter((r) => r.email === spec.email);
    if (!mine.length) return [];
    const row = mine.find((r) => r.unit || r.institution || r.competition) ?? mine[0];
    // A reviewer holds one grant per competition: every competition is named.
    const competitions = [...new Set(mine.map((r) => r.competition).filter(Boolean))].join(' + ');
    const scope =
      [row.unit, row.institution, competitions].filter(Boolean).join(', ') || 'seluruh sistem / whole system';
    const selection = {
      ...(selectionSeeded && spec.selection ? { selection: spec.selection } : {}),
      ...(panelSeeded && spec.panel ? { panel: spec.panel } : {}),
    };
    if (spec.dataSteward)
      return [
        {
          role: spec.roleLabel,
          email: spec.email,
          scope: `${scope}; data rujukan / reference data`,
          ...selection,
        },
      ];
    return [{ role: spec.roleLabel, email: spec.email, scope, ...selection }];
  });
  if (!selectionSeeded) return accounts;
  // The other members of the Tim Evaluasi: a gap between two scores brings in a third evaluator.
  return [
    ...accounts,
    ...SELECTION_EVALUATORS.map((email) => ({
      role: 'Tim Evaluasi',
      email,
      scope: `${SELECTION_DEMO.name} (${SELECTION_DEMO.code})`,
      selection: 'evaluator kedua/ketiga / second or third evaluator',
    })),
  ];
}
