import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMailCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { useLang } from '../../i18n/index.js';
import {
  AccountCard,
  AccountForm,
  AccountPage,
  EmailField,
  useAccountSubmit,
  useEmailRule,
} from '../../components/AccountForm.js';

function Sent({ email, onAgain }: { email: string; onAgain: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <AccountCard>
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
    </AccountCard>
  );
}

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '' },
    validate: { email: useEmailRule() },
  });
  const { submit, general } = useAccountSubmit(form, async ({ email }) => {
    await api('POST', '/auth/password-reset/request', { email: email.trim(), locale: lang });
    setSentTo(email.trim());
  });

  return (
    <AccountPage title={t('account.forgot.title')}>
      {sentTo ? (
        <Sent email={sentTo} onAgain={() => setSentTo(null)} />
      ) : (
        <>
          <Text>{t('account.forgot.intro')}</Text>
          <AccountForm
            onSubmit={submit}
            general={general}
            submitLabel={t('account.forgot.submit')}
            submitting={form.submitting}
            link={{ to: '/masuk', label: t('account.forgot.backToLogin') }}
          >
            <EmailField autoComplete="email" {...form.getInputProps('email')} />
          </AccountForm>
        </>
      )}
    </AccountPage>
  );
}
