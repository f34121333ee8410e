import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import {
  Accordion,
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Tabs,
  TagsInput,
  Text,
  TextInput,
  Textarea,
  Title,
  Tooltip,
} from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { api } from '../../api/client.js';
import { useLang } from '../../i18n/index.js';
import { apiErrorMessages } from '../../components/forms.js';
import { AdminQueryState } from '../../components/AdminQueryState.js';
import { AdminStatusBadge } from '../../components/AdminStatusBadge.js';
import { AdminUnsavedGuard } from '../../components/AdminUnsavedGuard.js';
import {
  formatAt,
  joinInZone,
  readerTimeZone,
  splitInZone,
  zoneOptions,
  zonesDiffer,
} from '../../components/AdminTime.js';
import type { CompetitionDetail as CompetitionDefinition } from '../../../contracts/competitions.js';
import { STAGE_KINDS, kippTemplate } from '../../../domain/competition-template.js';
import { zoneAbbreviation } from '../../../domain/time.js';
import { AdminPage, AdminNotice } from '../../components/AdminPage.js';

/* ---------- form values: the definition as the inputs hold it ---------- */

type Num = number | string;

interface CategoryValues {
  uid: string;
  key: string;
  nameId: string;
  nameEn: string;
}
interface SectionValues {
  uid: string;
  key: string;
  labelId: string;
  labelEn: string;
  guidanceId: string;
  guidanceEn: string;
  wordLimit: Num;
  weight: Num;
  required: boolean;
}
interface GroupValues {
  uid: string;
  key: string;
  nameId: string;
  nameEn: string;
  descriptionId: string;
  descriptionEn: string;
  minImplementationMonths: Num;
  quotaPerInstitution: Num;
  invitationOnly: boolean;
  /** Years (as text, for the multi-select) a replikasi source may come from; empty = any year. */
  sourceYears: string[];
  sections: SectionValues[];
}
interface StageValues {
  uid: string;
  kind: string;
  nameId: string;
  nameEn: string;
  opensDate: string;
  opensTime: string;
  closesDate: string;
  closesTime: string;
}
interface Values {
  code: string;
  name: string;
  year: Num;
  theme: string;
  description: string;
  timeZone: string;
  allowedFileTypes: string[];
  maxFileMb: Num;
  maxProposalMb: Num;
  maxOpenDraftsPerUnit: Num;
  maxInstitutionStorageMb: Num;
  categories: CategoryValues[];
  groups: GroupValues[];
  stages: StageValues[];
}
type Form = UseFormReturnType<Values>;

/** How each kind of stage is named by default (the KIPP calendar), for the kind choice and new stages. */
const KIND_NAMES: Record<string, { nameId: string; nameEn: string }> = Object.fromEntries(
  kippTemplate({ year: 2026 }).stages.map((s) => [s.kind, { nameId: s.nameId, nameEn: s.nameEn }]),
);

/** MIME types offered in the file-type picker (any other can be typed). */
const COMMON_FILE_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'video/mp4',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
];

const FORM_ID = 'competition-settings';

let uidCounter = 0;
const uid = () => `u${++uidCounter}`;

function toValues(d: CompetitionDefinition): Values {
  return {
    code: d.code ?? '',
    name: d.name ?? '',
    year: d.year ?? '',
    theme: d.theme ?? '',
    description: d.description ?? '',
    timeZone: d.timeZone || 'Asia/Jakarta',
    allowedFileTypes: d.settings?.allowedFileTypes ?? [],
    maxFileMb: d.settings?.maxFileMb ?? '',
    maxProposalMb: d.settings?.maxProposalMb ?? '',
    maxOpenDraftsPerUnit: d.settings?.maxOpenDraftsPerUnit ?? '',
    maxInstitutionStorageMb: d.settings?.maxInstitutionStorageMb ?? '',
    categories: (d.categories ?? []).map((c) => ({
      uid: uid(),
      key: c.key,
      nameId: c.nameId,
      nameEn: c.nameEn,
    })),
    groups: (d.groups ?? []).map((g) => ({
      uid: uid(),
      key: g.key,
      nameId: g.nameId,
      nameEn: g.nameEn,
      descriptionId: g.descriptionId ?? '',
      descriptionEn: g.descriptionEn ?? '',
      minImplementationMonths: g.minImplementationMonths ?? '',
      quotaPerInstitution: g.quotaPerInstitution ?? '',
      invitationOnly: !!g.invitationOnly,
      sourceYears: (g.sourceYears ?? []).map(String),
      sections: (g.sections ?? []).map((s) => ({
        uid: uid(),
        key: s.key,
        labelId: s.labelId,
        labelEn: s.labelEn,
        guidanceId: s.guidanceId ?? '',
        guidanceEn: s.guidanceEn ?? '',
        wordLimit: s.wordLimit ?? '',
        weight: s.weight ?? '',
        required: !!s.required,
      })),
    })),
    stages: (d.stages ?? []).map((s) => {
      const opens = splitInZone(s.opensAt, d.timeZone || 'Asia/Jakarta');
      const closes = splitInZone(s.closesAt, d.timeZone || 'Asia/Jakarta');
      return {
        uid: uid(),
        kind: s.kind,
        nameId: s.nameId,
        nameEn: s.nameEn,
        opensDate: opens.date,
        opensTime: opens.time,
        closesDate: closes.date,
        closesTime: closes.time,
      };
    }),
  };
}

/** Gives rows of `next` the uid of the row with the same key in `prev`. */
function keepUids(next: Values, prev: Values): Values {
  const match = <T extends { uid: string; key: string }>(a: T[], b: T[]) =>
    a.map((x) => ({ ...x, uid: b.find((y) => y.key === x.key)?.uid ?? x.uid }));
  return {
    ...next,
    categories: match(next.categories, prev.categories),
    groups: match(next.groups, prev.groups).map((g) => ({
      ...g,
      sections: match(g.sections, prev.groups.find((p) => p.key === g.key)?.sections ?? []),
    })),
    stages: next.stages.map((st) => ({
      ...st,
      uid: prev.stages.find((p) => p.kind === st.kind)?.uid ?? st.uid,
    })),
  };
}

/** A typed number, or null for an empty input (the server names what is missing). */
const num = (v: Num): number | null => (v === '' || v === null || Number.isNaN(Number(v)) ? null : Number(v));
const textOrNull = (v: string) => (v.trim() ? v.trim() : null);

function toBody(v: Values, base: CompetitionDefinition) {
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    year: num(v.year),
    theme: v.theme.trim(),
    description: textOrNull(v.description),
    timeZone: v.timeZone,
    settings: {
      ...base.settings,
      allowedFileTypes: v.allowedFileTypes.map((x) => x.trim().toLowerCase()).filter(Boolean),
      maxFileMb: num(v.maxFileMb),
      maxProposalMb: num(v.maxProposalMb),
      maxOpenDraftsPerUnit: num(v.maxOpenDraftsPerUnit),
      maxInstitutionStorageMb: num(v.maxInstitutionStorageMb),
    },
    categories: v.categories.map((c) => ({
      key: c.key.trim(),
      nameId: c.nameId.trim(),
      nameEn: c.nameEn.trim(),
    })),
    groups: v.groups.map((g) => ({
      key: g.key.trim(),
      nameId: g.nameId.trim(),
      nameEn: g.nameEn.trim(),
      descriptionId: textOrNull(g.descriptionId),
      descriptionEn: textOrNull(g.descriptionEn),
      minImplementationMonths: num(g.minImplementationMonths),
      quotaPerInstitution: num(g.quotaPerInstitution),
      invitationOnly: g.invitationOnly,
      sourceYears: g.sourceYears.length ? g.sourceYears.map(Number).sort((a, b) => a - b) : null,
      sections: g.sections.map((s) => ({
        key: s.key.trim(),
        labelId: s.labelId.trim(),
        labelEn: s.labelEn.trim(),
        guidanceId: textOrNull(s.guidanceId),
        guidanceEn: textOrNull(s.guidanceEn),
        wordLimit: num(s.wordLimit),
        weight: num(s.weight),
        required: s.required,
      })),
    })),
    stages: v.stages.map((s) => ({
      kind: s.kind,
      nameId: s.nameId.trim(),
      nameEn: s.nameEn.trim(),
      opensAt: joinInZone(s.opensDate, s.opensTime, v.timeZone, '00:00'),
      closesAt: joinInZone(s.closesDate, s.closesTime, v.timeZone, '23:59'),
    })),
  };
}

/** Empty required numbers are caught here (the server's shape check would only say "wrong type"). */
function missingNumbers(v: Values, required: string): Record<string, string> {
  const errors: Record<string, string> = {};
  const need = (path: string, value: Num) => {
    if (num(value) === null) errors[path] = required;
  };
  need('year', v.year);
  need('maxFileMb', v.maxFileMb);
  need('maxProposalMb', v.maxProposalMb);
  need('maxOpenDraftsPerUnit', v.maxOpenDraftsPerUnit);
  need('maxInstitutionStorageMb', v.maxInstitutionStorageMb);
  v.groups.forEach((g, gi) => {
    need(`groups.${gi}.minImplementationMonths`, g.minImplementationMonths);
    g.sections.forEach((sec, si) => need(`groups.${gi}.sections.${si}.weight`, sec.weight));
  });
  return errors;
}

/* ---------- server field paths ↔ inputs ---------- */

/** The input a server field path belongs to ("settings.maxFileMb" → "maxFileMb", "stages.1.closesAt" → its date). */
function formPath(serverPath: string): string {
  let p = serverPath.replace(/^settings\./, '');
  p = p.replace(/^allowedFileTypes\.\d+$/, 'allowedFileTypes');
  p = p.replace(/^stages\.(\d+)\.opensAt$/, 'stages.$1.opensDate');
  p = p.replace(/^stages\.(\d+)\.closesAt$/, 'stages.$1.closesDate');
  return p;
}

type TabKey = 'general' | 'categories' | 'groups' | 'stages';
function tabOf(path: string): TabKey {
  const head = path.split('.')[0];
  return head === 'categories' || head === 'groups' || head === 'stages' ? head : 'general';
}

/** A name in quotation marks, or nothing when it is still empty. */
const quoted = (name: string | null | undefined) => (name?.trim() ? `“${name.trim()}”` : '');

/** "Kelompok 1 “Umum” › Bagian 4 “Signifikansi” › Bobot": where an error is, in words. */
function describePath(
  path: string,
  v: Values,
  t: (k: string, o?: Record<string, unknown>) => string,
): string {
  const seg = path.split('.');
  const out: string[] = [];
  for (let i = 0; i < seg.length; i++) {
    const s = seg[i];
    const n = Number(seg[i + 1]);
    if ((s === 'categories' || s === 'groups' || s === 'stages') && Number.isInteger(n)) {
      const item = (v[s] as { nameId?: string }[])[n];
      out.push(t(`secretariat.settings.path.${s}`, { n: n + 1, name: quoted(item?.nameId) }));
      i++;
    } else if (s === 'sections' && Number.isInteger(n)) {
      const g = v.groups[Number(seg[i - 1])];
      out.push(t('secretariat.settings.path.sections', { n: n + 1, name: quoted(g?.sections[n]?.labelId) }));
      i++;
    } else if (s === 'opensDate' || s === 'closesDate') {
      out.push(t(`secretariat.settings.fields.${s === 'opensDate' ? 'opensAt' : 'closesAt'}`));
    } else {
      out.push(t(`secretariat.settings.fields.${s}`, { defaultValue: s }));
    }
  }
  return out.join(' › ');
}

/** The years a replikasi source may come from: KIPP 2014 up to the year before the competition. */
function sourceYearOptions(year: Num): string[] {
  const last = (Number(year) || new Date().getFullYear()) - 1;
  const out: string[] = [];
  for (let y = last; y >= 2014; y--) out.push(String(y));
  return out;
}

function weightTotal(g: GroupValues): number {
  return g.sections.reduce((sum, s) => sum + (Number(s.weight) || 0), 0);
}

/* ---------- small pieces ---------- */

function PathError({ form, path }: { form: Form; path: string }) {
  const e = form.errors[path];
  if (!e) return null;
  return (
    <Text size="sm" c="red.9" role="alert">
      {e}
    </Text>
  );
}

function WeightTotal({ group }: { group: GroupValues }) {
  const { t } = useTranslation();
  const total = weightTotal(group);
  const ok = total === 100;
  return (
    <Text size="sm" fw={700} c={ok ? '#1b5e20' : 'red.9'} component="span">
      {t('secretariat.settings.weightTotal', { total })}
      {!ok && ` ${t('secretariat.settings.weightMustBe100')}`}
    </Text>
  );
}

function MoveButtons({
  index,
  count,
  label,
  onMove,
  onRemove,
}: {
  index: number;
  count: number;
  label: string;
  onMove: (from: number, to: number) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Tooltip label={t('secretariat.settings.moveUp')}>
        <ActionIcon
          variant="default"
          disabled={index === 0}
          onClick={() => onMove(index, index - 1)}
          aria-label={`${t('secretariat.settings.moveUp')}: ${label}`}
        >
          <IconArrowUp size={16} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={t('secretariat.settings.moveDown')}>
        <ActionIcon
          variant="default"
          disabled={index === count - 1}
          onClick={() => onMove(index, index + 1)}
          aria-label={`${t('secretariat.settings.moveDown')}: ${label}`}
        >
          <IconArrowDown size={16} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={t('secretariat.settings.remove')}>
        <ActionIcon
          variant="default"
          c="red.9"
          onClick={onRemove}
          aria-label={`${t('secretariat.settings.remove')}: ${label}`}
        >
          <IconTrash size={16} aria-hidden />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

/* ---------- tabs ---------- */

function GeneralTab({ form }: { form: Form }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('secretariat.settings.fields.name')} required {...form.getInputProps('name')} />
        <TextInput
          label={t('secretariat.settings.fields.code')}
          description={t('secretariat.settings.codeHint')}
          required
          {...form.getInputProps('code')}
        />
        <NumberInput
          label={t('secretariat.settings.fields.year')}
          min={2000}
          max={2100}
          required
          {...form.getInputProps('year')}
        />
        <Select
          label={t('secretariat.settings.fields.timeZone')}
          description={t('secretariat.settings.timeZoneHint')}
          data={zoneOptions(t, form.values.timeZone)}
          allowDeselect={false}
          required
          {...form.getInputProps('timeZone')}
        />
      </SimpleGrid>
      <Textarea
        label={t('secretariat.settings.fields.theme')}
        required
        autosize
        minRows={1}
        maxRows={4}
        {...form.getInputProps('theme')}
      />
      <Textarea
        label={t('secretariat.settings.fields.description')}
        autosize
        minRows={3}
        maxRows={12}
        {...form.getInputProps('description')}
      />
      <Title order={3} size="h4" mt="sm">
        {t('secretariat.settings.filesTitle')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TagsInput
          label={t('secretariat.settings.fields.allowedFileTypes')}
          description={t('secretariat.settings.fileTypesHint')}
          data={COMMON_FILE_TYPES}
          splitChars={[',', ' ', ';']}
          clearable
          clearButtonProps={{ 'aria-label': t('secretariat.clear') }}
          {...form.getInputProps('allowedFileTypes')}
        />
        <NumberInput
          label={t('secretariat.settings.fields.maxFileMb')}
          description={t('secretariat.settings.mbHint')}
          min={1}
          suffix=" MB"
          {...form.getInputProps('maxFileMb')}
        />
        <NumberInput
          label={t('secretariat.settings.fields.maxProposalMb')}
          description={t('secretariat.settings.mbProposalHint')}
          min={1}
          suffix=" MB"
          {...form.getInputProps('maxProposalMb')}
        />
        <NumberInput
          label={t('secretariat.settings.fields.maxOpenDraftsPerUnit')}
          description={t('secretariat.settings.draftsPerUnitHint')}
          min={1}
          {...form.getInputProps('maxOpenDraftsPerUnit')}
        />
        <NumberInput
          label={t('secretariat.settings.fields.maxInstitutionStorageMb')}
          description={t('secretariat.settings.mbInstitutionHint')}
          min={1}
          suffix=" MB"
          {...form.getInputProps('maxInstitutionStorageMb')}
        />
      </SimpleGrid>
    </Stack>
  );
}

function CategoriesTab({ form }: { form: Form }) {
  const { t } = useTranslation();
  const items = form.values.categories;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dark.6">
        {t('secretariat.settings.categoriesIntro')}
      </Text>
      <PathError form={form} path="categories" />
      {items.map((c, i) => (
        <Paper key={c.uid} withBorder p="sm">
          <Group justify="space-between" mb="xs" wrap="nowrap">
            <Text fw={600} size="sm">
              {t('secretariat.settings.path.categories', { n: i + 1, name: quoted(c.nameId) })}
            </Text>
            <MoveButtons
              index={i}
              count={items.length}
              label={c.nameId || c.key || String(i + 1)}
              onMove={(from, to) => form.reorderListItem('categories', { from, to })}
              onRemove={() => form.removeListItem('categories', i)}
            />
          </Group>
          <PathError form={form} path={`categories.${i}`} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('secretariat.settings.fields.key')}
              description={t('secretariat.settings.keyHint')}
              required
              {...form.getInputProps(`categories.${i}.key`)}
            />
            <TextInput
              label={t('secretariat.settings.fields.nameId')}
              required
              {...form.getInputProps(`categories.${i}.nameId`)}
            />
            <TextInput
              label={t('secretariat.settings.fields.nameEn')}
              required
              {...form.getInputProps(`categories.${i}.nameEn`)}
            />
          </SimpleGrid>
        </Paper>
      ))}
      <Group>
        <Button
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() =>
            form.insertListItem('categories', {
              uid: uid(),
              key: `kategori_${items.length + 1}`,
              nameId: '',
              nameEn: '',
            })
          }
        >
          {t('secretariat.settings.addCategory')}
        </Button>
      </Group>
    </Stack>
  );
}

function SectionCard({ form, g, i, count }: { form: Form; g: number; i: number; count: number }) {
  const { t } = useTranslation();
  const s = form.values.groups[g].sections[i];
  const base = `groups.${g}.sections.${i}`;
  const titleId = `section-title-${s.uid}`;
  return (
    <Paper withBorder p="sm" role="group" aria-labelledby={titleId}>
      <Group justify="space-between" wrap="nowrap" mb="xs" align="flex-start">
        <Text fw={700} size="sm" id={titleId}>
          {t('secretariat.settings.path.sections', { n: i + 1, name: quoted(s.labelId) })}
        </Text>
        <MoveButtons
          index={i}
          count={count}
          label={s.labelId || s.key || String(i + 1)}
          onMove={(from, to) => form.reorderListItem(`groups.${g}.sections`, { from, to })}
          onRemove={() => form.removeListItem(`groups.${g}.sections`, i)}
        />
      </Group>
      <PathError form={form} path={base} />
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('secretariat.settings.fields.labelId')}
            required
            {...form.getInputProps(`${base}.labelId`)}
          />
          <TextInput
            label={t('secretariat.settings.fields.labelEn')}
            required
            {...form.getInputProps(`${base}.labelEn`)}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <NumberInput
            label={t('secretariat.settings.fields.weight')}
            min={0}
            max={100}
            required
            {...form.getInputProps(`${base}.weight`)}
          />
          <NumberInput
            label={t('secretariat.settings.fields.wordLimit')}
            placeholder={t('secretariat.settings.noLimit')}
            min={1}
            {...form.getInputProps(`${base}.wordLimit`)}
          />
          <TextInput
            label={t('secretariat.settings.fields.key')}
            required
            {...form.getInputProps(`${base}.key`)}
          />
          <Checkbox
            mt={{ base: 0, md: 'xl' }}
            label={t('secretariat.settings.fields.required')}
            {...form.getInputProps(`${base}.required`, { type: 'checkbox' })}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Textarea
            label={t('secretariat.settings.fields.guidanceId')}
            autosize
            minRows={2}
            maxRows={8}
            {...form.getInputProps(`${base}.guidanceId`)}
          />
          <Textarea
            label={t('secretariat.settings.fields.guidanceEn')}
            autosize
            minRows={2}
            maxRows={8}
            {...form.getInputProps(`${base}.guidanceEn`)}
          />
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

function GroupsTab({ form, open, setOpen }: { form: Form; open: string[]; setOpen: (v: string[]) => void }) {
  const { t } = useTranslation();
  const groups = form.values.groups;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dark.6">
        {t('secretariat.settings.groupsIntro')}
      </Text>
      <PathError form={form} path="groups" />
      <Accordion multiple value={open} onChange={setOpen} variant="separated">
        {groups.map((g, gi) => {
          const errorCount = Object.keys(form.errors).filter(
            (k) => k.startsWith(`groups.${gi}.`) || k === `groups.${gi}`,
          ).length;
          return (
            <Accordion.Item key={g.uid} value={g.uid}>
              <Accordion.Control>
                <Group justify="space-between" wrap="wrap" gap="xs" pr="sm">
                  <Text fw={700}>
                    {g.nameId || t('secretariat.settings.path.groups', { n: gi + 1, name: '' })}
                    <Text span c="dark.6" fw={400} size="sm">
                      {' '}
                      · {t('secretariat.settings.sectionCount', { count: g.sections.length })}
                    </Text>
                  </Text>
                  <Group gap="xs">
                    {errorCount > 0 && (
                      <Badge color="red.9" variant="filled">
                        {t('secretariat.settings.errorCount', { count: errorCount })}
                      </Badge>
                    )}
                    <WeightTotal group={g} />
                  </Group>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap="md">
                  <PathError form={form} path={`groups.${gi}`} />
                  <SimpleGrid cols={{ base: 1, sm: 3 }}>
                    <TextInput
                      label={t('secretariat.settings.fields.key')}
                      description={t('secretariat.settings.keyHint')}
                      required
                      {...form.getInputProps(`groups.${gi}.key`)}
                    />
                    <TextInput
                      label={t('secretariat.settings.fields.nameId')}
                      required
                      {...form.getInputProps(`groups.${gi}.nameId`)}
                    />
                    <TextInput
                      label={t('secretariat.settings.fields.nameEn')}
                      required
                      {...form.getInputProps(`groups.${gi}.nameEn`)}
                    />
                    <NumberInput
                      label={t('secretariat.settings.fields.minImplementationMonths')}
                      min={0}
                      suffix={` ${t('secretariat.settings.months')}`}
                      required
                      {...form.getInputProps(`groups.${gi}.minImplementationMonths`)}
                    />
                    <NumberInput
                      label={t('secretariat.settings.fields.quotaPerInstitution')}
                      description={t('secretariat.settings.quotaHint')}
                      min={0}
                      {...form.getInputProps(`groups.${gi}.quotaPerInstitution`)}
                    />
                    <Switch
                      mt={{ base: 0, sm: 'xl' }}
                      label={t('secretariat.settings.fields.invitationOnly')}
                      {...form.getInputProps(`groups.${gi}.invitationOnly`, { type: 'checkbox' })}
                    />
                  </SimpleGrid>
                  {g.key.trim() === 'replikasi' && (
                    <MultiSelect
                      label={t('secretariat.settings.fields.sourceYears')}
                      description={t('eligibility.settings.sourceYearsHint')}
                      placeholder={g.sourceYears.length ? undefined : t('eligibility.settings.anyYear')}
                      data={sourceYearOptions(form.values.year)}
                      searchable
                      clearable
                      clearButtonProps={{ 'aria-label': t('secretariat.clear') }}
                      {...form.getInputProps(`groups.${gi}.sourceYears`)}
                    />
                  )}
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <Textarea
                      label={t('secretariat.settings.fields.descriptionId')}
                      autosize
                      minRows={2}
                      maxRows={8}
                      {...form.getInputProps(`groups.${gi}.descriptionId`)}
                    />
                    <Textarea
                      label={t('secretariat.settings.fields.descriptionEn')}
                      autosize
                      minRows={2}
                      maxRows={8}
                      {...form.getInputProps(`groups.${gi}.descriptionEn`)}
                    />
                  </SimpleGrid>
                  <Group justify="space-between" align="baseline">
                    <Title order={3} size="h5">
                      {t('secretariat.settings.sectionsTitle')}
                    </Title>
                    <WeightTotal group={g} />
                  </Group>
                  <PathError form={form} path={`groups.${gi}.sections`} />
                  {g.sections.map((s, si) => (
                    <SectionCard key={s.uid} form={form} g={gi} i={si} count={g.sections.length} />
                  ))}
                  <Group justify="space-between">
                    <Button
                      variant="light"
                      leftSection={<IconPlus size={16} aria-hidden />}
                      onClick={() =>
                        form.insertListItem(`groups.${gi}.sections`, {
                          uid: uid(),
                          key: `bagian_${g.sections.length + 1}`,
                          labelId: '',
                          labelEn: '',
                          guidanceId: '',
                          guidanceEn: '',
                          wordLimit: '',
                          weight: 0,
                          required: true,
                        })
                      }
                    >
                      {t('secretariat.settings.addSection')}
                    </Button>
                    <Button
                      variant="subtle"
                      color="red.9"
                      c="red.9"
                      leftSection={<IconTrash size={16} aria-hidden />}
                      onClick={() => form.removeListItem('groups', gi)}
                    >
                      {t('secretariat.settings.removeGroup', { name: g.nameId || gi + 1 })}
                    </Button>
                  </Group>
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          );
        })}
      </Accordion>
      <Group>
        <Button
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => {
            const g: GroupValues = {
              uid: uid(),
              key: `kelompok_${groups.length + 1}`,
              nameId: '',
              nameEn: '',
              descriptionId: '',
              descriptionEn: '',
              minImplementationMonths: 0,
              quotaPerInstitution: '',
              invitationOnly: false,
              sourceYears: [],
              sections: [],
            };
            form.insertListItem('groups', g);
            setOpen([...open, g.uid]);
          }}
        >
          {t('secretariat.settings.addGroup')}
        </Button>
      </Group>
    </Stack>
  );
}

function StagePreview({
  date,
  time,
  zone,
  fallback,
}: {
  date: string;
  time: string;
  zone: string;
  fallback: string;
}) {
  const { lang } = useLang();
  const { t } = useTranslation();
  const iso = joinInZone(date, time, zone, fallback);
  if (!iso || Number.isNaN(new Date(iso).getTime())) return <Text size="xs">—</Text>;
  const reader = readerTimeZone();
  return (
    <Text size="xs" c="dark.6">
      {formatAt(iso, zone, lang)}
      {zonesDiffer(iso, zone, reader) &&
        ` · ${t('secretariat.yourTime', { time: formatAt(iso, reader, lang) })}`}
    </Text>
  );
}

function StagesTab({ form }: { form: Form }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const zone = form.values.timeZone;
  const abbr = zoneAbbreviation(zone);
  const stages = form.values.stages;
  const used = new Set(stages.map((s) => s.kind));
  const unused = STAGE_KINDS.filter((k) => !used.has(k));
  const kindLabel = (k: string) => {
    const n = KIND_NAMES[k];
    return n ? `${lang === 'id' ? n.nameId : n.nameEn} (${k})` : k;
  };
  return (
    <Stack gap="sm">
      <AdminNotice tone="info">
        {t('secretariat.settings.stagesIntro', { zone: `${abbr} (${zone})` })}
      </AdminNotice>
      <PathError form={form} path="stages" />
      {stages.map((s, i) => (
        <Paper key={s.uid} withBorder p="sm">
          <Group justify="space-between" wrap="nowrap" mb="xs">
            <Text fw={700}>
              {i + 1}. {s.nameId || s.kind}
            </Text>
            <MoveButtons
              index={i}
              count={stages.length}
              label={s.nameId || s.kind}
              onMove={(from, to) => form.reorderListItem('stages', { from, to })}
              onRemove={() => form.removeListItem('stages', i)}
            />
          </Group>
          <PathError form={form} path={`stages.${i}`} />
          <SimpleGrid cols={{ base: 1, sm: 3 }} mb="xs">
            <Select
              label={t('secretariat.settings.fields.kind')}
              data={STAGE_KINDS.map((k) => ({
                value: k,
                label: kindLabel(k),
                disabled: k !== s.kind && used.has(k),
              }))}
              allowDeselect={false}
              required
              {...form.getInputProps(`stages.${i}.kind`)}
            />
            <TextInput
              label={t('secretariat.settings.fields.nameId')}
              required
              {...form.getInputProps(`stages.${i}.nameId`)}
            />
            <TextInput
              label={t('secretariat.settings.fields.nameEn')}
              required
              {...form.getInputProps(`stages.${i}.nameEn`)}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Stack gap={4}>
              <Group gap="xs" grow wrap="nowrap" align="flex-start">
                <TextInput
                  type="date"
                  label={t('secretariat.settings.opensDate')}
                  {...form.getInputProps(`stages.${i}.opensDate`)}
                />
                <TextInput
                  type="time"
                  label={t('secretariat.settings.timeIn', { zone: abbr })}
                  {...form.getInputProps(`stages.${i}.opensTime`)}
                />
              </Group>
              <StagePreview date={s.opensDate} time={s.opensTime} zone={zone} fallback="00:00" />
            </Stack>
            <Stack gap={4}>
              <Group gap="xs" grow wrap="nowrap" align="flex-start">
                <TextInput
                  type="date"
                  label={t('secretariat.settings.closesDate')}
                  {...form.getInputProps(`stages.${i}.closesDate`)}
                />
                <TextInput
                  type="time"
                  label={t('secretariat.settings.timeIn', { zone: abbr })}
                  {...form.getInputProps(`stages.${i}.closesTime`)}
                />
              </Group>
              <StagePreview date={s.closesDate} time={s.closesTime} zone={zone} fallback="23:59" />
            </Stack>
          </SimpleGrid>
        </Paper>
      ))}
      {unused.length > 0 && (
        <Group>
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => {
              const kind = unused[0];
              form.insertListItem('stages', {
                uid: uid(),
                kind,
                nameId: KIND_NAMES[kind]?.nameId ?? '',
                nameEn: KIND_NAMES[kind]?.nameEn ?? '',
                opensDate: '',
                opensTime: '',
                closesDate: '',
                closesTime: '',
              });
            }}
          >
            {t('secretariat.settings.addStage')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/* ---------- the editor ---------- */

function TabLabel({ children, errors }: { children: ReactNode; errors: number }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap">
      <span>{children}</span>
      {errors > 0 && (
        <Badge
          size="sm"
          color="red.9"
          variant="filled"
          aria-label={t('secretariat.settings.errorCount', { count: errors })}
        >
          {errors}
        </Badge>
      )}
    </Group>
  );
}

function Editor({ def }: { def: CompetitionDefinition }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const qc = useQueryClient();
  const form = useForm<Values>({
    initialValues: toValues(def),
    validate: (v) => missingNumbers(v, t('secretariat.settings.requiredNumber')),
  });
  const [tab, setTab] = useState<TabKey>('general');
  const [open, setOpen] = useState<string[]>([]);
  const [general, setGeneral] = useState<string | null>(null);
  const canManage = def.abilities.manage;
  const dirty = form.isDirty();

  const focusFirstError = () =>
    setTimeout(() => {
      const el = document.getElementById(FORM_ID)?.querySelector<HTMLElement>('[aria-invalid="true"]');
      el?.focus();
      el?.scrollIntoView({ block: 'center' });
    }, 80);

  /** Puts each message beside its field, opens the tab and group holding the first one, and focuses it. */
  const showErrors = (errors: Record<string, ReactNode>) => {
    const paths = Object.keys(errors);
    if (!paths.length) return;
    setTab(tabOf(paths[0]));
    const groupIdx = new Set(
      paths.map((p) => /^groups\.(\d+)/.exec(p)?.[1]).filter((x): x is string => x !== undefined),
    );
    const toOpen = [...groupIdx].map((gi) => form.values.groups[Number(gi)]?.uid).filter(Boolean);
    setOpen((prev) => [...new Set([...prev, ...toOpen])]);
    focusFirstError();
  };

  const save = useMutation({
    mutationFn: (v: Values) => api<unknown>('PUT', `/competitions/${def.id}`, toBody(v, def)),
    onSuccess: async (res) => {
      const fresh =
        res && typeof res === 'object' && 'groups' in (res as object)
          ? (res as CompetitionDefinition)
          : ((res as { competition?: CompetitionDefinition })?.competition ??
            (await api<CompetitionDefinition>('GET', `/competitions/${def.id}`)));
      qc.setQueryData(['competition', String(def.id)], fresh);
      await qc.invalidateQueries({ queryKey: ['competitions'] });
      // Keep the rows' identities so open groups stay open and focus stays where it was.
      const v = keepUids(toValues(fresh), form.getValues());
      form.setValues(v);
      form.setInitialValues(v);
      form.resetDirty(v);
      form.clearErrors();
      setGeneral(null);
      notifications.show({ color: 'green', message: t('secretariat.settings.savedNotice') });
    },
    onError: (err) => {
      const m = apiErrorMessages(err, lang);
      const errors: Record<string, string> = {};
      for (const [k, msg] of Object.entries(m.fields)) errors[formPath(k)] = msg;
      form.setErrors(errors);
      setGeneral(m.general);
      showErrors(errors);
    },
  });

  const transition = useMutation({
    mutationFn: (action: 'publish' | 'unpublish') =>
      api<unknown>('POST', `/competitions/${def.id}/${action}`),
    onSuccess: async (_res, action) => {
      await qc.invalidateQueries({ queryKey: ['competition', String(def.id)] });
      await qc.invalidateQueries({ queryKey: ['competitions'] });
      notifications.show({
        color: 'green',
        message: t(
          action === 'publish'
            ? 'secretariat.settings.publishedNotice'
            : 'secretariat.settings.unpublishedNotice',
        ),
      });
    },
  });
  const transitionError = transition.error ? apiErrorMessages(transition.error, lang) : null;

  const errorPaths = Object.keys(form.errors);
  const countFor = (k: TabKey) => errorPaths.filter((p) => tabOf(p) === k).length;

  return (
    <Stack gap="md">
      <AdminUnsavedGuard when={dirty && canManage} />
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4}>
          <Group gap="xs">
            <AdminStatusBadge status={def.status} />
            <Text size="sm" c="dark.6">
              {def.code} · {def.year}
            </Text>
          </Group>
          <Group gap="md">
            <Anchor component={Link} to={`/kompetisi/${def.id}`} size="sm">
              {t('secretariat.settings.viewPublic')}
            </Anchor>
            {canManage && def.groups.some((g) => g.invitationOnly) && (
              <Anchor component={Link} to={`/sekretariat/kompetisi/${def.id}/undangan`} size="sm">
                {t('eligibility.invitations.link')}
              </Anchor>
            )}
          </Group>
        </Stack>
        {(def.abilities.publish || def.abilities.unpublish) && (
          <Stack gap={4} align="flex-end">
            {def.abilities.unpublish ? (
              <Button
                variant="default"
                loading={transition.isPending}
                onClick={() => transition.mutate('unpublish')}
              >
                {t('secretariat.settings.unpublish')}
              </Button>
            ) : (
              <Button
                color="#1b5e20"
                loading={transition.isPending}
                disabled={dirty}
                onClick={() => transition.mutate('publish')}
              >
                {t('secretariat.settings.publish')}
              </Button>
            )}
            {dirty && !def.abilities.unpublish && (
              <Text size="xs" c="dark.6">
                {t('secretariat.settings.saveBeforePublish')}
              </Text>
            )}
          </Stack>
        )}
      </Group>
      {transitionError && (
        <AdminNotice tone="danger" role="alert" withCloseButton onClose={() => transition.reset()}>
          {transitionError.general}
          {Object.keys(transitionError.fields).length > 0 && (
            <List size="sm" mt="xs">
              {Object.entries(transitionError.fields).map(([p, msg]) => (
                <List.Item key={p}>
                  {describePath(formPath(p), form.values, t)}: {msg}
                </List.Item>
              ))}
            </List>
          )}
        </AdminNotice>
      )}
      {!canManage && <AdminNotice tone="neutral">{t('secretariat.settings.readOnly')}</AdminNotice>}
      <form
        id={FORM_ID}
        noValidate
        onSubmit={form.onSubmit(
          (v) => {
            setGeneral(null);
            save.mutate(v);
          },
          (errors) => {
            setGeneral(t('secretariat.settings.checkFields'));
            showErrors(errors);
          },
        )}
      >
        <fieldset disabled={!canManage} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <Stack gap="md">
            {general && (
              <AdminNotice tone="danger" role="alert" title={t('secretariat.settings.saveFailed')}>
                <Text size="sm">{general}</Text>
                {errorPaths.length > 0 && (
                  <List size="sm" mt="xs">
                    {errorPaths.map((p) => (
                      <List.Item key={p}>
                        {describePath(p, form.values, t)}: {form.errors[p]}
                      </List.Item>
                    ))}
                  </List>
                )}
              </AdminNotice>
            )}
            <Tabs value={tab} onChange={(v) => setTab((v as TabKey) ?? 'general')} keepMounted={false}>
              <Tabs.List>
                <Tabs.Tab value="general">
                  <TabLabel errors={countFor('general')}>{t('secretariat.settings.tabs.general')}</TabLabel>
                </Tabs.Tab>
                <Tabs.Tab value="categories">
                  <TabLabel errors={countFor('categories')}>
                    {t('secretariat.settings.tabs.categories')} ({form.values.categories.length})
                  </TabLabel>
                </Tabs.Tab>
                <Tabs.Tab value="groups">
                  <TabLabel errors={countFor('groups')}>
                    {t('secretariat.settings.tabs.groups')} ({form.values.groups.length})
                  </TabLabel>
                </Tabs.Tab>
                <Tabs.Tab value="stages">
                  <TabLabel errors={countFor('stages')}>
                    {t('secretariat.settings.tabs.stages')} ({form.values.stages.length})
                  </TabLabel>
                </Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="general" pt="md">
                <GeneralTab form={form} />
              </Tabs.Panel>
              <Tabs.Panel value="categories" pt="md">
                <CategoriesTab form={form} />
              </Tabs.Panel>
              <Tabs.Panel value="groups" pt="md">
                <GroupsTab form={form} open={open} setOpen={setOpen} />
              </Tabs.Panel>
              <Tabs.Panel value="stages" pt="md">
                <StagesTab form={form} />
              </Tabs.Panel>
            </Tabs>
          </Stack>
        </fieldset>
        {canManage && (
          <Paper withBorder shadow="sm" p="sm" mt="md" style={{ position: 'sticky', bottom: 8, zIndex: 5 }}>
            <Group justify="space-between" gap="xs">
              <Text size="sm" c={dirty ? '#8a4b00' : 'dark.6'} fw={dirty ? 700 : 400} aria-live="polite">
                {dirty ? t('secretariat.settings.unsavedChanges') : t('secretariat.settings.noChanges')}
              </Text>
              <Group gap="xs">
                <Button
                  variant="default"
                  disabled={!dirty || save.isPending}
                  onClick={() => {
                    form.reset();
                    form.clearErrors();
                    setGeneral(null);
                  }}
                >
                  {t('secretariat.settings.discard')}
                </Button>
                <Button type="submit" loading={save.isPending}>
                  {t('secretariat.settings.save')}
                </Button>
              </Group>
            </Group>
          </Paper>
        )}
      </form>
    </Stack>
  );
}

export function CompetitionSettingsPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const q = useQuery({
    queryKey: ['competition', String(id)],
    queryFn: () => api<CompetitionDefinition>('GET', `/competitions/${id}`),
  });
  return (
    <AdminPage gap="md">
      <div>
        <Anchor component={Link} to="/sekretariat/kompetisi" size="sm">
          ← {t('secretariat.settings.backToList')}
        </Anchor>
        <Title order={1} mt={4}>
          {q.data ? q.data.name : t('secretariat.settings.title')}
        </Title>
        <Text c="dark.6" size="sm">
          {t('secretariat.settings.intro')}
        </Text>
      </div>
      <AdminQueryState isLoading={q.isLoading} error={q.error} onRetry={() => q.refetch()}>
        {q.data && (
          <Card withBorder p={{ base: 'xs', sm: 'md' }}>
            <Editor key={q.data.id} def={q.data} />
          </Card>
        )}
      </AdminQueryState>
    </AdminPage>
  );
}
