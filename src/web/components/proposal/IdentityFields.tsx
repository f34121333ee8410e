import {
  Card,
  NativeSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProposalDetail } from '../../../contracts/proposals.js';
import { useLang } from '../../i18n/index.js';
import type { Draft } from './draft.js';

/** What the editor knows about one field: the server's refusal (red) and what is still missing (before sending). */
export interface FieldMarks {
  /** The reason the server refused what was typed, or a field message of a refused save. */
  errorOf: (target: string) => string | undefined;
  /** What the checklist still asks of this field ("sections.<key>", "categoryId", …), or undefined. */
  missingOf: (field: string) => string | undefined;
}

/**
 * The proposal's identity card: title, acronym, category, start date, innovator, contact and the two links.
 * Every field needed before sending is marked required, and says so while it is still missing.
 */
export function IdentityFields({
  detail,
  d,
  update,
  marks,
}: {
  detail: ProposalDetail;
  d: Draft;
  update: (patch: Partial<Draft>) => void;
  marks: FieldMarks;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { errorOf, missingOf } = marks;
  /** The props of a text input bound to a draft field; `field` is the checklist's name when it differs. */
  const text = (k: keyof Draft, field: string = k) => ({
    id: `field-${k}`,
    value: d[k] as string,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      update({ [k]: e.currentTarget.value } as Partial<Draft>),
    error: errorOf(k),
    description: missingOf(field),
  });
  return (
    <Card withBorder>
      <Title order={2} size="h3" mb={4}>
        {t('proposals.editor.identity')}
      </Title>
      <Text size="sm" c="gray.7" mb="sm">
        {t('proposals.editor.requiredLegend')}
      </Text>
      <Stack>
        <TextInput label={t('proposals.editor.title')} {...text('title')} required maxLength={255} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('proposals.editor.acronym')} {...text('acronym')} required maxLength={64} />
          <NativeSelect
            id="field-categoryId"
            label={t('proposals.editor.category')}
            required
            value={d.categoryKey}
            onChange={(e) => update({ categoryKey: e.currentTarget.value })}
            error={errorOf('categoryKey')}
            description={missingOf('categoryId')}
            data={[
              { value: '', label: '—' },
              ...detail.categories.map((c) => ({
                value: c.key,
                label: lang === 'id' ? c.nameId : c.nameEn,
              })),
            ]}
          />
          <TextInput
            type="date"
            label={t('proposals.editor.implementationStart')}
            required
            {...text('implementationStart')}
          />
          <Stack gap={4} id="field-innovatorKind">
            <Text size="sm" fw={500} id="innovator-kind-label">
              {t('proposals.editor.innovatorKind')}{' '}
              <Text span c="red.9" aria-hidden>
                *
              </Text>
            </Text>
            <SegmentedControl
              aria-labelledby="innovator-kind-label"
              value={d.innovatorKind}
              onChange={(v) => update({ innovatorKind: v as Draft['innovatorKind'] })}
              data={[
                { value: 'person', label: t('proposals.editor.person') },
                { value: 'team', label: t('proposals.editor.team') },
              ]}
            />
            {(errorOf('innovatorKind') ?? missingOf('innovatorKind')) && (
              <Text size="xs" c={errorOf('innovatorKind') ? 'red.9' : 'gray.7'}>
                {errorOf('innovatorKind') ?? missingOf('innovatorKind')}
              </Text>
            )}
          </Stack>
        </SimpleGrid>
        <Textarea
          label={t('proposals.editor.innovatorNames')}
          required
          {...text('innovatorNames')}
          autosize
          minRows={2}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('proposals.editor.contactName')} required {...text('contactName')} />
          <TextInput
            label={t('proposals.editor.contactPhone')}
            type="tel"
            required
            {...text('contactPhone')}
          />
          <TextInput
            label={t('proposals.editor.contactEmail')}
            type="email"
            required
            {...text('contactEmail')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('proposals.editor.linkStandard')}
            type="url"
            placeholder="https://"
            {...text('linkStandard')}
          />
          <TextInput
            label={t('proposals.editor.linkVideo')}
            type="url"
            placeholder="https://"
            {...text('linkVideo')}
          />
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
