import { useState } from 'react';
import {
  ActionIcon,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { FinalistsResponse } from '../../../../contracts/finalists.js';
import { api } from '../../../api/client.js';
import { AdminNotice } from '../../../components/AdminPage.js';
import { apiErrorMessages } from '../../../components/forms.js';
import { useLang } from '../../../i18n/index.js';

const DIMENSIONS = ['category', 'participantType', 'province', 'is3T'] as const;
const PARTICIPANT_TYPES = [
  'kementerian',
  'lembaga',
  'pemerintah_provinsi',
  'pemerintah_kabupaten',
  'pemerintah_kota',
  'bumn',
  'bumd',
] as const;

interface QuotaRow {
  key: string;
  dimension: (typeof DIMENSIONS)[number];
  value: string;
  group: string;
  min: number | '';
  max: number | '';
  labelId: string;
  labelEn: string;
}

const rowOf = (q: FinalistsResponse['settings']['quotas'][number]): QuotaRow => ({
  key: q.key,
  dimension: q.dimension,
  value: q.value,
  group: q.group ?? '',
  min: q.min ?? '',
  max: q.max ?? '',
  labelId: q.label?.id ?? '',
  labelEn: q.label?.en ?? '',
});

/** The finalists settings: N per group, pass mark, the quota table editor, the 3T list. */
export function FinalistSettingsCard({ d, onSaved }: { d: FinalistsResponse; onSaved: () => void }) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const [perGroup, setPerGroup] = useState<Record<string, number | ''>>(d.settings.perGroup);
  const [passMark, setPassMark] = useState<number | ''>(d.settings.passMark ?? '');
  const [quotas, setQuotas] = useState<QuotaRow[]>(d.settings.quotas.map(rowOf));
  const [threeT, setThreeT] = useState(d.settings.threeTRegions.join(', '));
  const editable = d.abilities.edit;
  const save = useMutation({
    mutationFn: () =>
      api('PUT', `/competitions/${d.competition.id}/finalists/settings`, {
        perGroup,
        passMark: passMark === '' ? null : passMark,
        quotas: quotas.map((q) => ({
          key: q.key,
          dimension: q.dimension,
          value: q.value,
          group: q.group || null,
          min: q.min === '' ? null : q.min,
          max: q.max === '' ? null : q.max,
          labelId: q.labelId,
          labelEn: q.labelEn,
        })),
        threeTRegions: threeT
          .split(/[\s,;]+/)
          .map((s) => s.trim())
          .filter(Boolean),
      }),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('finalists.settings.saved') });
      onSaved();
    },
  });
  const err = save.error ? apiErrorMessages(save.error, lang) : null;
  const f = (name: string) => err?.fields[name];
  const setQuota = (i: number, patch: Partial<QuotaRow>) => {
    setQuotas((qs) => qs.map((q, j) => (j === i ? { ...q, ...patch } : q)));
    if (save.error) save.reset();
  };
  const valueInput = (q: QuotaRow, i: number) => {
    const common = {
      label: t('finalists.settings.value'),
      error: f(`quotas.${i}.value`),
      disabled: !editable,
    };
    if (q.dimension === 'category')
      return (
        <Select
          {...common}
          data={d.categories.map((c) => ({ value: c.key, label: pick({ id: c.nameId, en: c.nameEn }) }))}
          value={q.value || null}
          onChange={(v) => setQuota(i, { value: v ?? '' })}
        />
      );
    if (q.dimension === 'participantType')
      return (
        <Select
          {...common}
          data={PARTICIPANT_TYPES.map((p) => ({
            value: p,
            label: t(`finalists.settings.participantTypes.${p}`),
          }))}
          value={q.value || null}
          onChange={(v) => setQuota(i, { value: v ?? '' })}
        />
      );
    if (q.dimension === 'is3T')
      return (
        <Select
          {...common}
          data={(['true', 'false'] as const).map((v) => ({
            value: v,
            label: t(`finalists.settings.is3TValues.${v}`),
          }))}
          value={q.value || null}
          onChange={(v) => setQuota(i, { value: v ?? '' })}
        />
      );
    return (
      <TextInput
        {...common}
        value={q.value}
        onChange={(e) => setQuota(i, { value: e.currentTarget.value })}
      />
    );
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="finalist-settings">
      <Title order={2} size="h3" id="finalist-settings" mb="sm">
        {t('finalists.settings.title')}
      </Title>
      {!editable && (
        <AdminNotice tone="neutral" mb="sm">
          {t('finalists.settings.locked')}
        </AdminNotice>
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            {d.groups.map((g) => (
              <NumberInput
                key={g.key}
                label={t('finalists.settings.places', { group: pick({ id: g.nameId, en: g.nameEn }) })}
                min={0}
                allowDecimal={false}
                value={perGroup[g.key] ?? ''}
                onChange={(v) => setPerGroup((p) => ({ ...p, [g.key]: typeof v === 'number' ? v : '' }))}
                error={f(`perGroup.${g.key}`)}
                disabled={!editable}
              />
            ))}
            <NumberInput
              label={t('finalists.settings.passMark')}
              min={0}
              max={100}
              decimalScale={2}
              value={passMark}
              onChange={(v) => setPassMark(typeof v === 'number' ? v : '')}
              error={f('passMark')}
              disabled={!editable}
            />
          </SimpleGrid>
          <Title order={3} size="h4">
            {t('finalists.settings.quotas')}
          </Title>
          {quotas.length === 0 && <Text size="sm">{t('finalists.settings.noQuotas')}</Text>}
          {quotas.map((q, i) => (
            <Paper
              withBorder
              p="sm"
              key={i}
              component="fieldset"
              aria-label={`${t('finalists.settings.quotas')} ${i + 1}`}
            >
              <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
                <TextInput
                  label={t('finalists.settings.key')}
                  value={q.key}
                  onChange={(e) => setQuota(i, { key: e.currentTarget.value })}
                  error={f(`quotas.${i}.key`)}
                  disabled={!editable}
                />
                <Select
                  label={t('finalists.settings.dimension')}
                  data={DIMENSIONS.map((x) => ({ value: x, label: t(`finalists.settings.dimensions.${x}`) }))}
                  value={q.dimension}
                  allowDeselect={false}
                  onChange={(v) =>
                    setQuota(i, { dimension: (v as QuotaRow['dimension']) ?? 'category', value: '' })
                  }
                  error={f(`quotas.${i}.dimension`)}
                  disabled={!editable}
                />
                {valueInput(q, i)}
                <Select
                  label={t('finalists.settings.group')}
                  data={[
                    { value: '', label: t('finalists.settings.allGroups') },
                    ...d.groups.map((g) => ({ value: g.key, label: pick({ id: g.nameId, en: g.nameEn }) })),
                  ]}
                  value={q.group}
                  allowDeselect={false}
                  onChange={(v) => setQuota(i, { group: v ?? '' })}
                  error={f(`quotas.${i}.group`)}
                  disabled={!editable}
                />
                <NumberInput
                  label={t('finalists.settings.min')}
                  min={0}
                  allowDecimal={false}
                  value={q.min}
                  onChange={(v) => setQuota(i, { min: typeof v === 'number' ? v : '' })}
                  error={f(`quotas.${i}.min`)}
                  disabled={!editable}
                />
                <NumberInput
                  label={t('finalists.settings.max')}
                  min={0}
                  allowDecimal={false}
                  value={q.max}
                  onChange={(v) => setQuota(i, { max: typeof v === 'number' ? v : '' })}
                  error={f(`quotas.${i}.max`)}
                  disabled={!editable}
                />
                <TextInput
                  label={t('finalists.settings.labelId')}
                  value={q.labelId}
                  maxLength={120}
                  onChange={(e) => setQuota(i, { labelId: e.currentTarget.value })}
                  disabled={!editable}
                />
                <Group align="flex-end" gap="xs" wrap="nowrap">
                  <TextInput
                    label={t('finalists.settings.labelEn')}
                    value={q.labelEn}
                    maxLength={120}
                    onChange={(e) => setQuota(i, { labelEn: e.currentTarget.value })}
                    disabled={!editable}
                    style={{ flex: 1 }}
                  />
                  {editable && (
                    <ActionIcon
                      variant="subtle"
                      color="red.9"
                      size="lg"
                      aria-label={t('finalists.settings.removeQuota', { n: i + 1 })}
                      onClick={() => setQuotas((qs) => qs.filter((_, j) => j !== i))}
                    >
                      <IconTrash size={18} aria-hidden />
                    </ActionIcon>
                  )}
                </Group>
              </SimpleGrid>
            </Paper>
          ))}
          {editable && (
            <Group>
              <Button
                variant="light"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() =>
                  setQuotas((qs) => [
                    ...qs,
                    {
                      key: `kuota-${qs.length + 1}`,
                      dimension: 'is3T',
                      value: 'true',
                      group: '',
                      min: '',
                      max: '',
                      labelId: '',
                      labelEn: '',
                    },
                  ])
                }
              >
                {t('finalists.settings.addQuota')}
              </Button>
            </Group>
          )}
          <Textarea
            label={t('finalists.settings.threeT')}
            description={t('finalists.settings.threeTHint')}
            autosize
            minRows={2}
            value={threeT}
            onChange={(e) => setThreeT(e.currentTarget.value)}
            error={Object.entries(err?.fields ?? {})
              .filter(([k]) => k.startsWith('threeTRegions'))
              .map(([, v]) => v)
              .join(' ')}
            disabled={!editable}
          />
          {err && !Object.keys(err.fields).length && (
            <AdminNotice tone="danger" role="alert">
              {err.general}
            </AdminNotice>
          )}
          {editable && (
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t('finalists.settings.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
