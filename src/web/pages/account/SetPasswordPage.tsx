import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  Alert,
  Anchor,
  Button,
  Center,
  Loader,
  Paper,
  PasswordInput,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../../domain/time.js';
import { MIN_PASSWORD_LENGTH } from '../../../domain/password-length.js';
import { ApiError, api } from '../../api/client.js';
import { ME_KEY, type Me } from '../../api/session.js';
import { browserTimeZone } from '../../components/Deadline.js';
import { apiErrorMessages } from '../../components/forms.js';
import { landingPath } from '../../components/landing.js';
import { useLang } from '../../i18n/index.js';
import '../../components/PublicPages.css';
import { focusFirstError } from '../../components/formFocus.js';

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
    <Stack maw={520} mx="auto" py="md" gap="md" className="public-scope">
      <Title order={1}>{t('account.setPassword.invalidTitle')}</Title>
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
    </Stack>
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
  const [general, setGeneral] = useState<string | null>(null);
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
    validate: {
      newPassword: (v) => (v.length >= MIN_PASSWORD_LENGTH ? null : t('account.setPassword.tooShort')),
      confirm: (v, values) => (v === values.newPassword ? null : t('account.setPassword.mismatch')),
    },
  });

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

  const submit = form.onSubmit(
    async ({ newPassword }) => {
      setGeneral(null);
      try {
        const { user } = await api<{ user: Me }>('POST', '/auth/password-reset/confirm', {
          token,
          newPassword,
        });
        qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
        qc.setQueryData(ME_KEY, user);
        navigate(landingPath(user), { replace: true });
      } catch (err) {
        if (err instanceof ApiError && (TOKEN_CODES as readonly string[]).includes(err.code)) {
          setLinkError(err.code);
          return;
        }
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
      <Title order={1}>
        {isNew ? t('account.setPassword.titleNew') : t('account.setPassword.titleReset')}
      </Title>
      <Text fw={700} size="lg">
        {t('account.setPassword.greeting', { name })}
      </Text>
      <Text>
        {isNew ? t('account.setPassword.newAccount', { email }) : t('account.setPassword.reset', { email })}
      </Text>
      <Text size="sm" c="gray.7">
        {t('account.setPassword.validUntil', { time: formatInstant(expiresAt, browserTimeZone(), lang) })}
      </Text>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {general && (
              <Alert role="alert" color="red" variant="light">
                {general}
              </Alert>
            )}
            {/* Lets password managers store the new password under the right account. */}
            <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
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
            <Button type="submit" loading={form.submitting}>
              {t('account.setPassword.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
      <Anchor component={Link} to="/masuk" size="sm">
        {t('account.forgot.backToLogin')}
      </Anchor>
    </Stack>
  );
}
