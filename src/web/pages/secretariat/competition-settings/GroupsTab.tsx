import {
  Accordion,
  Badge,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { type GroupValues, type Form, uid, quoted, sourceYearOptions } from './values.js';
import { PathError, WeightTotal, MoveButtons } from './pieces.js';

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
          <Checkbox
            label={t('secretariat.settings.fields.evidenceRequired')}
            description={t('secretariat.settings.evidenceRequiredHint')}
            {...form.getInputProps(`${base}.evidenceRequired`, { type: 'checkbox' })}
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

export function GroupsTab({
  form,
  open,
  setOpen,
}: {
  form: Form;
  open: string[];
  setOpen: (v: string[]) => void;
}) {
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
                    <NumberInput
                      label={t('secretariat.settings.fields.evidenceMin')}
                      description={t('secretariat.settings.evidenceMinHint')}
                      min={0}
                      max={20}
                      suffix={` ${t('secretariat.settings.files')}`}
                      {...form.getInputProps(`groups.${gi}.evidenceMin`)}
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
                          evidenceRequired: false,
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
              evidenceMin: 1,
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
