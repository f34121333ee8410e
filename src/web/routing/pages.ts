import { lazyPage } from './lazyPage.js';

/*
 * Every page but the home page, each loaded the first time it is visited in a chunk of its own (App.tsx
 * routes to them; docs/ARCHITECTURE.md, "Web app loading"). The public pages need only the texts that
 * come with the app (`'public'`); the others load every text with their code.
 */
export const CompetitionPublicPage = lazyPage(
  () => import('../pages/public/CompetitionPublicPage.js'),
  'CompetitionPublicPage',
  'public',
);
export const AdminRequestFormPage = lazyPage(
  () => import('../pages/public/AdminRequestFormPage.js'),
  'AdminRequestFormPage',
  'public',
);
export const AdminRequestStatusPage = lazyPage(
  () => import('../pages/public/AdminRequestStatusPage.js'),
  'AdminRequestStatusPage',
  'public',
);
export const ObjectionFormPage = lazyPage(
  () => import('../pages/public/ObjectionFormPage.js'),
  'ObjectionFormPage',
);
export const PublicRatingPage = lazyPage(
  () => import('../pages/public/PublicRatingPage.js'),
  'PublicRatingPage',
);
export const PublicRatingsPage = lazyPage(
  () => import('../pages/secretariat/public-ratings/PublicRatingsPage.js'),
  'PublicRatingsPage',
);
export const PanelPublicRatingsPage = lazyPage(
  () => import('../pages/secretariat/public-ratings/PublicRatingsPage.js'),
  'PanelPublicRatingsPage',
);
export const ObjectionStatusPage = lazyPage(
  () => import('../pages/public/ObjectionStatusPage.js'),
  'ObjectionStatusPage',
);
export const ObjectionsPage = lazyPage(
  () => import('../pages/secretariat/selection/ObjectionsPage.js'),
  'ObjectionsPage',
);
export const PanelObjectionsPage = lazyPage(
  () => import('../pages/secretariat/selection/ObjectionsPage.js'),
  'PanelObjectionsPage',
);
export const SelectionHubPage = lazyPage(
  () => import('../pages/secretariat/selection/SelectionHubPage.js'),
  'SelectionHubPage',
);
export const SelectionIndexPage = lazyPage(
  () => import('../pages/secretariat/selection/SelectionHubPage.js'),
  'SelectionIndexPage',
);
export const SeasonReportPage = lazyPage(
  () => import('../pages/secretariat/season-report/SeasonReportPage.js'),
  'SeasonReportPage',
);
export const LoginPage = lazyPage(() => import('../pages/account/LoginPage.js'), 'LoginPage');
export const ForgotPasswordPage = lazyPage(
  () => import('../pages/account/ForgotPasswordPage.js'),
  'ForgotPasswordPage',
);
export const SetPasswordPage = lazyPage(
  () => import('../pages/account/SetPasswordPage.js'),
  'SetPasswordPage',
);
export const SignInLinkPage = lazyPage(() => import('../pages/account/SignInLinkPage.js'), 'SignInLinkPage');
export const CompleteProfilePage = lazyPage(
  () => import('../pages/account/CompleteProfilePage.js'),
  'CompleteProfilePage',
);
export const ChangePasswordPage = lazyPage(
  () => import('../pages/account/ChangePasswordPage.js'),
  'ChangePasswordPage',
);
export const FieldVisitsPage = lazyPage(() => import('../pages/field/FieldVisitsPage.js'), 'FieldVisitsPage');
export const FieldVisitPage = lazyPage(() => import('../pages/field/FieldVisitPage.js'), 'FieldVisitPage');
export const FieldPlanPage = lazyPage(
  () => import('../pages/secretariat/field/FieldPlanPage.js'),
  'FieldPlanPage',
);
export const NotificationsPage = lazyPage(
  () => import('../pages/account/NotificationsPage.js'),
  'NotificationsPage',
);
export const CompetitionsAdminPage = lazyPage(
  () => import('../pages/secretariat/CompetitionsAdminPage.js'),
  'CompetitionsAdminPage',
);
export const CompetitionSettingsPage = lazyPage(
  () => import('../pages/secretariat/CompetitionSettingsPage.js'),
  'CompetitionSettingsPage',
);
export const InstitutionsPage = lazyPage(
  () => import('../pages/secretariat/InstitutionsPage.js'),
  'InstitutionsPage',
);
export const AdminRequestsPage = lazyPage(
  () => import('../pages/secretariat/AdminRequestsPage.js'),
  'AdminRequestsPage',
);
export const AdminRequestDetailPage = lazyPage(
  () => import('../pages/secretariat/AdminRequestDetailPage.js'),
  'AdminRequestDetailPage',
);
export const OutboxPage = lazyPage(() => import('../pages/secretariat/OutboxPage.js'), 'OutboxPage');
export const AuditPage = lazyPage(() => import('../pages/secretariat/AuditPage.js'), 'AuditPage');
export const DashboardIndexPage = lazyPage(
  () => import('../pages/secretariat/DashboardPage.js'),
  'DashboardIndexPage',
);
export const DashboardPage = lazyPage(() => import('../pages/secretariat/DashboardPage.js'), 'DashboardPage');
export const UnitsPage = lazyPage(() => import('../pages/institution/UnitsPage.js'), 'UnitsPage');
export const ParticipationPage = lazyPage(
  () => import('../pages/secretariat/ParticipationPage.js'),
  'ParticipationPage',
);
export const PublicationPage = lazyPage(
  () => import('../pages/secretariat/selection/PublicationPage.js'),
  'PublicationPage',
);
export const AnnouncementPage = lazyPage(
  () => import('../pages/public/AnnouncementPage.js'),
  'AnnouncementPage',
);
export const ResultsPage = lazyPage(() => import('../pages/public/ResultsPage.js'), 'ResultsPage');
export const FinalSessionPage = lazyPage(
  () => import('../pages/review/final-session/FinalSessionPage.js'),
  'FinalSessionPage',
);
export const AdminCheckQueuePage = lazyPage(
  () => import('../pages/secretariat/selection/AdminCheckQueuePage.js'),
  'AdminCheckQueuePage',
);
export const AdminCheckDetailPage = lazyPage(
  () => import('../pages/secretariat/selection/AdminCheckDetailPage.js'),
  'AdminCheckDetailPage',
);
export const CompletionPage = lazyPage(
  () => import('../pages/proposals/CompletionPage.js'),
  'CompletionPage',
);
export const UnitParticipationPage = lazyPage(
  () => import('../pages/institution/UnitParticipationPage.js'),
  'UnitParticipationPage',
);
export const ProposalsPage = lazyPage(() => import('../pages/proposals/ProposalsPage.js'), 'ProposalsPage');
export const ProposalEditorPage = lazyPage(
  () => import('../pages/proposals/ProposalEditorPage.js'),
  'ProposalEditorPage',
);
export const AwardsPage = lazyPage(() => import('../pages/secretariat/AwardsPage.js'), 'AwardsPage');
export const InvitationsPage = lazyPage(
  () => import('../pages/secretariat/InvitationsPage.js'),
  'InvitationsPage',
);
export const CertificatesPage = lazyPage(
  () => import('../pages/secretariat/certificates/CertificatesPage.js'),
  'CertificatesPage',
);
export const PresentationSchedulePage = lazyPage(
  () => import('../pages/secretariat/presentation/PresentationPage.js'),
  'PresentationPage',
);
export const MyCertificatesPage = lazyPage(
  () => import('../pages/certificates/MyCertificatesPage.js'),
  'MyCertificatesPage',
);
export const VerifyCertificatePage = lazyPage(
  () => import('../pages/public/VerifyCertificatePage.js'),
  'VerifyCertificatePage',
);
export const FinalistsPage = lazyPage(
  () => import('../pages/secretariat/finalists/FinalistsPage.js'),
  'FinalistsPage',
);
export const StageResultsPage = lazyPage(
  () => import('../pages/secretariat/review/StageResultsPage.js'),
  'StageResultsPage',
);
export const AssignmentsPage = lazyPage(
  () => import('../pages/secretariat/review/AssignmentsPage.js'),
  'AssignmentsPage',
);
export const ReviewTeamPage = lazyPage(
  () => import('../pages/secretariat/review/ReviewTeamPage.js'),
  'ReviewTeamPage',
);
export const ReviewerProfilePage = lazyPage(
  () => import('../pages/review/ReviewerProfilePage.js'),
  'ReviewerProfilePage',
);
export const MyHomePage = lazyPage(() => import('../pages/account/MyHomePage.js'), 'MyHomePage');
export const UsersPage = lazyPage(() => import('../pages/admin/UsersPage.js'), 'UsersPage');
export const DemoClockPage = lazyPage(() => import('../pages/admin/DemoClockPage.js'), 'DemoClockPage');
export const UserDetailPage = lazyPage(() => import('../pages/admin/UserDetailPage.js'), 'UserDetailPage');
export const RetentionPage = lazyPage(() => import('../pages/admin/RetentionPage.js'), 'RetentionPage');
export const ReviewWorkPage = lazyPage(() => import('../pages/review/ReviewWorkPage.js'), 'ReviewWorkPage');
export const ScoringPage = lazyPage(() => import('../pages/review/ScoringPage.js'), 'ScoringPage');
export const ReviewProgressPage = lazyPage(
  () => import('../pages/secretariat/review/ReviewProgressPage.js'),
  'ReviewProgressPage',
);
export const FinalistPresentationPage = lazyPage(
  () => import('../pages/presentation/PresentationPage.js'),
  'PresentationPage',
);
export const PanelSessionsPage = lazyPage(
  () => import('../pages/presentation/PanelSessionsPage.js'),
  'PanelSessionsPage',
);
export const LiveSessionPage = lazyPage(
  () => import('../pages/presentation/LiveSessionPage.js'),
  'LiveSessionPage',
);
// The public gallery (issue 14): its texts (gallery.*) are not in the app, so they come with its code.
export const GalleryPage = lazyPage(() => import('../pages/public/gallery/GalleryPage.js'), 'GalleryPage');
export const GalleryStatsPage = lazyPage(
  () => import('../pages/public/gallery/GalleryStatsPage.js'),
  'GalleryStatsPage',
);
export const GalleryDataPage = lazyPage(
  () => import('../pages/public/gallery/GalleryDataPage.js'),
  'GalleryDataPage',
);
export const GalleryEntryPage = lazyPage(
  () => import('../pages/public/gallery/GalleryEntryPage.js'),
  'GalleryEntryPage',
);
// Replication between institutions (issue 14 point 3): the institution's sent and received requests.
export const ReplicationRequestsPage = lazyPage(
  () => import('../pages/institution/ReplicationRequestsPage.js'),
  'ReplicationRequestsPage',
);
export const InstitutionGalleryPage = lazyPage(
  () => import('../pages/institution/gallery/InstitutionGalleryPage.js'),
  'InstitutionGalleryPage',
);
