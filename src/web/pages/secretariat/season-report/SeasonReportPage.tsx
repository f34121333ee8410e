import { Link, useParams, useSearchParams } from 'react-router';
import { Anchor, Group, SegmentedControl, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMediaQuery } from '@mantine/hooks';
import {
  FUNNEL_STEPS,
  REPORT_BREAKDOWNS,
  type ReportBreakdown,
  type SeasonReport,
  type SeasonYears,
} from '../../../../contracts/season-report.js';
import { api } from '../../../api/client.js';
import { AdminNotice, AdminPage } from '../../../components/AdminPage.js';
import { AdminQueryState } from '../../../components/AdminQueryState.js';
import { DownloadButton } from '../../../components/DownloadButton.js';
import { formatAt } from '../../../components/AdminTime.js';
import { useLang } from '../../../i18n/index.js';
import { BreakdownBars, FunnelChart, YearsChart } from './SeasonCharts.js';

/*
 * /sekretariat/kompetisi/:id/laporan: the season report of a competition (issue 13 point 7). The province
 * filter (a national organizer's), the breakdown shown and the tab are in the address, so a view can be
 * shared and reloaded.
 */

const isBreakdown = (v: string | null): v is ReportBreakdown =>
  (REPORT_BREAKDOWNS as readonly string[]).includes(v ?? '');

export function SeasonReportPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const [params, setParams] = useSearchParams();
  const phone = useMediaQuery('(max-width: 36em)');
  const province = params.get('provinsi') ?? '';
  const rawBreakdown = params.get('rincian');
  const breakdown: ReportBreakdown = isBreakdown(rawBreakdown) ? rawBreakdown : 'category';
  const tab = params.get('tampilan') === 'antar-tahun' ? 'years' : 'season';
  const query = province ? `?provinsi=${encodeURIComponent(province)}` : '';
  const set = (key: string, value: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  const report = useQuery({
    queryKey: ['season-report', id, province],
    queryFn: () => api<SeasonReport>('GET', `/competitions/${id}/season-report${query}`),
  });
  const years = useQuery({
    queryKey: ['season-report-years', id, province],
    queryFn: () => api<SeasonYears>('GET', `/competitions/${id}/season-report/years${query}`),
    enabled: tab === 'years',
  });
  const d = report.data;
  const funnelLabels = Object.fromEntries((d?.funnel ?? []).map((s) => [s.key, pick(s.label)])) as Record<
    (typeof FUNNEL_STEPS)[number],
    string
  >;
  const breakdownName = (b: ReportBreakdown) =>
    b === 'region' && d
      ? t(
          d.scope.regionLevel === 'regency'
            ? 'seasonReport.breakdown.names.regionRegency'
            : 'seasonReport.breakdown.names.regionProvince',
        )
      : t(`seasonReport.breakdown.names.${b}`);
  const at = d ? formatAt(d.generatedAt, d.competition.timeZone, lang) : '';

  return (
    <AdminPage>
      <AdminQueryState isLoading={report.isLoading} error={report.error} onRetry={() => report.refetch()}>
        {d && (
          <>
            <div>
              <Anchor component={Link} to={`/sekretariat/kompetisi/${d.competition.id}/seleksi`} size="sm">
                ← {t('seasonReport.back')}
              </Anchor>
              <Title order={1} mt={4}>
                {t('seasonReport.title')}
              </Title>
              <Text fw={600} c="dark.7">
                {d.competition.name}
              </Text>
              <Text size="sm" c="dark.6">
                {t('seasonReport.organizer', { name: d.competition.organizerName })} ·{' '}
                {t('seasonReport.generated', { at })}
              </Text>
              <Text c="dark.6" size="sm" maw={760} mt={4}>
                {t('seasonReport.intro')}
              </Text>
            </div>
            <Group align="flex-end" gap="md" wrap="wrap">
              {d.abilities.filterProvince && (
                <Select
                  label={t('seasonReport.province')}
                  description={t('seasonReport.provinceHelp')}
                  data={[
                    { value: '', label: t('seasonReport.allProvinces') },
                    ...d.scope.provinces.map((p) => ({ value: p.code, label: pick(p.label) })),
                  ]}
                  value={province}
                  onChange={(v) => set('provinsi', v || null)}
                  allowDeselect={false}
                  w={300}
                  maw="100%"
                />
              )}
              {d.abilities.downloadXlsx && (
                <DownloadButton
                  href={`/api/competitions/${d.competition.id}/season-report.xlsx?lang=${lang}${province ? `&provinsi=${province}` : ''}`}
                  fallbackName={`sinovik-laporan-${d.competition.code}-${d.competition.year}.xlsx`}
                  variant="light"
                >
                  {t('seasonReport.download')}
                </DownloadButton>
              )}
            </Group>
            {!d.finalListPublished && <AdminNotice tone="info">{t('seasonReport.provisional')}</AdminNotice>}
            <Tabs
              value={tab}
              onChange={(v) => set('tampilan', v === 'years' ? 'antar-tahun' : null)}
              keepMounted={false}
            >
              <Tabs.List>
                <Tabs.Tab value="season">{t('seasonReport.tabs.season')}</Tabs.Tab>
                <Tabs.Tab value="years">{t('seasonReport.tabs.years')}</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="season" pt="md">
                <Stack gap="md">
                  <FunnelChart steps={d.funnel} />
                  <div>
                    <Text size="sm" fw={600} mb={4} id="breakdown-choice">
                      {t('seasonReport.breakdown.choose')}
                    </Text>
                    <SegmentedControl
                      aria-labelledby="breakdown-choice"
                      value={breakdown}
                      onChange={(v) => set('rincian', v === 'category' ? null : v)}
                      data={REPORT_BREAKDOWNS.map((b) => ({ value: b, label: breakdownName(b) }))}
                      fullWidth
                      orientation={phone ? 'vertical' : 'horizontal'}
                    />
                  </div>
                  <BreakdownBars
                    id={`chart-${breakdown}`}
                    title={t('seasonReport.breakdown.title', { name: breakdownName(breakdown) })}
                    slices={d.breakdowns[breakdown]}
                    funnelLabels={funnelLabels}
                  />
                </Stack>
              </Tabs.Panel>
              <Tabs.Panel value="years" pt="md">
                <AdminQueryState
                  isLoading={years.isLoading}
                  error={years.error}
                  onRetry={() => years.refetch()}
                >
                  {years.data && <YearsChart data={years.data} funnelLabels={funnelLabels} />}
                </AdminQueryState>
              </Tabs.Panel>
            </Tabs>
          </>
        )}
      </AdminQueryState>
    </AdminPage>
  );
}
