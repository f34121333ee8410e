import { useEffect } from 'react';
import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ReminderResult } from '../../../contracts/participation.js';
import { api } from '../../api/client.js';
import { useLang } from '../../i18n/index.js';
import { AdminDialog } from '../AdminFormDialog.js';
import { AdminNotice } from '../AdminPage.js';
import { formatAt } from '../AdminTime.js';
import { apiErrorMessages } from '../forms.js';

type Status = 'forwarded' | 'in_progress' | 'nothing';

/** Light background with dark text (AA contrast), as AdminStatusBadge. */
const TONES: Record<Status, { bg: string; fg: string }> = {
  forwarded: { bg: '#e6f4ea', fg: '#1b5e20' },
  in_progress: { bg: '#fff4d6', fg: '#6b4200' },
  nothing: { bg: '#fdecec', fg: '#9b1c1c' },
};

export function ParticipationBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      radius="sm"
      styles={{
        root: {
          background: TONES[status].bg,
          color: TONES[status].fg,
          textTransform: 'none',
          fontWeight: 700,
        },
        label: { overflow: 'visible' },
      }}
    >
      {t(`participationView.status.${status}`)}
    </Badge>
  );
}

export function ParticipationTotals({
  totals,
}: {
  totals: { all: number; forwarded: number; inProgress: number; nothing: number };
}) {
  const { t } = useTranslation();
  const tiles = [
    ['all', totals.all],
    ['forwarded', totals.forwarded],
    ['inProgress', totals.inProgress],
    ['nothing', totals.nothing],
  ] as const;
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }}>
      {tiles.map(([key, n]) => (
        <Paper withBorder p="sm" key={key}>
          <Text size="sm" fw={600}>
            {t(`participationView.totals.${key}`)}
          </Text>
          <Text fz={28} fw={700} lh={1.2}>
            {n}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** Forwarded per group against the quota: "Umum 1/10 · Replikasi 0/5". */
export function GroupCounts({
  groups,
  labels,
}: {
  groups: { key: string; forwarded: number; quota: number | null }[];
  labels: { key: string; label: { id: string; en: string } }[];
}) {
  const { t } = useTranslation();
  const { pick } = useLang();
  return (
    <Stack gap={0}>
      {groups.map((g) => (
        <Text size="sm" key={g.key}>
          {pick(labels.find((l) => l.key === g.key)?.label)}:{' '}
          {g.quota === null
            ? t('participationView.noQuota', { forwarded: g.forwarded })
            : t('participationView.quota', { forwarded: g.forwarded, quota: g.quota })}
        </Text>
      ))}
    </Stack>
  );
}

/** When a line was last reminded, on the competition's wall clock with zone. */
export function LastReminded({ at, timeZone }: { at: string | null; timeZone: string }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  return <Text size="sm">{at ? formatAt(at, timeZone, lang) : t('participationView.never')}</Text>;
}

/**
 * The reminder's confirmation: asks the server who would get it (dry run), says how many people, who is
 * left out for the 24-hour rule and until when, then sends it on confirmation.
 */
export function ReminderDialog({
  path,
  body,
  level,
  closesAt,
  timeZone,
  invalidate,
  onClose,
  onSent,
}: {
  path: string;
  body: Record<string, unknown>;
  level: 'institution' | 'unit';
  closesAt: string | null;
  timeZone: string;
  invalidate: readonly unknown[];
  onClose: () => void;
  onSent: (r: ReminderResult) => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const qc = useQueryClient();
  const plan = useMutation({
    mutationFn: () => api<ReminderResult>('POST', path, { ...body, dryRun: true }),
  });
  const send = useMutation({
    mutationFn: () => api<ReminderResult>('POST', path, body),
    onSuccess: async (r) => {
      await qc.invalidateQueries({ queryKey: invalidate });
      onSent(r);
    },
  });
  useEffect(() => plan.mutate(), []); // eslint-disable-line react-hooks/exhaustive-deps
  const p = plan.data;
  const error = plan.error ?? send.error;
  const closing = closesAt ? formatAt(closesAt, timeZone, lang) : '—';
  return (
    <AdminDialog title={t('participationView.remind.confirmTitle')} onClose={onClose}>
      <Stack gap="sm">
        {error ? <AdminNotice tone="danger">{apiErrorMessages(error, lang).general}</AdminNotice> : null}
        {!p && !error && <Text>{t('participationView.remind.counting')}</Text>}
        {p && (
          <>
            <Text>
              {t(
                level === 'institution'
                  ? 'participationView.remind.confirmInstitutions'
                  : 'participationView.remind.confirmUnits',
                {
                  subjects: p.subjects,
                  recipients: p.recipients,
                  closesAt: closing,
                },
              )}
            </Text>
            {p.skipped > 0 && (
              <Text size="sm">
                {t('participationView.remind.skipped', {
                  count: p.skipped,
                  at: p.nextAt ? formatAt(p.nextAt, timeZone, lang) : '',
                })}
              </Text>
            )}
            {p.recipients === 0 ? (
              <AdminNotice tone="warning">{t('participationView.remind.none')}</AdminNotice>
            ) : (
              <Text size="sm">{t('participationView.remind.irreversible')}</Text>
            )}
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('participationView.remind.cancel')}
          </Button>
          <Button onClick={() => send.mutate()} loading={send.isPending} disabled={!p || p.recipients === 0}>
            {t('participationView.remind.send')}
          </Button>
        </Group>
      </Stack>
    </AdminDialog>
  );
}
