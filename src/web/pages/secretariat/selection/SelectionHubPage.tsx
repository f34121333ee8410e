import { Link, Navigate, useParams } from 'react-router';
import { Anchor, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  PANEL_STEPS,
  type SelectionStepView,
  type SelectionSummary,
} from '../../../../contracts/selection-hub.js';
import type { CompetitionSummary } from '../../../../contracts/competitions.js';
import { api } from '../../../api/client.js';
import { AdminPage } from '../../../components/AdminPage.js';
import { AdminQueryState } from '../../../components/AdminQueryState.js';
import { AdminInstant } from '../../../components/AdminInstant.js';
import { AdminStatusBadge } from '../../../components/AdminStatusBadge.js';
import { useLang } from '../../../i18n/index.js';

function StepStatus({ status }: { status: SelectionStepView['status'] }) {
  const { t } = useTranslation();
  return <AdminStatusBadge status={status} label={t(`selection.status.${status}`)} />;
}

/** One step: number, name, status, window with hour and zone, counts, and the way to its page. */
function StepCard({ step, index, timeZone }: { step: SelectionStepView; index: number; timeZone: string }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const number = new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB');
  const name = t(`selection.steps.${step.key}`);
  const stageName = step.stage ? (lang === 'id' ? step.stage.nameId : step.stage.nameEn) : null;
  const headingId = `step-${step.key}`;
  return (
    <Paper component="li" withBorder p="md" radius="md" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Stack gap={4} style={{ flex: '1 1 280px', minWidth: 0 }}>
          <Group gap="xs" wrap="nowrap" align="center">
            <Text fw={700} c="dark.6" aria-hidden>
              {index + 1}.
            </Text>
            <Title order={3} size="h4" id={headingId}>
              {name}
            </Title>
            <StepStatus status={step.status} />
          </Group>
          {stageName && stageName !== name && (
            <Text size="sm" c="dark.6">
              {stageName}
            </Text>
          )}
          {step.window && (
            <Group gap="lg" wrap="wrap" align="flex-start">
              {step.window.opensAt || step.window.closesAt ? (
                <>
                  <div>
                    <Text size="xs" c="dark.6">
                      {t('selection.windowFrom')}
                    </Text>
                    <AdminInstant iso={step.window.opensAt} timeZone={timeZone} />
                  </div>
                  <div>
                    <Text size="xs" c="dark.6">
                      {t('selection.windowUntil')}
                    </Text>
                    <AdminInstant iso={step.window.closesAt} timeZone={timeZone} />
                  </div>
                </>
              ) : (
                <Text size="sm" c="dark.6">
                  {step.stage ? t('selection.noWindow') : t('selection.stageMissing')}
                </Text>
              )}
            </Group>
          )}
          {step.note && (
            <Text size="sm" c="dark.6">
              {t(`selection.notes.${step.note}`)}
            </Text>
          )}
          {step.counts.length > 0 && (
            <List size="sm" spacing={2}>
              {step.counts.map((c) => (
                <List.Item key={c.key}>
                  {t(`selection.counts.${c.key}`, {
                    value: number.format(c.value),
                    of: c.of === undefined ? '' : number.format(c.of),
                  })}
                </List.Item>
              ))}
            </List>
          )}
        </Stack>
        {step.path && step.abilities.open ? (
          <Button
            component={Link}
            to={step.path}
            variant="light"
            size="sm"
            aria-label={t('selection.openStep', { step: name })}
          >
            {t('selection.open')}
          </Button>
        ) : (
          <Text size="sm" c="dark.6">
            {step.path ? t('selection.notYours') : t('selection.noPage')}
          </Text>
        )}
      </Group>
    </Paper>
  );
}

/** One part of the hub under its heading (the selection; the panel and the results), numbered on from `first`. */
function StepList(props: {
  id: 'selection' | 'panel';
  steps: SelectionStepView[];
  first: number;
  timeZone: string;
}) {
  const { t } = useTranslation();
  if (props.steps.length === 0) return null;
  const headingId = `section-${props.id}`;
  return (
    <Stack component="section" gap="sm" aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId}>
        {t(`selection.sections.${props.id}`)}
      </Title>
      <Stack component="ol" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {props.steps.map((s, i) => (
          <StepCard key={s.key} step={s} index={props.first + i} timeZone={props.timeZone} />
        ))}
      </Stack>
    </Stack>
  );
}

/** /sekretariat/kompetisi/:id/seleksi: the selection's steps in order, where each stands, and its page. */
export function SelectionHubPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const view = useQuery({
    queryKey: ['selection', id],
    queryFn: () => api<SelectionSummary>('GET', `/competitions/${id}/selection`),
  });
  const d = view.data;
  return (
    <AdminPage>
      <AdminQueryState isLoading={view.isLoading} error={view.error} onRetry={() => view.refetch()}>
        {d && (
          <>
            <div>
              <Anchor component={Link} to={`/sekretariat/kompetisi/${d.competition.id}`} size="sm">
                ← {t('selection.back')}
              </Anchor>
              <Title order={1} mt={4}>
                {t('selection.title')}
              </Title>
              <Text fw={600} c="dark.7">
                {d.competition.name}
              </Text>
              <Text c="dark.6" size="sm" maw={760}>
                {t('selection.intro')}
              </Text>
              <Anchor component={Link} to={`/sekretariat/kompetisi/${d.competition.id}/laporan`} size="sm">
                {t('seasonReport.link')} →
              </Anchor>
            </div>
            <StepList
              id="selection"
              steps={d.steps.filter((s) => !PANEL_STEPS.includes(s.key))}
              first={0}
              timeZone={d.competition.timeZone}
            />
            <StepList
              id="panel"
              steps={d.steps.filter((s) => PANEL_STEPS.includes(s.key))}
              first={d.steps.filter((s) => !PANEL_STEPS.includes(s.key)).length}
              timeZone={d.competition.timeZone}
            />
          </>
        )}
      </AdminQueryState>
    </AdminPage>
  );
}

/** /sekretariat/seleksi (the menu's entry): straight to the newest published competition's selection. */
export function SelectionIndexPage() {
  const { t } = useTranslation();
  const list = useQuery({
    queryKey: ['competitions', 'manage'],
    queryFn: () => api<{ items: CompetitionSummary[] }>('GET', '/competitions'),
  });
  const first = list.data?.items
    .filter((c) => c.abilities.selection)
    .sort((a, b) => b.year - a.year || a.name.localeCompare(b.name))[0];
  return (
    <AdminPage>
      <Title order={1}>{t('selection.title')}</Title>
      <AdminQueryState isLoading={list.isLoading} error={list.error} onRetry={() => list.refetch()}>
        {first ? (
          <Navigate to={`/sekretariat/kompetisi/${first.id}/seleksi`} replace />
        ) : (
          <Text c="dark.6">{t('selection.none')}</Text>
        )}
      </AdminQueryState>
    </AdminPage>
  );
}
