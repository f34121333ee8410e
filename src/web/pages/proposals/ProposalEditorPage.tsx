import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Checkbox,
  Group,
  List,
  Loader,
  Modal,
  NativeSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconCircleCheck,
  IconCircleDashed,
  IconPrinter,
} from '@tabler/icons-react';
import { api, ApiError } from '../../api/client.js';
import { useLang } from '../../i18n/index.js';
import { apiErrorMessages } from '../../components/forms.js';
import { Deadline } from '../../components/Deadline.js';
import { useServerNow } from '../../components/serverClock.js';
import { formatInstant } from '../../../domain/time.js';
import { AdminInstant } from '../../components/AdminInstant.js';
import { ProposalStateBadge, SaveIndicator, WordCount } from '../../components/proposal/ProposalBits.js';
import { useAutosave } from '../../components/proposal/useAutosave.js';
import { EvidencePanel } from '../../components/proposal/EvidencePanel.js';
import { SourceAwardPicker, useSourceLabel } from '../../components/proposal/SourceAwardPicker.js';
import type { Draft } from '../../components/proposal/draft.js';
import type { ProposalDetail, ProposalImpact } from '../../../contracts/proposals.js';
import type { Attachment } from '../../../contracts/attachments.js';

/** The save problems stick below the app's header, above the form (see the editor below). */
const SAVE_PROBLEMS_STYLE = {
  position: 'sticky',
  top: 'calc(var(--app-shell-header-height, 64px) + 8px)',
  zIndex: 10,
  boxShadow: 'var(--mantine-shadow-md)',
} as const;
/** The light orange alert's default title colour is below AA contrast on its background. */
const ORANGE_TITLE = { title: { color: 'var(--mantine-color-dark-7)' } };

type Missing = ProposalDetail['completeness']['missing'];

interface Revision {
  id: number;
  version: number;
  kind: 'autosave' | 'transition';
  action: string | null;
  savedBy: { id: number; name: string };
  savedAt: string;
}

/** The input an item points at ("sections.kebaruan" → the section's text), or null (group rules, attachments). */
function targetOf(field: string): string | null {
  if (field.startsWith('sections.')) return `section-${field.slice('sections.'.length)}`;
  if (field === 'group' || field.startsWith('attachments.')) return null;
  return `field-${field}`;
}

/** Scrolls to the field and puts the cursor in it (or in the first input inside it). */
function goTo(id: string) {
  const el = document.getElementById(id);
  if (!el) return;
  el.scrollIntoView({ block: 'center' });
  const input = el.matches('input, textarea, select, button')
    ? el
    : el.querySelector<HTMLElement>('input, textarea, select, button');
  input?.focus({ preventScroll: true });
}

/**
 * What stops the proposal, as two checklists: what is still to fill in or attach, and the group's rules it
 * breaks. Shown before sending, again when the server refuses with 422, and to the admin lokal. With
 * `linked`, each item is a button that takes the cursor to its field.
 */
function MissingList({ missing, linked = false }: { missing: Missing; linked?: boolean }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const parts = [
    {
      kind: 'incomplete' as const,
      title: t('eligibility.missing.incomplete'),
      icon: <IconCircleDashed size={16} aria-hidden color="var(--mantine-color-orange-9)" />,
    },
    {
      kind: 'ineligible' as const,
      title: t('eligibility.missing.ineligible'),
      icon: <IconAlertTriangle size={16} aria-hidden color="var(--mantine-color-red-9)" />,
    },
  ];
  return (
    <Stack gap="sm">
      {parts.map(({ kind, title, icon }) => {
        const items = missing.filter((m) => m.kind === kind);
        if (!items.length) return null;
        return (
          <div key={kind}>
            <Text fw={700} size="sm" mb={4} id={`missing-${kind}`}>
              {title} ({items.length})
            </Text>
            <List spacing={4} icon={icon} aria-labelledby={`missing-${kind}`}>
              {items.map((m) => {
                const target = linked ? targetOf(m.field) : null;
                return (
                  <List.Item key={`${m.code}-${m.field}`}>
                    {target ? (
                      <Anchor
                        component="button"
                        type="button"
                        ta="left"
                        c="dark.8"
                        underline="always"
                        onClick={() => goTo(target)}
                      >
                        {pick(m.message)}
                      </Anchor>
                    ) : (
                      pick(m.message)
                    )}
                  </List.Item>
                );
              })}
            </List>
          </div>
        );
      })}
    </Stack>
  );
}

function ConfirmModal({
  title,
  onConfirm,
  onClose,
  loading,
  children,
  confirmLabel,
}: {
  title: string;
  onConfirm: () => void;
  onClose: () => void;
  loading: boolean;
  /** The consequences, in numbers where there are some. */
  children?: ReactNode;
  confirmLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={title} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {children}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('proposals.editor.cancel')}
        </Button>
        <Button onClick={onConfirm} loading={loading} data-autofocus>
          {confirmLabel ?? t('proposals.editor.confirm')}
        </Button>
      </Group>
    </Modal>
  );
}

/** "Kuota terpakai setelah ini: 4/10 Umum": the quota a forward or a withdrawal leaves (from the API). */
function QuotaConsequence({
  impact,
  after,
  group,
}: {
  impact: ProposalImpact | undefined;
  after: 'afterForward' | 'afterWithdraw';
  group: string;
}) {
  const { t } = useTranslation();
  if (!impact)
    return (
      <Text size="sm" mb="sm" aria-live="polite">
        {t('guard.loading')}
      </Text>
    );
  const q = impact.quota;
  return (
    <Text size="sm" fw={700} mb="sm" data-testid="quota-after">
      {q
        ? t(after === 'afterForward' ? 'guard.forward.quotaAfter' : 'guard.withdraw.quotaAfter', {
            after: q[after],
            limit: q.limit,
            group,
          })
        : t('guard.forward.noQuota', { group })}
    </Text>
  );
}

/** The admin lokal's part: return with a note, forward within the group's quota, withdraw. */
function ReviewCard({ detail, onDone }: { detail: ProposalDetail; onDone: (d: ProposalDetail) => void }) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const groupName = { id: detail.group.nameId, en: detail.group.nameEn };
  const [returning, setReturning] = useState(false);
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);
  const [confirmForward, setConfirmForward] = useState(false);
  const [note, setNote] = useState('');
  const impact = useQuery({
    queryKey: ['proposal', detail.id, 'impact'],
    queryFn: () => api<ProposalImpact>('GET', `/proposals/${detail.id}/impact`),
    enabled: confirmForward || confirmWithdraw,
    staleTime: 0,
  });
  const quota = useQuery({
    queryKey: ['proposals', 'list', detail.competition.id, detail.group.key],
    queryFn: () =>
      api<{ quotas: { groupKey: string; used: number; quota: number | null }[] }>(
        'GET',
        `/proposals?competitionId=${detail.competition.id}&groupKey=${encodeURIComponent(detail.group.key)}`,
      ),
    enabled: detail.abilities.forward,
  });
  const q = quota.data?.quotas.find((x) => x.groupKey === detail.group.key);
  const act = useMutation({
    mutationFn: (v: { verb: 'return' | 'forward' | 'withdraw'; body?: unknown }) =>
      api<ProposalDetail>('POST', `/proposals/${detail.id}/${v.verb}`, v.body),
    onSuccess: (d, v) => {
      notifications.show({
        color: 'green',
        message: t(
          v.verb === 'return'
            ? 'proposals.editor.returned'
            : v.verb === 'forward'
              ? 'proposals.editor.forwarded'
              : 'proposals.editor.withdrawn',
        ),
      });
      setReturning(false);
      setConfirmWithdraw(false);
      setConfirmForward(false);
      onDone(d);
    },
  });
  const err = act.error ? apiErrorMessages(act.error, lang) : null;
  const refused =
    act.error instanceof ApiError && Array.isArray(act.error.body.missing)
      ? (act.error.body.missing as Missing)
      : null;
  if (!detail.abilities.return && !detail.abilities.forward && !detail.abilities.withdraw) return null;
  const pending = detail.abilities.forward ? detail.completeness.missing : [];
  const noteShort = note.trim().length < 10;
  return (
    <Card withBorder>
      <Title order={2} size="h3" mb="sm">
        {t('proposals.editor.review')}
      </Title>
      {err && !returning && (
        <Alert role="alert" color="red" mb="sm" title={refused ? err.general : undefined}>
          {refused ? <MissingList missing={refused} /> : err.general}
        </Alert>
      )}
      {!refused && pending.length > 0 && (
        <Alert color="orange" mb="sm" title={t('eligibility.missing.notForwardable')} styles={ORANGE_TITLE}>
          <Text size="sm" mb="xs">
            {t('eligibility.missing.notForwardableIntro')}
          </Text>
          <MissingList missing={pending} />
        </Alert>
      )}
      <Group gap="sm" align="center">
        {detail.abilities.forward && (
          <>
            <Button
              onClick={() => setConfirmForward(true)}
              loading={act.isPending && act.variables?.verb === 'forward'}
            >
              {t('proposals.editor.forward')}
            </Button>
            {q && q.quota !== null && (
              <Badge
                size="lg"
                radius="sm"
                variant="filled"
                color={q.used >= q.quota ? 'red.9' : 'sinovik.8'}
                style={{ textTransform: 'none' }}
              >
                {t('proposals.editor.forwardQuota', { used: q.used, quota: q.quota })}
              </Badge>
            )}
          </>
        )}
        {detail.abilities.return && (
          <Button variant="default" onClick={() => setReturning(true)}>
            {t('proposals.editor.returnAction')}
          </Button>
        )}
        {detail.abilities.withdraw && (
          <Button variant="default" onClick={() => setConfirmWithdraw(true)}>
            {t('proposals.editor.withdraw')}
          </Button>
        )}
      </Group>
      {returning && (
        <Modal
          opened
          onClose={() => setReturning(false)}
          title={t('proposals.editor.returnAction')}
          closeButtonProps={{ 'aria-label': t('common.close') }}
        >
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (!noteShort) act.mutate({ verb: 'return', body: { note } });
            }}
          >
            <Stack>
              {err && (
                <Alert role="alert" color="red">
                  {err.general}
                </Alert>
              )}
              <Textarea
                label={t('proposals.editor.returnNote')}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                error={err?.fields.note}
                autosize
                minRows={4}
                required
                data-autofocus
              />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setReturning(false)}>
                  {t('proposals.editor.cancel')}
                </Button>
                <Button type="submit" disabled={noteShort} loading={act.isPending}>
                  {t('proposals.editor.returnSubmit')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Modal>
      )}
      {confirmForward && (
        <ConfirmModal
          title={t('guard.forward.title')}
          onClose={() => setConfirmForward(false)}
          onConfirm={() => act.mutate({ verb: 'forward' })}
          loading={act.isPending}
          confirmLabel={t('guard.forward.confirm')}
        >
          <QuotaConsequence impact={impact.data} after="afterForward" group={pick(groupName)} />
          <Text size="sm" mb="md">
            {t('guard.forward.locked')}
          </Text>
        </ConfirmModal>
      )}
      {confirmWithdraw && (
        <ConfirmModal
          title={t('proposals.editor.withdrawConfirm')}
          onClose={() => setConfirmWithdraw(false)}
          onConfirm={() => act.mutate({ verb: 'withdraw' })}
          loading={act.isPending}
        >
          <QuotaConsequence impact={impact.data} after="afterWithdraw" group={pick(groupName)} />
          <Text size="sm" mb="md">
            {t('guard.withdraw.effect')}
          </Text>
        </ConfirmModal>
      )}
    </Card>
  );
}

function HistoryCard({ id }: { id: number }) {
  const { t } = useTranslation();
  const revs = useQuery({
    queryKey: ['proposal', id, 'revisions'],
    queryFn: () => api<{ items: Revision[] }>('GET', `/proposals/${id}/revisions`),
  });
  return (
    <Card withBorder>
      <Title order={2} size="h3" mb="sm">
        {t('proposals.editor.history')}
      </Title>
      {revs.data && revs.data.items.length === 0 && <Text>{t('proposals.editor.historyEmpty')}</Text>}
      <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {revs.data?.items.map((r) => (
          <li key={r.id}>
            <Group gap="xs" wrap="wrap">
              <Text fw={600} size="sm">
                {t('proposals.editor.version', { v: r.version })}
              </Text>
              <Text size="sm" c="gray.7">
                {r.kind === 'autosave'
                  ? t('proposals.editor.kindAutosave')
                  : t(`proposals.editor.actions.${r.action ?? 'other'}`, {
                      defaultValue: t('proposals.editor.kindTransition'),
                    })}{' '}
                · {t('proposals.editor.by', { name: r.savedBy.name })}
              </Text>
            </Group>
            <AdminInstant iso={r.savedAt} size="xs" />
          </li>
        ))}
      </Stack>
    </Card>
  );
}

/** What a reader (admin lokal, or the unit after sending) sees: plain text, readable, nothing greyed out. */
function ReadOnlyView({ detail, d }: { detail: ProposalDetail; d: Draft }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const sourceLabel = useSourceLabel();
  const empty = t('proposals.editor.noAnswer');
  const category = detail.categories.find((c) => c.key === d.categoryKey);
  const pairs: [string, string][] = [
    [t('proposals.editor.title'), d.title],
    [t('proposals.editor.acronym'), d.acronym],
    [t('proposals.editor.category'), category ? (lang === 'id' ? category.nameId : category.nameEn) : ''],
    [t('proposals.editor.implementationStart'), d.implementationStart],
    [t('proposals.editor.innovatorKind'), d.innovatorKind ? t(`proposals.editor.${d.innovatorKind}`) : ''],
    [t('proposals.editor.innovatorNames'), d.innovatorNames],
    [t('proposals.editor.contactName'), d.contactName],
    [t('proposals.editor.contactPhone'), d.contactPhone],
    [t('proposals.editor.contactEmail'), d.contactEmail],
    [t('proposals.editor.linkStandard'), d.linkStandard],
    [t('proposals.editor.linkVideo'), d.linkVideo],
    [t('proposals.editor.declaration'), d.declarationAccepted ? t('proposals.editor.declarationText') : ''],
    ...(detail.group.key === 'replikasi'
      ? ([
          [
            t('eligibility.source.title'),
            detail.sourceAward ? sourceLabel(detail.sourceAward) : t('eligibility.source.none'),
          ],
        ] as [string, string][])
      : []),
  ];
  return (
    <>
      <Card withBorder>
        <Title order={2} size="h3" mb="sm">
          {t('proposals.editor.identity')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} component="dl" spacing="sm" style={{ margin: 0 }}>
          {pairs.map(([label, value]) => (
            <div key={label}>
              <Text component="dt" size="sm" fw={600} c="gray.7">
                {label}
              </Text>
              <Text component="dd" m={0} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {value || empty}
              </Text>
            </div>
          ))}
        </SimpleGrid>
      </Card>
      {detail.form.map((s) => {
        const value = d.answers[s.key] ?? '';
        return (
          <Card withBorder key={s.key}>
            <Title order={2} size="h4" mb="xs">
              {lang === 'id' ? s.labelId : s.labelEn}
            </Title>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{value || empty}</Text>
            <WordCount id={`words-${s.key}`} text={value} limit={s.wordLimit} />
          </Card>
        );
      })}
    </>
  );
}

/** Why the proposal cannot be edited now, with the instants that matter (closing, receipt) and their zone. */
function readOnlyText(detail: ProposalDetail, lang: 'id' | 'en', t: TFunction, now: Date) {
  const at = (iso: string | null) => (iso ? formatInstant(iso, detail.timeZone, lang) : '-');
  if (detail.state === 'received')
    return t('proposals.editor.readOnlyReceived', { at: at(detail.receivedAt) });
  if (detail.state === 'frozen')
    return t('proposals.editor.readOnlyFrozen', { at: at(detail.submissionClosesAt) });
  if (detail.submissionClosesAt && Date.parse(detail.submissionClosesAt) <= now.getTime())
    return t('proposals.editor.readOnlyClosed', { at: at(detail.submissionClosesAt) });
  return t('proposals.editor.readOnly');
}

function Editor({
  detail,
  onChanged,
  onAttachments,
}: {
  detail: ProposalDetail;
  onChanged: (d: ProposalDetail) => void;
  onAttachments: (update: (list: Attachment[]) => Attachment[]) => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const editable = detail.abilities.edit;
  const serverNow = useServerNow(60_000);
  const a = useAutosave(detail, editable);
  const d = a.draft;
  const [confirmSend, setConfirmSend] = useState(false);
  const [sendRefused, setSendRefused] = useState(false);
  // The list the server refused with (it may be newer than the last autosave's), until the next save.
  const [refusedMissing, setRefusedMissing] = useState<Missing | null>(null);
  const [seenCompleteness, setSeenCompleteness] = useState(a.completeness);
  if (seenCompleteness !== a.completeness) {
    setSeenCompleteness(a.completeness);
    setRefusedMissing(null);
  }
  const saveErr = a.error ? apiErrorMessages(a.error, lang) : null;
  const fieldErr = (k: string) => saveErr?.fields[k];
  const send = useMutation({
    mutationFn: async () => {
      if (!(await a.flush())) throw new ApiError(0, 'not_saved', { id: '', en: '' });
      return api<ProposalDetail>('POST', `/proposals/${detail.id}/send`);
    },
    onSuccess: (res) => {
      notifications.show({ color: 'green', message: t('proposals.editor.sent') });
      setConfirmSend(false);
      onChanged(res);
    },
    onError: (err) => {
      setConfirmSend(false);
      if (
        err instanceof ApiError &&
        (err.code === 'proposal_incomplete' || err.code === 'proposal_ineligible')
      ) {
        setSendRefused(true);
        if (Array.isArray(err.body.missing)) setRefusedMissing(err.body.missing as Missing);
      }
    },
  });
  const sendErr =
    send.error && !(send.error instanceof ApiError && send.error.code === 'not_saved')
      ? apiErrorMessages(send.error, lang)
      : null;
  const text = (k: keyof Draft) => ({
    id: `field-${k}`,
    value: d[k] as string,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      a.update({ [k]: e.currentTarget.value } as Partial<Draft>),
    readOnly: !editable,
    error: fieldErr(k),
  });
  const missing = sendRefused && refusedMissing ? refusedMissing : a.completeness.missing;
  const sourceLabel = useSourceLabel();
  // The picker names the detail's source in the reader's language; another chosen one keeps its own label.
  const chosenSource =
    d.source && detail.sourceAward?.id === d.source.id
      ? { id: d.source.id, label: sourceLabel(detail.sourceAward) }
      : d.source;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/usulan" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          {t('proposals.editor.back')}
        </Group>
      </Anchor>
      <Stack gap={4}>
        <Group gap="sm" wrap="wrap">
          <Text fw={700} c="gray.7">
            {detail.code}
          </Text>
          <ProposalStateBadge state={detail.state} label={detail.stateLabel} />
          {editable && <SaveIndicator status={a.status} savedAt={a.savedAt} />}
          <Button
            component="a"
            href={`/api/proposals/${detail.id}/pdf`}
            target="_blank"
            rel="noopener"
            size="xs"
            variant="default"
            leftSection={<IconPrinter size={14} aria-hidden />}
            ml="auto"
          >
            {t('dashboard.printPdf')}
          </Button>
        </Group>
        <Title order={1}>{d.title || detail.code}</Title>
        <Text size="sm" c="gray.7">
          {detail.competition.name} · {t('proposals.editor.group')}:{' '}
          {lang === 'id' ? detail.group.nameId : detail.group.nameEn} · {t('proposals.editor.unit')}:{' '}
          {detail.unit.name}
        </Text>
      </Stack>

      {editable && detail.submissionClosesAt && (
        <Deadline
          at={detail.submissionClosesAt}
          timeZone={detail.timeZone}
          label={t('proposals.editor.closes')}
        />
      )}

      {detail.returnedNote && (detail.state === 'returned' || detail.state === 'draft') && (
        <Alert color="orange" title={t('proposals.editor.returnedNote')} styles={ORANGE_TITLE}>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{detail.returnedNote}</Text>
        </Alert>
      )}
      {!editable && <Alert color="gray">{readOnlyText(detail, lang, t, serverNow)}</Alert>}
      {a.restored && <Alert color="blue">{t('proposals.editor.restored')}</Alert>}
      {/* What went wrong with saving stays in view while the person keeps typing further down. */}
      {(a.status === 'offline' || a.conflict || (a.status === 'error' && saveErr)) && (
        <Stack gap="sm" style={SAVE_PROBLEMS_STYLE}>
          {a.status === 'offline' && (
            <Alert role="alert" color="orange" title={t('proposals.editor.unsaved')} styles={ORANGE_TITLE}>
              <Group justify="space-between" gap="sm">
                <Text size="sm">{t('proposals.editor.offline')}</Text>
                <Button size="xs" variant="white" color="dark" onClick={a.retryNow}>
                  {t('proposals.editor.retryNow')}
                </Button>
              </Group>
            </Alert>
          )}
          {a.conflict && (
            <Alert role="alert" color="red" title={t('proposals.editor.conflictTitle')}>
              <Stack gap="sm">
                <Text size="sm">{t('proposals.editor.conflictText')}</Text>
                <Group gap="sm">
                  <Button size="xs" variant="default" onClick={a.loadServer}>
                    {t('proposals.editor.loadServer')}
                  </Button>
                  <Button size="xs" onClick={a.keepMine}>
                    {t('proposals.editor.keepMine')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
          {a.status === 'error' && saveErr && (
            <Alert role="alert" color="red" title={t('proposals.editor.saveFailed')}>
              {saveErr.general}
            </Alert>
          )}
        </Stack>
      )}

      {/* The admin lokal's decision comes before the long read so it is found at once. */}
      <ReviewCard detail={detail} onDone={onChanged} />

      {!editable ? (
        <>
          <ReadOnlyView detail={detail} d={d} />
          <EvidencePanel detail={detail} onAttachments={onAttachments} />
        </>
      ) : (
        <>
          <Card withBorder>
            <Title order={2} size="h3" mb="sm">
              {t('proposals.editor.identity')}
            </Title>
            <Stack>
              <TextInput label={t('proposals.editor.title')} {...text('title')} required maxLength={255} />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label={t('proposals.editor.acronym')} {...text('acronym')} maxLength={64} />
                <NativeSelect
                  id="field-categoryId"
                  label={t('proposals.editor.category')}
                  value={d.categoryKey}
                  disabled={!editable}
                  onChange={(e) => a.update({ categoryKey: e.currentTarget.value })}
                  error={fieldErr('categoryKey')}
                  data={[
                    { value: '', label: '—' },
                    ...detail.categories.map((c) => ({
                      value: c.key,
                      label: lang === 'id' ? c.nameId : c.nameEn,
                    })),
                  ]}
                />
                <TextInput
                  type="date"
                  label={t('proposals.editor.implementationStart')}
                  {...text('implementationStart')}
                />
                <Stack gap={4} id="field-innovatorKind">
                  <Text size="sm" fw={500} id="innovator-kind-label">
                    {t('proposals.editor.innovatorKind')}
                  </Text>
                  <SegmentedControl
                    aria-labelledby="innovator-kind-label"
                    value={d.innovatorKind}
                    disabled={!editable}
                    onChange={(v) => a.update({ innovatorKind: v as Draft['innovatorKind'] })}
                    data={[
                      { value: 'person', label: t('proposals.editor.person') },
                      { value: 'team', label: t('proposals.editor.team') },
                    ]}
                  />
                </Stack>
              </SimpleGrid>
              <Textarea
                label={t('proposals.editor.innovatorNames')}
                {...text('innovatorNames')}
                autosize
                minRows={2}
              />
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <TextInput label={t('proposals.editor.contactName')} {...text('contactName')} />
                <TextInput label={t('proposals.editor.contactPhone')} type="tel" {...text('contactPhone')} />
                <TextInput
                  label={t('proposals.editor.contactEmail')}
                  type="email"
                  {...text('contactEmail')}
                />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t('proposals.editor.linkStandard')}
                  type="url"
                  placeholder="https://"
                  {...text('linkStandard')}
                />
                <TextInput
                  label={t('proposals.editor.linkVideo')}
                  type="url"
                  placeholder="https://"
                  {...text('linkVideo')}
                />
              </SimpleGrid>
              {saveErr && Object.keys(saveErr.fields).some((k) => k.startsWith('links')) && (
                <Text size="sm" c="red.9">
                  {Object.entries(saveErr.fields)
                    .filter(([k]) => k.startsWith('links'))
                    .map(([, v]) => v)
                    .join(' ')}
                </Text>
              )}
            </Stack>
          </Card>

          {detail.group.key === 'replikasi' && (
            <Card withBorder>
              <Title order={2} size="h3" mb="sm">
                {t('eligibility.source.title')}
              </Title>
              <Stack gap="xs">
                <SourceAwardPicker
                  value={chosenSource}
                  sourceYears={detail.group.sourceYears}
                  onChange={(source) => a.update({ source })}
                  error={fieldErr('sourceAwardId')}
                />
                <Text size="sm" c="gray.7">
                  {t('eligibility.source.statement')}
                </Text>
              </Stack>
            </Card>
          )}

          {detail.form.map((s) => {
            const value = d.answers[s.key] ?? '';
            const guidance = lang === 'id' ? s.guidanceId : s.guidanceEn;
            return (
              <Card withBorder key={s.key}>
                <Stack gap="xs">
                  <Title order={2} size="h4">
                    <label htmlFor={`section-${s.key}`}>{lang === 'id' ? s.labelId : s.labelEn}</label>
                    {s.required && (
                      <Text span size="sm" c="gray.7" fw={400}>
                        {' '}
                        ({t('proposals.editor.required')})
                      </Text>
                    )}
                  </Title>
                  {guidance && (
                    <Text size="sm" c="gray.7" id={`guidance-${s.key}`} style={{ whiteSpace: 'pre-wrap' }}>
                      {guidance}
                    </Text>
                  )}
                  <Textarea
                    id={`section-${s.key}`}
                    aria-describedby={`${guidance ? `guidance-${s.key} ` : ''}words-${s.key}`}
                    value={value}
                    readOnly={!editable}
                    onChange={(e) => a.update({ answers: { ...d.answers, [s.key]: e.currentTarget.value } })}
                    autosize
                    minRows={editable ? 6 : 2}
                    maxRows={30}
                  />
                  <WordCount id={`words-${s.key}`} text={value} limit={s.wordLimit} />
                </Stack>
              </Card>
            );
          })}

          <EvidencePanel detail={detail} onAttachments={onAttachments} />

          <Card withBorder>
            <Title order={2} size="h4" mb="xs">
              {t('proposals.editor.declaration')}
            </Title>
            <Checkbox
              id="field-declarationAccepted"
              label={t('proposals.editor.declarationText')}
              checked={d.declarationAccepted}
              disabled={!editable}
              onChange={(e) => a.update({ declarationAccepted: e.currentTarget.checked })}
            />
          </Card>
        </>
      )}

      {(editable || detail.abilities.send) && (
        <Card withBorder>
          <Title order={2} size="h3" mb="sm">
            {missing.length ? t('proposals.editor.checklist') : t('proposals.editor.send')}
          </Title>
          {missing.length > 0 && sendRefused ? (
            // The server refused to send: the same (live) list, as the error it now is.
            <Alert role="alert" color="red" title={sendErr?.general}>
              <MissingList missing={missing} linked={editable} />
            </Alert>
          ) : missing.length > 0 ? (
            <MissingList missing={missing} linked={editable} />
          ) : (
            <Group gap="xs">
              <IconCircleCheck size={18} aria-hidden color="var(--mantine-color-green-9)" />
              <Text>{t('proposals.editor.complete')}</Text>
            </Group>
          )}
          {sendErr && sendErr.code !== 'proposal_incomplete' && sendErr.code !== 'proposal_ineligible' && (
            <Alert role="alert" color="red" mt="sm">
              {sendErr.general}
            </Alert>
          )}
          {detail.abilities.send && (
            <Group mt="md">
              <Button onClick={() => setConfirmSend(true)} disabled={a.status === 'conflict'}>
                {t('proposals.editor.send')}
              </Button>
            </Group>
          )}
        </Card>
      )}

      <HistoryCard id={detail.id} />

      {confirmSend && (
        <ConfirmModal
          title={t('proposals.editor.sendConfirm')}
          onClose={() => setConfirmSend(false)}
          onConfirm={() => send.mutate()}
          loading={send.isPending}
        />
      )}
    </Stack>
  );
}

/** One proposal: the UPP's editor with autosave, or the read-only view with the admin lokal's actions. */
export function ProposalEditorPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const id = Number(useParams().id);
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['proposal', id],
    queryFn: () => api<ProposalDetail>('GET', `/proposals/${id}`),
    refetchOnWindowFocus: false,
    staleTime: Infinity,
  });
  if (q.isLoading)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (q.error || !q.data)
    return (
      <Stack>
        <Title order={1}>{t('proposals.list.title')}</Title>
        <Alert role="alert" color="red">
          {apiErrorMessages(q.error, lang).general}
        </Alert>
      </Stack>
    );
  const onChanged = (d: ProposalDetail) => {
    qc.setQueryData(['proposal', id], d);
    void qc.invalidateQueries({ queryKey: ['proposals'] });
    void qc.invalidateQueries({ queryKey: ['proposal', id, 'revisions'] });
  };
  // Evidence changes keep the proposal's version, so the editor (and its autosave) stays as it is.
  const onAttachments = (update: (list: Attachment[]) => Attachment[]) =>
    qc.setQueryData<ProposalDetail>(['proposal', id], (old) => {
      if (!old) return old;
      const next = update(old.attachments);
      return {
        ...old,
        attachments: next,
        attachmentLimits: { ...old.attachmentLimits, usedBytes: next.reduce((n, a) => n + a.size, 0) },
      };
    });
  // A state change remounts the editor so its autosave starts from the new version and abilities.
  return (
    <Editor
      key={`${q.data.id}-${q.data.state}`}
      detail={q.data}
      onChanged={onChanged}
      onAttachments={onAttachments}
    />
  );
}
