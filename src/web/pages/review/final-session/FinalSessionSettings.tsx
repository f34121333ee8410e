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
import type { PlenaryResponse } from '../../../../contracts/results.js';
import { zonedToUtc, wallClock, zoneAbbreviation } from '../../../../domain/time.js';
import { api } from '../../../api/client.js';
import { AdminNotice } from '../../../components/AdminPage.js';
import { apiErrorMessages } from '../../../components/forms.js';
import { useLang } from '../../../i18n/index.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-10-15T09:00" in the competition's zone for an instant, for a datetime-local input. */
function localValue(iso: string | undefined, timeZone: string): string {
  if (!iso) return '';
  const w = wallClock(new Date(iso), timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** The instant of a datetime-local value in the competition's zone, or the raw text when it is not one. */
function instantOf(value: string, timeZone: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return value;
  const [, y, mo, d, h, mi] = m.map(Number) as number[];
  return zonedToUtc({ year: y!, month: mo!, day: d!, hour: h!, minute: mi! }, timeZone).toISOString();
}

/** The secretariat's settings of the final session: the places of each award, the ceremony's details. */
export function FinalSessionSettings({ d, onSaved }: { d: PlenaryResponse; onSaved: (msg: string) => void }) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const tz = d.competition.timeZone;
  const [places, setPlaces] = useState<Record<string, number | ''>>(
    Object.fromEntries(d.settings.awards.map((a) => [a.key, a.places])),
  );
  const c = d.settings.ceremony;
  const [startsAt, setStartsAt] = useState(localValue(c?.startsAt, tz));
  const [place, setPlace] = useState(c?.place ?? '');
  const [notesId, setNotesId] = useState(c?.notesId ?? '');
  const [notesEn, setNotesEn] = useState(c?.notesEn ?? '');
  const save = useMutation({
    mutationFn: () =>
      api('PUT', `/competitions/${d.competition.id}/final-session/settings`, {
        awards: d.settings.awards.map((a) => ({ ...a, places: places[a.key] === '' ? -1 : places[a.key] })),
        ceremony: startsAt || place ? { startsAt: instantOf(startsAt, tz), place, notesId, notesEn } : null,
      }),
    onSuccess: () => onSaved(t('results.settings.saved')),
  });
  const err = save.error ? apiErrorMessages(save.error, lang) : null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="final-session-settings">
      <Title order={2} size="h3" id="final-session-settings" mb="sm">
        {t('results.settings.title')}
      </Title>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {d.settings.awards.map((a, i) => (
              <NumberInput
                key={a.key}
                label={t('results.settings.places', { label: pick({ id: a.labelId, en: a.labelEn }) })}
                description={t('results.settings.level', { level: a.level })}
                min={0}
                max={1000}
                allowDecimal={false}
                value={places[a.key]}
                onChange={(v) => setPlaces({ ...places, [a.key]: typeof v === 'number' ? v : '' })}
                error={err?.fields[`awards.${i}.places`]}
              />
            ))}
          </SimpleGrid>
          <Text fw={600}>{t('results.settings.ceremony')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="datetime-local"
              label={t('results.settings.date', { zone: zoneAbbreviation(tz) })}
              value={startsAt}
              onChange={(e) => setStartsAt(e.currentTarget.value)}
              error={err?.fields['ceremony.startsAt']}
            />
            <TextInput
              label={t('results.settings.place')}
              maxLength={500}
              value={place}
              onChange={(e) => setPlace(e.currentTarget.value)}
              error={err?.fields['ceremony.place']}
            />
            <Textarea
              label={t('results.settings.notesId')}
              autosize
              minRows={2}
              maxLength={2000}
              value={notesId}
              onChange={(e) => setNotesId(e.currentTarget.value)}
            />
            <Textarea
              label={t('results.settings.notesEn')}
              autosize
              minRows={2}
              maxLength={2000}
              value={notesEn}
              onChange={(e) => setNotesEn(e.currentTarget.value)}
            />
          </SimpleGrid>
          {err && (
            <AdminNotice tone="danger" role="alert">
              {err.general}
            </AdminNotice>
          )}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('results.settings.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
