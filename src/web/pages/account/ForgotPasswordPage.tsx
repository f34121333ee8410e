import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Alert, Anchor, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMailCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { apiErrorMessages } from '../../components/forms.js';
import { useLang } from '../../i18n/index.js';
import '../../components/PublicPages.css';
import { focusFirstError } from '../../components/formFocus.js';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function Sent({ email, onAgain }: { email: string; onAgain: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
      <Stack gap="sm">
        <Group gap="sm" wrap="nowrap">
          <IconMailCheck size={28} color="var(--mantine-color-green-8)" aria-hidden />
          <Title order={2} size="h3" ref={heading} tabIndex={-1}>
            {t('account.forgot.sentTitle')}
          </Title>
        </Group>
        <Text>{t('account.forgot.sent', { email })}</Text>
        <Group gap="md">
          <Button variant="light" onClick={onAgain}>
            {t('account.forgot.again')}
          </Button>
          <Anchor component={Link} to="/masuk">
            {t('account.forgot.backToLogin')}
          </Anchor>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '' },
    validate: {
      email: (v) =>
        !v.trim() ? t('account.required') : EMAIL_PATTERN.test(v.trim()) ? null : t('account.invalidEmail'),
    },
  });

  const submit = form.onSubmit(
    async ({ email }) => {
      setGeneral(null);
      try {
        await api('POST', '/auth/password-reset/request', { email: email.trim(), locale: lang });
        setSentTo(email.trim());
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
    <Stack maw={480} mx="auto" py="md" gap="md" className="public-scope">
      <Title order={1}>{t('account.forgot.title')}</Title>
      {sentTo ? (
        <Sent email={sentTo} onAgain={() => setSentTo(null)} />
      ) : (
        <>
          <Text>{t('account.forgot.intro')}</Text>
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
                  autoComplete="email"
                  withAsterisk
                  {...form.getInputProps('email')}
                />
                <Button type="submit" loading={form.submitting}>
                  {t('account.forgot.submit')}
                </Button>
                <Anchor component={Link} to="/masuk" size="sm">
                  {t('account.forgot.backToLogin')}
                </Anchor>
              </Stack>
            </form>
          </Paper>
        </>
      )}
    </Stack>
  );
}
