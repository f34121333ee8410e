import { useState } from 'react';
import {
  Box,
  Button,
  Group,
  Paper,
  ScrollArea,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DashboardBreakdown, DashboardResponse } from '../../contracts/dashboard.js';
import { useLang } from '../i18n/index.js';
import './DashboardCharts.css';

/*
 * Hand-made charts: bars are plain boxes sized in percent (no chart library: recharts would add about
 * 135 KB gzip for a few bars). Every bar is hidden from screen readers and stated once in words instead,
 * so each chart reads as a list of sentences; the per-day chart also has its numbers as a table.
 */

const STARTED = 'var(--mantine-color-sinovik-2)';
const SUBMITTED = 'var(--mantine-color-sinovik-8)';

const pct = (n: number, max: number) => (max > 0 ? `${Math.max(n > 0 ? 1.5 : 0, (n / max) * 100)}%` : '0%');

function ChartCard({ title, id, children }: { title: string; id: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id} h="100%">
      <Title order={3} size="h5" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** Started vs reached-the-organizer, one row per slice (group, category, type, province). */
export function BreakdownChart({
  title,
  id,
  rows,
  limit,
}: {
  title: string;
  id: string;
  rows: DashboardBreakdown[];
  /** Show the first N with a button for the rest. */
  limit?: number;
}) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const [all, setAll] = useState(false);
  const shown = limit && !all ? rows.slice(0, limit) : rows;
  const max = Math.max(0, ...rows.map((r) => r.started));
  const heading =
    limit && rows.length > limit && !all ? t('dashboard.charts.byProvince', { count: limit }) : title;
  return (
    <ChartCard title={limit ? heading : title} id={id}>
      <Group gap="md" mb="xs" aria-hidden>
        <Group gap={6}>
          <span className="dash-swatch" style={{ background: SUBMITTED }} />
          <Text size="xs">{t('dashboard.charts.submitted')}</Text>
        </Group>
        <Group gap={6}>
          <span className="dash-swatch" style={{ background: STARTED }} />
          <Text size="xs">{t('dashboard.charts.started')}</Text>
        </Group>
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dark.6">
          {t('dashboard.charts.empty')}
        </Text>
      ) : (
        <ul className="dash-bars">
          {shown.map((r) => (
            <li key={r.key}>
              <VisuallyHidden>
                {t('dashboard.charts.row', {
                  label: pick(r.label),
                  started: r.started,
                  submitted: r.submitted,
                })}
              </VisuallyHidden>
              <div className="dash-bar-row" aria-hidden>
                <Text size="sm" className="dash-bar-label" title={pick(r.label)}>
                  {pick(r.label)}
                </Text>
                <div className="dash-track">
                  <div className="dash-bar" style={{ width: pct(r.started, max), background: STARTED }} />
                  <div
                    className="dash-bar dash-bar-inner"
                    style={{ width: pct(r.submitted, max), background: SUBMITTED }}
                  />
                </div>
                <Text size="sm" className="dash-bar-value">
                  <b>{r.submitted}</b> / {r.started}
                </Text>
              </div>
            </li>
          ))}
        </ul>
      )}
      {limit && rows.length > limit && (
        <Button variant="subtle" size="xs" mt="xs" onClick={() => setAll((v) => !v)} aria-expanded={all}>
          {all
            ? t('dashboard.charts.showTopProvinces', { count: limit })
            : t('dashboard.charts.showAllProvinces', { count: rows.length })}
        </Button>
      )}
    </ChartCard>
  );
}

const STATE_INK: Record<string, string> = {
  draft: 'var(--mantine-color-gray-6)',
  sent_to_local_admin: 'var(--mantine-color-blue-7)',
  returned: 'var(--mantine-color-red-8)',
  forwarded: 'var(--mantine-color-teal-8)',
  withdrawn: 'var(--mantine-color-dark-3)',
  received: 'var(--mantine-color-cyan-8)',
  frozen: 'var(--mantine-color-violet-8)',
};

/** Every state with its count: where the started proposals are now. */
export function StateFunnel({ rows }: { rows: DashboardResponse['byState'] }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const max = Math.max(0, ...rows.map((r) => r.count));
  return (
    <ChartCard title={t('dashboard.charts.funnel')} id="chart-funnel">
      <ul className="dash-bars">
        {rows.map((r) => (
          <li key={r.state}>
            <VisuallyHidden>
              {t('dashboard.charts.stateRow', { label: pick(r.label), count: r.count })}
            </VisuallyHidden>
            <div className="dash-bar-row" aria-hidden>
              <Text size="sm" className="dash-bar-label">
                {pick(r.label)}
              </Text>
              <div className="dash-track">
                <div
                  className="dash-bar"
                  style={{ width: pct(r.count, max), background: STATE_INK[r.state] }}
                />
              </div>
              <Text size="sm" className="dash-bar-value" fw={700}>
                {r.count}
              </Text>
            </div>
          </li>
        ))}
      </ul>
    </ChartCard>
  );
}

const SERIES = ['started', 'sent', 'forwarded'] as const;
const SERIES_INK = {
  started: 'var(--mantine-color-sinovik-4)',
  sent: 'var(--mantine-color-blue-7)',
  forwarded: 'var(--mantine-color-teal-8)',
};

/** Day by day: one strip of columns per series, with its total and peak in words, and a table. */
export function PerDayChart({ days, zone }: { days: DashboardResponse['perDay']; zone: string }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const dateLabel = (ymd: string) =>
    new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
      day: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    }).format(new Date(`${ymd}T00:00:00Z`));
  return (
    <ChartCard title={t('dashboard.charts.perDay', { zone })} id="chart-per-day">
      {days.length === 0 ? (
        <Text size="sm" c="dark.6">
          {t('dashboard.charts.empty')}
        </Text>
      ) : (
        <Stack gap="md">
          <Text size="xs" c="dark.6">
            {t('dashboard.charts.perDayIntro')}
          </Text>
          {SERIES.map((s) => {
            const values = days.map((d) => d[s]);
            const max = Math.max(0, ...values);
            const total = values.reduce((a, b) => a + b, 0);
            const peak = days[values.indexOf(max)];
            const w = 10;
            return (
              <Box key={s}>
                <Text size="sm" fw={600}>
                  {t('dashboard.charts.seriesTotal', {
                    label: t(`dashboard.charts.series.${s}`),
                    total,
                    days: days.length,
                    max,
                    date: peak ? dateLabel(peak.date) : '—',
                  })}
                </Text>
                <svg
                  className="dash-strip"
                  viewBox={`0 0 ${days.length * w} 40`}
                  preserveAspectRatio="none"
                  aria-hidden
                  focusable="false"
                >
                  <line x1={0} y1={39.5} x2={days.length * w} y2={39.5} stroke="#adb5bd" strokeWidth={1} />
                  {values.map((v, i) =>
                    v > 0 ? (
                      <rect
                        key={i}
                        x={i * w + 1}
                        y={40 - Math.max(2, (v / max) * 38)}
                        width={w - 2}
                        height={Math.max(2, (v / max) * 38)}
                        fill={SERIES_INK[s]}
                      />
                    ) : null,
                  )}
                </svg>
              </Box>
            );
          })}
          <Group justify="space-between" aria-hidden>
            <Text size="xs" c="dark.6">
              {dateLabel(days[0].date)}
            </Text>
            <Text size="xs" c="dark.6">
              {dateLabel(days[days.length - 1].date)}
            </Text>
          </Group>
          <details>
            <summary>
              <Text component="span" size="sm">
                {t('dashboard.charts.showTable')}
              </Text>
            </summary>
            <ScrollArea.Autosize mah={320} type="auto">
              <Table striped withTableBorder fz="sm" mt="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('dashboard.charts.date')}</Table.Th>
                    {SERIES.map((s) => (
                      <Table.Th key={s} ta="right">
                        {t(`dashboard.charts.series.${s}`)}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {days.map((d) => (
                    <Table.Tr key={d.date}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateLabel(d.date)}</Table.Td>
                      {SERIES.map((s) => (
                        <Table.Td key={s} ta="right">
                          {d[s]}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          </details>
        </Stack>
      )}
    </ChartCard>
  );
}
