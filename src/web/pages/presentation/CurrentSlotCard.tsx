import { Link } from 'react-router';
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconClock, IconPencil } from '@tabler/icons-react';
import { countdownParts } from '../../components/Deadline.js';
import { formatAt } from '../../components/AdminTime.js';
import { useLang } from '../../i18n/index.js';
import type { LiveState } from './liveClock.js';
import { clockOf } from './SlotTime.js';
import { SCORING_COLOR, scoringState, shownPhase } from './slotState.js';
import type { LiveSessionView } from './types.js';

const PHASE_COLOR = {
  upcoming: 'gray.7',
  break: 'gray.7',
  presentation: 'indigo.9',
  interview: 'grape.9',
  done: 'dark.5',
  ended: 'dark.5',
} as const;

/** The finalist shown large: its phase with a countdown on the server's clock, what it sent, and Nilai. */
export function CurrentSlotCard({
  d,
  index,
  live,
  now,
}: {
  d: LiveSessionView;
  index: number;
  live: LiveState;
  now: Date;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const s = d.slots[index]!;
  const f = s.finalist;
  const tz = d.competition.timeZone;
  const phase = shownPhase(d.slots, index, live, now.getTime());
  const until =
    index === live.index
      ? live.until
      : phase === 'upcoming'
        ? s.startsAt
        : phase === 'presentation'
          ? s.presentationEndsAt
          : phase === 'interview'
            ? s.endsAt
            : null;
  const running = phase === 'presentation' || phase === 'interview';
  const left = until ? countdownParts(Date.parse(until) - now.getTime()) : null;
  const state = scoringState(s);
  const heading =
    index === live.index
      ? running
        ? t('presentationParticipant.panel.current')
        : t('presentationParticipant.panel.nextUp')
      : t('presentationParticipant.panel.slotLabel', { n: s.slot });
  return (
    <Paper withBorder p="md" shadow="xs" component="section" aria-labelledby="shown-title">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text size="sm" fw={700} c="dark.6" id="shown-heading">
            {index === live.index
              ? `${heading} · ${t('presentationParticipant.panel.slotLabel', { n: s.slot })}`
              : heading}
          </Text>
          <Badge
            color={PHASE_COLOR[phase]}
            variant="filled"
            radius="sm"
            size="lg"
            style={{ textTransform: 'none' }}
            data-testid="phase"
          >
            {t(`presentationParticipant.panel.phase.${phase}`)}
          </Badge>
        </Group>
        {left && (
          <div>
            <Text size="sm" fw={600}>
              {running
                ? t('presentationParticipant.panel.endsIn')
                : t('presentationParticipant.panel.startsIn')}
            </Text>
            <Group gap="xs" align="center">
              <IconClock size={28} aria-hidden />
              <Text
                role="timer"
                aria-live="off"
                fz={40}
                fw={800}
                lh={1.1}
                style={{ fontVariantNumeric: 'tabular-nums' }}
                data-testid="countdown"
              >
                {left.days > 0
                  ? t('public.deadline.remainingDays', { days: left.days, time: left.time })
                  : left.time}
              </Text>
            </Group>
            <Text size="sm" c="dark.6">
              {running
                ? t('presentationParticipant.panel.phaseEnds', {
                    phase: t(`presentationParticipant.panel.phase.${phase}`),
                    at: clockOf(formatAt(until, tz, lang)),
                  })
                : t('presentationParticipant.panel.startsAt', {
                    at: clockOf(formatAt(s.startsAt, tz, lang)),
                  })}
            </Text>
          </div>
        )}
        <div>
          <Text fw={800} size="xl" data-testid="shown-code">
            {f.code}
          </Text>
          <Title order={2} size="h3" id="shown-title">
            {f.title}
          </Title>
          <Text size="sm">{f.institution}</Text>
        </div>
        <Group gap="md" wrap="wrap">
          {f.upload?.hasFile && (
            <Anchor href={`/api/presentation/proposals/${f.id}/file`} size="sm">
              {t('presentationParticipant.panel.file')}
              {f.upload.fileName ? ` (${f.upload.fileName})` : ''}
            </Anchor>
          )}
          {f.upload?.videoUrl && (
            <Anchor href={f.upload.videoUrl} target="_blank" rel="noopener noreferrer" size="sm">
              {t('presentationParticipant.panel.video')}
            </Anchor>
          )}
          {!f.upload?.hasFile && !f.upload?.videoUrl && (
            <Text size="sm" c="dark.6">
              {t('presentationParticipant.panel.noUpload')}
            </Text>
          )}
        </Group>
        {state && state !== 'abstain' && (
          <Badge
            color={SCORING_COLOR[state]}
            variant="filled"
            radius="sm"
            style={{ textTransform: 'none', alignSelf: 'flex-start' }}
          >
            {t(`presentationParticipant.panel.state.${state}`)}
          </Badge>
        )}
        {f.abstain ? (
          <Paper bg="gray.1" p="sm" radius="sm">
            <Text fw={700} ta="center">
              {t('presentationParticipant.panel.abstain')}
            </Text>
          </Paper>
        ) : f.assignmentId ? (
          <Button
            component={Link}
            to={`/penilaian/${f.assignmentId}`}
            size="lg"
            fullWidth
            leftSection={<IconPencil size={20} aria-hidden />}
            aria-label={t('presentationParticipant.panel.scoreFor', { code: f.code })}
          >
            {t('presentationParticipant.panel.score')}
          </Button>
        ) : (
          <Text size="sm">{t('presentationParticipant.panel.noAssignment')}</Text>
        )}
      </Stack>
    </Paper>
  );
}
