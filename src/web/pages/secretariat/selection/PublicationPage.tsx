import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  Anchor,
  Button,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IconSpeakerphone } from '@tabler/icons-react';
import type { PublishBody, ReadinessResponse } from '../../../../contracts/announcements.js';
import { api } from '../../../api/client.js';
import { AdminConfirmDialog } from '../../../components/AdminFormDialog.js';
import { AdminNotice, AdminPage } from '../../../components/AdminPage.js';
import { AdminQueryState } from '../../../components/AdminQueryState.js';
import { formatAt } from '../../../components/AdminTime.js';
import { apiErrorMessages } from '../../../components/forms.js';
import { useLang } from '../../../i18n/index.js';
import { AnnouncementTable } from './AnnouncementTable.js';

interface PublishResult {
  moved: { passed: number; disqualified: number };
  mails: number;
}

const EMPTY: PublishBody = { letterNumber: '', titleId: '', titleEn: '', bodyId: '', bodyEn: '' };

/** /sekretariat/kompetisi/:id/publikasi: the staged administrative results, what blocks them, and the publish. */
export function PublicationPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { lang } = useLang();
  const qc = useQueryClient();
  const key = ['publication', id] as const;
  const view = useQuery({
    queryKey: key,
    queryFn: () => api<ReadinessResponse>('GET', `/competitions/${id}/publication/administrative`),
  });
  const d = view.data;
  const [form, setForm] = useState<PublishBody>(EMPTY);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<PublishResult | null>(null);
  useEffect(() => {
    if (d && form === EMPTY) setForm({ ...EMPTY, ...d.defaults });
  }, [d, form]);
  const run = useMutation({
    mutationFn: () => api<PublishResult>('POST', `/competitions/${id}/publication/administrative`, form),
    onSuccess: (r) => {
      setConfirming(false);
      setDone(r);
      void qc.invalidateQueries({ queryKey: key });
    },
    onError: (err) => {
      // A refused field is shown beside it: close the dialog so it can be corrected.
      if (Object.keys(apiErrorMessages(err, lang).fields).length) setConfirming(false);
    },
  });
  const err = run.error ? apiErrorMessages(run.error, lang) : null;
  const set = (k: keyof PublishBody) => (e: { currentTarget: { value: string } }) => {
    const v = e.currentTarget.value;
    setForm((f) => ({ ...f, [k]: v }));
    // A refusal shown on the fields is about what was sent: editing clears it.
    if (run.error) run.reset();
  };

  return (
    <AdminPage>
      <AdminQueryState isLoading={view.isLoading} error={view.error} onRetry={() => view.refetch()}>
        {d && (
          <>
            <div>
              <Title order={1}>{t('publication.title')}</Title>
              <Text c="dark.6">
                {d.competition.name} · {t('publication.intro')}
              </Text>
              <Anchor component={Link} to={`/sekretariat/kompetisi/${d.competition.id}/dasbor`} size="sm">
                {t('publication.backToDashboard')}
              </Anchor>
            </div>
            {done && (
              <AdminNotice tone="success" withCloseButton onClose={() => setDone(null)}>
                {t('publication.done', {
                  passed: done.moved.passed,
                  disqualified: done.moved.disqualified,
                  mails: done.mails,
                })}
              </AdminNotice>
            )}
            {/* Once published nothing is staged any more: the counts would all read 0. */}
            {!d.published && (
              <SimpleGrid
                cols={{ base: 2, sm: 3, md: 6 }}
                component="section"
                aria-label={t('publication.title')}
              >
                {(Object.keys(d.counts) as (keyof typeof d.counts)[])
                  .filter((k) => k !== 'institutions' && k !== 'recipients')
                  .map((k) => (
                    <Paper withBorder p="sm" key={k}>
                      <Text size="xs" c="dark.6">
                        {t(`publication.counts.${k}`)}
                      </Text>
                      <Text fw={700} size="xl">
                        {d.counts[k]}
                      </Text>
                    </Paper>
                  ))}
              </SimpleGrid>
            )}
            {d.published ? (
              <AdminNotice tone="info" title={t('publication.publishedTitle')}>
                <Stack gap={4}>
                  <Text size="sm">
                    {t('publication.publishedText', {
                      letter: d.published.letterNumber,
                      at: formatAt(d.published.publishedAt, d.competition.timeZone, lang),
                    })}
                  </Text>
                  <Anchor
                    component={Link}
                    to={`/kompetisi/${d.competition.id}/pengumuman/${d.published.kind}`}
                  >
                    {t('publication.viewPublic')}
                  </Anchor>
                </Stack>
              </AdminNotice>
            ) : d.blockers.length ? (
              <AdminNotice tone="warning" title={t('publication.blockersTitle')}>
                <List size="sm" spacing={4}>
                  {d.blockers.map((b) => (
                    <List.Item key={b.code}>
                      {b.message[lang]}{' '}
                      {b.codes.length > 0 && (
                        <Text span size="xs">
                          {t('publication.blockerCodes', { codes: b.codes.join(', ') })}
                        </Text>
                      )}
                    </List.Item>
                  ))}
                </List>
              </AdminNotice>
            ) : d.ready ? (
              <AdminNotice tone="success" title={t('publication.readyTitle')}>
                {t('publication.readyText', {
                  passed: d.counts.passed,
                  disqualified: d.counts.disqualified,
                  recipients: d.counts.recipients,
                  institutions: d.counts.institutions,
                })}
              </AdminNotice>
            ) : (
              <AdminNotice tone="neutral">{t('publication.nothingStaged')}</AdminNotice>
            )}
            {!d.published && (
              <Paper withBorder p="md" component="section" aria-labelledby="publication-form">
                <Title order={2} size="h3" id="publication-form" mb="sm">
                  {t('publication.form.title')}
                </Title>
                <form
                  noValidate
                  onSubmit={(e) => {
                    e.preventDefault();
                    run.reset();
                    setConfirming(true);
                  }}
                >
                  <Stack gap="sm">
                    <TextInput
                      label={t('publication.form.letterNumber')}
                      description={t('publication.form.letterHint')}
                      required
                      value={form.letterNumber}
                      onChange={set('letterNumber')}
                      error={err?.fields.letterNumber}
                      maxLength={100}
                    />
                    <SimpleGrid cols={{ base: 1, md: 2 }}>
                      <TextInput
                        label={t('publication.form.titleId')}
                        required
                        value={form.titleId}
                        onChange={set('titleId')}
                        error={err?.fields.titleId}
                      />
                      <TextInput
                        label={t('publication.form.titleEn')}
                        required
                        value={form.titleEn}
                        onChange={set('titleEn')}
                        error={err?.fields.titleEn}
                      />
                      <Textarea
                        label={t('publication.form.bodyId')}
                        required
                        autosize
                        minRows={4}
                        value={form.bodyId}
                        onChange={set('bodyId')}
                        error={err?.fields.bodyId}
                      />
                      <Textarea
                        label={t('publication.form.bodyEn')}
                        required
                        autosize
                        minRows={4}
                        value={form.bodyEn}
                        onChange={set('bodyEn')}
                        error={err?.fields.bodyEn}
                      />
                    </SimpleGrid>
                    {err && !confirming && !Object.keys(err.fields).length && (
                      <AdminNotice tone="danger" role="alert">
                        {err.general}
                      </AdminNotice>
                    )}
                    <Group>
                      <Button
                        type="submit"
                        leftSection={<IconSpeakerphone size={16} aria-hidden />}
                        disabled={!d.abilities.publish}
                      >
                        {t('publication.form.publish')}
                      </Button>
                    </Group>
                  </Stack>
                </form>
              </Paper>
            )}
            {!d.published && (
              <Paper withBorder p="md" component="section" aria-labelledby="publication-preview">
                <Title order={2} size="h3" id="publication-preview">
                  {t('publication.preview.title')}
                </Title>
                <Text size="sm" c="dark.6" mb="sm">
                  {t('publication.preview.note')}
                </Text>
                <AnnouncementTable rows={d.preview} offset={0} />
                {d.counts.passed > d.preview.length && (
                  <Text size="sm" c="dark.6" mt="xs">
                    {t('publication.preview.more', { count: d.counts.passed - d.preview.length })}
                  </Text>
                )}
              </Paper>
            )}
            {confirming && (
              <AdminConfirmDialog
                title={t('publication.confirm.title')}
                confirmLabel={t('publication.confirm.button')}
                danger
                pending={run.isPending}
                error={err ? err.general : null}
                onConfirm={() => run.mutate()}
                onClose={() => setConfirming(false)}
              >
                <Text size="sm">
                  {t('publication.confirm.text', {
                    letter: form.letterNumber,
                    passed: d.counts.passed,
                    disqualified: d.counts.disqualified,
                  })}
                </Text>
                <Text size="sm">
                  {t('publication.confirm.mails', {
                    recipients: d.counts.recipients,
                    institutions: d.counts.institutions,
                  })}
                </Text>
                <Text size="sm" fw={700}>
                  {t('publication.confirm.irreversible')}
                </Text>
              </AdminConfirmDialog>
            )}
          </>
        )}
      </AdminQueryState>
    </AdminPage>
  );
}
