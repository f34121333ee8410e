import { Link } from 'react-router';
import {
  Alert,
  Anchor,
  Box,
  Button,
  Card,
  Divider,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  ThemeIcon,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconArrowRight, IconExternalLink, IconMessageReport, IconTrophy } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { useMe } from '../../api/session.js';
import {
  CategoryBadges,
  GroupRules,
  submissionDeadline,
  type CompetitionSummary,
} from '../../components/CompetitionParts.js';
import { Deadline } from '../../components/Deadline.js';
import { Timeline } from '../../components/Timeline.js';
import { useLang } from '../../i18n/index.js';
import '../../components/PublicPages.css';

const LAPOR_URL = 'https://www.lapor.go.id';

/** The complaints channel every public service page must offer (SP4N-LAPOR!). */
function ComplaintsBox() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" component="aside" aria-labelledby="complaints-title">
      <Group wrap="nowrap" align="flex-start" gap="md">
        <ThemeIcon size={40} radius="xl" color="red" variant="light" aria-hidden>
          <IconMessageReport size={22} />
        </ThemeIcon>
        <Stack gap={4}>
          <Title order={2} size="h4" id="complaints-title">
            {t('public.home.complaintsTitle')}
          </Title>
          <Text size="sm">{t('public.home.complaintsText')}</Text>
          <Anchor href={LAPOR_URL} target="_blank" rel="noopener noreferrer" fw={600}>
            <Group gap={4} component="span" wrap="nowrap">
              {t('public.home.complaintsLink')}
              <IconExternalLink size={16} aria-hidden />
            </Group>
          </Anchor>
        </Stack>
      </Group>
    </Paper>
  );
}

function CompetitionCard({ c }: { c: CompetitionSummary }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const deadline = submissionDeadline(c);
  const titleId = `competition-${c.id}-title`;
  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="article" aria-labelledby={titleId}>
      <Stack gap="md">
        <Stack gap={4}>
          <CodeLabel code={c.code} year={c.year} />
          <Title order={3} id={titleId}>
            <Anchor component={Link} to={`/kompetisi/${c.id}`} inherit c="sinovik.9">
              {c.name}
            </Anchor>
          </Title>
          {c.organizer.name && (
            <Text size="sm" c="gray.8">
              {t('public.competition.organizer')}: <strong>{c.organizer.name}</strong>
            </Text>
          )}
        </Stack>
        {c.theme && (
          <Box>
            <Text size="sm" fw={600} c="gray.8">
              {t('public.competition.theme')}
            </Text>
            <Text fs="italic">“{c.theme}”</Text>
          </Box>
        )}
        {c.categories.length > 0 && (
          <Box>
            <Text size="sm" fw={600} c="gray.8" mb={6}>
              {t('public.competition.categories')}
            </Text>
            <CategoryBadges categories={c.categories} />
          </Box>
        )}
        <Divider />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
          <Stack gap="md">
            {deadline && (
              <Paper bg="sinovik.0" p="sm" radius="md">
                <Deadline
                  at={deadline}
                  timeZone={c.timeZone}
                  label={t('public.competition.submissionDeadline')}
                />
              </Paper>
            )}
            <Box>
              <Title order={4} mb="xs">
                {t('public.competition.groups')}
              </Title>
              <Stack gap="sm">
                {c.groups.map((g) => (
                  <Box key={g.key}>
                    <Text fw={700}>{pick({ id: g.nameId, en: g.nameEn })}</Text>
                    <GroupRules group={g} />
                  </Box>
                ))}
              </Stack>
            </Box>
          </Stack>
          <Box>
            <Title order={4} mb="xs">
              {t('public.competition.timeline')}
            </Title>
            <Timeline
              stages={c.stages}
              timeZone={c.timeZone}
              currentKind={c.currentStage?.kind ?? null}
              compact
            />
          </Box>
        </SimpleGrid>
        <Group>
          <Button
            component={Link}
            to={`/kompetisi/${c.id}`}
            variant="light"
            rightSection={<IconArrowRight size={16} aria-hidden />}
          >
            {t('public.competition.details')}
            <VisuallyHidden>: {c.name}</VisuallyHidden>
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The competition code and year as a small label above the name. */
function CodeLabel({ code, year }: { code: string; year: number }) {
  return (
    <Text size="xs" fw={700} c="sinovik.8" tt="uppercase" style={{ letterSpacing: 0.5 }}>
      {code} · {year}
    </Text>
  );
}

function CompetitionList() {
  const { t } = useTranslation();
  const { data, isLoading, isError, refetch } = useQuery({
    queryKey: ['competitions', 'public'],
    queryFn: () => api<{ items: CompetitionSummary[] }>('GET', '/competitions'),
  });
  if (isLoading)
    return (
      <Stack aria-busy="true" aria-label={t('common.loading')}>
        <Skeleton height={220} radius="md" />
        <Skeleton height={220} radius="md" />
      </Stack>
    );
  if (isError)
    return (
      <Alert role="alert" color="red" title={t('public.home.loadError')}>
        <Button size="xs" variant="white" color="red" onClick={() => void refetch()}>
          {t('public.home.retry')}
        </Button>
      </Alert>
    );
  const items = (data?.items ?? []).filter((c) => c.status === 'published');
  if (items.length === 0)
    return (
      <Paper withBorder p="xl" radius="md" ta="center">
        <Stack align="center" gap="xs">
          <ThemeIcon size={48} radius="xl" variant="light" color="sinovik" aria-hidden>
            <IconTrophy size={26} />
          </ThemeIcon>
          <Text fw={700} size="lg">
            {t('public.home.emptyTitle')}
          </Text>
          <Text c="gray.7" maw={560}>
            {t('public.home.emptyText')}
          </Text>
        </Stack>
      </Paper>
    );
  return (
    <Stack gap="lg">
      {items.map((c) => (
        <CompetitionCard key={c.id} c={c} />
      ))}
    </Stack>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  return (
    <Stack gap="xl" className="public-scope">
      <Paper
        radius="md"
        p={{ base: 'lg', sm: 'xl' }}
        style={{ background: 'linear-gradient(135deg, #0c3a63 0%, #1c5d99 100%)' }}
        c="white"
      >
        <Stack gap="md" maw={760}>
          <Title order={1} c="white">
            {t('public.home.title')}
          </Title>
          <Text size="lg" c="white">
            {t('public.home.intro1')}
          </Text>
          <Text c="white">{t('public.home.intro2')}</Text>
          <Anchor component={Link} to="/galeri" c="white" fw={700} underline="always">
            {t('public.home.galleryLink')}
          </Anchor>
          {!me && (
            <>
              <Group gap="sm" mt="xs">
                <Button component={Link} to="/masuk" size="md" variant="white" color="sinovik.9">
                  {t('public.home.ctaLogin')}
                </Button>
                <Button
                  component={Link}
                  to="/permohonan-admin-lokal"
                  size="md"
                  variant="outline"
                  color="white"
                  h="auto"

                  py={11}
                  styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}
                >
                  {t('public.home.ctaRequest')}
                </Button>
              </Group>
              <Text size="sm" c="white">
                {t('public.home.ctaHint')}
              </Text>
            </>
          )}
        </Stack>
      </Paper>

      {!me && (
        <Box component="section" aria-labelledby="steps-title">
          <Title order={2} size="h3" id="steps-title" mb="sm">
            {t('public.home.stepsTitle')}
          </Title>
          <SimpleGrid
            cols={{ base: 1, sm: 3 }}
            spacing="md"
            component="ol"
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
          >
            {(['step1', 'step2', 'step3'] as const).map((k, i) => (
              <Paper key={k} withBorder p="md" radius="md" component="li">
                <Group wrap="nowrap" align="flex-start" gap="sm">
                  <ThemeIcon size={32} radius="xl" color="sinovik.7" aria-hidden>
                    <Text fw={700} c="white">
                      {i + 1}
                    </Text>
                  </ThemeIcon>
                  <Text size="sm">{t(`public.home.${k}`)}</Text>
                </Group>
              </Paper>
            ))}
          </SimpleGrid>
        </Box>
      )}

      <Box component="section" aria-labelledby="competitions-title">
        <Title order={2} id="competitions-title" mb="md">
          {t('public.home.competitionsTitle')}
        </Title>
        <CompetitionList />
      </Box>

      <ComplaintsBox />
    </Stack>
  );
}
