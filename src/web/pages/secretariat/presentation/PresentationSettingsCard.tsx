import { useState } from 'react';
import {
  Button,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { letterNumber } from '../../../../domain/presentation-settings.js';
import { zoneAbbreviation } from '../../../../domain/time.js';
import { api } from '../../../api/client.js';
import { AdminNotice } from '../../../components/AdminPage.js';
import { joinInZone, splitInZone } from '../../../components/AdminTime.js';
import { apiErrorMessages } from '../../../components/forms.js';
import { useLang } from '../../../i18n/index.js';
import { SettingsSummary } from './SettingsSummary.js';
import type { PresentationView } from './types.js';

const NUMBERS = [
  'presentationMinutes',
  'interviewMinutes',
  'bufferMinutes',
  'quorum',
  'letterStart',
] as const;
type NumberKey = (typeof NUMBERS)[number];

/**
 * The presentation stage's settings: the slot's shape, the quorum, the participants' upload deadline (date
 * and hour in the competition's zone), the letter number pattern and what to bring; the API's messages
 * stand on their fields. Once the schedule is published, the settings as text.
 */
export function PresentationSettingsCard({ d, onSaved }: { d: PresentationView; onSaved: () => void }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const zone = d.competition.timeZone;
  const s = d.settings;
  const deadline = splitInZone(s.uploadDeadline, zone);
  const [v, setV] = useState({
    presentationMinutes: s.presentationMinutes as number | string,
    interviewMinutes: s.interviewMinutes as number | string,
    bufferMinutes: s.bufferMinutes as number | string,
    quorum: s.quorum as number | string,
    letterStart: s.letterStart as number | string,
    letterPattern: s.letterPattern,
    bringId: s.bringId,
    bringEn: s.bringEn,
    date: deadline.date,
    time: deadline.time,
  });
  const set = (patch: Partial<typeof v>) => {
    setV((x) => ({ ...x, ...patch }));
    if (save.error) save.reset();
  };
  const save = useMutation({
    mutationFn: () => {
      const body: Record<string, unknown> = {
        letterPattern: v.letterPattern,
        bringId: v.bringId,
        bringEn: v.bringEn,
        uploadDeadline: joinInZone(v.date, v.time, zone, '23:59'),
      };
      // An emptied number goes as it is (not a number): the API names the field.
      for (const k of NUMBERS) body[k] = v[k] === '' ? null : v[k];
      return api('PUT', `/competitions/${d.competition.id}/presentation/settings`, body);
    },
    onSuccess: () => onSaved(),
  });
  const err = save.error ? apiErrorMessages(save.error, lang) : null;
  const readOnly = !d.abilities.edit;
  const number = (key: NumberKey, label: string, description?: string) => (
    <NumberInput
      label={label}
      description={description}
      required
      allowDecimal={false}
      allowNegative={false}
      value={v[key]}
      onChange={(x) => set({ [key]: x } as Partial<typeof v>)}
      error={err?.fields[key]}
    />
  );
  const abbr = zoneAbbreviation(zone);
  const minutes = Number(v.presentationMinutes) + Number(v.interviewMinutes);
  const example = v.letterPattern.includes('{n}')
    ? letterNumber(v.letterPattern, Number(v.letterStart) || 1, d.competition.year)
    : '—';
  if (readOnly) return <SettingsSummary d={d} />;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="presentation-settings">
      <Title order={2} size="h3" id="presentation-settings" mb="sm">
        {t('presentation.settings.title')}
      </Title>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            {number('presentationMinutes', t('presentation.settings.presentationMinutes'))}
            {number('interviewMinutes', t('presentation.settings.interviewMinutes'))}
            {number('bufferMinutes', t('presentation.settings.bufferMinutes'))}
            {number('quorum', t('presentation.settings.quorum'), t('presentation.settings.quorumHint'))}
          </SimpleGrid>
          {Number.isFinite(minutes) && (
            <Text size="sm" c="dark.6">
              {t('presentation.settings.slotLength', { minutes, buffer: v.bufferMinutes || 0 })}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="date"
              label={t('presentation.settings.uploadDate')}
              description={t('presentation.settings.uploadHint')}
              value={v.date}
              onChange={(e) => set({ date: e.currentTarget.value })}
              error={err?.fields.uploadDeadline}
            />
            <TextInput
              type="time"
              label={t('presentation.settings.uploadTime', { zone: abbr })}
              value={v.time}
              onChange={(e) => set({ time: e.currentTarget.value })}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('presentation.settings.letterPattern')}
              description={t('presentation.settings.letterPatternHint', { example })}
              required
              maxLength={90}
              value={v.letterPattern}
              onChange={(e) => set({ letterPattern: e.currentTarget.value })}
              error={err?.fields.letterPattern}
            />
            {number('letterStart', t('presentation.settings.letterStart'))}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Textarea
              label={t('presentation.settings.bringId')}
              autosize
              minRows={2}
              maxLength={1000}
              value={v.bringId}
              onChange={(e) => set({ bringId: e.currentTarget.value })}
              error={err?.fields.bringId}
            />
            <Textarea
              label={t('presentation.settings.bringEn')}
              lang="en"
              autosize
              minRows={2}
              maxLength={1000}
              value={v.bringEn}
              onChange={(e) => set({ bringEn: e.currentTarget.value })}
              error={err?.fields.bringEn}
            />
          </SimpleGrid>
          {err && (
            <AdminNotice tone="danger" role="alert">
              {err.general}
            </AdminNotice>
          )}
          <Group>
            <Button type="submit" variant="default" loading={save.isPending}>
              {t('presentation.settings.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
