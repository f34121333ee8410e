import { Badge, Card, Group, Image, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { FieldVisitDetail } from '../../../../contracts/field-verification.js';
import { api } from '../../../api/client.js';
import { AdminDialog } from '../../../components/AdminFormDialog.js';
import { AdminQueryState } from '../../../components/AdminQueryState.js';
import { formatAt } from '../../../components/AdminTime.js';
import { useLang } from '../../../i18n/index.js';

// Dark enough for white text (AA) in the dialog.
const FINDING_COLOR = { confirmed: 'teal.9', partly: '#9a3d00', not_found: '#a51d1d' } as const;

/**
 * A submitted report, read-only: each claim with what was found (confirmed / partly / not found) and the
 * note, the photos (thumbnails from /api/field-photos/:id) with capture time and place, the recommendation
 * and the summary.
 */
export function VisitReportDialog({
  visitId,
  code,
  onClose,
}: {
  visitId: number;
  code: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const q = useQuery({
    queryKey: ['field', 'visit', visitId],
    queryFn: () => api<FieldVisitDetail>('GET', `/field-visits/${visitId}`),
  });
  const d = q.data;
  const claimName = (key: string | null) => {
    const c = d?.claims.find((x) => x.key === key);
    return c ? pick(c.label) : null;
  };
  return (
    <AdminDialog title={t('field.plan.reportTitle', { code })} onClose={onClose} size="xl">
      <AdminQueryState isLoading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
        {d && (
          <Stack gap="md">
            <Text size="sm">
              {t('field.when')}: {formatAt(d.startsAt, d.timeZone, lang)} · {t('field.where')}: {d.address}
            </Text>
            <Text size="sm">
              {t('field.verifiers')}: {d.verifiers.map((v) => v.name).join(', ')}
            </Text>
            {d.submittedAt && (
              <Text size="sm">
                {t('field.plan.submittedAt', { at: formatAt(d.submittedAt, d.timeZone, lang) })}
              </Text>
            )}
            <section aria-labelledby="report-checklist">
              <Title order={3} size="h4" id="report-checklist" mb="xs">
                {t('field.checklist')}
              </Title>
              <Stack gap="xs">
                {d.claims.map((c) => (
                  <Card key={c.key} withBorder padding="sm" component="article" aria-label={pick(c.label)}>
                    <Group justify="space-between" align="flex-start" gap="xs">
                      <Text fw={600} size="sm">
                        {pick(c.label)}
                      </Text>
                      {c.finding?.status ? (
                        <Badge
                          color={FINDING_COLOR[c.finding.status]}
                          variant="filled"
                          style={{ textTransform: 'none' }}
                        >
                          {t(`field.finding.${c.finding.status}`)}
                        </Badge>
                      ) : (
                        <Badge color="dark" variant="outline" style={{ textTransform: 'none' }}>
                          {t('field.plan.notChecked')}
                        </Badge>
                      )}
                    </Group>
                    <Text size="xs" c="dark.6" lineClamp={3}>
                      {c.text}
                    </Text>
                    {c.finding?.note && (
                      <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                        {t('field.note')}: {c.finding.note}
                      </Text>
                    )}
                  </Card>
                ))}
              </Stack>
            </section>
            <section aria-labelledby="report-photos">
              <Title order={3} size="h4" id="report-photos" mb="xs">
                {t('field.photos')}
              </Title>
              {d.photos.length === 0 ? (
                <Text size="sm">{t('field.plan.noPhotos')}</Text>
              ) : (
                <SimpleGrid cols={{ base: 2, sm: 3 }}>
                  {d.photos.map((p, i) => (
                    <Stack key={p.id} gap={2}>
                      <a href={p.url} target="_blank" rel="noopener">
                        <Image
                          src={p.url}
                          alt={`${t('field.plan.photoAlt', { n: i + 1 })}${claimName(p.claimKey) ? ` — ${claimName(p.claimKey)}` : ''}`}
                          h={120}
                          fit="cover"
                          radius="sm"
                        />
                      </a>
                      <Text size="xs">
                        {t('field.takenAt', { at: formatAt(p.takenAt, d.timeZone, lang) })}
                      </Text>
                      <Text size="xs">
                        {p.geoStatus === 'ok' && p.latitude !== null && p.longitude !== null
                          ? t('field.located', {
                              lat: p.latitude.toFixed(5),
                              lng: p.longitude.toFixed(5),
                              acc: Math.round(p.accuracy ?? 0),
                            })
                          : t('field.plan.noPlace')}
                      </Text>
                      {claimName(p.claimKey) && (
                        <Text size="xs" c="dark.6">
                          {claimName(p.claimKey)}
                        </Text>
                      )}
                    </Stack>
                  ))}
                </SimpleGrid>
              )}
            </section>
            <section aria-labelledby="report-recommendation">
              <Title order={3} size="h4" id="report-recommendation" mb="xs">
                {t('field.report')}
              </Title>
              <Text size="sm" fw={700} data-testid="report-recommendation">
                {t('field.recommendation')}: {d.recommendation ? t(`field.rec.${d.recommendation}`) : '—'}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {d.summary}
              </Text>
            </section>
          </Stack>
        )}
      </AdminQueryState>
    </AdminDialog>
  );
}
