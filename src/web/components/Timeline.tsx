import { Badge, Group, Text, Timeline as MantineTimeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentStage, isRunning } from '../../domain/competition-rules.js';
import { formatInstant, zoneAbbreviation } from '../../domain/time.js';
import { useLang, type Lang } from '../i18n/index.js';
import { useServerNow } from './serverClock.js';

export interface TimelineStage {
  kind: string;
  nameId: string;
  nameEn: string;
  opensAt: string | null;
  closesAt: string | null;
}

/** "1 Maret 2026 00.00 – 11 Mei 2026 23.59 WIB": the zone is written once when both ends share it. */
export function formatWindow(
  opensAt: string | null,
  closesAt: string | null,
  timeZone: string,
  lang: Lang,
  t: (k: string, o?: Record<string, unknown>) => string,
): string {
  if (opensAt && closesAt) {
    const open = formatInstant(opensAt, timeZone, lang);
    const close = formatInstant(closesAt, timeZone, lang);
    const zone = ` ${zoneAbbreviation(timeZone, new Date(opensAt))}`;
    const openShort = open.endsWith(zone) && close.endsWith(zone) ? open.slice(0, -zone.length) : open;
    return `${openShort} – ${close}`;
  }
  if (opensAt) return t('public.timeline.opens', { time: formatInstant(opensAt, timeZone, lang) });
  if (closesAt) return t('public.timeline.closes', { time: formatInstant(closesAt, timeZone, lang) });
  return t('public.timeline.noDate');
}

/**
 * A competition's stages in order with their windows (hour and zone of the competition), the stage under
 * way highlighted and the finished ones marked, judged on the server's clock. A stage that runs alongside
 * the others (Publikasi, from the opening until the awarding) shows as running while its window is open,
 * whatever other stage runs at the same time: a stage is "done" only once its own window has closed.
 */
export function Timeline({
  stages,
  timeZone,
  currentKind,
  compact = false,
}: {
  stages: TimelineStage[];
  timeZone: string;
  /** The stage the API says is under way; computed from the windows when not given. */
  currentKind?: string | null;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const now = useServerNow(30_000);
  if (stages.length === 0)
    return (
      <Text size="sm" c="gray.7">
        {t('public.timeline.empty')}
      </Text>
    );
  const current =
    currentKind !== undefined
      ? (stages.find((s) => s.kind === currentKind) ?? null)
      : currentStage(stages, now);
  const currentIndex = current ? stages.indexOf(current) : -1;
  const isDone = (s: TimelineStage) => !!s.closesAt && Date.parse(s.closesAt) <= now.getTime();
  let active = currentIndex;
  if (active < 0) stages.forEach((s, i) => isDone(s) && (active = i));
  return (
    <MantineTimeline active={active} bulletSize={compact ? 14 : 20} lineWidth={2} color="sinovik.7">
      {stages.map((s, i) => {
        const isCurrent = i === currentIndex;
        const running = isCurrent || isRunning(s, now);
        return (
          <MantineTimeline.Item
            key={`${s.kind}-${i}`}
            mt={compact && i > 0 ? 'md' : undefined}
            aria-current={isCurrent ? 'step' : undefined}
            title={
              <Group gap="xs" wrap="wrap">
                <Text size={compact ? 'sm' : 'md'} fw={isCurrent ? 800 : 600}>
                  {pick({ id: s.nameId, en: s.nameEn })}
                </Text>
                {running && (
                  <Badge
                    color="#1b5e20"
                    variant={isCurrent ? 'filled' : 'outline'}
                    size="sm"
                    style={{ textTransform: 'none' }}
                  >
                    {t('public.timeline.current')}
                  </Badge>
                )}
                {!running && isDone(s) && !compact && (
                  <Badge color="gray.7" variant="outline" size="sm" style={{ textTransform: 'none' }}>
                    {t('public.timeline.done')}
                  </Badge>
                )}
              </Group>
            }
          >
            <Text size={compact ? 'xs' : 'sm'} c={isCurrent ? 'dark.9' : 'gray.7'}>
              {formatWindow(s.opensAt, s.closesAt, timeZone, lang, t)}
            </Text>
          </MantineTimeline.Item>
        );
      })}
    </MantineTimeline>
  );
}
