import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import {
  ActionIcon,
  Button,
  Card,
  Group,
  MultiSelect,
  Select,
  NumberInput,
  Radio,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { useLang } from '../../i18n/index.js';
import { apiErrorMessages } from '../../components/forms.js';
import { AdminInstitutionPicker } from '../../components/AdminInstitutionPicker.js';
import { AdminNotice } from '../../components/AdminPage.js';
import { AdminQueryState } from '../../components/AdminQueryState.js';
import { PANEL_UNSUR, type OwnProfileResponse, type ReviewTeamName } from '../../../contracts/review-team.js';
import { ConflictList } from '../secretariat/review/ConflictList.js';

type Named = { id: number; name: string };
type ConflictDraft = { institution: Named; note: string };

function ProfileForm({
  data,
  base,
  onSaved,
}: {
  data: OwnProfileResponse;
  base: string;
  onSaved: (d: OwnProfileResponse) => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const m = data.member;
  const [kind, setKind] = useState<'registry' | 'free'>(
    m.affiliation.institution || !m.affiliation.name ? 'registry' : 'free',
  );
  const [institution, setInstitution] = useState<Named | null>(m.affiliation.institution);
  const [affiliationName, setAffiliationName] = useState(
    m.affiliation.institution ? '' : (m.affiliation.name ?? ''),
  );
  const [regionCode, setRegionCode] = useState(m.regionCode ?? '');
  const [expertise, setExpertise] = useState<string[]>(m.expertise.map((e) => e.key));
  const [unsur, setUnsur] = useState<string | null>(m.unsur);
  const [capacity, setCapacity] = useState<string | number>(m.capacity ?? '');
  const [conflicts, setConflicts] = useState<ConflictDraft[]>(
    m.conflicts
      .filter((c) => c.source === 'declared' && c.institution)
      .map((c) => ({ institution: c.institution!, note: c.note ?? '' })),
  );
  const [adding, setAdding] = useState<Named | null>(null);
  const save = useMutation({
    mutationFn: () =>
      api<OwnProfileResponse>('PUT', base, {
        affiliationInstitutionId: kind === 'registry' ? (institution?.id ?? null) : null,
        affiliationName: kind === 'free' ? affiliationName : null,
        regionCode,
        expertise,
        ...(m.team === 'panel' ? { unsur } : {}),
        capacity: capacity === '' ? null : capacity,
        conflicts: conflicts.map((c) => ({ institutionId: c.institution.id, note: c.note })),
      }),
    onSuccess: (res) => {
      notifications.show({ color: 'green', message: t('reviewTeam.profile.saved') });
      onSaved(res);
    },
  });
  const err = save.error ? apiErrorMessages(save.error, lang) : null;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="md">
        {err && (
          <AdminNotice tone="danger" role="alert">
            {err.general}
          </AdminNotice>
        )}
        <Radio.Group
          label={t('reviewTeam.profile.affiliationKind')}
          value={kind}
          onChange={(v) => setKind(v as 'registry' | 'free')}
          required
        >
          <Group mt={4}>
            <Radio value="registry" label={t('reviewTeam.profile.fromRegistry')} />
            <Radio value="free" label={t('reviewTeam.profile.freeText')} />
          </Group>
        </Radio.Group>
        {kind === 'registry' ? (
          <AdminInstitutionPicker
            label={t('reviewTeam.profile.affiliationInstitution')}
            value={institution?.id ?? null}
            valueName={institution?.name ?? null}
            onChange={(id, name) => setInstitution(id && name ? { id, name } : null)}
            required
            error={err?.fields.affiliationInstitutionId ?? err?.fields.affiliationName}
          />
        ) : (
          <TextInput
            label={t('reviewTeam.profile.affiliationName')}
            value={affiliationName}
            onChange={(e) => setAffiliationName(e.currentTarget.value)}
            required
            maxLength={255}
            error={err?.fields.affiliationName}
          />
        )}
        <TextInput
          label={t('reviewTeam.profile.regionCode')}
          description={t('reviewTeam.profile.regionHint')}
          value={regionCode}
          onChange={(e) => setRegionCode(e.currentTarget.value)}
          maxLength={16}
          inputMode="decimal"
          error={err?.fields.regionCode}
        />
        {m.team === 'panel' && (
          <Select
            label={t('reviewTeam.profile.unsur')}
            description={t('reviewTeam.profile.unsurHint')}
            data={PANEL_UNSUR.map((u) => ({ value: u, label: t(`reviewTeam.unsur.${u}`) }))}
            value={unsur}
            onChange={setUnsur}
            clearable
            comboboxProps={{ withinPortal: true }}
            error={err?.fields.unsur}
          />
        )}
        <MultiSelect
          label={t('reviewTeam.profile.expertise')}
          description={t('reviewTeam.profile.expertiseHint')}
          data={data.categories.map((c) => ({ value: c.key, label: c.name[lang] }))}
          value={expertise}
          onChange={setExpertise}
          required
          searchable
          comboboxProps={{ withinPortal: true }}
          error={err?.fields.expertise}
        />
        <NumberInput
          label={t('reviewTeam.profile.capacity')}
          description={t('reviewTeam.profile.capacityHint')}
          value={capacity}
          onChange={setCapacity}
          min={1}
          max={1000}
          allowDecimal={false}
          error={err?.fields.capacity}
        />
        <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
          <Text component="legend" fw={600} size="sm">
            {t('reviewTeam.profile.conflicts')}
          </Text>
          <Text size="xs" c="dark.6">
            {t('reviewTeam.profile.conflictsHint')}
          </Text>
          {conflicts.map((c, i) => (
            <Group key={c.institution.id} align="flex-end" wrap="wrap">
              <Text size="sm" fw={600} style={{ flex: 1 }}>
                {c.institution.name}
              </Text>
              <TextInput
                label={t('reviewTeam.conflictNote')}
                value={c.note}
                onChange={(e) => {
                  const note = e.currentTarget.value;
                  setConflicts((all) => all.map((x, j) => (j === i ? { ...x, note } : x)));
                }}
                maxLength={500}
                error={err?.fields[`conflicts.${i}.institutionId`]}
                style={{ flex: 1 }}
              />
              <ActionIcon
                variant="outline"
                color="red.9"
                size="lg"
                aria-label={t('reviewTeam.profile.removeConflict', { name: c.institution.name })}
                onClick={() => setConflicts((all) => all.filter((_, j) => j !== i))}
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          <Group align="flex-end">
            <div style={{ flex: 1 }}>
              <AdminInstitutionPicker
                label={t('reviewTeam.conflictInstitution')}
                value={adding?.id ?? null}
                valueName={adding?.name ?? null}
                onChange={(id, name) => setAdding(id && name ? { id, name } : null)}
              />
            </div>
            <Button
              variant="outline"
              disabled={!adding || conflicts.some((c) => c.institution.id === adding.id)}
              onClick={() => {
                if (adding) setConflicts((all) => [...all, { institution: adding, note: '' }]);
                setAdding(null);
              }}
            >
              {t('reviewTeam.profile.addConflict')}
            </Button>
          </Group>
        </Stack>
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('reviewTeam.profile.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** After assignments: the profile is fixed; one more conflict may still be declared (recorded as found). */
function LateConflict({ base, onSaved }: { base: string; onSaved: (d: OwnProfileResponse) => void }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [adding, setAdding] = useState<Named | null>(null);
  const [note, setNote] = useState('');
  const add = useMutation({
    mutationFn: () =>
      api<OwnProfileResponse>('POST', `${base}/conflicts`, { institutionId: adding?.id ?? 0, note }),
    onSuccess: (res) => {
      setAdding(null);
      setNote('');
      notifications.show({ color: 'green', message: t('reviewTeam.conflictAdded') });
      onSaved(res);
    },
  });
  const err = add.error ? apiErrorMessages(add.error, lang) : null;
  return (
    <Stack gap="sm">
      <AdminInstitutionPicker
        label={t('reviewTeam.conflictInstitution')}
        value={adding?.id ?? null}
        valueName={adding?.name ?? null}
        onChange={(id, name) => setAdding(id && name ? { id, name } : null)}
        error={err?.fields.institutionId ?? err?.general}
      />
      <TextInput
        label={t('reviewTeam.conflictNote')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        maxLength={500}
      />
      <Group justify="flex-end">
        <Button onClick={() => add.mutate()} loading={add.isPending} disabled={!adding}>
          {t('reviewTeam.profile.addConflict')}
        </Button>
      </Group>
    </Stack>
  );
}

/** A reviewer's own profile in one competition (Tim Evaluasi or, with ?tim=panel, Tim Panel Independen). */
export function ReviewerProfilePage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const [params] = useSearchParams();
  const team: ReviewTeamName = params.get('tim') === 'panel' ? 'panel' : 'evaluation';
  const base = `/competitions/${id}/review-team/${team}/me`;
  const qc = useQueryClient();
  const key = ['review-profile', id, team];
  const q = useQuery({ queryKey: key, queryFn: () => api<OwnProfileResponse>('GET', base) });
  const onSaved = (d: OwnProfileResponse) => {
    qc.setQueryData(key, d);
    void qc.invalidateQueries({ queryKey: ['me', 'review-teams'] });
  };
  const data = q.data;
  return (
    <Stack gap="lg" maw={760}>
      <div>
        <Title order={1}>{t('reviewTeam.profile.title')}</Title>
        {data && (
          <Text mt="xs">
            {t('reviewTeam.profile.intro', {
              team: t(`reviewTeam.tabs.${team}`),
              competition: data.competition.name,
            })}
          </Text>
        )}
      </div>
      <AdminQueryState isLoading={q.isLoading} error={q.error} onRetry={() => q.refetch()}>
        {data && (
          <Card withBorder>
            {data.locked ? (
              <Stack gap="md">
                <AdminNotice tone="info">{t('reviewTeam.profile.locked')}</AdminNotice>
                <LateConflict base={base} onSaved={onSaved} />
              </Stack>
            ) : (
              <ProfileForm key={data.member.completedAt ?? 'new'} data={data} base={base} onSaved={onSaved} />
            )}
          </Card>
        )}
        {data && data.member.conflicts.length > 0 && (
          <Stack gap="xs" component="section" aria-labelledby="recorded-conflicts">
            <Title order={2} size="h4" id="recorded-conflicts">
              {t('reviewTeam.profile.recorded')}
            </Title>
            <ConflictList conflicts={data.member.conflicts} />
          </Stack>
        )}
      </AdminQueryState>
    </Stack>
  );
}
