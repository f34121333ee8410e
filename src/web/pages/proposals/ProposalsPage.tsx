import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IconPlus } from '@tabler/icons-react';
import { api } from '../../api/client.js';
import { useLang } from '../../i18n/index.js';
import { apiErrorMessages } from '../../components/forms.js';
import { Deadline } from '../../components/Deadline.js';
import { AdminInstant } from '../../components/AdminInstant.js';
import { ProposalStateBadge } from '../../components/proposal/ProposalBits.js';
import type { CompetitionSummary } from '../../../contracts/competitions.js';
import type { ProposalDetail } from '../../../contracts/proposals.js';
import {
  expandProposalList,
  type ExpandedProposalList,
  type ProposalList,
} from '../../../contracts/proposal-list.js';
import { AdminPager } from '../../components/AdminPager.js';
import { hasFilters, LIST_PAGE_SIZE, listQuery, NEEDS_ACTION, ProposalFilters } from './ProposalFilters.js';

type ListResponse = ExpandedProposalList;

const isOpen = (c: CompetitionSummary) => c.currentStage?.kind === 'submission';

/** The quota chips by competition, in the order the answer gives them. */
function quotasByCompetition(quotas: ListResponse['quotas']): [number, ListResponse['quotas']][] {
  const by = new Map<number, ListResponse['quotas']>();
  for (const q of quotas) by.set(q.competitionId, [...(by.get(q.competitionId) ?? []), q]);
  return [...by];
}

/**
 * Starting a proposal: the open competitions, and their groups the unit may enter (an invitation-only
 * group only when the institution is invited to it).
 */
function CreateModal({
  open,
  invited,
  onClose,
}: {
  open: CompetitionSummary[];
  invited: ProposalList['invitedGroups'];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [competitionId, setCompetitionId] = useState<string | null>(open[0] ? String(open[0].id) : null);
  const competition = open.find((c) => String(c.id) === competitionId);
  const enterable = (c: CompetitionSummary | undefined) =>
    (c?.groups ?? []).filter(
      (g) => !g.invitationOnly || invited.some((i) => i.competitionId === c!.id && i.groupKey === g.key),
    );
  const groups = enterable(competition);
  const [groupKey, setGroupKey] = useState<string | null>(groups[0]?.key ?? null);
  const [title, setTitle] = useState('');
  const create = useMutation({
    mutationFn: () =>
      api<ProposalDetail>('POST', `/competitions/${competitionId}/proposals`, {
        groupKey: groupKey ?? '',
        title,
      }),
    onSuccess: async (p) => {
      await qc.invalidateQueries({ queryKey: ['proposals'] });
      navigate(`/usulan/${p.id}`);
    },
  });
  const err = create.error ? apiErrorMessages(create.error, lang) : null;
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('proposals.create.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Stack>
          {err && !Object.keys(err.fields).length && (
            <Alert role="alert" color="red">
              {err.general}
            </Alert>
          )}
          <Select
            label={t('proposals.create.competition')}
            data={open.map((c) => ({ value: String(c.id), label: c.name }))}
            value={competitionId}
            onChange={(v) => {
              setCompetitionId(v);
              const c = open.find((x) => String(x.id) === v);
              setGroupKey(enterable(c)[0]?.key ?? null);
            }}
            allowDeselect={false}
            required
          />
          <Select
            label={t('proposals.create.group')}
            data={groups.map((g) => ({
              value: g.key,
              label: `${lang === 'id' ? g.nameId : g.nameEn}${g.invitationOnly ? ` (${t('eligibility.create.invited')})` : ''}`,
            }))}
            value={groupKey}
            onChange={setGroupKey}
            allowDeselect={false}
            error={err?.fields.groupKey}
            required
          />
          <TextInput
            label={t('proposals.create.proposalTitle')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={err?.fields.title}
            maxLength={255}
            required
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('proposals.create.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!groupKey || !title.trim()}>
              {t('proposals.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** A UPP's proposals (with "Buat proposal" while submission is open) or an admin lokal's whole institution. */
export function ProposalsPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [creating, setCreating] = useState(false);
  const [params, setParams] = useSearchParams();
  const query = listQuery(params);
  const list = useQuery({
    queryKey: ['proposals', 'list', query],
    queryFn: async (): Promise<ListResponse> =>
      expandProposalList(await api<ProposalList>('GET', `/proposals?${query}`)),
    placeholderData: (previous) => previous,
  });
  const comps = useQuery({
    queryKey: ['competitions', 'public'],
    queryFn: () => api<{ items: CompetitionSummary[] }>('GET', '/competitions'),
  });
  const open = (comps.data?.items ?? []).filter((c) => isOpen(c) && c.abilities.enter);
  const writer = list.data?.abilities.create ?? false;
  const reviewer = list.data?.abilities.review ?? false;
  const competitionName = (competitionId: number) =>
    comps.data?.items.find((c) => c.id === competitionId)?.name ??
    list.data?.items.find((p) => p.competition.id === competitionId)?.competition.name ??
    `#${competitionId}`;
  const groupName = (competitionId: number, key: string) => {
    const g = comps.data?.items.find((c) => c.id === competitionId)?.groups.find((x) => x.key === key);
    return g ? (lang === 'id' ? g.nameId : g.nameEn) : key;
  };

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{t('proposals.list.title')}</Title>
          <Text c="gray.7">{reviewer ? t('proposals.list.introAdmin') : t('proposals.list.introUpp')}</Text>
        </div>
        {writer && open.length > 0 && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            {t('proposals.list.create')}
          </Button>
        )}
      </Group>

      {open.map((c) =>
        c.submissionClosesAt ? (
          <Card key={c.id} withBorder>
            <Text fw={600} mb={4}>
              {c.name}
            </Text>
            <Deadline
              at={c.submissionClosesAt}
              timeZone={c.timeZone}
              label={t('proposals.list.closes')}
              passedLabel={t('proposals.list.closed')}
            />
          </Card>
        ) : null,
      )}
      {comps.isSuccess && open.length === 0 && writer && (
        <Alert color="gray" variant="light">
          {t('proposals.list.notOpen')}
        </Alert>
      )}

      {list.data && list.data.quotas.length > 0 && (
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('proposals.list.quotaTitle')}
          </Title>
          {/* One line per competition, named: an institution in several competitions has a quota in each. */}
          <Stack gap="xs">
            {quotasByCompetition(list.data.quotas).map(([competitionId, quotas]) => (
              <div key={competitionId} data-testid="quota-competition">
                <Text size="sm" fw={600} c="gray.8" mb={4}>
                  {competitionName(competitionId)}
                </Text>
                <Group gap="xs">
                  {quotas.map((q) => (
                    <Badge
                      key={`${q.competitionId}-${q.institutionId}-${q.groupKey}`}
                      size="lg"
                      radius="sm"
                      variant="filled"
                      color={q.quota !== null && q.used >= q.quota ? 'red.9' : 'sinovik.8'}
                      style={{ textTransform: 'none' }}
                    >
                      {q.quota !== null
                        ? t('proposals.list.quotaBadge', {
                            used: q.used,
                            quota: q.quota,
                            group: groupName(q.competitionId, q.groupKey),
                          })
                        : t('proposals.list.quotaNone', {
                            used: q.used,
                            group: groupName(q.competitionId, q.groupKey),
                          })}
                    </Badge>
                  ))}
                </Group>
              </div>
            ))}
          </Stack>
        </Card>
      )}

      {list.isLoading && (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
      {list.error && (
        <Alert role="alert" color="red">
          {apiErrorMessages(list.error, lang).general}
        </Alert>
      )}
      {list.data && (hasFilters(params) || list.data.total > 0) && (
        <Card withBorder>
          <Stack gap="xs">
            <ProposalFilters competitions={comps.data?.items ?? []} reviewer={reviewer} />
            <Text fw={600} role="status" data-testid="proposal-count">
              {params.get('state') === NEEDS_ACTION
                ? t('proposals.filters.needsActionCount', { count: list.data.total })
                : t('proposals.filters.count', { count: list.data.total })}
            </Text>
          </Stack>
        </Card>
      )}
      {list.data && list.data.items.length === 0 && (
        <Text>{hasFilters(params) ? t('proposals.filters.noneMatch') : t('proposals.list.empty')}</Text>
      )}
      {list.data && list.data.items.length > 0 && (
        // On a phone a table would hide the state off-screen: one card per proposal instead.
        <Stack gap="sm" hiddenFrom="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {list.data.items.map((p) => (
            <Card withBorder component="li" key={p.id} padding="sm">
              <Stack gap={4}>
                <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
                  <Anchor component={Link} to={`/usulan/${p.id}`} fw={600}>
                    {p.title}
                  </Anchor>
                  <Text size="xs" c="gray.7" style={{ whiteSpace: 'nowrap' }}>
                    {p.code}
                  </Text>
                </Group>
                <Group gap="xs">
                  <ProposalStateBadge state={p.state} label={p.stateLabel} />
                  {reviewer && NEEDS_ACTION.split(',').includes(p.state) && (
                    <Badge color="red.9" variant="outline" radius="sm" style={{ textTransform: 'none' }}>
                      {t('proposals.list.needsAction')}
                    </Badge>
                  )}
                </Group>
                <Text size="sm" c="gray.7">
                  {t('proposals.list.group')}: {lang === 'id' ? p.group.nameId : p.group.nameEn}
                  {reviewer ? ` · ${t('proposals.list.unit')}: ${p.unit.name}` : ''}
                </Text>
                <Text size="xs" c="gray.7" component="div">
                  {t('proposals.list.lastSaved')}: <AdminInstant iso={p.updatedAt} size="xs" />
                </Text>
              </Stack>
            </Card>
          ))}
        </Stack>
      )}
      {list.data && list.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={760} visibleFrom="sm">
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('proposals.list.code')}</Table.Th>
                <Table.Th>{t('proposals.list.titleCol')}</Table.Th>
                <Table.Th>{t('proposals.list.group')}</Table.Th>
                {reviewer && <Table.Th>{t('proposals.list.unit')}</Table.Th>}
                <Table.Th>{t('proposals.list.state')}</Table.Th>
                <Table.Th>{t('proposals.list.lastSaved')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Anchor component={Link} to={`/usulan/${p.id}`}>
                      {p.code}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/usulan/${p.id}`} c="dark">
                      {p.title}
                    </Anchor>
                    {p.acronym && (
                      <Text size="xs" c="gray.7">
                        {p.acronym}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{lang === 'id' ? p.group.nameId : p.group.nameEn}</Table.Td>
                  {reviewer && <Table.Td>{p.unit.name}</Table.Td>}
                  <Table.Td>
                    <Stack gap={4} align="flex-start">
                      <ProposalStateBadge state={p.state} label={p.stateLabel} />
                      {reviewer && NEEDS_ACTION.split(',').includes(p.state) && (
                        <Badge color="red.9" variant="outline" radius="sm" style={{ textTransform: 'none' }}>
                          {t('proposals.list.needsAction')}
                        </Badge>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <AdminInstant iso={p.updatedAt} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.data && list.data.total > LIST_PAGE_SIZE && (
        <AdminPager
          total={list.data.total}
          page={list.data.page}
          pageSize={LIST_PAGE_SIZE}
          onChange={(page) => {
            const next = new URLSearchParams(params);
            next.set('page', String(page));
            setParams(next);
          }}
        />
      )}
      {creating && (
        <CreateModal
          open={open}
          invited={list.data?.invitedGroups ?? []}
          onClose={() => setCreating(false)}
        />
      )}
    </Stack>
  );
}
