import { formatInstant } from '../../domain/time.js';
import type { ProposalView } from './view.js';

/* What mails about a proposal say of it (the programme: domain/deadlines.ts `programLabel`). */

/** Where the web app shows one proposal. */
export const proposalPath = (id: number) => `/usulan/${id}`;

export const closesAtText = (view: ProposalView, locale: 'id' | 'en') =>
  view.submission?.closesAt
    ? formatInstant(view.submission.closesAt, view.competition.time_zone, locale)
    : '-';
