import { z } from 'zod';
import { institutionTypeSchema } from './institutions.js';
import { proposalStateSchema, type ProposalSummary } from './proposals.js';

/*
 * GET /proposals: a list's items carry the ids of what each proposal belongs to, and the answer names each
 * of them once in `refs` (the organizer's full list names one competition, a few groups and categories and a
 * few hundred institutions for thousands of proposals: written out in every item they were half of its
 * bytes). `expandProposalList` gives the items back in the summary's shape (`ProposalSummary`, as
 * GET /proposals/:id answers), which is what the web pages read.
 */

const textMsg = z.object({ id: z.string(), en: z.string() });

export const proposalListItemSchema = z.object({
  id: z.number(),
  code: z.string(),
  title: z.string(),
  acronym: z.string().nullable(),
  state: proposalStateSchema,
  version: z.number(),
  competitionId: z.number(),
  groupId: z.number(),
  institutionId: z.number(),
  unitId: z.number(),
  /** null: no category chosen yet. */
  categoryId: z.number().nullable(),
  attachmentCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  sentAt: z.string().nullable(),
  forwardedAt: z.string().nullable(),
  receivedAt: z.string().nullable(),
});
export type ProposalListItem = z.infer<typeof proposalListItemSchema>;

/** What the items refer to, each by its id (as a string: a JSON object's key), only those the items name. */
export const proposalListRefsSchema = z.object({
  competitions: z.record(
    z.string(),
    z.object({ code: z.string(), name: z.string(), year: z.number(), timeZone: z.string() }),
  ),
  groups: z.record(z.string(), z.object({ key: z.string(), nameId: z.string(), nameEn: z.string() })),
  categories: z.record(z.string(), z.object({ key: z.string(), nameId: z.string(), nameEn: z.string() })),
  institutions: z.record(
    z.string(),
    z.object({
      name: z.string(),
      type: institutionTypeSchema,
      /** Where the institution counts: a two-digit code, `pusat` or `tidak_diketahui`. */
      provinceCode: z.string(),
    }),
  ),
  units: z.record(z.string(), z.object({ name: z.string() })),
  /** The label of each state the items are in. */
  states: z.record(z.string(), textMsg),
});
export type ProposalListRefs = z.infer<typeof proposalListRefsSchema>;

export const quotaUsageSchema = z.object({
  competitionId: z.number(),
  institutionId: z.number(),
  groupKey: z.string(),
  used: z.number(),
  /** null: the group is outside the quota. */
  quota: z.number().nullable(),
});

export const proposalListResponse = z.object({
  items: z.array(proposalListItemSchema),
  refs: proposalListRefsSchema,
  /** Every match; `items` is one page of them when a pageSize was asked for. */
  total: z.number(),
  page: z.number(),
  pageSize: z.number().nullable(),
  /** Per group, for the institutions whose admin lokal is asking. */
  quotas: z.array(quotaUsageSchema),
  /** Invitation-only groups (khusus) the caller's institution is invited into, where it may start one. */
  invitedGroups: z.array(z.object({ competitionId: z.number(), groupKey: z.string() })),
  abilities: z.object({
    /** The caller writes proposals for at least one unit (may start one while a submission is open). */
    create: z.boolean(),
    /** The caller reviews (returns/forwards) the proposals of at least one institution. */
    review: z.boolean(),
  }),
});
export type ProposalList = z.infer<typeof proposalListResponse>;

/** The list with its items in the summary's shape, each name looked up in `refs`. */
export type ExpandedProposalList = Omit<ProposalList, 'items' | 'refs'> & { items: ProposalSummary[] };

/** The items of a list in the summary's shape (`ProposalSummary`): every id replaced by what `refs` says of it. */
export function expandProposalList(list: ProposalList): ExpandedProposalList {
  const { items, refs, ...rest } = list;
  const ref = <V>(kind: string, table: Record<string, V>, id: number | string): V => {
    const v = table[String(id)];
    if (v === undefined) throw new Error(`proposal list: ${kind} ${id} is not in refs`);
    return v;
  };
  return {
    ...rest,
    items: items.map((p) => {
      const c = ref('competition', refs.competitions, p.competitionId);
      const g = ref('group', refs.groups, p.groupId);
      const i = ref('institution', refs.institutions, p.institutionId);
      const cat = p.categoryId === null ? null : ref('category', refs.categories, p.categoryId);
      return {
        id: p.id,
        code: p.code,
        title: p.title,
        acronym: p.acronym,
        state: p.state,
        stateLabel: ref('state', refs.states, p.state),
        version: p.version,
        competition: { id: p.competitionId, code: c.code, name: c.name, year: c.year },
        group: { id: p.groupId, key: g.key, nameId: g.nameId, nameEn: g.nameEn },
        institution: { id: p.institutionId, name: i.name },
        unit: { id: p.unitId, name: ref('unit', refs.units, p.unitId).name },
        category: cat && { id: p.categoryId!, key: cat.key, nameId: cat.nameId, nameEn: cat.nameEn },
        institutionType: i.type,
        provinceCode: i.provinceCode,
        attachmentCount: p.attachmentCount,
        timeZone: c.timeZone,
        createdAt: p.createdAt,
        updatedAt: p.updatedAt,
        sentAt: p.sentAt,
        forwardedAt: p.forwardedAt,
        receivedAt: p.receivedAt,
      };
    }),
  };
}
