import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconPlus } from '@tabler/icons-react';
import { useLang } from '../../../i18n/index.js';
import { formatAt, joinInZone, readerTimeZone, zonesDiffer } from '../../../components/AdminTime.js';
import { STAGE_KINDS } from '../../../../domain/competition-template.js';
import { zoneAbbreviation } from '../../../../domain/time.js';
import { AdminNotice } from '../../../components/AdminPage.js';
import { type Form, KIND_NAMES, uid } from './values.js';
import { PathError, MoveButtons } from './pieces.js';

function StagePreview({
  date,
  time,
  zone,
  fallback,
}: {
  date: string;
  time: string;
  zone: string;
  fallback: string;
}) {
  const { lang } = useLang();
  const { t } = useTranslation();
  const iso = joinInZone(date, time, zone, fallback);
  if (!iso || Number.isNaN(new Date(iso).getTime())) return <Text size="xs">—</Text>;
  const reader = readerTimeZone();
  return (
    <Text size="xs" c="dark.6">
      {formatAt(iso, zone, lang)}
      {zonesDiffer(iso, zone, reader) &&
        ` · ${t('secretariat.yourTime', { time: formatAt(iso, reader, lang) })}`}
    </Text>
  );
}

export function StagesTab({ form }: { form: Form }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const zone = form.values.timeZone;
  const abbr = zoneAbbreviation(zone);
  const stages = form.values.stages;
  const used = new Set(stages.map((s) => s.kind));
  const unused = STAGE_KINDS.filter((k) => !used.has(k));
  const kindLabel = (k: string) => {
    const n = KIND_NAMES[k];
    return n ? `${lang === 'id' ? n.nameId : n.nameEn} (${k})` : k;
  };
  return (
    <Stack gap="sm">
      <AdminNotice tone="info">
        {t('secretariat.settings.stagesIntro', { zone: `${abbr} (${zone})` })}
      </AdminNotice>
      <PathError form={form} path="stages" />
      {stages.map((s, i) => (
        <Paper key={s.uid} withBorder p="sm">
          <Group justify="space-between" wrap="nowrap" mb="xs">
            <Text fw={700}>
              {i + 1}. {s.nameId || s.kind}
            </Text>
            <MoveButtons
              index={i}
              count={stages.length}
              label={s.nameId || s.kind}
              onMove={(from, to) => form.reorderListItem('stages', { from, to })}
              onRemove={() => form.removeListItem('stages', i)}
            />
          </Group>
          <PathError form={form} path={`stages.${i}`} />
          <SimpleGrid cols={{ base: 1, sm: 3 }} mb="xs">
            <Select
              label={t('secretariat.settings.fields.kind')}
              data={STAGE_KINDS.map((k) => ({
                value: k,
                label: kindLabel(k),
                disabled: k !== s.kind && used.has(k),
              }))}
              allowDeselect={false}
              required
              {...form.getInputProps(`stages.${i}.kind`)}
            />
            <TextInput
              label={t('secretariat.settings.fields.nameId')}
              required
              {...form.getInputProps(`stages.${i}.nameId`)}
            />
            <TextInput
              label={t('secretariat.settings.fields.nameEn')}
              required
              {...form.getInputProps(`stages.${i}.nameEn`)}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Stack gap={4}>
              <Group gap="xs" grow wrap="nowrap" align="flex-start">
                <TextInput
                  type="date"
                  label={t('secretariat.settings.opensDate')}
                  {...form.getInputProps(`stages.${i}.opensDate`)}
                />
                <TextInput
                  type="time"
                  label={t('secretariat.settings.timeIn', { zone: abbr })}
                  {...form.getInputProps(`stages.${i}.opensTime`)}
                />
              </Group>
              <StagePreview date={s.opensDate} time={s.opensTime} zone={zone} fallback="00:00" />
            </Stack>
            <Stack gap={4}>
              <Group gap="xs" grow wrap="nowrap" align="flex-start">
                <TextInput
                  type="date"
                  label={t('secretariat.settings.closesDate')}
                  {...form.getInputProps(`stages.${i}.closesDate`)}
                />
                <TextInput
                  type="time"
                  label={t('secretariat.settings.timeIn', { zone: abbr })}
                  {...form.getInputProps(`stages.${i}.closesTime`)}
                />
              </Group>
              <StagePreview date={s.closesDate} time={s.closesTime} zone={zone} fallback="23:59" />
            </Stack>
          </SimpleGrid>
        </Paper>
      ))}
      {unused.length > 0 && (
        <Group>
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => {
              const kind = unused[0];
              form.insertListItem('stages', {
                uid: uid(),
                kind,
                nameId: KIND_NAMES[kind]?.nameId ?? '',
                nameEn: KIND_NAMES[kind]?.nameEn ?? '',
                opensDate: '',
                opensTime: '',
                closesDate: '',
                closesTime: '',
              });
            }}
          >
            {t('secretariat.settings.addStage')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/* ---------- the editor ---------- */
