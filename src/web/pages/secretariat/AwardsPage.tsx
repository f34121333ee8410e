import { useState } from 'react';
import {
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Code,
  FileInput,
  Group,
  List,
  Modal,
  NumberInput,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IconExternalLink, IconPlus, IconSearch, IconUpload } from '@tabler/icons-react';
import { api, ApiError, upload } from '../../api/client.js';
import { useLang } from '../../i18n/index.js';
import { apiErrorMessages } from '../../components/forms.js';
import { AdminPager } from '../../components/AdminPager.js';
import { AdminDataTable } from '../../components/AdminDataTable.js';
import { AdminQueryState } from '../../components/AdminQueryState.js';
import { AdminInstitutionPicker } from '../../components/AdminInstitutionPicker.js';
import { AdminPage, ADMIN_SCOPE, AdminNotice } from '../../components/AdminPage.js';
import {
  AWARD_IMPORT_COLUMNS,
  AWARD_IMPORT_MAX_ROWS,
  AWARD_LEVELS,
  AWARD_YEAR_MIN,
  type Award,
  type AwardImportResponse,
  type AwardImportRowProblem,
  type AwardLevel,
  type AwardListResponse,
  type AwardResponse,
} from '../../../contracts/awards.js';
import { AWARD_LEVEL_LABELS } from '../../../domain/awards.js';

const PAGE_SIZE = 25;

/** Years offered by the filter and the form: the first KIPP to next year, newest first. */
function yearOptions(): string[] {
  const last = new Date().getFullYear() + 1;
  const out: string[] = [];
  for (let y = last; y >= AWARD_YEAR_MIN; y--) out.push(String(y));
  return out;
}

/** Top Terpuji and khusus levels in a dark colour, Top 99 in a lighter one; white text keeps AA contrast. */
function LevelBadge({ level }: { level: AwardLevel }) {
  const { pick } = useLang();
  return (
    <Badge
      variant="filled"
      radius="sm"
      color={level === 'TOP99' ? 'blue.8' : 'teal.9'}
      style={{ textTransform: 'none' }}
    >
      {pick(AWARD_LEVEL_LABELS[level])}
    </Badge>
  );
}

/* ---------------------------------------------------------------- add / edit */

interface Draft {
  year: number | string;
  level: AwardLevel | null;
  innovationTitle: string;
  institutionName: string;
  institutionId: number | null;
  institutionDirectoryName: string | null;
  sourceUrl: string;
  notes: string;
}

function AwardModal({ editing, onClose }: { editing: Award | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const qc = useQueryClient();
  const [draft, setDraft] = useState<Draft>(
    editing
      ? {
          year: editing.year,
          level: editing.level,
          innovationTitle: editing.innovationTitle,
          institutionName: editing.institutionName ?? '',
          institutionId: editing.institutionId,
          institutionDirectoryName: editing.institutionDirectoryName,
          sourceUrl: editing.sourceUrl ?? '',
          notes: editing.notes ?? '',
        }
      : {
          year: '',
          level: null,
          innovationTitle: '',
          institutionName: '',
          institutionId: null,
          institutionDirectoryName: null,
          sourceUrl: '',
          notes: '',
        },
  );
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const save = useMutation({
    mutationFn: () => {
      const body: Record<string, unknown> = {
        year: draft.year === '' ? undefined : Number(draft.year),
        level: draft.level ?? undefined,
        innovationTitle: draft.innovationTitle,
        institutionName: draft.institutionName,
        sourceUrl: draft.sourceUrl,
        notes: draft.notes,
      };
      // A new award is linked from its name when nothing is chosen; an edit sends the link only if changed.
      if (editing ? draft.institutionId !== editing.institutionId : draft.institutionId !== null)
        body.institutionId = draft.institutionId;
      return editing
        ? api<AwardResponse>('PATCH', `/awards/${editing.id}`, body)
        : api<AwardResponse>('POST', '/awards', body);
    },
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['awards'] });
      notifications.show({
        color: 'green',
        message: t(editing ? 'eligibility.awards.updated' : 'eligibility.awards.created'),
      });
      onClose();
    },
  });
  const err = save.error ? apiErrorMessages(save.error, lang) : null;
  return (
    <Modal
      className={ADMIN_SCOPE}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={onClose}
      size="lg"
      title={editing ? t('eligibility.awards.editTitle') : t('eligibility.awards.addTitle')}
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
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label={t('eligibility.awards.year')}
              min={AWARD_YEAR_MIN}
              max={2100}
              allowDecimal={false}
              required
              value={draft.year}
              onChange={(v) => set({ year: v })}
              error={err?.fields.year}
              data-autofocus
            />
            <Select
              label={t('eligibility.awards.level')}
              data={AWARD_LEVELS.map((l) => ({ value: l, label: pick(AWARD_LEVEL_LABELS[l]) }))}
              value={draft.level}
              onChange={(v) => set({ level: v as AwardLevel | null })}
              required
              allowDeselect={false}
              error={err?.fields.level}
            />
          </SimpleGrid>
          <TextInput
            label={t('eligibility.awards.innovation')}
            required
            value={draft.innovationTitle}
            onChange={(e) => set({ innovationTitle: e.currentTarget.value })}
            error={err?.fields.innovationTitle}
          />
          <TextInput
            label={t('eligibility.awards.institution')}
            value={draft.institutionName}
            onChange={(e) => set({ institutionName: e.currentTarget.value })}
            error={err?.fields.institutionName}
          />
          <AdminInstitutionPicker
            label={t('eligibility.awards.directory')}
            description={t('eligibility.awards.directoryHint')}
            value={draft.institutionId}
            valueName={draft.institutionDirectoryName}
            onChange={(id, name) => set({ institutionId: id, institutionDirectoryName: name })}
            error={err?.fields.institutionId}
          />
          <TextInput
            label={t('eligibility.awards.source')}
            type="url"
            placeholder="https://"
            value={draft.sourceUrl}
            onChange={(e) => set({ sourceUrl: e.currentTarget.value })}
            error={err?.fields.sourceUrl}
          />
          <Textarea
            label={t('eligibility.awards.notes')}
            autosize
            minRows={2}
            value={draft.notes}
            onChange={(e) => set({ notes: e.currentTarget.value })}
            error={err?.fields.notes}
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

function DeleteModal({ award, onClose }: { award: Award; onClose: () => void }) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const qc = useQueryClient();
  const del = useMutation({
    mutationFn: () => api<null>('DELETE', `/awards/${award.id}`),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['awards'] });
      notifications.show({ color: 'green', message: t('eligibility.awards.deleted') });
      onClose();
    },
  });
  const err = del.error ? apiErrorMessages(del.error, lang) : null;
  return (
    <Modal
      className={ADMIN_SCOPE}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={onClose}
      title={t('eligibility.awards.deleteTitle')}
    >
      <Stack gap="sm">
        <Text size="sm">
          {t('eligibility.awards.deleteText', {
            title: award.innovationTitle,
            level: pick(AWARD_LEVEL_LABELS[award.level]),
            year: award.year,
          })}
        </Text>
        {err && (
          <AdminNotice tone="danger" role="alert">
            {err.general}
          </AdminNotice>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="red.9" loading={del.isPending} onClick={() => del.mutate()}>
            {t('eligibility.awards.delete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/* ---------------------------------------------------------------- CSV import */

const TEMPLATE_ROWS = [
  ['2019', 'TOP99', 'Rantang Kasih', 'Kabupaten Banyuwangi', 'https://menpan.go.id/'],
  ['2019', 'TOP45', 'Contoh Inovasi Terpuji', 'Pemerintah Kota Contoh', ''],
];

const csvCell = (v: string) => (/[",;\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The template as a data: link, generated here so it always matches the columns the server reads. */
function templateHref(): string {
  const lines = [AWARD_IMPORT_COLUMNS.join(','), ...TEMPLATE_ROWS.map((r) => r.map(csvCell).join(','))];
  return 'data:text/csv;charset=utf-8,' + encodeURIComponent('\uFEFF' + lines.join('\r\n') + '\r\n');
}

function ImportCard() {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<AwardImportResponse | null>(null);
  const [rows, setRows] = useState<AwardImportRowProblem[]>([]);
  const run = useMutation({
    mutationFn: () => {
      const fd = new FormData();
      fd.append('file', file as File);
      setProgress(0);
      return upload<AwardImportResponse>('/awards/import', fd, setProgress);
    },
    onMutate: () => {
      setResult(null);
      setRows([]);
    },
    onSuccess: async (res) => {
      setResult(res);
      setFile(null);
      await qc.invalidateQueries({ queryKey: ['awards'] });
    },
    onError: (err) => {
      if (err instanceof ApiError && Array.isArray(err.body.rows))
        setRows(err.body.rows as AwardImportRowProblem[]);
    },
    onSettled: () => setProgress(null),
  });
  const err = run.error ? apiErrorMessages(run.error, lang) : null;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="award-import-title">
      <Title order={2} size="h3" id="award-import-title">
        {t('eligibility.awards.importTitle')}
      </Title>
      <Text size="sm" c="dark.6" mb="sm">
        {t('eligibility.awards.importIntro')} (≤ {AWARD_IMPORT_MAX_ROWS})
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <div>
          <Title order={3} size="h5" mb={4}>
            {t('eligibility.awards.columns')}
          </Title>
          <List size="sm" spacing={4}>
            {AWARD_IMPORT_COLUMNS.map((c) => (
              <List.Item key={c}>
                <Code>{c}</Code> — {t(`eligibility.awards.col.${c}`, { levels: AWARD_LEVELS.join(', ') })}
              </List.Item>
            ))}
          </List>
          <Anchor
            href={templateHref()}
            download="templat-impor-penghargaan.csv"
            size="sm"
            mt="xs"
            display="inline-block"
          >
            {t('eligibility.awards.downloadTemplate')}
          </Anchor>
        </div>
        <Stack gap="sm">
          <FileInput
            label={t('eligibility.awards.file')}
            description={t('eligibility.awards.fileHint')}
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
            <Button disabled={!file} loading={run.isPending} onClick={() => run.mutate()}>
              {t('eligibility.awards.run')}
            </Button>
          </Group>
          {progress !== null && (
            <Progress value={progress * 100} aria-label={t('secretariat.import.uploading')} size="sm" />
          )}
          {result && (
            <AdminNotice tone="success" role="status">
              {t('eligibility.awards.done', { created: result.created, skipped: result.skipped })}
            </AdminNotice>
          )}
          {err && !err.fields.file && (
            <AdminNotice tone="danger" role="alert">
              {err.general}
              {rows.length > 0 && ` ${t('eligibility.awards.rowsBelow', { count: rows.length })}`}
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
            caption={t('eligibility.awards.reportCaption')}
            verticalSpacing="xs"
            columns={[
              { header: t('eligibility.awards.row'), cell: (r) => r.row, style: { width: 70 } },
              {
                header: t('eligibility.awards.field'),
                cell: (r) => (r.field && r.field !== '_' ? <Code>{r.field}</Code> : '—'),
                style: { width: 140 },
              },
              { header: t('eligibility.awards.message'), cell: (r) => pick(r.message) },
            ]}
          />
        </Box>
      )}
    </Card>
  );
}

/* ---------------------------------------------------------------- page */

/** The secretariat's award registry: search, filter by year and level, add, edit, delete, import. */
export function AwardsPage() {
  const { t } = useTranslation();
  const { pick } = useLang();
  const [q, setQ] = useState('');
  const [year, setYear] = useState<string | null>(null);
  const [level, setLevel] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [editing, setEditing] = useState<{ award: Award | null } | null>(null);
  const [deleting, setDeleting] = useState<Award | null>(null);
  const [importOpen, setImportOpen] = useState(false);
  const list = useQuery({
    queryKey: ['awards', 'list', debouncedQ, year, level, page],
    queryFn: () =>
      api<AwardListResponse>(
        'GET',
        `/awards?q=${encodeURIComponent(debouncedQ)}&year=${year ?? ''}&level=${level ?? ''}&page=${page}&pageSize=${PAGE_SIZE}`,
      ),
    placeholderData: keepPreviousData,
  });
  const canManage = list.data?.abilities.manage ?? false;

  return (
    <AdminPage gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('eligibility.awards.title')}</Title>
          <Text c="dark.6" maw={760}>
            {t('eligibility.awards.intro')}
          </Text>
        </div>
        {canManage && (
          <Group gap="xs">
            <Button
              variant={importOpen ? 'filled' : 'default'}
              leftSection={<IconUpload size={16} aria-hidden />}
              onClick={() => setImportOpen((o) => !o)}
              aria-expanded={importOpen}
              aria-controls="award-import"
            >
              {t('eligibility.awards.importOpen')}
            </Button>
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setEditing({ award: null })}
            >
              {t('eligibility.awards.add')}
            </Button>
          </Group>
        )}
      </Group>
      {/* Shown or not rather than animated: its row report grows after it opens. */}
      <div id="award-import">{canManage && importOpen && <ImportCard />}</div>
      <section aria-label={t('eligibility.awards.listLabel')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} mb="sm">
          <TextInput
            label={t('eligibility.awards.search')}
            placeholder={t('eligibility.awards.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              setPage(1);
            }}
          />
          <Select
            label={t('eligibility.awards.year')}
            placeholder={t('eligibility.awards.allYears')}
            data={yearOptions()}
            value={year}
            onChange={(v) => {
              setYear(v);
              setPage(1);
            }}
            clearable
            clearButtonProps={{ 'aria-label': t('secretariat.clear') }}
          />
          <Select
            label={t('eligibility.awards.level')}
            placeholder={t('eligibility.awards.allLevels')}
            data={AWARD_LEVELS.map((l) => ({ value: l, label: pick(AWARD_LEVEL_LABELS[l]) }))}
            value={level}
            onChange={(v) => {
              setLevel(v);
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
              rowKey={(a) => a.id}
              dim={list.isPlaceholderData}
              columns={[
                {
                  header: t('eligibility.awards.innovation'),
                  primary: true,
                  cell: (a) => (
                    <Stack gap={2}>
                      <Text size="sm" fw={600}>
                        {a.innovationTitle}
                      </Text>
                      {a.sourceUrl && (
                        <Anchor href={a.sourceUrl} target="_blank" rel="noopener noreferrer" size="xs">
                          <Group gap={2} component="span" wrap="nowrap">
                            {t('eligibility.awards.sourceLink')}
                            <IconExternalLink size={12} aria-hidden />
                          </Group>
                        </Anchor>
                      )}
                    </Stack>
                  ),
                },
                { header: t('eligibility.awards.year'), cell: (a) => a.year, style: { width: 70 } },
                {
                  header: t('eligibility.awards.level'),
                  cell: (a) => <LevelBadge level={a.level} />,
                  style: { width: 150 },
                },
                {
                  header: t('eligibility.awards.institutionShort'),
                  cell: (a) => (
                    <Stack gap={2}>
                      <Text size="sm">{a.institutionName ?? '—'}</Text>
                      <Text size="xs" c="dark.6">
                        {a.institutionDirectoryName
                          ? t('eligibility.awards.linked', { name: a.institutionDirectoryName })
                          : t('eligibility.awards.notLinked')}
                      </Text>
                    </Stack>
                  ),
                },
                ...(canManage
                  ? [
                      {
                        header: t('secretariat.actions'),
                        bare: true,
                        style: { width: 160 },
                        cell: (a: Award) => (
                          <Group gap="xs" wrap="nowrap">
                            <Button
                              size="xs"
                              variant="light"
                              onClick={() => setEditing({ award: a })}
                              aria-label={`${t('secretariat.edit')}: ${a.innovationTitle} (${a.year})`}
                            >
                              {t('secretariat.edit')}
                            </Button>
                            <Button
                              size="xs"
                              variant="outline"
                              color="red.9"
                              onClick={() => setDeleting(a)}
                              aria-label={`${t('eligibility.awards.delete')}: ${a.innovationTitle} (${a.year})`}
                            >
                              {t('eligibility.awards.delete')}
                            </Button>
                          </Group>
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
      {editing && (
        <AwardModal
          key={editing.award?.id ?? 'new'}
          editing={editing.award}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting && <DeleteModal award={deleting} onClose={() => setDeleting(null)} />}
    </AdminPage>
  );
}
