import { useRef, useState } from 'react';
import { Anchor, Button, FileInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IconUpload } from '@tabler/icons-react';
import { upload } from '../../api/client.js';
import { AdminNotice } from '../../components/AdminPage.js';
import { formatAt } from '../../components/AdminTime.js';
import { Deadline } from '../../components/Deadline.js';
import { apiErrorMessages } from '../../components/forms.js';
import { useServerNow } from '../../components/serverClock.js';
import { useLang } from '../../i18n/index.js';
import type { FinalistPresentation } from './types.js';

const ACCEPT =
  '.pdf,.pptx,application/pdf,application/vnd.openxmlformats-officedocument.presentationml.presentation';

/**
 * The slides (pdf/pptx) and the video link, before the upload deadline (its hour and zone and a countdown);
 * field messages from the API under their fields; after the deadline the form is gone and says when it
 * closed. What was sent shows either way.
 */
export function UploadCard({ d }: { d: FinalistPresentation }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const qc = useQueryClient();
  const now = useServerNow(1000);
  const tz = d.competition.timeZone;
  const [file, setFile] = useState<File | null>(null);
  const [video, setVideo] = useState(d.upload?.videoUrl ?? '');
  const [saved, setSaved] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const send = useMutation({
    mutationFn: () => {
      const body = new FormData();
      // The video link goes before the file (the server reads the fields first).
      if (video.trim() !== (d.upload?.videoUrl ?? '')) body.append('videoUrl', video.trim());
      if (file) body.append('file', file);
      return upload(`/presentation/proposals/${d.proposal.id}/upload`, body);
    },
    onSuccess: async () => {
      setFile(null);
      setSaved(true);
      await qc.invalidateQueries({ queryKey: ['presentation', 'finalist', String(d.proposal.id)] });
    },
    onError: () => {
      setSaved(false);
      window.setTimeout(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    },
  });
  const err = send.error ? apiErrorMessages(send.error, lang) : null;
  const passed = !!d.uploadDeadline && Date.parse(d.uploadDeadline) <= now.getTime();
  // The server's word decides; the clock only hides the form at the deadline without a reload.
  const open = d.abilities.upload && !passed;
  const u = d.upload;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="upload-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="upload-title">
          {t('presentationParticipant.upload.title')}
        </Title>
        <Text size="sm">{t('presentationParticipant.upload.intro')}</Text>
        {d.uploadDeadline ? (
          <Deadline
            at={d.uploadDeadline}
            timeZone={tz}
            label={t('presentationParticipant.upload.deadline')}
            passedLabel={t('presentationParticipant.upload.deadlinePassed')}
            countdown={!passed}
          />
        ) : (
          <Text size="sm">{t('presentationParticipant.upload.noDeadline')}</Text>
        )}
        <div>
          <Title order={3} size="h5">
            {t('presentationParticipant.upload.current')}
          </Title>
          {!u || (!u.hasFile && !u.videoUrl) ? (
            <Text size="sm">{t('presentationParticipant.upload.none')}</Text>
          ) : (
            <Stack gap={2} data-testid="upload-current">
              {u.hasFile && (
                <Text size="sm">
                  <Anchor href={`/api/presentation/proposals/${d.proposal.id}/file`}>
                    {t('presentationParticipant.upload.currentFile', { name: u.fileName })}
                  </Anchor>
                </Text>
              )}
              {u.videoUrl && (
                <Text size="sm">
                  {t('presentationParticipant.upload.currentVideo')}
                  <Anchor href={u.videoUrl} target="_blank" rel="noopener noreferrer">
                    {u.videoUrl}
                  </Anchor>
                </Text>
              )}
              <Text size="xs" c="dark.6">
                {t('presentationParticipant.upload.updatedAt', { at: formatAt(u.updatedAt, tz, lang) })}
              </Text>
            </Stack>
          )}
        </div>
        {saved && (
          <AdminNotice tone="success" role="status" withCloseButton onClose={() => setSaved(false)}>
            {t('presentationParticipant.upload.saved')}
          </AdminNotice>
        )}
        {!d.letter ? (
          <Text size="sm">{t('presentationParticipant.upload.notYet')}</Text>
        ) : !open ? (
          passed && (
            <AdminNotice tone="neutral" role="status">
              {t('presentationParticipant.upload.closed', { at: formatAt(d.uploadDeadline, tz, lang) })}
            </AdminNotice>
          )
        ) : (
          <form
            ref={form}
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              send.mutate();
            }}
          >
            <Stack gap="sm">
              {err && !Object.keys(err.fields).length && (
                <AdminNotice tone="danger" role="alert">
                  {err.general}
                </AdminNotice>
              )}
              <FileInput
                label={t('presentationParticipant.upload.file')}
                description={t('presentationParticipant.upload.fileHint')}
                accept={ACCEPT}
                value={file}
                onChange={setFile}
                clearable
                leftSection={<IconUpload size={16} aria-hidden />}
                error={err?.fields.file}
                maw={480}
              />
              <TextInput
                label={t('presentationParticipant.upload.video')}
                description={t('presentationParticipant.upload.videoHint')}
                type="url"
                inputMode="url"
                value={video}
                onChange={(e) => setVideo(e.currentTarget.value)}
                error={err?.fields.videoUrl}
                maw={480}
              />
              <div>
                <Button type="submit" loading={send.isPending}>
                  {t('presentationParticipant.upload.submit')}
                </Button>
              </div>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
