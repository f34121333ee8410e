import { useState, type ReactNode } from 'react';
import { Alert, Badge, Button, Card, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.js';
import type { ProposalDetail, ProposalImpact } from '../../../contracts/proposals.js';
import { useLang } from '../../i18n/index.js';
import { apiErrorMessages } from '../forms.js';
import { MissingList, type Missing } from './MissingList.js';
import { ORANGE_TITLE } from './ProposalBits.js';

/** "Are you sure?" with the action's own title. */
export function ConfirmModal({
  title,
  onConfirm,
  onClose,
  loading,
  children,
  confirmLabel,
}: {
  title: string;
  onConfirm: () => void;
  onClose: () => void;
  loading: boolean;
  /** The consequences, in numbers where there are some. */
  children?: ReactNode;
  confirmLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={title} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {children}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('proposals.editor.cancel')}
        </Button>
        <Button onClick={onConfirm} loading={loading} data-autofocus>
          {confirmLabel ?? t('proposals.editor.confirm')}
        </Button>
      </Group>
    </Modal>
  );
}

/** "Kuota terpakai setelah ini: 4/10 Umum": the quota a forward or a withdrawal leaves (from the API). */
function QuotaConsequence({
  impact,
  after,
  group,
}: {
  impact: ProposalImpact | undefined;
  after: 'afterForward' | 'afterWithdraw';
  group: string;
}) {
  const { t } = useTranslation();
  if (!impact)
    return (
      <Text size="sm" mb="sm" aria-live="polite">
        {t('guard.loading')}
      </Text>
    );
  const q = impact.quota;
  return (
    <Text size="sm" fw={700} mb="sm" data-testid="quota-after">
      {q
        ? t(after === 'afterForward' ? 'guard.forward.quotaAfter' : 'guard.withdraw.quotaAfter', {
            after: q[after],
            limit: q.limit,
            group,
          })
        : t('guard.forward.noQuota', { group })}
    </Text>
  );
}

/** The admin lokal's part: return with a note, forward within the group's quota, withdraw. */
export function ReviewCard({
  detail,
  onDone,
}: {
  detail: ProposalDetail;
  onDone: (d: ProposalDetail) => void;
}) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const groupName = { id: detail.group.nameId, en: detail.group.nameEn };
  const [returning, setReturning] = useState(false);
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);
  const [confirmForward, setConfirmForward] = useState(false);
  const [note, setNote] = useState('');
  const impact = useQuery({
    queryKey: ['proposal', detail.id, 'impact'],
    queryFn: () => api<ProposalImpact>('GET', `/proposals/${detail.id}/impact`),
    enabled: confirmForward || confirmWithdraw,
    staleTime: 0,
  });
  const quota = useQuery({
    queryKey: ['proposals', 'list', detail.competition.id, detail.group.key],
    queryFn: () =>
      api<{ quotas: { groupKey: string; used: number; quota: number | null }[] }>(
        'GET',
        `/proposals?competitionId=${detail.competition.id}&groupKey=${encodeURIComponent(detail.group.key)}`,
      ),
    enabled: detail.abilities.forward,
  });
  const q = quota.data?.quotas.find((x) => x.groupKey === detail.group.key);
  const act = useMutation({
    mutationFn: (v: { verb: 'return' | 'forward' | 'withdraw'; body?: unknown }) =>
      api<ProposalDetail>('POST', `/proposals/${detail.id}/${v.verb}`, v.body),
    onSuccess: (d, v) => {
      notifications.show({
        color: 'green',
        message: t(
          v.verb === 'return'
            ? 'proposals.editor.returned'
            : v.verb === 'forward'
              ? 'proposals.editor.forwarded'
              : 'proposals.editor.withdrawn',
        ),
      });
      setReturning(false);
      setConfirmWithdraw(false);
      setConfirmForward(false);
      onDone(d);
    },
  });
  const err = act.error ? apiErrorMessages(act.error, lang) : null;
  const refused =
    act.error instanceof ApiError && Array.isArray(act.error.body.missing)
      ? (act.error.body.missing as Missing)
      : null;
  if (!detail.abilities.return && !detail.abilities.forward && !detail.abilities.withdraw) return null;
  const pending = detail.abilities.forward ? detail.completeness.missing : [];
  const noteShort = note.trim().length < 10;
  return (
    <Card withBorder>
      <Title order={2} size="h3" mb="sm">
        {t('proposals.editor.review')}
      </Title>
      {err && !returning && (
        <Alert role="alert" color="red" mb="sm" title={refused ? err.general : undefined}>
          {refused ? <MissingList missing={refused} /> : err.general}
        </Alert>
      )}
      {!refused && pending.length > 0 && (
        <Alert color="orange" mb="sm" title={t('eligibility.missing.notForwardable')} styles={ORANGE_TITLE}>
          <Text size="sm" mb="xs">
            {t('eligibility.missing.notForwardableIntro')}
          </Text>
          <MissingList missing={pending} />
        </Alert>
      )}
      <Group gap="sm" align="center">
        {detail.abilities.forward && (
          <>
            <Button
              onClick={() => setConfirmForward(true)}
              loading={act.isPending && act.variables?.verb === 'forward'}
            >
              {t('proposals.editor.forward')}
            </Button>
            {q && q.quota !== null && (
              <Badge
                size="lg"
                radius="sm"
                variant="filled"
                color={q.used >= q.quota ? 'red.9' : 'sinovik.8'}
                style={{ textTransform: 'none' }}
              >
                {t('proposals.editor.forwardQuota', { used: q.used, quota: q.quota })}
              </Badge>
            )}
          </>
        )}
        {detail.abilities.return && (
          <Button variant="default" onClick={() => setReturning(true)}>
            {t('proposals.editor.returnAction')}
          </Button>
        )}
        {detail.abilities.withdraw && (
          <Button variant="default" onClick={() => setConfirmWithdraw(true)}>
            {t('proposals.editor.withdraw')}
          </Button>
        )}
      </Group>
      {returning && (
        <Modal
          opened
          onClose={() => setReturning(false)}
          title={t('proposals.editor.returnAction')}
          closeButtonProps={{ 'aria-label': t('common.close') }}
        >
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (!noteShort) act.mutate({ verb: 'return', body: { note } });
            }}
          >
            <Stack>
              {err && (
                <Alert role="alert" color="red">
                  {err.general}
                </Alert>
              )}
              <Textarea
                label={t('proposals.editor.returnNote')}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                error={err?.fields.note}
                autosize
                minRows={4}
                required
                data-autofocus
              />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setReturning(false)}>
                  {t('proposals.editor.cancel')}
                </Button>
                <Button type="submit" disabled={noteShort} loading={act.isPending}>
                  {t('proposals.editor.returnSubmit')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Modal>
      )}
      {confirmForward && (
        <ConfirmModal
          title={t('guard.forward.title')}
          onClose={() => setConfirmForward(false)}
          onConfirm={() => act.mutate({ verb: 'forward' })}
          loading={act.isPending}
          confirmLabel={t('guard.forward.confirm')}
        >
          <QuotaConsequence impact={impact.data} after="afterForward" group={pick(groupName)} />
          <Text size="sm" mb="md">
            {t('guard.forward.locked')}
          </Text>
        </ConfirmModal>
      )}
      {confirmWithdraw && (
        <ConfirmModal
          title={t('proposals.editor.withdrawConfirm')}
          onClose={() => setConfirmWithdraw(false)}
          onConfirm={() => act.mutate({ verb: 'withdraw' })}
          loading={act.isPending}
        >
          <QuotaConsequence impact={impact.data} after="afterWithdraw" group={pick(groupName)} />
          <Text size="sm" mb="md">
            {t('guard.withdraw.effect')}
          </Text>
        </ConfirmModal>
      )}
    </Card>
  );
}
