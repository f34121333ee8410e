import { Link, useParams } from 'react-router';
import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.js';
import { useMe } from '../../api/session.js';
import {
  CategoryBadges,
  GroupRules,
  submissionDeadline,
  type CompetitionDetail,
} from '../../components/CompetitionParts.js';

type DetailGroup = CompetitionDetail['groups'][number];
import { Deadline } from '../../components/Deadline.js';
import { Timeline } from '../../components/Timeline.js';
import { AmendmentList } from '../../components/AmendmentList.js';
import { AnnouncementsSection } from '../../components/AnnouncementsSection.js';
import { PublicRatingSection } from '../../components/RatingWindowNotice.js';
import { useLang } from '../../i18n/index.js';
import { useHelpContact } from '../../components/helpContact.js';
import '../../components/PublicPages.css';

function SectionsTable({ group }: { group: DetailGroup }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const sections = group.sections ?? [];
  if (sections.length === 0)
    return (
      <Text size="sm" c="gray.7">
        {t('public.competition.noSections')}
      </Text>
    );
  const total = sections.reduce((sum, s) => sum + s.weight, 0);
  const label = (s: (typeof sections)[number]) => pick({ id: s.labelId, en: s.labelEn });
  const guidance = (s: (typeof sections)[number]) =>
    pick({ id: s.guidanceId ?? s.guidanceEn ?? '', en: s.guidanceEn ?? s.guidanceId ?? '' });
  const limit = (s: (typeof sections)[number]) =>
    s.wordLimit ? t('public.competition.words', { n: s.wordLimit }) : t('public.competition.noLimit');
  return (
    <>
      {/* Phones get one block per section: a four-column table would need sideways scrolling. */}
      <Stack component="ol" gap="xs" hiddenFrom="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {sections.map((s, i) => (
          <Paper component="li" key={s.key} withBorder p="sm" radius="sm">
            <Text fw={700} size="sm">
              {i + 1}. {label(s)}{' '}
              <Text span size="xs" c="gray.7" fw={400}>
                ({s.required ? t('public.competition.required') : t('public.competition.optional')})
              </Text>
            </Text>
            <Text size="xs" c="gray.8">
              {t('public.competition.sectionWordLimit')}: {limit(s)} · {t('public.competition.sectionWeight')}
              : <strong>{s.weight}%</strong>
            </Text>
            {guidance(s) && (
              <Text size="sm" mt={4}>
                {guidance(s)}
              </Text>
            )}
          </Paper>
        ))}
        <Text component="li" size="sm" fw={700} ta="right">
          {t('public.competition.weightTotal')}: {total}%
        </Text>
      </Stack>
      <Box visibleFrom="sm">
        <Table.ScrollContainer minWidth={560}>
          <Table striped verticalSpacing="sm" highlightOnHover={false}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={48}>{t('public.competition.sectionNo')}</Table.Th>
                <Table.Th>{t('public.competition.sectionLabel')}</Table.Th>
                <Table.Th w={110}>{t('public.competition.sectionWordLimit')}</Table.Th>
                <Table.Th w={80} ta="right">
                  {t('public.competition.sectionWeight')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sections.map((s, i) => (
                <Table.Tr key={s.key}>
                  <Table.Td style={{ verticalAlign: 'top' }}>{i + 1}</Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }}>
                    <Text fw={700} size="sm" span>
                      {pick({ id: s.labelId, en: s.labelEn })}
                    </Text>{' '}
                    <Text size="xs" c="gray.7" span>
                      ({s.required ? t('public.competition.required') : t('public.competition.optional')})
                    </Text>
                    {(s.guidanceId || s.guidanceEn) && (
                      <Text size="sm" c="gray.8" mt={4}>
                        {pick({
                          id: s.guidanceId ?? s.guidanceEn ?? '',
                          en: s.guidanceEn ?? s.guidanceId ?? '',
                        })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }}>
                    <Text size="sm">
                      {s.wordLimit
                        ? t('public.competition.words', { n: s.wordLimit })
                        : t('public.competition.noLimit')}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" style={{ verticalAlign: 'top' }}>
                    <Text size="sm" fw={600}>
                      {s.weight}%
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th colSpan={3} ta="right">
                  {t('public.competition.weightTotal')}
                </Table.Th>
                <Table.Th ta="right">{total}%</Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      </Box>
    </>
  );
}

function GroupCard({ group }: { group: DetailGroup }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const description = pick({
    id: group.descriptionId ?? group.descriptionEn ?? '',
    en: group.descriptionEn ?? group.descriptionId ?? '',
  });
  return (
    <Card
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      component="section"
      aria-labelledby={`group-${group.key}`}
    >
      <Stack gap="sm">
        <Title order={3} id={`group-${group.key}`}>
          {pick({ id: group.nameId, en: group.nameEn })}
        </Title>
        {description && <Text style={{ whiteSpace: 'pre-line' }}>{description}</Text>}
        <GroupRules group={group} />
        <Title order={4} mt="sm">
          {t('public.competition.sections')}
        </Title>
        <SectionsTable group={group} />
      </Stack>
    </Card>
  );
}

export function CompetitionPublicPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { pick } = useLang();
  const { data: me } = useMe();
  const { data, isLoading, error } = useQuery({
    queryKey: ['competitions', 'public', id],
    queryFn: () => api<CompetitionDetail>('GET', `/competitions/${id}`),
    retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 1,
  });
  // The footer names the organizer's help contact (settings.helpdesk).
  useHelpContact(data);

  const back = (
    <Anchor component={Link} to="/" size="sm">
      <Group gap={4} component="span" wrap="nowrap">
        <IconArrowLeft size={16} aria-hidden />
        {t('public.competition.backHome')}
      </Group>
    </Anchor>
  );

  if (isLoading)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (error || !data) {
    const notFound = error instanceof ApiError && (error.status === 404 || error.status === 400);
    return (
      <Stack gap="md" py="md" className="public-scope">
        <Title order={1}>{t('public.competition.notFound')}</Title>
        {!notFound && error && (
          <Alert role="alert" color="red">
            {error instanceof ApiError ? pick(error.text) : String(error)}
          </Alert>
        )}
        {back}
      </Stack>
    );
  }

  const c = data;
  const deadline = submissionDeadline(c);
  return (
    <Stack gap="xl" className="public-scope">
      <Stack gap="xs">
        {back}
        <Text size="sm" fw={700} c="sinovik.8" tt="uppercase" style={{ letterSpacing: 0.5 }}>
          {c.code} · {c.year}
        </Text>
        <Group gap="sm" align="center">
          <Title order={1}>{c.name}</Title>
          {c.status !== 'published' && (
            <Badge color="gray.7" variant="outline" style={{ textTransform: 'none' }}>
              {t(`public.competition.status.${c.status}`)}
            </Badge>
          )}
        </Group>
        {c.organizer.name && (
          <Text c="gray.8">
            {t('public.competition.organizer')}: <strong>{c.organizer.name}</strong>
          </Text>
        )}
        <Text c="gray.8" data-testid="competition-participants">
          {pick(c.participants.text)}
        </Text>
      </Stack>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="md">
          {c.theme && (
            <Box>
              <Text size="sm" fw={600} c="gray.8">
                {t('public.competition.theme')}
              </Text>
              <Text size="lg" fs="italic">
                “{c.theme}”
              </Text>
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
        </Stack>
        <Stack gap="md">
          {deadline && (
            <Paper bg="sinovik.0" p="md" radius="md">
              <Deadline
                at={deadline}
                timeZone={c.timeZone}
                label={t('public.competition.submissionDeadline')}
              />
            </Paper>
          )}
          {!me && (
            <Paper withBorder p="md" radius="md">
              <Text fw={700}>{t('public.competition.howToTake')}</Text>
              <Text size="sm" mb="sm">
                {t('public.competition.howToTakeText')}
              </Text>
              <Group gap="sm">
                <Button component={Link} to="/masuk" size="sm">
                  {t('public.home.ctaLogin')}
                </Button>
                <Button
                  component={Link}
                  to="/permohonan-admin-lokal"
                  size="sm"
                  variant="outline"
                  h="auto"

                  py={9}
                  styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}
                >
                  {t('public.home.ctaRequest')}
                </Button>
              </Group>
            </Paper>
          )}
        </Stack>
      </SimpleGrid>

      {c.description && (
        <Box component="section" aria-labelledby="about-title">
          <Title order={2} id="about-title" mb="sm">
            {t('public.competition.description')}
          </Title>
          <Text style={{ whiteSpace: 'pre-line' }} maw={820}>
            {c.description}
          </Text>
        </Box>
      )}

      <AnnouncementsSection competitionId={c.id} />

      <PublicRatingSection competitionId={c.id} />

      <Box component="section" aria-labelledby="groups-title">
        <Title order={2} id="groups-title" mb="md">
          {t('public.competition.groups')}
        </Title>
        <Stack gap="lg">
          {c.groups.map((g) => (
            <GroupCard key={g.key} group={g} />
          ))}
        </Stack>
      </Box>

      <Box component="section" aria-labelledby="timeline-title">
        <Title order={2} id="timeline-title" mb="md">
          {t('public.competition.timeline')}
        </Title>
        <Timeline stages={c.stages} timeZone={c.timeZone} currentKind={c.currentStage?.kind ?? null} />
      </Box>

      <AmendmentList amendments={c.amendments} timeZone={c.timeZone} />
    </Stack>
  );
}
