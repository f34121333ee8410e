import type { Db } from '../db/connect.js';
import type { ReviewTeam } from '../db/schema.js';
import { createAccount } from '../modules/users/commands/create-account.js';
import { DEMO_PASSWORD } from './demo-accounts.js';
import { KALTIM_PROVINCE_NAME, TANGERANG_REGENCY_NAME } from './reference.js';

/*
 * The national demo KIPP's review teams (issue 12 point 2): a Tim Evaluasi of four (the listed demo
 * evaluator and three more) and a Tim Panel Independen of three (the listed demo panelist and two more),
 * every profile complete, so the team page, the conflicts and later the assignment have something to
 * show. The extra members log in with the demo password but are not printed on start. Fictional people.
 */

interface Member {
  email: string;
  name: string;
  position: string;
  team: ReviewTeam;
  /** A registry institution (by exact name) or a free-text affiliation. */
  affiliation: { institution: string } | { name: string };
  regionCode: string | null;
  /** Indexes into the competition's categories. */
  expertise: number[];
  capacity: number | null;
  /** Declared conflicts (registry names) with a note. */
  conflicts?: { institution: string; note: string }[];
}

const MEMBERS: Member[] = [
  {
    email: 'evaluator@demo.sinovik.id',
    name: '',
    position: '',
    team: 'evaluation',
    affiliation: { name: 'Universitas Indonesia' },
    regionCode: '32.76',
    expertise: [0, 4],
    capacity: 60,
  },
  {
    email: 'andi.prasetyo@demo.sinovik.id',
    name: 'Dr. Andi Prasetyo',
    position: 'Dosen Kebijakan Publik',
    team: 'evaluation',
    affiliation: { name: 'Universitas Gadjah Mada' },
    regionCode: '34',
    expertise: [1, 2],
    capacity: 60,
  },
  {
    email: 'maya.kartika@demo.sinovik.id',
    name: 'Maya Kartika, M.Si.',
    position: 'Analis Kebijakan Ahli Madya',
    team: 'evaluation',
    affiliation: { institution: KALTIM_PROVINCE_NAME },
    regionCode: '64',
    expertise: [3, 5],
    capacity: 40,
  },
  {
    email: 'hendro.wibisono@demo.sinovik.id',
    name: 'Ir. Hendro Wibisono',
    position: 'Peneliti Ahli Utama',
    team: 'evaluation',
    affiliation: { name: 'Universitas Hasanuddin' },
    regionCode: '73',
    expertise: [6, 7],
    capacity: null,
    conflicts: [{ institution: TANGERANG_REGENCY_NAME, note: 'Pernah menjadi konsultan RSUD' }],
  },
  {
    email: 'panelis@demo.sinovik.id',
    name: '',
    position: '',
    team: 'panel',
    affiliation: { name: 'Universitas Airlangga' },
    regionCode: '35',
    expertise: [0, 1, 2],
    capacity: null,
  },
  {
    email: 'nurul.hidayati@demo.sinovik.id',
    name: 'Prof. Nurul Hidayati',
    position: 'Guru Besar Manajemen Publik',
    team: 'panel',
    affiliation: { name: 'Universitas Padjadjaran' },
    regionCode: '32',
    expertise: [3, 4],
    capacity: null,
  },
  {
    email: 'yohanes.sitompul@demo.sinovik.id',
    name: 'Drs. Yohanes Sitompul',
    position: 'Pegiat Pelayanan Publik',
    team: 'panel',
    affiliation: { name: 'Masyarakat Peduli Pelayanan Publik' },
    regionCode: null,
    expertise: [5, 6],
    capacity: null,
  },
];

export async function seedDemoReviewTeams(
  db: Db,
  input: { competitionId: number; createdBy: number; now: Date },
): Promise<void> {
  const stamp = input.now.toISOString();
  const categories = await db
    .selectFrom('categories')
    .select('key')
    .where('competition_id', '=', input.competitionId)
    .orderBy('position')
    .execute();
  const institutionId = async (name: string) =>
    (await db.selectFrom('institutions').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  for (const m of MEMBERS) {
    let user = await db.selectFrom('users').select('id').where('email', '=', m.email).executeTakeFirst();
    if (!user)
      user = await createAccount(db, {
        email: m.email,
        name: m.name,
        position: m.position,
        role: m.team === 'panel' ? 'panelist' : 'evaluator',
        competitionId: input.competitionId,
        password: DEMO_PASSWORD,
        mustCompleteProfile: false,
        createdBy: input.createdBy,
        now: input.now,
      });
    else {
      // A demo reviewer of another competition joins this one's team too (a grant per competition).
      const role = m.team === 'panel' ? 'panelist' : 'evaluator';
      const held = await db
        .selectFrom('role_grants')
        .select('id')
        .where('user_id', '=', user.id)
        .where('role', '=', role)
        .where('competition_id', '=', input.competitionId)
        .executeTakeFirst();
      if (!held)
        await db
          .insertInto('role_grants')
          .values({
            user_id: user.id,
            role,
            institution_id: null,
            unit_id: null,
            competition_id: input.competitionId,
            granted_by: input.createdBy,
            created_at: stamp,
          })
          .execute();
    }
    const affiliationId =
      'institution' in m.affiliation ? await institutionId(m.affiliation.institution) : null;
    await db
      .insertInto('reviewer_profiles')
      .values({
        competition_id: input.competitionId,
        user_id: user.id,
        team: m.team,
        affiliation_institution_id: affiliationId,
        affiliation_name: 'institution' in m.affiliation ? m.affiliation.institution : m.affiliation.name,
        region_code: m.regionCode,
        expertise: JSON.stringify(m.expertise.map((i) => categories[i % categories.length]!.key)),
        capacity: m.capacity,
        completed_at: stamp,
        created_at: stamp,
        updated_at: stamp,
      })
      .execute();
    for (const c of m.conflicts ?? [])
      await db
        .insertInto('reviewer_conflicts')
        .values({
          competition_id: input.competitionId,
          user_id: user.id,
          institution_id: await institutionId(c.institution),
          source: 'declared',
          note: c.note,
          created_by: user.id,
          created_at: stamp,
        })
        .execute();
  }
}
