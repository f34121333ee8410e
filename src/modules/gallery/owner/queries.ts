import type { Db } from '../../../db/connect.js';
import type { GalleryStatusValue, ProposalStateValue } from '../../../db/schema.js';
import type { ReplicationContact } from '../../../domain/gallery-owner.js';

/*
 * The SQL of the owner's side of the gallery (issue 14 points 1 and 4): a proposal as its institution's
 * admin lokal sees it here, its settings (consent, contact), its evidence files with their public flag,
 * the yearly confirmations, and what the yearly prompt reads and marks.
 */

/** A proposal with what the owner's commands check: its institution, state, competition and entry. */
/** The institution's id and name, for the owner's page. */
export async function institutionNamed(db: Db, id: number) {
  return db.selectFrom('institutions').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}

export async function ownerProposal(db: Db, proposalId: number) {
  return db
    .selectFrom('proposals as p')
    .innerJoin('competitions as c', 'c.id', 'p.competition_id')
    .innerJoin('institutions as i', 'i.id', 'p.institution_id')
    .leftJoin('gallery_entries as e', 'e.proposal_id', 'p.id')
    .select([
      'p.id',
      'p.code',
      'p.title',
      'p.state',
      'p.institution_id',
      'p.unit_id',
      'p.competition_id',
      'c.year',
      'c.organizer_institution_id',
      'i.name as institution_name',
      'e.id as entry_id',
      'e.slug',
      'e.basis',
    ])
    .where('p.id', '=', proposalId)
    .executeTakeFirst();
}
export type OwnerProposal = NonNullable<Awaited<ReturnType<typeof ownerProposal>>>;

export async function settingsOf(db: Db, proposalIds: readonly number[]) {
  if (!proposalIds.length) return [];
  return db
    .selectFrom('gallery_owner_settings')
    .selectAll()
    .where('proposal_id', 'in', proposalIds)
    .execute();
}

export async function writeConsent(
  db: Db,
  proposalId: number,
  consent: 'given' | 'withdrawn',
  by: number,
  at: string,
): Promise<void> {
  await db
    .insertInto('gallery_owner_settings')
    .values({ proposal_id: proposalId, consent, consent_by: by, consent_at: at })
    .onConflict((oc) => oc.column('proposal_id').doUpdateSet({ consent, consent_by: by, consent_at: at }))
    .execute();
}

export async function writeContact(
  db: Db,
  proposalId: number,
  c: ReplicationContact,
  by: number,
  at: string,
): Promise<void> {
  const values = {
    contact_name: c.name,
    contact_position: c.position,
    contact_email: c.email,
    contact_phone: c.phone,
    contact_by: by,
    contact_at: at,
  };
  await db
    .insertInto('gallery_owner_settings')
    .values({ proposal_id: proposalId, ...values })
    .onConflict((oc) => oc.column('proposal_id').doUpdateSet(values))
    .execute();
}

/** The evidence files of proposals (kind evidence or replication statement) with their public flag. */
export async function filesOf(db: Db, proposalIds: readonly number[]) {
  if (!proposalIds.length) return [];
  const rows = await db
    .selectFrom('proposal_attachments as a')
    .innerJoin('files as f', 'f.id', 'a.file_id')
    .leftJoin('form_sections as s', 's.id', 'a.section_id')
    .leftJoin('gallery_public_files as g', 'g.attachment_id', 'a.id')
    .select([
      'a.id',
      'a.proposal_id',
      'a.kind',
      's.label_id as section_label_id',
      's.label_en as section_label_en',
      'f.original_name',
      'f.size',
      'f.mime',
      'f.storage_key',
      'g.attachment_id as public_id',
    ])
    .where('a.proposal_id', 'in', proposalIds)
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({ ...r, size: Number(r.size), isPublic: r.public_id !== null }));
}
export type OwnerFile = Awaited<ReturnType<typeof filesOf>>[number];

export async function setFilePublic(
  db: Db,
  input: { attachmentId: number; proposalId: number; isPublic: boolean; by: number; at: string },
): Promise<boolean> {
  if (!input.isPublic) {
    const gone = await db
      .deleteFrom('gallery_public_files')
      .where('attachment_id', '=', input.attachmentId)
      .executeTakeFirst();
    return Number(gone.numDeletedRows) > 0;
  }
  const done = await db
    .insertInto('gallery_public_files')
    .values({
      attachment_id: input.attachmentId,
      proposal_id: input.proposalId,
      marked_by: input.by,
      marked_at: input.at,
    })
    .onConflict((oc) => oc.column('attachment_id').doNothing())
    .returning('attachment_id')
    .executeTakeFirst();
  return done !== undefined;
}

export async function confirmationsOf(db: Db, proposalIds: readonly number[]) {
  if (!proposalIds.length) return [];
  return db
    .selectFrom('gallery_status_confirmations')
    .select(['proposal_id', 'year', 'status', 'reason', 'confirmed_at'])
    .where('proposal_id', 'in', proposalIds)
    .orderBy('year', 'desc')
    .execute();
}

export async function writeConfirmation(
  db: Db,
  input: {
    proposalId: number;
    year: number;
    status: GalleryStatusValue;
    reason: string | null;
    by: number;
    at: string;
  },
): Promise<void> {
  const values = {
    status: input.status,
    reason: input.reason,
    confirmed_by: input.by,
    confirmed_at: input.at,
  };
  await db
    .insertInto('gallery_status_confirmations')
    .values({ proposal_id: input.proposalId, year: input.year, ...values })
    .onConflict((oc) => oc.columns(['proposal_id', 'year']).doUpdateSet(values))
    .execute();
}

/**
 * The institution's proposals the page lists: in a competition whose results are published (its
 * `final_results` announcement), a finalist or in one of the consentable states, or already in the gallery.
 */
export async function institutionProposals(
  db: Db,
  institutionId: number,
  states: readonly ProposalStateValue[],
) {
  return db
    .selectFrom('proposals as p')
    .innerJoin('competitions as c', 'c.id', 'p.competition_id')
    .leftJoin('gallery_entries as e', 'e.proposal_id', 'p.id')
    .select([
      'p.id',
      'p.code',
      'p.title',
      'p.state',
      'p.competition_id',
      'c.name as competition_name',
      'c.year',
      'e.slug',
      'e.basis',
    ])
    .where('p.institution_id', '=', institutionId)
    .where((eb) =>
      eb.or([
        eb('e.id', 'is not', null),
        eb.and([
          eb('p.state', 'in', [...states]),
          eb.exists(
            eb
              .selectFrom('announcements as a')
              .select('a.id')
              .whereRef('a.competition_id', '=', 'p.competition_id')
              .where('a.kind', '=', 'final_results'),
          ),
        ]),
      ]),
    )
    .orderBy('c.year', 'desc')
    .orderBy('p.code')
    .execute();
}

// ---- The yearly prompt ----

/** The institutions with innovations in the gallery from a competition before `year`, with them. */
export async function publicInnovationsBefore(db: Db, year: number) {
  return db
    .selectFrom('gallery_entries as e')
    .innerJoin('proposals as p', 'p.id', 'e.proposal_id')
    .innerJoin('institutions as i', 'i.id', 'p.institution_id')
    .select(['p.institution_id', 'i.name as institution_name', 'p.id', 'p.code', 'e.title', 'e.slug'])
    .where('e.year', '<', year)
    .orderBy('p.institution_id')
    .orderBy('p.code')
    .execute();
}

export async function promptedInstitutions(db: Db, year: number): Promise<Set<number>> {
  const rows = await db
    .selectFrom('gallery_status_prompts')
    .select('institution_id')
    .where('year', '=', year)
    .execute();
  return new Set(rows.map((r) => r.institution_id));
}

/** Marks the institution prompted for the year; false when another run marked it first. */
export async function markPrompted(
  db: Db,
  input: { year: number; institutionId: number; innovations: number; mailed: number; at: string },
): Promise<boolean> {
  const done = await db
    .insertInto('gallery_status_prompts')
    .values({
      year: input.year,
      institution_id: input.institutionId,
      innovations: input.innovations,
      mailed: input.mailed,
      sent_at: input.at,
    })
    .onConflict((oc) => oc.columns(['year', 'institution_id']).doNothing())
    .returning('year')
    .executeTakeFirst();
  return done !== undefined;
}
