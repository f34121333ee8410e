import { useState } from 'react';
import { Badge, Button, Group, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.js';
import { AdminDataTable } from '../../../components/AdminDataTable.js';
import { AdminConfirmDialog } from '../../../components/AdminFormDialog.js';
import { formatAt, splitInZone } from '../../../components/AdminTime.js';
import { apiErrorMessages } from '../../../components/forms.js';
import { useLang } from '../../../i18n/index.js';
import { hoursText, rangeText } from './slotTime.js';
import type { PresentationView, RequestView } from './types.js';

const STATUS_COLOR = { pending: '#6b4200', accepted: 'teal.9', refused: 'red.9' } as const;

/** Accepting a request: the earliest valid slot, or one the secretariat names. */
function AcceptDialog({
  d,
  r,
  onClose,
  onDone,
}: {
  d: PresentationView;
  r: RequestView;
  onClose: () => void;
  onDone: (text: string) => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const zone = d.competition.timeZone;
  const [target, setTarget] = useState('');
  const accept = useMutation({
    mutationFn: () => {
      const [sessionId, slot] = target.split(':').map(Number);
      return api<{ startsAt: string; endsAt: string }>(
        'POST',
        `/competitions/${d.competition.id}/presentation/requests/${r.id}/accept`,
        target ? { sessionId, slot } : {},
      );
    },
    onSuccess: (x) =>
      onDone(
        t('presentation.requests.accepted_done', {
          code: r.code,
          time: rangeText(x.startsAt, x.endsAt, zone, lang),
        }),
      ),
  });
  const err = accept.error ? apiErrorMessages(accept.error, lang) : null;
  const options = [
    { value: '', label: t('presentation.requests.earliest') },
    ...d.sessions.flatMap((s) =>
      s.slots
        .filter((x) => !x.finalist || x.finalist.id === r.proposalId)
        .map((x) => ({
          value: `${s.id}:${x.slot}`,
          label: `${s.name} · ${t('presentation.move.slotOption', {
            n: x.slot,
            time: hoursText(x.startsAt, x.endsAt, zone, lang),
            who: x.finalist ? x.finalist.code : t('presentation.move.free'),
          })}`,
        })),
    ),
  ];
  return (
    <AdminConfirmDialog
      title={t('presentation.requests.acceptTitle', { code: r.code })}
      confirmLabel={t('presentation.requests.acceptConfirm')}
      pending={accept.isPending}
      error={err && !err.fields.slot ? err.general : null}
      onConfirm={() => accept.mutate()}
      onClose={onClose}
    >
      <Text size="sm">{t('presentation.requests.acceptBody')}</Text>
      <NativeSelect
        label={t('presentation.requests.target')}
        value={target}
        onChange={(e) => {
          setTarget(e.currentTarget.value);
          accept.reset();
        }}
        data={options}
        error={err?.fields.slot ?? err?.fields.sessionId}
      />
    </AdminConfirmDialog>
  );
}

/** Refusing a request: the reason is required and mailed. */
function RefuseDialog({
  d,
  r,
  onClose,
  onDone,
}: {
  d: PresentationView;
  r: RequestView;
  onClose: () => void;
  onDone: (text: string) => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [reason, setReason] = useState('');
  const refuse = useMutation({
    mutationFn: () =>
      api('POST', `/competitions/${d.competition.id}/presentation/requests/${r.id}/refuse`, { reason }),
    onSuccess: () => onDone(t('presentation.requests.refused_done', { code: r.code })),
  });
  const err = refuse.error ? apiErrorMessages(refuse.error, lang) : null;
  return (
    <AdminConfirmDialog
      title={t('presentation.requests.refuseTitle', { code: r.code })}
      confirmLabel={t('presentation.requests.refuseConfirm')}
      danger
      pending={refuse.isPending}
      error={err && !err.fields.reason ? err.general : null}
      onConfirm={() => refuse.mutate()}
      onClose={onClose}
    >
      <Text size="sm">{t('presentation.requests.refuseBody')}</Text>
      <Textarea
        label={t('presentation.requests.refuseReason')}
        required
        autosize
        minRows={2}
        maxLength={2000}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={err?.fields.reason}
      />
    </AdminConfirmDialog>
  );
}

/** The rescheduling requests, newest first: the reason, the times the finalist cannot attend, the decision. */
export function RequestsCard({ d, onDecided }: { d: PresentationView; onDecided: (text: string) => void }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const zone = d.competition.timeZone;
  const [open, setOpen] = useState<{ r: RequestView; kind: 'accept' | 'refuse' } | null>(null);
  const done = (text: string) => {
    setOpen(null);
    onDecided(text);
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="presentation-requests">
      <Title order={2} size="h3" id="presentation-requests" mb="sm">
        {t('presentation.requests.title')}
      </Title>
      {d.requests.length === 0 ? (
        <Text c="dark.6">{t('presentation.requests.none')}</Text>
      ) : (
        <AdminDataTable
          rows={d.requests}
          rowKey={(r) => r.id}
          minWidth={860}
          columns={[
            {
              header: t('presentation.requests.proposal'),
              primary: true,
              cell: (r) => (
                <Stack gap={0}>
                  <Text size="sm" fw={600}>
                    {r.code}
                  </Text>
                  <Text size="xs" c="dark.6">
                    {r.institution}
                  </Text>
                  <Text size="xs" c="dark.6">
                    {t('presentation.requests.requestedAt', { at: formatAt(r.requestedAt, zone, lang) })}
                  </Text>
                </Stack>
              ),
            },
            {
              header: t('presentation.requests.reason'),
              cell: (r) => (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {r.reason}
                </Text>
              ),
            },
            {
              header: t('presentation.requests.unavailable'),
              cell: (r) => (
                <Stack gap={2}>
                  {r.unavailable.map((u) => (
                    <Text key={u.from} size="sm">
                      {splitInZone(u.from, zone).date === splitInZone(u.to, zone).date
                        ? rangeText(u.from, u.to, zone, lang)
                        : `${formatAt(u.from, zone, lang)} – ${formatAt(u.to, zone, lang)}`}
                    </Text>
                  ))}
                </Stack>
              ),
            },
            {
              header: t('presentation.requests.status'),
              style: { minWidth: 130 },
              cell: (r) => (
                <Stack gap={2}>
                  <Badge
                    color={STATUS_COLOR[r.status]}
                    variant="filled"
                    radius="sm"
                    style={{ textTransform: 'none' }}
                  >
                    {t(`presentation.requests.${r.status}`)}
                  </Badge>
                  {r.decisionReason && (
                    <Text size="xs">
                      {t('presentation.requests.decisionReason', { reason: r.decisionReason })}
                    </Text>
                  )}
                </Stack>
              ),
            },
            {
              header: t('presentation.requests.actions'),
              bare: true,
              cell: (r) =>
                d.abilities.decide && r.status === 'pending' ? (
                  <Group gap="xs">
                    <Button
                      size="xs"
                      onClick={() => setOpen({ r, kind: 'accept' })}
                      aria-label={t('presentation.requests.acceptNamed', { code: r.code })}
                    >
                      {t('presentation.requests.accept')}
                    </Button>
                    <Button
                      size="xs"
                      variant="outline"
                      color="red.9"
                      onClick={() => setOpen({ r, kind: 'refuse' })}
                      aria-label={t('presentation.requests.refuseNamed', { code: r.code })}
                    >
                      {t('presentation.requests.refuse')}
                    </Button>
                  </Group>
                ) : null,
            },
          ]}
        />
      )}
      {open?.kind === 'accept' && (
        <AcceptDialog d={d} r={open.r} onClose={() => setOpen(null)} onDone={done} />
      )}
      {open?.kind === 'refuse' && (
        <RefuseDialog d={d} r={open.r} onClose={() => setOpen(null)} onDone={done} />
      )}
    </Paper>
  );
}
