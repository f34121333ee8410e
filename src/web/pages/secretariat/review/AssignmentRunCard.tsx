import { useState } from 'react';
import { Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.js';
import { useLang } from '../../../i18n/index.js';
import { apiErrorMessages } from '../../../components/forms.js';
import { AdminConfirmDialog } from '../../../components/AdminFormDialog.js';
import { AdminNotice } from '../../../components/AdminPage.js';
import type { RunAssignmentResult, StageAssignmentSummary } from '../../../../contracts/assignments.js';

/** Runs the optimal assignment after a confirmation that says what it does, then shows what it did or why not. */
export function AssignmentRunCard({
  summary,
  onDone,
}: {
  summary: StageAssignmentSummary;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<RunAssignmentResult | null>(null);
  const base = `/competitions/${summary.competition.id}/stages/${summary.stage.id}`;
  const run = useMutation({
    mutationFn: () => api<RunAssignmentResult>('POST', `${base}/assignments/run`),
    onSuccess: (r) => {
      setResult(r);
      setConfirming(false);
      onDone();
    },
  });
  const missing = summary.pool.missingPairs;
  // The whole panel on every finalist: the same run, in the panel's words.
  const k = (key: string) =>
    summary.stage.mode === 'whole_panel'
      ? `assignments.panel${key.charAt(0).toUpperCase()}${key.slice(1)}`
      : `assignments.${key}`;
  return (
    <Card withBorder component="section" aria-labelledby="run-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="run-title">
          {t(k('runTitle'))}
        </Title>
        <Text size="sm">{missing ? t(k('runText'), { missing }) : t(k('runNothing'))}</Text>
        {result && (
          <AdminNotice
            tone={result.ok ? 'success' : 'danger'}
            role="status"
            title={result.ok ? undefined : t('assignments.runFailed')}
          >
            <Stack gap={4}>
              <Text size="sm">{pick(result.message)}</Text>
              {result.unserved.length > 0 && (
                <List size="sm" aria-label={t('assignments.unservedCaption')}>
                  {result.unserved.map((u) => (
                    <List.Item key={u.proposalId}>
                      <b>{u.code}</b> {u.title}: {pick(u.message)}
                    </List.Item>
                  ))}
                </List>
              )}
              {result.leftOut.length > 0 && (
                <Text size="sm">
                  {t('assignments.leftOut', { names: result.leftOut.map((m) => m.name).join(', ') })}
                </Text>
              )}
            </Stack>
          </AdminNotice>
        )}
        <Group>
          <Button onClick={() => setConfirming(true)} disabled={!summary.abilities.run || missing === 0}>
            {t(k('run'))}
          </Button>
        </Group>
      </Stack>
      {confirming && (
        <AdminConfirmDialog
          title={t(k('runConfirmTitle'))}
          confirmLabel={t(k('run'))}
          pending={run.isPending}
          error={run.error ? apiErrorMessages(run.error, lang).general : null}
          onConfirm={() => run.mutate()}
          onClose={() => setConfirming(false)}
        >
          <Text size="sm">{t(k('runConfirmText'), { missing })}</Text>
        </AdminConfirmDialog>
      )}
    </Card>
  );
}
