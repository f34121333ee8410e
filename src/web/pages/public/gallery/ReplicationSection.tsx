import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ReplicationAbilities, ReplicationGraph } from '../../../../contracts/replication.js';
import { api } from '../../../api/client.js';
import { useMe } from '../../../api/session.js';
import { formatAt } from '../../../components/AdminTime.js';
import { useLang } from '../../../i18n/index.js';
import { ReplicationRequestDialog } from './ReplicationRequestDialog.js';

const ZONE = 'Asia/Jakarta';

type Node = NonNullable<ReplicationGraph['source']>;

const NodeLink = ({ node }: { node: Node }) => (
  <>
    <Anchor component={Link} to={`/galeri/${node.slug}`} fw={600}>
      {node.title}
    </Anchor>{' '}
    <Text span size="sm" c="dark.6">
      · {node.institution} ({node.year})
    </Text>
  </>
);

/**
 * The "Replikasi" section of an innovation's page (issue 14 point 3): the path source → this innovation →
 * who replicated it, as a nested list of links, the counts, and asking to replicate it: a button for whoever
 * may ask (the API's abilities), a sign-in link that returns here when signed out, nothing for the owner.
 */
export function ReplicationSection({ slug, owner }: { slug: string; owner: string }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const location = useLocation();
  const qc = useQueryClient();
  const [asking, setAsking] = useState(false);
  const graph = useQuery({
    queryKey: ['replication-graph', slug],
    queryFn: () => api<ReplicationGraph>('GET', `/public/gallery/${encodeURIComponent(slug)}/replication`),
  });
  // Asked again for whoever is signed in now (signing in on the way back changes the answer).
  const me = useMe().data;
  const abilities = useQuery({
    queryKey: ['replication-abilities', slug, me?.id ?? null],
    queryFn: () =>
      api<ReplicationAbilities>('GET', `/gallery/${encodeURIComponent(slug)}/replication-abilities`),
  });
  const g = graph.data;
  const a = abilities.data;
  const next = encodeURIComponent(location.pathname);
  return (
    <section aria-labelledby="replication-title">
      <Title order={2} size="h3" id="replication-title" mb="xs">
        {t('replication.section.title')}
      </Title>
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Text size="sm" c="dark.6">
            {t('replication.section.intro')}
          </Text>
          {g && (
            <>
              <Text fw={600} role="status">
                {g.counts.replications > 0
                  ? t('replication.section.counts', {
                      count: g.counts.replications,
                      institutions: g.counts.institutions,
                      regions: g.counts.regions,
                    })
                  : t('replication.section.none')}
              </Text>
              <ol
                aria-label={t('replication.section.graphLabel')}
                style={{ margin: 0, paddingInlineStart: 20 }}
              >
                <li>
                  <Text span size="sm" fw={700}>
                    {t('replication.section.source')}:{' '}
                  </Text>
                  {g.source ? (
                    <NodeLink node={g.source} />
                  ) : (
                    <Text span size="sm">
                      {t('replication.section.noSource')}
                    </Text>
                  )}
                </li>
                <li aria-current="page">
                  <Text span size="sm" fw={700}>
                    {t('replication.section.self')}:{' '}
                  </Text>
                  <Text span fw={600}>
                    {g.innovation.title}
                  </Text>{' '}
                  <Text span size="sm" c="dark.6">
                    · {g.innovation.institution} ({g.innovation.year})
                  </Text>
                </li>
                <li>
                  <Text span size="sm" fw={700}>
                    {t('replication.section.replicatedBy')}:
                  </Text>
                  {g.replications.length === 0 ? (
                    <Text size="sm">{t('replication.section.noneYet')}</Text>
                  ) : (
                    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                      {g.replications.map((r, i) => (
                        <li key={`${r.kind}-${i}`}>
                          {r.innovation ? (
                            <NodeLink node={r.innovation} />
                          ) : (
                            <Text span fw={600}>
                              {r.institution}
                            </Text>
                          )}
                          <Text span size="sm" c="dark.6">
                            {r.province ? ` · ${r.province.name}` : ''} ·{' '}
                            {r.kind === 'request'
                              ? t('replication.section.viaRequest', { at: formatAt(r.at, ZONE, lang) })
                              : t('replication.section.viaProposal', {
                                  year: r.innovation?.year ?? r.at.slice(0, 4),
                                })}
                          </Text>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              </ol>
            </>
          )}
          {a && !a.signedIn && (
            <Anchor component={Link} to={`/masuk?next=${next}`} fw={600}>
              {t('replication.section.signIn')}
            </Anchor>
          )}
          {a && a.signedIn && !a.owner && a.latest?.state === 'requested' && (
            <Text size="sm">{t('replication.section.pending')}</Text>
          )}
          {a && a.signedIn && !a.owner && a.latest?.state === 'accepted' && (
            <Text size="sm">{t('replication.section.accepted')}</Text>
          )}
          {a && a.signedIn && !a.owner && a.latest && (
            <Anchor component={Link} to="/instansi/replikasi" size="sm">
              {t('replication.section.seeRequests')}
            </Anchor>
          )}
          {a?.request && a.latest?.state !== 'accepted' && (
            <Group>
              <Button onClick={() => setAsking(true)}>{t('replication.section.ask')}</Button>
            </Group>
          )}
        </Stack>
      </Paper>
      {asking && a && (
        <ReplicationRequestDialog
          slug={slug}
          owner={owner}
          abilities={a}
          onClose={() => setAsking(false)}
          onDone={() => void qc.invalidateQueries({ queryKey: ['replication-abilities', slug] })}
        />
      )}
    </section>
  );
}
