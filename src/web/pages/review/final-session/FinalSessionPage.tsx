import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Anchor, Badge, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PLENARY_SORTS, type PlenaryResponse } from '../../../../contracts/results.js';
import { api } from '../../../api/client.js';
import { AdminNotice, AdminPage } from '../../../components/AdminPage.js';
import { AdminQueryState } from '../../../components/AdminQueryState.js';
import { formatAt } from '../../../components/AdminTime.js';
import { useLang } from '../../../i18n/index.js';
import { FinalistCard } from './FinalistCard.js';
import { FinalSessionSettings } from './FinalSessionSettings.js';
import { PublishResultsCard } from './PublishResultsCard.js';

/**
 * /panel/kompetisi/:id/sidang (panelists) and /sekretariat/kompetisi/:id/sidang (the secretariat): the
 * plenary per group — each finalist's scores, inputs, notes and decision; how many each award has against
 * its places; what blocks publishing; the settings and the publication for the secretariat.
 */
export function FinalSessionPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const qc = useQueryClient();
  const [sort, setSort] = useState<(typeof PLENARY_SORTS)[number]>('presentation');
  const [notice, setNotice] = useState<string | null>(null);
  const view = useQuery({
    queryKey: ['final-session', id, sort],
    queryFn: () => api<PlenaryResponse>('GET', `/competitions/${id}/final-session?sort=${sort}`),
    placeholderData: keepPreviousData,
  });
  const done = (msg: string) => {
    setNotice(msg);
    void qc.invalidateQueries({ queryKey: ['final-session', id] });
  };
  const d = view.data;
  return (
    <AdminPage>
      <AdminQueryState isLoading={view.isLoading} error={view.error} onRetry={() => view.refetch()}>
        {d && (
          <>
            <div>
              <Title order={1}>{t('results.title')}</Title>
              <Text c="dark.6">
                {d.competition.name} · {t('results.intro')}
              </Text>
            </div>
            {notice && (
              <AdminNotice tone="success" withCloseButton onClose={() => setNotice(null)} role="status">
                {notice}
              </AdminNotice>
            )}
            {d.published && (
              <AdminNotice tone="info">
                <Stack gap={4}>
                  <Text size="sm">
                    {t('results.published', {
                      at: formatAt(d.published.at, d.competition.timeZone, lang),
                      decree: d.published.decreeNumber,
                    })}
                  </Text>
                  <Anchor component={Link} to={`/kompetisi/${d.competition.id}/hasil`} size="sm">
                    {t('results.viewPublic')}
                  </Anchor>
                </Stack>
              </AdminNotice>
            )}
            {!d.published && d.missing.length > 0 && (
              <AdminNotice tone="warning" title={t('results.missingTitle', { count: d.missing.length })}>
                <Stack gap={2}>
                  {d.missing.map((m) => (
                    <Text size="sm" key={m.proposalId}>
                      • {m.code} {m.title}: {m.missing.map((k) => t(`results.missing.${k}`)).join(', ')}
                    </Text>
                  ))}
                </Stack>
              </AdminNotice>
            )}
            <Select
              label={t('results.sort')}
              maw={280}
              allowDeselect={false}
              data={PLENARY_SORTS.map((s) => ({ value: s, label: t(`results.sortBy.${s}`) }))}
              value={sort}
              onChange={(v) => v && setSort(v as typeof sort)}
            />
            {d.groups.map((g) => (
              <Stack gap="sm" key={g.key} component="section" aria-labelledby={`group-${g.key}`}>
                <Paper withBorder p="sm" bg="gray.0">
                  <Title order={2} size="h3" id={`group-${g.key}`}>
                    {pick({ id: g.nameId, en: g.nameEn })}
                  </Title>
                  <Group gap="xs" mt={4}>
                    {g.tallies.map((x) => (
                      <Badge
                        key={x.awardKey}
                        color={x.status === 'over' ? 'red.9' : x.status === 'exact' ? 'teal.9' : 'gray.7'}
                        variant="filled"
                        radius="sm"
                        style={{ textTransform: 'none' }}
                      >
                        {t('results.tally', {
                          label: pick({ id: x.labelId, en: x.labelEn }),
                          awarded: x.awarded,
                          places: x.places,
                        })}
                      </Badge>
                    ))}
                  </Group>
                  {g.tallies
                    .filter((x) => x.warning && (x.status === 'over' || g.finalists.length > 0))
                    .map((x) => (
                      <Text size="sm" key={x.awardKey} c={x.status === 'over' ? 'red.9' : 'dark.6'} mt={4}>
                        {pick(x.warning!)}
                      </Text>
                    ))}
                </Paper>
                {g.finalists.length === 0 && <Text size="sm">{t('results.noFinalists')}</Text>}
                {g.finalists.map((f) => (
                  <FinalistCard
                    key={`${f.proposal.id}:${f.decision?.version ?? 0}`}
                    d={d}
                    f={f}
                    groupKey={g.key}
                    onSaved={done}
                  />
                ))}
              </Stack>
            ))}
            {d.abilities.manage && (
              <FinalSessionSettings key={JSON.stringify(d.settings)} d={d} onSaved={done} />
            )}
            {d.abilities.manage && <PublishResultsCard d={d} onDone={done} />}
          </>
        )}
      </AdminQueryState>
    </AdminPage>
  );
}
