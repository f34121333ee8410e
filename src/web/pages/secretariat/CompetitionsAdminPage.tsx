import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  Anchor,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { useMe } from '../../api/session.js';
import { useLang } from '../../i18n/index.js';
import { apiErrorMessages } from '../../components/forms.js';
import { AdminInstant } from '../../components/AdminInstant.js';
import { AdminDataTable } from '../../components/AdminDataTable.js';
import { AdminQueryState } from '../../components/AdminQueryState.js';
import { AdminStatusBadge } from '../../components/AdminStatusBadge.js';
import type { CompetitionDetail, CompetitionSummary } from '../../../contracts/competitions.js';
import type { InstitutionResponse } from '../../../contracts/institutions.js';
import { zoneOptions } from '../../components/AdminTime.js';
import { AdminPage, AdminNotice } from '../../components/AdminPage.js';
import { presetChoices, type TemplatePresetId } from '../../../domain/competition-presets.js';

const PRESETS = presetChoices();

function CreateFromTemplate() {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const organizerIds = me?.abilities.organizerInstitutionIds ?? [];
  const organizers = useQueries({
    queries: organizerIds.map((id) => ({
      queryKey: ['institution', id],
      queryFn: () => api<InstitutionResponse>('GET', `/institutions/${id}`),
      staleTime: 300_000,
    })),
  });
  const organizerName = (id: number, i: number) =>
    organizers[i]?.data?.institution.name ?? t('secretariat.competitions.institutionNo', { id });

  const [year, setYear] = useState<number | string>(new Date().getFullYear() + 1);
  const [organizer, setOrganizer] = useState<string | null>(
    organizerIds.length ? String(organizerIds[0]) : null,
  );
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [theme, setTheme] = useState('');
  const [timeZone, setTimeZone] = useState<string | null>('Asia/Jakarta');
  // The only preset taken from a document of the competition itself comes first.
  const [preset, setPreset] = useState<TemplatePresetId>('kipp-2021');
  const chosen = PRESETS.find((p) => p.id === preset)!;

  const create = useMutation({
    mutationFn: () =>
      api<CompetitionDetail>('POST', '/competitions/from-template', {
        template: 'kipp',
        preset,
        year: typeof year === 'number' ? year : Number(year),
        organizerInstitutionId: Number(organizer ?? organizerIds[0]),
        ...(name.trim() ? { name: name.trim() } : {}),
        ...(code.trim() ? { code: code.trim().toUpperCase() } : {}),
        ...(theme.trim() ? { theme: theme.trim() } : {}),
        ...(timeZone ? { timeZone } : {}),
      }),
    onSuccess: async (res) => {
      await qc.invalidateQueries({ queryKey: ['competitions'] });
      qc.setQueryData(['competition', String(res.id)], res);
      navigate(`/sekretariat/kompetisi/${res.id}`);
    },
  });
  const errors = create.error ? apiErrorMessages(create.error, lang) : null;

  if (!organizerIds.length) return null;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="create-title">
      <Title order={2} size="h3" id="create-title">
        {t('secretariat.competitions.createTitle')}
      </Title>
      <Text size="sm" c="dark.6" mb="sm">
        {t('secretariat.competitions.createIntro')}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
        noValidate
      >
        <Stack gap="sm">
          {errors && (
            <AdminNotice tone="danger" role="alert">
              {errors.general}
            </AdminNotice>
          )}
          <Select
            label={t('secretariat.competitions.preset')}
            description={t('secretariat.competitions.presetHint')}
            data={PRESETS.map((p) => ({
              value: p.id,
              label: t(
                p.verified
                  ? 'secretariat.competitions.presetVerified'
                  : 'secretariat.competitions.presetUnverified',
                {
                  year: p.year,
                },
              ),
            }))}
            value={preset}
            onChange={(v) => v && setPreset(v as TemplatePresetId)}
            allowDeselect={false}
            required
            error={errors?.fields.preset}
            maw={520}
          />
          <AdminNotice tone={chosen.verified ? 'success' : 'warning'} data-testid="preset-source">
            <Text size="sm" fw={700}>
              {chosen.verified
                ? t('secretariat.competitions.sourceVerified')
                : t('secretariat.competitions.sourceUnverified')}
            </Text>
            <Text size="sm">
              {t('secretariat.competitions.source')}: {pick(chosen.source)}
            </Text>
            <Text size="sm">{pick(chosen.note)}</Text>
          </AdminNotice>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            <NumberInput
              label={t('secretariat.competitions.year')}
              value={year}
              onChange={setYear}
              min={2000}
              max={2100}
              required
              error={errors?.fields.year}
            />
            <Select
              label={t('secretariat.competitions.organizer')}
              data={organizerIds.map((id, i) => ({ value: String(id), label: organizerName(id, i) }))}
              value={organizer}
              onChange={setOrganizer}
              allowDeselect={false}
              required
              error={errors?.fields.organizerInstitutionId}
            />
            <Select
              label={t('secretariat.settings.timeZone')}
              data={zoneOptions(t)}
              value={timeZone}
              onChange={setTimeZone}
              allowDeselect={false}
              error={errors?.fields.timeZone}
            />
            <TextInput
              label={t('secretariat.competitions.nameOptional')}
              description={t('secretariat.competitions.nameHint')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors?.fields.name}
            />
            <TextInput
              label={t('secretariat.competitions.codeOptional')}
              description={t('secretariat.competitions.codeHint')}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              error={errors?.fields.code}
            />
            <TextInput
              label={t('secretariat.competitions.themeOptional')}
              description={t('secretariat.competitions.themeHint')}
              value={theme}
              onChange={(e) => setTheme(e.currentTarget.value)}
              error={errors?.fields.theme}
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('secretariat.competitions.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

export function CompetitionsAdminPage() {
  const { t } = useTranslation();
  const list = useQuery({
    queryKey: ['competitions', 'manage'],
    queryFn: () => api<{ items: CompetitionSummary[] }>('GET', '/competitions'),
  });
  const items = (list.data?.items ?? []).filter((c) => c.abilities.manage);
  items.sort((a, b) => b.year - a.year || a.name.localeCompare(b.name));

  return (
    <AdminPage gap="lg">
      <div>
        <Title order={1}>{t('secretariat.competitions.title')}</Title>
        <Text c="dark.6">{t('secretariat.competitions.intro')}</Text>
      </div>
      <section aria-labelledby="list-title">
        <Title order={2} size="h3" id="list-title" mb="xs">
          {t('secretariat.competitions.listTitle')}
        </Title>
        <AdminQueryState isLoading={list.isLoading} error={list.error} onRetry={() => list.refetch()}>
          {items.length === 0 ? (
            <Text c="dark.6">{t('secretariat.competitions.empty')}</Text>
          ) : (
            <AdminDataTable
              rows={items}
              rowKey={(c) => c.id}
              minWidth={720}
              columns={[
                {
                  header: t('secretariat.competitions.name'),
                  primary: true,
                  cell: (c) => (
                    <>
                      <Anchor component={Link} to={`/sekretariat/kompetisi/${c.id}`} fw={600}>
                        {c.name}
                      </Anchor>
                      <Text size="xs" c="dark.6">
                        {c.code} · {c.organizer.name}
                      </Text>
                    </>
                  ),
                },
                { header: t('secretariat.competitions.year'), cell: (c) => c.year },
                {
                  header: t('secretariat.competitions.status'),
                  cell: (c) => <AdminStatusBadge status={c.status} />,
                },
                {
                  header: t('secretariat.competitions.deadline'),
                  cell: (c) => (
                    <AdminInstant
                      iso={c.submissionClosesAt}
                      timeZone={c.timeZone}
                      empty={t('secretariat.competitions.noDeadline')}
                    />
                  ),
                },
                {
                  header: t('secretariat.actions'),
                  bare: true,
                  cell: (c) => (
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        component={Link}
                        to={`/sekretariat/kompetisi/${c.id}`}
                        size="xs"
                        variant="light"
                        aria-label={`${t('secretariat.competitions.settings')}: ${c.name}`}
                      >
                        {t('secretariat.competitions.settings')}
                      </Button>
                      {c.abilities.selection && (
                        <Button
                          component={Link}
                          to={`/sekretariat/kompetisi/${c.id}/seleksi`}
                          size="xs"
                          variant="light"
                          aria-label={`${t('selection.link')}: ${c.name}`}
                        >
                          {t('selection.link')}
                        </Button>
                      )}
                      {c.abilities.dashboard && (
                        <Button
                          component={Link}
                          to={`/sekretariat/kompetisi/${c.id}/dasbor`}
                          size="xs"
                          variant="light"
                          aria-label={`${t('dashboard.open')}: ${c.name}`}
                        >
                          {t('dashboard.open')}
                        </Button>
                      )}
                      <Button
                        component={Link}
                        to={`/kompetisi/${c.id}`}
                        size="xs"
                        variant="subtle"
                        aria-label={`${t('secretariat.competitions.publicPage')}: ${c.name}`}
                      >
                        {t('secretariat.competitions.publicPage')}
                      </Button>
                    </Group>
                  ),
                },
              ]}
            />
          )}
        </AdminQueryState>
      </section>
      <CreateFromTemplate />
    </AdminPage>
  );
}
