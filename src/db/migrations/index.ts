import type { Migration } from 'kysely';
import * as foundation from './2026_11_22_0001_foundation.js';
import * as proposals from './2026_11_22_0003_proposals.js';
import * as awards from './2026_12_01_0004_awards.js';
import * as attachments from './2026_12_01_0005_attachments.js';
import * as eligibility from './2026_12_01_0006_eligibility.js';
import * as titleKey from './2026_12_01_0007_title_key.js';
import * as configRev from './2026_12_04_0008_config_rev.js';
import * as pendingRevision from './2026_12_04_0009_pending_revision.js';
import * as dataRevisions from './2026_12_04_0010_data_revisions.js';
import * as editorMemory from './2026_12_04_0011_editor_memory.js';
import * as mailAudit from './2026_12_06_0012_mail_audit.js';
import * as authHardening from './2026_12_06_0014_auth_hardening.js';
import * as autosave from './2026_12_06_0017_autosave.js';
import * as amendments from './2026_12_06_0018_amendments.js';
import * as dropEditorMemory from './2026_12_06_0019_drop_editor_memory.js';
import * as whoMayEnter from './2026_12_06_0021_who_may_enter.js';
import * as requiredEvidence from './2026_12_06_0022_required_evidence.js';
import * as participationReminders from './2026_12_06_0026_participation_reminders.js';
import * as selection from './2026_12_06_0027_selection.js';
import * as adminCheck from './2026_12_06_0028_admin_check.js';
import * as reviewTeam from './2026_12_06_0030_review_team.js';
import * as objections from './2026_12_06_0032_objections.js';
import * as stageResults from './2026_12_06_0033_stage_results.js';
import * as finalists from './2026_12_06_0034_finalists.js';
import * as awardLinks from './2026_12_07_0035_award_links.js';
import * as panelScoring from './2026_12_07_0036_panel_scoring.js';
import * as presentationSchedule from './2026_12_07_0037_presentation_schedule.js';
import * as fieldVerification from './2026_12_07_0038_field_verification.js';
import * as panelDecisions from './2026_12_07_0039_panel_decisions.js';
import * as certificates from './2026_12_07_0040_certificates.js';
import * as publicRatings from './2026_12_07_0041_public_ratings.js';
import * as seasonReport from './2026_12_07_0042_season_report.js';
import * as gallery from './2026_12_07_0043_gallery.js';
import * as replication from './2026_12_07_0044_replication.js';
import * as galleryOwner from './2026_12_07_0045_gallery_owner.js';
import * as nearDuplicates from './2026_12_07_0046_near_duplicates.js';
import * as galleryStatistics from './2026_12_07_0047_gallery_statistics.js';
import * as erasureRetention from './2026_12_07_0048_erasure_retention.js';
import * as sharedLimits from './2026_12_07_0049_shared_limits.js';
import * as auditLinker from './2026_12_07_0050_audit_linker.js';

/** Every migration, in order. Listed explicitly so bundling and both dialects see the same set. */
export const migrations: Record<string, Migration> = {
  '2026_11_22_0001_foundation': foundation,
  '2026_11_22_0003_proposals': proposals,
  '2026_12_01_0004_awards': awards,
  '2026_12_01_0005_attachments': attachments,
  '2026_12_01_0006_eligibility': eligibility,
  '2026_12_01_0007_title_key': titleKey,
  '2026_12_04_0008_config_rev': configRev,
  '2026_12_04_0009_pending_revision': pendingRevision,
  '2026_12_04_0010_data_revisions': dataRevisions,
  '2026_12_04_0011_editor_memory': editorMemory,
  '2026_12_06_0012_mail_audit': mailAudit,
  '2026_12_06_0014_auth_hardening': authHardening,
  '2026_12_06_0017_autosave': autosave,
  '2026_12_06_0018_amendments': amendments,
  '2026_12_06_0019_drop_editor_memory': dropEditorMemory,
  '2026_12_06_0021_who_may_enter': whoMayEnter,
  '2026_12_06_0022_required_evidence': requiredEvidence,
  '2026_12_06_0026_participation_reminders': participationReminders,
  '2026_12_06_0027_selection': selection,
  '2026_12_06_0028_admin_check': adminCheck,
  '2026_12_06_0030_review_team': reviewTeam,
  '2026_12_06_0032_objections': objections,
  '2026_12_06_0033_stage_results': stageResults,
  '2026_12_06_0034_finalists': finalists,
  '2026_12_07_0035_award_links': awardLinks,
  '2026_12_07_0036_panel_scoring': panelScoring,
  '2026_12_07_0037_presentation_schedule': presentationSchedule,
  '2026_12_07_0038_field_verification': fieldVerification,
  '2026_12_07_0039_panel_decisions': panelDecisions,
  '2026_12_07_0040_certificates': certificates,
  '2026_12_07_0041_public_ratings': publicRatings,
  '2026_12_07_0042_season_report': seasonReport,
  '2026_12_07_0043_gallery': gallery,
  '2026_12_07_0044_replication': replication,
  '2026_12_07_0045_gallery_owner': galleryOwner,
  '2026_12_07_0046_near_duplicates': nearDuplicates,
  '2026_12_07_0047_gallery_statistics': galleryStatistics,
  '2026_12_07_0048_erasure_retention': erasureRetention,
  '2026_12_07_0049_shared_limits': sharedLimits,
  '2026_12_07_0050_audit_linker': auditLinker,
};
