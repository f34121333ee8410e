import { useState } from 'react';
import {
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.js';
import { useLang } from '../../../i18n/index.js';
import { apiErrorMessages } from '../../../components/forms.js';
import { AdminConfirmDialog } from '../../../components/AdminFormDialog.js';
import { AdminNotice } from '../../../components/AdminPage.js';
import type { AssignmentItem, StageAssignmentSummary } from '../../../../contracts/assignments.js';

/** One pair by hand: the proposal by its code, a reviewer of the team; refusals (conflict, capacity) shown. */
export function AddAssignmentCard({
  summary,
  onDone,
}: {
  summary: StageAssignmentSummary;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [code, setCode] = useState('');
  const [reviewerId, setReviewerId] = useState<string | null>(null);
  const [overCapacity, setOverCapacity] = useState(false);
  const add = useMutation({
    mutationFn: () =>
      api('POST', `/competitions/${summary.competition.id}/stages/${summary.stage.id}/assignments`, {
        proposalCode: code.trim(),
        reviewerId: Number(reviewerId),
        overCapacity,
      }),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('assignments.added') });
      setCode('');
      setOverCapacity(false);
      onDone();
    },
  });
  const err = add.error ? apiErrorMessages(add.error, lang) : null;
  return (
    <Card withBorder component="section" aria-labelledby="add-title">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate();
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h3" id="add-title">
            {t('assignments.addTitle')}
          </Title>
          {err && (
            <AdminNotice tone="danger" role="alert">
              {err.general}
            </AdminNotice>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('assignments.proposalCode')}
              placeholder={t('assignments.proposalCodeHint')}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              required
              error={err?.fields.proposalCode ?? err?.fields.proposalId}
            />
            <Select
              label={t('assignments.reviewer')}
              data={summary.reviewers
                .filter((r) => r.profileComplete)
                .map((r) => ({ value: String(r.id), label: `${r.name} (${r.load})` }))}
              value={reviewerId}
              onChange={setReviewerId}
              searchable
              required
              error={err?.fields.reviewerId}
              comboboxProps={{ withinPortal: true }}
            />
          </SimpleGrid>
          <Checkbox
            label={t('assignments.overCapacity')}
            checked={overCapacity}
            onChange={(e) => setOverCapacity(e.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button
              type="submit"
              loading={add.isPending}
              disabled={!code.trim() || !reviewerId || !summary.abilities.edit}
            >
              {t('assignments.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** Withdraws one pair after a confirmation that says it is final; for a conflict, a replacement is assigned. */
export function WithdrawDialog({
  summary,
  item,
  onClose,
  onDone,
}: {
  summary: StageAssignmentSummary;
  item: AssignmentItem;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const [reason, setReason] = useState('');
  const [conflict, setConflict] = useState(false);
  const withdraw = useMutation({
    mutationFn: () =>
      api<{ message: { id: string; en: string } }>(
        'POST',
        `/competitions/${summary.competition.id}/stages/${summary.stage.id}/assignments/${item.id}/withdraw`,
        { reason, conflict },
      ),
    onSuccess: (r) => {
      notifications.show({ color: 'green', message: pick(r.message) });
      onDone();
      onClose();
    },
  });
  const err = withdraw.error ? apiErrorMessages(withdraw.error, lang) : null;
  return (
    <AdminConfirmDialog
      title={t('assignments.withdrawTitle', { code: item.proposal.code, name: item.reviewer.name })}
      confirmLabel={t('assignments.withdraw')}
      danger
      pending={withdraw.isPending}
      error={err && !err.fields.reason ? err.general : null}
      onConfirm={() => withdraw.mutate()}
      onClose={onClose}
    >
      <Text size="sm">{t('assignments.withdrawText')}</Text>
      <Textarea
        label={t('assignments.reason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        required
        autosize
        minRows={2}
        maxLength={1000}
        error={err?.fields.reason}
      />
      <Checkbox
        label={t('assignments.conflictFound')}
        checked={conflict}
        onChange={(e) => setConflict(e.currentTarget.checked)}
      />
    </AdminConfirmDialog>
  );
}
