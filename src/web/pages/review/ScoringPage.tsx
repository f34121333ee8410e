import { useState } from 'react';
import { useParams, Link } from 'react-router';
import {
  Anchor,
  Button,
  Card,
  Grid,
  Group,
  NumberInput,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ScoringView } from '../../../contracts/review.js';
import { evaluationTotal } from '../../../domain/scoring/evaluation-total.js';
import { formatInstant } from '../../../domain/time.js';
import { api, ApiError } from '../../api/client.js';
import { AdminNotice, AdminPage } from '../../components/AdminPage.js';
import { AdminQueryState } from '../../components/AdminQueryState.js';
import { Deadline } from '../../components/Deadline.js';
import { DownloadButton } from '../../components/DownloadButton.js';
import { ConfirmModal } from '../../components/proposal/ReviewCard.js';
import { useLang } from '../../i18n/index.js';
import { StatusBadge } from './ReviewWorkPage.js';
import { clearLocalScores, numberOf, useScoreAutosave } from './useScoreAutosave.js';

/** /penilaian/:assignmentId: the proposal (text left, evidence in a new tab) and the rubric form (right). */
export function ScoringPage() {
  const { assignmentId } = useParams();
  const query = useQuery({
    queryKey: ['review', 'assignment', assignmentId],
    queryFn: () => api<ScoringView>('GET', `/review/assignments/${assignmentId}`),
  });
  return (
    <AdminPage>
      <AdminQueryState isLoading={query.isLoading} error={query.error} onRetry={() => void query.refetch()} />
      {query.data && (
        <Scoring key={`${query.data.assignmentId}:${query.data.evaluation.version}`} view={query.data} />
      )}
    </AdminPage>
  );
}

function Scoring({ view }: { view: ScoringView }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const qc = useQueryClient();
  const editable = view.abilities.score;
  const auto = useScoreAutosave(view, editable);
  const [confirming, setConfirming] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const label = (x: { labelId: string; labelEn: string }) => (lang === 'id' ? x.labelId : x.labelEn);
  const name = (x: { nameId: string; nameEn: string }) => (lang === 'id' ? x.nameId : x.nameEn);
  const p = view.proposal;
  // A panel stage (the presentation) is scored in the session, often on a phone: the rubric comes first,
  // with large inputs and the finalist's key facts above it; the written proposal follows below.
  const live = view.criteria.every((c) => c.sectionKey === null);
  const preview = (() => {
    const values = view.criteria.map((c) => ({
      weight: c.weight,
      value: numberOf(auto.entries[c.id]?.value ?? ''),
    }));
    return values.every((v) => v.value !== null && Number.isFinite(v.value) && v.value >= 0 && v.value <= 100)
      ? evaluationTotal(values)
      : null;
  })();
  const submit = async () => {
    setSubmitting(true);
    setSubmitError(null);
    try {
      if (auto.status !== 'saved' && auto.status !== 'idle' && !(await auto.save())) {
        setConfirming(false);
        return;
      }
      await api('POST', `/review/assignments/${view.assignmentId}/submit`, { version: auto.version.current });
      clearLocalScores(view.assignmentId);
      setConfirming(false);
      await qc.invalidateQueries({ queryKey: ['review'] });
    } catch (err) {
      setSubmitError(err instanceof ApiError ? err.text[lang] : String(err));
      setConfirming(false);
    } finally {
      setSubmitting(false);
    }
  };
  const statusText =
    auto.status === 'saving' || auto.status === 'pending'
      ? t('review.scoring.saving')
      : auto.status === 'saved' && auto.savedAt
        ? t('review.scoring.saved', { at: formatInstant(auto.savedAt, view.stage.timeZone, lang) })
        : auto.status === 'offline'
          ? t('review.scoring.offline')
          : editable
            ? t('review.scoring.autosaveIdle')
            : '';
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/penilaian">
        {t('review.scoring.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Text size="sm" c="gray.8">
            {p.code} · {name(p.group)} · {name(view.stage)}
          </Text>
          <Title order={1}>{p.title}</Title>
          <Text size="sm">{t('review.scoring.you', { label: view.label })}</Text>
        </Stack>
        {view.stage.closesAt && (
          <Deadline
            at={view.stage.closesAt}
            timeZone={view.stage.timeZone}
            label={t('review.work.closes')}
            passedLabel={t('review.work.closed')}
          />
        )}
      </Group>
      {auto.restored && <AdminNotice tone="info">{t('review.scoring.restored')}</AdminNotice>}
      {auto.status === 'conflict' && (
        <AdminNotice tone="warning">
          <Stack gap="xs">
            <Text size="sm">{t('review.scoring.conflict')}</Text>
            <Button size="xs" w="fit-content" onClick={() => window.location.reload()}>
              {t('review.scoring.reload')}
            </Button>
          </Stack>
        </AdminNotice>
      )}
      {view.evaluation.status === 'submitted' && view.evaluation.submittedAt && (
        <AdminNotice tone="success">
          <Stack gap="xs">
            <Text size="sm">
              {t('review.scoring.submitted', {
                at: formatInstant(view.evaluation.submittedAt, view.stage.timeZone, lang),
              })}
            </Text>
            <DownloadButton
              size="xs"
              w="fit-content"
              variant="outline"
              href={`/api/review/assignments/${view.assignmentId}/score-sheet.pdf`}
              fallbackName={`lembar-nilai-${p.code}.pdf`}
            >
              {t('scoreExports.ownSheet')}
            </DownloadButton>
          </Stack>
        </AdminNotice>
      )}
      {view.evaluation.status !== 'submitted' && view.stage.closed && (
        <AdminNotice tone="neutral">{t('review.scoring.closedNotice')}</AdminNotice>
      )}
      {view.conflict && (
        <AdminNotice tone="warning" title={t('review.scoring.conflictTitle')}>
          {t('review.scoring.conflictBody', {
            reasons: view.conflict.map((r) => (lang === 'id' ? r.id : r.en)).join('; '),
          })}
        </AdminNotice>
      )}
      {submitError && <AdminNotice tone="danger">{submitError}</AdminNotice>}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }} order={{ base: live ? 2 : 1, md: 1 }}>
          <Stack gap="md" component="section" aria-labelledby="proposal-text">
            <Title order={2} size="h3" id="proposal-text">
              {t('review.scoring.proposalTitle')}
            </Title>
            <Text size="sm">
              <b>{t('review.scoring.institution')}:</b> {p.institution.name} ·{' '}
              <b>{t('review.scoring.unit')}:</b> {p.unit.name}
            </Text>
            {p.innovatorNames && (
              <Text size="sm">
                <b>{t('review.scoring.innovators')}:</b> {p.innovatorNames}
              </Text>
            )}
            {p.form.map((s) => {
              const answer = p.answers.find((a) => a.sectionKey === s.key);
              return (
                <Card key={s.key} withBorder padding="sm">
                  <Title order={3} size="h4">
                    {label(s)}
                    {s.weight > 0 ? ` (${t('review.scoring.weight', { weight: s.weight })})` : ''}
                  </Title>
                  <Text style={{ whiteSpace: 'pre-wrap' }}>
                    {answer?.text || t('review.scoring.noAnswer')}
                  </Text>
                </Card>
              );
            })}
            <Title order={2} size="h3">
              {t('review.scoring.evidence')}
            </Title>
            {view.attachments.length === 0 ? (
              <Text>{t('review.scoring.noEvidence')}</Text>
            ) : (
              <Stack gap={4} component="ul" style={{ paddingLeft: 20 }}>
                {view.attachments.map((a) => (
                  <li key={a.id}>
                    <Anchor href={a.downloadUrl} target="_blank" rel="noopener noreferrer">
                      {t('review.scoring.openFile', { name: a.name })}
                    </Anchor>
                  </li>
                ))}
              </Stack>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }} order={{ base: live ? 1 : 2, md: 2 }}>
          <Stack
            gap="md"
            component="section"
            aria-labelledby="rubric"
            style={live ? undefined : { position: 'sticky', top: 70 }}
          >
            {live && (
              <Card withBorder padding="sm" component="section" aria-labelledby="key-facts">
                <Title order={2} size="h4" id="key-facts">
                  {t('review.scoring.keyFacts')}
                </Title>
                <Text size="sm">
                  <b>{t('review.scoring.institution')}:</b> {p.institution.name}
                </Text>
                <Text size="sm">
                  <b>{t('review.scoring.unit')}:</b> {p.unit.name}
                </Text>
                {p.category && (
                  <Text size="sm">
                    <b>{t('review.scoring.category')}:</b> {name(p.category)}
                  </Text>
                )}
                {p.innovatorNames && (
                  <Text size="sm">
                    <b>{t('review.scoring.innovators')}:</b> {p.innovatorNames}
                  </Text>
                )}
              </Card>
            )}
            <Group justify="space-between">
              <Title order={2} size="h3" id="rubric">
                {t('review.scoring.rubric')}
              </Title>
              <StatusBadge status={view.evaluation.status} />
            </Group>
            <Text size="sm" aria-live="polite" fw={live ? 700 : undefined}>
              {statusText}
            </Text>
            {view.criteria.map((c) => {
              const e = auto.entries[c.id];
              const problem = auto.fields[`scores.${c.key}.value`];
              return (
                <Card key={c.id} withBorder padding="sm">
                  <Stack gap={6}>
                    <Text fw={700}>
                      {label(c)} — {t('review.scoring.weight', { weight: c.weight })}
                    </Text>
                    {c.guidanceId && (
                      <Text size="sm" c="gray.8">
                        {lang === 'id' ? c.guidanceId : c.guidanceEn}
                      </Text>
                    )}
                    <NumberInput
                      size={live ? 'lg' : 'sm'}
                      inputMode="decimal"
                      label={`${t('review.scoring.value')}: ${label(c)}`}
                      min={0}
                      max={100}
                      clampBehavior="none"
                      allowNegative
                      value={e?.value ?? ''}
                      readOnly={!editable}
                      error={problem ? problem.message[lang] : undefined}
                      onChange={(v) => auto.change(c.id, { value: v === '' ? '' : String(v) })}
                    />
                    <Textarea
                      label={`${t('review.scoring.comment')}: ${label(c)}`}
                      autosize
                      minRows={2}
                      value={e?.comment ?? ''}
                      readOnly={!editable}
                      onChange={(ev) => auto.change(c.id, { comment: ev.currentTarget.value })}
                    />
                    {c.sectionKey !== null && (
                      <Stack gap={2}>
                        <Text size="sm" fw={500} id={`supports-${c.id}`}>
                          {t('review.scoring.supports')}
                        </Text>
                        <SegmentedControl
                          aria-labelledby={`supports-${c.id}`}
                          disabled={!editable}
                          value={
                            e?.evidenceSupports === null || e === undefined
                              ? ''
                              : e.evidenceSupports
                                ? 'yes'
                                : 'no'
                          }
                          onChange={(v) => auto.change(c.id, { evidenceSupports: v === 'yes' })}
                          data={[
                            { value: 'yes', label: t('review.scoring.yes') },
                            { value: 'no', label: t('review.scoring.no') },
                          ]}
                        />
                      </Stack>
                    )}
                  </Stack>
                </Card>
              );
            })}
            <Text fw={700}>
              {t('review.scoring.total')}:{' '}
              {view.evaluation.status === 'submitted' ? view.evaluation.total : (preview ?? '—')}
            </Text>
            {preview === null && view.evaluation.status !== 'submitted' && (
              <Text size="sm">{t('review.scoring.totalPending')}</Text>
            )}
            {view.abilities.submit && (
              <Button
                size={live ? 'lg' : 'sm'}
                onClick={() => setConfirming(true)}
                disabled={preview === null}
              >
                {t('review.scoring.submit')}
              </Button>
            )}
            <Others view={view} />
          </Stack>
        </Grid.Col>
      </Grid>
      {confirming && (
        <ConfirmModal
          title={t('review.scoring.confirmTitle')}
          onConfirm={() => void submit()}
          onClose={() => setConfirming(false)}
          loading={submitting}
          confirmLabel={t('review.scoring.confirm')}
        >
          <Text mb="md">{t('review.scoring.confirmBody', { total: preview })}</Text>
        </ConfirmModal>
      )}
    </Stack>
  );
}

function Others({ view }: { view: ScoringView }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  return (
    <Card withBorder padding="sm" component="section" aria-labelledby="others">
      <Title order={2} size="h4" id="others">
        {view.label.startsWith('Panelis') ? t('review.scoring.othersPanel') : t('review.scoring.others')}
      </Title>
      {view.others === null ? (
        <Text size="sm">
          {view.othersHiddenUntil === 'closing'
            ? t('review.scoring.othersHiddenUntilClosing')
            : t('review.scoring.othersHidden')}
        </Text>
      ) : view.others.length === 0 ? (
        <Text size="sm">{t('review.scoring.othersNone')}</Text>
      ) : (
        view.others.map((o) => (
          <Stack key={o.label} gap={4} mt="sm">
            <Group gap="xs">
              <Text fw={700}>{o.label}</Text>
              <StatusBadge status={o.status} />
              {o.total !== null && <Text fw={700}>{o.total}</Text>}
            </Group>
            {o.status !== 'submitted' && <Text size="sm">{t('review.scoring.otherNotSubmitted')}</Text>}
            {o.scores.map((s) => {
              const c = view.criteria.find((k) => k.id === s.criterionId);
              return (
                <Text key={s.criterionId} size="sm">
                  {c ? (lang === 'id' ? c.labelId : c.labelEn) : ''}: {s.value ?? '—'}
                  {s.comment ? ` — ${s.comment}` : ''}
                </Text>
              );
            })}
          </Stack>
        ))
      )}
    </Card>
  );
}
