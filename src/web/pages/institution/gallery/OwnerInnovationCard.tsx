import { useState } from 'react';
import { Link } from 'react-router';
import { Anchor, Badge, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { OwnerInnovation } from '../../../../contracts/gallery-owner.js';
import { api } from '../../../api/client.js';
import { AdminConfirmDialog } from '../../../components/AdminFormDialog.js';
import { apiErrorMessages } from '../../../components/forms.js';
import { useLang } from '../../../i18n/index.js';
import { ContactDialog } from './ContactDialog.js';
import { StatusForm } from './StatusForm.js';

/** One innovation on /instansi/galeri: why it is (not) public, consent, contact, public evidence, status. */
export function OwnerInnovationCard({
  item,
  year,
  queryKey,
}: {
  item: OwnerInnovation;
  year: number;
  queryKey: readonly unknown[];
}) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const qc = useQueryClient();
  const [asking, setAsking] = useState<'give' | 'withdraw' | null>(null);
  const [editing, setEditing] = useState(false);
  const base = `/gallery-owner/proposals/${item.proposalId}`;
  const consent = useMutation({
    mutationFn: (what: 'give' | 'withdraw') => api('give' === what ? 'POST' : 'DELETE', `${base}/consent`),
    onSuccess: async (_r, what) => {
      await qc.invalidateQueries({ queryKey });
      notifications.show({
        color: 'green',
        message: t(`galleryOwner.consent.${what === 'give' ? 'given' : 'withdrawn'}`),
      });
      setAsking(null);
    },
  });
  const mark = useMutation({
    mutationFn: (v: { id: number; name: string; isPublic: boolean }) =>
      api('PUT', `${base}/evidence/${v.id}`, { isPublic: v.isPublic }),
    onSuccess: async (_r, v) => {
      await qc.invalidateQueries({ queryKey });
      notifications.show({
        color: 'green',
        message: t(`galleryOwner.evidence.${v.isPublic ? 'madePublic' : 'madePrivate'}`, { name: v.name }),
      });
    },
    onError: (e) => notifications.show({ color: 'red', message: apiErrorMessages(e, lang).general }),
  });
  const headingId = `innovation-${item.proposalId}`;
  const c = item.contact;
  return (
    <Paper withBorder p="md" radius="md" component="li" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Stack gap={4}>
          <Text size="sm" c="dark.6">
            {item.competition.name.includes(String(item.competition.year))
              ? item.competition.name
              : t('galleryOwner.competition', {
                  name: item.competition.name,
                  year: item.competition.year,
                })}{' '}
            · {item.code}
          </Text>
          <Title order={2} size="h4" id={headingId} style={{ overflowWrap: 'anywhere' }}>
            {item.title}
          </Title>
          <Group gap="xs">
            <Badge
              color={item.basis ? 'teal.9' : 'gray.7'}
              variant="filled"
              radius="sm"
              style={{ textTransform: 'none' }}
            >
              {t(`galleryOwner.basis.${item.basis ?? 'none'}`)}
            </Badge>
            {item.slug && (
              <Anchor component={Link} to={`/galeri/${item.slug}`} size="sm">
                {t('galleryOwner.openEntry')}
              </Anchor>
            )}
          </Group>
          {item.basis === 'finalist' && (
            <Text size="sm" c="dark.7">
              {t('galleryOwner.finalistNote')}
            </Text>
          )}
        </Stack>
        {(item.abilities.consent || item.abilities.withdraw) && (
          <Group>
            {item.abilities.consent && (
              <Button onClick={() => setAsking('give')}>{t('galleryOwner.consent.give')}</Button>
            )}
            {item.abilities.withdraw && (
              <Button variant="outline" color="red.9" onClick={() => setAsking('withdraw')}>
                {t('galleryOwner.consent.withdraw')}
              </Button>
            )}
          </Group>
        )}
        <Stack gap={4}>
          <Text fw={600}>{t('galleryOwner.contact.title')}</Text>
          {c.email || c.phone ? (
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {[c.name, c.position, c.email, c.phone].filter(Boolean).join(' · ')}
            </Text>
          ) : (
            <Text size="sm">{t('galleryOwner.contact.none')}</Text>
          )}
          {item.abilities.editContact && (
            <Group>
              <Button variant="default" size="xs" onClick={() => setEditing(true)}>
                {t('galleryOwner.contact.edit')}
              </Button>
            </Group>
          )}
        </Stack>
        <Stack gap={4} component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
          <Text component="legend" fw={600}>
            {t('galleryOwner.evidence.title')}
          </Text>
          <Text size="sm" c="dark.7">
            {t('galleryOwner.evidence.hint')}
          </Text>
          {item.files.length === 0 && <Text size="sm">{t('galleryOwner.evidence.none')}</Text>}
          {item.files.map((f) => (
            <Checkbox
              key={f.id}
              checked={f.isPublic}
              disabled={!item.abilities.markEvidence || mark.isPending}
              onChange={(e) => mark.mutate({ id: f.id, name: f.name, isPublic: e.currentTarget.checked })}
              label={f.name}
              description={f.section ? pick(f.section) : undefined}
              aria-label={t('galleryOwner.evidence.publicLabel', { name: f.name })}
            />
          ))}
        </Stack>
        {item.abilities.confirmStatus ? (
          <StatusForm item={item} year={year} queryKey={queryKey} />
        ) : (
          <Text size="sm" c="dark.7">
            {t('galleryOwner.status.notPublic')}
          </Text>
        )}
      </Stack>
      {asking && (
        <AdminConfirmDialog
          title={t(`galleryOwner.consent.${asking}Title`, { title: item.title })}
          confirmLabel={t(`galleryOwner.consent.${asking}`)}
          danger={asking === 'withdraw'}
          pending={consent.isPending}
          error={consent.error ? apiErrorMessages(consent.error, lang).general : null}
          onConfirm={() => consent.mutate(asking)}
          onClose={() => {
            consent.reset();
            setAsking(null);
          }}
        >
          <Text>{t(`galleryOwner.consent.${asking}Body`)}</Text>
        </AdminConfirmDialog>
      )}
      {editing && <ContactDialog item={item} queryKey={queryKey} onClose={() => setEditing(false)} />}
    </Paper>
  );
}
