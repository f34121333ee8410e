import { Link, useParams } from 'react-router';
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IconArrowLeft, IconFileDownload } from '@tabler/icons-react';
import { api } from '../../api/client.js';
import { AdminNotice, AdminPage } from '../../components/AdminPage.js';
import { AdminQueryState } from '../../components/AdminQueryState.js';
import { DownloadButton } from '../../components/DownloadButton.js';
import { formatAt } from '../../components/AdminTime.js';
import { useLang } from '../../i18n/index.js';
import type { FinalistPresentation } from './types.js';
import { SlotTime } from './SlotTime.js';
import { UploadCard } from './UploadCard.js';
import { RescheduleCard } from './RescheduleCard.js';

export const presentationKey = (proposalId: string | undefined) => ['presentation', 'finalist', proposalId];

/**
 * /presentasi/:proposalId — a finalist's presentation for its admin lokal and UPP (and the secretariat):
 * the slot with hour and zone, room or meeting link; the invitation letter; the upload of the slides and
 * video before the deadline; the rescheduling request and its answer. Before publication it says so.
 */
export function PresentationPage() {
  const { proposalId } = useParams();
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: presentationKey(proposalId),
    queryFn: () => api<FinalistPresentation>('GET', `/presentation/proposals/${proposalId}`),
  });
  const d = q.data;
  return (
    <AdminPage>
      <Anchor component={Link} to={`/usulan/${proposalId}`} size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          {t('presentationParticipant.back')}
        </Group>
      </Anchor>
      <AdminQueryState isLoading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
        {d && (
          <>
            <div>
              <Title order={1}>{t('presentationParticipant.title')}</Title>
              <Text c="dark.6">
                {d.proposal.code} · {d.proposal.title} · {d.competition.name}
              </Text>
            </div>
            {!d.slot || !d.letter ? (
              <AdminNotice tone="info" role="status">
                {t('presentationParticipant.notPublished')}
              </AdminNotice>
            ) : (
              <SlotCard d={d} />
            )}
            <UploadCard d={d} />
            {d.letter && <RescheduleCard d={d} />}
          </>
        )}
      </AdminQueryState>
    </AdminPage>
  );
}

/** The slot and the letter that names it. */
function SlotCard({ d }: { d: FinalistPresentation }) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const slot = d.slot!;
  const letter = d.letter!;
  const tz = d.competition.timeZone;
  const bring = pick(d.bring);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="slot-title">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h3" id="slot-title">
            {t('presentationParticipant.slot')}
          </Title>
          <Badge color="indigo.9" variant="filled" radius="sm" style={{ textTransform: 'none' }}>
            {t(`presentationParticipant.mode.${slot.mode}`)}
          </Badge>
        </Group>
        <div>
          <Text size="sm" fw={600}>
            {t('presentationParticipant.when')}
          </Text>
          <SlotTime startsAt={slot.startsAt} endsAt={slot.endsAt} timeZone={tz} />
          <Text size="sm">
            {t('presentationParticipant.duration', {
              presentation: d.presentationMinutes,
              interview: d.interviewMinutes,
            })}
          </Text>
        </div>
        <Text size="sm">
          <b>{t('presentationParticipant.session')}:</b> {slot.session}
        </Text>
        {slot.room && (
          <Text size="sm">
            <b>{t('presentationParticipant.room')}:</b> {slot.room}
          </Text>
        )}
        {slot.meetingUrl && (
          <Text size="sm">
            <b>{t('presentationParticipant.link')}:</b>{' '}
            <Anchor href={slot.meetingUrl} target="_blank" rel="noopener noreferrer">
              {slot.meetingUrl}
            </Anchor>
          </Text>
        )}
        {bring && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            <b>{t('presentationParticipant.bring')}:</b> {bring}
          </Text>
        )}
        <Paper withBorder p="sm" bg="gray.0">
          <Stack gap={4}>
            <Title order={3} size="h5">
              {t('presentationParticipant.letter')}
            </Title>
            <Text size="sm">
              {t('presentationParticipant.letterNumber')}: <b data-testid="letter-number">{letter.number}</b>
            </Text>
            {letter.revision > 1 && (
              <Text size="sm">
                {t('presentationParticipant.letterRevision', { revision: letter.revision })}
              </Text>
            )}
            <Text size="sm">
              {t('presentationParticipant.letterIssued')}: {formatAt(letter.issuedAt, tz, lang)}
            </Text>
            <Group>
              <DownloadButton
                href={`/api/presentation/proposals/${d.proposal.id}/letter.pdf`}
                fallbackName={`undangan-presentasi-${d.proposal.code}.pdf`}
                variant="default"
                leftSection={<IconFileDownload size={16} aria-hidden />}
              >
                {t('presentationParticipant.downloadLetter')}
              </DownloadButton>
            </Group>
          </Stack>
        </Paper>
      </Stack>
    </Paper>
  );
}
