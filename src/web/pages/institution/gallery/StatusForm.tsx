import { useState } from 'react';
import { Button, Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { OwnerInnovation } from '../../../../contracts/gallery-owner.js';
import { api } from '../../../api/client.js';
import { AdminNotice } from '../../../components/AdminPage.js';
import { apiErrorMessages } from '../../../components/forms.js';
import { useLang } from '../../../i18n/index.js';

/** This year's confirmation of a public innovation: continuing, or halted with the reason. */
export function StatusForm({
  item,
  year,
  queryKey,
}: {
  item: OwnerInnovation;
  year: number;
  queryKey: readonly unknown[];
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const qc = useQueryClient();
  const [status, setStatus] = useState<'continuing' | 'halted'>(item.thisYear?.status ?? 'continuing');
  const [reason, setReason] = useState(item.thisYear?.reason ?? '');
  const save = useMutation({
    mutationFn: () =>
      api('PUT', `/gallery-owner/proposals/${item.proposalId}/status`, {
        status,
        reason: status === 'halted' ? reason : null,
      }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey });
      notifications.show({ color: 'green', message: t('galleryOwner.status.confirmed', { year }) });
    },
  });
  const err = save.error ? apiErrorMessages(save.error, lang) : null;
  const shown = item.status;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="xs">
        <Text fw={600}>{t('galleryOwner.status.title', { year })}</Text>
        {shown && (
          <Text size="sm">
            {t('galleryOwner.status.shown', { status: t(`galleryOwner.status.${shown.status}`) })} (
            {shown.confirmed
              ? t('galleryOwner.status.lastConfirmed', { year: shown.year })
              : t('galleryOwner.status.asOfCompetition', { year: shown.year })}
            )
          </Text>
        )}
        {item.thisYear ? (
          <Text size="sm">
            {t('galleryOwner.status.confirmedThisYear', {
              year,
              status: t(`galleryOwner.status.${item.thisYear.status}`),
            })}
          </Text>
        ) : (
          shown?.due && <AdminNotice tone="warning">{t('galleryOwner.status.due')}</AdminNotice>
        )}
        {err && !err.fields.reason && (
          <AdminNotice tone="danger" role="alert">
            {err.general}
          </AdminNotice>
        )}
        <Radio.Group
          label={t('galleryOwner.status.choose', { year })}
          value={status}
          onChange={(v) => setStatus(v as 'continuing' | 'halted')}
        >
          <Group mt={4}>
            <Radio value="continuing" label={t('galleryOwner.status.continuing')} />
            <Radio value="halted" label={t('galleryOwner.status.halted')} />
          </Group>
        </Radio.Group>
        {status === 'halted' && (
          <Textarea
            label={t('galleryOwner.status.reason')}
            description={t('galleryOwner.status.reasonHint')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={err?.fields.reason}
            aria-invalid={err?.fields.reason ? true : undefined}
            autosize
            minRows={2}
            maxLength={1000}
          />
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('galleryOwner.status.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
