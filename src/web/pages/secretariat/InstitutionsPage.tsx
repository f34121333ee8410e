import { useState } from 'react';
import {
  Anchor,
  Box,
  Button,
  Card,
  Code,
  Collapse,
  FileInput,
  Group,
  List,
  Modal,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IconPlus, IconSearch, IconUpload } from '@tabler/icons-react';
import { api, ApiError, upload } from '../../api/client.js';
import { useLang } from '../../i18n/index.js';
import { apiErrorMessages } from '../../components/forms.js';
import { AdminPager } from '../../components/AdminPager.js';
import { AdminDataTable } from '../../components/AdminDataTable.js';
import { AdminQueryState } from '../../components/AdminQueryState.js';
import { AdminInstitutionPicker } from '../../components/AdminInstitutionPicker.js';
import {
  INSTITUTION_IMPORT_COLUMNS,
  INSTITUTION_IMPORT_MAX_ROWS,
  INSTITUTION_TYPE_LABELS,
  INSTITUTION_TYPES,
  type ImportResponse,
  type ImportRowProblem,
  type Institution,
  type InstitutionListResponse,
  type InstitutionResponse,
  type InstitutionType,
} from '../../../contracts/institutions.js';
import { AdminPage, ADMIN_SCOPE, AdminNotice } from '../../components/AdminPage.js';

const PAGE_SIZE = 25;

/* ---------------------------------------------------------------- add / edit */

interface Draft {
  type: InstitutionType | null;
  name: string;
  shortName: string;
  regionCode: string;
  parentId: number | null;
  parentName: string | null;
}

const emptyDraft: Draft = {
  type: null,
  name: '',
  shortName: '',
  regionCode: '',
  parentId: null,
  parentName: null,
};

function InstitutionModal({
  editing,
  opened,
  onClose,
}: {
  editing: Institution | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const qc = useQueryClient();
  const [draft, setDraft] = useState<Draft>(
    editing
      ? {
          type: editing.type,
          name: editing.name,
          shortName: editing.shortName ?? '',
          regionCode: editing.regionCode ?? '',
          parentId: editing.parentId,
          parentName: editing.parentName,
        }
      : emptyDraft,
  );
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const save = useMutation({
    mutationFn: () => {
      const body = {
        type: draft.type ?? undefined,
        name: draft.name,
        shortName: draft.shortName,
        regionCode: draft.regionCode,
        parentId: draft.parentId,
      };
      return editing
        ? api<InstitutionResponse>('PATCH', `/institutions/${editing.id}`, body)
        : api<InstitutionResponse>('POST', '/institutions', body);
    },
    onSuccess: async (res) => {
      await qc.invalidateQueries({ queryKey: ['institutions'] });
      qc.setQueryData(['institution', res.institution.id], res);
      notifications.show({
        color: 'green',
        message: t(editing ? 'secretariat.institutions.updated' : 'secretariat.institutions.created', {
          name: res.institution.name,
        }),
      });
      onClose();
    },
  });
  const err = save.error ? apiErrorMessages(save.error, lang) : null;
  return (
    <Modal
      className={ADMIN_SCOPE}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={onClose}
      size="lg"
      title={editing ? t('secretariat.institutions.editTitle') : t('secretariat.institutions.addTitle')}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          {err && (
            <AdminNotice tone="danger" role="alert">
              {err.general}
            </AdminNotice>
          )}
          <Select
            label={t('secretariat.institutions.type')}
            data={INSTITUTION_TYPES.map((ty) => ({ value: ty, label: pick(INSTITUTION_TYPE_LABELS[ty]) }))}
            value={draft.type}
            onChange={(v) => set({ type: v as InstitutionType | null })}
            placeholder={t('secretariat.institutions.chooseType')}
            required
            allowDeselect={false}
            error={err?.fields.type}
          />
          <TextInput
            label={t('secretariat.institutions.name')}
            description={t('secretariat.institutions.nameHint')}
            required
            value={draft.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
            error={err?.fields.name}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('secretariat.institutions.shortName')}
              description={t('secretariat.institutions.shortNameHint')}
              value={draft.shortName}
              onChange={(e) => set({ shortName: e.currentTarget.value })}
              error={err?.fields.shortName}
            />
            <TextInput
              label={t('secretariat.institutions.regionCode')}
              description={t('secretariat.institutions.regionCodeHint')}
              value={draft.regionCode}
              onChange={(e) => set({ regionCode: e.currentTarget.value })}
              error={err?.fields.regionCode}
            />
          </SimpleGrid>
          <AdminInstitutionPicker
            label={t('secretariat.institutions.parent')}
            description={t('secretariat.institutions.parentHint')}
            value={draft.parentId}
            valueName={draft.parentName}
            excludeId={editing?.id}
            onChange={(id, name) => set({ parentId: id, parentName: name })}
            error={err?.fields.parentId}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/* ---------------------------------------------------------------- CSV import */

const TEMPLATE_ROWS = [
  ['pemerintah_provinsi', 'Pemerintah Provinsi Kalimantan Timur', 'Pemprov Kaltim', '64', ''],
  ['pemerintah_kota', 'Pemerintah Kota Samarinda', 'Pemkot Samarinda', '64.72', '64'],
  ['bumd', 'PT Bank Pembangunan Daerah Kalimantan Timur dan Kalimantan Utara', 'Bankaltimtara', '', '64'],
  ['kementerian', 'Kementerian Contoh', '', '', ''],
];

const csvCell = (v: string) => (/[",;\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The template as a data: link, generated here so it always matches the columns the server reads. */
function templateHref(): string {
  const lines = [INSTITUTION_IMPORT_COLUMNS.join(','), ...TEMPLATE_ROWS.map((r) => r.map(csvCell).join(','))];
  return 'data:text/csv;charset=utf-8,' + encodeURIComponent('\uFEFF' + lines.join('\r\n') + '\r\n');
}

function ImportCard() {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<ImportResponse | null>(null);
  const [rows, setRows] = useState<ImportRowProblem[]>([]);
  const run = useMutation({
    mutationFn: (dryRun: boolean) => {
      const fd = new FormData();
      fd.append('file', file as File);
      setProgress(0);
      return upload<ImportResponse>(`/institutions/import${dryRun ? '?dryRun=1' : ''}`, fd, setProgress);
    },
    onMutate: () => {
      setResult(null);
      setRows([]);
    },
    onSuccess: async (res) => {
      setResult(res);
      if (!res.dryRun) {
        await qc.invalidateQueries({ queryKey: ['institutions'] });
        setFile(null);
      }
    },
    onError: (err) => {
      if (err instanceof ApiError && Array.isArray(err.body.rows))
        setRows(err.body.rows as ImportRowProblem[]);
    },
    onSettled: () => setProgress(null),
  });
  const err = run.error ? apiErrorMessages(run.error, lang) : null;
  const columnHelp: Record<string, string> = {
    type: t('secretariat.import.col.type'),
    name: t('secretariat.import.col.name'),
    short_name: t('secretariat.import.col.short_name'),
    region_code: t('secretariat.import.col.region_code'),
    parent_region_code: t('secretariat.import.col.parent_region_code'),
  };
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="import-title">
      <Title order={2} size="h3" id="import-title">
        {t('secretariat.import.title')}
      </Title>
      <Text size="sm" c="dark.6" mb="sm">
        {t('secretariat.import.intro', { max: INSTITUTION_IMPORT_MAX_ROWS })}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <div>
          <Title order={3} size="h5" mb={4}>
            {t('secretariat.import.columnsTitle')}
          </Title>
          <List size="sm" spacing={4}>
            {INSTITUTION_IMPORT_COLUMNS.map((c) => (
              <List.Item key={c}>
                <Code>{c}</Code> — {columnHelp[c]}
              </List.Item>
            ))}
          </List>
          <Text size="sm" mt="xs">
            {t('secretariat.import.typesAllowed')} {INSTITUTION_TYPES.map((ty) => ty).join(', ')}.
          </Text>
          <Anchor
            href={templateHref()}
            download="templat-impor-instansi.csv"
            size="sm"
            mt="xs"
            display="inline-block"
          >
            {t('secretariat.import.downloadTemplate')}
          </Anchor>
        </div>
        <Stack gap="sm">
          <FileInput
            label={t('secretariat.import.file')}
            description={t('secretariat.import.fileHint')}
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
            <Button
              variant="default"
              disabled={!file}
              loading={run.isPending && run.variables === true}
              onClick={() => run.mutate(true)}
            >
              {t('secretariat.import.check')}
            </Button>
            <Button
              disabled={!file}
              loading={run.isPending && run.variables === false}
              onClick={() => run.mutate(false)}
            >
              {t('secretariat.import.run')}
            </Button>
          </Group>
          {progress !== null && (
            <Progress value={progress * 100} aria-label={t('secretariat.import.uploading')} size="sm" />
          )}
          {result && (
            <AdminNotice tone="success" role="status">
              {result.dryRun
                ? t('secretariat.import.dryRunOk', { count: result.valid })
                : t('secretariat.import.done', { count: result.created })}
            </AdminNotice>
          )}
          {err && !err.fields.file && (
            <AdminNotice tone="danger" role="alert">
              {err.general}
              {rows.length > 0 && ` ${t('secretariat.import.rowsBelow', { count: rows.length })}`}
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
            caption={t('secretariat.import.reportCaption')}
            verticalSpacing="xs"
            columns={[
              { header: t('secretariat.import.row'), cell: (r) => r.row, style: { width: 70 } },
              {
                header: t('secretariat.import.field'),
                cell: (r) => (r.field && r.field !== '_' ? <Code>{r.field}</Code> : '—'),
                style: { width: 160 },
              },
              { header: t('secretariat.import.message'), cell: (r) => pick(r.message) },
            ]}
          />
        </Box>
      )}
    </Card>
  );
}

/* ---------------------------------------------------------------- page */

export function InstitutionsPage() {
  const { t } = useTranslation();
  const { pick } = useLang();
  const [q, setQ] = useState('');
  const [type, setType] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [modal, setModal] = useState<{ editing: Institution | null } | null>(null);
  const [importOpen, setImportOpen] = useState(false);
  const list = useQuery({
    queryKey: ['institutions', 'list', debouncedQ, type, page],
    queryFn: () =>
      api<InstitutionListResponse>(
        'GET',
        `/institutions?q=${encodeURIComponent(debouncedQ)}&type=${type ?? ''}&page=${page}&pageSize=${PAGE_SIZE}`,
      ),
    placeholderData: keepPreviousData,
  });
  const canManage = list.data?.abilities.manage ?? false;

  return (
    <AdminPage gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('secretariat.institutions.title')}</Title>
          <Text c="dark.6">{t('secretariat.institutions.intro')}</Text>
        </div>
        {canManage && (
          <Group gap="xs">
            <Button
              variant={importOpen ? 'filled' : 'default'}
              leftSection={<IconUpload size={16} aria-hidden />}
              onClick={() => setImportOpen((o) => !o)}
              aria-expanded={importOpen}
              aria-controls="institution-import"
            >
              {t('secretariat.import.open')}
            </Button>
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setModal({ editing: null })}
            >
              {t('secretariat.institutions.add')}
            </Button>
          </Group>
        )}
      </Group>
      {canManage && (
        <Collapse expanded={importOpen} id="institution-import">
          <ImportCard />
        </Collapse>
      )}
      <section aria-label={t('secretariat.institutions.listLabel')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} mb="sm">
          <TextInput
            label={t('secretariat.institutions.search')}
            placeholder={t('secretariat.institutions.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              setPage(1);
            }}
          />
          <Select
            label={t('secretariat.institutions.type')}
            placeholder={t('secretariat.institutions.allTypes')}
            data={INSTITUTION_TYPES.map((ty) => ({ value: ty, label: pick(INSTITUTION_TYPE_LABELS[ty]) }))}
            value={type}
            onChange={(v) => {
              setType(v);
              setPage(1);
            }}
            clearable
            clearButtonProps={{ 'aria-label': t('secretariat.clear') }}
          />
        </SimpleGrid>
        <AdminQueryState isLoading={list.isLoading} error={list.error} onRetry={() => list.refetch()}>
          {list.data && list.data.items.length === 0 ? (
            <Text c="dark.6" py="md">
              {t('secretariat.noResults')}
            </Text>
          ) : (
            <AdminDataTable
              rows={list.data?.items ?? []}
              rowKey={(i) => i.id}
              dim={list.isPlaceholderData}
              columns={[
                {
                  header: t('secretariat.institutions.name'),
                  primary: true,
                  cell: (i) => (
                    <>
                      <Text size="sm" fw={600}>
                        {i.name}
                      </Text>
                      {i.shortName && (
                        <Text size="xs" c="dark.6">
                          {i.shortName}
                        </Text>
                      )}
                    </>
                  ),
                },
                {
                  header: t('secretariat.institutions.type'),
                  cell: (i) => pick(INSTITUTION_TYPE_LABELS[i.type]),
                },
                { header: t('secretariat.institutions.regionCode'), cell: (i) => i.regionCode ?? '—' },
                { header: t('secretariat.institutions.parent'), cell: (i) => i.parentName ?? '—' },
                ...(canManage
                  ? [
                      {
                        header: t('secretariat.actions'),
                        bare: true,
                        cell: (i: Institution) => (
                          <Button
                            size="xs"
                            variant="light"
                            onClick={() => setModal({ editing: i })}
                            aria-label={`${t('secretariat.edit')}: ${i.name}`}
                          >
                            {t('secretariat.edit')}
                          </Button>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          )}
          {list.data && (
            <AdminPager total={list.data.total} page={page} pageSize={PAGE_SIZE} onChange={setPage} />
          )}
        </AdminQueryState>
      </section>
      {modal && (
        <InstitutionModal
          key={modal.editing?.id ?? 'new'}
          editing={modal.editing}
          opened
          onClose={() => setModal(null)}
        />
      )}
    </AdminPage>
  );
}
