import { VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProposalDiffDto } from '../../../../contracts/proposal-versions.js';
import './Versions.css';

type Part = ProposalDiffDto['fields'][number]['parts'][number];

/**
 * Word-level changes in reading order: added words underlined (green), removed words struck through
 * (red), and each announced to screen readers, so the change never depends on colour alone.
 */
export function DiffText({ parts, show = (s) => s }: { parts: Part[]; show?: (text: string) => string }) {
  const { t } = useTranslation();
  return (
    <p className="diff-text">
      {parts.map((p, i) =>
        p.op === 'ins' ? (
          <ins key={i} className="diff-ins">
            <VisuallyHidden>{t('versions.added')}</VisuallyHidden>
            {show(p.text)}
            <VisuallyHidden>{t('versions.addedEnd')}</VisuallyHidden>
          </ins>
        ) : p.op === 'del' ? (
          <del key={i} className="diff-del">
            <VisuallyHidden>{t('versions.removed')}</VisuallyHidden>
            {show(p.text)}
            <VisuallyHidden>{t('versions.removedEnd')}</VisuallyHidden>
          </del>
        ) : (
          <span key={i}>{show(p.text)}</span>
        ),
      )}
    </p>
  );
}
