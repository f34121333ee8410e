import { titleKeyOf } from '../../src/modules/proposals/title-claims.js';
import { getProvinces, getRegencies } from 'idn-area-data';
import type { Db } from '../../src/db/connect.js';
import type { InstitutionType } from '../../src/db/schema.js';
import type { AwardLevel } from '../../src/contracts/awards.js';
import { provinceInstitution, regencyInstitution } from '../../src/domain/institutions.js';
import { indexDocument, writtenWords } from '../../src/domain/search/postings.js';
import { createFromTemplate } from '../../src/modules/competitions/commands/create-from-template.js';
import { placeNames } from '../../src/modules/gallery/places.js';
import { finalistSources, writeEntry, writeIndex } from '../../src/modules/gallery/queries.js';
import { slugFor, snapshotOf } from '../../src/modules/gallery/snapshot.js';
import { insertBenchUser } from './bench-db.js';
import { innovation, seeded } from './gallery-corpus.js';

/*
 * The gallery bench's world (issue 14 "Speed"): one KIPP per year 2017–2026 of one organizer, every
 * province and regency/city government of the reference data (idn-area-data, as the reference seed names
 * them) plus ministries as participants, and `entries` finalist proposals spread over the years (written
 * straight into proposals, as the final lists leave them). Then the gallery is written through its real
 * path: finalistSources → snapshotOf → indexDocument / writtenWords → writeEntry / writeIndex, one
 * transaction per 1,000 entries — what indexCompetition does at a publication, minus its audit row.
 */

const YEARS = Array.from({ length: 10 }, (_, i) => 2017 + i);
const BATCH = 500;
const INDEX_BATCH = 1000;

/** Award levels of an entry by its number: every finalist is Top 99; a few are awarded. */
function levelsOf(n: number): AwardLevel[] {
  const k = n % 1000;
  if (k < 10) return ['TOP9', 'TOP99'];
  if (k < 30) return ['TOP25', 'TOP99'];
  if (k < 60) return ['TOP45', 'TOP99'];
  if (k < 70) return ['TOP5_REPLIKASI', 'TOP99'];
  if (k < 80) return ['KHUSUS', 'TOP99'];
  return ['TOP99'];
}

export async function seedGallery(
  db: Db,
  opts: { entries: number; log: (line: string) => void },
): Promise<{ entries: number; postings: number; words: number; seconds: number }> {
  const started = performance.now();
  const now = new Date();
  const at = now.toISOString();
  const ins = async (type: InstitutionType, name: string, shortName: string | null, region: string | null) =>
    (
      await db
        .insertInto('institutions')
        .values({
          type,
          name,
          short_name: shortName,
          region_code: region,
          parent_id: null,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const organizerId = await ins('kementerian', 'Kementerian PANRB Bench Galeri', null, null);
  const organizer = await db
    .selectFrom('institutions')
    .selectAll()
    .where('id', '=', organizerId)
    .executeTakeFirstOrThrow();
  const userId = await insertBenchUser(
    db,
    'sekretariat.galeri@bench.sinovik.local',
    'Sekretariat Galeri',
    at,
  );

  // Participants: every province and regency/city of the reference data, and 30 ministries.
  const participants: { id: number; unit: number; place: string }[] = [];
  const add = async (type: InstitutionType, name: string, short: string | null, region: string | null) => {
    const id = await ins(type, name, short, region);
    const unit = await db
      .insertInto('units')
      .values({
        institution_id: id,
        name: 'Unit Pelayanan Publik',
        kind: 'upp',
        parent_unit_id: null,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    participants.push({
      id,
      unit: unit.id,
      place: name.replace(/^Pemerintah (Provinsi |Kabupaten |Kota )?/, ''),
    });
  };
  {
    for (const p of await getProvinces()) {
      const inst = provinceInstitution(p);
      await add(inst.type, inst.name, inst.shortName, inst.regionCode);
    }
    for (const r of await getRegencies({ transform: true })) {
      try {
        const inst = regencyInstitution(r);
        await add(inst.type, inst.name, inst.shortName, inst.regionCode);
      } catch {
        // a name the reference seed skips too
      }
    }
    for (let k = 0; k < 30; k++) await add('kementerian', `Kementerian Peserta ${k + 1}`, null, null);
  }

  const r = seeded(14);
  const places = await placeNames();
  const perYear = Math.ceil(opts.entries / YEARS.length);
  let written = 0;
  let postings = 0;
  let words = 0;
  for (const year of YEARS) {
    const competition = await createFromTemplate(db, {
      template: 'kipp',
      year,
      organizer,
      createdBy: userId,
      ip: null,
      now,
    });
    await db
      .updateTable('competitions')
      .set({ status: 'published' })
      .where('id', '=', competition.id)
      .execute();
    const groups = await db
      .selectFrom('competition_groups')
      .select(['id', 'key'])
      .where('competition_id', '=', competition.id)
      .orderBy('position')
      .execute();
    const categories = await db
      .selectFrom('categories')
      .select('id')
      .where('competition_id', '=', competition.id)
      .orderBy('position')
      .execute();
    const count = Math.min(perYear, opts.entries - written);
    const generated = new Map<string, ReturnType<typeof innovation>>();
    await db.transaction().execute(async (tx) => {
      for (let start = 0; start < count; start += BATCH) {
        const rows = Array.from({ length: Math.min(BATCH, count - start) }, (_, k) => {
          const n = written + start + k;
          const who = participants[Math.floor(r.next() * participants.length)]!;
          const made = innovation(r, n, who.place);
          const code = `GAL-${year}-${String(n).padStart(6, '0')}`;
          generated.set(code, made);
          return {
            competition_id: competition.id,
            code,
            institution_id: who.id,
            unit_id: who.unit,
            group_id: groups[n % 9 === 0 ? 1 : 0]!.id,
            category_id: n % 11 === 0 ? null : categories[n % categories.length]!.id,
            title: made.title,
            title_key: titleKeyOf(made.title),
            acronym: made.acronym,
            implementation_start: '2022-01-10',
            innovator_kind: 'team' as const,
            innovator_names: 'Tim Inovasi',
            contact_name: null,
            contact_phone: null,
            contact_email: null,
            links: '[]',
            declaration_accepted: 1 as const,
            state: 'finalist' as const,
            version: 3,
            created_by: userId,
            created_at: at,
            updated_at: at,
            sent_at: at,
            forwarded_at: at,
            received_at: at,
            returned_note: null,
            source_award_id: null,
          };
        });
        await tx.insertInto('proposals').values(rows).execute();
      }
    });
    // The gallery's real writers, as indexCompetition runs them, 1,000 entries per transaction.
    const sources = await finalistSources(db, competition.id);
    for (let start = 0; start < sources.length; start += INDEX_BATCH)
      await db.transaction().execute(async (tx) => {
        for (const source of sources.slice(start, start + INDEX_BATCH)) {
          const made = generated.get(source.code)!;
          const n = written + start;
          const snapshot = snapshotOf(source, made.answers, levelsOf(source.id), places, {
            slug: slugFor(source, false),
            basis: n % 50 === 0 ? 'consented' : 'finalist',
            now: at,
          });
          const indexed = indexDocument(snapshot.texts);
          const id = await writeEntry(tx, null, {
            ...snapshot.entry,
            title_length: indexed.lengths.title,
            acronym_length: indexed.lengths.acronym,
            answers_length: indexed.lengths.answers,
          });
          const ws = writtenWords(snapshot.texts);
          await writeIndex(tx, id, indexed.postings, ws);
          postings += indexed.postings.length;
          words += ws.length;
        }
      });
    written += count;
    opts.log(
      `  ${year}: ${count} innovations indexed (${written} in all, ${Math.round((performance.now() - started) / 1000)} s)`,
    );
    if (written >= opts.entries) break;
  }
  return { entries: written, postings, words, seconds: Math.round((performance.now() - started) / 100) / 10 };
}
