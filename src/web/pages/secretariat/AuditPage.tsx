import { Button, Group, SimpleGrid, Spoiler, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IconDownload, IconShieldCheck } from '@tabler/icons-react';
import { api } from '../../api/client.js';
import { useLang } from '../../i18n/index.js';
import { apiErrorMessages } from '../../components/forms.js';
import { AdminInstant } from '../../components/AdminInstant.js';
import { formatAt, readerTimeZone } from '../../components/AdminTime.js';
import type { AuditListResponse, AuditVerifyResponse } from '../../../contracts/audit.js';
import { AdminPage, AdminNotice } from '../../components/AdminPage.js';
import { DownloadButton } from '../../components/DownloadButton.js';
import {
  AdminListBody,
  AdminSearchFilter,
  AdminSelectFilter,
  useAdminList,
} from '../../components/AdminList.js';

const PAGE_SIZE = 50;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The words of the audit log (i18n `audit`): an action code, an entity type, a detail's name; a code that
 * has no words yet shows as it is. The codes contain dots, so the lists are read whole, not by key path.
 */
function useAuditWords() {
  const { t } = useTranslation();
  const list = (key: string) => {
    const v = t(key, { returnObjects: true });
    return typeof v === 'object' && v !== null ? (v as Record<string, string>) : {};
  };
  const actions = list('audit.actions');
  const entities = list('audit.entities');
  const details = list('audit.details');
  return {
    action: (code: string) => actions[code] ?? code,
    entity: (type: string) => entities[type] ?? type,
    detail: (key: string) => details[key] ?? key,
  };
}

/** One value of a summary, short enough for a table cell. */
function show(v: unknown, lang: 'id' | 'en', t: (k: string) => string): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
  if (typeof v === 'string') {
    if (ISO_INSTANT.test(v)) return formatAt(v, readerTimeZone(), lang);
    return v.length > 120 ? `${v.slice(0, 117)}…` : v || '""';
  }
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null))
    return v.length ? v.map((x) => show(x, lang, t)).join(', ') : '[]';
  const json = JSON.stringify(v);
  return json.length > 120 ? `${json.slice(0, 117)}…` : json;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A summary as lines: "field: before → after" for changes, "field: value" for the other details. */
function summaryLines(summary: unknown, lang: 'id' | 'en', t: (k: string) => string) {
  const lines: { key: string; before?: string; after: string }[] = [];
  if (summary === null || summary === undefined) return lines;
  if (!isObject(summary)) {
    lines.push({ key: '', after: show(summary, lang, t) });
    return lines;
  }
  const { before, after, ...rest } = summary;
  if (isObject(before) && isObject(after)) {
    for (const k of [...new Set([...Object.keys(before), ...Object.keys(after)])]) {
      if (JSON.stringify(before[k]) === JSON.stringify(after[k])) continue;
      lines.push({ key: k, before: show(before[k], lang, t), after: show(after[k], lang, t) });
    }
  } else if (isObject(after)) {
    for (const [k, v] of Object.entries(after)) lines.push({ key: k, after: show(v, lang, t) });
  } else if (isObject(before)) {
    for (const [k, v] of Object.entries(before)) lines.push({ key: k, before: show(v, lang, t), after: '—' });
  } else if (before !== undefined || after !== undefined) {
    lines.push({ key: '', before: show(before, lang, t), after: show(after, lang, t) });
  }
  // Nested details (e.g. the lists a competition edit touched) read as dotted paths; empty parts are left out.
  const walk = (prefix: string, v: unknown, depth: number) => {
    if (isObject(v) && depth < 4) {
      for (const [k, inner] of Object.entries(v)) walk(prefix ? `${prefix}.${k}` : k, inner, depth + 1);
      return;
    }
    if ((Array.isArray(v) && v.length === 0) || (isObject(v) && Object.keys(v).length === 0)) return;
    lines.push({ key: prefix, after: show(v, lang, t) });
  };
  walk('', rest, 0);
  return lines;
}

function Summary({ summary, eventId }: { summary: unknown; eventId: number }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const words = useAuditWords();
  const lines = summaryLines(summary, lang, t);
  if (!lines.length) return <Text size="xs">—</Text>;
  return (
    <Spoiler
      maxHeight={88}
      showLabel={t('secretariat.audit.more')}
      hideLabel={t('secretariat.audit.less')}
      styles={{ control: { fontSize: 12 } }}
      // The folded part is a region: each named after its event, so no two regions share a name (axe).
      attributes={{ content: { 'aria-label': t('secretariat.audit.detailsOf', { id: eventId }) } }}
    >
      <Stack gap={2}>
        {lines.map((l, i) => (
          <Text key={i} size="xs" style={{ overflowWrap: 'anywhere' }}>
            {l.key && <Text span fw={700} size="xs" title={l.key}>{`${words.detail(l.key)}: `}</Text>}
            {l.before !== undefined && (
              <>
                <Text span size="xs" td="line-through" c="dark.6">
                  {l.before}
                </Text>
                {' → '}
              </>
            )}
            {l.after}
          </Text>
        ))}
      </Stack>
    </Spoiler>
  );
}

const FILTERS = ['action', 'entityType', 'actor', 'from', 'to', 'q'] as const;

export function AuditPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const words = useAuditWords();
  const filters = useAdminList<AuditListResponse, (typeof FILTERS)[number]>({
    key: ['audit'],
    path: '/audit',
    filters: FILTERS,
    typed: ['actor', 'q'],
    pageSize: PAGE_SIZE,
  });
  const { list, qs, values, set } = filters;
  const verify = useMutation({ mutationFn: () => api<AuditVerifyResponse>('GET', '/audit/verify') });
  const d = list.data;
  const fieldErrors = list.error ? apiErrorMessages(list.error, lang).fields : {};
  const verifyErr = verify.error ? apiErrorMessages(verify.error, lang) : null;
  const zone = readerTimeZone();

  return (
    <AdminPage gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={1}>{t('secretariat.audit.title')}</Title>
          <Text c="dark.6">{t('secretariat.audit.intro')}</Text>
        </div>
        <Group gap="xs">
          {(d?.abilities.verify ?? true) && (
            <Button
              variant="default"
              leftSection={<IconShieldCheck size={16} aria-hidden />}
              loading={verify.isPending}
              onClick={() => verify.mutate()}
            >
              {t('secretariat.audit.verify')}
            </Button>
          )}
          {d?.abilities.export && (
            <DownloadButton
              href={`/api/audit/export.csv?${qs}`}
              fallbackName="sinovik-audit.csv"
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              {t('secretariat.audit.export')}
            </DownloadButton>
          )}
        </Group>
      </Group>
      <div aria-live="polite">
        {verify.data && (
          <AdminNotice
            tone={verify.data.ok ? 'success' : 'danger'}
            role={verify.data.ok ? 'status' : 'alert'}
            title={verify.data.ok ? t('secretariat.audit.chainOk') : t('secretariat.audit.chainBroken')}
            withCloseButton
            onClose={() => verify.reset()}
          >
            {verify.data.ok
              ? t('secretariat.audit.chainOkBody', { count: verify.data.checked })
              : t('secretariat.audit.chainBrokenBody', {
                  id: verify.data.brokenAt,
                  count: verify.data.checked,
                })}
            {verify.data.unlinked > 0 &&
              ` ${t('secretariat.audit.unlinked', { count: verify.data.unlinked })}`}
          </AdminNotice>
        )}
        {verifyErr && (
          <AdminNotice tone="danger" role="alert">
            {verifyErr.general}
          </AdminNotice>
        )}
      </div>
      <section aria-label={t('secretariat.audit.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          <AdminSearchFilter
            filters={filters}
            name="q"
            label={t('secretariat.audit.q')}
            placeholder={t('secretariat.audit.qPlaceholder')}
            error={fieldErrors.q}
          />
          <AdminSelectFilter
            filters={filters}
            name="action"
            label={t('secretariat.audit.action')}
            placeholder={t('secretariat.audit.all')}
            data={(d?.facets.actions ?? []).map((a) => ({ value: a, label: words.action(a) }))}
            searchable
          />
          <AdminSelectFilter
            filters={filters}
            name="entityType"
            label={t('secretariat.audit.entityType')}
            placeholder={t('secretariat.audit.all')}
            data={(d?.facets.entityTypes ?? []).map((e) => ({ value: e, label: words.entity(e) }))}
            searchable
          />
          <AdminSearchFilter
            filters={filters}
            name="actor"
            label={t('secretariat.audit.actor')}
            placeholder={t('secretariat.audit.actorPlaceholder')}
            leftSection={null}
            error={fieldErrors.actor}
          />
          <Group grow gap="xs" align="flex-start">
            <TextInput
              type="date"
              label={t('secretariat.audit.from')}
              value={values.from}
              onChange={(e) => set({ from: e.currentTarget.value })}
              error={fieldErrors.from}
            />
            <TextInput
              type="date"
              label={t('secretariat.audit.to')}
              value={values.to}
              onChange={(e) => set({ to: e.currentTarget.value })}
              error={fieldErrors.to}
            />
          </Group>
          <Group align="flex-end">
            <Button
              variant="subtle"
              onClick={() => set(Object.fromEntries(FILTERS.map((f) => [f, ''])))}
              disabled={FILTERS.every((f) => !values[f].trim())}
            >
              {t('secretariat.audit.reset')}
            </Button>
          </Group>
        </SimpleGrid>
        <Text size="xs" c="dark.6" mt={4}>
          {t('secretariat.audit.dateHint')}
        </Text>
      </section>
      <AdminListBody
        list={list}
        page={filters.page}
        onPage={filters.setPage}
        error={Object.keys(fieldErrors).length ? null : list.error}
        empty={t('secretariat.noResults')}
        rowKey={(e) => e.id}
        minWidth={900}
        verticalSpacing="xs"
        caption={t('secretariat.audit.timesIn', { zone })}
        columns={[
          {
            header: t('secretariat.audit.time'),
            primary: true,
            cell: (e) => (
              <>
                <AdminInstant iso={e.createdAt} size="xs" />
                <Text size="xs" c="dark.6">
                  #{e.id}
                </Text>
              </>
            ),
          },
          {
            header: t('secretariat.audit.actor'),
            style: { maxWidth: 200 },
            cell: (e) =>
              e.actor ? (
                <>
                  <Text size="xs" fw={600}>
                    {e.actor.name || `#${e.actor.id}`}
                  </Text>
                  <Text size="xs" c="dark.6" style={{ overflowWrap: 'anywhere' }}>
                    {e.actor.email}
                  </Text>
                </>
              ) : (
                <Text size="xs" c="dark.6">
                  {t('secretariat.audit.system')}
                </Text>
              ),
          },
          {
            header: t('secretariat.audit.action'),
            // In words for people; the code, small, for a technician (and the search box finds both).
            cell: (e) => (
              <>
                <Text size="sm">{words.action(e.action)}</Text>
                <Text size="xs" c="dark.5" style={{ overflowWrap: 'anywhere' }}>
                  {t('audit.code', { code: e.action })}
                </Text>
              </>
            ),
          },
          {
            header: t('secretariat.audit.entity'),
            cell: (e) => (
              <Text size="xs">
                {words.entity(e.entityType)}
                {e.entityId !== null && ` #${e.entityId}`}
              </Text>
            ),
          },
          {
            header: t('secretariat.audit.summary'),
            style: { minWidth: 260, maxWidth: 420 },
            cell: (e) => <Summary summary={e.summary} eventId={e.id} />,
          },
          { header: 'IP', cell: (e) => <Text size="xs">{e.ip ?? '—'}</Text> },
        ]}
      />
    </AdminPage>
  );
}
