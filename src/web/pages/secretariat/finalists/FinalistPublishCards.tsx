import { useState } from 'react';
import { Link } from 'react-router';
import { Anchor, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IconGavel, IconSpeakerphone } from '@tabler/icons-react';
import type { FinalistsResponse } from '../../../../contracts/finalists.js';
import { api } from '../../../api/client.js';
import { AdminConfirmDialog } from '../../../components/AdminFormDialog.js';
import { AdminNotice } from '../../../components/AdminPage.js';
import { formatAt } from '../../../components/AdminTime.js';
import { apiErrorMessages } from '../../../components/forms.js';
import { useLang } from '../../../i18n/index.js';

/** The uji publik's window with hour and zone, or null when it is not scheduled. */
function windowOf(d: FinalistsResponse, lang: 'id' | 'en'): string | null {
  const w = d.objectionWindow;
  if (!w.opensAt || !w.closesAt) return null;
  return `${formatAt(w.opensAt, d.competition.timeZone, lang)} – ${formatAt(w.closesAt, d.competition.timeZone, lang)}`;
}

/** Publishing the provisional list: letter number, the uji publik's window, a confirmation of the consequences. */
export function ProvisionalCard({ d, onDone }: { d: FinalistsResponse; onDone: (msg: string) => void }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [letter, setLetter] = useState('');
  const [confirming, setConfirming] = useState(false);
  const s = d.selection;
  const count = s?.groups.reduce((n, g) => n + g.selected, 0) ?? 0;
  const run = useMutation({
    mutationFn: () =>
      api<{ moved: number }>('POST', `/competitions/${d.competition.id}/finalists/publish`, {
        letterNumber: letter,
        version: s?.version ?? 0,
      }),
    onSuccess: (r) => {
      setConfirming(false);
      onDone(t('finalists.publish.done', { count: r.moved }));
    },
    onError: (e) => {
      if (Object.keys(apiErrorMessages(e, lang).fields).length) setConfirming(false);
    },
  });
  const err = run.error ? apiErrorMessages(run.error, lang) : null;
  const window = windowOf(d, lang);
  if (s?.provisional)
    return (
      <AdminNotice tone="info" title={t('finalists.publish.title')}>
        <Stack gap={4}>
          <Text size="sm">
            {t('finalists.publish.published', {
              at: formatAt(s.provisional.publishedAt, d.competition.timeZone, lang),
              letter: s.provisional.letterNumber,
            })}
          </Text>
          {window && <Text size="sm">{t('finalists.publish.window', { window })}</Text>}
          <Anchor
            component={Link}
            to={`/kompetisi/${d.competition.id}/pengumuman/finalists_provisional`}
            size="sm"
          >
            {t('finalists.publish.viewPublic')}
          </Anchor>
        </Stack>
      </AdminNotice>
    );
  if (!s) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="finalists-publish">
      <Title order={2} size="h3" id="finalists-publish" mb="sm">
        {t('finalists.publish.title')}
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
          <Text size="sm">
            {window ? t('finalists.publish.window', { window }) : t('finalists.publish.noWindow')}
          </Text>
          <TextInput
            label={t('finalists.publish.letterNumber')}
            description={t('finalists.publish.letterHint')}
            required
            maxLength={100}
            value={letter}
            onChange={(e) => {
              setLetter(e.currentTarget.value);
              if (run.error) run.reset();
            }}
            error={err?.fields.letterNumber}
          />
          {err && !confirming && !Object.keys(err.fields).length && (
            <AdminNotice tone="danger" role="alert">
              {err.general}
            </AdminNotice>
          )}
          <Group>
            <Button
              type="submit"
              leftSection={<IconSpeakerphone size={16} aria-hidden />}
              disabled={!d.abilities.publish || !window}
            >
              {t('finalists.publish.button')}
            </Button>
          </Group>
        </Stack>
      </form>
      {confirming && (
        <AdminConfirmDialog
          title={t('finalists.publish.confirmTitle', { count })}
          confirmLabel={t('finalists.publish.confirm')}
          danger
          pending={run.isPending}
          error={err ? err.general : null}
          onConfirm={() => run.mutate()}
          onClose={() => setConfirming(false)}
        >
          <Text size="sm">{t('finalists.publish.confirmPublic', { count, letter })}</Text>
          <Text size="sm">{t('finalists.publish.confirmWindow', { window: window ?? '—' })}</Text>
          <Text size="sm">{t('finalists.publish.confirmStates')}</Text>
          <Text size="sm" fw={700}>
            {t('finalists.publish.irreversible')}
          </Text>
        </AdminConfirmDialog>
      )}
    </Paper>
  );
}

/** Fixing the final list after the uji publik: what blocks it, the decree number, a confirmation. */
export function FinalCard({ d, onDone }: { d: FinalistsResponse; onDone: (msg: string) => void }) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const [decree, setDecree] = useState('');
  const [confirming, setConfirming] = useState(false);
  const run = useMutation({
    mutationFn: () =>
      api<{ finalists: number; mails: number }>('POST', `/competitions/${d.competition.id}/finalists/final`, {
        decreeNumber: decree,
      }),
    onSuccess: (r) => {
      setConfirming(false);
      onDone(t('finalists.final.done', { count: r.finalists, mails: r.mails }));
    },
    onError: (e) => {
      if (Object.keys(apiErrorMessages(e, lang).fields).length) setConfirming(false);
    },
  });
  const err = run.error ? apiErrorMessages(run.error, lang) : null;
  const s = d.selection;
  const c = d.closing;
  if (!s?.provisional || !c) return null;
  if (s.final)
    return (
      <AdminNotice tone="success" title={t('finalists.final.title')}>
        <Stack gap={4}>
          <Text size="sm">
            {t('finalists.final.published', {
              at: formatAt(s.final.publishedAt, d.competition.timeZone, lang),
              decree: s.final.decreeNumber,
            })}
          </Text>
          <Anchor component={Link} to={`/kompetisi/${d.competition.id}/pengumuman/finalists_final`} size="sm">
            {t('finalists.final.viewPublic')}
          </Anchor>
        </Stack>
      </AdminNotice>
    );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="finalists-final">
      <Title order={2} size="h3" id="finalists-final" mb="sm">
        {t('finalists.final.title')}
      </Title>
      <Stack gap="sm">
        <Text size="sm">{t('finalists.final.status', { finalists: c.finalists, removed: c.removed })}</Text>
        {c.blockers.length > 0 && (
          <AdminNotice tone="warning">
            {c.blockers.map((b) => (
              <Text size="sm" key={b.code}>
                {pick(b.message)}
              </Text>
            ))}
          </AdminNotice>
        )}
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
              label={t('finalists.final.decree')}
              description={t('finalists.final.decreeHint')}
              required
              maxLength={100}
              value={decree}
              onChange={(e) => {
                setDecree(e.currentTarget.value);
                if (run.error) run.reset();
              }}
              error={err?.fields.decreeNumber}
            />
            {err && !confirming && !Object.keys(err.fields).length && (
              <AdminNotice tone="danger" role="alert">
                {err.general}
              </AdminNotice>
            )}
            <Group>
              <Button
                type="submit"
                leftSection={<IconGavel size={16} aria-hidden />}
                disabled={!d.abilities.fix}
              >
                {t('finalists.final.button')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
      {confirming && (
        <AdminConfirmDialog
          title={t('finalists.final.confirmTitle', { count: c.finalists })}
          confirmLabel={t('finalists.final.confirm')}
          danger
          pending={run.isPending}
          error={err ? err.general : null}
          onConfirm={() => run.mutate()}
          onClose={() => setConfirming(false)}
        >
          <Text size="sm">{t('finalists.final.confirmText', { decree })}</Text>
          <Text size="sm" fw={700}>
            {t('finalists.final.irreversible')}
          </Text>
        </AdminConfirmDialog>
      )}
    </Paper>
  );
}
