import { Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Layout } from './components/Layout.js';
import { useMe, type Me } from './api/session.js';
import { ApiError } from './api/client.js';
import { HomePage } from './pages/public/HomePage.js';
import { NotFoundPage } from './pages/public/NotFoundPage.js';
import {
  CompetitionPublicPage,
  AdminRequestFormPage,
  AdminRequestStatusPage,
  ObjectionFormPage,
  PublicRatingPage,
  PublicRatingsPage,
  PanelPublicRatingsPage,
  ObjectionStatusPage,
  ObjectionsPage,
  PanelObjectionsPage,
  SelectionHubPage,
  SelectionIndexPage,
  SeasonReportPage,
  LoginPage,
  ForgotPasswordPage,
  SetPasswordPage,
  SignInLinkPage,
  CompleteProfilePage,
  ChangePasswordPage,
  FieldVisitsPage,
  FieldVisitPage,
  FieldPlanPage,
  NotificationsPage,
  CompetitionsAdminPage,
  CompetitionSettingsPage,
  InstitutionsPage,
  AdminRequestsPage,
  AdminRequestDetailPage,
  OutboxPage,
  AuditPage,
  DashboardIndexPage,
  DashboardPage,
  UnitsPage,
  ParticipationPage,
  PublicationPage,
  AnnouncementPage,
  ResultsPage,
  GalleryPage,
  GalleryEntryPage,
  ReplicationRequestsPage,
  InstitutionGalleryPage,
  GalleryStatsPage,
  GalleryDataPage,
  FinalSessionPage,
  FinalistPresentationPage,
  PanelSessionsPage,
  LiveSessionPage,
  AdminCheckQueuePage,
  AdminCheckDetailPage,
  CompletionPage,
  UnitParticipationPage,
  ProposalsPage,
  ProposalEditorPage,
  AwardsPage,
  InvitationsPage,
  CertificatesPage,
  PresentationSchedulePage,
  MyCertificatesPage,
  VerifyCertificatePage,
  FinalistsPage,
  StageResultsPage,
  AssignmentsPage,
  ReviewTeamPage,
  ReviewerProfilePage,
  MyHomePage,
  UsersPage,
  DemoClockPage,
  UserDetailPage,
  RetentionPage,
  ReviewWorkPage,
  ScoringPage,
  ReviewProgressPage,
} from './routing/pages.js';
import { PageLoading } from './routing/PageLoading.js';

/*
 * The home page is the front door and comes with the app; every other page is loaded the first time it is
 * visited, in a chunk of its own, so the public pages never carry the secretariat's, admin's or editor's
 * screens (docs/ARCHITECTURE.md, "Web app loading"; scripts/check-bundle.mjs keeps the budget). The public
 * pages need only the texts that come with the app; the others load every text with their code.
 */

/** Only for logged-in users; an account that must complete its profile goes there first. */
function RequireUser({
  children,
  allow,
  offline = false,
}: {
  children: ReactNode;
  allow?: (me: Me) => boolean;
  /** The page works from the device without a connection (the field pages): no session check offline. */
  offline?: boolean;
}) {
  const { data: me, isLoading, error } = useMe();
  const location = useLocation();
  const { t } = useTranslation();
  if (isLoading)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (!me && offline && error instanceof ApiError && error.status === 0) return <>{children}</>;
  if (!me)
    return <Navigate to={`/masuk?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (me.mustCompleteProfile && location.pathname !== '/lengkapi-profil')
    return <Navigate to="/lengkapi-profil" replace />;
  if (allow && !allow(me)) return <NotFoundPage forbidden />;
  return <>{children}</>;
}

export function App() {
  return (
    <Layout>
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route path="/" element={<HomePage />} />
          <Route path="/kompetisi/:id" element={<CompetitionPublicPage />} />
          <Route path="/kompetisi/:id/pengumuman/:kind" element={<AnnouncementPage />} />
          <Route path="/kompetisi/:id/hasil" element={<ResultsPage />} />
          <Route path="/galeri" element={<GalleryPage />} />
          <Route path="/galeri/statistik" element={<GalleryStatsPage />} />
          <Route path="/galeri/data" element={<GalleryDataPage />} />
          <Route path="/galeri/:slug" element={<GalleryEntryPage />} />
          <Route path="/permohonan-admin-lokal" element={<AdminRequestFormPage />} />
          <Route path="/permohonan-admin-lokal/status" element={<AdminRequestStatusPage />} />
          <Route path="/kompetisi/:id/uji-publik" element={<ObjectionFormPage />} />
          <Route path="/uji-publik/status" element={<ObjectionStatusPage />} />
          <Route path="/kompetisi/:id/nilai-publik" element={<PublicRatingPage />} />
          <Route
            path="/sekretariat/kompetisi/:id/nilai-publik"
            element={
              <RequireUser>
                <PublicRatingsPage />
              </RequireUser>
            }
          />
          <Route
            path="/panel/kompetisi/:id/nilai-publik"
            element={
              <RequireUser>
                <PanelPublicRatingsPage />
              </RequireUser>
            }
          />
          <Route
            path="/sekretariat/kompetisi/:id/uji-publik"
            element={
              <RequireUser>
                <ObjectionsPage />
              </RequireUser>
            }
          />
          <Route
            path="/sekretariat/seleksi"
            element={
              <RequireUser allow={(me) => me.abilities.viewSelection}>
                <SelectionIndexPage />
              </RequireUser>
            }
          />
          <Route
            path="/sekretariat/kompetisi/:id/laporan"
            element={
              <RequireUser>
                <SeasonReportPage />
              </RequireUser>
            }
          />
          <Route
            path="/sekretariat/kompetisi/:id/seleksi"
            element={
              <RequireUser allow={(me) => me.abilities.viewSelection}>
                <SelectionHubPage />
              </RequireUser>
            }
          />
          <Route
            path="/panel/kompetisi/:id/sidang"
            element={
              <RequireUser>
                <FinalSessionPage />
              </RequireUser>
            }
          />
          <Route
            path="/sekretariat/kompetisi/:id/sidang"
            element={
              <RequireUser>
                <FinalSessionPage />
              </RequireUser>
            }
          />
          <Route
            path="/panel/kompetisi/:id/sesi"
            element={
              <RequireUser>
                <PanelSessionsPage />
              </RequireUser>
            }
          />
          <Route
            path="/panel/kompetisi/:id/sesi/:sessionId"
            element={
              <RequireUser>
                <LiveSessionPage />
              </RequireUser>
            }
          />
          <Route
            path="/presentasi/:proposalId"
            element={
              <RequireUser>
                <FinalistPresentationPage />
              </RequireUser>
            }
          />
          <Route
            path="/panel/kompetisi/:id/uji-publik"
            element={
              <RequireUser>
                <PanelObjectionsPage />
              </RequireUser>
            }
          />
          <Route path="/masuk" element={<LoginPage />} />
          <Route path="/lupa-sandi" element={<ForgotPasswordPage />} />
          <Route path="/atur-sandi" element={<SetPasswordPage />} />
          <Route path="/masuk-tautan" element={<SignInLinkPage />} />
          <Route
            path="/lengkapi-profil"
            element={
              <RequireUser>
                <CompleteProfilePage />
              </RequireUser>
            }
          />
          <Route
            path="/akun/sandi"
            element={
              <RequireUser>
                <ChangePasswordPage />
              </RequireUser>
            }
          />
          <Route
            path="/verifikasi-lapangan"
            element={
              <RequireUser offline>
                <FieldVisitsPage />
              </RequireUser>
            }
          />
          <Route
            path="/verifikasi-lapangan/:id"
            element={
              <RequireUser offline>
                <FieldVisitPage />
              </RequireUser>
            }
          />
          <Route
            path="/penilaian"
            element={
              <RequireUser allow={(me) => me.abilities.reviewWork}>
                <ReviewWorkPage />
              </RequireUser>
            }
          />
          <Route
            path="/penilaian/:assignmentId"
            element={
              <RequireUser allow={(me) => me.abilities.reviewWork}>
                <ScoringPage />
              </RequireUser>
            }
          />
          <Route
            path="/sekretariat/kompetisi/:id/tahap/:stageId/penilaian"
            element={
              <RequireUser allow={(me) => me.abilities.viewSubmissionDashboard}>
                <ReviewProgressPage />
              </RequireUser>
            }
          />
          <Route
            path="/notifikasi"
            element={
              <RequireUser>
                <NotificationsPage />
              </RequireUser>
            }
          />
          <Route
            path="/sekretariat/kompetisi"
            element={
              <RequireUser allow={(me) => me.abilities.createCompetition}>
                <CompetitionsAdminPage />
              </RequireUser>
            }
          />
          <Route
            path="/sekretariat/kompetisi/:id"
            element={
              <RequireUser>
                <CompetitionSettingsPage />
              </RequireUser>
            }
          />
          <Route
            path="/sekretariat/dasbor"
            element={
              <RequireUser allow={(me) => me.abilities.viewSubmissionDashboard}>
                <DashboardIndexPage />
              </RequireUser>
            }
          />
          <Route
            path="/sekretariat/kompetisi/:id/undangan"
            element={
              <RequireUser>
                <InvitationsPage />
              </RequireUser>
            }
          />
          <Route
            path="/sekretariat/kompetisi/:id/penugasan"
            element={
              <RequireUser>
                <AssignmentsPage />
              </RequireUser>
            }
          />
          <Route
            path="/sekretariat/kompetisi/:id/presentasi"
            element={
              <RequireUser>
                <PresentationSchedulePage />
              </RequireUser>
            }
          />
          <Route
            path="/sekretariat/kompetisi/:id/verifikasi-lapangan"
            element={
              <RequireUser>
                <FieldPlanPage />
              </RequireUser>
            }
          />
          <Route
            path="/sekretariat/kompetisi/:id/piagam"
            element={
              <RequireUser>
                <CertificatesPage />
              </RequireUser>
            }
          />
          <Route
            path="/piagam"
            element={
              <RequireUser allow={(me) => me.abilities.viewOwnCertificates}>
                <MyCertificatesPage />
              </RequireUser>
            }
          />
          <Route path="/verifikasi/piagam/:slug" element={<VerifyCertificatePage />} />
          <Route
            path="/sekretariat/kompetisi/:id/finalis"
            element={
              <RequireUser>
                <FinalistsPage />
              </RequireUser>
            }
          />
          <Route
            path="/sekretariat/kompetisi/:id/hasil-penilaian"
            element={
              <RequireUser>
                <StageResultsPage />
              </RequireUser>
            }
          />
          <Route
            path="/sekretariat/kompetisi/:id/tim-penilai"
            element={
              <RequireUser>
                <ReviewTeamPage />
              </RequireUser>
            }
          />
          <Route
            path="/penilai/kompetisi/:id/profil"
            element={
              <RequireUser>
                <ReviewerProfilePage />
              </RequireUser>
            }
          />
          <Route
            path="/sekretariat/kompetisi/:id/dasbor"
            element={
              <RequireUser allow={(me) => me.abilities.viewSubmissionDashboard}>
                <DashboardPage />
              </RequireUser>
            }
          />
          <Route
            path="/sekretariat/penghargaan"
            element={
              <RequireUser allow={(me) => me.abilities.manageAwards}>
                <AwardsPage />
              </RequireUser>
            }
          />
          <Route
            path="/sekretariat/instansi"
            element={
              <RequireUser allow={(me) => me.abilities.viewInstitutions}>
                <InstitutionsPage />
              </RequireUser>
            }
          />
          <Route
            path="/sekretariat/permohonan-admin"
            element={
              <RequireUser allow={(me) => me.abilities.reviewAdminRequests}>
                <AdminRequestsPage />
              </RequireUser>
            }
          />
          <Route
            path="/sekretariat/permohonan-admin/:id"
            element={
              <RequireUser allow={(me) => me.abilities.reviewAdminRequests}>
                <AdminRequestDetailPage />
              </RequireUser>
            }
          />
          <Route
            path="/sekretariat/outbox"
            element={
              <RequireUser allow={(me) => me.abilities.viewOutbox}>
                <OutboxPage />
              </RequireUser>
            }
          />
          <Route
            path="/sekretariat/audit"
            element={
              <RequireUser allow={(me) => me.abilities.viewAudit}>
                <AuditPage />
              </RequireUser>
            }
          />
          <Route
            path="/admin/jam-demo"
            element={
              <RequireUser allow={(me) => me.abilities.controlClock}>
                <DemoClockPage />
              </RequireUser>
            }
          />
          <Route
            path="/admin/pengguna"
            element={
              <RequireUser allow={(me) => me.abilities.manageUsers}>
                <UsersPage />
              </RequireUser>
            }
          />
          <Route
            path="/admin/retensi"
            element={
              <RequireUser allow={(me) => me.abilities.manageUsers}>
                <RetentionPage />
              </RequireUser>
            }
          />
          <Route
            path="/admin/pengguna/:id"
            element={
              <RequireUser allow={(me) => me.abilities.manageUsers}>
                <UserDetailPage />
              </RequireUser>
            }
          />
          <Route
            path="/instansi/replikasi"
            element={
              <RequireUser allow={(me) => me.abilities.viewReplicationRequests}>
                <ReplicationRequestsPage />
              </RequireUser>
            }
          />
          <Route
            path="/instansi/galeri"
            element={
              <RequireUser allow={(me) => me.abilities.manageGalleryOf.length > 0}>
                <InstitutionGalleryPage />
              </RequireUser>
            }
          />
          <Route
            path="/instansi/:institutionId/unit"
            element={
              <RequireUser>
                <UnitsPage />
              </RequireUser>
            }
          />
          <Route
            path="/usulan"
            element={
              <RequireUser>
                <ProposalsPage />
              </RequireUser>
            }
          />
          <Route
            path="/usulan/:id"
            element={
              <RequireUser>
                <ProposalEditorPage />
              </RequireUser>
            }
          />
          <Route
            path="/beranda"
            element={
              <RequireUser>
                <MyHomePage />
              </RequireUser>
            }
          />
          <Route
            path="/sekretariat/kompetisi/:id/partisipasi"
            element={
              <RequireUser allow={(me) => me.abilities.viewSubmissionDashboard}>
                <ParticipationPage />
              </RequireUser>
            }
          />
          <Route
            path="/sekretariat/kompetisi/:id/publikasi"
            element={
              <RequireUser allow={(me) => me.abilities.viewSubmissionDashboard}>
                <PublicationPage />
              </RequireUser>
            }
          />
          <Route
            path="/instansi/:institutionId/partisipasi"
            element={
              <RequireUser>
                <UnitParticipationPage />
              </RequireUser>
            }
          />
          <Route
            path="/sekretariat/kompetisi/:id/seleksi-administrasi"
            element={
              <RequireUser>
                <AdminCheckQueuePage />
              </RequireUser>
            }
          />
          <Route
            path="/sekretariat/seleksi-administrasi/:id"
            element={
              <RequireUser>
                <AdminCheckDetailPage />
              </RequireUser>
            }
          />
          <Route
            path="/usulan/:id/kelengkapan"
            element={
              <RequireUser>
                <CompletionPage />
              </RequireUser>
            }
          />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </Layout>
  );
}
