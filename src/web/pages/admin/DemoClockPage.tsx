import { useState } from 'react';
import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { AdminNotice, AdminPage } from '../../components/AdminPage.js';
import { AdminQueryState } from '../../components/AdminQueryState.js';
import { formatAt } from '../../components/AdminTime.js';
import { apiErrorMessages } from '../../components/forms.js';
import { useLang } from '../../i18n/index.js';

/*
 * The demo clock (SINOVIK_CLOCK_CONTROL=1 only; the system administrator): the server's time, moved forward
 * so a demo can walk through stages that lie days or weeks ahead (the uji publik's window, its closing),
 * and back to real time. Only the server's clock counts for deadlines, so the move is for every user; it
 * is audited (clock.moved) and undone by "Kembali ke waktu nyata".
 */

const ZONE = 'Asia/Jakarta';
const HOUR = 3_600_000;

export function DemoClockPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [at, setAt] = useState('');
  const [notice, setNotice] = useState<{ tone: 'success' | 'danger'; text: string } | null>(null);
  const time = useQuery({
    queryKey: ['system-time'],
    queryFn: () => api<{ now: string }>('GET', '/time'),
  });
  const move = useMutation({
    mutationFn: (body: { advanceMs?: number; set?: string; reset?: boolean }) =>
      api<{ now: string }>('POST', '/system/clock', body),
    onSuccess: (r) => {
      setNotice({ tone: 'success', text: t('demoClock.moved', { at: formatAt(r.now, ZONE, lang) }) });
      void time.refetch();
    },
    onError: (e) => setNotice({ tone: 'danger', text: apiErrorMessages(e, lang).general }),
  });
  // The date-time field is read as WIB (UTC+7, no daylight saving), as the label says.
  const setTo = () => {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(at);
    if (!m) return setNotice({ tone: 'danger', text: t('demoClock.badInstant') });
    const utc = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!) - 7 * HOUR;
    move.mutate({ set: new Date(utc).toISOString() });
  };

  return (
    <AdminPage>
      <div>
        <Title order={1}>{t('demoClock.title')}</Title>
        <Text c="dark.6">{t('demoClock.lead')}</Text>
      </div>
      {notice && (
        <AdminNotice tone={notice.tone} withCloseButton onClose={() => setNotice(null)} role="status">
          {notice.text}
        </AdminNotice>
      )}
      <AdminQueryState isLoading={time.isLoading} error={time.error} onRetry={() => time.refetch()}>
        {time.data && (
          <Paper withBorder p="md" radius="md">
            <Stack gap="sm">
              <Text size="lg" fw={700} data-testid="server-time">
                {t('demoClock.now', { at: formatAt(time.data.now, ZONE, lang) })}
              </Text>
              <Group gap="xs">
                <Button
                  variant="light"
                  loading={move.isPending}
                  onClick={() => move.mutate({ advanceMs: HOUR })}
                >
                  {t('demoClock.plusHour')}
                </Button>
                <Button variant="light" onClick={() => move.mutate({ advanceMs: 24 * HOUR })}>
                  {t('demoClock.plusDay')}
                </Button>
                <Button variant="light" onClick={() => move.mutate({ advanceMs: 7 * 24 * HOUR })}>
                  {t('demoClock.plusWeek')}
                </Button>
              </Group>
              <Group align="flex-end" gap="xs">
                <TextInput
                  type="datetime-local"
                  label={t('demoClock.setLabel')}
                  value={at}
                  onChange={(e) => setAt(e.currentTarget.value)}
                />
                <Button onClick={setTo} disabled={!at}>
                  {t('demoClock.set')}
                </Button>
              </Group>
              <Group>
                <Button variant="default" onClick={() => move.mutate({ reset: true })}>
                  {t('demoClock.reset')}
                </Button>
              </Group>
              <Text size="sm" c="dark.6">
                {t('demoClock.note')}
              </Text>
            </Stack>
          </Paper>
        )}
      </AdminQueryState>
    </AdminPage>
  );
}
