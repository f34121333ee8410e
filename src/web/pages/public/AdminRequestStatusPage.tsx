import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { AdminRequestStatus } from '../../../contracts/admin-requests.js';
import { formatInstant } from '../../../domain/time.js';
import { api } from '../../api/client.js';
import { apiErrorMessages } from '../../components/forms.js';
import { focusFirstError } from '../../components/formFocus.js';
import { useLang } from '../../i18n/index.js';
import '../../components/PublicPages.css';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Requests are decided in WIB, as their receipt mail says. */
const ZONE = 'Asia/Jakarta';
/** Badge colours dark enough for white text (WCAG AA, at least 6:1). */
const COLORS = { pending: '#1c5d99', approved: '#1e6b32', rejected: '#a61e2d' } as const;

function Result({ r }: { r: AdminRequestStatus }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [r]);
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" data-testid="request-status">
      <Stack gap="sm">
        <Group gap="sm" justify="space-between">
          <Title order={2} size="h3" ref={heading} tabIndex={-1}>
            {t('public.adminRequestStatus.resultTitle', { number: r.number })}
          </Title>
          <Badge size="lg" color={COLORS[r.status]} variant="filled">
            {t(`public.adminRequestStatus.status.${r.status}`)}
          </Badge>
        </Group>
        <Text>
          <Text span fw={600}>
            {t('public.adminRequestStatus.institution')}:
          </Text>{' '}
          {r.institution}
        </Text>
        <Text>
          <Text span fw={600}>
            {t('public.adminRequestStatus.submittedAt')}:
          </Text>{' '}
          {formatInstant(r.submittedAt, ZONE, lang)}
        </Text>
        {r.decidedAt && (
          <Text>
            <Text span fw={600}>
              {t('public.adminRequestStatus.decidedAt')}:
            </Text>{' '}
            {formatInstant(r.decidedAt, ZONE, lang)}
          </Text>
        )}
        {r.reason && (
          <Alert color="red" variant="light" title={t('public.adminRequestStatus.reason')}>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{r.reason}</Text>
          </Alert>
        )}
        <Text>{t(`public.adminRequestStatus.next.${r.status}`)}</Text>
        {r.status === 'approved' && (
          <Group>
            <Button component={Link} to="/masuk" variant="light">
              {t('public.adminRequestStatus.login')}
            </Button>
          </Group>
        )}
        {r.status === 'rejected' && (
          <Group>
            <Button component={Link} to="/permohonan-admin-lokal" variant="light">
              {t('public.adminRequestStatus.newRequest')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * The requester's own check of an admin lokal account request: the number from the receipt mail (filled in
 * from the mail's link, ?nomor=) and the e-mail it was made with. The server answers the same for a wrong
 * number and a wrong address, and slows guessing.
 */
export function AdminRequestStatusPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [params] = useSearchParams();
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { number: (params.get('nomor') ?? '').replace(/\D/g, ''), email: '' },
    validate: {
      number: (v) =>
        !v.trim()
          ? t('public.adminRequestStatus.required')
          : /^\d+$/.test(v.trim())
            ? null
            : t('public.adminRequestStatus.invalidNumber'),
      email: (v) =>
        !v.trim()
          ? t('public.adminRequestStatus.required')
          : EMAIL_PATTERN.test(v.trim())
            ? null
            : t('public.adminRequestStatus.invalidEmail'),
    },
  });
  // A plain request, not a react-query mutation: this public page stays out of the query library's
  // mutation code (the home page's first load shares the rest of it).
  const [result, setResult] = useState<AdminRequestStatus | null>(null);
  const [pending, setPending] = useState(false);
  async function check(v: { number: string; email: string }) {
    setGeneral(null);
    setPending(true);
    try {
      setResult(
        await api<AdminRequestStatus>('POST', '/admin-requests/status', {
          number: Number(v.number.trim()),
          email: v.email.trim(),
        }),
      );
    } catch (err) {
      setResult(null);
      const { general: message, fields } = apiErrorMessages(err, lang);
      if (Object.keys(fields).length) form.setErrors(fields);
      else setGeneral(message);
    } finally {
      setPending(false);
    }
  }

  return (
    <Stack gap="lg" maw={640} className="public-scope">
      <Stack gap="xs">
        <Title order={1}>{t('public.adminRequestStatus.title')}</Title>
        <Text>{t('public.adminRequestStatus.intro')}</Text>
      </Stack>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
        <form
          noValidate
          onSubmit={form.onSubmit(
            (v) => void check(v),
            (errors) => focusFirstError(form, errors),
          )}
        >
          <Stack gap="md">
            <TextInput
              label={t('public.adminRequestStatus.number')}
              description={t('public.adminRequestStatus.numberHint')}
              inputMode="numeric"
              autoComplete="off"
              withAsterisk
              {...form.getInputProps('number')}
            />
            <TextInput
              label={t('public.adminRequestStatus.email')}
              type="email"
              autoComplete="email"
              withAsterisk
              {...form.getInputProps('email')}
            />
            {general && (
              <Alert color="red" role="alert">
                {general}
              </Alert>
            )}
            <Group>
              <Button type="submit" loading={pending}>
                {t('public.adminRequestStatus.submit')}
              </Button>
              <Anchor component={Link} to="/permohonan-admin-lokal">
                {t('public.adminRequestStatus.newRequest')}
              </Anchor>
            </Group>
          </Stack>
        </form>
      </Paper>
      {result && !pending && <Result r={result} />}
    </Stack>
  );
}
