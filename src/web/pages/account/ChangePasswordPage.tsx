import { useState } from 'react';
import { Alert, Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH } from '../../../domain/password-length.js';
import { api } from '../../api/client.js';
import { useMe } from '../../api/session.js';
import { apiErrorMessages } from '../../components/forms.js';
import { useLang } from '../../i18n/index.js';
import '../../components/PublicPages.css';
import { focusFirstError } from '../../components/formFocus.js';

/** Changes the password of the signed-in person; the server ends their other sessions. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { data: me } = useMe();
  const [general, setGeneral] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const form = useForm({
    mode: 'controlled',
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validate: {
      currentPassword: (v) => (v ? null : t('account.required')),
      newPassword: (v) => (v.length >= MIN_PASSWORD_LENGTH ? null : t('account.setPassword.tooShort')),
      confirm: (v, values) => (v === values.newPassword ? null : t('account.setPassword.mismatch')),
    },
  });

  const submit = form.onSubmit(
    async ({ currentPassword, newPassword }) => {
      setGeneral(null);
      setDone(false);
      try {
        await api('POST', '/auth/password', { currentPassword, newPassword });
        form.reset();
        setDone(true);
      } catch (err) {
        const { general: message, fields } = apiErrorMessages(err, lang);
        form.setErrors(fields);
        focusFirstError(form, fields);
        setGeneral(message);
      }
    },
    (errors) => focusFirstError(form, errors),
  );

  return (
    <Stack maw={480} py="md" gap="md" className="public-scope">
      <Title order={1}>{t('account.changePassword.title')}</Title>
      <Text>{t('account.changePassword.intro')}</Text>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {general && (
              <Alert role="alert" color="red" variant="light">
                {general}
              </Alert>
            )}
            {done && (
              <Alert role="status" color="green" variant="light">
                {t('account.changePassword.done')}
              </Alert>
            )}
            <input
              type="email"
              name="username"
              autoComplete="username"
              value={me?.email ?? ''}
              readOnly
              hidden
            />
            <PasswordInput
              label={t('account.changePassword.current')}
              autoComplete="current-password"
              withAsterisk
              {...form.getInputProps('currentPassword')}
            />
            <PasswordInput
              label={t('account.setPassword.newPassword')}
              description={t('account.setPassword.hint')}

              autoComplete="new-password"
              withAsterisk
              {...form.getInputProps('newPassword')}
            />
            <PasswordInput
              label={t('account.setPassword.confirm')}
              autoComplete="new-password"
              withAsterisk
              {...form.getInputProps('confirm')}
            />
            <Group>
              <Button type="submit" loading={form.submitting}>
                {t('account.changePassword.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
