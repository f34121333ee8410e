import { useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Modal,
  NativeSelect,
  Progress,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import {
  IconFile,
  IconFileTypePdf,
  IconPhoto,
  IconRefresh,
  IconTrash,
  IconUpload,
} from '@tabler/icons-react';
import { api, ApiError, upload } from '../../api/client.js';
import { useLang, type Lang } from '../../i18n/index.js';
import { apiErrorMessages } from '../forms.js';
import { formatInstant } from '../../../domain/time.js';
import { REPLICATION_GROUP_KEY, typeLabel } from '../../../domain/attachments.js';
import { evidenceRuleText } from '../../../domain/evidence-requirements.js';
import type { Attachment, AttachmentKindValue } from '../../../contracts/attachments.js';
import type { ProposalDetail } from '../../../contracts/proposals.js';
import './EvidencePanel.css';

const MIB = 1024 * 1024;

/** "820 KB", "12,4 MB" (or "12.4 MB" in English). */
export function formatBytes(bytes: number, lang: Lang): string {
  const nf = (v: number, digits: number) =>
    new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: digits }).format(v);
  if (bytes === 0) return '0 MB';
  if (bytes < MIB) return `${nf(Math.max(1, Math.round(bytes / 1024)), 0)} KB`;
  return `${nf(bytes / MIB, 1)} MB`;
}

/** What an upload is for: a new file of a kind, or the replacement of one attachment. */
type Target = { type: 'new'; kind: AttachmentKindValue } | { type: 'replace'; id: number };
const targetKey = (t: Target) => (t.type === 'new' ? `new-${t.kind}` : `replace-${t.id}`);

interface Busy {
  key: string;
  name: string;
  progress: number;
  controller: AbortController;
}

function TypeIcon({ mime }: { mime: string }) {
  const props = {
    size: 22,
    'aria-hidden': true,
    color: 'var(--mantine-color-gray-7)',
    style: { flexShrink: 0 },
  } as const;
  if (mime === 'application/pdf') return <IconFileTypePdf {...props} />;
  if (mime.startsWith('image/')) return <IconPhoto {...props} />;
  return <IconFile {...props} />;
}

/** A file picker that looks like a button: a real, labelled input type=file (keyboard and tests use it). */
function FilePicker({
  id,
  label,
  accept,
  disabled,
  onFile,
  variant = 'filled',
  size = 'sm',
  icon,
}: {
  id: string;
  label: React.ReactNode;
  accept: string;
  disabled: boolean;
  onFile: (f: File) => void;
  variant?: 'filled' | 'default';
  size?: 'sm' | 'xs';
  icon?: React.ReactNode;
}) {
  return (
    <span className="sinovik-file-picker">
      <input
        id={id}
        type="file"
        accept={accept}
        disabled={disabled}
        className="sinovik-file-input"
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          // Cleared so that choosing the same file again still starts an upload.
          e.currentTarget.value = '';
          if (f) onFile(f);
        }}
      />
      <Button
        component="label"
        htmlFor={id}
        variant={variant}
        size={size}
        leftSection={icon}
        data-disabled={disabled || undefined}
        style={disabled ? { pointerEvents: 'none' } : undefined}
      >
        {label}
      </Button>
    </span>
  );
}

/**
 * The proposal's evidence: the files with their section, size, type and download link; for the proposer
 * while editable, uploads with a real progress bar (XMLHttpRequest), replace and delete. A replikasi
 * proposal has its own slot for the signed replication statement. Readers see the list with downloads.
 */
export function EvidencePanel({
  detail,
  onAttachments,
  completion,
}: {
  detail: ProposalDetail;
  /** Applies a change to the list (on the latest copy, as uploads may finish after other changes). */
  onAttachments: (update: (list: Attachment[]) => Attachment[]) => void;
  /**
   * The admin lokal's completion (issue 12): only the evidence of these sections ('*': the files tied to
   * no section) may be added or replaced, through the completion's routes; nothing is deleted.
   */
  completion?: { evidence: string[] };
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const editable = completion ? true : detail.abilities.upload;
  const mayTouch = (sectionKey: string | null) =>
    !completion || completion.evidence.includes(sectionKey || '*');
  const base = completion
    ? `/proposals/${detail.id}/completion/attachments`
    : `/proposals/${detail.id}/attachments`;
  const limits = detail.attachmentLimits;
  const attachments = detail.attachments;
  const [section, setSection] = useState(() => {
    const first = completion?.evidence[0];
    return first && first !== '*' ? first : '';
  });
  const [busy, setBusy] = useState<Busy | null>(null);
  const [failure, setFailure] = useState<{ key: string; name: string; messages: string[] } | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<Attachment | null>(null);
  const [deleting, setDeleting] = useState(false);

  const isReplication = detail.group.key === REPLICATION_GROUP_KEY;
  const evidence = attachments.filter((a) => a.kind === 'evidence');
  const statement = attachments.find((a) => a.kind === 'replication_statement');
  const types = limits.allowedTypes.map(typeLabel).join(', ');
  const sectionName = (key: string | null) => {
    const s = key ? detail.form.find((x) => x.key === key) : undefined;
    return s ? (lang === 'id' ? s.labelId : s.labelEn) : null;
  };

  const start = async (file: File, target: Target) => {
    const key = targetKey(target);
    const form = new FormData();
    // The text fields go first: the server checks them before it reads the file.
    if (target.type === 'new') {
      form.append('kind', target.kind);
      form.append('sectionKey', target.kind === 'evidence' ? section : '');
    }
    form.append('file', file);
    const controller = new AbortController();
    setFailure(null);
    setBusy({ key, name: file.name, progress: 0, controller });
    try {
      const path = target.type === 'new' ? base : `${base}/${target.id}`;
      const saved = await upload<Attachment>(
        path,
        form,
        (p) => setBusy((b) => (b && b.key === key ? { ...b, progress: p } : b)),
        { method: target.type === 'new' ? 'POST' : 'PUT', signal: controller.signal },
      );
      onAttachments((list) =>
        target.type === 'new' ? [...list, saved] : list.map((a) => (a.id === saved.id ? saved : a)),
      );
      notifications.show({
        color: 'green',
        message: t(target.type === 'new' ? 'proposals.evidence.uploaded' : 'proposals.evidence.replaced', {
          name: saved.name,
        }),
      });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'aborted') {
        notifications.show({ color: 'gray', message: t('proposals.evidence.cancelled') });
      } else {
        const m = apiErrorMessages(err, lang);
        const fieldMessages = Object.values(m.fields).filter((x) => x !== m.general);
        setFailure({
          key,
          name: file.name,
          messages: m.code === 'validation_failed' && fieldMessages.length ? fieldMessages : [m.general],
        });
      }
    } finally {
      setBusy(null);
    }
  };

  const remove = async (a: Attachment) => {
    setDeleting(true);
    try {
      await api('DELETE', `/proposals/${detail.id}/attachments/${a.id}`);
      onAttachments((list) => list.filter((x) => x.id !== a.id));
      notifications.show({ color: 'green', message: t('proposals.evidence.deleted', { name: a.name }) });
      setConfirmDelete(null);
    } catch (err) {
      setConfirmDelete(null);
      setFailure({
        key: `replace-${a.id}`,
        name: a.name,
        messages: [apiErrorMessages(err, lang).general],
      });
    } finally {
      setDeleting(false);
    }
  };

  /** The progress of the upload for `key`, or the reason it failed. */
  const status = (key: string) => (
    <>
      {busy?.key === key && (
        <Stack gap={4} mt="xs">
          <Progress
            value={Math.round(busy.progress * 100)}
            aria-label={t('proposals.evidence.progress')}
            size="lg"
            animated
          />
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Text size="sm" aria-live="polite" style={{ overflowWrap: 'anywhere' }}>
              {t('proposals.evidence.uploading', {
                name: busy.name,
                percent: Math.round(busy.progress * 100),
              })}
            </Text>
            <Button size="xs" variant="default" onClick={() => busy.controller.abort()}>
              {t('proposals.evidence.cancelUpload')}
            </Button>
          </Group>
        </Stack>
      )}
      {failure?.key === key && (
        <Alert
          role="alert"
          color="red"
          mt="xs"
          title={t('proposals.evidence.failedTitle', { name: failure.name })}
        >
          {failure.messages.map((m) => (
            <Text key={m} size="sm">
              {m}
            </Text>
          ))}
        </Alert>
      )}
    </>
  );

  const row = (a: Attachment) => {
    const where = sectionName(a.sectionKey);
    const meta = [
      typeLabel(a.mime),
      formatBytes(a.size, lang),
      a.kind === 'evidence'
        ? where
          ? t('proposals.evidence.forSection', { section: where })
          : t('proposals.evidence.forGeneral')
        : null,
      t('proposals.evidence.uploadedAt', { time: formatInstant(a.uploadedAt, detail.timeZone, lang) }),
    ].filter(Boolean);
    return (
      <li key={a.id} className="sinovik-evidence-row">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
          <Group gap="sm" wrap="nowrap" align="flex-start" style={{ flex: '1 1 240px', minWidth: 0 }}>
            <TypeIcon mime={a.mime} />
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Anchor href={a.downloadUrl} fw={600} style={{ overflowWrap: 'anywhere' }}>
                {a.name}
              </Anchor>
              <Text size="sm" c="gray.7">
                {meta.join(' · ')}
              </Text>
            </Stack>
          </Group>
          {editable && mayTouch(a.sectionKey) && (
            <Group gap="xs" wrap="nowrap">
              <FilePicker
                id={`evidence-replace-${a.id}`}
                label={
                  <>
                    {t('proposals.evidence.replace')}
                    <VisuallyHidden> {a.name}</VisuallyHidden>
                  </>
                }
                accept={(a.kind === 'replication_statement' ? ['application/pdf'] : limits.allowedTypes).join(
                  ',',
                )}
                disabled={busy !== null}
                onFile={(f) => void start(f, { type: 'replace', id: a.id })}
                variant="default"
                size="xs"
                icon={<IconRefresh size={14} aria-hidden />}
              />
              {!completion && (
                <Button
                  size="xs"
                  variant="default"
                  color="red"
                  leftSection={<IconTrash size={14} aria-hidden />}
                  aria-label={t('proposals.evidence.deleteLabel', { name: a.name })}
                  disabled={busy !== null}
                  onClick={() => setConfirmDelete(a)}
                >
                  {t('proposals.evidence.delete')}
                </Button>
              )}
            </Group>
          )}
        </Group>
        {status(`replace-${a.id}`)}
      </li>
    );
  };

  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('proposals.evidence.title')}
        </Title>
        {editable && <Text size="sm">{t('proposals.evidence.intro')}</Text>}
        <Text size="sm" fw={600} data-testid="evidence-rule">
          {
            evidenceRuleText({
              minFiles: detail.evidenceMin ?? 1,
              sections: detail.form
                .filter((s) => s.evidenceRequired)
                .map((s) => ({ key: s.key, labelId: s.labelId, labelEn: s.labelEn })),
            })[lang]
          }
        </Text>
        {editable && (
          <Group gap="xs" wrap="wrap">
            <Text size="sm" c="gray.7">
              {t('proposals.evidence.accepted', { types, max: formatBytes(limits.maxFileBytes, lang) })}
            </Text>
            <Text size="sm" fw={600}>
              {t('proposals.evidence.used', {
                // From the list as it stands: an upload, a replacement or a deletion shows at once.
                used: formatBytes(
                  attachments.reduce((sum, a) => sum + a.size, 0),
                  lang,
                ),
                max: formatBytes(limits.maxProposalBytes, lang),
              })}
            </Text>
          </Group>
        )}

        {isReplication && (
          <Stack gap="xs" className="sinovik-evidence-slot">
            <Title order={3} size="h5">
              {t('proposals.evidence.statementTitle')}
            </Title>
            {editable && !statement && <Text size="sm">{t('proposals.evidence.statementIntro')}</Text>}
            {statement ? (
              <ul className="sinovik-evidence-list">{row(statement)}</ul>
            ) : editable && !completion ? (
              <div>
                <FilePicker
                  id="evidence-statement-file"
                  label={t('proposals.evidence.statementUpload')}
                  accept="application/pdf"
                  disabled={busy !== null}
                  onFile={(f) => void start(f, { type: 'new', kind: 'replication_statement' })}
                  icon={<IconUpload size={16} aria-hidden />}
                />
              </div>
            ) : (
              <Text size="sm">{t('proposals.evidence.statementEmpty')}</Text>
            )}
            {status('new-replication_statement')}
          </Stack>
        )}

        {isReplication && (
          <Title order={3} size="h5">
            {t('proposals.evidence.files')}
          </Title>
        )}
        {evidence.length === 0 ? (
          <Text size="sm">{t('proposals.evidence.empty')}</Text>
        ) : (
          <ul className="sinovik-evidence-list">{evidence.map(row)}</ul>
        )}

        {editable && (
          <Stack gap="xs" className="sinovik-evidence-upload">
            <Group align="flex-end" gap="sm" wrap="wrap">
              <NativeSelect
                label={t('proposals.evidence.section')}
                value={section}
                onChange={(e) => setSection(e.currentTarget.value)}
                disabled={busy !== null}
                style={{ flex: '1 1 220px', maxWidth: 420 }}
                data={[
                  ...(mayTouch(null) ? [{ value: '', label: t('proposals.evidence.general') }] : []),
                  ...detail.form
                    .filter((s) => mayTouch(s.key))
                    .map((s) => ({ value: s.key, label: lang === 'id' ? s.labelId : s.labelEn })),
                ]}
              />
              <FilePicker
                id="evidence-file"
                label={t('proposals.evidence.upload')}
                accept={limits.allowedTypes.join(',')}
                disabled={busy !== null}
                onFile={(f) => void start(f, { type: 'new', kind: 'evidence' })}
                icon={<IconUpload size={16} aria-hidden />}
              />
            </Group>
            <Text size="xs" c="gray.7">
              {t('proposals.evidence.uploadHint')}
            </Text>
            {status('new-evidence')}
          </Stack>
        )}
      </Stack>

      {confirmDelete && (
        <Modal
          opened
          onClose={() => setConfirmDelete(null)}
          title={t('proposals.evidence.deleteConfirm', { name: confirmDelete.name })}
          closeButtonProps={{ 'aria-label': t('common.close') }}
        >
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmDelete(null)}>
              {t('proposals.editor.cancel')}
            </Button>
            <Button
              color="red.9"
              onClick={() => void remove(confirmDelete)}
              loading={deleting}
              data-autofocus
            >
              {t('proposals.evidence.delete')}
            </Button>
          </Group>
        </Modal>
      )}
    </Card>
  );
}
