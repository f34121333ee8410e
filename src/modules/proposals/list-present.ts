import type { ProposalListItem, ProposalListRefs } from '../../contracts/proposal-list.js';
import { STATE_LABELS } from '../../domain/proposal-workflow.js';
import type { ListNames, ProposalListItemRow } from './list.js';

/**
 * A proposal list as the contract gives it (contracts/proposal-list.ts): the items in the order of the
 * schema's fields, with ids, and `refs` naming each competition, group, category, institution, unit and
 * state the items refer to, once.
 */
export function presentList(
  rows: ProposalListItemRow[],
  names: ListNames,
): { items: ProposalListItem[]; refs: ProposalListRefs } {
  const refs: ProposalListRefs = {
    competitions: {},
    groups: {},
    categories: {},
    institutions: {},
    units: {},
    states: {},
  };
  const name = <V>(kind: string, source: Map<number, V>, id: number): V => {
    const v = source.get(id);
    if (v === undefined) throw new Error(`proposal list: no ${kind} ${id} to name`);
    return v;
  };
  for (const [id, c] of names.competitions)
    refs.competitions[id] = { code: c.code, name: c.name, year: c.year, timeZone: c.time_zone };
  for (const [id, g] of names.groups) refs.groups[id] = { key: g.key, nameId: g.name_id, nameEn: g.name_en };
  for (const [id, c] of names.categories)
    refs.categories[id] = { key: c.key, nameId: c.name_id, nameEn: c.name_en };
  for (const [id, i] of names.institutions)
    refs.institutions[id] = { name: i.name, type: i.type, provinceCode: i.province_code };
  for (const [id, u] of names.units) refs.units[id] = { name: u.name };
  const items = rows.map((r): ProposalListItem => {
    refs.states[r.state] ??= STATE_LABELS[r.state];
    // Every id an item gives is named (a row whose name was not read is a bug, not an answer).
    name('competition', names.competitions, r.competition_id);
    name('group', names.groups, r.group_id);
    name('institution', names.institutions, r.institution_id);
    name('unit', names.units, r.unit_id);
    if (r.category_id !== null) name('category', names.categories, r.category_id);
    return {
      id: r.id,
      code: r.code,
      title: r.title,
      acronym: r.acronym,
      state: r.state,
      version: r.version,
      competitionId: r.competition_id,
      groupId: r.group_id,
      institutionId: r.institution_id,
      unitId: r.unit_id,
      categoryId: r.category_id,
      attachmentCount: r.attachment_count,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      sentAt: r.sent_at,
      forwardedAt: r.forwarded_at,
      receivedAt: r.received_at,
    };
  });
  return { items, refs };
}
