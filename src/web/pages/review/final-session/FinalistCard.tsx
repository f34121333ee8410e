import { useState } from 'react';
import { Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PlenaryFinalist, PlenaryResponse } from '../../../../contracts/results.js';
import { api } from '../../../api/client.js';
import { AdminNotice } from '../../../components/AdminPage.js';
import { formatAt } from '../../../components/AdminTime.js';
import { apiErrorMessages } from '../../../components/forms.js';
import { useLang } from '../../../i18n/index.js';

const NONE = '__none__';
const num = (x: number, lang: 'id' | 'en') => (lang === 'id' ? x.toFixed(2).replace('.', ',') : x.toFixed(2));

/** One finalist in the plenary: its scores, inputs, notes and the panel's decision (a form for panelists). */
export function FinalistCard({
  d,
  f,
  groupKey,
  onSaved,
}: {
  d: PlenaryResponse;
  f: PlenaryFinalist;
  groupKey: string;
  onSaved: (msg: string) => void;
}) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const [award, setAward] = useState<string>(f.decision ? (f.decision.awardKey ?? NONE) : '');
  const [reason, setReason] = useState(f.decision?.reason ?? '');
  const save = useMutation({
    mutationFn: () =>
      api('PUT', `/competitions/${d.competition.id}/final-session/decisions/${f.proposal.id}`, {
        awardKey: award === NONE ? null : award,
        reason,
        ...(f.decision ? { version: f.decision.version } : {}),
      }),
    onSuccess: () => onSaved(t('results.saved', { code: f.proposal.code })),
  });
  const err = save.error ? apiErrorMessages(save.error, lang) : null;
  const awards = d.settings.awards.filter((a) => a.groupKey === groupKey);
  const labelOf = (key: string | null) => {
    if (key === null) return t('results.notAwarded');
    const a = d.settings.awards.find((x) => x.key === key);
    return a ? pick({ id: a.labelId, en: a.labelEn }) : key;
  };
  const score = (v: number | null) => (v === null ? t('results.notAvailable') : num(v, lang));
  const headingId = `finalist-${f.proposal.id}`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Stack gap="xs">
        <div>
          <Text size="xs" c="dark.6">
            {f.proposal.code}
          </Text>
          <Title order={3} size="h4" id={headingId}>
            {f.proposal.title}
          </Title>
          <Text size="sm" c="dark.6">
            {f.proposal.institution} · {f.proposal.unit}
          </Text>
        </div>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
          {d.scoredStages.map((s, i) => (
            <div key={s.id}>
              <Text size="xs" c="dark.6">
                {pick({ id: s.nameId, en: s.nameEn })}
              </Text>
              <Text size="sm" fw={600}>
                {score(f.scores[i]?.score ?? null)}
              </Text>
            </div>
          ))}
          <div>
            <Text size="xs" c="dark.6" title={t('results.combinedHint')}>
              {t('results.combined')}
            </Text>
            <Text size="sm" fw={700}>
              {score(f.combined)}
            </Text>
          </div>
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <div>
            <Text size="xs" c="dark.6">
              {t('results.fieldFindings')}
            </Text>
            <Text size="sm">
              {f.fieldFindings
                ? t('results.fieldFindingsValue', f.fieldFindings) +
                  (f.fieldFindings.recommendation
                    ? ` · ${t(`field.rec.${f.fieldFindings.recommendation}`)}`
                    : '')
                : t('results.notAvailable')}
            </Text>
          </div>
          <div>
            <Text size="xs" c="dark.6">
              {t('results.publicRating')}
            </Text>
            <Text size="sm">
              {f.publicRating
                ? t('results.publicRatingValue', {
                    mean: num(f.publicRating.mean, lang),
                    count: f.publicRating.count,
                  }) + (f.publicRating.anomaly ? ` · ${t('results.publicRatingAnomaly')}` : '')
                : t('results.notAvailable')}
            </Text>
            {f.publicRating && (
              <Text size="xs" c="dark.6">
                {t('results.publicRatingNote')}
              </Text>
            )}
          </div>
        </SimpleGrid>
        <details>
          <summary>
            <Text size="sm" component="span">
              {t('results.notes', { count: f.notes.length })}
            </Text>
          </summary>
          <Stack gap={4} mt={4}>
            {f.notes.length === 0 && <Text size="sm">{t('results.noNotes')}</Text>}
            {f.notes.map((n, i) => (
              <Text size="sm" key={i} style={{ whiteSpace: 'pre-line' }}>
                <strong>
                  {pick({
                    id: d.scoredStages.find((s) => s.id === n.stageId)?.nameId ?? '',
                    en: d.scoredStages.find((s) => s.id === n.stageId)?.nameEn ?? '',
                  })}{' '}
                  · {pick(n.criterion)}:
                </strong>{' '}
                {n.comment}
              </Text>
            ))}
          </Stack>
        </details>
        <Group gap="xs">
          <Text size="sm" fw={600}>
            {t('results.decision')}:
          </Text>
          {f.decision ? (
            <Badge
              color={f.decision.awardKey ? 'teal.9' : 'gray.7'}
              variant="filled"
              radius="sm"
              style={{ textTransform: 'none' }}
            >
              {labelOf(f.decision.awardKey)}
            </Badge>
          ) : (
            <Text size="sm">{t('results.noDecision')}</Text>
          )}
        </Group>
        {f.decision && (
          <Text size="xs" c="dark.6">
            {t('results.decidedBy', {
              by: f.decision.decidedBy,
              at: formatAt(f.decision.decidedAt, d.competition.timeZone, lang),
            })}
          </Text>
        )}
        {d.abilities.decide && (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate();
            }}
          >
            <Stack gap="xs">
              <Select
                label={t('results.award')}
                required
                allowDeselect={false}
                data={[
                  ...awards.map((a) => ({ value: a.key, label: pick({ id: a.labelId, en: a.labelEn }) })),
                  { value: NONE, label: t('results.notAwarded') },
                ]}
                value={award || null}
                onChange={(v) => setAward(v ?? '')}
                error={err?.fields.awardKey}
              />
              <Textarea
                label={t('results.reason')}
                description={t('results.reasonHint')}
                required
                autosize
                minRows={2}
                maxLength={2000}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                error={err?.fields.reason}
              />
              {err && !Object.keys(err.fields).length && (
                <AdminNotice tone="danger" role="alert">
                  {err.general}
                </AdminNotice>
              )}
              <Group>
                <Button type="submit" loading={save.isPending} disabled={!award}>
                  {t('results.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {!d.abilities.decide && f.decision && (
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {f.decision.reason}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
