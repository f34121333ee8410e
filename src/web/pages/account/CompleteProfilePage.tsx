import { useNavigate, useSearchParams } from 'react-router';
import { Alert, Badge, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { normalizePhone } from '../../../contracts/phone.js';
import { api } from '../../api/client.js';
import { ME_KEY, useMe, type Me } from '../../api/session.js';
import { landingPath } from '../../components/landing.js';
import { setLanguage, useLang } from '../../i18n/index.js';
import { AccountForm, AccountPage, useAccountSubmit } from '../../components/AccountForm.js';
import { PersonalDataSection } from './PersonalDataSection.js';

function ProfileForm({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const qc = useQueryClient();
  const completing = me.mustCompleteProfile;
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      name: me.name,
      position: me.position ?? '',
      phone: me.phone ?? '',
      locale: me.locale,
    },
    validate: {
      name: (v) => (v.trim() ? null : t('account.required')),
      position: (v) => (v.trim() ? null : t('account.required')),
      phone: (v) =>
        !v.trim()
          ? t('account.required')
          : normalizePhone(v) !== null
            ? null
            : t('account.profile.invalidPhone'),
    },
  });

  const { submit, general } = useAccountSubmit(form, async (values) => {
    const { user } = await api<{ user: Me }>('POST', '/auth/profile', {
      name: values.name.trim(),
      position: values.position.trim(),
      phone: values.phone.trim(),
      locale: values.locale,
    });
    qc.setQueryData(ME_KEY, user);
    await qc.invalidateQueries({ queryKey: ME_KEY });
    if (user.locale !== lang) setLanguage(user.locale);
    if (completing) navigate(landingPath(user, params.get('next')), { replace: true });
    else {
      form.resetDirty();
      notifications.show({
        color: 'green',
        message: t('account.profile.saved'),
        closeButtonProps: { 'aria-label': t('common.close') },
      });
    }
  });

  return (
    <AccountPage
      title={completing ? t('account.profile.titleComplete') : t('account.profile.title')}
      maw={640}
      centered={false}
    >
      {completing ? (
        <Alert color="sinovik" variant="light">
          {t('account.profile.completeIntro')}
        </Alert>
      ) : (
        <Text>{t('account.profile.intro')}</Text>
      )}
      <AccountForm
        onSubmit={submit}
        general={general}
        submitLabel={completing ? t('account.profile.submitComplete') : t('common.save')}
        submitting={form.submitting}
        submitInline
      >
        <TextInput label={t('account.email')} value={me.email} readOnly variant="filled" />
        <TextInput
          label={t('account.profile.name')}
          withAsterisk
          autoComplete="name"
          {...form.getInputProps('name')}
        />
        <TextInput
          label={t('account.profile.position')}
          withAsterisk
          autoComplete="organization-title"
          {...form.getInputProps('position')}
        />
        <TextInput
          label={t('account.profile.phone')}
          description={t('account.profile.phoneHint')}
          withAsterisk
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          {...form.getInputProps('phone')}
        />
        <Radio.Group label={t('account.profile.locale')} {...form.getInputProps('locale')}>
          <Group gap="lg" mt={6}>
            <Radio value="id" label="Bahasa Indonesia" />
            <Radio value="en" label="English" />
          </Group>
        </Radio.Group>
        {me.roles.length > 0 && (
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              {t('account.profile.roles')}
            </Text>
            <Group gap={6}>
              {me.roles.map((r, i) => (
                <Badge
                  key={i}
                  variant="light"
                  color="sinovik"
                  c="sinovik.9"
                  style={{ textTransform: 'none' }}
                >
                  {t(`common.roles.${r.role}`)}
                  {r.unitName ? ` · ${r.unitName}` : ''}
                  {r.institutionName ? ` · ${r.institutionName}` : ''}
                </Badge>
              ))}
            </Group>
          </Stack>
        )}
      </AccountForm>
      {!completing && <PersonalDataSection />}
    </AccountPage>
  );
}

/** First-login profile completion, and the profile page afterwards. */
export function CompleteProfilePage() {
  const { data: me } = useMe();
  if (!me) return null;
  return <ProfileForm key={me.id} me={me} />;
}
