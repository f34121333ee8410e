import {
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { typeLabel } from '../../../../domain/attachments.js';
import { zoneOptions } from '../../../components/AdminTime.js';
import { type Form, COMMON_FILE_TYPES } from './values.js';

export function GeneralTab({ form }: { form: Form }) {
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
        {/* Types are named as people know them ("PDF", "DOCX"); the MIME type shows under each option. */}
        <MultiSelect
          label={t('secretariat.settings.fields.allowedFileTypes')}
          description={t('secretariat.settings.fileTypesHint')}
          data={[...new Set([...COMMON_FILE_TYPES, ...form.values.allowedFileTypes])].map((mime) => ({
            value: mime,
            label: typeLabel(mime),
          }))}
          renderOption={({ option }) => (
            <div>
              <Text size="sm">{option.label}</Text>
              <Text size="xs" c="dark.5">
                {option.value}
              </Text>
            </div>
          )}
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
      {/* The help contact (settings.helpdesk): the footer of the competition's pages shows it. */}
      <Paper withBorder p={{ base: 'xs', sm: 'md' }} mt="sm">
        <Stack gap="sm">
          <div>
            <Title order={3} size="h4">
              {t('secretariat.settings.helpdeskTitle')}
            </Title>
            <Text size="sm" c="dark.6">
              {t('secretariat.settings.helpdeskIntro')}
            </Text>
          </div>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="tel"
              inputMode="tel"
              autoComplete="off"
              label={t('secretariat.settings.fields.helpdeskPhone')}
              description={t('secretariat.settings.helpdeskPhoneHint')}
              {...form.getInputProps('helpdeskPhone')}
            />
            <TextInput
              type="email"
              autoComplete="off"
              label={t('secretariat.settings.fields.helpdeskEmail')}
              description={t('secretariat.settings.helpdeskEmailHint')}
              {...form.getInputProps('helpdeskEmail')}
            />
            <TextInput
              type="tel"
              inputMode="tel"
              autoComplete="off"
              label={t('secretariat.settings.fields.helpdeskWhatsapp')}
              description={t('secretariat.settings.helpdeskWhatsappHint')}
              {...form.getInputProps('helpdeskWhatsapp')}
            />
            <TextInput
              autoComplete="off"
              label={t('secretariat.settings.fields.helpdeskHours')}
              description={t('secretariat.settings.helpdeskHoursHint')}
              {...form.getInputProps('helpdeskHours')}
            />
          </SimpleGrid>
        </Stack>
      </Paper>
    </Stack>
  );
}
