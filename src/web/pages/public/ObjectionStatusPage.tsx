import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { ObjectionStatusView } from '../../../contracts/objections.js';
import { formatInstant } from '../../../domain/time.js';
import { api } from '../../api/client.js';
import { apiErrorMessages } from '../../components/forms.js';
import { focusFirstError } from '../../components/formFocus.js';
import { useLang } from '../../i18n/index.js';
import '../../components/PublicPages.css';

/** The uji publik runs on the organizer's clock; its mails say WIB. */
const ZONE = 'Asia/Jakarta';
/** Badge colours dark enough for white text (WCAG AA). */
const COLORS = {
  new: '#1c5d99',
  forwarded: '#5c3d99',
  dismissed: '#495057',
  upheld: '#1e6b32',
  rejected: '#a61e2d',
} as const;

function Result({ r }: { r: ObjectionStatusView }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [r]);
  const row = (label: string, value: string) => (
    <Text>
      <Text span fw={600}>
        {label}:
      </Text>{' '}
      {value}
    </Text>
  );
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" data-testid="objection-status">
      <Stack gap="sm">
        <Group gap="sm" justify="space-between">
          <Title order={2} size="h3" ref={heading} tabIndex={-1}>
            {t('objections.status.resultTitle', { number: r.number })}
          </Title>
          <Badge size="lg" color={COLORS[r.status]} variant="filled" style={{ textTransform: 'none' }}>
            {t(`objections.statusLabel.${r.status}`)}
          </Badge>
        </Group>
        {row(t('objections.status.finalist'), `${r.finalist.code} · ${r.finalist.title}`)}
        {row(t('objections.status.submittedAt'), formatInstant(r.submittedAt, ZONE, lang))}
        {r.decidedAt && row(t('objections.status.decidedAt'), formatInstant(r.decidedAt, ZONE, lang))}
        {r.reason && (
          <Alert color="gray" variant="light" title={t('objections.status.reason')}>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{r.reason}</Text>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

/** The filer's own check of an objection: its number (?nomor= from the mail's link) and e-mail. */
export function ObjectionStatusPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [params] = useSearchParams();
  const [general, setGeneral] = useState<string | null>(null);
  const [result, setResult] = useState<ObjectionStatusView | null>(null);
  const [pending, setPending] = useState(false);
  const form = useForm({
    mode: 'controlled',
    initialValues: { number: params.get('nomor') ?? '', email: '' },
    validate: {
      number: (v) => (v.trim() ? null : t('objections.status.required')),
      email: (v) => (v.trim() ? null : t('objections.status.required')),
    },
  });
  async function check(v: { number: string; email: string }) {
    setGeneral(null);
    setPending(true);
    try {
      setResult(
        await api<ObjectionStatusView>('POST', '/public/objections/status', {
          number: v.number.trim(),
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
        <Title order={1}>{t('objections.status.title')}</Title>
        <Text>{t('objections.status.intro')}</Text>
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
              label={t('objections.status.number')}
              description={t('objections.status.numberHint')}
              autoComplete="off"
              withAsterisk
              {...form.getInputProps('number')}
            />
            <TextInput
              label={t('objections.status.email')}
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
                {t('objections.status.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      {result && !pending && <Result r={result} />}
    </Stack>
  );
}
