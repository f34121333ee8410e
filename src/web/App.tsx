import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { Center, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Layout } from './components/Layout.js';
import { useMe, type Me } from './api/session.js';
import { HomePage } from './pages/public/HomePage.js';
import { CompetitionPublicPage } from './pages/public/CompetitionPublicPage.js';
import { AdminRequestFormPage } from './pages/public/AdminRequestFormPage.js';
import { LoginPage } from './pages/account/LoginPage.js';
import { ForgotPasswordPage } from './pages/account/ForgotPasswordPage.js';
import { SetPasswordPage } from './pages/account/SetPasswordPage.js';
import { SignInLinkPage } from './pages/account/SignInLinkPage.js';
import { CompleteProfilePage } from './pages/account/CompleteProfilePage.js';
import { ChangePasswordPage } from './pages/account/ChangePasswordPage.js';
import { NotificationsPage } from './pages/account/NotificationsPage.js';
import { CompetitionsAdminPage } from './pages/secretariat/CompetitionsAdminPage.js';
import { CompetitionSettingsPage } from './pages/secretariat/CompetitionSettingsPage.js';
import { InstitutionsPage } from './pages/secretariat/InstitutionsPage.js';
import { AdminRequestsPage } from './pages/secretariat/AdminRequestsPage.js';
import { AdminRequestDetailPage } from './pages/secretariat/AdminRequestDetailPage.js';
import { OutboxPage } from './pages/secretariat/OutboxPage.js';
import { AuditPage } from './pages/secretariat/AuditPage.js';
import { DashboardIndexPage, DashboardPage } from './pages/secretariat/DashboardPage.js';
import { UnitsPage } from './pages/institution/UnitsPage.js';
import { ProposalsPage } from './pages/proposals/ProposalsPage.js';
import { ProposalEditorPage } from './pages/proposals/ProposalEditorPage.js';
import { AwardsPage } from './pages/secretariat/AwardsPage.js';
import { InvitationsPage } from './pages/secretariat/InvitationsPage.js';
import { UsersPage } from './pages/admin/UsersPage.js';
import { UserDetailPage } from './pages/admin/UserDetailPage.js';

/** Only for logged-in users; an account that must complete its profile goes there first. */
function RequireUser({ children, allow }: { children: ReactNode; allow?: (me: Me) => boolean }) {
  const { data: me, isLoading } = useMe();
  const location = useLocation();
  const { t } = useTranslation();
  if (isLoading)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (!me)
    return <Navigate to={`/masuk?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (me.mustCompleteProfile && location.pathname !== '/lengkapi-profil')
    return <Navigate to="/lengkapi-profil" replace />;
  if (allow && !allow(me))
    return (
      <Text role="alert" py="xl">
        {t('common.forbidden')}
      </Text>
    );
  return <>{children}</>;
}

export function App() {
  const { t } = useTranslation();
  return (
    <Layout>
      <Routes>
        <Route path="/" element={<HomePage />} />
        <Route path="/kompetisi/:id" element={<CompetitionPublicPage />} />
        <Route path="/permohonan-admin-lokal" element={<AdminRequestFormPage />} />
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
          path="/admin/pengguna"
          element={
            <RequireUser allow={(me) => me.abilities.manageUsers}>
              <UsersPage />
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
        <Route path="*" element={<Text py="xl">{t('common.notFound')}</Text>} />
      </Routes>
    </Layout>
  );
}
