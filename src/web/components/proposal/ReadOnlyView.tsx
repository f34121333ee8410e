import { Card, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ProposalDetail } from '../../../contracts/proposals.js';
import { formatInstant } from '../../../domain/time.js';
import { useLang } from '../../i18n/index.js';
import type { Draft } from './draft.js';
import { WordCount } from './ProposalBits.js';
import { useSourceLabel } from './SourceAwardPicker.js';

/** What a reader (admin lokal, or the unit after sending) sees: plain text, readable, nothing greyed out. */
export function ReadOnlyView({ detail, d }: { detail: ProposalDetail; d: Draft }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const sourceLabel = useSourceLabel();
  const empty = t('proposals.editor.noAnswer');
  const category = detail.categories.find((c) => c.key === d.categoryKey);
  const pairs: [string, string][] = [
    [t('proposals.editor.title'), d.title],
    [t('proposals.editor.acronym'), d.acronym],
    [t('proposals.editor.category'), category ? (lang === 'id' ? category.nameId : category.nameEn) : ''],
    [t('proposals.editor.implementationStart'), d.implementationStart],
    [t('proposals.editor.innovatorKind'), d.innovatorKind ? t(`proposals.editor.${d.innovatorKind}`) : ''],
    [t('proposals.editor.innovatorNames'), d.innovatorNames],
    [t('proposals.editor.contactName'), d.contactName],
    [t('proposals.editor.contactPhone'), d.contactPhone],
    [t('proposals.editor.contactEmail'), d.contactEmail],
    [t('proposals.editor.linkStandard'), d.linkStandard],
    [t('proposals.editor.linkVideo'), d.linkVideo],
    [t('proposals.editor.declaration'), d.declarationAccepted ? t('proposals.editor.declarationText') : ''],
    ...(detail.group.key === 'replikasi'
      ? ([
          [
            t('eligibility.source.title'),
            detail.sourceAward ? sourceLabel(detail.sourceAward) : t('eligibility.source.none'),
          ],
        ] as [string, string][])
      : []),
  ];
  return (
    <>
      <Card withBorder>
        <Title order={2} size="h3" mb="sm">
          {t('proposals.editor.identity')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} component="dl" spacing="sm" style={{ margin: 0 }}>
          {pairs.map(([label, value]) => (
            <div key={label}>
              <Text component="dt" size="sm" fw={600} c="gray.7">
                {label}
              </Text>
              <Text component="dd" m={0} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {value || empty}
              </Text>
            </div>
          ))}
        </SimpleGrid>
      </Card>
      {detail.form.map((s) => {
        const value = d.answers[s.key] ?? '';
        return (
          <Card withBorder key={s.key}>
            <Title order={2} size="h4" mb="xs">
              {lang === 'id' ? s.labelId : s.labelEn}
            </Title>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{value || empty}</Text>
            <WordCount id={`words-${s.key}`} text={value} limit={s.wordLimit} />
          </Card>
        );
      })}
    </>
  );
}

/** Why the proposal cannot be edited now, with the instants that matter (closing, receipt) and their zone. */
export function readOnlyText(detail: ProposalDetail, lang: 'id' | 'en', t: TFunction, now: Date) {
  const at = (iso: string | null) => (iso ? formatInstant(iso, detail.timeZone, lang) : '-');
  if (detail.state === 'received')
    return t('proposals.editor.readOnlyReceived', { at: at(detail.receivedAt) });
  if (detail.state === 'frozen')
    return t('proposals.editor.readOnlyFrozen', { at: at(detail.submissionClosesAt) });
  if (detail.submissionClosesAt && Date.parse(detail.submissionClosesAt) <= now.getTime())
    return t('proposals.editor.readOnlyClosed', { at: at(detail.submissionClosesAt) });
  return t('proposals.editor.readOnly');
}
