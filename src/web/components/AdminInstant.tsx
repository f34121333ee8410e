import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLang } from '../i18n/index.js';
import { formatAt, readerTimeZone, zonesDiffer } from './AdminTime.js';

/**
 * An instant with hour and zone (the competition's zone when given, else the reader's), plus the reader's
 * own wall clock underneath when it differs.
 */
export function AdminInstant({
  iso,
  timeZone,
  size = 'sm',
  empty = '—',
}: {
  iso: string | null | undefined;
  timeZone?: string;
  size?: 'xs' | 'sm' | 'md';
  empty?: string;
}) {
  const { lang } = useLang();
  const { t } = useTranslation();
  if (!iso) return <Text size={size}>{empty}</Text>;
  const reader = readerTimeZone();
  const zone = timeZone ?? reader;
  return (
    <>
      <Text size={size} component="span" style={{ whiteSpace: 'nowrap', display: 'block' }}>
        {formatAt(iso, zone, lang)}
      </Text>
      {zone !== reader && zonesDiffer(iso, zone, reader) && (
        <Text size="xs" c="dark.6" component="span" style={{ display: 'block' }}>
          {t('secretariat.yourTime', { time: formatAt(iso, reader, lang) })}
        </Text>
      )}
    </>
  );
}
