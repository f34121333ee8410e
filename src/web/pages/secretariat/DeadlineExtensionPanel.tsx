import { useState } from 'react';
import {
  Button,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ExtensionsResponse } from '../../../contracts/deadlines.js';
import { zoneAbbreviation } from '../../../domain/time.js';
import { api } from '../../api/client.js';
import { AdminDataTable } from '../../components/AdminDataTable.js';
import { InstantText } from '../../components/InstantText.js';
import { AdminNotice } from '../../components/AdminPage.js';
import {
  formatAt,
  joinInZone,
  readerTimeZone,
  splitInZone,
  zonesDiffer,
} from '../../components/AdminTime.js';
import { apiErrorMessages } from '../../components/forms.js';
import { useLang } from '../../i18n/index.js';

/**
 * "Perpanjang batas pengajuan": a new closing date and time typed on the competition's wall clock, the
 * letter number that decided it, an optional reason in both languages; then the history of extensions.
 */
export function DeadlineExtensionPanel({
  competitionId,
  canExtend,
}: {
  competitionId: number;
  canExtend: boolean;
}) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const qc = useQueryClient();
  const ext = useQuery({
    queryKey: ['extensions', competitionId],
    queryFn: () => api<ExtensionsResponse>('GET', `/competitions/${competitionId}/extensions`),
  });
  const zone = ext.data?.timeZone ?? 'Asia/Jakarta';
  const abbr = zoneAbbreviation(zone);
  const current = splitInZone(ext.data?.closesAt ?? null, zone);
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [letterNumber, setLetterNumber] = useState('');
  const [reasonId, setReasonId] = useState('');
  const [reasonEn, setReasonEn] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const closesAt = joinInZone(date || current.date, time || current.time, zone, '23:59');
  const validInstant = !!closesAt && !Number.isNaN(new Date(closesAt).getTime());

  const extend = useMutation({
    mutationFn: () =>
      api<ExtensionsResponse>('POST', `/competitions/${competitionId}/extend-submission`, {
        closesAt: closesAt ?? '',
        letterNumber,
        reasonId: reasonId.trim() || null,
        reasonEn: reasonEn.trim() || null,
      }),
    onSuccess: async (res) => {
      qc.setQueryData(['extensions', competitionId], res);
      setConfirming(false);
      setDone(formatAt(res.closesAt, res.timeZone, lang));
      setDate('');
      setTime('');
      setLetterNumber('');
      setReasonId('');
      setReasonEn('');
      await qc.invalidateQueries({ queryKey: ['dashboard', competitionId] });
      await qc.invalidateQueries({ queryKey: ['competitions'] });
    },
    onError: () => setConfirming(false),
  });
  const err = extend.error ? apiErrorMessages(extend.error, lang) : null;
  const reader = readerTimeZone();

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="extend-title">
      <Title order={2} size="h3" id="extend-title" mb={4}>
        {t('dashboard.extend.title')}
      </Title>
      <Text size="sm" c="dark.6" mb="sm">
        {t('dashboard.extend.intro')}
      </Text>
      {done && (
        <AdminNotice tone="success" role="status" mb="sm" withCloseButton onClose={() => setDone(null)}>
          {t('dashboard.extend.done', { time: done })}
        </AdminNotice>
      )}
      {canExtend ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            extend.reset();
            setConfirming(true);
          }}
        >
          <Stack gap="sm">
            {err && !Object.keys(err.fields).length && (
              <AdminNotice tone="danger" role="alert">
                {err.general}
              </AdminNotice>
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Stack gap={4}>
                <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
                  <TextInput
                    type="date"
                    label={t('dashboard.extend.date')}
                    value={date || current.date}
                    onChange={(e) => setDate(e.currentTarget.value)}
                    required
                    error={err?.fields.closesAt}
                  />
                  <TextInput
                    type="time"
                    label={t('dashboard.extend.time', { zone: abbr })}
                    value={time || current.time}
                    onChange={(e) => setTime(e.currentTarget.value)}
                    required
                  />
                </SimpleGrid>
                {validInstant && (
                  <Text size="xs" c="dark.6" aria-live="polite">
                    {t('dashboard.extend.preview', { time: formatAt(closesAt, zone, lang) })}
                    {zonesDiffer(closesAt!, zone, reader) &&
                      ` · ${t('secretariat.yourTime', { time: formatAt(closesAt, reader, lang) })}`}
                  </Text>
                )}
              </Stack>
              <TextInput
                label={t('dashboard.extend.letterNumber')}
                description={t('dashboard.extend.letterHint')}
                value={letterNumber}
                onChange={(e) => setLetterNumber(e.currentTarget.value)}
                required
                maxLength={128}
                error={err?.fields.letterNumber}
              />
              <Textarea
                label={t('dashboard.extend.reasonId')}
                value={reasonId}
                onChange={(e) => setReasonId(e.currentTarget.value)}
                autosize
                minRows={2}
                maxLength={2000}
                error={err?.fields.reasonId}
              />
              <Textarea
                label={t('dashboard.extend.reasonEn')}
                value={reasonEn}
                onChange={(e) => setReasonEn(e.currentTarget.value)}
                autosize
                minRows={2}
                maxLength={2000}
                error={err?.fields.reasonEn}
              />
            </SimpleGrid>
            <Group>
              <Button type="submit" disabled={!validInstant} loading={extend.isPending}>
                {t('dashboard.extend.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <AdminNotice tone="neutral">{t('dashboard.extend.notAllowed')}</AdminNotice>
      )}

      <Title order={3} size="h5" mt="lg" mb="xs">
        {t('dashboard.extend.history')}
      </Title>
      {ext.data && ext.data.items.length === 0 && (
        <Text size="sm" c="dark.6">
          {t('dashboard.extend.noHistory')}
        </Text>
      )}
      {ext.data && ext.data.items.length > 0 && (
        <AdminDataTable
          rows={[...ext.data.items].reverse()}
          rowKey={(x) => x.at + x.closesAt}
          minWidth={640}
          columns={[
            {
              header: t('dashboard.extend.to'),
              primary: true,
              cell: (x) => <InstantText iso={x.closesAt} timeZone={zone} />,
            },
            {
              header: t('dashboard.extend.from'),
              cell: (x) => <InstantText iso={x.previousClosesAt} timeZone={zone} />,
            },
            { header: t('dashboard.extend.letter'), cell: (x) => x.letterNumber },
            {
              header: t('dashboard.extend.reason'),
              cell: (x) => pick({ id: x.reasonId ?? x.reasonEn ?? '—', en: x.reasonEn ?? x.reasonId ?? '—' }),
            },
            {
              header: t('dashboard.extend.at'),
              cell: (x) => (
                <>
                  <InstantText iso={x.at} timeZone={zone} />
                  {x.byName && (
                    <Text size="xs" c="dark.6">
                      {t('dashboard.extend.by', { name: x.byName })}
                    </Text>
                  )}
                </>
              ),
            },
          ]}
        />
      )}

      {confirming && validInstant && (
        <Modal
          opened
          onClose={() => setConfirming(false)}
          title={t('dashboard.extend.confirmTitle')}
          closeButtonProps={{ 'aria-label': t('common.close') }}
        >
          <Stack>
            <Text>{t('dashboard.extend.confirmBody', { time: formatAt(closesAt, zone, lang) })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('dashboard.extend.cancel')}
              </Button>
              <Button onClick={() => extend.mutate()} loading={extend.isPending} data-autofocus>
                {t('dashboard.extend.confirm')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Paper>
  );
}
