import { useState } from 'react';
import { Button, Group, Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { useLang } from '../../i18n/index.js';
import { apiErrorMessages } from '../../components/forms.js';
import { AdminConfirmDialog } from '../../components/AdminFormDialog.js';
import type { Unit } from '../../../contracts/institutions.js';
import type { InstitutionUser } from '../../../contracts/users.js';

/*
 * The admin lokal's actions on a proposer (UPP) account and on a unit: deactivate / reactivate, move to
 * another unit, remove a unit. Each asks first, saying what happens; the API's refusal shows in the dialog.
 */

type Ask = { kind: 'deactivate' | 'reactivate' | 'move' };

function useRefusal(error: unknown): string | null {
  const { lang } = useLang();
  if (!error) return null;
  const err = apiErrorMessages(error, lang);
  return [err.general, ...Object.values(err.fields)].filter(Boolean).join(' ');
}

function AccountDialog({
  user,
  ask,
  units,
  onClose,
}: {
  user: InstitutionUser;
  ask: Ask;
  units: Unit[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [unitId, setUnitId] = useState<string | null>(null);
  const vars = { name: user.name, email: user.email, unit: user.unitName ?? '—' };
  const run = useMutation({
    mutationFn: () =>
      ask.kind === 'move'
        ? api<{ user: InstitutionUser }>('POST', `/users/${user.id}/unit`, { unitId: Number(unitId) })
        : api<{ user: InstitutionUser }>('POST', `/users/${user.id}/${ask.kind}`),
    onSuccess: async (res) => {
      await qc.invalidateQueries({ queryKey: ['institution-users'] });
      await qc.invalidateQueries({ queryKey: ['units'] });
      const done = { deactivate: 'deactivated', reactivate: 'reactivated', move: 'moved' }[ask.kind];
      notifications.show({
        color: 'green',
        message: t(`institution.users.${done}`, { name: user.name, unit: res.user.unitName ?? '—' }),
      });
      onClose();
    },
  });
  const error = useRefusal(run.error);
  const common = { pending: run.isPending, error, onConfirm: () => run.mutate(), onClose };
  if (ask.kind === 'move') {
    const choices = units
      .filter((u) => u.id !== user.unitId)
      .map((u) => ({ value: String(u.id), label: u.name }));
    return (
      <AdminConfirmDialog
        {...common}
        onConfirm={() => unitId && run.mutate()}
        title={t('institution.users.moveTitle', vars)}
        confirmLabel={t('institution.users.moveButton')}
      >
        <Text size="sm">{t('institution.users.moveText', vars)}</Text>
        <Select
          label={t('institution.users.moveUnit')}
          placeholder={t('institution.createUpp.chooseUnit')}
          data={choices}
          value={unitId}
          onChange={setUnitId}
          searchable
          required
        />
      </AdminConfirmDialog>
    );
  }
  return (
    <AdminConfirmDialog
      {...common}
      danger={ask.kind === 'deactivate'}
      title={t(`institution.users.${ask.kind}Title`, vars)}
      confirmLabel={t(`institution.users.${ask.kind}Button`)}
    >
      <Text size="sm">{t(`institution.users.${ask.kind}Text`, vars)}</Text>
    </AdminConfirmDialog>
  );
}

/** The buttons of one proposer's row: deactivate or reactivate, and move to another unit. */
export function UppAccountActions({ user, units }: { user: InstitutionUser; units: Unit[] }) {
  const { t } = useTranslation();
  const [ask, setAsk] = useState<Ask | null>(null);
  if (user.role !== 'upp') return null;
  return (
    <Group gap={6} wrap="wrap">
      {user.active ? (
        <Button
          size="xs"
          variant="outline"
          color="red.9"
          onClick={() => setAsk({ kind: 'deactivate' })}
          aria-label={`${t('institution.users.deactivate')}: ${user.name}`}
        >
          {t('institution.users.deactivate')}
        </Button>
      ) : (
        <Button
          size="xs"
          variant="light"
          onClick={() => setAsk({ kind: 'reactivate' })}
          aria-label={`${t('institution.users.reactivate')}: ${user.name}`}
        >
          {t('institution.users.reactivate')}
        </Button>
      )}
      {units.length > 1 && (
        <Button
          size="xs"
          variant="light"
          onClick={() => setAsk({ kind: 'move' })}
          aria-label={`${t('institution.users.move')}: ${user.name}`}
        >
          {t('institution.users.move')}
        </Button>
      )}
      {ask && <AccountDialog user={user} ask={ask} units={units} onClose={() => setAsk(null)} />}
    </Group>
  );
}

/** "Hapus" of a unit: asks first; a unit that still holds proposals or people is refused with the reason. */
export function RemoveUnitButton({ unit, institutionId }: { unit: Unit; institutionId: number }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const run = useMutation({
    mutationFn: () => api<void>('DELETE', `/units/${unit.id}`),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['units', institutionId] });
      notifications.show({ color: 'green', message: t('institution.units.removed', { name: unit.name }) });
      setOpen(false);
    },
  });
  const error = useRefusal(run.error);
  return (
    <>
      <Button
        size="xs"
        variant="outline"
        color="red.9"
        onClick={() => {
          run.reset();
          setOpen(true);
        }}
        aria-label={`${t('institution.units.remove')}: ${unit.name}`}
      >
        {t('institution.units.remove')}
      </Button>
      {open && (
        <AdminConfirmDialog
          danger
          title={t('institution.units.removeTitle', { name: unit.name })}
          confirmLabel={t('institution.units.removeButton')}
          pending={run.isPending}
          error={error}
          onConfirm={() => run.mutate()}
          onClose={() => setOpen(false)}
        >
          <Text size="sm">{t('institution.units.removeText')}</Text>
        </AdminConfirmDialog>
      )}
    </>
  );
}
