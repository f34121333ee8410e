import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../i18n/index.js';
import type { ReviewerConflict } from '../../../../contracts/review-team.js';

/** A reviewer's conflicts: the institution, who recorded it (or "automatic") and the reason in words. */
export function ConflictList({ conflicts }: { conflicts: ReviewerConflict[] }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  if (conflicts.length === 0)
    return (
      <Text size="sm" c="dark.6">
        {t('reviewTeam.noConflicts')}
      </Text>
    );
  return (
    <List size="sm" spacing={2}>
      {conflicts.map((c, i) => (
        <List.Item key={c.id ?? `auto-${c.institution?.id ?? i}`}>
          <Text span size="sm" fw={600}>
            {c.institution?.name}
          </Text>{' '}
          <Text span size="xs" c="dark.6">
            ({t(`reviewTeam.source.${c.source}`)}) {c.reason[lang]}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
