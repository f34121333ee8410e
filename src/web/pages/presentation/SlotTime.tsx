import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatAt, readerTimeZone, zonesDiffer } from '../../components/AdminTime.js';
import { useLang } from '../../i18n/index.js';

/** "6 Juli 2026 08.00 WIB" and the end's hour ("– 08.20 WIB"); time: the clock part of a formatted instant. */
export const clockOf = (formatted: string) => formatted.split(' ').slice(-2).join(' ');

/** A slot's start with date, hour and zone and its end's hour; the reader's own clock under it when it differs. */
export function SlotTime({
  startsAt,
  endsAt,
  timeZone,
  size = 'lg',
}: {
  startsAt: string;
  endsAt: string;
  timeZone: string;
  size?: 'sm' | 'md' | 'lg';
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const reader = readerTimeZone();
  return (
    <>
      <Text fw={700} size={size} component="time" dateTime={startsAt} display="block">
        {formatAt(startsAt, timeZone, lang)} – {clockOf(formatAt(endsAt, timeZone, lang))}
      </Text>
      {zonesDiffer(startsAt, timeZone, reader) && (
        <Text size="xs" c="dark.6">
          {t('secretariat.yourTime', {
            time: `${formatAt(startsAt, reader, lang)} – ${clockOf(formatAt(endsAt, reader, lang))}`,
          })}
        </Text>
      )}
    </>
  );
}
