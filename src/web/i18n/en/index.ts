import { common } from './common.js';
import { publicPages } from './public.js';
import { account } from './account.js';
import { secretariat } from './secretariat.js';
import { institution } from './institution.js';
import { proposals } from './proposals.js';
import { dashboard } from './dashboard.js';
import { eligibility } from './eligibility.js';
import { users } from './users.js';
import { guard } from './guard.js';
import { versions } from './versions.js';
import { participation } from './participation.js';
import { home } from './home.js';
import { audit } from './audit.js';
import { participationView } from './participation-view.js';
import { objections } from './objections.js';
import { publication } from './publication.js';
import { reviewTeam } from './review-team.js';
import { assignments } from './assignments.js';
import { stageResults } from './stage-results.js';
import { review } from './review.js';
import { scoreExports } from './score-exports.js';
import { adminCheck } from './admin-check.js';
import { finalists } from './finalists.js';
import { demoClock } from './demo-clock.js';
import { personalData } from './personal-data.js';
import { erasure } from './erasure.js';
import { selection } from './selection.js';
import { certificates } from './certificates.js';
import { seasonReport } from './season-report.js';
import { results } from './results.js';
import { publicRatings } from './public-ratings.js';
import { field } from './field.js';
import { presentation } from './presentation.js';
import { presentationParticipant } from './presentation-participant.js';
import { gallery } from './gallery.js';
import { replication } from './replication.js';
import { galleryOwner } from './gallery-owner.js';
import { galleryData } from './gallery-data.js';

/** Every English string; keys mirror ../id. */
export const en = {
  common,
  public: publicPages,
  account,
  secretariat,
  institution,
  proposals,
  dashboard,
  eligibility,
  users,
  guard,
  versions,
  participation,
  home,
  audit,
  participationView,
  objections,
  publication,
  reviewTeam,
  assignments,
  stageResults,
  review,
  scoreExports,
  adminCheck,
  finalists,
  demoClock,
  personalData,
  erasure,
  selection,
  certificates,
  seasonReport,
  results,
  publicRatings,
  field,
  presentation,
  presentationParticipant,
  gallery,
  replication,
  galleryOwner,
  galleryData,
};
