import { useState } from 'react';
import {
  Anchor,
  Badge,
  Button,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IconExternalLink } from '@tabler/icons-react';
import { api } from '../../api/client.js';
import { useLang } from '../../i18n/index.js';
import { apiErrorMessages } from '../../components/forms.js';
import { CsvImportPanel, ImportAndAddButtons } from '../../components/CsvImportPanel.js';
import { AdminInstitutionPicker } from '../../components/AdminInstitutionPicker.js';
import { AdminPage } from '../../components/AdminPage.js';
import {
  AWARD_IMPORT_COLUMNS,
  AWARD_IMPORT_MAX_ROWS,
  AWARD_LEVELS,
  AWARD_YEAR_MIN,
  type Award,
  type AwardImportResponse,
  type AwardLevel,
  type AwardListResponse,
  type AwardResponse,
} from '../../../contracts/awards.js';
import { AWARD_LEVEL_LABELS } from '../../../domain/awards.js';
import { AdminConfirmDialog, AdminFormDialog } from '../../components/AdminFormDialog.js';
import { AdminListBody, useAdminList } from '../../components/AdminList.js';
import { AdminSearchFilter, AdminSelectFilter } from '../../components/AdminList.js';

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
  const { pick } = useLang();
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
  return (
    <AdminFormDialog
      title={editing ? t('eligibility.awards.editTitle') : t('eligibility.awards.addTitle')}
      onClose={onClose}
      mutation={save}
      size="lg"
      footerMt="sm"
    >
      {(err) => (
        <>
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
        </>
      )}
    </AdminFormDialog>
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
  return (
    <AdminConfirmDialog
      title={t('eligibility.awards.deleteTitle')}
      confirmLabel={t('eligibility.awards.delete')}
      danger
      pending={del.isPending}
      error={del.error ? apiErrorMessages(del.error, lang).general : null}
      onConfirm={() => del.mutate()}
      onClose={onClose}
    >
      <Text size="sm">
        {t('eligibility.awards.deleteText', {
          title: award.innovationTitle,
          level: pick(AWARD_LEVEL_LABELS[award.level]),
          year: award.year,
        })}
      </Text>
    </AdminConfirmDialog>
  );
}

/* ---------------------------------------------------------------- CSV import */

const TEMPLATE_ROWS = [
  ['2019', 'TOP99', 'Rantang Kasih', 'Kabupaten Banyuwangi', 'https://menpan.go.id/'],
  ['2019', 'TOP45', 'Contoh Inovasi Terpuji', 'Pemerintah Kota Contoh', ''],
];

function ImportCard() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  return (
    <CsvImportPanel<AwardImportResponse>
      headingId="award-import-title"
      texts={{
        title: t('eligibility.awards.importTitle'),
        intro: `${t('eligibility.awards.importIntro')} (≤ ${AWARD_IMPORT_MAX_ROWS})`,
        columnsTitle: t('eligibility.awards.columns'),
        downloadTemplate: t('eligibility.awards.downloadTemplate'),
        file: t('eligibility.awards.file'),
        fileHint: t('eligibility.awards.fileHint'),
        rowsBelow: (count) => t('eligibility.awards.rowsBelow', { count }),
        reportCaption: t('eligibility.awards.reportCaption'),
        row: t('eligibility.awards.row'),
        field: t('eligibility.awards.field'),
        message: t('eligibility.awards.message'),
      }}
      columns={AWARD_IMPORT_COLUMNS.map((c) => ({
        name: c,
        help: t(`eligibility.awards.col.${c}`, { levels: AWARD_LEVELS.join(', ') }),
      }))}
      template={{
        header: AWARD_IMPORT_COLUMNS,
        rows: TEMPLATE_ROWS,
        fileName: 'templat-impor-penghargaan.csv',
      }}
      actions={[{ label: t('eligibility.awards.run'), dryRun: false }]}
      path={() => '/awards/import'}
      success={(res) => t('eligibility.awards.done', { created: res.created, skipped: res.skipped })}
      onImported={() => qc.invalidateQueries({ queryKey: ['awards'] })}
    />
  );
}

/* ---------------------------------------------------------------- page */

/** The secretariat's award registry: search, filter by year and level, add, edit, delete, import. */
export function AwardsPage() {
  const { t } = useTranslation();
  const { pick } = useLang();
  const [editing, setEditing] = useState<{ award: Award | null } | null>(null);
  const [deleting, setDeleting] = useState<Award | null>(null);
  const [importOpen, setImportOpen] = useState(false);
  const filters = useAdminList<AwardListResponse, 'q' | 'year' | 'level'>({
    key: ['awards', 'list'],
    path: '/awards',
    filters: ['q', 'year', 'level'],
    typed: ['q'],
    pageSize: PAGE_SIZE,
  });
  const canManage = filters.list.data?.abilities.manage ?? false;

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
          <ImportAndAddButtons
            importOpen={importOpen}
            onToggleImport={() => setImportOpen((o) => !o)}
            importPanelId="award-import"
            importLabel={t('eligibility.awards.importOpen')}
            addLabel={t('eligibility.awards.add')}
            onAdd={() => setEditing({ award: null })}
          />
        )}
      </Group>
      {/* Shown or not rather than animated: its row report grows after it opens. */}
      <div id="award-import">{canManage && importOpen && <ImportCard />}</div>
      <section aria-label={t('eligibility.awards.listLabel')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} mb="sm">
          <AdminSearchFilter
            filters={filters}
            name="q"
            label={t('eligibility.awards.search')}
            placeholder={t('eligibility.awards.searchPlaceholder')}
          />
          <AdminSelectFilter
            filters={filters}
            name="year"
            label={t('eligibility.awards.year')}
            placeholder={t('eligibility.awards.allYears')}
            data={yearOptions()}
          />
          <AdminSelectFilter
            filters={filters}
            name="level"
            label={t('eligibility.awards.level')}
            placeholder={t('eligibility.awards.allLevels')}
            data={AWARD_LEVELS.map((l) => ({ value: l, label: pick(AWARD_LEVEL_LABELS[l]) }))}
          />
        </SimpleGrid>
        <AdminListBody
          list={filters.list}
          page={filters.page}
          onPage={filters.setPage}
          empty={t('secretariat.noResults')}
          pagerWhenEmpty
          rowKey={(a) => a.id}
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
