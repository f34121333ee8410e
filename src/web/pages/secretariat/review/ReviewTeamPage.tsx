import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.js';
import { useLang } from '../../../i18n/index.js';
import { apiErrorMessages } from '../../../components/forms.js';
import { AdminDataTable } from '../../../components/AdminDataTable.js';
import { AdminPage, AdminNotice } from '../../../components/AdminPage.js';
import { AdminPager } from '../../../components/AdminPager.js';
import { AdminQueryState } from '../../../components/AdminQueryState.js';
import { AdminConfirmDialog } from '../../../components/AdminFormDialog.js';
import type { ReviewTeamName, TeamListResponse, TeamMember } from '../../../../contracts/review-team.js';
import { MemberEditDialog } from './MemberEditDialog.js';
import { PanelUnsurCounts, PanelUnsurFilter } from './PanelUnsurFilter.js';
import { ConflictList } from './ConflictList.js';

type Rule = TeamListResponse['regionalConflict'];

function InviteCard({
  competitionId,
  team,
  onDone,
}: {
  competitionId: number;
  team: ReviewTeamName;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [capacity, setCapacity] = useState<string | number>('');
  const invite = useMutation({
    mutationFn: () =>
      api<{ member: TeamMember; accountCreated: boolean; warnings: { id: string; en: string }[] }>(
        'POST',
        `/competitions/${competitionId}/review-team/${team}/members`,
        { name, email, capacity: capacity === '' ? null : capacity },
      ),
    onSuccess: (res) => {
      notifications.show({
        color: 'green',
        message: res.accountCreated
          ? t('reviewTeam.invite.sentNew', { email: res.member.email })
          : t('reviewTeam.invite.sentExisting', { name: res.member.name }),
      });
      for (const w of res.warnings)
        notifications.show({ color: 'yellow', message: w[lang], autoClose: false });
      setName('');
      setEmail('');
      setCapacity('');
      onDone();
    },
  });
  const err = invite.error ? apiErrorMessages(invite.error, lang) : null;
  return (
    <Card withBorder component="section" aria-labelledby={`invite-${team}`}>
      <Title order={2} size="h3" id={`invite-${team}`} mb="sm">
        {t('reviewTeam.invite.title')}
      </Title>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          invite.mutate();
        }}
      >
        <Stack gap="sm">
          {err && (
            <AdminNotice tone="danger" role="alert">
              {err.general}
            </AdminNotice>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('reviewTeam.invite.name')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              required
              maxLength={255}
              error={err?.fields.name}
            />
            <TextInput
              label={t('reviewTeam.invite.email')}
              type="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              required
              maxLength={254}
              error={err?.fields.email}
            />
            <NumberInput
              label={t('reviewTeam.invite.capacity')}
              description={t('reviewTeam.invite.capacityHint')}
              value={capacity}
              onChange={setCapacity}
              min={1}
              max={1000}
              allowDecimal={false}
              error={err?.fields.capacity}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={invite.isPending} disabled={!name.trim() || !email.trim()}>
              {t('reviewTeam.invite.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function RuleCard({
  competitionId,
  rule,
  onDone,
}: {
  competitionId: number;
  rule: Rule;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [value, setValue] = useState<Rule>(rule);
  const save = useMutation({
    mutationFn: () =>
      api('PUT', `/competitions/${competitionId}/review-team-rule`, { regionalConflict: value }),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('reviewTeam.rule.saved') });
      onDone();
    },
  });
  return (
    <Card withBorder component="section" aria-labelledby="rule-title">
      <Title order={2} size="h3" id="rule-title" mb="xs">
        {t('reviewTeam.rule.title')}
      </Title>
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t('reviewTeam.rule.label')}
          description={t('reviewTeam.rule.hint')}
          data={(['none', 'same_province', 'same_regency'] as const).map((r) => ({
            value: r,
            label: t(`reviewTeam.rule.${r}`),
          }))}
          value={value}
          onChange={(v) => v && setValue(v as Rule)}
          allowDeselect={false}
          maw={520}
          style={{ flex: 1, minWidth: 240 }}
          error={save.error ? apiErrorMessages(save.error, lang).general : undefined}
        />
        <Button
          variant="outline"
          onClick={() => save.mutate()}
          loading={save.isPending}
          disabled={value === rule}
        >
          {t('reviewTeam.rule.save')}
        </Button>
      </Group>
    </Card>
  );
}

const STATUS_COLOR: Record<TeamMember['status'], string> = {
  invited: 'gray.7',
  profile_missing: 'orange.9',
  complete: 'teal.9',
};

function TeamTab({ competitionId, team }: { competitionId: number; team: ReviewTeamName }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const qc = useQueryClient();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const [status, setStatus] = useState<string | null>(null);
  const [unsur, setUnsur] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<TeamMember | null>(null);
  const [removing, setRemoving] = useState<TeamMember | null>(null);
  const base = `/competitions/${competitionId}/review-team/${team}`;
  const key = ['review-team', competitionId, team, debounced, status, unsur, page];
  const list = useQuery({
    queryKey: key,
    queryFn: () =>
      api<TeamListResponse>(
        'GET',
        `${base}?page=${page}&pageSize=25&q=${encodeURIComponent(debounced)}&status=${status ?? ''}&unsur=${unsur ?? ''}`,
      ),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['review-team', competitionId] });
  const resend = useMutation({
    mutationFn: (m: TeamMember) => api('POST', `${base}/members/${m.userId}/resend-invitation`),
    onSuccess: () => notifications.show({ color: 'green', message: t('reviewTeam.resent') }),
    onError: (e) => notifications.show({ color: 'red', message: apiErrorMessages(e, lang).general }),
  });
  const remove = useMutation({
    mutationFn: (m: TeamMember) => api('DELETE', `${base}/members/${m.userId}`),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('reviewTeam.removed') });
      setRemoving(null);
      void refresh();
    },
  });
  const data = list.data;
  return (
    <Stack gap="md" pt="md">
      {data && <InviteCard competitionId={competitionId} team={team} onDone={() => void refresh()} />}
      {data && team === 'evaluation' && (
        <RuleCard
          key={data.regionalConflict}
          competitionId={competitionId}
          rule={data.regionalConflict}
          onDone={() => void refresh()}
        />
      )}
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label={t('reviewTeam.filter.q')}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
          style={{ flex: 1, minWidth: 220 }}
        />
        <Select
          label={t('reviewTeam.filter.status')}
          placeholder={t('reviewTeam.filter.all')}
          data={(['invited', 'profile_missing', 'complete'] as const).map((s) => ({
            value: s,
            label: t(`reviewTeam.status.${s}`),
          }))}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          clearable
          clearButtonProps={{ 'aria-label': t('secretariat.clear') }}
          comboboxProps={{ withinPortal: true }}
        />
        {team === 'panel' && (
          <PanelUnsurFilter
            counts={data?.unsurCounts}
            value={unsur}
            onChange={(v) => {
              setUnsur(v);
              setPage(1);
            }}
          />
        )}
      </Group>
      {team === 'panel' && data && <PanelUnsurCounts counts={data.unsurCounts} />}
      <AdminQueryState isLoading={list.isLoading} error={list.error} onRetry={() => list.refetch()}>
        {data &&
          (data.items.length === 0 ? (
            <Text c="dark.6">{t('reviewTeam.empty')}</Text>
          ) : (
            <>
              <Text size="sm" c="dark.6">
                {t('reviewTeam.total', { count: data.total })}
              </Text>
              <AdminDataTable
                rows={data.items}
                rowKey={(m) => m.userId}
                minWidth={1040}
                columns={[
                  {
                    header: t('reviewTeam.col.member'),
                    primary: true,
                    cell: (m) => (
                      <Stack gap={0}>
                        <Text size="sm" fw={600}>
                          {m.name}
                        </Text>
                        <Text size="xs" c="dark.6" style={{ overflowWrap: 'anywhere' }}>
                          {m.email}
                        </Text>
                      </Stack>
                    ),
                  },
                  {
                    header: t('reviewTeam.col.status'),
                    cell: (m) => (
                      <Badge
                        color={STATUS_COLOR[m.status]}
                        variant="filled"
                        radius="sm"
                        h="auto"
                        py={2}
                        style={{ textTransform: 'none' }}
                        styles={{ label: { whiteSpace: 'normal', overflow: 'visible' } }}
                      >
                        {t(`reviewTeam.status.${m.status}`)}
                      </Badge>
                    ),
                  },
                  {
                    header: t('reviewTeam.col.affiliation'),
                    cell: (m) => (
                      <Stack gap={0}>
                        <Text size="sm">{m.affiliation.institution?.name ?? m.affiliation.name ?? '—'}</Text>
                        {m.regionCode && (
                          <Text size="xs" c="dark.6">
                            {t('reviewTeam.region', { code: m.regionCode })}
                          </Text>
                        )}
                      </Stack>
                    ),
                  },
                  {
                    header: t('reviewTeam.col.expertise'),
                    cell: (m) => (m.expertise.length ? m.expertise.map((e) => e.name[lang]).join(', ') : '—'),
                  },
                  {
                    header: t('reviewTeam.col.capacity'),
                    cell: (m) => (m.capacity === null ? t('reviewTeam.noLimit') : String(m.capacity)),
                  },
                  {
                    header: t('reviewTeam.col.conflicts'),
                    cell: (m) => <ConflictList conflicts={m.conflicts} />,
                  },
                  { header: t('reviewTeam.col.load'), cell: (m) => String(m.activeAssignments) },
                  {
                    header: t('reviewTeam.col.actions'),
                    bare: true,
                    cell: (m) => (
                      <Group gap="xs">
                        <Button
                          size="xs"
                          variant="outline"
                          onClick={() => setEditing(m)}
                          aria-label={`${t('reviewTeam.edit')}: ${m.name}`}
                        >
                          {t('reviewTeam.edit')}
                        </Button>
                        {m.abilities.resendInvitation && (
                          <Button
                            size="xs"
                            variant="outline"
                            loading={resend.isPending && resend.variables?.userId === m.userId}
                            onClick={() => resend.mutate(m)}
                            aria-label={`${t('reviewTeam.resend')}: ${m.name}`}
                          >
                            {t('reviewTeam.resend')}
                          </Button>
                        )}
                        {m.abilities.remove && (
                          <Button
                            size="xs"
                            variant="outline"
                            color="red.9"
                            onClick={() => setRemoving(m)}
                            aria-label={`${t('reviewTeam.remove')}: ${m.name}`}
                          >
                            {t('reviewTeam.remove')}
                          </Button>
                        )}
                      </Group>
                    ),
                  },
                ]}
              />
              <AdminPager total={data.total} page={data.page} pageSize={data.pageSize} onChange={setPage} />
            </>
          ))}
      </AdminQueryState>
      {editing && (
        <MemberEditDialog
          competitionId={competitionId}
          team={team}
          member={editing}
          onClose={() => setEditing(null)}
          onDone={() => void refresh()}
        />
      )}
      {removing && (
        <AdminConfirmDialog
          title={t('reviewTeam.removeTitle')}
          confirmLabel={t('reviewTeam.remove')}
          danger
          pending={remove.isPending}
          error={remove.error ? apiErrorMessages(remove.error, lang).general : null}
          onConfirm={() => remove.mutate(removing)}
          onClose={() => setRemoving(null)}
        >
          <Text size="sm">
            {t('reviewTeam.removeText', { name: removing.name, team: t(`reviewTeam.tabs.${team}`) })}
          </Text>
        </AdminConfirmDialog>
      )}
    </Stack>
  );
}

/** The secretariat's Tim Evaluasi and Tim Panel Independen of one competition: invite, list, edit, remove. */
export function ReviewTeamPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const team: ReviewTeamName = params.get('tim') === 'panel' ? 'panel' : 'evaluation';
  const head = useQuery({
    queryKey: ['review-team', id, 'evaluation', '', null, 1],
    queryFn: () =>
      api<TeamListResponse>(
        'GET',
        `/competitions/${id}/review-team/evaluation?page=1&pageSize=25&q=&status=`,
      ),
  });
  return (
    <AdminPage gap="lg">
      <div>
        <Anchor component={Link} to={`/sekretariat/kompetisi/${id}`} size="sm">
          ← {t('reviewTeam.back')}
        </Anchor>
        <Title order={1} mt={4}>
          {t('reviewTeam.title')}
        </Title>
        {head.data && (
          <Text fw={600} c="dark.7">
            {head.data.competition.name}
          </Text>
        )}
        <Text c="dark.6" size="sm" maw={760}>
          {t('reviewTeam.intro')}
        </Text>
      </div>
      <AdminQueryState isLoading={head.isLoading} error={head.error} onRetry={() => head.refetch()}>
        <Tabs
          value={team}
          onChange={(v) => setParams(v === 'panel' ? { tim: 'panel' } : {}, { replace: true })}
          keepMounted={false}
        >
          <Tabs.List>
            <Tabs.Tab value="evaluation">{t('reviewTeam.tabs.evaluation')}</Tabs.Tab>
            <Tabs.Tab value="panel">{t('reviewTeam.tabs.panel')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="evaluation">
            <TeamTab competitionId={id} team="evaluation" />
          </Tabs.Panel>
          <Tabs.Panel value="panel">
            <TeamTab competitionId={id} team="panel" />
          </Tabs.Panel>
        </Tabs>
      </AdminQueryState>
    </AdminPage>
  );
}
