import { useState } from 'react';
import { Button, Card, Group, NumberInput, Radio, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.js';
import { useLang } from '../../../i18n/index.js';
import { apiErrorMessages } from '../../../components/forms.js';
import { AdminConfirmDialog } from '../../../components/AdminFormDialog.js';
import { AdminNotice } from '../../../components/AdminPage.js';
import { formatAt } from '../../../components/AdminTime.js';
import type { StageResults } from '../../../../contracts/stage-results.js';

/** The pass mark and basis (until the results are set), and setting the results after a confirmation. */
export function StageResultsRules({ data, onDone }: { data: StageResults; onDone: () => void }) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const [passMark, setPassMark] = useState<number | string>(data.rules.passMark ?? '');
  const [basis, setBasis] = useState<'raw' | 'normalized'>(data.rules.basis);
  const [confirming, setConfirming] = useState(false);
  const path = `/competitions/${data.competition.id}/stages/${data.stage.id}/results`;
  const save = useMutation({
    mutationFn: () => api('PUT', `${path}/settings`, { passMark: Number(passMark), basis }),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('stageResults.rulesSaved') });
      onDone();
    },
  });
  const decide = useMutation({
    mutationFn: () => api<{ message: { id: string; en: string } }>('POST', `${path}/decide`),
    onSuccess: (r) => {
      notifications.show({ color: 'green', message: pick(r.message) });
      setConfirming(false);
      onDone();
    },
  });
  const err = save.error ? apiErrorMessages(save.error, lang) : null;
  const r = data.rules;
  const stage = lang === 'id' ? data.stage.nameId : data.stage.nameEn;
  return (
    <Card withBorder component="section" aria-labelledby="rules-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="rules-title">
          {t('stageResults.rulesTitle')}
        </Title>
        <Text size="sm" c="dark.6">
          {t('stageResults.rulesText', {
            k: r.reviewersPerProposal,
            aggregation: t(`stageResults.aggregation.${r.aggregation}`),
            gap: r.gapThreshold ?? t('stageResults.noGap'),
            third: t(`stageResults.third.${r.thirdRule}`),
          })}
        </Text>
        {data.decided ? (
          <AdminNotice tone="success">
            {t('stageResults.decided', {
              at: formatAt(data.decided.at, data.competition.timeZone, lang),
              by: data.decided.by,
            })}
          </AdminNotice>
        ) : (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate();
            }}
          >
            <Stack gap="sm">
              {err && !err.fields.passMark && (
                <AdminNotice tone="danger" role="alert">
                  {err.general}
                </AdminNotice>
              )}
              <Group align="flex-start" gap="lg" wrap="wrap">
                <NumberInput
                  label={t('stageResults.passMark')}
                  value={passMark}
                  onChange={setPassMark}
                  min={0}
                  max={100}
                  decimalScale={2}
                  w={180}
                  error={err?.fields.passMark}
                />
                <Radio.Group
                  label={t('stageResults.basis')}
                  value={basis}
                  onChange={(v) => setBasis(v as typeof basis)}
                >
                  <Group gap="md" mt={6}>
                    <Radio value="raw" label={t('stageResults.basisRaw')} />
                    <Radio value="normalized" label={t('stageResults.basisNormalized')} />
                  </Group>
                </Radio.Group>
              </Group>
              <Group>
                <Button type="submit" variant="default" loading={save.isPending} disabled={passMark === ''}>
                  {t('stageResults.saveRules')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {!data.decided && (
          <>
            {data.blocker && <AdminNotice tone="info">{pick(data.blocker)}</AdminNotice>}
            <Group>
              <Button onClick={() => setConfirming(true)} disabled={!data.abilities.decide}>
                {t('stageResults.decide', { stage })}
              </Button>
            </Group>
          </>
        )}
      </Stack>
      {confirming && (
        <AdminConfirmDialog
          title={t('stageResults.decideConfirmTitle', { stage })}
          confirmLabel={t('stageResults.decide', { stage })}
          pending={decide.isPending}
          error={decide.error ? apiErrorMessages(decide.error, lang).general : null}
          onConfirm={() => decide.mutate()}
          onClose={() => setConfirming(false)}
        >
          <Text size="sm">
            {t('stageResults.decideConfirmText', {
              passing: data.counts.passing,
              passMark: r.passMark,
              stopped: data.counts.proposals - data.counts.passing,
            })}
          </Text>
        </AdminConfirmDialog>
      )}
    </Card>
  );
}
