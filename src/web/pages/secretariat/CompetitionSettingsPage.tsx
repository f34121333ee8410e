import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { Anchor, Button, Card, Group, List, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { useLang } from '../../i18n/index.js';
import { apiErrorMessages } from '../../components/forms.js';
import { AdminQueryState } from '../../components/AdminQueryState.js';
import { AdminStatusBadge } from '../../components/AdminStatusBadge.js';
import { AdminUnsavedGuard } from '../../components/AdminUnsavedGuard.js';
import type { CompetitionDetail as CompetitionDefinition } from '../../../contracts/competitions.js';
import { AdminPage, AdminNotice } from '../../components/AdminPage.js';
import { useHelpContact } from '../../components/helpContact.js';
import {
  type Values,
  FORM_ID,
  toValues,
  keepUids,
  toBody,
  missingNumbers,
  formPath,
  type TabKey,
  tabOf,
  describePath,
} from './competition-settings/values.js';
import { TabLabel } from './competition-settings/pieces.js';
import { GeneralTab } from './competition-settings/GeneralTab.js';
import { CategoriesTab } from './competition-settings/CategoriesTab.js';
import { GroupsTab } from './competition-settings/GroupsTab.js';
import { StagesTab } from './competition-settings/StagesTab.js';
import { ParticipantsCard } from './competition-settings/ParticipantsCard.js';
import { StatusActions } from './competition-settings/StatusActions.js';
import { AmendmentModal, type AmendmentBody } from './competition-settings/AmendmentModal.js';

function Editor({ def }: { def: CompetitionDefinition }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const qc = useQueryClient();
  const form = useForm<Values>({
    initialValues: toValues(def),
    validate: (v) => missingNumbers(v, t('secretariat.settings.requiredNumber')),
  });
  const [tab, setTab] = useState<TabKey>('general');
  const [open, setOpen] = useState<string[]>([]);
  const [general, setGeneral] = useState<string | null>(null);
  const canManage = def.abilities.manage;
  const dirty = form.isDirty();

  const focusFirstError = () =>
    setTimeout(() => {
      const el = document.getElementById(FORM_ID)?.querySelector<HTMLElement>('[aria-invalid="true"]');
      el?.focus();
      el?.scrollIntoView({ block: 'center' });
    }, 80);

  /** Puts each message beside its field, opens the tab and group holding the first one, and focuses it. */
  const showErrors = (errors: Record<string, ReactNode>) => {
    const paths = Object.keys(errors);
    if (!paths.length) return;
    setTab(tabOf(paths[0]));
    const groupIdx = new Set(
      paths.map((p) => /^groups\.(\d+)/.exec(p)?.[1]).filter((x): x is string => x !== undefined),
    );
    const toOpen = [...groupIdx].map((gi) => form.values.groups[Number(gi)]?.uid).filter(Boolean);
    setOpen((prev) => [...new Set([...prev, ...toOpen])]);
    focusFirstError();
  };

  /** A published competition's structural change waiting for its amendment (the refused save's list). */
  const [amending, setAmending] = useState<{ values: Values; changes: string[] } | null>(null);
  const save = useMutation({
    mutationFn: ({ values, amendment }: { values: Values; amendment?: AmendmentBody }) =>
      api<unknown>('PUT', `/competitions/${def.id}`, { ...toBody(values, def), amendment }),
    onSuccess: async (res) => {
      setAmending(null);
      const fresh =
        res && typeof res === 'object' && 'groups' in (res as object)
          ? (res as CompetitionDefinition)
          : ((res as { competition?: CompetitionDefinition })?.competition ??
            (await api<CompetitionDefinition>('GET', `/competitions/${def.id}`)));
      qc.setQueryData(['competition', String(def.id)], fresh);
      await qc.invalidateQueries({ queryKey: ['competitions'] });
      // Keep the rows' identities so open groups stay open and focus stays where it was.
      const v = keepUids(toValues(fresh), form.getValues());
      form.setValues(v);
      form.setInitialValues(v);
      form.resetDirty(v);
      form.clearErrors();
      setGeneral(null);
      notifications.show({ color: 'green', message: t('secretariat.settings.savedNotice') });
    },
    onError: (err, { values }) => {
      const m = apiErrorMessages(err, lang);
      if (m.code === 'amendment_required') {
        setAmending({ values, changes: Object.values(m.fields) });
        return;
      }
      // The amendment's own fields are shown in its dialog; anything else goes back to the form.
      if (amending && Object.keys(m.fields).every((k) => k.startsWith('amendment.'))) return;
      setAmending(null);
      const errors: Record<string, string> = {};
      for (const [k, msg] of Object.entries(m.fields)) errors[formPath(k)] = msg;
      form.setErrors(errors);
      setGeneral(m.general);
      showErrors(errors);
    },
  });

  const errorPaths = Object.keys(form.errors);
  const countFor = (k: TabKey) => errorPaths.filter((p) => tabOf(p) === k).length;

  return (
    <Stack gap="md">
      <AdminUnsavedGuard when={dirty && canManage} />
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4}>
          <Group gap="xs">
            <AdminStatusBadge status={def.status} />
            <Text size="sm" c="dark.6">
              {def.code} · {def.year}
            </Text>
          </Group>
          <Group gap="md">
            <Anchor component={Link} to={`/kompetisi/${def.id}`} size="sm">
              {t('secretariat.settings.viewPublic')}
            </Anchor>
            {canManage && def.status !== 'draft' && (
              <Anchor component={Link} to={`/sekretariat/kompetisi/${def.id}/seleksi`} size="sm" fw={700}>
                {t('selection.link')}
              </Anchor>
            )}
            {canManage && (
              <Anchor component={Link} to={`/sekretariat/kompetisi/${def.id}/tim-penilai`} size="sm">
                {t('reviewTeam.link')}
              </Anchor>
            )}
            {canManage && def.groups.some((g) => g.invitationOnly) && (
              <Anchor component={Link} to={`/sekretariat/kompetisi/${def.id}/undangan`} size="sm">
                {t('eligibility.invitations.link')}
              </Anchor>
            )}
            {canManage && def.status === 'published' && (
              <Anchor component={Link} to={`/sekretariat/kompetisi/${def.id}/penugasan`} size="sm">
                {t('assignments.title')}
              </Anchor>
            )}
            {canManage && def.status === 'published' && (
              <Anchor component={Link} to={`/sekretariat/kompetisi/${def.id}/hasil-penilaian`} size="sm">
                {t('stageResults.title')}
              </Anchor>
            )}
            {canManage && def.status === 'published' && (
              <Anchor component={Link} to={`/sekretariat/kompetisi/${def.id}/finalis`} size="sm">
                {t('finalists.link')}
              </Anchor>
            )}
            {canManage && def.status !== 'draft' && (
              <Anchor component={Link} to={`/sekretariat/kompetisi/${def.id}/uji-publik`} size="sm">
                {t('objections.work.title')}
              </Anchor>
            )}
            {canManage && def.status === 'published' && (
              <Anchor component={Link} to={`/sekretariat/kompetisi/${def.id}/presentasi`} size="sm">
                {t('presentation.link')}
              </Anchor>
            )}
            {canManage && def.status === 'published' && (
              <Anchor component={Link} to={`/sekretariat/kompetisi/${def.id}/nilai-publik`} size="sm">
                {t('publicRatings.report.title')}
              </Anchor>
            )}
            {canManage && def.status === 'published' && (
              <Anchor component={Link} to={`/sekretariat/kompetisi/${def.id}/verifikasi-lapangan`} size="sm">
                {t('field.plan.link')}
              </Anchor>
            )}
            {canManage && def.status === 'published' && (
              <Anchor component={Link} to={`/sekretariat/kompetisi/${def.id}/sidang`} size="sm">
                {t('results.title')}
              </Anchor>
            )}
            {canManage && def.status === 'published' && (
              <Anchor component={Link} to={`/sekretariat/kompetisi/${def.id}/piagam`} size="sm">
                {t('certificates.title')}
              </Anchor>
            )}
          </Group>
        </Stack>
        <StatusActions def={def} dirty={dirty} />
      </Group>
      {!canManage && <AdminNotice tone="neutral">{t('secretariat.settings.readOnly')}</AdminNotice>}
      {canManage && def.status === 'published' && (
        <AdminNotice tone="neutral">{t('guard.publishedRules')}</AdminNotice>
      )}
      <form
        id={FORM_ID}
        noValidate
        onSubmit={form.onSubmit(
          (v) => {
            setGeneral(null);
            save.mutate({ values: v });
          },
          (errors) => {
            setGeneral(t('secretariat.settings.checkFields'));
            showErrors(errors);
          },
        )}
      >
        <fieldset disabled={!canManage} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <Stack gap="md">
            {general && (
              <AdminNotice tone="danger" role="alert" title={t('secretariat.settings.saveFailed')}>
                <Text size="sm">{general}</Text>
                {errorPaths.length > 0 && (
                  <List size="sm" mt="xs">
                    {errorPaths.map((p) => (
                      <List.Item key={p}>
                        {describePath(p, form.values, t)}: {form.errors[p]}
                      </List.Item>
                    ))}
                  </List>
                )}
              </AdminNotice>
            )}
            <Tabs value={tab} onChange={(v) => setTab((v as TabKey) ?? 'general')} keepMounted={false}>
              <Tabs.List>
                <Tabs.Tab value="general">
                  <TabLabel errors={countFor('general')}>{t('secretariat.settings.tabs.general')}</TabLabel>
                </Tabs.Tab>
                <Tabs.Tab value="categories">
                  <TabLabel errors={countFor('categories')}>
                    {t('secretariat.settings.tabs.categories')} ({form.values.categories.length})
                  </TabLabel>
                </Tabs.Tab>
                <Tabs.Tab value="groups">
                  <TabLabel errors={countFor('groups')}>
                    {t('secretariat.settings.tabs.groups')} ({form.values.groups.length})
                  </TabLabel>
                </Tabs.Tab>
                <Tabs.Tab value="stages">
                  <TabLabel errors={countFor('stages')}>
                    {t('secretariat.settings.tabs.stages')} ({form.values.stages.length})
                  </TabLabel>
                </Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="general" pt="md">
                <GeneralTab form={form} />
              </Tabs.Panel>
              <Tabs.Panel value="categories" pt="md">
                <CategoriesTab form={form} />
              </Tabs.Panel>
              <Tabs.Panel value="groups" pt="md">
                <GroupsTab form={form} open={open} setOpen={setOpen} />
              </Tabs.Panel>
              <Tabs.Panel value="stages" pt="md">
                <StagesTab form={form} />
              </Tabs.Panel>
            </Tabs>
          </Stack>
        </fieldset>
        {canManage && (
          <Paper withBorder shadow="sm" p="sm" mt="md" style={{ position: 'sticky', bottom: 8, zIndex: 5 }}>
            <Group justify="space-between" gap="xs">
              <Text size="sm" c={dirty ? '#8a4b00' : 'dark.6'} fw={dirty ? 700 : 400} aria-live="polite">
                {dirty ? t('secretariat.settings.unsavedChanges') : t('secretariat.settings.noChanges')}
              </Text>
              <Group gap="xs">
                <Button
                  variant="default"
                  disabled={!dirty || save.isPending}
                  onClick={() => {
                    form.reset();
                    form.clearErrors();
                    setGeneral(null);
                  }}
                >
                  {t('secretariat.settings.discard')}
                </Button>
                <Button type="submit" loading={save.isPending}>
                  {t('secretariat.settings.save')}
                </Button>
              </Group>
            </Group>
          </Paper>
        )}
      </form>
      {amending && (
        <AmendmentModal
          changes={amending.changes}
          saving={save.isPending}
          error={save.error}
          onCancel={() => {
            setAmending(null);
            save.reset();
          }}
          onConfirm={(amendment) => save.mutate({ values: amending.values, amendment })}
        />
      )}
    </Stack>
  );
}

export function CompetitionSettingsPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const q = useQuery({
    queryKey: ['competition', String(id)],
    queryFn: () => api<CompetitionDefinition>('GET', `/competitions/${id}`),
  });
  // The footer shows the saved contact, as the competition's other pages do.
  useHelpContact(q.data);
  return (
    <AdminPage gap="md">
      <div>
        <Anchor component={Link} to="/sekretariat/kompetisi" size="sm">
          ← {t('secretariat.settings.backToList')}
        </Anchor>
        <Title order={1} mt={4}>
          {q.data ? q.data.name : t('secretariat.settings.title')}
        </Title>
        <Text c="dark.6" size="sm">
          {t('secretariat.settings.intro')}
        </Text>
      </div>
      <AdminQueryState isLoading={q.isLoading} error={q.error} onRetry={() => q.refetch()}>
        {q.data && (
          <>
            <ParticipantsCard
              key={`participants-${q.data.id}`}
              def={q.data}
              canManage={q.data.abilities.manage}
            />
            <Card withBorder p={{ base: 'xs', sm: 'md' }}>
              <Editor key={q.data.id} def={q.data} />
            </Card>
          </>
        )}
      </AdminQueryState>
    </AdminPage>
  );
}
