import { useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  FileInput,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  GROUNDS_MAX,
  GROUNDS_MIN,
  OBJECTION_EVIDENCE_FIELD,
  type ObjectionForm,
  type objectionCreatedResponse,
} from '../../../contracts/objections.js';
import { formatInstant } from '../../../domain/time.js';
import { api } from '../../api/client.js';
import { apiErrorMessages } from '../../components/forms.js';
import { focusFirstError } from '../../components/formFocus.js';
import { useLang } from '../../i18n/index.js';
import '../../components/PublicPages.css';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
type Created = z.infer<typeof objectionCreatedResponse>;

interface Values {
  proposalId: string | null;
  name: string;
  email: string;
  phone: string;
  grounds: string;
  evidence: File | null;
  declaration: boolean;
}

function Sent({ created, email, onAnother }: { created: Created; email: string; onAnother: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md" data-testid="objection-sent">
      <Stack gap="md">
        <Title order={2} size="h3" ref={heading} tabIndex={-1}>
          {t('objections.form.sentTitle')}
        </Title>
        <Text>{t('objections.form.sentText', { number: created.number, email })}</Text>
        <Group>
          <Button component={Link} to={`/uji-publik/status?nomor=${encodeURIComponent(created.number)}`}>
            {t('objections.form.checkStatus')}
          </Button>
          <Button variant="default" onClick={onAnother}>
            {t('objections.form.another')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Where the window stands, with hour and zone. */
function WindowNotice({ data }: { data: ObjectionForm }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const w = data.window;
  const at = (iso: string | null) => (iso ? formatInstant(iso, w.timeZone, lang) : '');
  if (!data.published) return <Alert color="yellow">{t('objections.form.notPublished')}</Alert>;
  if (w.state === 'open')
    return <Alert color="blue">{t('objections.form.windowOpen', { closes: at(w.closesAt) })}</Alert>;
  if (w.state === 'before')
    return (
      <Alert color="yellow">
        {t('objections.form.windowBefore', { opens: at(w.opensAt), closes: at(w.closesAt) })}
      </Alert>
    );
  if (w.state === 'closed')
    return <Alert color="gray">{t('objections.form.windowClosed', { closes: at(w.closesAt) })}</Alert>;
  return <Alert color="gray">{t('objections.form.windowUnscheduled')}</Alert>;
}

/**
 * The public objection form of the uji publik (no account): which finalist (searchable, or preselected by
 * ?finalis=<proposal id> from the finalist's line in the announcement), name, e-mail, phone, grounds, an
 * optional evidence file and the declaration. Fields are checked here and again by the server, whose
 * field messages are shown beside their fields.
 */
export function ObjectionFormPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const id = Number(useParams().id);
  const [params] = useSearchParams();
  const q = useQuery({
    queryKey: ['objection-form', id],
    queryFn: () => api<ObjectionForm>('GET', `/public/competitions/${id}/objections/form`),
  });
  const [general, setGeneral] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [created, setCreated] = useState<{ created: Created; email: string } | null>(null);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      proposalId: params.get('finalis'),
      name: '',
      email: '',
      phone: '',
      grounds: '',
      evidence: null,
      declaration: false,
    },
    validate: {
      proposalId: (v) => (v ? null : t('objections.form.required')),
      name: (v) => (v.trim() ? null : t('objections.form.required')),
      email: (v) =>
        !v.trim()
          ? t('objections.form.required')
          : EMAIL_PATTERN.test(v.trim())
            ? null
            : t('objections.form.invalidEmail'),
      grounds: (v) =>
        !v.trim()
          ? t('objections.form.required')
          : v.trim().length < GROUNDS_MIN
            ? t('objections.form.tooShort', { min: GROUNDS_MIN })
            : null,
      declaration: (v) => (v ? null : t('objections.form.mustDeclare')),
    },
  });

  async function send(v: Values) {
    setGeneral(null);
    setPending(true);
    const body = new FormData();
    body.append('proposalId', v.proposalId ?? '');
    body.append('name', v.name);
    body.append('email', v.email.trim());
    body.append('phone', v.phone);
    body.append('grounds', v.grounds);
    body.append('declaration', v.declaration ? 'true' : '');
    body.append('locale', lang);
    // The file last: the server checks the fields before it stores a byte.
    if (v.evidence) body.append(OBJECTION_EVIDENCE_FIELD, v.evidence);
    try {
      const res = await api<Created>('POST', `/public/competitions/${id}/objections`, body);
      setCreated({ created: res, email: v.email.trim() });
    } catch (err) {
      const { general: message, fields } = apiErrorMessages(err, lang);
      if (Object.keys(fields).length) form.setErrors(fields);
      setGeneral(message);
    } finally {
      setPending(false);
    }
  }

  const data = q.data;
  const open = data?.published && data.window.state === 'open';
  return (
    <Stack gap="lg" maw={720} className="public-scope">
      <Stack gap="xs">
        <Title order={1}>{t('objections.form.title')}</Title>
        {data && <Text>{t('objections.form.intro', { competition: data.competition.name })}</Text>}
        <Anchor component={Link} to={`/kompetisi/${id}`} size="sm">
          ← {data?.competition.name ?? ''}
        </Anchor>
      </Stack>
      {q.isError && <Alert color="red">{apiErrorMessages(q.error, lang).general}</Alert>}
      {data && <WindowNotice data={data} />}
      {created ? (
        <Sent
          created={created.created}
          email={created.email}
          onAnother={() => {
            form.reset();
            setCreated(null);
          }}
        />
      ) : (
        data &&
        open && (
          <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
            <form
              noValidate
              onSubmit={form.onSubmit(
                (v) => void send(v),
                (errors) => focusFirstError(form, errors),
              )}
            >
              <Stack gap="md">
                <Select
                  label={t('objections.form.finalist')}
                  description={t('objections.form.finalistHint')}
                  searchable
                  withAsterisk
                  nothingFoundMessage="—"
                  data={data.finalists.map((f) => ({
                    value: String(f.proposalId),
                    label: `${f.code} · ${f.title} · ${f.institution}`,
                  }))}
                  {...form.getInputProps('proposalId')}
                />
                <TextInput
                  label={t('objections.form.name')}
                  autoComplete="name"
                  withAsterisk
                  {...form.getInputProps('name')}
                />
                <TextInput
                  label={t('objections.form.email')}
                  description={t('objections.form.emailHint')}
                  type="email"
                  autoComplete="email"
                  withAsterisk
                  {...form.getInputProps('email')}
                />
                <TextInput
                  label={t('objections.form.phone')}
                  type="tel"
                  autoComplete="tel"
                  {...form.getInputProps('phone')}
                />
                <Textarea
                  label={t('objections.form.grounds')}
                  description={t('objections.form.groundsHint', { min: GROUNDS_MIN, max: GROUNDS_MAX })}
                  autosize
                  minRows={5}
                  maxLength={GROUNDS_MAX}
                  withAsterisk
                  {...form.getInputProps('grounds')}
                />
                <FileInput
                  label={t('objections.form.evidence')}
                  description={t('objections.form.evidenceHint')}
                  accept="application/pdf,image/jpeg,image/png"
                  clearable
                  {...form.getInputProps(OBJECTION_EVIDENCE_FIELD)}
                />
                <Checkbox
                  label={t('objections.form.declaration')}
                  {...form.getInputProps('declaration', { type: 'checkbox' })}
                />
                {general && (
                  <Alert color="red" role="alert">
                    {general}
                  </Alert>
                )}
                <Group>
                  <Button type="submit" loading={pending}>
                    {t('objections.form.submit')}
                  </Button>
                  <Anchor component={Link} to="/uji-publik/status">
                    {t('objections.form.checkStatus')}
                  </Anchor>
                </Group>
              </Stack>
            </form>
          </Paper>
        )
      )}
    </Stack>
  );
}
