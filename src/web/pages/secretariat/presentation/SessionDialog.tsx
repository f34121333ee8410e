import { useState } from 'react';
import { Checkbox, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { zoneAbbreviation } from '../../../../domain/time.js';
import { api } from '../../../api/client.js';
import { AdminFormDialog } from '../../../components/AdminFormDialog.js';
import { joinInZone, splitInZone } from '../../../components/AdminTime.js';
import { useLang } from '../../../i18n/index.js';
import type { PresentationView, SessionView } from './types.js';

/**
 * Adds or changes a panel session: its name, day and hours in the competition's zone, a room (offline) or
 * an https meeting link (online), the groups it hears and the panelists seated, from the panel the view
 * lists. The API checks it field by field; each message stands on its field.
 */
export function SessionDialog({
  d,
  session,
  onClose,
  onSaved,
}: {
  d: PresentationView;
  session: SessionView | null;
  onClose: () => void;
  onSaved: (name: string) => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const zone = d.competition.timeZone;
  const abbr = zoneAbbreviation(zone);
  // A new session starts on the first day of the stage that is not over yet.
  const firstDay = [d.stage.opensAt, new Date().toISOString()]
    .filter((x): x is string => !!x)
    .sort()
    .pop()!;
  const start = splitInZone(session?.startsAt ?? firstDay, zone);
  const end = splitInZone(session?.endsAt ?? null, zone);
  const [v, setV] = useState({
    name: session?.name ?? '',
    date: start.date,
    from: session ? start.time : '08:00',
    to: session ? end.time : '12:00',
    mode: session?.mode ?? ('offline' as 'offline' | 'online'),
    room: session?.room ?? '',
    meetingUrl: session?.meetingUrl ?? '',
    groupKeys: session?.groupKeys ?? d.groups.map((g) => g.key),
    panelistIds: (session?.panelistIds ?? d.panel.map((p) => p.id)).map(String),
  });
  const save = useMutation({
    mutationFn: () => {
      const body = {
        name: v.name,
        startsAt: joinInZone(v.date, v.from, zone, '08:00') ?? '',
        endsAt: joinInZone(v.date, v.to, zone, '12:00') ?? '',
        mode: v.mode,
        room: v.mode === 'offline' ? v.room : null,
        meetingUrl: v.mode === 'online' ? v.meetingUrl : null,
        groupKeys: v.groupKeys,
        panelistIds: v.panelistIds.map(Number),
      };
      const base = `/competitions/${d.competition.id}/presentation/sessions`;
      return session ? api('PUT', `${base}/${session.id}`, body) : api('POST', base, body);
    },
    onSuccess: () => onSaved(v.name),
  });
  const set = (patch: Partial<typeof v>) => setV((x) => ({ ...x, ...patch }));
  return (
    <AdminFormDialog
      title={
        session
          ? t('presentation.sessions.editTitle', { name: session.name })
          : t('presentation.sessions.addTitle')
      }
      onClose={onClose}
      mutation={save}
      size="lg"
      intro={
        session ? (
          <Text size="sm" c="dark.6">
            {t('presentation.sessions.editNote')}
          </Text>
        ) : undefined
      }
    >
      {(err) => (
        <Stack gap="sm">
          <TextInput
            label={t('presentation.sessions.name')}
            required
            maxLength={200}
            value={v.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
            error={err?.fields.name}
            data-autofocus
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              type="date"
              label={t('presentation.sessions.date')}
              required
              value={v.date}
              onChange={(e) => set({ date: e.currentTarget.value })}
            />
            <TextInput
              type="time"
              label={t('presentation.sessions.startTime', { zone: abbr })}
              required
              value={v.from}
              onChange={(e) => set({ from: e.currentTarget.value })}
              error={err?.fields.startsAt}
            />
            <TextInput
              type="time"
              label={t('presentation.sessions.endTime', { zone: abbr })}
              required
              value={v.to}
              onChange={(e) => set({ to: e.currentTarget.value })}
              error={err?.fields.endsAt}
            />
          </SimpleGrid>
          <Radio.Group
            label={t('presentation.sessions.mode')}
            value={v.mode}
            onChange={(x) => set({ mode: x as 'offline' | 'online' })}
          >
            <Stack gap={6} mt={4}>
              <Radio value="offline" label={t('presentation.sessions.offline')} />
              <Radio value="online" label={t('presentation.sessions.online')} />
            </Stack>
          </Radio.Group>
          {v.mode === 'offline' ? (
            <TextInput
              label={t('presentation.sessions.room')}
              required
              maxLength={200}
              value={v.room}
              onChange={(e) => set({ room: e.currentTarget.value })}
              error={err?.fields.room}
            />
          ) : (
            <TextInput
              label={t('presentation.sessions.meetingUrl')}
              description={t('presentation.sessions.meetingUrlHint')}
              required
              type="url"
              maxLength={500}
              value={v.meetingUrl}
              onChange={(e) => set({ meetingUrl: e.currentTarget.value })}
              error={err?.fields.meetingUrl}
            />
          )}
          <Checkbox.Group
            label={t('presentation.sessions.groups')}
            value={v.groupKeys}
            onChange={(x) => set({ groupKeys: x })}
            error={err?.fields.groupKeys}
          >
            <Stack gap={6} mt={4}>
              {d.groups.map((g) => (
                <Checkbox key={g.key} value={g.key} label={lang === 'en' ? g.nameEn : g.nameId} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Checkbox.Group
            label={t('presentation.sessions.panelists')}
            value={v.panelistIds}
            onChange={(x) => set({ panelistIds: x })}
            error={err?.fields.panelistIds}
          >
            <Stack gap={6} mt={4}>
              {d.panel.length === 0 && (
                <Text size="sm" c="dark.6">
                  {t('presentation.sessions.noPanel')}
                </Text>
              )}
              {d.panel.map((p) => (
                <Checkbox key={p.id} value={String(p.id)} label={p.name} />
              ))}
            </Stack>
          </Checkbox.Group>
        </Stack>
      )}
    </AdminFormDialog>
  );
}
