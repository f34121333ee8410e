import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { ME_KEY, type Me } from '../../api/session.js';
import { apiErrorMessages } from '../../components/forms.js';
import { landingPath } from '../../components/landing.js';
import { useLang } from '../../i18n/index.js';
import { AccountCard, AccountPage } from '../../components/AccountForm.js';

/**
 * The page an e-mailed sign-in link opens. It signs in only when the person presses the button (a mail
 * scanner that follows the link uses nothing).
 */
export function SignInLinkPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [params] = useSearchParams();
  const token = params.get('token')?.trim() ?? '';
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [problem, setProblem] = useState<string | null>(token ? null : t('account.signInLink.missing'));
  const [busy, setBusy] = useState(false);

  const signIn = async () => {
    setBusy(true);
    try {
      const { user } = await api<{ user: Me }>('POST', '/auth/sign-in-link/confirm', { token });
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      qc.setQueryData(ME_KEY, user);
      navigate(landingPath(user, null), { replace: true });
    } catch (err) {
      const { general, fields } = apiErrorMessages(err, lang);
      setProblem(fields.token ?? general);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AccountPage title={problem ? t('account.signInLink.invalidTitle') : t('account.signInLink.title')}>
      <AccountCard>
        {problem ? (
          <Stack gap="md">
            <Alert role="alert" color="red" variant="light">
              {problem}
            </Alert>
            <div>
              <Button component={Link} to="/masuk">
                {t('account.signInLink.askAgain')}
              </Button>
            </div>
          </Stack>
        ) : (
          <Stack gap="md">
            <Text>{t('account.signInLink.intro')}</Text>
            <Button onClick={signIn} loading={busy}>
              {t('account.signInLink.submit')}
            </Button>
          </Stack>
        )}
      </AccountCard>
    </AccountPage>
  );
}
