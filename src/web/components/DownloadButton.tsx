import { useState, type ReactNode } from 'react';
import { Button, VisuallyHidden, type ButtonProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { fetchFile, saveFile } from '../api/download.js';
import { useLang } from '../i18n/index.js';
import { apiErrorMessages } from './forms.js';

/*
 * A button that downloads a file the server makes (a proposal PDF, a dashboard spreadsheet, the audit CSV).
 * It fetches the file and shows it is working while the server prepares it (a large XLSX takes seconds);
 * a refusal is shown in the current language as a notification (a busy export pool says when to try
 * again) instead of a JSON file in the browser's downloads.
 */

export interface DownloadButtonProps extends Omit<ButtonProps, 'loading' | 'children'> {
  /** Same-origin URL of the file (e.g. `/api/proposals/1/pdf`). */
  href: string;
  /** The name to save under when the answer names none. */
  fallbackName: string;
  children: ReactNode;
}

/** The seconds after which to try again, from the error body or Retry-After. */
function retryAfterOf(err: unknown): number | null {
  if (!(err instanceof ApiError) || err.status !== 429) return null;
  const s = err.body.retryAfter;
  return typeof s === 'number' && s > 0 ? Math.ceil(s) : null;
}

export function DownloadButton({ href, fallbackName, children, ...props }: DownloadButtonProps) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [busy, setBusy] = useState(false);

  const download = async () => {
    if (busy) return;
    setBusy(true);
    try {
      saveFile(await fetchFile(href, fallbackName));
    } catch (err) {
      const retry = retryAfterOf(err);
      let message = apiErrorMessages(err, lang).general;
      // The export pool's message names the wait; any other 429 gets it added.
      if (retry !== null && !message.includes(String(retry)))
        message = `${message} ${t('common.download.retryIn', { seconds: retry })}`;
      // One message per button (a second refusal replaces the first), at the bottom, clear of the
      // buttons in the page's top right corner (the proposal's "Cetak PDF").
      const id = `download:${href}`;
      notifications.hide(id);
      notifications.show({
        id,
        position: 'bottom-right',
        color: retry !== null ? 'yellow' : 'red',
        title: t(retry !== null ? 'common.download.busyTitle' : 'common.download.failedTitle'),
        message,
        autoClose: 15_000,
        // Mantine's dimmed description is too faint on white (axe color-contrast).
        styles: { description: { color: 'var(--mantine-color-dark-7)' } },
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button {...props} type="button" loading={busy} aria-busy={busy} onClick={() => void download()}>
        {children}
      </Button>
      <VisuallyHidden role="status" aria-live="polite">
        {busy ? t('common.download.preparing') : ''}
      </VisuallyHidden>
    </>
  );
}
