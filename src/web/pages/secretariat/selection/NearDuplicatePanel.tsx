import { useState } from 'react';
import { Link } from 'react-router';
import {
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { matchSchema, proposalMatchesResponse } from '../../../../contracts/near-duplicates.js';
import { api, ApiError } from '../../../api/client.js';
import { AdminNotice } from '../../../components/AdminPage.js';
import { formatAt } from '../../../components/AdminTime.js';
import { useLang } from '../../../i18n/index.js';

type Matches = z.infer<typeof proposalMatchesResponse>;
type Match = z.infer<typeof matchSchema>;
type Side = Match['passages'][number]['mine'];

/** Passages shown before "show all". */
const SHOWN_PASSAGES = 3;

const STATUS_COLOR = { open: 'yellow', confirmed_same: 'red', dismissed: 'gray' } as const;

/**
 * The near-duplicate matches of one proposal at the administrative check (issue 14 point 5): each match's
 * kind and scores in words, the shared passages side by side (this proposal | the other, the passage
 * marked), and the decision — "inovasi yang sama" or dismissed with a note — behind a confirmation that
 * says what it does to eligibility. "Periksa kemiripan" runs the competition's check again (202).
 */
export function NearDuplicatePanel({
  proposalId,
  competitionId,
  timeZone,
  onDecided,
}: {
  proposalId: number;
  competitionId: number;
  timeZone: string;
  onDecided: () => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const client = useQueryClient();
  const key = ['near-duplicates', proposalId];
  const view = useQuery({
    queryKey: key,
    queryFn: () => api<Matches>('GET', `/admin-checks/${proposalId}/near-duplicates`),
    refetchInterval: (q) =>
      q.state.data?.run.status === 'pending' || q.state.data?.run.status === 'running' ? 3000 : false,
  });
  const [notice, setNotice] = useState<string | null>(null);
  const [dialog, setDialog] = useState<{ match: Match; decision: 'confirmed_same' | 'dismissed' } | null>(
    null,
  );
  const check = useMutation({
    mutationFn: () => api('POST', `/competitions/${competitionId}/near-duplicates/check`),
    onSuccess: () => {
      setNotice(t('adminCheck.nearDup.requested'));
      void client.invalidateQueries({ queryKey: key });
    },
  });
  const d = view.data;
  const run = d?.run;
  const busy = run?.status === 'pending' || run?.status === 'running';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="near-dup-title">
      <Group justify="space-between" align="flex-start" mb="xs">
        <Title order={2} size="h3" id="near-dup-title">
          {t('adminCheck.nearDup.title')}
        </Title>
        {d?.abilities.check && (
          <Button
            variant="default"
            size="sm"
            loading={check.isPending}
            disabled={busy}
            onClick={() => check.mutate()}
          >
            {t('adminCheck.nearDup.check')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dark.6" mb="xs">
        {t('adminCheck.nearDup.intro')}
      </Text>
      {run && (
        <Text size="sm" mb="sm" role="status">
          {busy
            ? t('adminCheck.nearDup.checking')
            : run.status === 'failed'
              ? t('adminCheck.nearDup.failed')
              : run.status === 'done'
                ? t('adminCheck.nearDup.lastRun', { at: formatAt(run.finishedAt, timeZone, lang) })
                : t('adminCheck.nearDup.never')}
        </Text>
      )}
      {notice && (
        <AdminNotice tone="success" withCloseButton onClose={() => setNotice(null)} mb="sm">
          {notice}
        </AdminNotice>
      )}
      {view.error && (
        <AdminNotice tone="danger">{(view.error as ApiError).text?.[lang] ?? String(view.error)}</AdminNotice>
      )}
      {d && d.matches.length === 0 && run?.status === 'done' && <Text>{t('adminCheck.nearDup.none')}</Text>}
      <Stack gap="lg">
        {d?.matches.map((m) => (
          <MatchCard
            key={m.id}
            match={m}
            timeZone={timeZone}
            canDecide={d.abilities.decide}
            onDecide={(decision) => setDialog({ match: m, decision })}
          />
        ))}
      </Stack>
      {dialog && d && (
        <DecisionDialog
          match={dialog.match}
          decision={dialog.decision}
          consequence={d.consequence[lang]}
          proposalId={proposalId}
          onClose={() => setDialog(null)}
          onDone={(r) => {
            client.setQueryData(key, r);
            setDialog(null);
            onDecided();
          }}
        />
      )}
    </Paper>
  );
}

function MatchCard({
  match: m,
  timeZone,
  canDecide,
  onDecide,
}: {
  match: Match;
  timeZone: string;
  canDecide: boolean;
  onDecide: (d: 'confirmed_same' | 'dismissed') => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const o = m.other;
  const [all, setAll] = useState(false);
  // The longest passages first; the rest on demand (a re-entered proposal shares dozens).
  const longest = [...m.passages].sort((a, b) => b.words - a.words);
  const shown = all ? longest : longest.slice(0, SHOWN_PASSAGES);
  return (
    <Box component="article" aria-label={`${m.kindLabel[lang]}: ${o.title}`}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <div>
          <Text fw={700}>{m.kindLabel[lang]}</Text>
          <Text size="sm">{m.scoresText[lang]}</Text>
        </div>
        <Badge color={STATUS_COLOR[m.status]} variant="light" c="dark.9">
          {t(`adminCheck.nearDup.status.${m.status}`)}
        </Badge>
      </Group>
      <Text size="sm" mt={4}>
        {t('adminCheck.nearDup.other')}:{' '}
        {o.proposalId ? (
          <Anchor component={Link} to={`/sekretariat/seleksi-administrasi/${o.proposalId}`}>
            {o.code} · {o.title}
          </Anchor>
        ) : (
          <strong>{o.title}</strong>
        )}{' '}
        — {o.institution} · {o.competition ? `${o.competition} · ` : ''}
        {t('adminCheck.nearDup.year', { year: o.year })}
      </Text>
      {!o.sameOrganizer && (
        <Text size="xs" c="dark.6">
          {t('adminCheck.nearDup.otherLimited')}
        </Text>
      )}
      {shown.map((p, i) => (
        <Box key={i} mt="sm">
          <Text size="xs" fw={600} c="dark.7">
            {t('adminCheck.nearDup.passage', { words: p.words })}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt={4}>
            <PassageSide label={t('adminCheck.nearDup.mine')} side={p.mine} />
            <PassageSide label={o.code ?? o.title} side={p.other} />
          </SimpleGrid>
        </Box>
      ))}
      {m.passages.length > SHOWN_PASSAGES && (
        <Button
          variant="subtle"
          size="xs"
          mt="xs"
          px={0}
          onClick={() => setAll((v) => !v)}
          aria-expanded={all}
        >
          {all ? t('adminCheck.nearDup.fewer') : t('adminCheck.nearDup.all', { count: m.passages.length })}
        </Button>
      )}
      {m.decidedBy && (
        <Text size="sm" mt="xs">
          {t('adminCheck.nearDup.decidedBy', {
            status: t(`adminCheck.nearDup.status.${m.status}`),
            name: m.decidedBy,
          })}{' '}
          · {formatAt(m.decidedAt, timeZone, lang)}
          {m.note ? ` — ${m.note}` : ''}
        </Text>
      )}
      {canDecide && (
        <Group gap="sm" mt="sm">
          <Button
            size="xs"
            color="red.9"
            disabled={m.status === 'confirmed_same'}
            onClick={() => onDecide('confirmed_same')}
          >
            {t('adminCheck.nearDup.confirm')}
          </Button>
          <Button
            size="xs"
            variant="default"
            disabled={m.status === 'dismissed'}
            onClick={() => onDecide('dismissed')}
          >
            {t('adminCheck.nearDup.dismiss')}
          </Button>
        </Group>
      )}
    </Box>
  );
}

function PassageSide({ label, side }: { label: string; side: Side }) {
  const { lang } = useLang();
  return (
    <Paper withBorder p="xs" bg="gray.0">
      <Text size="xs" fw={600}>
        {label} · {side.section[lang]}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {side.before}
        <mark>{side.shared}</mark>
        {side.after}
      </Text>
    </Paper>
  );
}

function DecisionDialog({
  match,
  decision,
  consequence,
  proposalId,
  onClose,
  onDone,
}: {
  match: Match;
  decision: 'confirmed_same' | 'dismissed';
  consequence: string;
  proposalId: number;
  onClose: () => void;
  onDone: (r: Matches) => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [note, setNote] = useState(match.note ?? '');
  const send = useMutation({
    mutationFn: () =>
      api<Matches>('POST', `/near-duplicate-matches/${match.id}/decision`, {
        decision,
        note: note || null,
        proposalId,
      }),
    onSuccess: onDone,
  });
  const error = send.error instanceof ApiError ? send.error : null;
  const confirm = decision === 'confirmed_same';
  return (
    <Modal
      opened
      onClose={onClose}
      title={t(confirm ? 'adminCheck.nearDup.confirmTitle' : 'adminCheck.nearDup.dismissTitle')}
    >
      <Stack>
        <Text size="sm">{confirm ? consequence : t('adminCheck.nearDup.dismissBody')}</Text>
        <Textarea
          label={t(confirm ? 'adminCheck.nearDup.note' : 'adminCheck.nearDup.noteRequired')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
          error={error?.fields.note?.message[lang]}
        />
        {error && !error.fields.note && <AdminNotice tone="danger">{error.text[lang]}</AdminNotice>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('adminCheck.cancel')}
          </Button>
          <Button
            color={confirm ? 'red.9' : undefined}
            loading={send.isPending}
            onClick={() => send.mutate()}
          >
            {t(confirm ? 'adminCheck.nearDup.doConfirm' : 'adminCheck.nearDup.doDismiss')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
