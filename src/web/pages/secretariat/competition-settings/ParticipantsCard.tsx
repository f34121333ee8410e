import { useState } from 'react';
import { Button, Card, Checkbox, Group, Stack, TagsInput, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CompetitionDetail } from '../../../../contracts/competitions.js';
import {
  INSTITUTION_TYPE_LABELS,
  INSTITUTION_TYPES,
  type InstitutionType,
} from '../../../../contracts/institutions.js';
import { api } from '../../../api/client.js';
import { AdminNotice } from '../../../components/AdminPage.js';
import { apiErrorMessages } from '../../../components/forms.js';
import { useLang } from '../../../i18n/index.js';

/**
 * Who may take part (PUT /competitions/:id/participants): institution types ("every type" or a chosen
 * few) and regions by area code (empty = anywhere). Saved on its own, apart from the definition; the
 * rule in words as the public page says it. Others are neither offered the competition nor allowed to
 * start or forward a proposal in it: the server checks, this only reflects it.
 */
export function ParticipantsCard({ def, canManage }: { def: CompetitionDetail; canManage: boolean }) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const qc = useQueryClient();
  const [allTypes, setAllTypes] = useState(def.participants.types === null);
  const [types, setTypes] = useState<InstitutionType[]>(def.participants.types ?? []);
  const [regions, setRegions] = useState<string[]>(def.participants.regions);
  const save = useMutation({
    mutationFn: () =>
      api<CompetitionDetail>('PUT', `/competitions/${def.id}/participants`, {
        types: allTypes ? null : types,
        regions,
      }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['competition', String(def.id)] });
      await qc.invalidateQueries({ queryKey: ['competitions'] });
      notifications.show({ color: 'green', message: t('participation.saved') });
    },
  });
  const err = save.error ? apiErrorMessages(save.error, lang) : null;
  const regionError = err && Object.entries(err.fields).find(([k]) => k.startsWith('regions'))?.[1];
  return (
    <Card withBorder p={{ base: 'xs', sm: 'md' }} component="section" aria-labelledby="participants-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="participants-title">
          {t('participation.title')}
        </Title>
        <Text size="sm" c="dark.6">
          {t('participation.intro')}
        </Text>
        <Text size="sm" fw={700} data-testid="participants-now">
          {pick(def.participants.text)}
        </Text>
        <fieldset disabled={!canManage} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <Stack gap="sm">
            <Checkbox
              label={t('participation.allTypes')}
              checked={allTypes}
              onChange={(e) => setAllTypes(e.currentTarget.checked)}
            />
            {!allTypes && (
              <Checkbox.Group
                label={t('participation.types')}
                value={types}
                onChange={(v) => setTypes(v as InstitutionType[])}
                error={err?.fields.types}
              >
                <Group gap="md" mt={4}>
                  {INSTITUTION_TYPES.map((type) => (
                    <Checkbox key={type} value={type} label={INSTITUTION_TYPE_LABELS[type][lang]} />
                  ))}
                </Group>
              </Checkbox.Group>
            )}
            <TagsInput
              label={t('participation.regions')}
              description={t('participation.regionsHint')}
              value={regions}
              onChange={setRegions}
              error={regionError}
              clearable
            />
            {err && !err.fields.types && !regionError && (
              <AdminNotice tone="danger" role="alert" title={t('participation.saveFailed')}>
                <Text size="sm">{err.general}</Text>
              </AdminNotice>
            )}
            {canManage && (
              <Group justify="flex-end">
                <Button onClick={() => save.mutate()} loading={save.isPending}>
                  {t('participation.save')}
                </Button>
              </Group>
            )}
          </Stack>
        </fieldset>
      </Stack>
    </Card>
  );
}
