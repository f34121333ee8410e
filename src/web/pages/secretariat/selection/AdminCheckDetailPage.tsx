import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  Anchor,
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { checkDetailSchema } from '../../../../contracts/admin-check.js';
import { api, ApiError } from '../../../api/client.js';
import { AdminNotice, AdminPage } from '../../../components/AdminPage.js';
import { AdminQueryState } from '../../../components/AdminQueryState.js';
import { formatAt, joinInZone } from '../../../components/AdminTime.js';
import { useLang } from '../../../i18n/index.js';
import { StatusBadge } from './AdminCheckQueuePage.js';
import { NearDuplicatePanel } from './NearDuplicatePanel.js';

type Detail = z.infer<typeof checkDetailSchema>;
type Mark = { ok: boolean | null; note?: string };

/** /sekretariat/seleksi-administrasi/:id: one proposal's checklist, findings and decision. */
export function AdminCheckDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { lang } = useLang();
  const client = useQueryClient();
  const key = ['admin-check', id];
  const view = useQuery({ queryKey: key, queryFn: () => api<Detail>('GET', `/admin-checks/${id}`) });
  const [marks, setMarks] = useState<Record<string, Mark>>({});
  const [dialog, setDialog] = useState<'completion' | 'disqualify' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const d = view.data;
  useEffect(() => {
    if (d) setMarks(Object.fromEntries(d.checklist.flatMap((c) => (c.mark ? [[c.key, c.mark]] : []))));
  }, [d]);
  const act = useMutation({
    mutationFn: ({ method, path, body }: { method: string; path: string; body?: object }) =>
      api<Detail>(method, `/admin-checks/${id}${path}`, body),
    onSuccess: (r) => {
      client.setQueryData(key, r);
      setError(null);
      setDialog(null);
      setNotice(t('adminCheck.saved'));
      void client.invalidateQueries({ queryKey: ['admin-checks'] });
    },
    onError: (e) => setError(e instanceof ApiError ? e : null),
  });
  const tz = d?.competition.timeZone ?? 'Asia/Jakarta';
  return (
    <AdminPage>
      <AdminQueryState isLoading={view.isLoading} error={view.error} onRetry={() => view.refetch()}>
        {d && (
          <>
            <Anchor
              component={Link}
              to={`/sekretariat/kompetisi/${d.competition.id}/seleksi-administrasi`}
              size="sm"
            >
              {t('adminCheck.back')}
            </Anchor>
            <Group justify="space-between" align="flex-start">
              <div>
                <Title order={1}>
                  {d.proposal.code} · {d.proposal.title}
                </Title>
                <Text c="dark.6">
                  {d.proposal.institution} · {d.proposal.unit} · {d.proposal.group[lang]}
                </Text>
              </div>
              <Stack gap={4} align="flex-end">
                <StatusBadge status={d.check.status} />
                {d.check.round > 1 && (
                  <Text size="sm">{t('adminCheck.round', { round: d.check.round })}</Text>
                )}
                {d.check.completedAt && <Text size="sm">{t('adminCheck.completedMarker')}</Text>}
              </Stack>
            </Group>
            {d.check.claim.holder === 'other' && (
              <AdminNotice tone="warning">
                {t('adminCheck.claim.other', {
                  name: d.check.claim.name,
                  until: formatAt(d.check.claim.until, tz, lang),
                })}
              </AdminNotice>
            )}
            {d.check.claim.holder === 'mine' && (
              <Group gap="xs">
                <Text size="sm">
                  {t('adminCheck.claim.mine', { until: formatAt(d.check.claim.until, tz, lang) })}
                </Text>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => act.mutate({ method: 'DELETE', path: '/claim' })}
                >
                  {t('adminCheck.claim.release')}
                </Button>
              </Group>
            )}
            {d.check.claim.holder === 'free' && d.abilities.mark && (
              <Button
                w="fit-content"
                variant="default"
                onClick={() => act.mutate({ method: 'POST', path: '/claim' })}
              >
                {t('adminCheck.claim.take')}
              </Button>
            )}
            {error && <AdminNotice tone="danger">{error.text[lang]}</AdminNotice>}
            {notice && !error && (
              <AdminNotice tone="success" withCloseButton onClose={() => setNotice(null)}>
                {notice}
              </AdminNotice>
            )}
            <Paper withBorder p="md" component="section" aria-labelledby="checklist-title">
              <Title order={2} size="h3" id="checklist-title" mb="sm">
                {t('adminCheck.checklist')}
              </Title>
              <Stack>
                {d.checklist.map((c) => {
                  const m = marks[c.key];
                  return (
                    <Stack key={c.key} gap={4}>
                      <Text fw={600}>{c.label[lang]}</Text>
                      {c.finding && (
                        <Text size="sm" c={c.finding.ok === false ? 'red.9' : 'dark.6'}>
                          {c.finding.ok === true
                            ? t('adminCheck.finding.ok')
                            : c.finding.ok === false
                              ? t('adminCheck.finding.bad')
                              : t('adminCheck.finding.unknown')}
                          {c.finding.ok !== true &&
                            c.finding.notes.length > 0 &&
                            ' ' + c.finding.notes.map((n) => n[lang]).join(' ')}
                        </Text>
                      )}
                      <Radio.Group
                        label={t('adminCheck.mark.label', { item: c.label[lang] })}
                        value={m?.ok === true ? 'ok' : m?.ok === false ? 'no' : ''}
                        onChange={(v) =>
                          setMarks((all) => ({ ...all, [c.key]: { ...all[c.key], ok: v === 'ok' } }))
                        }
                      >
                        <Group gap="md">
                          <Radio value="ok" label={t('adminCheck.mark.ok')} disabled={!d.abilities.mark} />
                          <Radio value="no" label={t('adminCheck.mark.notOk')} disabled={!d.abilities.mark} />
                        </Group>
                      </Radio.Group>
                      <TextInput
                        size="xs"
                        label={t('adminCheck.mark.note', { item: c.label[lang] })}
                        value={m?.note ?? ''}
                        disabled={!d.abilities.mark}
                        onChange={(e) => {
                          const v = e.currentTarget.value;
                          setMarks((all) => ({ ...all, [c.key]: { ok: all[c.key]?.ok ?? null, note: v } }));
                        }}
                      />
                    </Stack>
                  );
                })}
                <Button
                  w="fit-content"
                  variant="default"
                  disabled={!d.abilities.mark}
                  onClick={() =>
                    act.mutate({
                      method: 'PATCH',
                      path: '',
                      body: { version: d.check.version, items: marks },
                    })
                  }
                >
                  {t('adminCheck.saveMarks')}
                </Button>
              </Stack>
            </Paper>
            <NearDuplicatePanel
              proposalId={d.proposal.id}
              competitionId={d.competition.id}
              timeZone={tz}
              onDecided={() => void client.invalidateQueries({ queryKey: key })}
            />
            <Paper withBorder p="md" component="section" aria-labelledby="decision-title">
              <Title order={2} size="h3" id="decision-title" mb="sm">
                {t('adminCheck.decision')}
              </Title>
              {d.check.decidedBy && (
                <Text size="sm" mb="sm">
                  {t('adminCheck.decided', {
                    status: t(`adminCheck.status.${d.check.status}`),
                    name: d.check.decidedBy,
                  })}
                  {d.check.reasonText ? ` — ${d.check.reasonText}` : ''}
                </Text>
              )}
              <Group>
                <Button
                  disabled={!d.abilities.pass}
                  onClick={() =>
                    act.mutate({
                      method: 'POST',
                      path: '/decision',
                      body: { outcome: 'passed', version: d.check.version, items: marks },
                    })
                  }
                >
                  {t('adminCheck.pass')}
                </Button>
                <Button
                  variant="default"
                  disabled={!d.abilities.requestCompletion}
                  onClick={() => setDialog('completion')}
                >
                  {t('adminCheck.requestCompletion')}
                </Button>
                <Button
                  color="red.9"
                  disabled={!d.abilities.disqualify}
                  onClick={() => setDialog('disqualify')}
                >
                  {t('adminCheck.disqualify')}
                </Button>
              </Group>
              {d.completion && (
                <Stack gap={4} mt="md">
                  <Text fw={600}>{t('adminCheck.request.title')}</Text>
                  <List size="sm">
                    {d.completion.items.map((i) => (
                      <List.Item key={i.item}>{i.label[lang]}</List.Item>
                    ))}
                  </List>
                  <Text size="sm">
                    {t('adminCheck.request.deadline')}: {d.completion.deadlineText[lang]}
                  </Text>
                  {d.completion.completedAt && (
                    <Text size="sm">
                      {t('adminCheck.request.completedAt')}: {formatAt(d.completion.completedAt, tz, lang)}
                    </Text>
                  )}
                </Stack>
              )}
            </Paper>
            {d.history.length > 0 && (
              <Paper withBorder p="md" component="section" aria-labelledby="history-title">
                <Title order={2} size="h3" id="history-title" mb="sm">
                  {t('adminCheck.history')}
                </Title>
                <List size="sm">
                  {d.history.map((h, i) => {
                    const after = (h.summary.after ?? {}) as { outcome?: string; status?: string };
                    return (
                      <List.Item key={i}>
                        {formatAt(h.at, tz, lang)} · {h.by ?? '—'} ·{' '}
                        {after.outcome
                          ? t(`adminCheck.status.${after.outcome}`)
                          : h.action === 'admin_check.near_duplicate_decided'
                            ? t('adminCheck.nearDup.historyDecided', {
                                status: t(`adminCheck.nearDup.status.${after.status}`),
                              })
                            : h.action.replace('admin_check.', '')}
                      </List.Item>
                    );
                  })}
                </List>
              </Paper>
            )}
            {dialog === 'completion' && (
              <CompletionDialog
                detail={d}
                busy={act.isPending}
                error={error}
                onClose={() => setDialog(null)}
                onSend={(body) => act.mutate({ method: 'POST', path: '/completion-request', body })}
              />
            )}
            {dialog === 'disqualify' && (
              <DisqualifyDialog
                detail={d}
                busy={act.isPending}
                error={error}
                onClose={() => setDialog(null)}
                onSend={(body) =>
                  act.mutate({ method: 'POST', path: '/decision', body: { ...body, items: marks } })
                }
              />
            )}
          </>
        )}
      </AdminQueryState>
    </AdminPage>
  );
}

function CompletionDialog({
  detail,
  busy,
  error,
  onClose,
  onSend,
}: {
  detail: Detail;
  busy: boolean;
  error: ApiError | null;
  onClose: () => void;
  onSend: (body: object) => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [items, setItems] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('16:00');
  const tz = detail.competition.timeZone;
  const toggle = (item: string, on: boolean) =>
    setItems((all) => (on ? [...all, item] : all.filter((i) => i !== item)));
  const fieldError = (k: string) => error?.fields[k]?.message[lang];
  return (
    <Modal opened onClose={onClose} title={t('adminCheck.completionTitle')} size="lg">
      <Stack>
        <Text size="sm">{t('adminCheck.completionIntro')}</Text>
        <Checkbox.Group
          label={t('adminCheck.sections')}
          value={items}
          onChange={setItems}
          error={fieldError('items')}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
            {detail.options.sections.map((s) => (
              <Checkbox key={s.key} value={`section:${s.key}`} label={s.label[lang]} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Checkbox.Group label={t('adminCheck.fields')} value={items} onChange={setItems}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
            {detail.options.fields.map((f) => (
              <Checkbox key={f.key} value={`field:${f.key}`} label={f.label[lang]} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Checkbox
          label={t('adminCheck.evidenceGeneral')}
          checked={items.includes('evidence:*')}
          onChange={(e) => toggle('evidence:*', e.currentTarget.checked)}
        />
        <Textarea
          label={t('adminCheck.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Group grow>
          <TextInput
            type="date"
            label={t('adminCheck.deadline', { zone: detail.competition.zone })}
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            error={fieldError('deadlineAt')}
          />
          <TextInput
            type="time"
            label={t('adminCheck.deadline', { zone: detail.competition.zone })}
            value={time}
            onChange={(e) => setTime(e.currentTarget.value)}
          />
        </Group>
        {error && !Object.keys(error.fields).length && (
          <AdminNotice tone="danger">{error.text[lang]}</AdminNotice>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('adminCheck.cancel')}
          </Button>
          <Button
            loading={busy}
            onClick={() =>
              onSend({
                version: detail.check.version,
                items,
                note: note || null,
                deadlineAt: joinInZone(date, time, tz, '16:00') ?? '',
              })
            }
          >
            {t('adminCheck.send')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function DisqualifyDialog({
  detail,
  busy,
  error,
  onClose,
  onSend,
}: {
  detail: Detail;
  busy: boolean;
  error: ApiError | null;
  onClose: () => void;
  onSend: (body: object) => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [reasonCode, setReasonCode] = useState<string | null>(
    detail.proposal.state === 'incomplete' ? 'tidak_dilengkapi' : null,
  );
  const [reasonText, setReasonText] = useState('');
  return (
    <Modal opened onClose={onClose} title={t('adminCheck.disqualifyTitle')}>
      <Stack>
        <Text size="sm">{t('adminCheck.disqualifyIntro')}</Text>
        <Select
          label={t('adminCheck.reasonCode')}
          value={reasonCode}
          onChange={setReasonCode}
          data={detail.options.reasons.map((r) => ({ value: r.code, label: r.label[lang] }))}
          error={error?.fields.reasonCode?.message[lang]}
        />
        <Textarea
          label={t('adminCheck.reasonText')}
          value={reasonText}
          onChange={(e) => setReasonText(e.currentTarget.value)}
          autosize
          minRows={3}
          error={error?.fields.reasonText?.message[lang]}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('adminCheck.cancel')}
          </Button>
          <Button
            color="red.9"
            loading={busy}
            disabled={!reasonCode}
            onClick={() =>
              onSend({ outcome: 'disqualified', version: detail.check.version, reasonCode, reasonText })
            }
          >
            {t('adminCheck.confirmDisqualify')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
