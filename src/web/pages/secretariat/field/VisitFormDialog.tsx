import { useState } from 'react';
import { Checkbox, Group, NativeSelect, Radio, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { FieldVisit, FieldVisitDetail } from '../../../../contracts/field-verification.js';
import { zoneAbbreviation } from '../../../../domain/time.js';
import { api } from '../../../api/client.js';
import { AdminFormDialog } from '../../../components/AdminFormDialog.js';
import { formatAt, joinInZone, splitInZone } from '../../../components/AdminTime.js';
import { useLang } from '../../../i18n/index.js';

/** The zones a visit may be in (the contract's list), named by their abbreviation. */
const ZONES = ['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura'] as const;

export interface PlanData {
  competition: { id: number; timeZone: string };
  finalists: { proposalId: number; code: string; title: string; institution: string }[];
  candidates: { id: number; name: string; team: 'panel' | 'secretariat' }[];
}

/**
 * Plan a visit (`visit` absent) or change one: the finalist (fixed when changing), open or closed (said
 * plainly: a closed visit is never told to the participant), the verifiers the API allows, the address, the
 * date and hour on the wall clock of the chosen zone (WIB/WITA/WIT). The API's field messages go on their fields.
 */
export function VisitFormDialog({
  plan,
  visit,
  proposalId,
  onClose,
  onSaved,
}: {
  plan: PlanData;
  visit?: FieldVisit;
  proposalId?: number;
  onClose: () => void;
  onSaved: (v: FieldVisitDetail) => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const startZone = visit?.timeZone ?? plan.competition.timeZone;
  const start = splitInZone(visit?.startsAt ?? null, startZone);
  const [finalist, setFinalist] = useState(String(visit?.proposal.id ?? proposalId ?? ''));
  const [kind, setKind] = useState<'open' | 'closed'>(visit?.kind ?? 'open');
  const [verifiers, setVerifiers] = useState<string[]>(visit?.verifiers.map((v) => String(v.id)) ?? []);
  const [address, setAddress] = useState(visit?.address ?? '');
  const [date, setDate] = useState(start.date);
  const [time, setTime] = useState(start.time || '09:00');
  const [zone, setZone] = useState<string>(ZONES.includes(startZone as never) ? startZone : 'Asia/Jakarta');
  const startsAt = joinInZone(date, time, zone, '09:00');
  const code = visit?.proposal.code ?? plan.finalists.find((f) => String(f.proposalId) === finalist)?.code;
  const save = useMutation({
    mutationFn: () => {
      const fields = {
        kind,
        verifierIds: verifiers.map(Number),
        address,
        // An unfinished date goes as it is: the API names the field.
        startsAt: startsAt ?? '',
        timeZone: zone,
      };
      return visit
        ? api<FieldVisitDetail>('PUT', `/field-visits/${visit.id}`, { ...fields, version: visit.version })
        : api<FieldVisitDetail>('POST', `/competitions/${plan.competition.id}/field-visits`, {
            ...fields,
            proposalId: Number(finalist),
          });
    },
    onSuccess: onSaved,
  });
  return (
    <AdminFormDialog
      title={visit ? t('field.plan.changeTitle', { code }) : t('field.plan.add')}
      onClose={onClose}
      mutation={save}
      submitLabel={visit ? t('field.plan.changeSave') : t('field.plan.add')}
      size="lg"
      intro={visit?.kind === 'open' ? <Text size="sm">{t('field.plan.changeOpenNote')}</Text> : undefined}
    >
      {(err) => (
        <>
          {!visit && (
            <NativeSelect
              label={t('field.plan.finalist')}
              required
              value={finalist}
              onChange={(e) => setFinalist(e.currentTarget.value)}
              error={err?.fields.proposalId}
              data={[
                { value: '', label: '—' },
                ...plan.finalists.map((f) => ({
                  value: String(f.proposalId),
                  label: `${f.code} — ${f.title} (${f.institution})`,
                })),
              ]}
            />
          )}
          <Radio.Group
            label={t('field.plan.kindLabel')}
            required
            value={kind}
            onChange={(v) => setKind(v as 'open' | 'closed')}
            error={err?.fields.kind}
          >
            <Stack gap="xs" mt={4}>
              <Radio value="open" label={t('field.kind.open')} description={t('field.plan.kindOpen')} />
              <Radio value="closed" label={t('field.kind.closed')} description={t('field.plan.kindClosed')} />
            </Stack>
          </Radio.Group>
          <Checkbox.Group
            label={t('field.verifiers')}
            description={t('field.plan.verifiersHint')}
            required
            value={verifiers}
            onChange={setVerifiers}
            error={err?.fields.verifierIds}
          >
            <Stack gap={6} mt={4}>
              {plan.candidates.map((c) => (
                <Checkbox
                  key={c.id}
                  value={String(c.id)}
                  label={`${c.name} · ${t(`field.plan.team.${c.team}`)}`}
                />
              ))}
            </Stack>
          </Checkbox.Group>
          <Textarea
            label={t('field.plan.address')}
            required
            autosize
            minRows={2}
            maxLength={1000}
            value={address}
            onChange={(e) => setAddress(e.currentTarget.value)}
            error={err?.fields.address}
          />
          <Group gap="xs" grow wrap="wrap" align="flex-start">
            <TextInput
              type="date"
              label={t('field.plan.date')}
              required
              value={date}
              onChange={(e) => setDate(e.currentTarget.value)}
              error={err?.fields.startsAt}
              style={{ minWidth: 150 }}
            />
            <TextInput
              type="time"
              label={t('field.plan.time')}
              required
              value={time}
              onChange={(e) => setTime(e.currentTarget.value)}
              style={{ minWidth: 110 }}
            />
            <NativeSelect
              label={t('field.plan.zone')}
              required
              value={zone}
              onChange={(e) => setZone(e.currentTarget.value)}
              error={err?.fields.timeZone}
              data={ZONES.map((z) => ({
                value: z,
                label: `${zoneAbbreviation(z)} — ${t(`secretariat.zones.${z.replace('/', '_')}`, { defaultValue: z })}`,
              }))}
              style={{ minWidth: 150 }}
            />
          </Group>
          {startsAt && /^\d{4}-/.test(startsAt) && (
            <Text size="sm" fw={600} data-testid="visit-preview">
              {t('field.plan.preview', { at: formatAt(startsAt, zone, lang) })}
            </Text>
          )}
        </>
      )}
    </AdminFormDialog>
  );
}
