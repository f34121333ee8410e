import type { ProposalSummary } from '../../contracts/proposals.js';
import { STATE_LABELS } from '../../domain/proposal-workflow.js';
import type { ListNames, ProposalListItemRow } from './list.js';

/**
 * The items of a proposal list, in the contract's order of fields (`proposalSummarySchema`). The names
 * each proposal refers to are made once per id and shared between the items.
 */
export function presentSummaries(rows: ProposalListItemRow[], names: ListNames): ProposalSummary[] {
  const once = <V, R>(source: Map<number, V>, make: (id: number, v: V) => R) => {
    const made = new Map<number, R>();
    return (id: number): R => {
      let r = made.get(id);
      if (r === undefined) {
        const v = source.get(id);
        if (v === undefined) throw new Error(`proposal list: no row ${id} to name`);
        made.set(id, (r = make(id, v)));
      }
      return r;
    };
  };
  const competition = once(names.competitions, (id, c) => ({ id, code: c.code, name: c.name, year: c.year }));
  const group = once(names.groups, (id, g) => ({ id, key: g.key, nameId: g.name_id, nameEn: g.name_en }));
  const category = once(names.categories, (id, c) => ({
    id,
    key: c.key,
    nameId: c.name_id,
    nameEn: c.name_en,
  }));
  const institution = once(names.institutions, (id, i) => ({ id, name: i.name }));
  const unit = once(names.units, (id, u) => ({ id, name: u.name }));
  return rows.map((r) => {
    const i = names.institutions.get(r.institution_id);
    return {
      id: r.id,
      code: r.code,
      title: r.title,
      acronym: r.acronym,
      state: r.state,
      stateLabel: STATE_LABELS[r.state],
      version: r.version,
      competition: competition(r.competition_id),
      group: group(r.group_id),
      institution: institution(r.institution_id),
      unit: unit(r.unit_id),
      category: r.category_id === null ? null : category(r.category_id),
      institutionType: i!.type,
      provinceCode: i!.province_code,
      attachmentCount: r.attachment_count,
      timeZone: names.competitions.get(r.competition_id)!.time_zone,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      sentAt: r.sent_at,
      forwardedAt: r.forwarded_at,
      receivedAt: r.received_at,
    };
  });
}
