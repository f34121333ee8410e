import { lazy, Suspense, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { useMe } from '../../api/session.js';
import { useLang } from '../../i18n/index.js';
import { apiErrorMessages } from '../../components/forms.js';
import { AdminDataTable } from '../../components/AdminDataTable.js';
import { AdminInstant } from '../../components/AdminInstant.js';
import { AdminNotice, AdminPage } from '../../components/AdminPage.js';
import { AdminQueryState } from '../../components/AdminQueryState.js';
import { AdminConfirmDialog } from '../../components/AdminFormDialog.js';
import type { AdminGrant, AdminUserDetail } from '../../../contracts/user-admin.js';
import {
  grantBody,
  RoleScopeFields,
  useGrantLabel,
  useScopeLabel,
  UserStatusBadge,
  type RoleChoice,
} from './userParts.js';

// The erasure's dialog (and its texts' use) comes only when asked for.
const EraseUserDialog = lazy(async () => ({
  default: (await import('./EraseUserDialog.js')).EraseUserDialog,
}));

type Pending =
  | { kind: 'grant'; choice: RoleChoice }
  | { kind: 'revoke'; grant: AdminGrant }
  | { kind: 'deactivate' }
  | { kind: 'reactivate' };

/** Asks, says the consequence, then acts; the answer (the user as it now is) replaces the page's data. */
function PendingAction({
  data,
  pending,
  onClose,
  onGrantDone,
}: {
  data: AdminUserDetail;
  pending: Pending;
  onClose: () => void;
  onGrantDone: () => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const qc = useQueryClient();
  const scopeLabel = useScopeLabel();
  const grantLabel = useGrantLabel();
  const id = data.user.id;
  const name = data.user.name;
  const roles = data.grants.map(grantLabel).join('; ') || t('users.noRoles');
  const run = useMutation({
    mutationFn: () => {
      switch (pending.kind) {
        case 'grant':
          return api<AdminUserDetail>('POST', `/admin/users/${id}/grants`, grantBody(pending.choice));
        case 'revoke':
          return api<AdminUserDetail>('DELETE', `/admin/users/${id}/grants/${pending.grant.id}`);
        default:
          return api<AdminUserDetail>('POST', `/admin/users/${id}/${pending.kind}`);
      }
    },
    onSuccess: (res) => {
      qc.setQueryData(['admin-user', id], res);
      void qc.invalidateQueries({ queryKey: ['admin-users'] });
      const done = {
        grant: 'users.granted',
        revoke: 'users.revoked',
        deactivate: 'users.deactivated',
        reactivate: 'users.reactivated',
      }[pending.kind];
      notifications.show({ color: 'green', message: t(done) });
      if (pending.kind === 'grant') onGrantDone();
      onClose();
    },
  });
  const err = run.error ? apiErrorMessages(run.error, lang) : null;
  // A wrong scope comes back on its field: shown here, since the form is behind this dialog.
  const error = err ? [err.general, ...Object.values(err.fields)].join(' ') : null;
  const common = { pending: run.isPending, error, onConfirm: () => run.mutate(), onClose };
  switch (pending.kind) {
    case 'grant':
      return (
        <AdminConfirmDialog
          {...common}
          title={t('users.confirm.grantTitle')}
          confirmLabel={t('users.confirm.grantButton')}
        >
          <Text size="sm">
            {t('users.confirm.grantText', {
              name,
              role: t(`common.roles.${pending.choice.role}`),
              scope: scopeLabel(pending.choice),
            })}
          </Text>
        </AdminConfirmDialog>
      );
    case 'revoke':
      return (
        <AdminConfirmDialog
          {...common}
          danger
          title={t('users.confirm.revokeTitle')}
          confirmLabel={t('users.confirm.revokeButton')}
        >
          <Text size="sm">
            {t('users.confirm.revokeText', {
              name,
              role: t(`common.roles.${pending.grant.role}`),
              scope: scopeLabel(pending.grant),
            })}
          </Text>
          {data.grants.length === 1 && <Text size="sm">{t('users.confirm.revokeLast')}</Text>}
        </AdminConfirmDialog>
      );
    case 'deactivate':
      return (
        <AdminConfirmDialog
          {...common}
          danger
          title={t('users.confirm.deactivateTitle')}
          confirmLabel={t('users.confirm.deactivateButton')}
        >
          <Text size="sm">{t('users.confirm.deactivateText', { name, roles })}</Text>
        </AdminConfirmDialog>
      );
    case 'reactivate':
      return (
        <AdminConfirmDialog
          {...common}
          title={t('users.confirm.reactivateTitle')}
          confirmLabel={t('users.confirm.reactivateButton')}
        >
          <Text size="sm">{t('users.confirm.reactivateText', { name, roles })}</Text>
        </AdminConfirmDialog>
      );
  }
}

function GrantCard({ onAsk, resetKey }: { onAsk: (c: RoleChoice) => void; resetKey: number }) {
  const { t } = useTranslation();
  const empty: RoleChoice = { role: 'secretariat', institution: null, unit: null, competition: null };
  const [choice, setChoice] = useState<RoleChoice>(empty);
  const [seen, setSeen] = useState(resetKey);
  if (seen !== resetKey) {
    setSeen(resetKey);
    setChoice(empty);
  }
  return (
    <Card withBorder component="section" aria-labelledby="grant-title">
      <Title order={2} size="h3" id="grant-title" mb="sm">
        {t('users.grantTitle')}
      </Title>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onAsk(choice);
        }}
      >
        <Stack gap="sm">
          <RoleScopeFields value={choice} onChange={setChoice} errors={{}} />
          <Group justify="flex-end">
            <Button type="submit">{t('users.grantSubmit')}</Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** Mails a new set-password link (the link itself never comes back to this screen). */
function ResendButton({ id, email }: { id: number; email: string }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const resend = useMutation({
    mutationFn: () => api<{ expiresAt: string }>('POST', `/admin/users/${id}/resend-invitation`),
    onSuccess: () => notifications.show({ color: 'green', message: t('users.resent', { email }) }),
    onError: (err) => notifications.show({ color: 'red', message: apiErrorMessages(err, lang).general }),
  });
  return (
    <Button variant="default" loading={resend.isPending} onClick={() => resend.mutate()}>
      {t('users.resend')}
    </Button>
  );
}

/** One account: its details, its grants (revoke), a new grant, deactivate or reactivate. */
export function UserDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const { data: me } = useMe();
  const scopeLabel = useScopeLabel();
  const q = useQuery({
    queryKey: ['admin-user', id],
    queryFn: () => api<AdminUserDetail>('GET', `/admin/users/${id}`),
  });
  const [pending, setPending] = useState<Pending | null>(null);
  const [erasing, setErasing] = useState(false);
  const [grants, setGrants] = useState(0);
  const data = q.data;
  return (
    <AdminPage gap="lg">
      <div>
        <Anchor component={Link} to="/admin/pengguna" size="sm">
          ← {t('users.back')}
        </Anchor>
      </div>
      <AdminQueryState isLoading={q.isLoading} error={q.error} onRetry={() => q.refetch()}>
        {data && (
          <>
            <Group justify="space-between" align="flex-start">
              <div>
                <Group gap="sm">
                  <Title order={1}>{data.user.name}</Title>
                  <UserStatusBadge user={data.user} />
                </Group>
                <Text c="dark.7" style={{ overflowWrap: 'anywhere' }}>
                  {data.user.email}
                </Text>
              </div>
              <Group gap="xs">
                {data.abilities.resendInvitation && (
                  <ResendButton id={data.user.id} email={data.user.email} />
                )}
                {data.abilities.deactivate && (
                  <Button variant="outline" color="red.9" onClick={() => setPending({ kind: 'deactivate' })}>
                    {t('users.deactivate')}
                  </Button>
                )}
                {data.abilities.reactivate && (
                  <Button variant="outline" onClick={() => setPending({ kind: 'reactivate' })}>
                    {t('users.reactivate')}
                  </Button>
                )}
                {data.abilities.erase && (
                  <Button variant="outline" color="red.9" onClick={() => setErasing(true)}>
                    {t('erasure.action')}
                  </Button>
                )}
              </Group>
            </Group>
            {data.user.erasedAt && (
              <AdminNotice tone="neutral" title={t('erasure.erasedBadge')}>
                {t('erasure.erasedOn')} <AdminInstant iso={data.user.erasedAt} timeZone="Asia/Jakarta" />
              </AdminNotice>
            )}
            {me?.id === data.user.id && data.user.active && (
              <AdminNotice tone="info">{t('users.cannotDeactivateSelf')}</AdminNotice>
            )}
            <SimpleGrid cols={{ base: 1, sm: 4 }}>
              {[
                [t('users.position'), data.user.position ?? '—'],
                [t('users.phone'), data.user.phone ?? '—'],
              ].map(([label, value]) => (
                <div key={label}>
                  <Text size="xs" fw={700} c="dark.6">
                    {label}
                  </Text>
                  <Text size="sm">{value}</Text>
                </div>
              ))}
              <div>
                <Text size="xs" fw={700} c="dark.6">
                  {t('users.createdAt')}
                </Text>
                <AdminInstant iso={data.user.createdAt} timeZone="Asia/Jakarta" />
              </div>
              <div>
                <Text size="xs" fw={700} c="dark.6">
                  {t('users.lastLogin')}
                </Text>
                <AdminInstant iso={data.user.lastLoginAt} timeZone="Asia/Jakarta" empty={t('users.never')} />
              </div>
            </SimpleGrid>
            <section aria-labelledby="grants-title">
              <Title order={2} size="h3" id="grants-title" mb="sm">
                {t('users.grants')}
              </Title>
              {data.grants.length === 0 ? (
                <Text c="dark.6">{t('users.noRoles')}</Text>
              ) : (
                <AdminDataTable
                  rows={data.grants}
                  rowKey={(g) => g.id}
                  minWidth={720}
                  columns={[
                    {
                      header: t('users.role'),
                      primary: true,
                      cell: (g) => (
                        <Text size="sm" fw={600}>
                          {t(`common.roles.${g.role}`)}
                        </Text>
                      ),
                    },
                    { header: t('users.scope'), cell: (g) => scopeLabel(g) },
                    {
                      header: t('users.grantedAt'),
                      cell: (g) => (
                        <>
                          <AdminInstant iso={g.grantedAt} timeZone="Asia/Jakarta" />
                          {g.grantedBy && (
                            <Text size="xs" c="dark.6">
                              {t('users.grantedBy', { name: g.grantedBy.name })}
                            </Text>
                          )}
                        </>
                      ),
                    },
                    {
                      header: t('secretariat.actions'),
                      bare: true,
                      cell: (g) =>
                        g.abilities.revoke ? (
                          <Button
                            size="xs"
                            variant="outline"
                            color="red.9"
                            onClick={() => setPending({ kind: 'revoke', grant: g })}
                            aria-label={`${t('users.revoke')}: ${t(`common.roles.${g.role}`)} · ${scopeLabel(g)}`}
                          >
                            {t('users.revoke')}
                          </Button>
                        ) : g.role === 'system_admin' ? (
                          <Text size="xs" c="dark.6">
                            {t('users.lastAdminHint')}
                          </Text>
                        ) : null,
                    },
                  ]}
                />
              )}
            </section>
            {data.abilities.grant && (
              <GrantCard
                key={data.user.id}
                resetKey={grants}
                onAsk={(choice) => setPending({ kind: 'grant', choice })}
              />
            )}
            {erasing && (
              <Suspense fallback={null}>
                <EraseUserDialog data={data} onClose={() => setErasing(false)} />
              </Suspense>
            )}
            {pending && (
              <PendingAction
                data={data}
                pending={pending}
                onClose={() => setPending(null)}
                onGrantDone={() => setGrants((n) => n + 1)}
              />
            )}
          </>
        )}
      </AdminQueryState>
    </AdminPage>
  );
}
