import { useEffect, useRef, type ReactNode } from 'react';
import { Button, Group, Modal, Stack, type ModalProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLang } from '../i18n/index.js';
import { apiErrorMessages } from './forms.js';
import { ADMIN_SCOPE, AdminNotice } from './AdminPage.js';

/** What a dialog needs of its mutation (`useMutation`'s result). */
interface Pending {
  mutate: () => void;
  isPending: boolean;
  error: unknown;
}

/** The API's refusal spread over the form: the general message and a message per field, in the reader's language. */
export type FormErrors = ReturnType<typeof apiErrorMessages> | null;

/** An admin dialog: its title, the close button named in the reader's language, AA contrast inside. */
export function AdminDialog({
  title,
  onClose,
  size,
  children,
}: {
  title: string;
  onClose: () => void;
  size?: ModalProps['size'];
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      className={ADMIN_SCOPE}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={onClose}
      size={size}
      title={title}
    >
      {children}
    </Modal>
  );
}

/**
 * An edit dialog: the fields (given the API's field messages), the general message above them, Cancel and
 * the submit button (busy while the mutation runs). After a refusal the first field with a message gets
 * the focus.
 */
export function AdminFormDialog({
  title,
  onClose,
  mutation,
  submitLabel,
  size,
  footerMt,
  intro,
  danger = false,
  children,
}: {
  title: string;
  onClose: () => void;
  mutation: Pending;
  /** The submit button in red: an action that cannot be undone. */
  danger?: boolean;
  submitLabel?: string;
  size?: ModalProps['size'];
  /** Extra space above the buttons. */
  footerMt?: 'sm';
  /** Shown above the error message. */
  intro?: ReactNode;
  children: (err: FormErrors) => ReactNode;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const form = useRef<HTMLFormElement>(null);
  const err = mutation.error ? apiErrorMessages(mutation.error, lang) : null;
  useEffect(() => {
    if (mutation.error) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [mutation.error]);
  return (
    <AdminDialog title={title} onClose={onClose} size={size}>
      <form
        ref={form}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          mutation.mutate();
        }}
      >
        <Stack gap="sm">
          {intro}
          {err && (
            <AdminNotice tone="danger" role="alert">
              {err.general}
            </AdminNotice>
          )}
          {children(err)}
          <Group justify="flex-end" mt={footerMt}>
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={danger ? 'red.9' : undefined} loading={mutation.isPending}>
              {submitLabel ?? t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AdminDialog>
  );
}

/** Asks before something that cannot be undone: what it does, the API's refusal if any, Cancel (focused) and the action. */
export function AdminConfirmDialog({
  title,
  children,
  confirmLabel,
  danger = false,
  pending,
  error,
  onConfirm,
  onClose,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <AdminDialog title={title} onClose={onClose}>
      <Stack gap="sm">
        {children}
        {error && (
          <AdminNotice tone="danger" role="alert">
            {error}
          </AdminNotice>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color={danger ? 'red.9' : undefined} loading={pending} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </AdminDialog>
  );
}
