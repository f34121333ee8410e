import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  PasswordInput,
  Stack,
  TextInput,
  Title,
  type PasswordInputProps,
  type TextInputProps,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH } from '../../domain/password-length.js';
import { useLang } from '../i18n/index.js';
import { apiErrorMessages } from './forms.js';
import { focusFirstError } from './formFocus.js';
import './PublicPages.css';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The page of an account screen (login, reset, profile): a narrow column under its title. */
export function AccountPage({
  title,
  maw = 480,
  centered = true,
  children,
}: {
  title: ReactNode;
  maw?: number;
  /** Public screens stand in the middle; those inside the app's shell start at the left. */
  centered?: boolean;
  children: ReactNode;
}) {
  return (
    <Stack maw={maw} mx={centered ? 'auto' : undefined} py="md" gap="md" className="public-scope">
      <Title order={1}>{title}</Title>
      {children}
    </Stack>
  );
}

/** The bordered card that holds an account form or message. */
export function AccountCard({ children }: { children: ReactNode }) {
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
      {children}
    </Paper>
  );
}

/**
 * An account form in its card: the error summary (an alert read out at once), the fields, then the submit
 * button, full width or at its own width (`submitInline`), and a link to a neighbouring page (`link`).
 */
export function AccountForm({
  onSubmit,
  general,
  submitLabel,
  submitting,
  submitInline = false,
  link,
  children,
}: {
  onSubmit: (e?: React.FormEvent<HTMLFormElement>) => void;
  general: string | null;
  submitLabel: string;
  submitting: boolean;
  submitInline?: boolean;
  link?: { to: string; label: string };
  children: ReactNode;
}) {
  const submit = (
    <Button type="submit" loading={submitting} fullWidth={!submitInline}>
      {submitLabel}
    </Button>
  );
  return (
    <AccountCard>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          {general && (
            <Alert role="alert" color="red" variant="light">
              {general}
            </Alert>
          )}
          {children}
          {submitInline ? <Group>{submit}</Group> : submit}
          {link && (
            <Anchor component={Link} to={link.to} size="sm">
              {link.label}
            </Anchor>
          )}
        </Stack>
      </form>
    </AccountCard>
  );
}

/**
 * The submit handler of an account form: runs `action` with the valid values; a refusal puts its field
 * messages (in the reader's language) under the fields, focuses the first, and its general message in the
 * summary. `handled` may take a refusal over (returns true). Invalid input focuses its first field.
 */
export function useAccountSubmit<V>(
  form: UseFormReturnType<V>,
  action: (values: V) => Promise<void>,
  handled?: (err: unknown) => boolean,
) {
  const { lang } = useLang();
  const [general, setGeneral] = useState<string | null>(null);
  const submit = form.onSubmit(
    async (values) => {
      setGeneral(null);
      try {
        await action(values as V);
      } catch (err) {
        if (handled?.(err)) return;
        const { general: message, fields } = apiErrorMessages(err, lang);
        form.setErrors(fields);
        focusFirstError(form, fields);
        setGeneral(message);
      }
    },
    (errors) => focusFirstError(form, errors),
  );
  return { submit, general, setGeneral };
}

/** Required, and shaped like an e-mail address. */
export function useEmailRule(): (v: string) => string | null {
  const { t } = useTranslation();
  return (v) =>
    !v.trim() ? t('account.required') : EMAIL_PATTERN.test(v.trim()) ? null : t('account.invalidEmail');
}

/** The required e-mail address field. */
export function EmailField(props: TextInputProps) {
  const { t } = useTranslation();
  return <TextInput label={t('account.email')} type="email" withAsterisk {...props} />;
}

/** A required password field; `rules` shows the password rules under its label. */
export function PasswordField({ rules = false, ...props }: PasswordInputProps & { rules?: boolean }) {
  const { t } = useTranslation();
  return (
    <PasswordInput description={rules ? t('account.setPassword.hint') : undefined} withAsterisk {...props} />
  );
}

/** The rules of a new password and its repetition, for `useForm`'s `validate`. */
export function useNewPasswordRules() {
  const { t } = useTranslation();
  return {
    newPassword: (v: string) => (v.length >= MIN_PASSWORD_LENGTH ? null : t('account.setPassword.tooShort')),
    confirm: (v: string, values: { newPassword: string }) =>
      v === values.newPassword ? null : t('account.setPassword.mismatch'),
  };
}

/**
 * A new password (with its rules) and its repetition. The hidden username lets password managers store the
 * new password under the right account.
 */
export function NewPasswordFields({
  form,
  username,
}: {
  form: { getInputProps: (path: 'newPassword' | 'confirm') => object };
  username: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <input type="email" name="username" autoComplete="username" value={username} readOnly hidden />
      <PasswordField
        label={t('account.setPassword.newPassword')}
        rules
        autoComplete="new-password"
        {...form.getInputProps('newPassword')}
      />
      <PasswordField
        label={t('account.setPassword.confirm')}
        autoComplete="new-password"
        {...form.getInputProps('confirm')}
      />
    </>
  );
}
