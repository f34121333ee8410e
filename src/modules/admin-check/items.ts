import { describeItem, type ChecklistItem } from '../../domain/admin-check.js';
import type { Text } from '../../domain/errors.js';
import type { ProposalView } from '../proposals/view.js';

/** The items of a completion request with their names, for the page and the mail. */
export function describedItems(
  items: readonly string[],
  view: ProposalView,
  checklist: readonly ChecklistItem[],
): { item: string; label: Text }[] {
  const sections = view.group.sections.map((s) => ({
    key: s.key,
    label: { id: s.label_id, en: s.label_en },
  }));
  return items.map((item) => ({ item, label: describeItem(item, { sections, checklist }) }));
}
