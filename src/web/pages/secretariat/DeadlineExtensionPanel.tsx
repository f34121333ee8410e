import { useState } from 'react';
import {
  Button,
  Group,
  List,
  Modal,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ExtensionPreview, ExtensionsResponse } from '../../../contracts/deadlines.js';
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
import { formatWindow } from '../../components/Timeline.js';
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
  /** Move the later stages with the extension, or keep the calendar (refused when it would overlap). */
  const [calendar, setCalendar] = useState<'move' | 'keep'>('move');
  /** What the API says the extension would do, once it has checked the form (nothing saved yet). */
  const [plan, setPlan] = useState<ExtensionPreview | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const closesAt = joinInZone(date || current.date, time || current.time, zone, '23:59');
  const validInstant = !!closesAt && !Number.isNaN(new Date(closesAt).getTime());

  const body = () => ({
    closesAt: closesAt ?? '',
    letterNumber,
    reasonId: reasonId.trim() || null,
    reasonEn: reasonEn.trim() || null,
    calendar,
  });
  const preview = useMutation({
    mutationFn: () =>
      api<ExtensionPreview>('POST', `/competitions/${competitionId}/extend-submission/preview`, body()),
    onSuccess: (res) => setPlan(res),
  });
  const extend = useMutation({
    mutationFn: () =>
      api<ExtensionsResponse>('POST', `/competitions/${competitionId}/extend-submission`, body()),
    onSuccess: async (res) => {
      qc.setQueryData(['extensions', competitionId], res);
      setPlan(null);
      setDone(formatAt(res.closesAt, res.timeZone, lang));
      setDate('');
      setTime('');
      setLetterNumber('');
      setReasonId('');
      setReasonEn('');
      await qc.invalidateQueries({ queryKey: ['dashboard', competitionId] });
      await qc.invalidateQueries({ queryKey: ['competitions'] });
    },
    onError: () => setPlan(null),
  });
  const failed = extend.error ?? preview.error;
  const err = failed ? apiErrorMessages(failed, lang) : null;
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
            // The API checks the form first; only a valid extension asks for confirmation.
            preview.mutate();
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
            <Radio.Group
              label={t('dashboard.extend.calendar')}
              description={t('dashboard.extend.calendarHint')}
              value={calendar}
              onChange={(v) => setCalendar(v === 'keep' ? 'keep' : 'move')}
            >
              <Stack gap={6} mt={6}>
                <Radio value="move" label={t('dashboard.extend.calendarMove')} />
                <Radio value="keep" label={t('dashboard.extend.calendarKeep')} />
              </Stack>
            </Radio.Group>
            <Group>
              <Button type="submit" disabled={!validInstant} loading={extend.isPending || preview.isPending}>
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

      {plan && (
        <Modal
          opened
          onClose={() => setPlan(null)}
          title={t('dashboard.extend.confirmTitle')}
          closeButtonProps={{ 'aria-label': t('common.close') }}
        >
          <Stack data-testid="extend-confirm">
            <Text>{t('dashboard.extend.confirmBody', { time: formatAt(plan.closesAt, zone, lang) })}</Text>
            {plan.movedStages.length > 0 ? (
              <div>
                <Text size="sm" fw={700}>
                  {t('guard.extend.moved')}
                </Text>
                <List size="sm" spacing={4}>
                  {plan.movedStages.map((m) => (
                    <List.Item key={m.kind}>
                      {t('guard.extend.movedItem', {
                        name: pick({ id: m.nameId, en: m.nameEn }),
                        from: formatAt(m.from.opensAt ?? m.from.closesAt, zone, lang),
                        to: formatAt(m.to.opensAt ?? m.to.closesAt, zone, lang),
                      })}
                    </List.Item>
                  ))}
                </List>
              </div>
            ) : (
              <Text size="sm">{t('guard.extend.noneMoved')}</Text>
            )}
            <div>
              <Text size="sm" fw={700} id="extend-calendar-title">
                {t('dashboard.extend.resulting')}
              </Text>
              <List
                size="sm"
                spacing={4}
                aria-labelledby="extend-calendar-title"
                data-testid="extend-calendar"
              >
                {plan.stages.map((s) => (
                  <List.Item key={s.kind}>
                    <Text span size="sm" fw={s.moved || s.kind === 'submission' ? 700 : 400}>
                      {pick({ id: s.nameId, en: s.nameEn })}
                    </Text>
                    {': '}
                    {formatWindow(s.opensAt, s.closesAt, zone, lang, t)}
                    {s.moved && ` — ${t('dashboard.extend.movedMark')}`}
                    {s.kind === 'submission' && ` — ${t('dashboard.extend.extendedMark')}`}
                  </List.Item>
                ))}
              </List>
            </div>
            <Text size="sm">{t('dashboard.extend.irreversible')}</Text>
            <Text size="sm">{t('guard.extend.recipients', { count: plan.recipients })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPlan(null)}>
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
