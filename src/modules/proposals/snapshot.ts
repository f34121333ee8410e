import type { ProposalView } from './view.js';

/* A proposal as its history keeps it. */

export function parseLinks(json: string): { label: string; url: string }[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v)
      ? v
          .filter(
            (x): x is { label: string; url: string } =>
              typeof x?.label === 'string' && typeof x?.url === 'string',
          )
          .map((x) => ({ label: x.label, url: x.url }))
      : [];
  } catch {
    return [];
  }
}

/** The JSON kept in a revision: the proposal's fields and its answers by section key. */
export function snapshotOf(view: ProposalView): Record<string, unknown> {
  const p = view.proposal;
  return {
    id: p.id,
    code: p.code,
    state: p.state,
    version: p.version,
    groupKey: view.group.key,
    categoryKey: view.categories.find((c) => c.id === p.category_id)?.key ?? null,
    title: p.title,
    acronym: p.acronym,
    implementationStart: p.implementation_start,
    innovatorKind: p.innovator_kind,
    innovatorNames: p.innovator_names,
    contactName: p.contact_name,
    contactPhone: p.contact_phone,
    contactEmail: p.contact_email,
    links: parseLinks(p.links),
    declarationAccepted: p.declaration_accepted === 1,
    sourceAwardId: p.source_award_id,
    returnedNote: p.returned_note,
    updatedAt: p.updated_at,
    answers: Object.fromEntries(view.answers.map((a) => [a.sectionKey, a.text])),
    attachments: view.attachments.map((a) => ({
      kind: a.kind,
      sectionKey: a.sectionKey,
      name: a.name,
      size: a.size,
      sha256: a.sha256,
    })),
  };
}
