import { useState, type ReactNode } from 'react';
import {
  Anchor,
  Box,
  Button,
  Card,
  Code,
  FileInput,
  Group,
  List,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IconPlus, IconUpload } from '@tabler/icons-react';
import { ApiError, upload } from '../api/client.js';
import { useLang } from '../i18n/index.js';
import { apiErrorMessages } from './forms.js';
import { AdminDataTable } from './AdminDataTable.js';
import { AdminNotice } from './AdminPage.js';

/** One problem of a refused import, as the server's `error.rows` carries them (row 1 is the header). */
export interface CsvRowProblem {
  row: number;
  field: string;
  code: string;
  message: { id: string; en: string };
}

/** The texts of one panel, already translated by the page (each page keeps its own i18n keys). */
export interface CsvImportTexts {
  title: string;
  intro: string;
  columnsTitle: string;
  downloadTemplate: string;
  file: string;
  fileHint: string;
  rowsBelow: (count: number) => string;
  reportCaption: string;
  row: string;
  field: string;
  message: string;
}

export interface CsvImportAction {
  label: string;
  /** A dry run checks the file and writes nothing: the file stays chosen and nothing is refreshed. */
  dryRun: boolean;
  variant?: 'default' | 'filled';
}

const csvCell = (v: string) => (/[",;\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The template as a data: link, generated here so it always matches the columns the server reads. */
function templateHref(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header.join(','), ...rows.map((r) => r.map(csvCell).join(','))];
  return 'data:text/csv;charset=utf-8,' + encodeURIComponent('\uFEFF' + lines.join('\r\n') + '\r\n');
}

/**
 * A CSV import as a titled section: the columns read (with a template to download), the file, one button
 * per action, upload progress, the outcome (role="status") or the refusal (role="alert"), and a table of
 * the refused rows. The server decides everything; this shows what it answers.
 */
export function CsvImportPanel<R>({
  headingId,
  texts,
  columns,
  columnsNote,
  template,
  actions,
  path,
  success,
  onImported,
}: {
  /** Id of the section's heading, which names the section. */
  headingId: string;
  texts: CsvImportTexts;
  columns: { name: string; help: string }[];
  /** Shown under the column list. */
  columnsNote?: ReactNode;
  template: { header: readonly string[]; rows: readonly (readonly string[])[]; fileName: string };
  actions: CsvImportAction[];
  /** The upload URL for a real import or a dry run. */
  path: (dryRun: boolean) => string;
  /** The outcome shown after a successful request. */
  success: (res: R, dryRun: boolean) => string;
  /** After a real import (not a dry run): refresh what lists the imported rows. */
  onImported: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<{ res: R; dryRun: boolean } | null>(null);
  const [rows, setRows] = useState<CsvRowProblem[]>([]);
  const run = useMutation({
    mutationFn: (dryRun: boolean) => {
      const fd = new FormData();
      fd.append('file', file as File);
      setProgress(0);
      return upload<R>(path(dryRun), fd, setProgress);
    },
    onMutate: () => {
      setResult(null);
      setRows([]);
    },
    onSuccess: async (res, dryRun) => {
      setResult({ res, dryRun });
      if (!dryRun) {
        setFile(null);
        await onImported();
      }
    },
    onError: (err) => {
      if (err instanceof ApiError && Array.isArray(err.body.rows)) setRows(err.body.rows as CsvRowProblem[]);
    },
    onSettled: () => setProgress(null),
  });
  const err = run.error ? apiErrorMessages(run.error, lang) : null;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId}>
        {texts.title}
      </Title>
      <Text size="sm" c="dark.6" mb="sm">
        {texts.intro}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <div>
          <Title order={3} size="h5" mb={4}>
            {texts.columnsTitle}
          </Title>
          <List size="sm" spacing={4}>
            {columns.map((c) => (
              <List.Item key={c.name}>
                <Code>{c.name}</Code> — {c.help}
              </List.Item>
            ))}
          </List>
          {columnsNote}
          <Anchor
            href={templateHref(template.header, template.rows)}
            download={template.fileName}
            size="sm"
            mt="xs"
            display="inline-block"
          >
            {texts.downloadTemplate}
          </Anchor>
        </div>
        <Stack gap="sm">
          <FileInput
            label={texts.file}
            description={texts.fileHint}
            accept=".csv,text/csv"
            value={file}
            onChange={(f) => {
              setFile(f);
              setResult(null);
              setRows([]);
              run.reset();
            }}
            clearable
            clearButtonProps={{ 'aria-label': t('secretariat.clear') }}
            leftSection={<IconUpload size={16} aria-hidden />}
            error={err?.fields.file}
          />
          <Group gap="xs">
            {actions.map((a) => (
              <Button
                key={a.label}
                variant={a.variant}
                disabled={!file}
                loading={run.isPending && run.variables === a.dryRun}
                onClick={() => run.mutate(a.dryRun)}
              >
                {a.label}
              </Button>
            ))}
          </Group>
          {progress !== null && (
            <Progress value={progress * 100} aria-label={t('secretariat.import.uploading')} size="sm" />
          )}
          {result && (
            <AdminNotice tone="success" role="status">
              {success(result.res, result.dryRun)}
            </AdminNotice>
          )}
          {err && !err.fields.file && (
            <AdminNotice tone="danger" role="alert">
              {err.general}
              {rows.length > 0 && ` ${texts.rowsBelow(rows.length)}`}
            </AdminNotice>
          )}
        </Stack>
      </SimpleGrid>
      {rows.length > 0 && (
        <Box mt="md">
          <AdminDataTable
            rows={rows}
            rowKey={(r) => `${r.row}-${r.field}-${r.code}`}
            minWidth={520}
            caption={texts.reportCaption}
            verticalSpacing="xs"
            columns={[
              { header: texts.row, cell: (r) => r.row, style: { width: 70 } },
              {
                header: texts.field,
                cell: (r) => (r.field && r.field !== '_' ? <Code>{r.field}</Code> : '—'),
                style: { width: 160 },
              },
              { header: texts.message, cell: (r) => pick(r.message) },
            ]}
          />
        </Box>
      )}
    </Card>
  );
}

/** A registry's two actions: the button that shows or hides its CSV import panel, and "add". */
export function ImportAndAddButtons({
  importOpen,
  onToggleImport,
  importPanelId,
  importLabel,
  addLabel,
  onAdd,
}: {
  importOpen: boolean;
  onToggleImport: () => void;
  importPanelId: string;
  importLabel: string;
  addLabel: string;
  onAdd: () => void;
}) {
  return (
    <Group gap="xs">
      <Button
        variant={importOpen ? 'filled' : 'default'}
        leftSection={<IconUpload size={16} aria-hidden />}
        onClick={onToggleImport}
        aria-expanded={importOpen}
        aria-controls={importPanelId}
      >
        {importLabel}
      </Button>
      <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={onAdd}>
        {addLabel}
      </Button>
    </Group>
  );
}
