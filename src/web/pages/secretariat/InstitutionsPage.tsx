import { useState } from 'react';
import { Button, Collapse, Group, Select, SimpleGrid, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { useLang } from '../../i18n/index.js';
import { CsvImportPanel, ImportAndAddButtons } from '../../components/CsvImportPanel.js';
import { AdminInstitutionPicker } from '../../components/AdminInstitutionPicker.js';
import {
  INSTITUTION_IMPORT_COLUMNS,
  INSTITUTION_IMPORT_MAX_ROWS,
  INSTITUTION_TYPE_LABELS,
  INSTITUTION_TYPES,
  type ImportResponse,
  type Institution,
  type InstitutionListResponse,
  type InstitutionResponse,
  type InstitutionType,
} from '../../../contracts/institutions.js';
import { AdminPage, AdminNotice } from '../../components/AdminPage.js';
import { AdminFormDialog } from '../../components/AdminFormDialog.js';
import { AdminListBody, useAdminList } from '../../components/AdminList.js';
import { AdminSearchFilter, AdminSelectFilter } from '../../components/AdminList.js';

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

function InstitutionModal({ editing, onClose }: { editing: Institution | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { pick } = useLang();
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
  return (
    <AdminFormDialog
      title={editing ? t('secretariat.institutions.editTitle') : t('secretariat.institutions.addTitle')}
      onClose={onClose}
      mutation={save}
      size="lg"
      footerMt="sm"
    >
      {(err) => (
        <>
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
        </>
      )}
    </AdminFormDialog>
  );
}

/* ---------------------------------------------------------------- CSV import */

const TEMPLATE_ROWS = [
  ['pemerintah_provinsi', 'Pemerintah Provinsi Kalimantan Timur', 'Pemprov Kaltim', '64', ''],
  ['pemerintah_kota', 'Pemerintah Kota Samarinda', 'Pemkot Samarinda', '64.72', '64'],
  ['bumd', 'PT Bank Pembangunan Daerah Kalimantan Timur dan Kalimantan Utara', 'Bankaltimtara', '', '64'],
  ['kementerian', 'Kementerian Contoh', '', '', ''],
];

function ImportCard() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  return (
    <CsvImportPanel<ImportResponse>
      headingId="import-title"
      texts={{
        title: t('secretariat.import.title'),
        intro: t('secretariat.import.intro', { max: INSTITUTION_IMPORT_MAX_ROWS }),
        columnsTitle: t('secretariat.import.columnsTitle'),
        downloadTemplate: t('secretariat.import.downloadTemplate'),
        file: t('secretariat.import.file'),
        fileHint: t('secretariat.import.fileHint'),
        rowsBelow: (count) => t('secretariat.import.rowsBelow', { count }),
        reportCaption: t('secretariat.import.reportCaption'),
        row: t('secretariat.import.row'),
        field: t('secretariat.import.field'),
        message: t('secretariat.import.message'),
      }}
      columns={INSTITUTION_IMPORT_COLUMNS.map((c) => ({ name: c, help: t(`secretariat.import.col.${c}`) }))}
      columnsNote={
        <Text size="sm" mt="xs">
          {t('secretariat.import.typesAllowed')} {INSTITUTION_TYPES.join(', ')}.
        </Text>
      }
      template={{
        header: INSTITUTION_IMPORT_COLUMNS,
        rows: TEMPLATE_ROWS,
        fileName: 'templat-impor-instansi.csv',
      }}
      actions={[
        { label: t('secretariat.import.check'), dryRun: true, variant: 'default' },
        { label: t('secretariat.import.run'), dryRun: false },
      ]}
      path={(dryRun) => `/institutions/import${dryRun ? '?dryRun=1' : ''}`}
      success={(res) =>
        res.dryRun
          ? t('secretariat.import.dryRunOk', { count: res.valid })
          : t('secretariat.import.done', { count: res.created })
      }
      onImported={() => qc.invalidateQueries({ queryKey: ['institutions'] })}
    />
  );
}

/* ---------------------------------------------------------------- page */

export function InstitutionsPage() {
  const { t } = useTranslation();
  const { pick } = useLang();
  const [modal, setModal] = useState<{ editing: Institution | null } | null>(null);
  const [importOpen, setImportOpen] = useState(false);
  const filters = useAdminList<InstitutionListResponse, 'q' | 'type'>({
    key: ['institutions', 'list'],
    path: '/institutions',
    filters: ['q', 'type'],
    typed: ['q'],
    pageSize: PAGE_SIZE,
  });
  const canManage = filters.list.data?.abilities.manage ?? false;

  return (
    <AdminPage gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('secretariat.institutions.title')}</Title>
          <Text c="dark.6">{t('secretariat.institutions.intro')}</Text>
        </div>
        {canManage && (
          <ImportAndAddButtons
            importOpen={importOpen}
            onToggleImport={() => setImportOpen((o) => !o)}
            importPanelId="institution-import"
            importLabel={t('secretariat.import.open')}
            addLabel={t('secretariat.institutions.add')}
            onAdd={() => setModal({ editing: null })}
          />
        )}
      </Group>
      {filters.list.data && !canManage && (
        <AdminNotice tone="info">{t('secretariat.institutions.readOnly')}</AdminNotice>
      )}
      {canManage && (
        <Collapse expanded={importOpen} id="institution-import">
          <ImportCard />
        </Collapse>
      )}
      <section aria-label={t('secretariat.institutions.listLabel')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} mb="sm">
          <AdminSearchFilter
            filters={filters}
            name="q"
            label={t('secretariat.institutions.search')}
            placeholder={t('secretariat.institutions.searchPlaceholder')}
          />
          <AdminSelectFilter
            filters={filters}
            name="type"
            label={t('secretariat.institutions.type')}
            placeholder={t('secretariat.institutions.allTypes')}
            data={INSTITUTION_TYPES.map((ty) => ({ value: ty, label: pick(INSTITUTION_TYPE_LABELS[ty]) }))}
          />
        </SimpleGrid>
        <AdminListBody
          list={filters.list}
          page={filters.page}
          onPage={filters.setPage}
          empty={t('secretariat.noResults')}
          pagerWhenEmpty
          rowKey={(i) => i.id}
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
      </section>
      {modal && (
        <InstitutionModal
          key={modal.editing?.id ?? 'new'}
          editing={modal.editing}
          onClose={() => setModal(null)}
        />
      )}
    </AdminPage>
  );
}
