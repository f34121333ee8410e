import { Badge, Group, Stack, Text } from '@mantine/core';
import { IconClock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatInstant, offsetMs } from '../../domain/time.js';
import { useLang } from '../i18n/index.js';
import { useServerNow } from './serverClock.js';

/** The zone the reader's browser is set to (Asia/Jakarta when the browser will not say). */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'Asia/Jakarta';
  } catch {
    return 'Asia/Jakarta';
  }
}

/** True when the two zones show different wall clocks at that instant (Pontianak and Jakarta do not). */
export function wallClocksDiffer(at: Date, a: string, b: string): boolean {
  if (a === b) return false;
  try {
    return offsetMs(at, a) !== offsetMs(at, b);
  } catch {
    return true;
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "3 hari 04:12:09 lagi" / "04:12:09 lagi"; null once the instant has passed. */
export function countdownParts(ms: number): { days: number; time: string } | null {
  if (ms <= 0) return null;
  const s = Math.floor(ms / 1000);
  const days = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  return { days, time: `${pad(h)}:${pad(m)}:${pad(s % 60)}` };
}

/** A live countdown to an instant, on the server's clock. */
export function Countdown({ at }: { at: string }) {
  const { t } = useTranslation();
  const now = useServerNow(1000);
  const parts = countdownParts(Date.parse(at) - now.getTime());
  if (!parts)
    return (
      <Badge color="gray.7" variant="filled" radius="sm" size="lg" style={{ textTransform: 'none' }}>
        {t('public.deadline.passed')}
      </Badge>
    );
  const urgent = parts.days < 3;
  return (
    <Badge
      role="timer"
      color={urgent ? 'red.9' : 'sinovik.7'}
      variant="filled"
      radius="sm"
      size="lg"
      leftSection={<IconClock size={14} aria-hidden />}
      styles={{ label: { fontVariantNumeric: 'tabular-nums', textTransform: 'none' } }}
    >
      {parts.days > 0
        ? t('public.deadline.remainingDays', { days: parts.days, time: parts.time })
        : t('public.deadline.remaining', { time: parts.time })}
    </Badge>
  );
}

/** The label over a deadline, on the server's clock: `before` until the instant, `after` once it passed. */
function DeadlineLabel({ at, before, after }: { at: string; before: string; after?: string }) {
  const now = useServerNow(1000);
  const passed = after !== undefined && Date.parse(at) <= now.getTime();
  return (
    <Text size="sm" fw={600} c="gray.8">
      {passed ? after : before}
    </Text>
  );
}

/**
 * A deadline as people need it: the instant with hour and zone in the competition's zone, the reader's
 * own wall clock when it differs (WIB/WITA/WIT in Indonesia), and a live countdown. `passedLabel` replaces
 * `label` once the instant has passed (e.g. "Pengajuan ditutup pada" → "Pengajuan telah ditutup").
 */
export function Deadline({
  at,
  timeZone,
  label,
  passedLabel,
  countdown = true,
}: {
  at: string;
  timeZone: string;
  label?: string;
  passedLabel?: string;
  countdown?: boolean;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const instant = new Date(at);
  if (Number.isNaN(instant.getTime())) return null;
  const reader = browserTimeZone();
  return (
    <Stack gap={4}>
      {label && <DeadlineLabel at={at} before={label} after={passedLabel} />}
      <Group gap="sm" wrap="wrap" align="center">
        <Text fw={700} size="lg" component="time" dateTime={instant.toISOString()}>
          {formatInstant(instant, timeZone, lang)}
        </Text>
        {countdown && <Countdown at={at} />}
      </Group>
      {wallClocksDiffer(instant, timeZone, reader) && (
        <Text size="sm" c="gray.7">
          {t('public.deadline.readerTime', { time: formatInstant(instant, reader, lang) })}
        </Text>
      )}
    </Stack>
  );
}
