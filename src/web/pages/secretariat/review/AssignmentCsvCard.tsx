import { useState } from 'react';
import { Button, Card, FileInput, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.js';
import { useLang } from '../../../i18n/index.js';
import { apiErrorMessages } from '../../../components/forms.js';
import { AdminDataTable } from '../../../components/AdminDataTable.js';
import { AdminNotice } from '../../../components/AdminPage.js';
import { DownloadButton } from '../../../components/DownloadButton.js';
import type { ImportAssignmentsResult, StageAssignmentSummary } from '../../../../contracts/assignments.js';

/** The stage's pairs out as CSV, and in: a check of every row first, then all or nothing. */
export function AssignmentCsvCard({
  summary,
  onDone,
}: {
  summary: StageAssignmentSummary;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportAssignmentsResult | null>(null);
  const path = `/competitions/${summary.competition.id}/stages/${summary.stage.id}/assignments`;
  const send = useMutation({
    mutationFn: async (apply: boolean) =>
      api<ImportAssignmentsResult>('POST', `${path}/import`, { csv: file ? await file.text() : '', apply }),
    onSuccess: (r) => {
      setPreview(r);
      if (r.applied) {
        notifications.show({ color: 'green', message: pick(r.message) });
        setFile(null);
        onDone();
      }
    },
  });
  const err = send.error ? apiErrorMessages(send.error, lang) : null;
  return (
    <Card withBorder component="section" aria-labelledby="csv-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="csv-title">
          {t('assignments.csvTitle')}
        </Title>
        <Group>
          <DownloadButton
            href={`/api${path}.csv`}
            fallbackName={`penugasan-${summary.stage.kind}.csv`}
            variant="default"
          >
            {t('assignments.download')}
          </DownloadButton>
        </Group>
        <FileInput
          label={t('assignments.importFile')}
          description={t('assignments.importHint')}
          accept=".csv,text/csv"
          value={file}
          onChange={(f) => {
            setFile(f);
            setPreview(null);
          }}
          clearable
          error={err?.fields.file}
        />
        {err && !err.fields.file && (
          <AdminNotice tone="danger" role="alert">
            {err.general}
          </AdminNotice>
        )}
        {preview && !preview.applied && (
          <>
            <AdminNotice tone={preview.invalid ? 'danger' : 'info'} role="status">
              {pick(preview.message)}
            </AdminNotice>
            <AdminDataTable
              rows={preview.rows}
              rowKey={(r) => r.row}
              minWidth={560}
              verticalSpacing="xs"
              columns={[
                { header: t('assignments.row'), cell: (r) => r.row },
                { header: t('assignments.proposalCode'), primary: true, cell: (r) => r.proposalCode },
                { header: t('assignments.reviewer'), cell: (r) => r.reviewerEmail },
                {
                  header: t('assignments.problem'),
                  cell: (r) => (
                    <Text size="sm" c={r.problem ? 'red.9' : 'teal.9'}>
                      {r.problem ? pick(r.problem) : t('assignments.ok')}
                    </Text>
                  ),
                },
              ]}
            />
          </>
        )}
        <Group justify="flex-end">
          <Button
            variant="default"
            onClick={() => send.mutate(false)}
            disabled={!file || !summary.abilities.edit}
            loading={send.isPending && send.variables === false}
          >
            {t('assignments.check')}
          </Button>
          <Button
            onClick={() => send.mutate(true)}
            disabled={
              !file || !preview || preview.invalid > 0 || preview.valid === 0 || !summary.abilities.edit
            }
            loading={send.isPending && send.variables === true}
          >
            {t('assignments.apply', { count: preview?.valid ?? 0 })}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
