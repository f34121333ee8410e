import { Card, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProposalDetail } from '../../../contracts/proposals.js';
import { useLang } from '../../i18n/index.js';
import type { Draft } from './draft.js';
import type { FieldMarks } from './IdentityFields.js';
import { WordCount } from './ProposalBits.js';

/**
 * The group's form, one card per section: its guidance, the answer with its word count, whether it is
 * required (and still empty), and the server's refusal of what was typed there.
 */
export function SectionsForm({
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
  return (
    <>
      {detail.form.map((s) => {
        const value = d.answers[s.key] ?? '';
        const guidance = lang === 'id' ? s.guidanceId : s.guidanceEn;
        const error = marks.errorOf(`sections.${s.key}`);
        const missing = marks.missingOf(`sections.${s.key}`);
        const described = [
          guidance && `guidance-${s.key}`,
          missing && `missing-${s.key}`,
          error && `error-${s.key}`,
          `words-${s.key}`,
        ].filter(Boolean);
        return (
          <Card
            withBorder
            key={s.key}
            style={error ? { borderColor: 'var(--mantine-color-red-8)' } : undefined}
          >
            <Stack gap="xs">
              <Title order={2} size="h4">
                <label htmlFor={`section-${s.key}`}>{lang === 'id' ? s.labelId : s.labelEn}</label>
                {s.required && (
                  <Text span size="sm" c="gray.7" fw={400}>
                    {' '}
                    ({t('proposals.editor.required')})
                  </Text>
                )}
              </Title>
              {guidance && (
                <Text size="sm" c="gray.7" id={`guidance-${s.key}`} style={{ whiteSpace: 'pre-wrap' }}>
                  {guidance}
                </Text>
              )}
              {missing && (
                <Text size="sm" c="dark.6" fw={600} id={`missing-${s.key}`}>
                  {missing}
                </Text>
              )}
              <Textarea
                id={`section-${s.key}`}
                aria-describedby={described.join(' ')}
                aria-invalid={error ? true : undefined}
                value={value}
                onChange={(e) => update({ answers: { ...d.answers, [s.key]: e.currentTarget.value } })}
                error={!!error}
                autosize
                minRows={6}
                maxRows={30}
              />
              {error && (
                <Text size="sm" c="red.9" fw={600} id={`error-${s.key}`}>
                  {error}
                </Text>
              )}
              <WordCount id={`words-${s.key}`} text={value} limit={s.wordLimit} />
            </Stack>
          </Card>
        );
      })}
    </>
  );
}
