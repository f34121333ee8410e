import { useState } from 'react';
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { zoneAbbreviation } from '../../../domain/time.js';
import { api } from '../../api/client.js';
import { AdminConfirmDialog } from '../../components/AdminFormDialog.js';
import { AdminNotice } from '../../components/AdminPage.js';
import { formatAt, joinInZone, splitInZone } from '../../components/AdminTime.js';
import { apiErrorMessages } from '../../components/forms.js';
import { useLang } from '../../i18n/index.js';
import { clockOf } from './SlotTime.js';
import type { FinalistPresentation, RescheduleRequestView } from './types.js';

interface Row {
  date: string;
  from: string;
  to: string;
}

// orange.9 with white text is under AA (axe); a darker orange keeps 7:1.
const STATUS_COLOR = { pending: '#9a3412', accepted: 'teal.9', refused: 'red.9' } as const;

/**
 * The admin lokal's request to move the slot: the reason (required) and the times the finalist cannot
 * attend (a date with from–to hours on the competition's clock), sent after a confirmation; below it the
 * requests so far with their state — pending, accepted (the slot above is the new one) or refused with the
 * secretariat's reason.
 */
export function RescheduleCard({ d }: { d: FinalistPresentation }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const qc = useQueryClient();
  const tz = d.competition.timeZone;
  const day = splitInZone(d.slot?.startsAt ?? null, tz).date;
  const [reason, setReason] = useState('');
  const [rows, setRows] = useState<Row[]>([{ date: day, from: '08:00', to: '12:00' }]);
  const [confirming, setConfirming] = useState(false);
  const [sent, setSent] = useState(false);
  const send = useMutation({
    mutationFn: () =>
      api('POST', `/presentation/proposals/${d.proposal.id}/reschedule`, {
        reason,
        unavailable: rows.map((r) => ({
          from: joinInZone(r.date, r.from, tz, '00:00') ?? '',
          to: joinInZone(r.date, r.to, tz, '23:59') ?? '',
        })),
      }),
    onSuccess: async () => {
      setConfirming(false);
      setSent(true);
      setReason('');
      await qc.invalidateQueries({ queryKey: ['presentation', 'finalist', String(d.proposal.id)] });
    },
    onError: (e) => {
      // A refusal of a field closes the dialog so the message shows under the field.
      if (Object.keys(apiErrorMessages(e, lang).fields).length) setConfirming(false);
    },
  });
  const err = send.error ? apiErrorMessages(send.error, lang) : null;
  const fieldErr = (k: string) => err?.fields[k];
  const timesErr = err
    ? Object.entries(err.fields)
        .filter(([k]) => k.startsWith('unavailable'))
        .map(([, v]) => v)
    : [];
  const pending = d.requests.some((r) => r.status === 'pending');
  const set = (i: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="reschedule-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="reschedule-title">
          {t('presentationParticipant.reschedule.title')}
        </Title>
        <Text size="sm">{t('presentationParticipant.reschedule.intro')}</Text>
        {sent && (
          <AdminNotice tone="success" role="status" withCloseButton onClose={() => setSent(false)}>
            {t('presentationParticipant.reschedule.sent')}
          </AdminNotice>
        )}
        {d.abilities.reschedule ? (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              send.reset();
              setConfirming(true);
            }}
          >
            <Stack gap="sm">
              <Textarea
                label={t('presentationParticipant.reschedule.reason')}
                description={t('presentationParticipant.reschedule.reasonHint')}
                required
                autosize
                minRows={3}
                maxLength={2000}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                error={fieldErr('reason')}
              />
              <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
                <Text component="legend" size="sm" fw={500} mb={4}>
                  {t('presentationParticipant.reschedule.unavailable', { zone: zoneAbbreviation(tz) })}
                </Text>
                <Stack gap="xs">
                  {rows.map((r, i) => (
                    <Group key={i} gap="xs" align="flex-end" wrap="wrap">
                      <TextInput
                        type="date"
                        label={`${t('presentationParticipant.reschedule.date')} ${i + 1}`}
                        value={r.date}
                        onChange={(e) => set(i, { date: e.currentTarget.value })}
                        w={170}
                      />
                      <TextInput
                        type="time"
                        label={t('presentationParticipant.reschedule.from')}
                        value={r.from}
                        onChange={(e) => set(i, { from: e.currentTarget.value })}
                        w={120}
                      />
                      <TextInput
                        type="time"
                        label={t('presentationParticipant.reschedule.to')}
                        value={r.to}
                        onChange={(e) => set(i, { to: e.currentTarget.value })}
                        w={120}
                      />
                      {rows.length > 1 && (
                        <ActionIcon
                          variant="default"
                          size="lg"
                          aria-label={t('presentationParticipant.reschedule.remove', { n: i + 1 })}
                          onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      )}
                    </Group>
                  ))}
                  {timesErr.map((m) => (
                    <Text key={m} size="sm" c="red.9" role="alert">
                      {m}
                    </Text>
                  ))}
                  {rows.length < 10 && (
                    <div>
                      <Button
                        variant="subtle"
                        size="xs"
                        leftSection={<IconPlus size={14} aria-hidden />}
                        onClick={() => setRows((rs) => [...rs, { date: day, from: '08:00', to: '12:00' }])}
                      >
                        {t('presentationParticipant.reschedule.add')}
                      </Button>
                    </div>
                  )}
                </Stack>
              </fieldset>
              {err && !Object.keys(err.fields).length && !confirming && (
                <AdminNotice tone="danger" role="alert">
                  {err.general}
                </AdminNotice>
              )}
              <div>
                <Button type="submit">{t('presentationParticipant.reschedule.submit')}</Button>
              </div>
            </Stack>
          </form>
        ) : (
          <Text size="sm">
            {pending
              ? t('presentationParticipant.reschedule.pendingBlocks')
              : t('presentationParticipant.reschedule.onlyAdmin')}
          </Text>
        )}
        {d.requests.length > 0 && (
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('presentationParticipant.reschedule.history')}
            </Title>
            {d.requests.map((r) => (
              <RequestItem key={r.id} r={r} timeZone={tz} />
            ))}
          </Stack>
        )}
      </Stack>
      {confirming && (
        <AdminConfirmDialog
          title={t('presentationParticipant.reschedule.confirmTitle')}
          confirmLabel={t('presentationParticipant.reschedule.confirm')}
          pending={send.isPending}
          error={err && !Object.keys(err.fields).length ? err.general : null}
          onConfirm={() => send.mutate()}
          onClose={() => setConfirming(false)}
        >
          <Text size="sm">{t('presentationParticipant.reschedule.confirmBody')}</Text>
        </AdminConfirmDialog>
      )}
    </Paper>
  );
}

function RequestItem({ r, timeZone }: { r: RescheduleRequestView; timeZone: string }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const times = r.unavailable
    .map((u) => {
      const to = formatAt(u.to, timeZone, lang);
      const sameDay = splitInZone(u.from, timeZone).date === splitInZone(u.to, timeZone).date;
      return `${formatAt(u.from, timeZone, lang)} – ${sameDay ? clockOf(to) : to}`;
    })
    .join('; ');
  return (
    <Paper withBorder p="sm" data-testid="reschedule-request">
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap">
          <Badge
            color={STATUS_COLOR[r.status]}
            variant="filled"
            radius="sm"
            style={{ textTransform: 'none' }}
          >
            {t(`presentationParticipant.reschedule.status.${r.status}`)}
          </Badge>
          <Text size="xs" c="dark.6">
            {t('presentationParticipant.reschedule.requestedAt', {
              at: formatAt(r.requestedAt, timeZone, lang),
            })}
            {r.decidedAt &&
              ` · ${t('presentationParticipant.reschedule.decidedAt', { at: formatAt(r.decidedAt, timeZone, lang) })}`}
          </Text>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {r.reason}
        </Text>
        <Text size="xs" c="dark.6">
          {t('presentationParticipant.reschedule.times', { times })}
        </Text>
        {r.status === 'accepted' && (
          <Text size="sm">{t('presentationParticipant.reschedule.acceptedNote')}</Text>
        )}
        {r.status === 'refused' && r.decisionReason && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {t('presentationParticipant.reschedule.refusedReason', { reason: r.decisionReason })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
