import type { Db } from '../../db/connect.js';
import { regionCodes } from '../../domain/gallery.js';
import { REPLIKASI_GROUP, replicationCounts, type ReplicationEdge } from '../../domain/replication.js';
import type { ReplicationGraph } from '../../contracts/replication.js';
import { placeNames } from '../gallery/places.js';

/*
 * The public replication graph (issue 14 point 3) and the counts per innovation, institution and region.
 * Public: institutions and regions only, never a person. A replication is either an accepted request, or a
 * replikasi innovation of the gallery whose proposal names (proposals.source_award_id) an award written for
 * this innovation's proposal (awards.proposal_id).
 */

const nodeColumns = ['g.slug', 'g.title', 'g.institution_name', 'g.year'] as const;
const node = (r: { slug: string; title: string; institution_name: string; year: number }) => ({
  slug: r.slug,
  title: r.title,
  institution: r.institution_name,
  year: r.year,
});

/** The gallery innovation a replikasi proposal names as its source (when that source is public). */
async function sourceOf(db: Db, proposalId: number) {
  return db
    .selectFrom('proposals as p')
    .innerJoin('competition_groups as grp', 'grp.id', 'p.group_id')
    .innerJoin('awards as a', 'a.id', 'p.source_award_id')
    .innerJoin('gallery_entries as g', 'g.proposal_id', 'a.proposal_id')
    .select(nodeColumns)
    .where('p.id', '=', proposalId)
    .where('grp.key', '=', REPLIKASI_GROUP)
    .executeTakeFirst();
}

/** Replikasi innovations of the gallery naming an award of this proposal as their source. */
async function replikasiOf(db: Db, proposalIds: readonly number[]) {
  if (!proposalIds.length) return [];
  return db
    .selectFrom('gallery_entries as g')
    .innerJoin('proposals as rp', 'rp.id', 'g.proposal_id')
    .innerJoin('awards as a', 'a.id', 'rp.source_award_id')
    .select([
      ...nodeColumns,
      'g.province_code',
      'g.province_name',
      'g.regency_code',
      'g.regency_name',
      'g.published_at',
      'rp.institution_id',
      'a.proposal_id as source_proposal_id',
    ])
    .where('g.group_key', '=', REPLIKASI_GROUP)
    .where('a.proposal_id', 'in', proposalIds)
    .orderBy('g.published_at')
    .orderBy('g.slug')
    .execute();
}

/** Accepted requests for these proposals, with the requesting institution's name and region. */
async function acceptedOf(db: Db, proposalIds: readonly number[]) {
  if (!proposalIds.length) return [];
  return db
    .selectFrom('replication_requests as r')
    .innerJoin('institutions as i', 'i.id', 'r.requesting_institution_id')
    .select([
      'r.proposal_id',
      'r.owner_institution_id',
      'r.answered_at',
      'i.id as institution_id',
      'i.name',
      'i.region_code',
    ])
    .where('r.proposal_id', 'in', proposalIds)
    .where('r.state', '=', 'accepted')
    .orderBy('r.answered_at')
    .orderBy('r.id')
    .execute();
}

/** The graph of the gallery innovation at `slug`, or undefined when it is not in the gallery. */
export async function replicationGraph(db: Db, slug: string): Promise<ReplicationGraph | undefined> {
  const entry = await db
    .selectFrom('gallery_entries as g')
    .select([...nodeColumns, 'g.proposal_id'])
    .where('g.slug', '=', slug)
    .executeTakeFirst();
  if (!entry) return undefined;
  const places = await placeNames();
  const region = (code: string | null, name: (c: string) => string | undefined) =>
    code ? { code, name: name(code) ?? code } : null;
  const source = await sourceOf(db, entry.proposal_id);
  const byProposal = await replikasiOf(db, [entry.proposal_id]);
  const byRequest = await acceptedOf(db, [entry.proposal_id]);
  const replications: ReplicationGraph['replications'] = [
    ...byRequest.map((r) => {
      const codes = regionCodes(r.region_code);
      return {
        kind: 'request' as const,
        institution: r.name,
        province: region(codes.province, (c) => places.provinces.get(c)),
        regency: region(codes.regency, (c) => places.regencies.get(c)),
        at: r.answered_at ?? '',
        innovation: null,
      };
    }),
    ...byProposal.map((r) => ({
      kind: 'proposal' as const,
      institution: r.institution_name,
      province: r.province_code ? { code: r.province_code, name: r.province_name ?? r.province_code } : null,
      regency: r.regency_code ? { code: r.regency_code, name: r.regency_name ?? r.regency_code } : null,
      at: r.published_at,
      innovation: node(r),
    })),
  ];
  const edges: ReplicationEdge[] = [
    ...byRequest.map((r) => ({
      institutionKey: `i:${r.institution_id}`,
      provinceCode: regionCodes(r.region_code).province,
    })),
    ...byProposal.map((r) => ({ institutionKey: `i:${r.institution_id}`, provinceCode: r.province_code })),
  ];
  return {
    innovation: node(entry),
    source: source ? node(source) : null,
    replications,
    counts: replicationCounts(edges),
  };
}

/**
 * The replication counts of the whole gallery (for the statistics): per innovation (its gallery address),
 * per owner institution (how often its innovations were replicated) and per province of the replicating
 * institution. Only innovations in the gallery are counted.
 */
export async function replicationCountsBy(db: Db): Promise<{
  byInnovation: { slug: string; title: string; institution: string; count: number }[];
  byInstitution: { institutionId: number; name: string; count: number }[];
  byRegion: { provinceCode: string; name: string; count: number }[];
}> {
  // Each replication read once, from the small sets: accepted requests, and replikasi entries of the
  // gallery (the group's index) naming an award of a gallery innovation; then only those innovations.
  const accepted = await db
    .selectFrom('replication_requests as r')
    .innerJoin('gallery_entries as g', 'g.proposal_id', 'r.proposal_id')
    .innerJoin('institutions as i', 'i.id', 'r.requesting_institution_id')
    .select(['r.proposal_id', 'i.region_code'])
    .where('r.state', '=', 'accepted')
    .execute();
  const named = await db
    .selectFrom('gallery_entries as rg')
    .innerJoin('proposals as rp', 'rp.id', 'rg.proposal_id')
    .innerJoin('awards as a', 'a.id', 'rp.source_award_id')
    .innerJoin('gallery_entries as g', 'g.proposal_id', 'a.proposal_id')
    .select(['g.proposal_id', 'rg.province_code'])
    .where('rg.group_key', '=', REPLIKASI_GROUP)
    .execute();
  const edges: { proposalId: number; provinceCode: string | null }[] = [
    ...accepted.map((r) => ({
      proposalId: r.proposal_id,
      provinceCode: regionCodes(r.region_code).province,
    })),
    ...named.map((r) => ({ proposalId: r.proposal_id, provinceCode: r.province_code })),
  ];
  const ids = [...new Set(edges.map((e) => e.proposalId))];
  const entries = ids.length
    ? await db
        .selectFrom('gallery_entries as g')
        .innerJoin('proposals as p', 'p.id', 'g.proposal_id')
        .innerJoin('institutions as i', 'i.id', 'p.institution_id')
        .select(['g.proposal_id', 'g.slug', 'g.title', 'i.id as owner_id', 'i.name as owner_name'])
        .where('g.proposal_id', 'in', ids)
        .execute()
    : [];
  const places = await placeNames();
  const tally = <K>(keys: K[]) => {
    const m = new Map<K, number>();
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
    return m;
  };
  const perProposal = tally(edges.map((e) => e.proposalId));
  const ownerOf = new Map(entries.map((e) => [e.proposal_id, e]));
  const ownerName = new Map(entries.map((e) => [e.owner_id, e.owner_name]));
  const perOwner = tally(edges.map((e) => ownerOf.get(e.proposalId)!.owner_id));
  const perProvince = tally(edges.map((e) => e.provinceCode).filter((c): c is string => c !== null));
  const byCount = <T extends { count: number }>(a: T, b: T) => b.count - a.count;
  return {
    byInnovation: entries
      .map((e) => ({
        slug: e.slug,
        title: e.title,
        institution: e.owner_name,
        count: perProposal.get(e.proposal_id) ?? 0,
      }))
      .sort((a, b) => byCount(a, b) || a.slug.localeCompare(b.slug)),
    byInstitution: [...perOwner]
      .map(([institutionId, count]) => ({
        institutionId,
        name: ownerName.get(institutionId)!,
        count,
      }))
      .sort((a, b) => byCount(a, b) || a.institutionId - b.institutionId),
    byRegion: [...perProvince]
      .map(([provinceCode, count]) => ({
        provinceCode,
        name: places.provinces.get(provinceCode) ?? provinceCode,
        count,
      }))
      .sort((a, b) => byCount(a, b) || a.provinceCode.localeCompare(b.provinceCode)),
  };
}
