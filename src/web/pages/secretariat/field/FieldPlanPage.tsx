import { useState } from 'react';
import { useParams } from 'react-router';
import { Badge, Button, Card, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IconMapPinPlus } from '@tabler/icons-react';
import type { FieldVisit } from '../../../../contracts/field-verification.js';
import { api } from '../../../api/client.js';
import { AdminConfirmDialog } from '../../../components/AdminFormDialog.js';
import { AdminInstant } from '../../../components/AdminInstant.js';
import { AdminNotice, AdminPage } from '../../../components/AdminPage.js';
import { AdminQueryState } from '../../../components/AdminQueryState.js';
import { formatAt } from '../../../components/AdminTime.js';
import { apiErrorMessages } from '../../../components/forms.js';
import { useLang } from '../../../i18n/index.js';
import { VisitFormDialog, type PlanData } from './VisitFormDialog.js';
import { VisitReportDialog } from './VisitReportDialog.js';

interface PlanResponse extends PlanData {
  competition: { id: number; name: string; year: number; timeZone: string };
  stage: { id: number; opensAt: string | null; closesAt: string | null };
  items: FieldVisit[];
}

const STATUS_COLOR = { planned: 'blue.9', submitted: 'teal.9', cancelled: 'gray.8' } as const;

/**
 * /sekretariat/kompetisi/:id/verifikasi-lapangan: the organizer's secretariat plans the field visits (open
 * or closed, verifiers, place, date and hour with the zone) inside the field_verification stage, changes or
 * cancels them (with a confirmation and a reason), and reads each submitted report. Per finalist.
 */
export function FieldPlanPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { lang } = useLang();
  const qc = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const [planning, setPlanning] = useState<{ proposalId?: number } | null>(null);
  const [changing, setChanging] = useState<FieldVisit | null>(null);
  const [cancelling, setCancelling] = useState<FieldVisit | null>(null);
  const [reading, setReading] = useState<FieldVisit | null>(null);
  const [reason, setReason] = useState('');
  const q = useQuery({
    queryKey: ['field', 'plan', id],
    queryFn: () => api<PlanResponse>('GET', `/competitions/${id}/field-visits`),
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['field', 'plan', id] });
  const cancel = useMutation({
    mutationFn: (v: FieldVisit) =>
      api('POST', `/field-visits/${v.id}/cancel`, { version: v.version, reason }),
    onSuccess: (_x, v) => {
      setCancelling(null);
      setReason('');
      setNotice(t('field.plan.cancelled', { code: v.proposal.code }));
      refresh();
    },
  });
  const d = q.data;
  const cancelErr = cancel.error ? apiErrorMessages(cancel.error, lang) : null;
  const zone = d?.competition.timeZone ?? 'Asia/Jakarta';
  return (
    <AdminPage>
      <AdminQueryState isLoading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
        {d && (
          <>
            <div>
              <Title order={1}>{t('field.plan.title')}</Title>
              <Text c="dark.6">
                {d.competition.name} · {t('field.plan.intro')}
              </Text>
            </div>
            <AdminNotice tone="info" data-testid="field-window">
              {d.stage.opensAt || d.stage.closesAt
                ? t('field.plan.window', {
                    opens: formatAt(d.stage.opensAt, zone, lang) || '—',
                    closes: formatAt(d.stage.closesAt, zone, lang) || '—',
                  })
                : t('field.plan.windowUnset')}
            </AdminNotice>
            {notice && (
              <AdminNotice tone="success" withCloseButton onClose={() => setNotice(null)} role="status">
                {notice}
              </AdminNotice>
            )}
            {d.finalists.length === 0 ? (
              <Text>{t('field.plan.noFinalists')}</Text>
            ) : (
              <Group>
                <Button
                  leftSection={<IconMapPinPlus size={16} aria-hidden />}
                  onClick={() => setPlanning({})}
                >
                  {t('field.plan.add')}
                </Button>
              </Group>
            )}
            {d.finalists.map((f) => {
              const visits = d.items.filter((v) => v.proposal.id === f.proposalId);
              const head = `finalist-${f.proposalId}`;
              return (
                <Paper key={f.proposalId} withBorder p="md" component="section" aria-labelledby={head}>
                  <Group justify="space-between" align="flex-start" mb="xs" gap="xs">
                    <div>
                      <Title order={2} size="h3" id={head}>
                        {f.code} — {f.title}
                      </Title>
                      <Text size="sm" c="dark.6">
                        {f.institution}
                      </Text>
                    </div>
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={t('field.plan.addFor', { code: f.code })}
                      onClick={() => setPlanning({ proposalId: f.proposalId })}
                    >
                      {t('field.plan.add')}
                    </Button>
                  </Group>
                  {visits.length === 0 ? (
                    <Text size="sm">{t('field.plan.noVisits')}</Text>
                  ) : (
                    <Stack gap="xs">
                      {visits.map((v) => (
                        <VisitCard
                          key={v.id}
                          v={v}
                          onChange={() => setChanging(v)}
                          onCancel={() => {
                            cancel.reset();
                            setReason('');
                            setCancelling(v);
                          }}
                          onRead={() => setReading(v)}
                        />
                      ))}
                    </Stack>
                  )}
                </Paper>
              );
            })}
            {(planning || changing) && (
              <VisitFormDialog
                plan={d}
                visit={changing ?? undefined}
                proposalId={planning?.proposalId}
                onClose={() => {
                  setPlanning(null);
                  setChanging(null);
                }}
                onSaved={(v) => {
                  setNotice(
                    t(changing ? 'field.plan.changed' : 'field.plan.created', { code: v.proposal.code }),
                  );
                  setPlanning(null);
                  setChanging(null);
                  refresh();
                }}
              />
            )}
            {cancelling && (
              <AdminConfirmDialog
                title={t('field.plan.cancelTitle', { code: cancelling.proposal.code })}
                confirmLabel={t('field.plan.cancelConfirm')}
                danger
                pending={cancel.isPending}
                error={cancelErr && !cancelErr.fields.reason ? cancelErr.general : null}
                onConfirm={() => cancel.mutate(cancelling)}
                onClose={() => setCancelling(null)}
              >
                <Text size="sm">
                  {formatAt(cancelling.startsAt, cancelling.timeZone, lang)} · {cancelling.address}
                </Text>
                <Text size="sm">
                  {cancelling.kind === 'open' ? t('field.plan.cancelOpen') : t('field.plan.cancelClosed')}
                </Text>
                <Textarea
                  label={t('field.plan.cancelReason')}
                  required
                  autosize
                  minRows={2}
                  maxLength={1000}
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                  error={cancelErr?.fields.reason}
                />
                <Text size="sm" fw={700}>
                  {t('field.plan.cancelIrreversible')}
                </Text>
              </AdminConfirmDialog>
            )}
            {reading && (
              <VisitReportDialog
                visitId={reading.id}
                code={reading.proposal.code}
                onClose={() => setReading(null)}
              />
            )}
          </>
        )}
      </AdminQueryState>
    </AdminPage>
  );
}

/** One visit of a finalist: kind and state, when (hour and zone), where, who, the report's counts, its actions. */
function VisitCard({
  v,
  onChange,
  onCancel,
  onRead,
}: {
  v: FieldVisit;
  onChange: () => void;
  onCancel: () => void;
  onRead: () => void;
}) {
  const { t } = useTranslation();
  const label = `${v.proposal.code}, ${t(`field.kind.${v.kind}`)}`;
  return (
    <Card withBorder padding="sm" component="article" aria-label={label} data-testid={`visit-${v.id}`}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 260px' }}>
          <Group gap="xs">
            <Badge
              color={v.kind === 'open' ? 'blue.8' : 'gray.8'}
              variant="filled"
              style={{ textTransform: 'none' }}
            >
              {t(`field.kind.${v.kind}`)}
            </Badge>
            <Badge color={STATUS_COLOR[v.status]} variant="outline" style={{ textTransform: 'none' }}>
              {t(`field.status.${v.status}`)}
            </Badge>
          </Group>
          {v.kind === 'closed' && (
            <Text size="xs" fw={600}>
              {t('field.plan.closedNote')}
            </Text>
          )}
          <AdminInstant iso={v.startsAt} timeZone={v.timeZone} />
          <Text size="sm">
            {t('field.where')}: {v.address}
          </Text>
          <Text size="sm">
            {t('field.verifiers')}: {v.verifiers.map((x) => x.name).join(', ')}
          </Text>
          {v.status === 'submitted' && (
            <Text size="sm">
              {v.recommendation ? t(`field.rec.${v.recommendation}`) : '—'} ·{' '}
              {t('field.plan.counts', v.counts)} · {t('field.plan.photoCount', { count: v.photoCount })}
            </Text>
          )}
          {v.status === 'cancelled' && v.cancelledReason && (
            <Text size="sm" c="dark.6">
              {t('field.plan.cancelledReason', { reason: v.cancelledReason })}
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          {v.status === 'submitted' && (
            <Button
              size="xs"
              onClick={onRead}
              aria-label={`${t('field.plan.readReport')} ${v.proposal.code}`}
            >
              {t('field.plan.readReport')}
            </Button>
          )}
          {v.abilities.change && (
            <>
              <Button
                size="xs"
                variant="default"
                onClick={onChange}
                aria-label={`${t('field.plan.change')} ${label}`}
              >
                {t('field.plan.change')}
              </Button>
              <Button
                size="xs"
                variant="outline"
                color="red.9"
                onClick={onCancel}
                aria-label={`${t('field.plan.cancelVisit')} ${label}`}
              >
                {t('field.plan.cancelVisit')}
              </Button>
            </>
          )}
        </Group>
      </Group>
    </Card>
  );
}
