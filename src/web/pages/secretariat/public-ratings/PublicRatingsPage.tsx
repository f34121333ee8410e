import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  Anchor,
  Badge,
  Box,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AnomalyGroupView, RatingReport } from '../../../../contracts/public-ratings.js';
import { formatInstant, wallClock, zoneAbbreviation, zonedToUtc } from '../../../../domain/time.js';
import { api } from '../../../api/client.js';
import { AdminNotice, AdminPage } from '../../../components/AdminPage.js';
import { AdminQueryState } from '../../../components/AdminQueryState.js';
import { apiErrorMessages } from '../../../components/forms.js';
import { useLang } from '../../../i18n/index.js';
import { RatingWindowNotice } from '../../../components/RatingWindowNotice.js';

const pad = (n: number) => String(n).padStart(2, '0');
/** An instant as the value of a datetime-local input on the competition's wall clock. */
function toLocal(iso: string | null, tz: string): string {
  if (!iso) return '';
  const w = wallClock(new Date(iso), tz);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}
function fromLocal(v: string, tz: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(v);
  if (!m) return null;
  const [, year, month, day, hour, minute] = m.map(Number) as number[];
  return zonedToUtc(
    { year: year!, month: month!, day: day!, hour: hour!, minute: minute! },
    tz,
  ).toISOString();
}

function WindowForm({ id, data, onSaved }: { id: number; data: RatingReport; onSaved: () => void }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const tz = data.window.timeZone;
  const zone = zoneAbbreviation(tz);
  const [enabled, setEnabled] = useState(data.window.enabled);
  const [opens, setOpens] = useState(toLocal(data.window.opensAt, tz));
  const [closes, setCloses] = useState(toLocal(data.window.closesAt, tz));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  async function save() {
    setErrors({});
    setDone(false);
    try {
      await api('PUT', `/competitions/${id}/public-ratings/window`, {
        enabled,
        opensAt: fromLocal(opens, tz),
        closesAt: fromLocal(closes, tz),
      });
      setDone(true);
      onSaved();
    } catch (err) {
      const { general, fields } = apiErrorMessages(err, lang);
      setErrors(Object.keys(fields).length ? fields : { general });
    }
  }
  return (
    <Paper withBorder p="md" radius="md">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('publicRatings.report.windowTitle')}
          </Title>
          <Checkbox
            label={t('publicRatings.report.enabled')}
            checked={enabled}
            onChange={(e) => setEnabled(e.currentTarget.checked)}
          />
          <Group gap="sm" align="flex-start">
            <TextInput
              type="datetime-local"
              label={t('publicRatings.report.opensAt', { zone })}
              value={opens}
              onChange={(e) => setOpens(e.currentTarget.value)}
              error={errors.opensAt}
            />
            <TextInput
              type="datetime-local"
              label={t('publicRatings.report.closesAt', { zone })}
              value={closes}
              onChange={(e) => setCloses(e.currentTarget.value)}
              error={errors.closesAt}
            />
          </Group>
          {errors.general && <AdminNotice tone="danger">{errors.general}</AdminNotice>}
          {done && (
            <Text size="sm" role="status" c="green.9">
              {t('publicRatings.report.savedWindow')}
            </Text>
          )}
          <Group>
            <Button type="submit">{t('publicRatings.report.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function ExcludeDialog({
  id,
  group,
  onClose,
  onDone,
}: {
  id: number;
  group: AnomalyGroupView;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function confirm() {
    setPending(true);
    setError(null);
    try {
      await api('POST', `/competitions/${id}/public-ratings/exclusions`, { groupKey: group.key, reason });
      onDone();
      onClose();
    } catch (err) {
      const { general, fields } = apiErrorMessages(err, lang);
      setError(fields.reason ?? general);
    } finally {
      setPending(false);
    }
  }
  return (
    <Modal opened onClose={onClose} title={t('publicRatings.report.excludeTitle')}>
      <Stack gap="sm">
        <Text size="sm">{group.words[lang]}</Text>
        <Text size="sm" fw={500}>
          {t('publicRatings.report.excludeText', { ratings: group.ratings - group.excluded })}
        </Text>
        <Textarea
          label={t('publicRatings.report.reason')}
          autosize
          minRows={3}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={error}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('publicRatings.report.cancel')}
          </Button>
          <Button color="red.8" loading={pending} onClick={() => void confirm()}>
            {t('publicRatings.report.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * The public's ratings for the organizer's secretariat and the competition's panel: the notice that they
 * are an input, never the decision; each finalist's count, mean and distribution; the anomaly report in
 * words, and (secretariat) the window and the exclusion of a flagged group, confirmed with a reason.
 */
export function PublicRatingsPage({ panel = false }: { panel?: boolean }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const id = Number(useParams().id);
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['public-ratings', id],
    queryFn: () => api<RatingReport>('GET', `/competitions/${id}/public-ratings`),
  });
  const [excluding, setExcluding] = useState<AnomalyGroupView | null>(null);
  const refresh = () => void qc.invalidateQueries({ queryKey: ['public-ratings', id] });
  const data = q.data;
  return (
    <AdminPage gap="lg">
      <div>
        {!panel && (
          <Anchor component={Link} to={`/sekretariat/kompetisi/${id}`} size="sm">
            ← {data?.competition.name ?? ''}
          </Anchor>
        )}
        <Title order={1} mt={4}>
          {t('publicRatings.report.title')}
        </Title>
        {data && (
          <Text fw={600} c="dark.7">
            {data.competition.name}
          </Text>
        )}
        <Anchor component={Link} to={`/kompetisi/${id}/nilai-publik`} size="sm">
          {t('publicRatings.report.publicPage')}
        </Anchor>
      </div>
      <AdminQueryState isLoading={q.isLoading} error={q.error} onRetry={() => q.refetch()}>
        {data && (
          <Stack gap="lg">
            <AdminNotice tone="info">{data.notice[lang]}</AdminNotice>
            <RatingWindowNotice window={data.window} />
            {data.abilities.manage && <WindowForm id={id} data={data} onSaved={refresh} />}
            <Box
              style={{ overflowX: 'auto' }}
              tabIndex={0}
              role="region"
              aria-label={t('publicRatings.report.title')}
            >
              <Table striped withTableBorder miw={560}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('publicRatings.report.finalist')}</Table.Th>
                    <Table.Th ta="right">{t('publicRatings.report.count')}</Table.Th>
                    <Table.Th ta="right">{t('publicRatings.report.mean')}</Table.Th>
                    <Table.Th>{t('publicRatings.report.distribution')}</Table.Th>
                    <Table.Th ta="right">{t('publicRatings.report.excluded')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.finalists.map((f) => (
                    <Table.Tr key={f.proposalId}>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {f.title}
                        </Text>
                        <Text size="xs" c="dark.6">
                          {f.code} · {f.institution}
                        </Text>
                        {f.summary.anomaly && (
                          <Badge color="red.8" variant="filled" size="sm">
                            {t('publicRatings.report.flagged')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td ta="right">{f.summary.count}</Table.Td>
                      <Table.Td ta="right">
                        {f.summary.mean === null
                          ? '—'
                          : f.summary.mean.toLocaleString(lang === 'en' ? 'en-GB' : 'id-ID', {
                              minimumFractionDigits: 2,
                            })}
                      </Table.Td>
                      <Table.Td>{f.summary.distribution.join(' · ')}</Table.Td>
                      <Table.Td ta="right">{f.summary.excluded}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Box>
            <Stack gap="sm">
              <Title order={2} size="h3">
                {t('publicRatings.report.anomalies')}
              </Title>
              {data.anomalies.length === 0 && <Text c="dark.6">{t('publicRatings.report.noAnomalies')}</Text>}
              {data.anomalies.map((g) => (
                <Paper key={g.key} withBorder p="md" radius="md" data-testid="anomaly">
                  <Stack gap="xs">
                    <Group gap="xs">
                      <Badge color="dark.6" variant="filled">
                        {t(`publicRatings.report.kind.${g.kind}`)}
                      </Badge>
                      <Text size="sm" c="dark.7">
                        {t('publicRatings.report.counts', {
                          ratings: g.ratings,
                          voters: g.voters,
                          excluded: g.excluded,
                        })}
                      </Text>
                    </Group>
                    <Text size="sm">{g.words[lang]}</Text>
                    {data.abilities.manage && g.excluded < g.ratings && (
                      <Group>
                        <Button size="xs" color="red.8" variant="outline" onClick={() => setExcluding(g)}>
                          {t('publicRatings.report.exclude')}
                        </Button>
                      </Group>
                    )}
                  </Stack>
                </Paper>
              ))}
            </Stack>
            {data.exclusions.length > 0 && (
              <Stack gap="xs">
                <Title order={2} size="h3">
                  {t('publicRatings.report.exclusions')}
                </Title>
                {data.exclusions.map((e) => (
                  <Text key={e.id} size="sm">
                    {formatInstant(e.at, data.window.timeZone, lang)} · {e.by} ·{' '}
                    {t(`publicRatings.report.kind.${e.kind}`)} · {e.ratings} · “{e.reason}”
                  </Text>
                ))}
              </Stack>
            )}
          </Stack>
        )}
      </AdminQueryState>
      {excluding && (
        <ExcludeDialog id={id} group={excluding} onClose={() => setExcluding(null)} onDone={refresh} />
      )}
    </AdminPage>
  );
}

/** The panel's route: the same page, without the secretariat's actions (the API says which). */
export function PanelPublicRatingsPage() {
  return <PublicRatingsPage panel />;
}
