import { Link, useParams, useSearchParams } from 'react-router';
import { Anchor, Button, Group, Paper, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IconArrowLeft, IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { api } from '../../api/client.js';
import { AdminPage } from '../../components/AdminPage.js';
import { AdminQueryState } from '../../components/AdminQueryState.js';
import { formatAt } from '../../components/AdminTime.js';
import { useServerNow } from '../../components/serverClock.js';
import { useLang } from '../../i18n/index.js';
import { CurrentSlotCard } from './CurrentSlotCard.js';
import { liveState } from './liveClock.js';
import { SlotList } from './SlotList.js';
import type { LiveSessionView } from './types.js';

/** How often the session view is fetched again (scores submitted meanwhile, a moved finalist). */
const REFRESH_MS = 30_000;

/**
 * /panel/kompetisi/:id/sesi/:sessionId — the panelist's live session, phone first: the finalist on now
 * large with its phase and a countdown on the server's clock, "Nilai" (or "Abstain"), the next finalist
 * one tap away, and the session's finalists in order with the panelist's scoring state of each. The
 * finalist shown is in the address (`?urutan=`), so coming back from the scoring page keeps it.
 */
export function LiveSessionPage() {
  const { id, sessionId } = useParams();
  const { t } = useTranslation();
  const { lang } = useLang();
  const [search, setSearch] = useSearchParams();
  const now = useServerNow(1000);
  const q = useQuery({
    queryKey: ['presentation', 'live', id, sessionId],
    queryFn: () => api<LiveSessionView>('GET', `/panel/competitions/${id}/sessions/${sessionId}`),
    refetchInterval: REFRESH_MS,
  });
  const d = q.data;
  const live = d ? liveState(d.slots, now.getTime()) : null;
  const chosen = Number(search.get('urutan'));
  const shownIndex = d
    ? d.slots.findIndex((s) => s.slot === chosen) >= 0
      ? d.slots.findIndex((s) => s.slot === chosen)
      : live!.index
    : -1;
  const show = (index: number) => {
    const s = d?.slots[index];
    if (s) setSearch({ urutan: String(s.slot) }, { replace: true });
  };
  return (
    <AdminPage gap="sm">
      <Anchor component={Link} to={`/panel/kompetisi/${id}/sesi`} size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          {t('presentationParticipant.panel.back')}
        </Group>
      </Anchor>
      <AdminQueryState isLoading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
        {d && live && (
          <>
            <div>
              <Title order={1} size="h2">
                {d.session.name}
              </Title>
              <Text size="sm" c="dark.6">
                {formatAt(d.session.startsAt, d.competition.timeZone, lang)}
                {d.session.room ? ` · ${d.session.room}` : ''}
              </Text>
              {d.session.meetingUrl && (
                <Anchor href={d.session.meetingUrl} target="_blank" rel="noopener noreferrer" size="sm">
                  {d.session.meetingUrl}
                </Anchor>
              )}
            </div>
            {shownIndex < 0 ? (
              <Paper withBorder p="md">
                <Text fw={700}>{t('presentationParticipant.panel.over')}</Text>
              </Paper>
            ) : (
              <CurrentSlotCard d={d} index={shownIndex} live={live} now={now} />
            )}
            <Group grow gap="xs">
              <Button
                variant="default"
                size="md"
                leftSection={<IconChevronLeft size={18} aria-hidden />}
                disabled={shownIndex <= 0}
                onClick={() => show(shownIndex - 1)}
              >
                {t('presentationParticipant.panel.prev')}
              </Button>
              <Button
                variant="default"
                size="md"
                rightSection={<IconChevronRight size={18} aria-hidden />}
                disabled={shownIndex < 0 || shownIndex >= d.slots.length - 1}
                onClick={() => show(shownIndex + 1)}
              >
                {t('presentationParticipant.panel.next')}
              </Button>
            </Group>
            {live.index >= 0 && shownIndex !== live.index && (
              <Button variant="subtle" onClick={() => show(live.index)}>
                {t('presentationParticipant.panel.toCurrent')}
              </Button>
            )}
            <SlotList d={d} live={live} shownIndex={shownIndex} now={now} onShow={show} />
            <Text size="xs" c="dark.6">
              {t('presentationParticipant.panel.refreshed')}
            </Text>
          </>
        )}
      </AdminQueryState>
    </AdminPage>
  );
}
