import { useState } from 'react';
import { Link } from 'react-router';
import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ReplicationList, ReplicationRequestView } from '../../../contracts/replication.js';
import { api } from '../../api/client.js';
import { AdminPage } from '../../components/AdminPage.js';
import { AdminQueryState } from '../../components/AdminQueryState.js';
import { AdminStatusBadge } from '../../components/AdminStatusBadge.js';
import { formatAt } from '../../components/AdminTime.js';
import { useLang } from '../../i18n/index.js';
import { AcceptDialog, DeclineDialog, WithdrawDialog } from './ReplicationAnswerDialogs.js';

const ZONE = 'Asia/Jakarta';
const TONE = {
  requested: 'pending',
  accepted: 'approved',
  declined: 'rejected',
  withdrawn: 'inactive',
} as const;

type Open = { kind: 'accept' | 'decline' | 'withdraw'; request: ReplicationRequestView } | null;

const contactLine = (c: { name: string; email: string; phone: string | null }) =>
  [c.name, c.email, c.phone].filter(Boolean).join(' · ');

function RequestCard({ r, onOpen }: { r: ReplicationRequestView; onOpen: (o: Open) => void }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const at = (iso: string) => formatAt(iso, ZONE, lang);
  const headingId = `replication-${r.id}`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Title order={3} size="h5" id={headingId} style={{ overflowWrap: 'anywhere' }}>
            {r.innovation.slug ? (
              <Anchor component={Link} to={`/galeri/${r.innovation.slug}`} inherit>
                {r.innovation.title}
              </Anchor>
            ) : (
              r.innovation.title
            )}
          </Title>
          <AdminStatusBadge status={TONE[r.state]} label={t(`replication.state.${r.state}`)} />
        </Group>
        <Text size="sm">
          {r.direction === 'received'
            ? `${t('replication.page.from')}: ${r.requestingInstitution.name}${r.requestingInstitution.province ? ` · ${r.requestingInstitution.province.name}` : ''}`
            : `${t('replication.page.to')}: ${r.ownerInstitution.name}`}
        </Text>
        <Text size="xs" c="dark.6">
          {r.innovation.competition} ·{' '}
          {t('replication.page.requestedBy', { name: r.requestedBy, at: at(r.createdAt) })}
        </Text>
        <Text size="sm">
          <b>{t('replication.page.message')}:</b> {r.message}
        </Text>
        {r.direction === 'received' && (
          <Text size="sm">
            <b>{t('replication.page.contact')}:</b> {contactLine(r.contact)}
          </Text>
        )}
        {r.ownerContact ? (
          <Paper bg="green.0" p="xs" radius="sm">
            <Text size="sm">
              <b>
                {t(
                  r.direction === 'sent' ? 'replication.page.ownerContact' : 'replication.page.sharedContact',
                )}
                :
              </b>{' '}
              {contactLine(r.ownerContact)}
            </Text>
          </Paper>
        ) : (
          r.direction === 'sent' &&
          r.state === 'requested' && (
            <Text size="xs" c="dark.6">
              {t('replication.page.ownerContactPending')}
            </Text>
          )
        )}
        {r.answerMessage && (
          <Text size="sm">
            <b>{t('replication.page.answer')}:</b> {r.answerMessage}
          </Text>
        )}
        {r.answeredAt && (
          <Text size="xs" c="dark.6">
            {r.state === 'withdrawn'
              ? t('replication.page.withdrawnAt', { at: at(r.answeredAt) })
              : t('replication.page.answeredAt', { name: r.answeredBy ?? '', at: at(r.answeredAt) })}
          </Text>
        )}
        {(r.abilities.accept || r.abilities.decline || r.abilities.withdraw) && (
          <Group gap="sm" mt={4}>
            {r.abilities.accept && (
              <Button size="sm" onClick={() => onOpen({ kind: 'accept', request: r })}>
                {t('replication.page.accept')}
              </Button>
            )}
            {r.abilities.decline && (
              <Button size="sm" variant="default" onClick={() => onOpen({ kind: 'decline', request: r })}>
                {t('replication.page.decline')}
              </Button>
            )}
            {r.abilities.withdraw && (
              <Button size="sm" variant="default" onClick={() => onOpen({ kind: 'withdraw', request: r })}>
                {t('replication.page.withdraw')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * /instansi/replikasi (issue 14 point 3): the replication requests the caller's institution received
 * (accept, sharing its contact, or decline with a reason) and sent (their state, the owner's contact once
 * accepted, withdraw), as cards that read on a phone.
 */
export function ReplicationRequestsPage() {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open>(null);
  const view = useQuery({
    queryKey: ['replication-requests'],
    queryFn: () => api<ReplicationList>('GET', '/replication-requests'),
  });
  const d = view.data;
  const list = (rows: ReplicationRequestView[], empty: string) =>
    rows.length === 0 ? (
      <Text c="dark.6">{empty}</Text>
    ) : (
      <Stack gap="sm">
        {rows.map((r) => (
          <RequestCard key={r.id} r={r} onOpen={setOpen} />
        ))}
      </Stack>
    );
  const dialog = open && {
    request: open.request,
    onClose: () => setOpen(null),
    onDone: () => void view.refetch(),
  };
  return (
    <AdminPage>
      <div>
        <Title order={1}>{t('replication.page.title')}</Title>
        {d && (
          <Text c="dark.6">
            {t('replication.page.intro', { institutions: d.institutions.map((i) => i.name).join(', ') })}
          </Text>
        )}
      </div>
      <AdminQueryState isLoading={view.isLoading} error={view.error} onRetry={() => view.refetch()}>
        {d && (
          <>
            <section aria-labelledby="replication-received">
              <Title order={2} size="h3" id="replication-received" mb="xs">
                {t('replication.page.received')}
              </Title>
              {list(d.received, t('replication.page.emptyReceived'))}
            </section>
            <section aria-labelledby="replication-sent">
              <Title order={2} size="h3" id="replication-sent" mb="xs">
                {t('replication.page.sent')}
              </Title>
              {list(d.sent, t('replication.page.emptySent'))}
              <Anchor component={Link} to="/galeri" size="sm" mt="xs" display="inline-block">
                {t('replication.page.toGallery')}
              </Anchor>
            </section>
          </>
        )}
      </AdminQueryState>
      {dialog && open?.kind === 'accept' && <AcceptDialog {...dialog} />}
      {dialog && open?.kind === 'decline' && <DeclineDialog {...dialog} />}
      {dialog && open?.kind === 'withdraw' && <WithdrawDialog {...dialog} />}
    </AdminPage>
  );
}
