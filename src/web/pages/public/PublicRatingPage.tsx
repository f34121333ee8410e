import { useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { Alert, Anchor, Button, Group, Paper, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PublicRatingPage as PageData } from '../../../contracts/public-ratings.js';
import { formatInstant } from '../../../domain/time.js';
import { api } from '../../api/client.js';
import { apiErrorMessages } from '../../components/forms.js';
import { useLang } from '../../i18n/index.js';
import { RatingWindowNotice } from '../../components/RatingWindowNotice.js';
import '../../components/PublicPages.css';

function Verify({ id, onVerified }: { id: number; onVerified: () => void }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [params, setParams] = useSearchParams();
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const [requestId, setRequestId] = useState<number | null>(null);
  const [error, setError] = useState<{ field: string | null; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const codeInput = useRef<HTMLInputElement>(null);

  const fail = (err: unknown) => {
    const { general, fields } = apiErrorMessages(err, lang);
    const field = Object.keys(fields)[0] ?? null;
    setError({ field, text: field ? fields[field]! : general });
  };
  async function verify(req: number, value: string) {
    setPending(true);
    setError(null);
    try {
      await api('POST', `/public/competitions/${id}/public-ratings/verify`, { requestId: req, code: value });
      onVerified();
    } catch (err) {
      fail(err);
    } finally {
      setPending(false);
    }
  }
  // The link in the mail carries the request and the code: verified on opening, then taken off the address.
  const linkReq = Number(params.get('permintaan'));
  const linkCode = params.get('kode');
  useEffect(() => {
    if (linkReq && linkCode) {
      setParams({}, { replace: true });
      void verify(linkReq, linkCode);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function send() {
    setPending(true);
    setError(null);
    try {
      const res = await api<{ requestId: number }>('POST', `/public/competitions/${id}/public-ratings/code`, {
        email,
        locale: lang,
      });
      setRequestId(res.requestId);
      setTimeout(() => codeInput.current?.focus(), 0);
    } catch (err) {
      fail(err);
    } finally {
      setPending(false);
    }
  }
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('publicRatings.page.verifyTitle')}
        </Title>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
        >
          <Stack gap="sm">
            <TextInput
              label={t('publicRatings.page.email')}
              description={t('publicRatings.page.emailHint')}
              type="email"
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={error?.field === 'email' ? error.text : undefined}
            />
            <Group>
              <Button
                type="submit"
                loading={pending && requestId === null}
                variant={requestId ? 'default' : 'filled'}
              >
                {t('publicRatings.page.sendCode')}
              </Button>
            </Group>
          </Stack>
        </form>
        {requestId !== null && (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void verify(requestId, code.trim());
            }}
          >
            <Stack gap="sm">
              <Text size="sm" role="status">
                {t('publicRatings.page.codeSent', { email })}
              </Text>
              <TextInput
                ref={codeInput}
                label={t('publicRatings.page.code')}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                error={error?.field === 'code' ? error.text : undefined}
              />
              <Group>
                <Button type="submit" loading={pending}>
                  {t('publicRatings.page.verify')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {error && error.field === null && (
          <Alert color="red" role="alert">
            {error.text}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function FinalistCard({
  id,
  f,
  canRate,
}: {
  id: number;
  f: PageData['finalists'][number];
  canRate: boolean;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [value, setValue] = useState<string | null>(f.myRating ? String(f.myRating) : null);
  const [saved, setSaved] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function rate(v: string) {
    setValue(v);
    setError(null);
    try {
      await api('PUT', `/public/competitions/${id}/public-ratings/ratings`, {
        proposalId: f.proposalId,
        value: Number(v),
      });
      setSaved(Number(v));
    } catch (err) {
      setError(apiErrorMessages(err, lang).general);
    }
  }
  const category = lang === 'en' ? (f.categoryEn ?? f.category) : f.category;
  return (
    <Paper withBorder p="md" radius="md" component="article" data-testid={`finalist-${f.proposalId}`}>
      <Stack gap="xs">
        <Title order={3} size="h4">
          {f.title}
        </Title>
        <Text size="sm" c="dimmed">
          {f.institution} · {lang === 'en' ? f.groupEn : f.group}
          {category ? ` · ${t('publicRatings.page.category')}: ${category}` : ''}
        </Text>
        {f.summary && <Text size="sm">{f.summary}</Text>}
        {canRate && (
          <Radio.Group
            label={t('publicRatings.page.rateLabel', { title: f.title })}
            value={value}
            onChange={(v) => void rate(v)}
            error={error}
          >
            <Group gap="md" mt={4}>
              {[1, 2, 3, 4, 5].map((n) => (
                <Radio
                  key={n}
                  value={String(n)}
                  label={String(n)}
                  aria-label={t('publicRatings.page.star', { value: n })}
                />
              ))}
            </Group>
          </Radio.Group>
        )}
        {saved !== null && (
          <Text size="sm" fw={600} c="#1b5e20" role="status">
            ✓ {t('publicRatings.page.saved', { value: saved })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * The public's rating of the finalists' kebermanfaatan (no account): the window with hour and zone, the
 * e-mail verification by a 6-digit code (or the mail's link), then a 1–5 choice per finalist, saved on
 * each choice. Always says that the rating is an input to the panel, never the decision.
 */
export function PublicRatingPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const id = Number(useParams().id);
  const client = useQueryClient();
  const q = useQuery({
    queryKey: ['public-rating', id],
    queryFn: () => api<PageData>('GET', `/public/competitions/${id}/public-ratings`),
  });
  const data = q.data;
  const open = data?.window.state === 'open';
  return (
    <Stack gap="lg" maw={760} className="public-scope">
      <Stack gap="xs">
        <Title order={1}>{t('publicRatings.page.title')}</Title>
        {data && <Text>{t('publicRatings.page.intro', { competition: data.competition.name })}</Text>}
        <Anchor component={Link} to={`/kompetisi/${id}`} size="sm">
          ← {data?.competition.name ?? ''}
        </Anchor>
      </Stack>
      {q.isError && <Alert color="red">{apiErrorMessages(q.error, lang).general}</Alert>}
      {data && <RatingWindowNotice window={data.window} />}
      {data && (
        <Text size="sm" fw={500}>
          {t('publicRatings.page.notice')}
        </Text>
      )}
      {data && open && !data.verified && (
        <Verify
          id={id}
          onVerified={() => void client.invalidateQueries({ queryKey: ['public-rating', id] })}
        />
      )}
      {data?.verified && data.sessionExpiresAt && (
        <Alert color="green" role="status">
          {t('publicRatings.page.verified', {
            until: formatInstant(data.sessionExpiresAt, data.window.timeZone, lang),
          })}
        </Alert>
      )}
      {data && data.window.state !== 'off' && (
        <Stack gap="sm">
          {open && data.verified && (
            <Title order={2} size="h3">
              {t('publicRatings.page.rateTitle')}
            </Title>
          )}
          {data.finalists.length === 0 && <Text>{t('publicRatings.page.noFinalists')}</Text>}
          {data.finalists.map((f) => (
            <FinalistCard
              key={`${f.proposalId}:${f.myRating ?? ''}`}
              id={id}
              f={f}
              canRate={open && data.verified}
            />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
