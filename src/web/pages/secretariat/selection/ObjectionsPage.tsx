import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Anchor, Badge, Button, Card, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Objection, ObjectionList, PanelObjection } from '../../../../contracts/objections.js';
import { formatInstant } from '../../../../domain/time.js';
import { api } from '../../../api/client.js';
import { AdminNotice, AdminPage } from '../../../components/AdminPage.js';
import { AdminQueryState } from '../../../components/AdminQueryState.js';
import { useLang } from '../../../i18n/index.js';
import { DecideDialog, DismissDialog, ForwardDialog } from './ObjectionDialogs.js';

/** Badge colours dark enough for white text (WCAG AA). */
const COLORS = {
  new: '#1c5d99',
  forwarded: '#5c3d99',
  dismissed: '#495057',
  upheld: '#1e6b32',
  rejected: '#a61e2d',
} as const;

/** The finalist's proposal, read-only, loaded when the panel opens it. */
function ProposalText({ id }: { id: number }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const q = useQuery({
    queryKey: ['objection', id],
    queryFn: () => api<PanelObjection>('GET', `/objections/${id}`),
  });
  return (
    <AdminQueryState isLoading={q.isLoading} error={q.error} onRetry={() => q.refetch()}>
      {q.data && (
        <Paper withBorder p="sm" radius="sm" bg="gray.0">
          <Stack gap="xs">
            <Text fw={700}>{t('objections.work.proposal')}</Text>
            <Text size="sm">
              {q.data.proposal.code} · {q.data.proposal.title} · {q.data.proposal.unit},{' '}
              {q.data.proposal.institution}
            </Text>
            {q.data.proposal.sections.map((s, i) => (
              <div key={i}>
                <Text size="sm" fw={600}>
                  {lang === 'id' ? s.label : s.labelEn}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {s.text}
                </Text>
              </div>
            ))}
          </Stack>
        </Paper>
      )}
    </AdminQueryState>
  );
}

function ObjectionCard({
  o,
  timeZone,
  onForward,
  onDismiss,
  onDecide,
}: {
  o: Objection;
  timeZone: string;
  onForward: () => void;
  onDismiss: () => void;
  onDecide: () => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [open, setOpen] = useState(false);
  return (
    <Card withBorder radius="md" p={{ base: 'sm', sm: 'md' }} data-testid={`objection-${o.id}`}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4">
            {o.number}
          </Title>
          <Badge color={COLORS[o.status]} variant="filled" radius="sm" style={{ textTransform: 'none' }}>
            {t(`objections.statusLabel.${o.status}`)}
          </Badge>
        </Group>
        <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
          {o.finalist.code} · {o.finalist.title} · {o.finalist.institution}
        </Text>
        <Text size="sm" c="dark.6" style={{ overflowWrap: 'anywhere' }}>
          {t('objections.work.filedBy', { name: o.name })}
          {o.email ? ` · ${o.email}` : ''}
          {o.phone ? ` · ${o.phone}` : ''} · {formatInstant(o.createdAt, timeZone, lang)}
        </Text>
        <Text size="sm" fw={600}>
          {t('objections.work.grounds')}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {o.grounds}
        </Text>
        {o.evidence ? (
          <Anchor href={`/api/objections/${o.id}/evidence`} size="sm">
            {t('objections.work.evidence', { name: o.evidence.name })}
          </Anchor>
        ) : (
          <Text size="sm" c="dark.6">
            {t('objections.work.noEvidence')}
          </Text>
        )}
        {o.triageNote && (
          <Text size="sm">
            <Text span fw={600}>
              {t('objections.work.triageNote')}:
            </Text>{' '}
            {o.dismissReason ? `${t(`objections.dismissReason.${o.dismissReason}`)}. ` : ''}
            {o.duplicateOf ? `${t('objections.work.duplicateOf', { number: o.duplicateOf.number })}. ` : ''}
            {o.triageNote}
          </Text>
        )}
        {o.decisionReason && (
          <Text size="sm">
            <Text span fw={600}>
              {t('objections.work.decision')}:
            </Text>{' '}
            {o.decisionReason}
            {o.decidedBy ? ` (${o.decidedBy.name}, ${formatInstant(o.decidedAt!, timeZone, lang)})` : ''}
          </Text>
        )}
        {open && <ProposalText id={o.id} />}
        <Group gap="xs">
          {o.abilities.triage && (
            <>
              <Button size="xs" onClick={onForward}>
                {t('objections.work.forward')}
              </Button>
              <Button size="xs" variant="outline" color="red.9" onClick={onDismiss}>
                {t('objections.work.dismiss')}
              </Button>
            </>
          )}
          {o.abilities.decide && (
            <Button size="xs" onClick={onDecide}>
              {t('objections.work.decide')}
            </Button>
          )}
          <Button size="xs" variant="default" onClick={() => setOpen((v) => !v)} aria-expanded={open}>
            {open ? t('objections.work.hideProposal') : t('objections.work.showProposal')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function Readiness({ data }: { data: ObjectionList }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const r = data.readiness;
  return (
    <AdminNotice tone={r.ready ? 'success' : 'info'} title={t('objections.work.readinessTitle')}>
      <Stack gap={4}>
        <Text size="sm">{t('objections.work.counts', r.counts)}</Text>
        <Text size="sm">{t('objections.work.finalistsNow', { count: data.finalists.length })}</Text>
        {r.ready && (
          <Text size="sm" fw={600}>
            {t('objections.work.ready')}
          </Text>
        )}
        {r.blockers.includes('window_not_closed') && (
          <Text size="sm">
            {t('objections.work.notReadyWindow', {
              closes: data.window.closesAt
                ? formatInstant(data.window.closesAt, data.window.timeZone, lang)
                : '—',
            })}
          </Text>
        )}
        {r.blockers.includes('objections_pending') && (
          <Text size="sm">{t('objections.work.notReadyPending', { count: r.pending })}</Text>
        )}
      </Stack>
    </AdminNotice>
  );
}

type Filter = 'all' | 'new' | 'forwarded' | 'dismissed' | 'decided';

/**
 * The uji publik's work for the organizer's secretariat (triage: forward or dismiss) and for the
 * competition's panel (decide what was forwarded): one page, what each may do comes from `abilities`.
 */
export function ObjectionsPage({ panel = false }: { panel?: boolean }) {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const qc = useQueryClient();
  const [filter, setFilter] = useState<Filter>(panel ? 'forwarded' : 'new');
  const [finalist, setFinalist] = useState<string | null>(null);
  const query = new URLSearchParams();
  if (filter === 'decided') query.set('group', 'decided');
  else if (filter !== 'all') query.set('status', filter);
  if (finalist) query.set('proposalId', finalist);
  const q = useQuery({
    queryKey: ['objections', id, filter, finalist],
    queryFn: () => api<ObjectionList>('GET', `/competitions/${id}/objections?${query.toString()}`),
  });
  const [dialog, setDialog] = useState<{ kind: 'forward' | 'dismiss' | 'decide'; o: Objection } | null>(null);
  const refresh = () => void qc.invalidateQueries({ queryKey: ['objections', id] });
  const data = q.data;
  const filters: Filter[] = panel
    ? ['forwarded', 'decided', 'all']
    : ['new', 'forwarded', 'dismissed', 'decided', 'all'];
  return (
    <AdminPage gap="lg">
      <div>
        {!panel && (
          <Anchor component={Link} to={`/sekretariat/kompetisi/${id}`} size="sm">
            ← {t('objections.work.back')}
          </Anchor>
        )}
        <Title order={1} mt={4}>
          {panel ? t('objections.work.panelTitle') : t('objections.work.title')}
        </Title>
        {data && (
          <Text fw={600} c="dark.7">
            {data.competition.name}
          </Text>
        )}
        <Text c="dark.6" size="sm" maw={760}>
          {panel ? t('objections.work.panelIntro') : t('objections.work.intro')}
        </Text>
        {!panel && (
          <Anchor component={Link} to={`/kompetisi/${id}/uji-publik`} size="sm">
            {t('objections.work.publicForm')}
          </Anchor>
        )}
      </div>
      {data && !panel && <Readiness data={data} />}
      <Group gap="sm" align="flex-end">
        <Select
          label={t('objections.work.filter')}
          allowDeselect={false}
          w={240}
          data={filters.map((f) => ({
            value: f,
            label:
              f === 'all'
                ? t('objections.work.filterAll')
                : f === 'decided'
                  ? t('objections.work.filterDecided')
                  : t(`objections.statusLabel.${f}`),
          }))}
          value={filter}
          onChange={(v) => v && setFilter(v as Filter)}
        />
        <Select
          label={t('objections.work.filterFinalist')}
          placeholder={t('objections.work.allFinalists')}
          clearable
          searchable
          w={320}
          data={(data?.finalists ?? []).map((f) => ({
            value: String(f.proposalId),
            label: `${f.code} · ${f.title}`,
          }))}
          value={finalist}
          onChange={setFinalist}
        />
      </Group>
      <AdminQueryState isLoading={q.isLoading} error={q.error} onRetry={() => q.refetch()}>
        {data && data.items.length === 0 && <Text c="dark.6">{t('objections.work.empty')}</Text>}
        {data && (
          <Stack gap="sm">
            {data.items.map((o) => (
              <ObjectionCard
                key={o.id}
                o={o}
                timeZone={data.window.timeZone}
                onForward={() => setDialog({ kind: 'forward', o })}
                onDismiss={() => setDialog({ kind: 'dismiss', o })}
                onDecide={() => setDialog({ kind: 'decide', o })}
              />
            ))}
          </Stack>
        )}
      </AdminQueryState>
      {dialog?.kind === 'forward' && (
        <ForwardDialog objection={dialog.o} onClose={() => setDialog(null)} onDone={refresh} />
      )}
      {dialog?.kind === 'dismiss' && data && (
        <DismissDialog
          objection={dialog.o}
          others={data.items}
          onClose={() => setDialog(null)}
          onDone={refresh}
        />
      )}
      {dialog?.kind === 'decide' && (
        <DecideDialog objection={dialog.o} onClose={() => setDialog(null)} onDone={refresh} />
      )}
    </AdminPage>
  );
}

/** The panel's route: the same page, opened on what awaits its decision. */
export function PanelObjectionsPage() {
  return <ObjectionsPage panel />;
}
