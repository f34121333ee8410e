import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLang } from '../i18n/index.js';
import { formatAt, readerTimeZone, zonesDiffer } from './AdminTime.js';

/**
 * An instant with hour and zone in the competition's zone, and the reader's wall clock under it when it
 * differs. Unlike AdminInstant it may wrap, for the narrow "header: value" cards of phone tables.
 */
export function InstantText({ iso, timeZone }: { iso: string | null | undefined; timeZone: string }) {
  const { lang } = useLang();
  const { t } = useTranslation();
  if (!iso) return <Text size="sm">—</Text>;
  const reader = readerTimeZone();
  return (
    <>
      <Text size="sm">{formatAt(iso, timeZone, lang)}</Text>
      {zonesDiffer(iso, timeZone, reader) && (
        <Text size="xs" c="dark.6">
          {t('secretariat.yourTime', { time: formatAt(iso, reader, lang) })}
        </Text>
      )}
    </>
  );
}
