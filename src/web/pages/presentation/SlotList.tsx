import { Badge, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatAt } from '../../components/AdminTime.js';
import { useLang } from '../../i18n/index.js';
import type { LiveState } from './liveClock.js';
import { SCORING_COLOR, scoringState, shownPhase } from './slotState.js';
import type { LiveSessionView } from './types.js';

/** The session's finalists in order: time, phase, and the panelist's scoring state; a tap shows one. */
export function SlotList({
  d,
  live,
  shownIndex,
  now,
  onShow,
}: {
  d: LiveSessionView;
  live: LiveState;
  shownIndex: number;
  now: Date;
  onShow: (index: number) => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const tz = d.competition.timeZone;
  return (
    <Stack gap="xs" component="section" aria-labelledby="slots-title">
      <Title order={2} size="h4" id="slots-title">
        {t('presentationParticipant.panel.slots')}
      </Title>
      <Stack gap={6} component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {d.slots.map((s, i) => {
          const state = scoringState(s);
          const phase = shownPhase(d.slots, i, live, now.getTime());
          const shown = i === shownIndex;
          return (
            <li key={s.slot}>
              <UnstyledButton
                onClick={() => onShow(i)}
                aria-current={shown ? 'true' : undefined}
                w="100%"
                p="xs"
                style={{
                  border: `${shown ? 2 : 1}px solid var(--mantine-color-${shown ? 'indigo-9' : 'gray-4'})`,
                  borderRadius: 8,
                  minHeight: 44,
                }}
                data-testid={`slot-${s.slot}`}
              >
                <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                  <div style={{ minWidth: 0 }}>
                    <Text size="sm" fw={700}>
                      {s.slot}. {s.finalist.code} — {s.finalist.title}
                    </Text>
                    <Text size="xs" c="dark.6">
                      {formatAt(s.startsAt, tz, lang)} · {t(`presentationParticipant.panel.phase.${phase}`)}
                    </Text>
                  </div>
                  {state && (
                    <Badge
                      color={SCORING_COLOR[state]}
                      variant="filled"
                      radius="sm"
                      style={{ textTransform: 'none', flexShrink: 0 }}
                    >
                      {t(`presentationParticipant.panel.state.${state}`)}
                    </Badge>
                  )}
                </Group>
              </UnstyledButton>
            </li>
          );
        })}
      </Stack>
    </Stack>
  );
}
