import type { Db } from '../../db/connect.js';
import type { CompetitionRow, InstitutionRow } from '../../db/schema.js';
import type { SeasonReport, SeasonYears } from '../../contracts/season-report.js';
import { provinceLabel } from '../../domain/dashboard.js';
import { can, type Actor } from '../../domain/policy.js';
import { funnelOf, emptyCounts, regionLevelOf, seasonReportOf } from '../../domain/season-report.js';
import { competitionLabels, provincePlaces } from '../dashboard/queries.js';
import {
  finalListPublished,
  funnelByCompetition,
  funnelRows,
  participantProvinces,
  regencyPlaces,
} from './queries.js';

/*
 * The season report of one competition and the years' comparison of its organizer, assembled from the
 * grouped counts (queries.ts) by the pure rules (domain/season-report.ts).
 */

const provinceOf = async (code: string | null) => {
  if (!code) return null;
  const places = await provincePlaces();
  return { code, label: provinceLabel(code, (c) => places.get(c)) };
};

export async function seasonReport(
  db: Db,
  input: {
    competition: CompetitionRow;
    organizer: InstitutionRow;
    province: string | null;
    actor: Actor;
    now: Date;
  },
): Promise<SeasonReport> {
  const { competition: c, organizer, province } = input;
  const regionLevel = regionLevelOf(organizer.type, province);
  const filterProvince = regionLevelOf(organizer.type, null) === 'province';
  const [rows, labels, provinces, published, provinceCodes] = await Promise.all([
    funnelRows(db, { competitionIds: [c.id], province, regionLevel }),
    competitionLabels(db, c.id),
    provincePlaces(),
    finalListPublished(db, c.id),
    filterProvince ? participantProvinces(db, c.id) : Promise.resolve([]),
  ]);
  const regencies = await regencyPlaces(
    db,
    rows.map((r) => r.regionKey),
  );
  const report = seasonReportOf(rows, {
    groups: labels.groups,
    categories: labels.categories,
    placeOf: (code) => (code.length === 5 ? regencies.get(code) : provinces.get(code)),
    regionLevel,
  });
  const placeOfProvince = (code: string) => provinces.get(code);
  return {
    competition: {
      id: c.id,
      code: c.code,
      name: c.name,
      year: c.year,
      timeZone: c.time_zone,
      organizerName: organizer.name,
    },
    scope: {
      province: province ? { code: province, label: provinceLabel(province, placeOfProvince) } : null,
      regionLevel,
      provinces: provinceCodes
        .map((code) => ({ code, label: provinceLabel(code, placeOfProvince) }))
        .sort((a, b) => a.label.id.localeCompare(b.label.id, 'id')),
    },
    finalListPublished: published,
    funnel: report.funnel,
    breakdowns: report.breakdowns,
    generatedAt: input.now.toISOString(),
    abilities: {
      downloadXlsx: can(input.actor, 'seasonReport.view', {
        organizerInstitutionId: c.organizer_institution_id,
      }),
      filterProvince,
    },
  };
}

/**
 * The organizer's competitions year by year (oldest first) with their funnels: every competition it
 * organizes that is not a draft, and the one asked about.
 */
export async function seasonYears(
  db: Db,
  input: { competition: CompetitionRow; organizer: InstitutionRow; province: string | null },
): Promise<SeasonYears> {
  const { competition: c, organizer, province } = input;
  const competitions = await db
    .selectFrom('competitions')
    .select(['id', 'code', 'name', 'year'])
    .where('organizer_institution_id', '=', organizer.id)
    .where((eb) => eb.or([eb('status', '!=', 'draft'), eb('id', '=', c.id)]))
    .orderBy('year')
    .orderBy('id')
    .execute();
  const counts = await funnelByCompetition(db, {
    competitionIds: competitions.map((x) => x.id),
    province,
    regionLevel: 'province',
  });
  return {
    organizer: { id: organizer.id, name: organizer.name },
    province: await provinceOf(province),
    competitions: competitions.map((x) => ({
      ...x,
      funnel: funnelOf(counts.get(x.id) ?? emptyCounts()),
    })),
  };
}
