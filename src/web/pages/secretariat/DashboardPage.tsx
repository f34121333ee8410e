import { useEffect, useState } from 'react';
import { Link, Navigate, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import {
  Anchor,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IconDownload, IconRefresh } from '@tabler/icons-react';
import type { CompetitionSummary } from '../../../contracts/competitions.js';
import type { DashboardResponse } from '../../../contracts/dashboard.js';
import { expandProposalList, type ProposalList } from '../../../contracts/proposal-list.js';
import { INSTITUTION_TYPE_LABELS, INSTITUTION_TYPES } from '../../../contracts/institutions.js';
import { zoneAbbreviation } from '../../../domain/time.js';
import { api } from '../../api/client.js';
import { AdminDataTable } from '../../components/AdminDataTable.js';
import { InstantText } from '../../components/InstantText.js';
import { AdminNotice, AdminPage } from '../../components/AdminPage.js';
import { AdminPager } from '../../components/AdminPager.js';
import { AdminQueryState } from '../../components/AdminQueryState.js';
import { formatAt } from '../../components/AdminTime.js';
import { BreakdownChart, PerDayChart, StateFunnel } from '../../components/DashboardCharts.js';
import { Deadline } from '../../components/Deadline.js';
import { DownloadButton } from '../../components/DownloadButton.js';
import { ProposalStateBadge } from '../../components/proposal/ProposalBits.js';
import { useLang } from '../../i18n/index.js';
import { DeadlineExtensionPanel } from './DeadlineExtensionPanel.js';
import { useHelpContact } from '../../components/helpContact.js';

const PAGE_SIZE = 20;
const SORTS = ['forwardedAt_desc', 'forwardedAt_asc', 'code_asc', 'title_asc', 'institution_asc'] as const;

/** The competitions whose dashboard the caller may open, published and newest first. */
function useDashboardCompetitions() {
  return useQuery({
    queryKey: ['competitions', 'manage'],
    queryFn: () => api<{ items: CompetitionSummary[] }>('GET', '/competitions'),
    select: (d) =>
      d.items
        .filter((c) => c.abilities.dashboard)
        .sort(
          (a, b) =>
            Number(b.status === 'published') - Number(a.status === 'published') ||
            b.year - a.year ||
            a.name.localeCompare(b.name),
        ),
  });
}

/** /sekretariat/dasbor: straight to the newest competition's dashboard. */
export function DashboardIndexPage() {
  const { t } = useTranslation();
  const list = useDashboardCompetitions();
  const first = list.data?.[0];
  return (
    <AdminPage>
      <Title order={1}>{t('dashboard.title')}</Title>
      <AdminQueryState isLoading={list.isLoading} error={list.error} onRetry={() => list.refetch()}>
        {first ? (
          <Navigate to={`/sekretariat/kompetisi/${first.id}/dasbor`} replace />
        ) : (
          <Text c="dark.6">{t('dashboard.none')}</Text>
        )}
      </AdminQueryState>
    </AdminPage>
  );
}

function Tile({ label, value, hint, extra }: { label: string; value: number; hint: string; extra?: string }) {
  const { lang } = useLang();
  return (
    <Paper withBorder p="sm">
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text className="dash-tile-value">{value.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB')}</Text>
      <Text size="xs" c="dark.6">
        {hint}
        {extra ? ` · ${extra}` : ''}
      </Text>
    </Paper>
  );
}

interface Filters {
  state: string | null;
  groupKey: string | null;
  categoryKey: string | null;
  institutionType: string | null;
  provinceCode: string | null;
  q: string;
  sort: (typeof SORTS)[number];
}

const NO_FILTERS: Filters = {
  state: null,
  groupKey: null,
  categoryKey: null,
  institutionType: null,
  provinceCode: null,
  q: '',
  sort: 'forwardedAt_desc',
};

/** The list's filters as query parameters (also used by the export links). */
function filterParams(f: Filters, q: string): URLSearchParams {
  const p = new URLSearchParams();
  for (const k of ['state', 'groupKey', 'categoryKey', 'institutionType', 'provinceCode'] as const)
    if (f[k]) p.set(k, f[k]!);
  if (q.trim()) p.set('q', q.trim());
  const [sort, dir] = f.sort.split('_');
  p.set('sort', sort);
  p.set('dir', dir);
  return p;
}

/** The filters kept in the page's address, so coming back from a proposal finds the list as it was left. */
function filtersFrom(search: URLSearchParams): { f: Filters; page: number } {
  const sort = `${search.get('sort')}_${search.get('dir')}`;
  return {
    f: {
      state: search.get('state'),
      groupKey: search.get('groupKey'),
      categoryKey: search.get('categoryKey'),
      institutionType: search.get('institutionType'),
      provinceCode: search.get('provinceCode'),
      q: search.get('q') ?? '',
      sort: (SORTS as readonly string[]).includes(sort) ? (sort as Filters['sort']) : NO_FILTERS.sort,
    },
    page: Math.max(1, Number(search.get('page')) || 1),
  };
}

function ProposalListSection({ d }: { d: DashboardResponse }) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const [search, setSearch] = useSearchParams();
  const location = useLocation();
  const [initial] = useState(() => filtersFrom(search));
  const [f, setF] = useState<Filters>(initial.f);
  const [page, setPage] = useState(initial.page);
  const [q] = useDebouncedValue(f.q, 300);
  const set = (patch: Partial<Filters>) => {
    setF((x) => ({ ...x, ...patch }));
    setPage(1);
  };
  // The address follows the filters (replacing, so Back leaves the dashboard rather than undoing a filter).
  const addressed = filterParams(f, q);
  if (page > 1) addressed.set('page', String(page));
  const address = addressed.toString();
  useEffect(() => {
    if (address !== search.toString()) setSearch(new URLSearchParams(address), { replace: true });
  }, [address, search, setSearch]);
  const params = filterParams(f, q);
  const list = useQuery({
    queryKey: ['dashboard', d.competition.id, 'list', params.toString(), page],
    queryFn: async () =>
      expandProposalList(
        await api<ProposalList>(
          'GET',
          `/proposals?competitionId=${d.competition.id}&${params.toString()}&page=${page}&pageSize=${PAGE_SIZE}`,
        ),
      ),
    placeholderData: keepPreviousData,
  });
  const exportHref = (format: 'csv' | 'xlsx') =>
    `/api/competitions/${d.competition.id}/proposals/export?format=${format}&lang=${lang}&${params.toString()}`;
  const option = (key: string, label: { id: string; en: string }) => ({ value: key, label: pick(label) });
  const provinceName = (code: string) => pick(d.byProvince.find((p) => p.key === code)?.label) || code;
  const filtered = Object.entries(f).some(([k, v]) => k !== 'sort' && v);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="list-title">
      <Group justify="space-between" align="flex-start" mb="sm">
        <div>
          <Title order={2} size="h3" id="list-title">
            {t('dashboard.list.title')}
          </Title>
          <Text size="sm" c="dark.6">
            {t('dashboard.list.intro')}
          </Text>
        </div>
        {d.abilities.export && (
          <Stack gap={4} align="flex-end">
            <Group gap="xs">
              <DownloadButton
                href={exportHref('csv')}
                fallbackName={`sinovik-${d.competition.id}.csv`}
                variant="default"
                size="sm"
                leftSection={<IconDownload size={16} aria-hidden />}
              >
                {t('dashboard.list.exportCsv')}
              </DownloadButton>
              <DownloadButton
                href={exportHref('xlsx')}
                fallbackName={`sinovik-${d.competition.id}.xlsx`}
                variant="default"
                size="sm"
                leftSection={<IconDownload size={16} aria-hidden />}
              >
                {t('dashboard.list.exportXlsx')}
              </DownloadButton>
            </Group>
            <Text size="xs" c="dark.6" maw={320} ta="right">
              {t('dashboard.list.exportHint')}
            </Text>
          </Stack>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} mb="sm">
        <TextInput
          label={t('dashboard.list.search')}
          placeholder={t('dashboard.list.searchPlaceholder')}
          value={f.q}
          onChange={(e) => set({ q: e.currentTarget.value })}
          type="search"
        />
        <Select
          label={t('dashboard.list.state')}
          placeholder={t('dashboard.list.all')}
          clearable
          value={f.state}
          onChange={(v) => set({ state: v })}
          data={d.byState
            .filter((s) => s.state === 'forwarded' || s.state === 'received')
            .map((s) => option(s.state, s.label))}
        />
        <Select
          label={t('dashboard.list.group')}
          placeholder={t('dashboard.list.all')}
          clearable
          value={f.groupKey}
          onChange={(v) => set({ groupKey: v })}
          data={d.byGroup.map((g) => option(g.key, g.label))}
        />
        <Select
          label={t('dashboard.list.category')}
          placeholder={t('dashboard.list.all')}
          clearable
          searchable
          value={f.categoryKey}
          onChange={(v) => set({ categoryKey: v })}
          data={d.byCategory.filter((c) => c.key !== 'belum_dipilih').map((c) => option(c.key, c.label))}
        />
        <Select
          label={t('dashboard.list.institutionType')}
          placeholder={t('dashboard.list.all')}
          clearable
          value={f.institutionType}
          onChange={(v) => set({ institutionType: v })}
          data={INSTITUTION_TYPES.map((type) => option(type, INSTITUTION_TYPE_LABELS[type]))}
        />
        <Select
          label={t('dashboard.list.province')}
          placeholder={t('dashboard.list.all')}
          clearable
          searchable
          value={f.provinceCode}
          onChange={(v) => set({ provinceCode: v })}
          data={[...d.byProvince]
            .sort((a, b) => pick(a.label).localeCompare(pick(b.label)))
            .map((p) => option(p.key, p.label))}
        />
        <Select
          label={t('dashboard.list.sort')}
          value={f.sort}
          allowDeselect={false}
          onChange={(v) => v && set({ sort: v as Filters['sort'] })}
          data={SORTS.map((s) => ({ value: s, label: t(`dashboard.list.sorts.${s}`) }))}
        />
        <Group align="flex-end">
          <Button variant="subtle" onClick={() => set(NO_FILTERS)} disabled={!filtered}>
            {t('dashboard.list.reset')}
          </Button>
        </Group>
      </SimpleGrid>
      <AdminQueryState isLoading={list.isLoading} error={list.error} onRetry={() => list.refetch()}>
        {list.data && list.data.items.length === 0 && <Text c="dark.6">{t('dashboard.list.empty')}</Text>}
        {list.data && list.data.items.length > 0 && (
          <>
            <AdminDataTable
              rows={list.data.items}
              rowKey={(p) => p.id}
              minWidth={900}
              dim={list.isPlaceholderData}
              columns={[
                {
                  header: t('dashboard.list.proposal'),
                  primary: true,
                  cell: (p) => (
                    <>
                      <Anchor
                        component={Link}
                        to={`/usulan/${p.id}`}
                        state={{ back: `${location.pathname}?${address}` }}
                        fw={600}
                      >
                        {p.title}
                      </Anchor>
                      <Text size="xs" c="dark.6">
                        {p.code}
                        {p.acronym ? ` · ${p.acronym}` : ''}
                      </Text>
                    </>
                  ),
                },
                {
                  header: t('dashboard.list.institution'),
                  cell: (p) => (
                    <>
                      <Text size="sm">{p.institution.name}</Text>
                      <Text size="xs" c="dark.6">
                        {pick(INSTITUTION_TYPE_LABELS[p.institutionType])} · {provinceName(p.provinceCode)}
                      </Text>
                      <Text size="xs" c="dark.6">
                        {p.unit.name}
                      </Text>
                    </>
                  ),
                },
                {
                  header: `${t('dashboard.list.group')} / ${t('dashboard.list.category')}`,
                  cell: (p) => (
                    <>
                      <Text size="sm">{lang === 'id' ? p.group.nameId : p.group.nameEn}</Text>
                      <Text size="xs" c="dark.6">
                        {p.category ? (lang === 'id' ? p.category.nameId : p.category.nameEn) : '—'}
                      </Text>
                    </>
                  ),
                },
                {
                  header: t('dashboard.list.state'),
                  cell: (p) => <ProposalStateBadge state={p.state} label={p.stateLabel} />,
                },
                {
                  header: t('dashboard.list.forwardedAt'),
                  cell: (p) => <InstantText iso={p.forwardedAt} timeZone={p.timeZone} />,
                },
                {
                  header: t('dashboard.list.attachments'),
                  cell: (p) => p.attachmentCount,
                  style: { textAlign: 'right' },
                },
              ]}
            />
            <AdminPager total={list.data.total} page={page} pageSize={PAGE_SIZE} onChange={setPage} />
          </>
        )}
      </AdminQueryState>
    </Paper>
  );
}

/** /sekretariat/kompetisi/:id/dasbor: the secretariat's view of one competition's submission. */
export function DashboardPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { id } = useParams();
  const navigate = useNavigate();
  const competitionId = Number(id);
  const competitions = useDashboardCompetitions();
  const dash = useQuery({
    queryKey: ['dashboard', competitionId],
    queryFn: () => api<DashboardResponse>('GET', `/competitions/${competitionId}/dashboard`),
    refetchInterval: 60_000,
  });
  const d = dash.data;
  // The footer shows the competition's help contact, as its participants see it.
  useHelpContact(competitions.data?.find((c) => c.id === competitionId));
  useEffect(() => {
    if (d) document.title = `${t('dashboard.title')} · ${d.competition.name}`;
  }, [d, t]);
  const rate = (n: number) => (d && d.totals.started ? Math.round((n / d.totals.started) * 100) : 0);

  return (
    <AdminPage gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('dashboard.title')}</Title>
          <Text c="dark.6" maw={720}>
            {t('dashboard.intro')}
          </Text>
          <Group gap="md">
            <Anchor component={Link} to={`/sekretariat/kompetisi/${competitionId}/partisipasi`}>
              {t('participationView.open')}
            </Anchor>
            <Anchor component={Link} to={`/sekretariat/kompetisi/${competitionId}/seleksi`}>
              {t('selection.link')}
            </Anchor>
            <Anchor component={Link} to={`/sekretariat/kompetisi/${competitionId}/seleksi-administrasi`}>
              {t('adminCheck.title')}
            </Anchor>
            <Anchor component={Link} to={`/sekretariat/kompetisi/${competitionId}/publikasi`}>
              {t('publication.title')}
            </Anchor>
          </Group>
        </div>
        {(competitions.data?.length ?? 0) > 1 && (
          <Select
            label={t('dashboard.competition')}
            value={String(competitionId)}
            allowDeselect={false}
            onChange={(v) => v && navigate(`/sekretariat/kompetisi/${v}/dasbor`)}
            data={(competitions.data ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
            w={{ base: '100%', sm: 320 }}
          />
        )}
      </Group>
      <AdminQueryState isLoading={dash.isLoading} error={dash.error} onRetry={() => dash.refetch()}>
        {d && (
          <>
            <Paper withBorder p="md" component="section" aria-labelledby="closing-title">
              <Group justify="space-between" align="flex-start" gap="sm">
                <Stack gap={4}>
                  <Text size="sm" c="dark.6">
                    {d.competition.name}
                  </Text>
                  <Title order={2} size="h4" id="closing-title">
                    {t('dashboard.closing.title')}
                  </Title>
                  {d.submission.closesAt ? (
                    <Deadline at={d.submission.closesAt} timeZone={d.competition.timeZone} />
                  ) : (
                    <Text>{t('dashboard.closing.none')}</Text>
                  )}
                  {d.submission.closedAt && (
                    <Text size="sm">
                      {t('dashboard.closing.closed', {
                        time: formatAt(d.submission.closedAt, d.competition.timeZone, lang),
                      })}
                    </Text>
                  )}
                  {d.submission.extensions > 0 && (
                    <Text size="sm" c="dark.6">
                      {t('dashboard.closing.extensions', { count: d.submission.extensions })}{' '}
                      <Anchor href="#extend-title" size="sm" underline="always">
                        {t('dashboard.extend.history')}
                      </Anchor>
                    </Text>
                  )}
                </Stack>
                <Stack gap={4} align="flex-end">
                  <Button
                    variant="default"
                    size="xs"
                    leftSection={<IconRefresh size={14} aria-hidden />}
                    onClick={() => dash.refetch()}
                    loading={dash.isFetching}
                  >
                    {t('dashboard.refresh')}
                  </Button>
                  <Text size="xs" c="dark.6">
                    {t('dashboard.generatedAt', {
                      time: formatAt(d.generatedAt, d.competition.timeZone, lang),
                    })}
                  </Text>
                </Stack>
              </Group>
            </Paper>

            {/* The extension sits right under the deadline it changes, not under the proposal list (issue 11). */}
            {(d.abilities.extend || d.submission.extensions > 0) && (
              <DeadlineExtensionPanel competitionId={d.competition.id} canExtend={d.abilities.extend} />
            )}
            {!d.abilities.extend && d.submission.extensions === 0 && d.competition.status !== 'published' && (
              <AdminNotice tone="neutral">{t('dashboard.extend.notAllowed')}</AdminNotice>
            )}

            <SimpleGrid
              cols={{ base: 2, sm: 3, lg: 5 }}
              spacing="sm"
              component="section"
              aria-label={t('dashboard.title')}
            >
              <Tile
                label={t('dashboard.tiles.started')}
                value={d.totals.started}
                hint={t('dashboard.tiles.startedHint')}
              />
              <Tile
                label={t('dashboard.tiles.withProposer')}
                value={d.totals.withProposer}
                hint={t('dashboard.tiles.withProposerHint')}
              />
              <Tile
                label={t('dashboard.tiles.withLocalAdmin')}
                value={d.totals.withLocalAdmin}
                hint={t('dashboard.tiles.withLocalAdminHint')}
              />
              <Tile
                label={t('dashboard.tiles.submitted')}
                value={d.totals.submitted}
                hint={t('dashboard.tiles.submittedHint')}
                extra={t('dashboard.tiles.rate', { rate: rate(d.totals.submitted) })}
              />
              <Tile
                label={t('dashboard.tiles.frozen')}
                value={d.totals.frozen}
                hint={t('dashboard.tiles.frozenHint')}
              />
            </SimpleGrid>

            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              <StateFunnel rows={d.byState} />
              <PerDayChart
                days={d.perDay}
                zone={`${zoneAbbreviation(d.competition.timeZone)}, ${d.competition.timeZone}`}
              />
              <BreakdownChart title={t('dashboard.charts.byGroup')} id="chart-group" rows={d.byGroup} />
              <BreakdownChart
                title={t('dashboard.charts.byType')}
                id="chart-type"
                rows={d.byInstitutionType}
              />
              <BreakdownChart
                title={t('dashboard.charts.byCategory')}
                id="chart-category"
                rows={d.byCategory}
              />
              <BreakdownChart
                title={t('dashboard.charts.byProvinceAll')}
                id="chart-province"
                rows={d.byProvince}
                limit={10}
              />
            </SimpleGrid>

            {d.abilities.viewList && <ProposalListSection d={d} />}
          </>
        )}
      </AdminQueryState>
    </AdminPage>
  );
}
