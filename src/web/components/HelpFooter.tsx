import { useContext, type ReactNode } from 'react';
import { Anchor, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { HelpContactValue } from './helpContact.js';
import { phoneText } from './phoneText.js';

/*
 * The footer's help text (issue 11): the contact of the competition the page is about (helpContact.ts),
 * or the generic hours. Only Layout imports this file, so it stays in the entry chunk.
 */

/** The footer's help text: the competition's contact when a page named one, else the generic hours. */
export function HelpFooterText() {
  const { t } = useTranslation();
  const c = useContext(HelpContactValue);
  if (!c)
    return (
      <Text size="sm" c="dark.6">
        {t('common.helpdesk')}
      </Text>
    );
  const parts: ReactNode[] = [];
  if (c.phone)
    parts.push(
      <span key="phone">
        {t('common.helpContact.phone')}{' '}
        <Anchor href={`tel:${c.phone}`} size="sm" underline="always">
          {phoneText(c.phone)}
        </Anchor>
      </span>,
    );
  if (c.email)
    parts.push(
      <span key="email">
        {t('common.helpContact.email')}{' '}
        <Anchor href={`mailto:${c.email}`} size="sm" underline="always">
          {c.email}
        </Anchor>
      </span>,
    );
  if (c.whatsapp)
    parts.push(
      <span key="whatsapp">
        WhatsApp{' '}
        <Anchor
          href={`https://wa.me/${c.whatsapp.replace(/^\+/, '')}`}
          target="_blank"
          rel="noopener noreferrer"
          size="sm"
          underline="always"
        >
          {phoneText(c.whatsapp)}
          <VisuallyHidden> ({t('common.helpContact.whatsappNewTab')})</VisuallyHidden>
        </Anchor>
      </span>,
    );
  if (c.hours) parts.push(<span key="hours">{c.hours}</span>);
  return (
    <Text size="sm" c="dark.6" data-testid="help-contact">
      {t('common.helpContact.lead', { organizer: c.organizer })}
      {parts.length ? ': ' : ''}
      {parts.flatMap((p, i) => (i ? [', ', p] : [p]))}
    </Text>
  );
}
