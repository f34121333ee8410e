import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Center,
  Checkbox,
  Group,
  Loader,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IconArrowLeft, IconCircleCheck, IconPrinter } from '@tabler/icons-react';
import { api, ApiError } from '../../api/client.js';
import { useLang } from '../../i18n/index.js';
import { apiErrorMessages } from '../../components/forms.js';
import { Deadline } from '../../components/Deadline.js';
import { DownloadButton } from '../../components/DownloadButton.js';
import { useServerNow } from '../../components/serverClock.js';
import { ORANGE_TITLE, ProposalStateBadge } from '../../components/proposal/ProposalBits.js';
import { useAutosave } from '../../components/proposal/useAutosave.js';
import { EvidencePanel } from '../../components/proposal/EvidencePanel.js';
import { SourceAwardPicker, useSourceLabel } from '../../components/proposal/SourceAwardPicker.js';
import { refusalTarget, type Refusal } from '../../components/proposal/draft.js';
import { FieldVisitsCard } from '../../components/proposal/FieldVisitsCard.js';
import { HistoryCard } from '../../components/proposal/HistoryCard.js';
import { ChangesSinceReturn } from '../../components/proposal/versions/ChangesSinceReturn.js';
import { IdentityFields, type FieldMarks } from '../../components/proposal/IdentityFields.js';
import { MissingList, targetOf, type Missing } from '../../components/proposal/MissingList.js';
import { ReadOnlyView } from '../../components/proposal/ReadOnlyView.js';
import { nextStepText } from '../../components/proposal/nextStep.js';
import { OwnerActions } from '../../components/proposal/OwnerActions.js';
import { PresentationLink } from '../../components/proposal/PresentationLink.js';
import { AdminResultBanner } from '../../components/proposal/AdminResultBanner.js';
import { ConfirmModal, ReviewCard } from '../../components/proposal/ReviewCard.js';
import { SaveStatusBar, type RefusedItem } from '../../components/proposal/SaveStatusBar.js';
import { SectionsForm } from '../../components/proposal/SectionsForm.js';
import type { ProposalDetail } from '../../../contracts/proposals.js';
import type { Attachment } from '../../../contracts/attachments.js';
import { NotFoundPage } from '../public/NotFoundPage.js';
import { useCompetitionHelpContact } from '../../components/competitionHelpContact.js';

/** Inputs whose id is not `field-<target>` ("categoryKey" is the select of the checklist's "categoryId"). */
const INPUT_IDS: Record<string, string> = { categoryKey: 'field-categoryId', source: 'field-sourceAwardId' };
const FIELD_INPUTS = new Set([
  'title',
  'acronym',
  'implementationStart',
  'innovatorKind',
  'innovatorNames',
  'contactName',
  'contactPhone',
  'contactEmail',
  'linkStandard',
  'linkVideo',
  'declarationAccepted',
]);
/** The id of the input where a refusal shows ("sections.<key>", a Draft key), or null when there is none. */
const inputIdOf = (target: string): string | null =>
  target.startsWith('sections.')
    ? `section-${target.slice('sections.'.length)}`
    : (INPUT_IDS[target] ?? (FIELD_INPUTS.has(target) ? `field-${target}` : null));
/** The i18n key of a field's label where it is not `proposals.editor.<target>`. */
const LABEL_KEYS: Record<string, string> = {
  categoryKey: 'proposals.editor.category',
  declarationAccepted: 'proposals.editor.declaration',
  source: 'eligibility.source.title',
};

/**
 * The UPP's editor: a status bar that stays in view, the identity and the sections (refused fields in red,
 * required ones marked while still missing), the evidence, the declaration and the checklist before sending;
 * or, for a reader, the read-only view with the admin lokal's actions.
 */
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
  const location = useLocation();
  const { lang, pick } = useLang();
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
  const missing = sendRefused && refusedMissing ? refusedMissing : a.completeness.missing;
  const sourceLabel = useSourceLabel();
  // The picker names the detail's source in the reader's language; another chosen one keeps its own label.
  const chosenSource =
    d.source && detail.sourceAward?.id === d.source.id
      ? { id: d.source.id, label: sourceLabel(detail.sourceAward) }
      : d.source;

  // What the server refused, by where the editor shows it (a link by its label, a section by its key).
  const refusals = new Map<string, Refusal & { key: string }>();
  for (const [key, r] of Object.entries(a.rejected)) {
    const target = refusalTarget(key, r);
    if (!refusals.has(target)) refusals.set(target, { ...r, key });
  }
  const labelOf = (target: string) => {
    if (target.startsWith('sections.')) {
      const s = detail.form.find((f) => `sections.${f.key}` === target);
      if (s) return lang === 'id' ? s.labelId : s.labelEn;
    }
    if (inputIdOf(target) || LABEL_KEYS[target]) return t(LABEL_KEYS[target] ?? `proposals.editor.${target}`);
    return target;
  };
  const refused: RefusedItem[] = [...refusals].map(([target, r]) => ({
    key: r.key,
    label: labelOf(target),
    message: pick(r.message),
    inputId: inputIdOf(target),
  }));
  const marks: FieldMarks = {
    errorOf: (target) => {
      const r = refusals.get(target);
      return r ? pick(r.message) : saveErr?.fields[target];
    },
    missingOf: (field) => {
      const m = a.completeness.missing.find(
        (x) => x.kind === 'incomplete' && x.code !== 'field_rejected' && x.field === field,
      );
      if (!m) return undefined;
      return m.code === 'field_required' || m.code === 'section_empty'
        ? t('proposals.editor.stillEmpty')
        : pick(m.message);
    },
  };
  // A checklist item of a refused field goes to the input it was typed in.
  const checklistTarget = (field: string) =>
    a.rejected[field] ? inputIdOf(refusalTarget(field, a.rejected[field])) : targetOf(field);
  const toFill = a.completeness.missing.filter((m) => m.kind === 'incomplete').length;

  // Opened from the secretariat's dashboard: back goes there, with its filters (DashboardPage.tsx).
  const back = (location.state as { back?: unknown } | null)?.back;
  const dashboardBack =
    typeof back === 'string' && /^\/sekretariat\/kompetisi\/\d+\/dasbor(\?|$)/.test(back) ? back : null;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={dashboardBack ?? '/usulan'} size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          {t(dashboardBack ? 'proposals.editor.backToDashboard' : 'proposals.editor.back')}
        </Group>
      </Anchor>
      <Stack gap={4}>
        <Group gap="sm" wrap="wrap">
          <Text fw={700} c="gray.7">
            {detail.code}
          </Text>
          <ProposalStateBadge state={detail.state} label={detail.stateLabel} />
          <DownloadButton
            href={`/api/proposals/${detail.id}/pdf`}
            fallbackName={`${detail.code}.pdf`}
            size="xs"
            variant="default"
            leftSection={<IconPrinter size={14} aria-hidden />}
            ml="auto"
          >
            {t('dashboard.printPdf')}
          </DownloadButton>
        </Group>
        <Title order={1} style={{ overflowWrap: 'anywhere' }}>
          {d.title || detail.code}
        </Title>
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
          passedLabel={t('proposals.list.closed')}
        />
      )}

      {detail.state === 'incomplete' && (
        <Alert color="orange" title={t('adminCheck.request.title')} styles={ORANGE_TITLE}>
          <Anchor component={Link} to={`/usulan/${detail.id}/kelengkapan`}>
            {t('adminCheck.request.open')}
          </Anchor>
        </Alert>
      )}
      {detail.returnedNote && (detail.state === 'returned' || detail.state === 'draft') && (
        <Alert color="orange" title={t('proposals.editor.returnedNote')} styles={ORANGE_TITLE}>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{detail.returnedNote}</Text>
        </Alert>
      )}
      <AdminResultBanner detail={detail} />
      {detail.state === 'finalist' && <PresentationLink proposalId={detail.id} />}
      <FieldVisitsCard detail={detail} />
      {!editable && (
        <Alert color="gray" data-testid="next-step">
          {nextStepText(detail, lang, t, serverNow)}
        </Alert>
      )}
      <OwnerActions detail={detail} onChanged={onChanged} />
      {a.restored && <Alert color="blue">{t('proposals.editor.restored')}</Alert>}
      {/* The save status, and what went wrong with saving, stay in view while the person types anywhere. */}
      {editable && (
        <SaveStatusBar
          status={a.status}
          savedAt={a.savedAt}
          refused={refused}
          missingCount={toFill}
          error={saveErr?.general ?? null}
          conflict={!!a.conflict}
          onRetry={a.retryNow}
          onLoadServer={a.loadServer}
          onKeepMine={a.keepMine}
        />
      )}

      {/* What changed since the return (a resent proposal): read before deciding. */}
      <ChangesSinceReturn detail={detail} />

      {/* The admin lokal's decision comes before the long read so it is found at once. */}
      <ReviewCard detail={detail} onDone={onChanged} />

      {!editable ? (
        <>
          <ReadOnlyView detail={detail} d={d} />
          <EvidencePanel detail={detail} onAttachments={onAttachments} />
        </>
      ) : (
        <>
          <IdentityFields detail={detail} d={d} update={a.update} marks={marks} />

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
                  error={marks.errorOf('source') ?? marks.errorOf('sourceAwardId')}
                />
                <Text size="sm" c="gray.7">
                  {t('eligibility.source.statement')}
                </Text>
              </Stack>
            </Card>
          )}

          <SectionsForm detail={detail} d={d} update={a.update} marks={marks} />

          <EvidencePanel detail={detail} onAttachments={onAttachments} />

          <Card withBorder>
            <Title order={2} size="h4" mb="xs">
              {t('proposals.editor.declaration')}
            </Title>
            <Checkbox
              id="field-declarationAccepted"
              label={t('proposals.editor.declarationText')}
              checked={d.declarationAccepted}
              onChange={(e) => a.update({ declarationAccepted: e.currentTarget.checked })}
              error={marks.errorOf('declarationAccepted')}
              description={marks.missingOf('declarationAccepted')}
            />
          </Card>
        </>
      )}

      {(editable || detail.abilities.send) && (
        <Card withBorder id="checklist">
          <Title order={2} size="h3" mb="sm">
            {missing.length ? t('proposals.editor.checklist') : t('proposals.editor.send')}
          </Title>
          {missing.length > 0 && sendRefused ? (
            // The server refused to send: the same (live) list, as the error it now is.
            <Alert role="alert" color="red" title={sendErr?.general}>
              <MissingList missing={missing} linked={editable} target={checklistTarget} />
            </Alert>
          ) : missing.length > 0 ? (
            <MissingList missing={missing} linked={editable} target={checklistTarget} />
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

      <HistoryCard detail={detail} />

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
  // The footer names the help contact of the proposal's competition.
  useCompetitionHelpContact(q.data?.competition.id);
  if (q.isLoading)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  // A proposal that does not exist or is outside the person's scope: the same "not found" as any address.
  if (q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 403))
    return <NotFoundPage />;
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
