import type { TFunction } from 'i18next';
import type { ProposalDetail } from '../../../contracts/proposals.js';
import { formatInstant } from '../../../domain/time.js';
import { RECEIVED_STATES } from '../../../domain/proposal-workflow.js';
import { readOnlyText } from './ReadOnlyView.js';

/**
 * The read-only banner as a next step (issue 11): per state, who acts next and until when (the closing of
 * submission, with hour and zone), worded for the one reading it (the unit, or the admin lokal who may
 * act). Received, frozen and after the closing keep the texts of `readOnlyText`.
 */
export function nextStepText(detail: ProposalDetail, lang: 'id' | 'en', t: TFunction, now: Date): string {
  const closes = detail.submissionClosesAt;
  if (
    // After the closing the organizer moves it (received, incomplete, passed_admin, disqualified, finalist).
    RECEIVED_STATES.includes(detail.state) ||
    detail.state === 'frozen' ||
    !closes ||
    Date.parse(closes) <= now.getTime()
  )
    return readOnlyText(detail, lang, t, now);
  const at = (iso: string | null) => (iso ? formatInstant(iso, detail.timeZone, lang) : '-');
  const vars = {
    institution: detail.institution.name,
    unit: detail.unit.name,
    competition: detail.competition.name,
    closes: at(closes),
    forwardedAt: at(detail.forwardedAt),
  };
  const reviewer = detail.abilities.forward || detail.abilities.return;
  const key = `proposals.nextStep.${detail.state}.${reviewer ? 'reviewer' : 'reader'}`;
  const text = t(key, vars);
  if (detail.state === 'sent_to_local_admin' && detail.abilities.takeBack)
    return `${text} ${t('proposals.nextStep.takeBackHint')}`;
  return text;
}
