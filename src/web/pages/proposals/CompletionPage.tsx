import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  Anchor,
  Button,
  Group,
  List,
  Modal,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { completionResponse } from '../../../contracts/admin-check.js';
import type { ProposalDetail } from '../../../contracts/proposals.js';
import { api, ApiError } from '../../api/client.js';
import { AdminNotice, AdminPage } from '../../components/AdminPage.js';
import { AdminQueryState } from '../../components/AdminQueryState.js';
import { Deadline } from '../../components/Deadline.js';
import { EvidencePanel } from '../../components/proposal/EvidencePanel.js';
import { useLang } from '../../i18n/index.js';

type Completion = z.infer<typeof completionResponse>;
const TEXT_FIELDS = [
  'title',
  'acronym',
  'innovatorNames',
  'contactName',
  'contactPhone',
  'contactEmail',
  'implementationStart',
] as const;

/**
 * /usulan/:id/kelengkapan: the completion request of an incomplete proposal. The admin lokal of its
 * institution changes only the named items and sends the completion; its UPP reads the request.
 */
export function CompletionPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { lang } = useLang();
  const client = useQueryClient();
  const completion = useQuery({
    queryKey: ['completion', id],
    queryFn: () => api<Completion>('GET', `/proposals/${id}/completion`),
  });
  const proposal = useQuery({
    queryKey: ['proposal', id],
    queryFn: () => api<ProposalDetail>('GET', `/proposals/${id}`),
  });
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirm, setConfirm] = useState(false);
  const c = completion.data;
  const p = proposal.data;
  const items = c?.request?.items.map((i) => i.item) ?? [];
  const sections = items.filter((i) => i.startsWith('section:')).map((i) => i.slice(8));
  const fields = items.filter((i) => i.startsWith('field:')).map((i) => i.slice(6));
  const evidence = items.filter((i) => i.startsWith('evidence:')).map((i) => i.slice(9));
  useEffect(() => {
    if (!p) return;
    const v: Record<string, string> = {};
    for (const f of fields)
      v[f] =
        f === 'categoryKey'
          ? (p.categories.find((k) => k.id === p.category?.id)?.key ?? '')
          : String((p as Record<string, unknown>)[f] ?? '');
    for (const s of sections) v[`sections.${s}`] = p.answers.find((a) => a.sectionKey === s)?.text ?? '';
    setValues(v);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [p, c]);
  const save = useMutation({
    mutationFn: () => {
      const body: Record<string, unknown> = { version: p!.version };
      for (const f of fields) if (f !== 'links') body[f] = values[f] === '' ? null : values[f];
      if (sections.length)
        body.answers = sections.map((s) => ({ sectionKey: s, text: values[`sections.${s}`] ?? '' }));
      return api('PATCH', `/proposals/${id}/completion`, body);
    },
    onSuccess: () => {
      setError(null);
      setNotice(t('adminCheck.complete.saved'));
      void client.invalidateQueries({ queryKey: ['proposal', id] });
    },
    onError: (e) => setError(e instanceof ApiError ? e : null),
  });
  const submit = useMutation({
    mutationFn: () => api<Completion>('POST', `/proposals/${id}/completion/submit`),
    onSuccess: (r) => {
      client.setQueryData(['completion', id], r);
      setConfirm(false);
      setError(null);
      setNotice(t('adminCheck.complete.sent'));
    },
    onError: (e) => {
      setConfirm(false);
      setError(e instanceof ApiError ? e : null);
    },
  });
  const editable = !!c?.abilities.save;
  const fieldError = (k: string) => error?.fields[k]?.message[lang];
  const labelOf = (item: string) => c?.request?.items.find((i) => i.item === item)?.label[lang] ?? item;
  return (
    <AdminPage>
      <AdminQueryState
        isLoading={completion.isLoading || proposal.isLoading}
        error={completion.error ?? proposal.error}
        onRetry={() => completion.refetch()}
      >
        {c && p && (
          <>
            <Anchor component={Link} to={`/usulan/${id}`} size="sm">
              {p.code}
            </Anchor>
            <Title order={1}>{t('adminCheck.complete.title')}</Title>
            <Text>
              {p.code} · {p.title}
            </Text>
            {!c.request ? (
              <Text>{t('adminCheck.complete.notOpen')}</Text>
            ) : (
              <>
                <Paper withBorder p="md" component="section" aria-labelledby="request-title">
                  <Title order={2} size="h3" id="request-title" mb="xs">
                    {t('adminCheck.request.title')}
                  </Title>
                  <Text size="sm" mb="xs">
                    {c.request.open
                      ? t('adminCheck.complete.intro')
                      : c.request.completedAt
                        ? t('adminCheck.complete.sent')
                        : t('adminCheck.complete.closed')}
                  </Text>
                  <Text fw={600} size="sm">
                    {t('adminCheck.request.items')}
                  </Text>
                  <List size="sm" mb="xs">
                    {c.request.items.map((i) => (
                      <List.Item key={i.item}>{i.label[lang]}</List.Item>
                    ))}
                  </List>
                  {c.request.note && (
                    <Text size="sm" mb="xs">
                      “{c.request.note}”
                    </Text>
                  )}
                  <Deadline
                    at={c.request.deadlineAt}
                    timeZone={c.timeZone}
                    label={t('adminCheck.request.deadline')}
                    passedLabel={t('adminCheck.complete.closed')}
                    countdown={c.request.open}
                  />
                  {!editable && c.request.open && (
                    <Text size="sm" mt="xs">
                      {t('adminCheck.complete.readOnly')}
                    </Text>
                  )}
                </Paper>
                {error && <AdminNotice tone="danger">{error.text[lang]}</AdminNotice>}
                {notice && !error && (
                  <AdminNotice tone="success" withCloseButton onClose={() => setNotice(null)}>
                    {notice}
                  </AdminNotice>
                )}
                {/* The evidence the request names: added or replaced here (read-only to the UPP). */}
                {evidence.length > 0 && (
                  <EvidencePanel
                    detail={p}
                    completion={editable ? { evidence } : undefined}
                    onAttachments={(update) =>
                      client.setQueryData<ProposalDetail>(['proposal', id], (d) =>
                        d ? { ...d, attachments: update(d.attachments) } : d,
                      )
                    }
                  />
                )}
                {editable && (
                  <Paper
                    withBorder
                    p="md"
                    component="form"
                    aria-labelledby="complete-title"
                    onSubmit={(e) => {
                      e.preventDefault();
                      save.mutate();
                    }}
                  >
                    <Title order={2} size="h3" id="complete-title" mb="xs">
                      {t('adminCheck.complete.title')}
                    </Title>
                    <Stack>
                      {fields.map((f) =>
                        f === 'categoryKey' ? (
                          <Select
                            key={f}
                            label={labelOf(`field:${f}`)}
                            value={values[f] || null}
                            onChange={(v) => setValues((all) => ({ ...all, [f]: v ?? '' }))}
                            data={p.categories.map((k) => ({
                              value: k.key,
                              label: lang === 'id' ? k.nameId : k.nameEn,
                            }))}
                            error={fieldError(f)}
                          />
                        ) : f === 'innovatorKind' ? (
                          <Select
                            key={f}
                            label={labelOf(`field:${f}`)}
                            value={values[f] || null}
                            onChange={(v) => setValues((all) => ({ ...all, [f]: v ?? '' }))}
                            data={[
                              { value: 'person', label: lang === 'id' ? 'Perorangan' : 'Person' },
                              { value: 'team', label: lang === 'id' ? 'Tim' : 'Team' },
                            ]}
                            error={fieldError(f)}
                          />
                        ) : (TEXT_FIELDS as readonly string[]).includes(f) ? (
                          <TextInput
                            key={f}
                            type={f === 'implementationStart' ? 'date' : 'text'}
                            label={labelOf(`field:${f}`)}
                            value={values[f] ?? ''}
                            onChange={(e) => {
                              const v = e.currentTarget.value;
                              setValues((all) => ({ ...all, [f]: v }));
                            }}
                            error={fieldError(f)}
                          />
                        ) : null,
                      )}
                      {sections.map((s) => (
                        <Textarea
                          key={s}
                          label={labelOf(`section:${s}`)}
                          value={values[`sections.${s}`] ?? ''}
                          onChange={(e) => {
                            const v = e.currentTarget.value;
                            setValues((all) => ({ ...all, [`sections.${s}`]: v }));
                          }}
                          autosize
                          minRows={4}
                          error={fieldError(`sections.${s}`)}
                        />
                      ))}
                      <Group>
                        <Button type="submit" variant="default" loading={save.isPending}>
                          {t('adminCheck.complete.save')}
                        </Button>
                        <Button onClick={() => setConfirm(true)}>{t('adminCheck.complete.submit')}</Button>
                      </Group>
                    </Stack>
                  </Paper>
                )}
                <Modal
                  opened={confirm}
                  onClose={() => setConfirm(false)}
                  title={t('adminCheck.complete.confirmTitle')}
                >
                  <Stack>
                    <Text>{t('adminCheck.complete.confirmBody')}</Text>
                    <Group justify="flex-end">
                      <Button variant="default" onClick={() => setConfirm(false)}>
                        {t('adminCheck.cancel')}
                      </Button>
                      <Button
                        loading={submit.isPending}
                        onClick={async () => {
                          await save.mutateAsync();
                          submit.mutate();
                        }}
                      >
                        {t('adminCheck.complete.confirm')}
                      </Button>
                    </Group>
                  </Stack>
                </Modal>
              </>
            )}
          </>
        )}
      </AdminQueryState>
    </AdminPage>
  );
}
