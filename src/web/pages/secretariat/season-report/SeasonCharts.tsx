import { Box, Paper, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FunnelStepView, ReportSlice, SeasonYears } from '../../../../contracts/season-report.js';
import { FUNNEL_STEPS } from '../../../../contracts/season-report.js';
import { useLang } from '../../../i18n/index.js';
import './SeasonCharts.css';

/*
 * The season report's charts, drawn by hand (no chart package): the funnel as centred SVG bars narrowing
 * step by step, each breakdown as CSS bars, and the years as rows of bars per step. The drawings are hidden
 * from screen readers; each chart says its numbers once in words and has them as a table under it.
 */

const INK = ['#c5d9f1', '#8fb5e3', '#4f86c6', '#2c5f9e', '#1c4379', '#0d2a52'];

export function useNumbers() {
  const { lang } = useLang();
  const number = new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB');
  const percent = (rate: number | null) =>
    rate === null
      ? '—'
      : new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
          style: 'percent',
          maximumFractionDigits: 1,
        }).format(rate);
  return { number: (n: number) => number.format(n), percent };
}

/** A table that scrolls sideways on a phone: focusable and named, so a keyboard can scroll it (axe). */
function TableScroll({ label, children }: { label: string; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box
      mt="sm"
      className="season-table-scroll"
      tabIndex={0}
      role="region"
      aria-label={t('seasonReport.table', { name: label })}
    >
      {children}
    </Box>
  );
}

function Card({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** The funnel: one centred bar per step, its width the step's share of the registered. */
export function FunnelChart({ steps }: { steps: FunnelStepView[] }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const { number, percent } = useNumbers();
  const max = Math.max(1, ...steps.map((s) => s.count));
  const rowH = 34;
  return (
    <Card id="chart-funnel" title={t('seasonReport.funnel.title')}>
      <ul className="season-sr-list">
        {steps.map((s) => (
          <li key={s.key}>
            <VisuallyHidden>
              {t('seasonReport.funnel.row', {
                label: pick(s.label),
                count: number(s.count),
                ofRegistered: percent(s.ofRegistered),
                ofPrevious: percent(s.ofPrevious),
              })}
            </VisuallyHidden>
          </li>
        ))}
      </ul>
      <div className="season-funnel" aria-hidden>
        {steps.map((s, i) => {
          const w = s.count > 0 ? Math.max(0.8, (s.count / max) * 100) : 0;
          return (
            <div className="season-funnel-row" key={s.key}>
              <Text size="sm" className="season-funnel-label">
                {pick(s.label)}
              </Text>
              <svg
                viewBox={`0 0 100 ${rowH}`}
                preserveAspectRatio="none"
                className="season-funnel-bar"
                focusable="false"
              >
                <rect x={(100 - w) / 2} y={3} width={w} height={rowH - 6} rx={1.5} fill={INK[i]} />
              </svg>
              <Text size="sm" className="season-funnel-value">
                <b>{number(s.count)}</b>
                {i > 0 && <span className="season-rate"> · {percent(s.ofPrevious)}</span>}
              </Text>
            </div>
          );
        })}
      </div>
      <TableScroll label={t('seasonReport.funnel.title')}>
        <Table striped withTableBorder fz="sm" data-testid="funnel-table">
          <Table.Caption>{t('seasonReport.funnel.title')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('seasonReport.funnel.step')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('seasonReport.funnel.count')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('seasonReport.funnel.ofPrevious')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('seasonReport.funnel.ofRegistered')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {steps.map((s) => (
              <Table.Tr key={s.key}>
                <Table.Th scope="row" fw={500}>
                  {pick(s.label)}
                </Table.Th>
                <Table.Td ta="right">{number(s.count)}</Table.Td>
                <Table.Td ta="right">{percent(s.ofPrevious)}</Table.Td>
                <Table.Td ta="right">{percent(s.ofRegistered)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Card>
  );
}

/** One breakdown: a bar per slice (registered), filled by those that passed administration and the finalists. */
export function BreakdownBars({
  id,
  title,
  slices,
  funnelLabels,
}: {
  id: string;
  title: string;
  slices: ReportSlice[];
  funnelLabels: Record<string, string>;
}) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const { number } = useNumbers();
  const max = Math.max(1, ...slices.map((s) => s.counts.registered));
  const pct = (n: number) => `${n > 0 ? Math.max(1, (n / max) * 100) : 0}%`;
  return (
    <Card id={id} title={title}>
      {slices.length === 0 ? (
        <Text size="sm" c="dark.6">
          {t('seasonReport.breakdown.empty')}
        </Text>
      ) : (
        <>
          <Text size="xs" c="dark.6" mb="xs">
            {t('seasonReport.breakdown.legend')}
          </Text>
          <ul className="season-bars">
            {slices.map((s) => (
              <li key={s.key}>
                <VisuallyHidden>
                  {t('seasonReport.breakdown.row', {
                    label: pick(s.label),
                    registered: number(s.counts.registered),
                    passedAdmin: number(s.counts.passedAdmin),
                    finalist: number(s.counts.finalist),
                  })}
                </VisuallyHidden>
                <div className="season-bar-row" aria-hidden>
                  <Text size="sm" className="season-bar-label">
                    {pick(s.label)}
                  </Text>
                  <div className="season-track">
                    <div
                      className="season-bar"
                      style={{ width: pct(s.counts.registered), background: INK[0] }}
                    />
                    <div
                      className="season-bar"
                      style={{ width: pct(s.counts.passedAdmin), background: INK[2] }}
                    />
                    <div
                      className="season-bar"
                      style={{ width: pct(s.counts.finalist), background: INK[5] }}
                    />
                  </div>
                  <Text size="sm" className="season-bar-value">
                    {number(s.counts.registered)}
                  </Text>
                </div>
              </li>
            ))}
          </ul>
          <SliceTable caption={title} slices={slices} funnelLabels={funnelLabels} />
        </>
      )}
    </Card>
  );
}

function SliceTable({
  caption,
  slices,
  funnelLabels,
}: {
  caption: string;
  slices: ReportSlice[];
  funnelLabels: Record<string, string>;
}) {
  const { pick } = useLang();
  const { number } = useNumbers();
  return (
    <TableScroll label={caption}>
      <Table striped withTableBorder fz="sm" data-testid="breakdown-table">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{caption}</Table.Th>
            {FUNNEL_STEPS.map((k) => (
              <Table.Th key={k} scope="col" ta="right">
                {funnelLabels[k]}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {slices.map((s) => (
            <Table.Tr key={s.key}>
              <Table.Th scope="row" fw={500}>
                {pick(s.label)}
              </Table.Th>
              {FUNNEL_STEPS.map((k) => (
                <Table.Td key={k} ta="right">
                  {number(s.counts[k])}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

/** The years: for each step, a bar per year; then the table of counts and conversions. */
export function YearsChart({
  data,
  funnelLabels,
}: {
  data: SeasonYears;
  funnelLabels: Record<string, string>;
}) {
  const { t } = useTranslation();
  const { number, percent } = useNumbers();
  const years = data.competitions;
  return (
    <Card id="chart-years" title={t('seasonReport.years.title')}>
      <Text size="sm" c="dark.6" mb="sm">
        {t('seasonReport.years.intro', { organizer: data.organizer.name })}
      </Text>
      {years.length < 2 && (
        <Text size="sm" c="dark.6" mb="sm">
          {t('seasonReport.years.none')}
        </Text>
      )}
      <div className="season-years">
        {FUNNEL_STEPS.map((step, i) => {
          const max = Math.max(1, ...years.map((y) => y.funnel[i]!.count));
          return (
            <div key={step}>
              <Title order={3} size="h6" mb={4}>
                {t('seasonReport.years.stepTitle', { step: funnelLabels[step] })}
              </Title>
              <ul className="season-bars">
                {years.map((y) => {
                  const s = y.funnel[i]!;
                  return (
                    <li key={y.id}>
                      <VisuallyHidden>
                        {t('seasonReport.years.row', { year: y.year, count: number(s.count) })}
                      </VisuallyHidden>
                      <div className="season-bar-row season-bar-row-year" aria-hidden>
                        <Text size="sm" className="season-bar-label">
                          {y.year}
                        </Text>
                        <div className="season-track">
                          <div
                            className="season-bar"
                            style={{
                              width: `${s.count > 0 ? Math.max(1, (s.count / max) * 100) : 0}%`,
                              background: INK[Math.max(2, i)],
                            }}
                          />
                        </div>
                        <Text size="sm" className="season-bar-value">
                          {number(s.count)}
                          {i > 0 && <span className="season-rate"> · {percent(s.ofPrevious)}</span>}
                        </Text>
                      </div>
                    </li>
                  );
                })}
              </ul>
            </div>
          );
        })}
      </div>
      <TableScroll label={t('seasonReport.years.title')}>
        <Table striped withTableBorder fz="sm" data-testid="years-table">
          <Table.Caption>{t('seasonReport.years.title')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('seasonReport.years.year')}</Table.Th>
              {FUNNEL_STEPS.map((k) => (
                <Table.Th key={k} scope="col" ta="right">
                  {funnelLabels[k]}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {years.map((y) => (
              <Table.Tr key={y.id}>
                <Table.Th scope="row" fw={500}>
                  {y.year} · {y.name}
                </Table.Th>
                {y.funnel.map((s, i) => (
                  <Table.Td key={s.key} ta="right">
                    {number(s.count)}
                    {i > 0 && <span className="season-rate"> ({percent(s.ofPrevious)})</span>}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Card>
  );
}
