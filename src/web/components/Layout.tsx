import type { ReactNode } from 'react';
import { Link, NavLink, useNavigate } from 'react-router';
import {
  Anchor,
  AppShell,
  Box,
  Burger,
  Button,
  Group,
  Indicator,
  Menu,
  SegmentedControl,
  Stack,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IconBell, IconChevronDown } from '@tabler/icons-react';
import { api } from '../api/client.js';
import { ME_KEY, useMe, type Me } from '../api/session.js';
import { setLanguage, useLang } from '../i18n/index.js';
import { landingPathFor } from '../routing/landing.js';
import { HelpContactProvider } from './helpContact.js';
import { HelpFooterText } from './HelpFooter.js';

interface NavItem {
  to: string;
  label: string;
}

/** The navigation a user gets is derived from the abilities the API returned, never from role names. */
function navItems(me: Me | null | undefined, t: (k: string) => string): NavItem[] {
  const items: NavItem[] = [{ to: '/', label: t('common.home') }];
  if (!me) {
    items.push({ to: '/permohonan-admin-lokal', label: t('common.nav.requestAccount') });
    return items;
  }
  // Whose work has no page of its own yet (a judge before issue 12) gets their own home in the menu.
  if (landingPathFor(me) === '/beranda') items.push({ to: '/beranda', label: t('home.title') });
  if (me.abilities.reviewWork) items.push({ to: '/penilaian', label: t('review.nav') });
  // A panelist's uji publik, presentation sessions and final session, per competition of their grant; named by
  // the competition when there are several.
  const panels = me.abilities.adjudicateObjectionsIn;
  const named = (label: string, competitionId: number) => {
    if (panels.length < 2) return label;
    const name = me.roles.find((r) => r.competitionId === competitionId)?.competitionName;
    return `${label} · ${name ?? `#${competitionId}`}`;
  };
  for (const competitionId of panels)
    items.push({
      to: `/panel/kompetisi/${competitionId}/uji-publik`,
      label: named(t('selection.panelNav'), competitionId),
    });
  // The panelist's presentation sessions (issue 13 point 2), then the final session.
  for (const competitionId of panels)
    items.push({
      to: `/panel/kompetisi/${competitionId}/sesi`,
      label: named(t('presentationParticipant.panel.nav'), competitionId),
    });
  for (const competitionId of panels)
    items.push({
      to: `/panel/kompetisi/${competitionId}/sidang`,
      label: named(t('results.nav'), competitionId),
    });
  if (me.abilities.createCompetition)
    items.push({ to: '/sekretariat/kompetisi', label: t('common.nav.competitions') });
  if (me.abilities.viewSelection) items.push({ to: '/sekretariat/seleksi', label: t('selection.nav') });
  if (me.abilities.viewSubmissionDashboard)
    items.push({ to: '/sekretariat/dasbor', label: t('dashboard.nav') });
  if (me.abilities.reviewAdminRequests)
    items.push({ to: '/sekretariat/permohonan-admin', label: t('common.nav.adminRequests') });
  if (me.abilities.viewInstitutions)
    items.push({ to: '/sekretariat/instansi', label: t('common.nav.institutions') });
  if (me.abilities.manageAwards)
    items.push({ to: '/sekretariat/penghargaan', label: t('eligibility.nav.awards') });
  for (const institutionId of me.abilities.manageUnitsOf)
    items.push({ to: `/instansi/${institutionId}/unit`, label: t('common.nav.units') });
  // The admin lokal's participation view (the same institutions: participation.viewUnits follows unit.manage).
  for (const institutionId of me.abilities.manageUnitsOf)
    items.push({ to: `/instansi/${institutionId}/partisipasi`, label: t('participationView.nav') });
  if (me.abilities.viewProposals) items.push({ to: '/usulan', label: t('proposals.nav') });
  if (me.abilities.manageGalleryOf.length)
    items.push({ to: '/instansi/galeri', label: t('galleryOwner.nav') });
  if (me.abilities.viewOwnCertificates) items.push({ to: '/piagam', label: t('certificates.nav') });
  if (me.abilities.viewReplicationRequests)
    items.push({ to: '/instansi/replikasi', label: t('replication.nav') });
  if (me.abilities.viewOutbox) items.push({ to: '/sekretariat/outbox', label: t('common.nav.outbox') });
  if (me.abilities.viewAudit) items.push({ to: '/sekretariat/audit', label: t('common.nav.audit') });
  if (me.abilities.manageUsers) items.push({ to: '/admin/pengguna', label: t('users.nav') });
  // The retention settings are the system administrator's, like the users (the API answers `retention.manage`).
  if (me.abilities.manageUsers) items.push({ to: '/admin/retensi', label: t('erasure.retention.nav') });
  if (me.abilities.controlClock) items.push({ to: '/admin/jam-demo', label: t('demoClock.nav') });
  return items;
}

function LanguageSwitch() {
  const { lang } = useLang();
  const { t } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('common.language')}
      value={lang}
      onChange={(v) => setLanguage(v as 'id' | 'en')}
      data={[
        { value: 'id', label: 'ID' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}

function NotificationBell() {
  const { t } = useTranslation();
  const { data } = useQuery({
    queryKey: ['notifications', 'count'],
    queryFn: () => api<{ unreadCount: number }>('GET', '/notifications?unread=1&pageSize=1'),
    refetchInterval: 60_000,
  });
  const count = data?.unreadCount ?? 0;
  return (
    <Anchor component={Link} to="/notifikasi" aria-label={`${t('common.notifications')} ${count}`} c="dark">
      <Indicator disabled={count === 0} label={count} size={16} color="red">
        <IconBell size={22} aria-hidden />
      </Indicator>
    </Anchor>
  );
}

function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const logout = async () => {
    await api('POST', '/auth/logout').catch(() => undefined);
    qc.setQueryData(ME_KEY, null);
    await qc.invalidateQueries();
    navigate('/');
  };
  const role = me.roles[0];
  return (
    // Named by its visible text (axe: label-in-name); on phones, where the name is hidden, by a hidden copy.
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton>
          <Group gap={4} wrap="nowrap">
            <Box component="span" hiddenFrom="sm">
              <VisuallyHidden>{me.name}</VisuallyHidden>
            </Box>
            <Stack gap={0} visibleFrom="sm" align="flex-end">
              <Text size="sm" fw={600} lh={1.2}>
                {me.name}
              </Text>
              {role && (
                <Text size="xs" c="gray.7" lh={1.2}>
                  {t(`common.roles.${role.role}`)}
                  {role.institutionName ? ` · ${role.institutionName}` : ''}
                  {/* Further roles by name (e.g. the data steward a secretariat is delegated), once each. */}
                  {[...new Set(me.roles.slice(1).map((r) => r.role))]
                    .filter((r) => r !== role.role)
                    .map((r) => ` + ${t(`common.roles.${r}`)}`)
                    .join('')}
                </Text>
              )}
            </Stack>
            <IconChevronDown size={16} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.email}</Menu.Label>
        <Menu.Item component={Link} to="/lengkapi-profil">
          {t('common.profile')}
        </Menu.Item>
        <Menu.Item component={Link} to="/akun/sandi">
          {t('common.changePassword')}
        </Menu.Item>
        <Menu.Item onClick={logout}>{t('common.logout')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** The pages inside name the competition whose help contact the footer shows (useHelpContact). */
export function Layout({ children }: { children: ReactNode }) {
  return (
    <HelpContactProvider>
      <Shell>{children}</Shell>
    </HelpContactProvider>
  );
}

function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [opened, { toggle, close }] = useDisclosure(false);
  const items = navItems(me, t);
  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 240, breakpoint: 'md', collapsed: { mobile: !opened, desktop: !me } }}
      padding="md"
    >
      <AppShell.Header>
        <a href="#main" className="skip-link">
          {t('common.skipToContent')}
        </a>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="md"
              size="sm"
              aria-label={t('common.menu')}
            />
            <Anchor component={Link} to="/" underline="never" c="sinovik.8">
              <Text fw={800} size="xl" lh={1}>
                {t('common.appName')}
              </Text>
              <Text size="xs" c="dark.6" visibleFrom="sm" lh={1.2}>
                {t('common.appTagline')}
              </Text>
            </Anchor>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {!me && (
              <Group gap="xs" visibleFrom="md">
                {items.slice(1).map((i) => (
                  <Anchor key={i.to} component={NavLink} to={i.to} size="sm">
                    {i.label}
                  </Anchor>
                ))}
              </Group>
            )}
            <LanguageSwitch />
            {me ? (
              <>
                <NotificationBell />
                <UserMenu me={me} />
              </>
            ) : (
              <Button component={Link} to="/masuk" size="xs">
                {t('common.login')}
              </Button>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('common.menu')}>
        <Stack gap={4}>
          {items.map((i) => (
            <Anchor
              key={i.to}
              component={NavLink}
              to={i.to}
              end={i.to === '/'}
              onClick={close}
              className="nav-link"
              px="sm"
              py={6}
            >
              {i.label}
            </Anchor>
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>
        {/* AppShell.Main is the page's one <main> landmark; this is the skip link's target. */}
        <div
          id="main"
          tabIndex={-1}
          style={{ maxWidth: 1200, margin: '0 auto', minHeight: 'calc(100vh - 160px)' }}
        >
          {children}
        </div>
        <footer
          style={{ maxWidth: 1200, margin: '32px auto 0', borderTop: '1px solid #dee2e6', paddingTop: 12 }}
        >
          <Group justify="space-between" gap="xs">
            <Anchor href="https://www.lapor.go.id" target="_blank" rel="noopener noreferrer" size="sm">
              {t('common.complaints')}
              <VisuallyHidden> (lapor.go.id)</VisuallyHidden>
            </Anchor>
            <HelpFooterText />
          </Group>
        </footer>
      </AppShell.Main>
    </AppShell>
  );
}
