import { useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { ME_KEY, useMe, type Me } from '../../api/session.js';
import { apiErrorMessages } from '../../components/forms.js';
import { landingPath } from '../../components/landing.js';
import { useLang } from '../../i18n/index.js';
import '../../components/PublicPages.css';
import { focusFirstError } from '../../components/formFocus.js';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function LoginPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [params] = useSearchParams();
  const next = params.get('next');
  const qc = useQueryClient();
  const { data: me } = useMe();
  const [general, setGeneral] = useState<string | null>(null);
  const [linkSentTo, setLinkSentTo] = useState<string | null>(null);
  const [sendingLink, setSendingLink] = useState(false);
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) =>
        !v.trim() ? t('account.required') : EMAIL_PATTERN.test(v.trim()) ? null : t('account.invalidEmail'),
      password: (v) => (v ? null : t('account.required')),
    },
  });

  // Logged in (now or before): the session decides where to go.
  if (me) return <Navigate to={landingPath(me, next)} replace />;

  const submit = form.onSubmit(
    async (values) => {
      setGeneral(null);
      try {
        const { user } = await api<{ user: Me }>('POST', '/auth/login', {
          email: values.email.trim(),
          password: values.password,
        });
        // Every cached answer belonged to the anonymous visitor.
        qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
        qc.setQueryData(ME_KEY, user);
      } catch (err) {
        const { general: message, fields } = apiErrorMessages(err, lang);
        form.setErrors(fields);
        focusFirstError(form, fields);
        setGeneral(message);
      }
    },
    (errors) => focusFirstError(form, errors),
  );

  // "Kirim tautan masuk": works while password logins of the account are throttled.
  const sendLink = async () => {
    const email = form.values.email.trim();
    const problem = !email
      ? t('account.required')
      : EMAIL_PATTERN.test(email)
        ? null
        : t('account.invalidEmail');
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
    <Stack maw={440} mx="auto" py="md" gap="md" className="public-scope">
      <Title order={1}>{t('account.login.title')}</Title>
      <Text>{t('account.login.intro')}</Text>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {general && (
              <Alert role="alert" color="red" variant="light">
                {general}
              </Alert>
            )}
            <TextInput
              label={t('account.email')}
              type="email"
              autoComplete="username"
              withAsterisk
              {...form.getInputProps('email')}
            />
            <PasswordInput
              label={t('account.password')}
              autoComplete="current-password"
              withAsterisk
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={form.submitting} fullWidth>
              {t('account.login.submit')}
            </Button>
            <Anchor component={Link} to="/lupa-sandi" size="sm">
              {t('account.login.forgot')}
            </Anchor>
          </Stack>
        </form>
      </Paper>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
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
      </Paper>
      <Text size="sm" c="gray.8">
        <strong>{t('account.login.noAccount')}</strong> {t('account.login.noAccountText')}{' '}
        <Anchor component={Link} to="/permohonan-admin-lokal" inherit underline="always">
          {t('account.login.requestLink')}
        </Anchor>
        .
      </Text>
    </Stack>
  );
}
