import { Alert, Anchor, Badge, Center, Group, List, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MyWork, Assignment } from '../../../contracts/role-work.js';
import { formatInstant } from '../../../domain/time.js';
import { api } from '../../api/client.js';
import { useMe, type Me } from '../../api/session.js';
import { useLang } from '../../i18n/index.js';
import { ReviewerProfileNotice } from '../review/ReviewerProfileNotice.js';

type T = (key: string, values?: Record<string, unknown>) => string;

/** The pages of the person's work, from the abilities the API returned (the same ones the menu offers). */
function workPages(me: Me, t: T): { to: string; label: string }[] {
  const a = me.abilities;
  const pages: { to: string; label: string }[] = [];
  if (a.createCompetition) pages.push({ to: '/sekretariat/kompetisi', label: t('common.nav.competitions') });
  if (a.viewSubmissionDashboard) pages.push({ to: '/sekretariat/dasbor', label: t('dashboard.nav') });
  for (const id of a.manageUnitsOf) pages.push({ to: `/instansi/${id}/unit`, label: t('common.nav.units') });
  if (a.viewProposals) pages.push({ to: '/usulan', label: t('proposals.nav') });
  if (a.viewInstitutions) pages.push({ to: '/sekretariat/instansi', label: t('common.nav.institutions') });
  if (a.manageAwards) pages.push({ to: '/sekretariat/penghargaan', label: t('eligibility.nav.awards') });
  if (a.manageUsers) pages.push({ to: '/admin/pengguna', label: t('users.nav') });
  return pages;
}

function AssignmentCard({ a }: { a: Assignment }) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const at = (iso: string) => formatInstant(iso, a.competition.timeZone, lang);
  let status: string;
  if (a.state === 'upcoming' && a.startsAt)
    status = t(`home.judging.upcoming.${a.role}`, { time: at(a.startsAt) });
  else if (a.state === 'open' && a.startsAt)
    status = t(`home.judging.open.${a.role}`, { time: at(a.startsAt) });
  else if (a.state === 'finished' && a.endsAt) status = t('home.judging.finished', { time: at(a.endsAt) });
  else status = t('home.judging.notScheduled');
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby={`work-${a.role}-${a.competition.id}`}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Title order={3} size="h4" id={`work-${a.role}-${a.competition.id}`}>
            {a.competition.name.includes(String(a.competition.year))
              ? a.competition.name
              : t('home.judging.competition', { name: a.competition.name, year: a.competition.year })}
          </Title>
          <Badge variant="light">{t(`common.roles.${a.role}`)}</Badge>
        </Group>
        <Text fw={600}>{status}</Text>
        {a.state === 'upcoming' && <Text size="sm">{t('home.judging.upcomingNote')}</Text>}
        {a.competition.status === 'draft' && <Text size="sm">{t('home.judging.draft')}</Text>}
        {a.stages.length > 0 && (
          <>
            <Title order={4} size="h6">
              {t('home.judging.stagesTitle')}
            </Title>
            <List size="sm" spacing={4}>
              {a.stages.map((s) => (
                <List.Item key={s.kind}>
                  <Text span fw={500} size="sm">
                    {pick(s.name)}
                  </Text>
                  {': '}
                  {s.opensAt && s.closesAt
                    ? t('home.judging.stageDates', { opens: at(s.opensAt), closes: at(s.closesAt) })
                    : s.opensAt
                      ? t('home.judging.stageOpens', { opens: at(s.opensAt) })
                      : t('home.judging.stageUndated')}
                </List.Item>
              ))}
            </List>
          </>
        )}
        {a.competition.status === 'published' && (
          <Anchor component={Link} to={`/kompetisi/${a.competition.id}`} size="sm">
            {t('home.judging.publicPage')}
          </Anchor>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * A signed-in person's own home: what each of their roles does and, for an evaluator or a panelist, the
 * competitions they are assigned to with the stages that are their work and when it starts. The judging
 * itself comes later; this page links only to what exists.
 */
export function MyHomePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const judge = !!me?.roles.some((r) => r.role === 'evaluator' || r.role === 'panelist');
  const work = useQuery({
    queryKey: ['me', 'work'],
    queryFn: () => api<MyWork>('GET', '/auth/me/work'),
    enabled: judge,
  });
  if (!me) return null;
  const pages = workPages(me, t);
  return (
    <Stack gap="lg" maw={860}>
      <div>
        <Title order={1}>{t('home.title')}</Title>
        <Text mt="xs">{t('home.welcome', { name: me.name })}</Text>
      </div>
      <Stack gap="sm" component="section" aria-labelledby="home-roles">
        <Title order={2} size="h3" id="home-roles">
          {t('home.rolesTitle')}
        </Title>
        {me.roles.map((r, i) => (
          <Paper key={i} withBorder p="md" radius="md">
            <Text fw={700}>{t(`common.roles.${r.role}`)}</Text>
            {r.institutionName && (
              <Text size="sm">{t('home.scope.institution', { name: r.institutionName })}</Text>
            )}
            {r.unitName && <Text size="sm">{t('home.scope.unit', { name: r.unitName })}</Text>}
            <Text size="sm" mt={4}>
              {t(`home.work.${r.role}`)}
            </Text>
          </Paper>
        ))}
      </Stack>
      {judge && <ReviewerProfileNotice />}
      {judge && (
        <Stack gap="sm" component="section" aria-labelledby="home-judging">
          <Title order={2} size="h3" id="home-judging">
            {t('home.judging.title')}
          </Title>
          {work.isLoading ? (
            <Center py="md">
              <Loader aria-label={t('common.loading')} />
            </Center>
          ) : work.error || !work.data ? (
            <Alert role="alert" color="red">
              {t('home.judging.loadFailed')}
            </Alert>
          ) : work.data.assignments.length === 0 ? (
            <Text>{t('home.judging.none')}</Text>
          ) : (
            work.data.assignments.map((a) => <AssignmentCard key={`${a.role}-${a.competition.id}`} a={a} />)
          )}
        </Stack>
      )}
      {pages.length > 0 && (
        <Stack gap="xs" component="section" aria-labelledby="home-pages">
          <Title order={2} size="h3" id="home-pages">
            {t('home.pagesTitle')}
          </Title>
          <List>
            {pages.map((p) => (
              <List.Item key={p.to}>
                <Anchor component={Link} to={p.to}>
                  {p.label}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Stack>
  );
}
