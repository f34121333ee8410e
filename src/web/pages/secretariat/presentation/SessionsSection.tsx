import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AdminDataTable } from '../../../components/AdminDataTable.js';
import { useLang } from '../../../i18n/index.js';
import { hoursText, rangeText } from './slotTime.js';
import type { PresentationView, SessionView, SlotView } from './types.js';

/** A slot's material: the uploaded file and the video link, or "not uploaded". */
function UploadCell({ slot }: { slot: SlotView }) {
  const { t } = useTranslation();
  const u = slot.finalist?.upload;
  if (!slot.finalist) return null;
  if (!u || (!u.hasFile && !u.videoUrl))
    return (
      <Text size="sm" c="dark.6">
        {t('presentation.slots.noUpload')}
      </Text>
    );
  return (
    <Stack gap={0}>
      {u.hasFile && <Text size="sm">{t('presentation.slots.file', { name: u.fileName ?? '' })}</Text>}
      {u.videoUrl && (
        <Anchor href={u.videoUrl} target="_blank" rel="noopener noreferrer" size="sm">
          {t('presentation.slots.video')}
        </Anchor>
      )}
    </Stack>
  );
}

/** One session: when, where, who sits, and its slots in order. */
function SessionCard({
  d,
  s,
  onEdit,
  onDelete,
}: {
  d: PresentationView;
  s: SessionView;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const zone = d.competition.timeZone;
  const groupName = (key: string) => {
    const g = d.groups.find((x) => x.key === key);
    return g ? (lang === 'en' ? g.nameEn : g.nameId) : key;
  };
  const headingId = `session-${s.id}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId} data-testid={`session-${s.id}`}>
      <Group justify="space-between" align="flex-start" mb="xs" gap="xs">
        <Stack gap={2}>
          <Title order={3} size="h4" id={headingId}>
            {s.name}
          </Title>
          <Text size="sm" fw={600}>
            {rangeText(s.startsAt, s.endsAt, zone, lang)}
          </Text>
          <Text size="sm">
            {t('presentation.sessions.where')}:{' '}
            {s.mode === 'online' && s.meetingUrl ? (
              <Anchor href={s.meetingUrl} target="_blank" rel="noopener noreferrer" size="sm">
                {s.meetingUrl}
              </Anchor>
            ) : (
              s.room
            )}
          </Text>
          <Text size="sm">
            {t('presentation.sessions.seated')}: {s.panelists.map((p) => p.name).join(', ')}
          </Text>
          <Group gap={4}>
            {s.groupKeys.map((g) => (
              <Badge key={g} variant="outline" color="dark.6" radius="sm" style={{ textTransform: 'none' }}>
                {groupName(g)}
              </Badge>
            ))}
            <Text size="sm" c="dark.6">
              · {t('presentation.sessions.capacity', { count: s.capacity })}
            </Text>
          </Group>
        </Stack>
        {d.abilities.edit && (
          <Group gap="xs">
            <Button
              size="xs"
              variant="default"
              onClick={onEdit}
              aria-label={t('presentation.sessions.editNamed', { name: s.name })}
            >
              {t('presentation.sessions.edit')}
            </Button>
            <Button
              size="xs"
              variant="outline"
              color="red.9"
              onClick={onDelete}
              aria-label={t('presentation.sessions.deleteNamed', { name: s.name })}
            >
              {t('presentation.sessions.delete')}
            </Button>
          </Group>
        )}
      </Group>
      <AdminDataTable
        rows={s.slots}
        rowKey={(x) => x.slot}
        minWidth={860}
        verticalSpacing="xs"
        caption={t('presentation.slots.caption', { name: s.name })}
        columns={[
          {
            header: t('presentation.slots.slot'),
            cell: (x) => <Text size="sm">{x.slot}</Text>,
            style: { width: 48 },
          },
          {
            header: t('presentation.slots.time'),
            primary: true,
            cell: (x) => (
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                {hoursText(x.startsAt, x.endsAt, zone, lang)}
              </Text>
            ),
          },
          {
            header: t('presentation.slots.finalist'),
            cell: (x) =>
              x.finalist ? (
                <Stack gap={0}>
                  <Text size="sm" fw={600}>
                    {x.finalist.code} · {x.finalist.title}
                  </Text>
                  <Text size="xs" c="dark.6">
                    {x.finalist.unit ? `${x.finalist.unit} · ` : ''}
                    {x.finalist.institution}
                    {x.origin === 'manual' || x.origin === 'reschedule'
                      ? ` · ${t(`presentation.slots.${x.origin}`)}`
                      : ''}
                  </Text>
                </Stack>
              ) : (
                <Text size="sm" c="dark.6">
                  {t('presentation.slots.empty')}
                </Text>
              ),
          },
          { header: t('presentation.slots.upload'), cell: (x) => <UploadCell slot={x} /> },
          {
            header: t('presentation.slots.abstaining'),
            cell: (x) => (
              <Text size="sm">
                {x.finalist?.abstaining.length
                  ? x.finalist.abstaining.join(', ')
                  : x.finalist
                    ? t('presentation.slots.noAbstain')
                    : ''}
              </Text>
            ),
          },
        ]}
      />
    </Paper>
  );
}

/** The sessions, each with its slots, and the button to add one. */
export function SessionsSection({
  d,
  onAdd,
  onEdit,
  onDelete,
}: {
  d: PresentationView;
  onAdd: () => void;
  onEdit: (s: SessionView) => void;
  onDelete: (s: SessionView) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" component="section" aria-labelledby="presentation-sessions">
      <Group justify="space-between">
        <Title order={2} size="h3" id="presentation-sessions">
          {t('presentation.sessions.title')}
        </Title>
        {d.abilities.edit && <Button onClick={onAdd}>{t('presentation.sessions.add')}</Button>}
      </Group>
      {d.sessions.length === 0 && <Text c="dark.6">{t('presentation.sessions.none')}</Text>}
      {d.sessions.map((s) => (
        <SessionCard key={s.id} d={d} s={s} onEdit={() => onEdit(s)} onDelete={() => onDelete(s)} />
      ))}
    </Stack>
  );
}
