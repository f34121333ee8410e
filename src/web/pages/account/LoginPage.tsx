import { useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { ME_KEY, useMe, type Me } from '../../api/session.js';
import { apiErrorMessages } from '../../components/forms.js';
import { landingPath } from '../../components/landing.js';
import { useLang } from '../../i18n/index.js';
import { focusFirstError } from '../../components/formFocus.js';
import {
  AccountCard,
  AccountForm,
  AccountPage,
  EmailField,
  PasswordField,
  useAccountSubmit,
  useEmailRule,
} from '../../components/AccountForm.js';

export function LoginPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [params] = useSearchParams();
  const next = params.get('next');
  const qc = useQueryClient();
  const { data: me } = useMe();
  const [linkSentTo, setLinkSentTo] = useState<string | null>(null);
  const [sendingLink, setSendingLink] = useState(false);
  const emailRule = useEmailRule();
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '', password: '' },
    validate: {
      email: emailRule,
      password: (v) => (v ? null : t('account.required')),
    },
  });
  const { submit, general, setGeneral } = useAccountSubmit(form, async (values) => {
    const { user } = await api<{ user: Me }>('POST', '/auth/login', {
      email: values.email.trim(),
      password: values.password,
    });
    // Every cached answer belonged to the anonymous visitor.
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
    qc.setQueryData(ME_KEY, user);
  });

  // Logged in (now or before): the session decides where to go.
  if (me) return <Navigate to={landingPath(me, next)} replace />;

  // "Kirim tautan masuk": works while password logins of the account are throttled.
  const sendLink = async () => {
    const email = form.values.email.trim();
    const problem = emailRule(email);
    if (problem) {
      form.setFieldError('email', problem);
      focusFirstError(form, { email: problem });
      return;
    }
    setSendingLink(true);
    try {
      await api('POST', '/auth/sign-in-link', { email, locale: lang });
      setLinkSentTo(email);
    } catch (err) {
      setGeneral(apiErrorMessages(err, lang).general);
    } finally {
      setSendingLink(false);
    }
  };

  return (
    <AccountPage title={t('account.login.title')} maw={440}>
      <Text>{t('account.login.intro')}</Text>
      <AccountForm
        onSubmit={submit}
        general={general}
        submitLabel={t('account.login.submit')}
        submitting={form.submitting}
        link={{ to: '/lupa-sandi', label: t('account.login.forgot') }}
      >
        <EmailField autoComplete="username" {...form.getInputProps('email')} />
        <PasswordField
          label={t('account.password')}
          autoComplete="current-password"
          {...form.getInputProps('password')}
        />
      </AccountForm>
      <AccountCard>
        <Stack gap="sm">
          <Text size="sm">{t('account.login.linkIntro')}</Text>
          {linkSentTo ? (
            <Alert role="status" color="green" variant="light">
              {t('account.login.linkSent', { email: linkSentTo })}
            </Alert>
          ) : (
            <Button variant="light" onClick={sendLink} loading={sendingLink}>
              {t('account.login.sendLink')}
            </Button>
          )}
        </Stack>
      </AccountCard>
      <Text size="sm" c="gray.8">
        <strong>{t('account.login.noAccount')}</strong> {t('account.login.noAccountText')}{' '}
        <Anchor component={Link} to="/permohonan-admin-lokal" inherit underline="always">
          {t('account.login.requestLink')}
        </Anchor>
        .
      </Text>
    </AccountPage>
  );
}
