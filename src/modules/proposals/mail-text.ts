import { formatInstant } from '../../domain/time.js';
import type { ProposalView } from './view.js';

/* What mails about a proposal say of it. */

/** Where the web app shows one proposal. */
export const proposalPath = (id: number) => `/usulan/${id}`;

/** "Kompetisi Inovasi Pelayanan Publik 2026 — Kelompok Umum": how mails name the programme. */
export const programName = (view: ProposalView, locale: 'id' | 'en') =>
  locale === 'id'
    ? `${view.competition.name} — Kelompok ${view.group.name_id}`
    : `${view.competition.name} — ${view.group.name_en} group`;

export const closesAtText = (view: ProposalView, locale: 'id' | 'en') =>
  view.submission?.closesAt
    ? formatInstant(view.submission.closesAt, view.competition.time_zone, locale)
    : '-';
