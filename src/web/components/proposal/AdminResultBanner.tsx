import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProposalDetail } from '../../../contracts/proposals.js';
import { useLang } from '../../i18n/index.js';
import { formatAt } from '../AdminTime.js';

/**
 * The administrative check's published result on the proposal (issue 12 point 1): passed, or disqualified
 * with its reason. The API gives it only once published, so a staged outcome never shows here.
 */
export function AdminResultBanner({ detail }: { detail: ProposalDetail }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const r = detail.adminResult;
  if (!r) return null;
  const vars = { letter: r.letterNumber ?? '-', at: formatAt(r.publishedAt, detail.timeZone, lang) };
  if (r.outcome === 'passed')
    return (
      <Alert
        color="green"
        title={t('publication.result.passedTitle')}
        data-testid="admin-result"
        styles={DARK}
      >
        <Text size="sm">{t('publication.result.passedText', vars)}</Text>
      </Alert>
    );
  return (
    <Alert
      color="red"
      title={t('publication.result.disqualifiedTitle')}
      data-testid="admin-result"
      styles={DARK}
    >
      <Text size="sm">{t('publication.result.disqualifiedText', vars)}</Text>
      <Text size="sm" fw={600} mt={4} style={{ whiteSpace: 'pre-wrap' }}>
        {t('publication.result.reason', {
          reason: r.reasonText?.trim() || r.reasonCode || '-',
        })}
      </Text>
    </Alert>
  );
}

/** The light alerts' default title colours are below AA contrast on their backgrounds. */
const DARK = { title: { color: 'var(--mantine-color-dark-7)' } };
