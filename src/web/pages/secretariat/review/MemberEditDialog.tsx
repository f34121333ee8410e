import { useState } from 'react';
import { Button, Group, NumberInput, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.js';
import { useLang } from '../../../i18n/index.js';
import { apiErrorMessages } from '../../../components/forms.js';
import { AdminDialog } from '../../../components/AdminFormDialog.js';
import { AdminInstitutionPicker } from '../../../components/AdminInstitutionPicker.js';
import { AdminNotice } from '../../../components/AdminPage.js';
import type { ReviewTeamName, TeamMember } from '../../../../contracts/review-team.js';
import { ConflictList } from './ConflictList.js';

/** The secretariat edits a member: capacity, and an organizer conflict (an institution they may not judge). */
export function MemberEditDialog({
  competitionId,
  team,
  member,
  onClose,
  onDone,
}: {
  competitionId: number;
  team: ReviewTeamName;
  member: TeamMember;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const base = `/competitions/${competitionId}/review-team/${team}/members/${member.userId}`;
  const [current, setCurrent] = useState(member);
  const [capacity, setCapacity] = useState<string | number>(member.capacity ?? '');
  const [institution, setInstitution] = useState<{ id: number; name: string } | null>(null);
  const [note, setNote] = useState('');
  const saveCapacity = useMutation({
    mutationFn: () =>
      api<{ member: TeamMember }>('PATCH', base, { capacity: capacity === '' ? null : capacity }),
    onSuccess: (res) => {
      setCurrent(res.member);
      notifications.show({ color: 'green', message: t('reviewTeam.capacitySaved') });
      onDone();
    },
  });
  const addConflict = useMutation({
    mutationFn: () =>
      api<{ member: TeamMember }>('POST', `${base}/conflicts`, { institutionId: institution?.id ?? 0, note }),
    onSuccess: (res) => {
      setCurrent(res.member);
      setInstitution(null);
      setNote('');
      notifications.show({ color: 'green', message: t('reviewTeam.conflictAdded') });
      onDone();
    },
  });
  const capErr = saveCapacity.error ? apiErrorMessages(saveCapacity.error, lang) : null;
  const conflictErr = addConflict.error ? apiErrorMessages(addConflict.error, lang) : null;
  return (
    <AdminDialog title={t('reviewTeam.editTitle', { name: member.name })} onClose={onClose} size="lg">
      <Stack gap="md">
        <Group align="flex-end">
          <NumberInput
            label={t('reviewTeam.invite.capacity')}
            description={t('reviewTeam.invite.capacityHint')}
            value={capacity}
            onChange={setCapacity}
            min={1}
            max={1000}
            allowDecimal={false}
            error={capErr?.fields.capacity ?? capErr?.general}
            style={{ flex: 1 }}
          />
          <Button variant="outline" onClick={() => saveCapacity.mutate()} loading={saveCapacity.isPending}>
            {t('reviewTeam.capacitySave')}
          </Button>
        </Group>
        <Title order={3} size="h5">
          {t('reviewTeam.col.conflicts')}
        </Title>
        <ConflictList conflicts={current.conflicts} />
        {conflictErr && !conflictErr.fields.institutionId && (
          <AdminNotice tone="danger" role="alert">
            {conflictErr.general}
          </AdminNotice>
        )}
        <AdminInstitutionPicker
          label={t('reviewTeam.conflictInstitution')}
          value={institution?.id ?? null}
          valueName={institution?.name ?? null}
          onChange={(id, name) => setInstitution(id && name ? { id, name } : null)}
          error={conflictErr?.fields.institutionId}
        />
        <TextInput
          label={t('reviewTeam.conflictNote')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={500}
        />
        <Group justify="flex-end">
          <Button
            onClick={() => addConflict.mutate()}
            loading={addConflict.isPending}
            disabled={!institution}
          >
            {t('reviewTeam.conflictAdd')}
          </Button>
        </Group>
      </Stack>
    </AdminDialog>
  );
}
