import { Anchor, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconAlertTriangle, IconCircleDashed } from '@tabler/icons-react';
import type { ProposalDetail } from '../../../contracts/proposals.js';
import { useLang } from '../../i18n/index.js';

export type Missing = ProposalDetail['completeness']['missing'];

/** The input an item points at ("sections.kebaruan" → the section's text), or null (group rules, attachments). */
export function targetOf(field: string): string | null {
  if (field.startsWith('sections.')) return `section-${field.slice('sections.'.length)}`;
  if (field === 'group' || field.startsWith('attachments.')) return null;
  return `field-${field}`;
}

/** Scrolls to the field and puts the cursor in it (or in the first input inside it). */
export function goTo(id: string) {
  const el = document.getElementById(id);
  if (!el) return;
  el.scrollIntoView({ block: 'center' });
  const input = el.matches('input, textarea, select, button')
    ? el
    : el.querySelector<HTMLElement>('input, textarea, select, button');
  input?.focus({ preventScroll: true });
}

/**
 * What stops the proposal, as two checklists: what is still to fill in or attach, and the group's rules it
 * breaks. Shown before sending, again when the server refuses with 422, and to the admin lokal. With
 * `linked`, each item is a button that takes the cursor to its field.
 */
export function MissingList({
  missing,
  linked = false,
  target = targetOf,
}: {
  missing: Missing;
  linked?: boolean;
  /** Where an item's field is on the page (default `targetOf`). */
  target?: (field: string) => string | null;
}) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const parts = [
    {
      kind: 'incomplete' as const,
      title: t('eligibility.missing.incomplete'),
      icon: <IconCircleDashed size={16} aria-hidden color="var(--mantine-color-orange-9)" />,
    },
    {
      kind: 'ineligible' as const,
      title: t('eligibility.missing.ineligible'),
      icon: <IconAlertTriangle size={16} aria-hidden color="var(--mantine-color-red-9)" />,
    },
  ];
  return (
    <Stack gap="sm">
      {parts.map(({ kind, title, icon }) => {
        const items = missing.filter((m) => m.kind === kind);
        if (!items.length) return null;
        return (
          <div key={kind}>
            <Text fw={700} size="sm" mb={4} id={`missing-${kind}`}>
              {title} ({items.length})
            </Text>
            <List spacing={4} icon={icon} aria-labelledby={`missing-${kind}`}>
              {items.map((m) => {
                const to = linked ? target(m.field) : null;
                return (
                  <List.Item key={`${m.code}-${m.field}`}>
                    {to ? (
                      <Anchor
                        component="button"
                        type="button"
                        ta="left"
                        c="dark.8"
                        underline="always"
                        onClick={() => goTo(to)}
                      >
                        {pick(m.message)}
                      </Anchor>
                    ) : (
                      pick(m.message)
                    )}
                  </List.Item>
                );
              })}
            </List>
          </div>
        );
      })}
    </Stack>
  );
}
