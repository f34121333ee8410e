import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { useLang } from '../../i18n/index.js';
import { apiErrorMessages } from '../../components/forms.js';
import { AdminDataTable } from '../../components/AdminDataTable.js';
import { AdminInstant } from '../../components/AdminInstant.js';
import { AdminInstitutionPicker } from '../../components/AdminInstitutionPicker.js';
import { AdminPage, AdminNotice } from '../../components/AdminPage.js';
import { AdminQueryState } from '../../components/AdminQueryState.js';
import { formatAt } from '../../components/AdminTime.js';
import { useSourceLabel } from '../../components/proposal/SourceAwardPicker.js';
import type { AwardListResponse } from '../../../contracts/awards.js';
import type { Invitation, InvitationList } from '../../../contracts/invitations.js';
import { AdminConfirmDialog } from '../../components/AdminFormDialog.js';

/** An award of the registry, found by typing part of its title or institution (server search). */
function AwardPicker({
  value,
  onChange,
  error,
}: {
  value: { id: number; label: string } | null;
  onChange: (v: { id: number; label: string } | null) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const label = useSourceLabel();
  const [search, setSearch] = useState(value?.label ?? '');
  const [debounced] = useDebouncedValue(search, 250);
  const q = useQuery({
    queryKey: ['awards', 'pick', debounced],
    queryFn: () =>
      api<AwardListResponse>('GET', `/awards?q=${encodeURIComponent(debounced)}&pageSize=30&page=1`),
    enabled: debounced.trim().length >= 2 && debounced !== value?.label,
    staleTime: 60_000,
  });
  const options = (q.data?.items ?? []).map((a) => ({
    value: String(a.id),
    label: label({ ...a, institutionName: a.institutionName ?? a.institutionDirectoryName }),
  }));
  if (value && !options.some((o) => o.value === String(value.id)))
    options.unshift({ value: String(value.id), label: value.label });
  return (
    <Select
      label={t('eligibility.invitations.award')}
      description={t('eligibility.invitations.awardHint')}
      placeholder={t('eligibility.source.placeholder')}
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('secretariat.clear') }}
      data={options}
      value={value ? String(value.id) : null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(v, option) => onChange(v ? { id: Number(v), label: option?.label ?? '' } : null)}
      nothingFoundMessage={
        debounced.trim().length < 2 ? t('eligibility.source.typeToSearch') : t('eligibility.source.noResults')
      }
      filter={({ options: o }) => o}
      comboboxProps={{ withinPortal: true }}
      error={error}
    />
  );
}

function AddCard({ data, onDone }: { data: InvitationList; onDone: (d: InvitationList) => void }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [groupKey, setGroupKey] = useState<string | null>(data.groups[0]?.key ?? null);
  const [institution, setInstitution] = useState<{ id: number; name: string } | null>(null);
  const [award, setAward] = useState<{ id: number; label: string } | null>(null);
  const [letterNumber, setLetterNumber] = useState('');
  const add = useMutation({
    mutationFn: () =>
      api<InvitationList>('POST', `/competitions/${data.competition.id}/invitations`, {
        groupKey: groupKey ?? '',
        institutionId: institution?.id ?? 0,
        awardId: award?.id ?? null,
        letterNumber,
      }),
    onSuccess: (res) => {
      notifications.show({ color: 'green', message: t('eligibility.invitations.created') });
      setInstitution(null);
      setAward(null);
      setLetterNumber('');
      onDone(res);
    },
  });
  const err = add.error ? apiErrorMessages(add.error, lang) : null;
  return (
    <Card withBorder component="section" aria-labelledby="invite-title">
      <Title order={2} size="h3" id="invite-title" mb="sm">
        {t('eligibility.invitations.add')}
      </Title>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate();
        }}
      >
        <Stack gap="sm">
          {err && (
            <AdminNotice tone="danger" role="alert">
              {err.general}
            </AdminNotice>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('eligibility.invitations.group')}
              data={data.groups.map((g) => ({ value: g.key, label: lang === 'id' ? g.nameId : g.nameEn }))}
              value={groupKey}
              onChange={setGroupKey}
              allowDeselect={false}
              required
              error={err?.fields.groupKey}
            />
            <TextInput
              label={t('eligibility.invitations.letterNumber')}
              placeholder={t('eligibility.invitations.letterPlaceholder')}
              value={letterNumber}
              onChange={(e) => setLetterNumber(e.currentTarget.value)}
              required
              maxLength={512}
              error={err?.fields.letterNumber}
            />
          </SimpleGrid>
          <AdminInstitutionPicker
            label={t('eligibility.invitations.institution')}
            value={institution?.id ?? null}
            valueName={institution?.name ?? null}
            onChange={(id, name) => setInstitution(id && name ? { id, name } : null)}
            required
            error={err?.fields.institutionId}
          />
          <AwardPicker value={award} onChange={setAward} error={err?.fields.awardId} />
          <Group justify="flex-end">
            <Button
              type="submit"
              loading={add.isPending}
              disabled={!groupKey || !institution || !letterNumber.trim()}
            >
              {t('eligibility.invitations.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function RevokeModal({
  competitionId,
  invitation,
  onClose,
  onDone,
}: {
  competitionId: number;
  invitation: Invitation;
  onClose: () => void;
  onDone: (d: InvitationList) => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const revoke = useMutation({
    mutationFn: () =>
      api<InvitationList>('POST', `/competitions/${competitionId}/invitations/${invitation.id}/revoke`),
    onSuccess: (res) => {
      notifications.show({ color: 'green', message: t('eligibility.invitations.revoked') });
      onDone(res);
      onClose();
    },
  });
  return (
    <AdminConfirmDialog
      title={t('eligibility.invitations.revokeTitle')}
      confirmLabel={t('eligibility.invitations.revoke')}
      danger
      pending={revoke.isPending}
      error={revoke.error ? apiErrorMessages(revoke.error, lang).general : null}
      onConfirm={() => revoke.mutate()}
      onClose={onClose}
    >
      <Text size="sm">
        {t('eligibility.invitations.revokeText', { institution: invitation.institution.name })}
      </Text>
    </AdminConfirmDialog>
  );
}

/** The secretariat's invitations into a competition's invitation-only groups (khusus): list, add, revoke. */
export function InvitationsPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const id = Number(useParams().id);
  const qc = useQueryClient();
  const key = ['invitations', id];
  const q = useQuery({
    queryKey: key,
    queryFn: () => api<InvitationList>('GET', `/competitions/${id}/invitations`),
  });
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const sourceLabel = useSourceLabel();
  const onDone = (d: InvitationList) => qc.setQueryData(key, d);
  const data = q.data;
  return (
    <AdminPage gap="lg">
      <div>
        <Anchor component={Link} to={`/sekretariat/kompetisi/${id}`} size="sm">
          ← {t('eligibility.invitations.back')}
        </Anchor>
        <Title order={1} mt={4}>
          {t('eligibility.invitations.title')}
        </Title>
        {data && (
          <Text fw={600} c="dark.7">
            {data.competition.name}
          </Text>
        )}
        <Text c="dark.6" size="sm" maw={760}>
          {t('eligibility.invitations.intro')}
        </Text>
      </div>
      <AdminQueryState isLoading={q.isLoading} error={q.error} onRetry={() => q.refetch()}>
        {data && (
          <>
            {data.groups.length === 0 ? (
              <AdminNotice tone="info">{t('eligibility.invitations.noGroups')}</AdminNotice>
            ) : data.abilities.create ? (
              <AddCard data={data} onDone={onDone} />
            ) : (
              <AdminNotice tone="info">{t('eligibility.invitations.notPublished')}</AdminNotice>
            )}
            {data.items.length === 0 ? (
              <Text c="dark.6">{t('eligibility.invitations.empty')}</Text>
            ) : (
              <AdminDataTable
                rows={data.items}
                rowKey={(i) => i.id}
                minWidth={860}
                columns={[
                  {
                    header: t('eligibility.invitations.institution'),
                    primary: true,
                    cell: (i) => (
                      <Stack gap={2}>
                        <Text size="sm" fw={600}>
                          {i.institution.name}
                        </Text>
                        {i.award && (
                          <Text size="xs" c="dark.6">
                            {sourceLabel(i.award)}
                          </Text>
                        )}
                      </Stack>
                    ),
                  },
                  {
                    header: t('eligibility.invitations.group'),
                    cell: (i) => (lang === 'id' ? i.group.nameId : i.group.nameEn),
                  },
                  {
                    header: t('eligibility.invitations.letterNumber'),
                    cell: (i) => (
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {i.letterNumber}
                      </Text>
                    ),
                  },
                  {
                    header: t('eligibility.invitations.invitedAt'),
                    cell: (i) => (
                      <>
                        <AdminInstant iso={i.createdAt} timeZone={data.competition.timeZone} size="sm" />
                        <Text size="xs" c="dark.6">
                          {t('eligibility.invitations.by', { name: i.invitedBy.name })}
                        </Text>
                      </>
                    ),
                  },
                  {
                    header: t('eligibility.invitations.status'),
                    cell: (i) =>
                      i.revokedAt ? (
                        <Badge color="gray.7" variant="filled" radius="sm" style={{ textTransform: 'none' }}>
                          {t('eligibility.invitations.stateRevoked', {
                            when: formatAt(i.revokedAt, data.competition.timeZone, lang),
                          })}
                        </Badge>
                      ) : (
                        <Badge color="teal.9" variant="filled" radius="sm" style={{ textTransform: 'none' }}>
                          {t('eligibility.invitations.stateActive')}
                        </Badge>
                      ),
                  },
                  {
                    header: t('secretariat.actions'),
                    bare: true,
                    cell: (i) =>
                      i.abilities.revoke ? (
                        <Button
                          size="xs"
                          variant="outline"
                          color="red.9"
                          onClick={() => setRevoking(i)}
                          aria-label={`${t('eligibility.invitations.revoke')}: ${i.institution.name}`}
                        >
                          {t('eligibility.invitations.revoke')}
                        </Button>
                      ) : null,
                  },
                ]}
              />
            )}
          </>
        )}
      </AdminQueryState>
      {revoking && data && (
        <RevokeModal
          competitionId={data.competition.id}
          invitation={revoking}
          onClose={() => setRevoking(null)}
          onDone={onDone}
        />
      )}
    </AdminPage>
  );
}
