import { Link, useParams } from 'react-router';
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IconArrowLeft, IconFileTypePdf } from '@tabler/icons-react';
import type { PublicResults } from '../../../contracts/results.js';
import { api } from '../../api/client.js';
import { AdminPage } from '../../components/AdminPage.js';
import { AdminQueryState } from '../../components/AdminQueryState.js';
import { formatAt } from '../../components/AdminTime.js';
import { useLang } from '../../i18n/index.js';

/** /kompetisi/:id/hasil: the published results per group, the decree and the award ceremony (public). */
export function ResultsPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const view = useQuery({
    queryKey: ['results', id],
    queryFn: () => api<PublicResults>('GET', `/competitions/${id}/results`),
  });
  const d = view.data;
  const total = d?.groups.reduce((n, g) => n + g.entries.length, 0) ?? 0;
  const awarded = d?.groups.reduce((n, g) => n + g.entries.filter((e) => e.award).length, 0) ?? 0;
  return (
    <AdminPage>
      <Anchor component={Link} to={`/kompetisi/${id}`} size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t('publication.public.back')}
        </Group>
      </Anchor>
      <AdminQueryState isLoading={view.isLoading} error={view.error} onRetry={() => view.refetch()}>
        {d && (
          <>
            <Title order={1}>{t('results.public.title', { name: d.competition.name })}</Title>
            <Paper withBorder p="md">
              <Stack gap={6}>
                <Text size="sm">
                  <strong>{t('results.public.decree')}:</strong> {d.decreeNumber}
                </Text>
                <Text size="sm">
                  <strong>{t('results.public.date')}:</strong>{' '}
                  {formatAt(d.publishedAt, d.competition.timeZone, lang)}
                </Text>
                <Text size="sm">{t('results.public.awarded', { count: awarded, total })}</Text>
                {d.ceremony && (
                  <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                    <strong>{t('results.public.ceremony')}:</strong>{' '}
                    {formatAt(d.ceremony.startsAt, d.competition.timeZone, lang)}, {d.ceremony.place}
                    {pick({ id: d.ceremony.notesId, en: d.ceremony.notesEn }) &&
                      `\n${pick({ id: d.ceremony.notesId, en: d.ceremony.notesEn })}`}
                  </Text>
                )}
                <Group>
                  <Button
                    component="a"
                    href={`/api/competitions/${id}/announcements/final_results/pdf`}
                    variant="default"
                    h="auto"
                    py={8}
                    styles={{ label: { whiteSpace: 'normal' } }}
                    leftSection={<IconFileTypePdf size={16} aria-hidden />}
                  >
                    {t('results.public.pdf')}
                  </Button>
                  <Anchor component={Link} to={`/galeri?competitionId=${id}`} fw={600}>
                    {t('gallery.resultsLink')}
                  </Anchor>
                </Group>
              </Stack>
            </Paper>
            {d.groups.map((g) => (
              <section key={g.key} aria-labelledby={`results-${g.key}`}>
                <Title order={2} size="h3" id={`results-${g.key}`} mb="xs">
                  {pick({ id: g.nameId, en: g.nameEn })}
                </Title>
                <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                  {g.entries.map((e) => (
                    <Paper withBorder p="sm" component="li" key={e.proposalId}>
                      <Group justify="space-between" align="flex-start" gap="xs">
                        <div style={{ minWidth: 0, flex: '1 1 16rem' }}>
                          <Text size="xs" c="dark.6">
                            {e.code}
                          </Text>
                          {e.gallerySlug ? (
                            <Anchor component={Link} to={`/galeri/${e.gallerySlug}`} fw={600}>
                              {e.title}
                            </Anchor>
                          ) : (
                            <Text fw={600}>{e.title}</Text>
                          )}
                          <Text size="sm" c="dark.6">
                            {e.institution}
                          </Text>
                        </div>
                        {e.award ? (
                          <Badge
                            color="teal.9"
                            variant="filled"
                            radius="sm"
                            h="auto"
                            py={4}
                            style={{ textTransform: 'none', whiteSpace: 'normal' }}
                          >
                            {pick({ id: e.award.labelId, en: e.award.labelEn })}
                          </Badge>
                        ) : (
                          <Text size="sm">{t('results.public.finalist')}</Text>
                        )}
                      </Group>
                    </Paper>
                  ))}
                </Stack>
              </section>
            ))}
          </>
        )}
      </AdminQueryState>
    </AdminPage>
  );
}
