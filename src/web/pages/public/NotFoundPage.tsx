import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/session.js';
import { landingPathFor } from '../../routing/landing.js';

/**
 * Every address the app does not have, and every row the API answers 404 or 403 for: one page that says so
 * (without telling whether the row exists) and leads home — the person's own home when signed in. A page
 * of the app that the person's roles do not open (`forbidden`) says that instead: the page is no secret.
 */
export function NotFoundPage({ forbidden = false }: { forbidden?: boolean }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const home = me && !me.mustCompleteProfile ? landingPathFor(me) : '/';
  return (
    <Stack gap="md" py="xl" maw={640}>
      <Title order={1}>
        {t(forbidden ? 'common.notFoundPage.forbiddenTitle' : 'common.notFoundPage.title')}
      </Title>
      {forbidden ? (
        <Text role="alert">{t('common.forbidden')}</Text>
      ) : (
        <Text>{t('common.notFoundPage.body')}</Text>
      )}
      <Text>{t('common.notFoundPage.hint')}</Text>
      <Anchor component={Link} to={home} fw={600}>
        {t('common.notFoundPage.home')}
      </Anchor>
    </Stack>
  );
}
