import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert, Anchor, Button, Center, Loader, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../../domain/time.js';
import { ApiError, api } from '../../api/client.js';
import { ME_KEY, type Me } from '../../api/session.js';
import { browserTimeZone } from '../../components/Deadline.js';
import { landingPath } from '../../components/landing.js';
import { useLang } from '../../i18n/index.js';
import {
  AccountForm,
  AccountPage,
  NewPasswordFields,
  useAccountSubmit,
  useNewPasswordRules,
} from '../../components/AccountForm.js';

interface TokenInfo {
  purpose: 'reset' | 'set_password';
  email: string;
  name: string;
  expiresAt: string;
}

const TOKEN_CODES = ['token_invalid', 'token_expired', 'token_used'] as const;

/** Why a link cannot be used, with the way out: asking for a new one. */
function LinkProblem({ code, fallback }: { code: string; fallback?: string }) {
  const { t } = useTranslation();
  const known = (TOKEN_CODES as readonly string[]).includes(code);
  return (
    <AccountPage title={t('account.setPassword.invalidTitle')} maw={520}>
      <Alert role="alert" color="red" variant="light">
        {code === 'missing'
          ? t('account.setPassword.missing')
          : known
            ? t(`account.setPassword.${code}`)
            : (fallback ?? t('account.setPassword.token_invalid'))}
      </Alert>
      <div>
        <Button component={Link} to="/lupa-sandi">
          {t('account.setPassword.askNew')}
        </Button>
      </div>
    </AccountPage>
  );
}

/** Sets the first password of a new account, or a new one after a reset, through an e-mailed link. */
export function SetPasswordPage() {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const [params] = useSearchParams();
  const token = params.get('token')?.trim() ?? '';
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [linkError, setLinkError] = useState<string | null>(null);

  const info = useQuery({
    queryKey: ['password-token', token],
    queryFn: () => api<TokenInfo>('GET', `/auth/token?token=${encodeURIComponent(token)}`),
    enabled: token.length > 0,
    retry: false,
    staleTime: Infinity,
  });

  const form = useForm({
    mode: 'controlled',
    initialValues: { newPassword: '', confirm: '' },
    validate: useNewPasswordRules(),
  });
  const { submit, general } = useAccountSubmit(
    form,
    async ({ newPassword }) => {
      const { user } = await api<{ user: Me }>('POST', '/auth/password-reset/confirm', {
        token,
        newPassword,
      });
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      qc.setQueryData(ME_KEY, user);
      navigate(landingPath(user), { replace: true });
    },
    (err) => {
      if (!(err instanceof ApiError && (TOKEN_CODES as readonly string[]).includes(err.code))) return false;
      setLinkError(err.code);
      return true;
    },
  );

  if (!token) return <LinkProblem code="missing" />;
  if (linkError) return <LinkProblem code={linkError} />;
  if (info.isLoading)
    return (
      <Center py="xl">
        <Loader aria-label={t('account.setPassword.checking')} />
      </Center>
    );
  if (info.error || !info.data) {
    const err = info.error;
    return (
      <LinkProblem
        code={err instanceof ApiError ? err.code : 'token_invalid'}
        fallback={err instanceof ApiError ? pick(err.text) : undefined}
      />
    );
  }

  const { purpose, name, email, expiresAt } = info.data;
  const isNew = purpose === 'set_password';

  return (
    <AccountPage title={isNew ? t('account.setPassword.titleNew') : t('account.setPassword.titleReset')}>
      <Text fw={700} size="lg">
        {t('account.setPassword.greeting', { name })}
      </Text>
      <Text>
        {isNew ? t('account.setPassword.newAccount', { email }) : t('account.setPassword.reset', { email })}
      </Text>
      <Text size="sm" c="gray.7">
        {t('account.setPassword.validUntil', { time: formatInstant(expiresAt, browserTimeZone(), lang) })}
      </Text>
      <AccountForm
        onSubmit={submit}
        general={general}
        submitLabel={t('account.setPassword.submit')}
        submitting={form.submitting}
      >
        <NewPasswordFields form={form} username={email} />
      </AccountForm>
      <Anchor component={Link} to="/masuk" size="sm">
        {t('account.forgot.backToLogin')}
      </Anchor>
    </AccountPage>
  );
}
