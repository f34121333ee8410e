import { useState } from 'react';
import { NativeSelect, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.js';
import { AdminFormDialog } from '../../../components/AdminFormDialog.js';
import { useLang } from '../../../i18n/index.js';
import { hoursText } from './slotTime.js';
import { finalistsOf, type PresentationView } from './types.js';

export interface MoveResult {
  startsAt: string;
  endsAt: string;
  reissued: boolean;
}

/**
 * A hand move: the finalist, the target session and its slot (each slot named with its hours and who is
 * in it). The API checks the move by the scheduler's own rules; a refusal shows its reason in words on the
 * slot field.
 */
export function MoveDialog({
  d,
  onClose,
  onMoved,
}: {
  d: PresentationView;
  onClose: () => void;
  onMoved: (code: string, r: MoveResult) => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const finalists = finalistsOf(d);
  const [proposalId, setProposalId] = useState(String(d.unplaced[0]?.proposalId ?? finalists[0]?.id ?? ''));
  const [sessionId, setSessionId] = useState(String(d.sessions[0]?.id ?? ''));
  const [slot, setSlot] = useState('1');
  const session = d.sessions.find((s) => String(s.id) === sessionId);
  const move = useMutation({
    mutationFn: () =>
      api<MoveResult>('POST', `/competitions/${d.competition.id}/presentation/move`, {
        proposalId: Number(proposalId),
        sessionId: Number(sessionId),
        slot: Number(slot),
      }),
    onSuccess: (r) => onMoved(finalists.find((f) => String(f.id) === proposalId)?.code ?? '', r),
  });
  return (
    <AdminFormDialog
      title={t('presentation.move.title')}
      onClose={onClose}
      mutation={move}
      submitLabel={t('presentation.move.submit')}
      size="lg"
      intro={
        d.schedule.publishedAt ? (
          <Text size="sm" fw={600}>
            {t('presentation.move.afterPublish')}
          </Text>
        ) : undefined
      }
    >
      {(err) => (
        <Stack gap="sm">
          <NativeSelect
            label={t('presentation.move.finalist')}
            value={proposalId}
            onChange={(e) => {
              setProposalId(e.currentTarget.value);
              move.reset();
            }}
            error={err?.fields.proposalId}
            data={finalists.map((f) => ({
              value: String(f.id),
              label: `${f.code} · ${f.title} · ${f.institution}`,
            }))}
          />
          <NativeSelect
            label={t('presentation.move.session')}
            value={sessionId}
            onChange={(e) => {
              setSessionId(e.currentTarget.value);
              setSlot('1');
              move.reset();
            }}
            error={err?.fields.sessionId}
            data={d.sessions.map((s) => ({ value: String(s.id), label: s.name }))}
          />
          <NativeSelect
            label={t('presentation.move.slot')}
            value={slot}
            onChange={(e) => {
              setSlot(e.currentTarget.value);
              move.reset();
            }}
            error={err?.fields.slot}
            data={(session?.slots ?? []).map((x) => ({
              value: String(x.slot),
              label: t('presentation.move.slotOption', {
                n: x.slot,
                time: hoursText(x.startsAt, x.endsAt, d.competition.timeZone, lang),
                who: x.finalist ? x.finalist.code : t('presentation.move.free'),
              }),
            }))}
          />
        </Stack>
      )}
    </AdminFormDialog>
  );
}
