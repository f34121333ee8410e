import { useState } from 'react';
import { Alert, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { useMe } from '../../api/session.js';
import {
  AccountForm,
  AccountPage,
  NewPasswordFields,
  PasswordField,
  useAccountSubmit,
  useNewPasswordRules,
} from '../../components/AccountForm.js';

/** Changes the password of the signed-in person; the server ends their other sessions. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [done, setDone] = useState(false);
  const form = useForm({
    mode: 'controlled',
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validate: {
      currentPassword: (v) => (v ? null : t('account.required')),
      ...useNewPasswordRules(),
    },
  });
  const { submit, general } = useAccountSubmit(form, async ({ currentPassword, newPassword }) => {
    setDone(false);
    await api('POST', '/auth/password', { currentPassword, newPassword });
    form.reset();
    setDone(true);
  });

  return (
    <AccountPage title={t('account.changePassword.title')} centered={false}>
      <Text>{t('account.changePassword.intro')}</Text>
      <AccountForm
        onSubmit={submit}
        general={general}
        submitLabel={t('account.changePassword.submit')}
        submitting={form.submitting}
        submitInline
      >
        {done && (
          <Alert role="status" color="green" variant="light">
            {t('account.changePassword.done')}
          </Alert>
        )}
        <PasswordField
          label={t('account.changePassword.current')}
          autoComplete="current-password"
          {...form.getInputProps('currentPassword')}
        />
        <NewPasswordFields form={form} username={me?.email ?? ''} />
      </AccountForm>
    </AccountPage>
  );
}
