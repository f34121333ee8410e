import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import {
  Alert,
  Anchor,
  Button,
  FileInput,
  Group,
  List,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCircleCheck, IconFileTypePdf } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  ADMIN_REQUEST_LETTER_MAX_BYTES,
  type adminRequestCreatedResponse,
} from '../../../contracts/admin-requests.js';
import { normalizePhone } from '../../../contracts/phone.js';
import { INSTITUTION_TYPE_LABELS, type Institution } from '../../../contracts/institutions.js';
import { api, upload } from '../../api/client.js';
import { apiErrorMessages } from '../../components/forms.js';
import { useLang } from '../../i18n/index.js';
import '../../components/PublicPages.css';
import { focusFirstError } from '../../components/formFocus.js';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface Values {
  institutionId: string | null;
  name: string;
  position: string;
  email: string;
  phone: string;
  letterNumber: string;
  letter: File | null;
}

type Created = z.infer<typeof adminRequestCreatedResponse>;

/** Institutions matching what was typed; the chosen one stays an option while the search changes. */
function useInstitutionSearch(selected: Institution | null) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const { data, isFetching } = useQuery({
    queryKey: ['institutions', 'search', debounced],
    queryFn: () =>
      api<{ items: Institution[]; total: number }>(
        'GET',
        `/institutions?q=${encodeURIComponent(debounced)}&pageSize=30`,
      ),
    enabled: debounced.length >= 2,
    staleTime: 60_000,
  });
  const items = debounced.length >= 2 ? (data?.items ?? []) : [];
  const options = selected && !items.some((i) => i.id === selected.id) ? [selected, ...items] : items;
  return { search, setSearch, options, searching: isFetching, ready: debounced.length >= 2 };
}

function SuccessPanel({ email }: { email: string }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md" bd="2px solid green.8">
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon size={40} radius="xl" color="green.8" aria-hidden>
            <IconCircleCheck size={24} />
          </ThemeIcon>
          <Title order={2} ref={heading} tabIndex={-1}>
            {t('public.adminRequest.successTitle')}
          </Title>
        </Group>
        <Text>{t('public.adminRequest.successText', { email })}</Text>
        <List spacing="xs">
          <List.Item>{t('public.adminRequest.successNext1')}</List.Item>
          <List.Item>{t('public.adminRequest.successNext2')}</List.Item>
          <List.Item>{t('public.adminRequest.successNext3')}</List.Item>
        </List>
        <Group>
          <Button component={Link} to="/permohonan-admin-lokal/status" variant="light">
            {t('public.adminRequest.checkStatus')}
          </Button>
          <Button component={Link} to="/" variant="subtle">
            {t('public.adminRequest.backHome')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function AdminRequestFormPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [selected, setSelected] = useState<Institution | null>(null);
  const { setSearch, search, options, searching, ready } = useInstitutionSearch(selected);
  const [progress, setProgress] = useState<number | null>(null);
  const [general, setGeneral] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      institutionId: null,
      name: '',
      position: '',
      email: '',
      phone: '',
      letterNumber: '',
      letter: null,
    },
    validate: {
      institutionId: (v) => (v ? null : t('public.adminRequest.chooseInstitution')),
      name: (v) => (v.trim() ? null : t('public.adminRequest.required')),
      position: (v) => (v.trim() ? null : t('public.adminRequest.required')),
      email: (v) =>
        !v.trim()
          ? t('public.adminRequest.required')
          : EMAIL_PATTERN.test(v.trim())
            ? null
            : t('public.adminRequest.invalidEmail'),
      phone: (v) =>
        !v.trim()
          ? t('public.adminRequest.required')
          : normalizePhone(v) !== null
            ? null
            : t('public.adminRequest.invalidPhone'),
      letter: (f) => {
        if (!f) return t('public.adminRequest.fileRequired');
        const isPdf = f.type === 'application/pdf' || f.name.toLowerCase().endsWith('.pdf');
        if (!isPdf) return t('public.adminRequest.fileType');
        if (f.size > ADMIN_REQUEST_LETTER_MAX_BYTES) return t('public.adminRequest.fileSize');
        return null;
      },
    },
    validateInputOnChange: ['letter'],
  });

  // A refusal without field problems (rate limit, network) shows only in the alert, far above the button.
  const fieldProblem = Object.values(form.errors).some(Boolean);
  useEffect(() => {
    if (general && !fieldProblem) alertRef.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [general, fieldProblem]);

  const submit = form.onSubmit(
    async (values) => {
      setGeneral(null);
      const body = new FormData();
      body.append('institutionId', values.institutionId ?? '');
      body.append('name', values.name.trim());
      body.append('position', values.position.trim());
      body.append('email', values.email.trim());
      body.append('phone', values.phone.trim());
      body.append('letterNumber', values.letterNumber.trim());
      body.append('locale', lang);
      // The file goes last so the server has every field before it reads the upload stream.
      body.append('letter', values.letter as File);
      setProgress(0);
      try {
        setCreated(await upload<Created>('/admin-requests', body, setProgress));
        window.scrollTo({ top: 0 });
      } catch (err) {
        const { general: message, fields } = apiErrorMessages(err, lang);
        const status = (err as { status?: number }).status;
        if ((status === 413 || status === 415) && !fields.letter) fields.letter = message;
        form.setErrors(fields);
        focusFirstError(form, fields);
        setGeneral(message);
      } finally {
        setProgress(null);
      }
    },
    (errors) => focusFirstError(form, errors),
  );

  if (created)
    return (
      <Stack gap="lg" maw={760} className="public-scope">
        <Title order={1}>{t('public.adminRequest.title')}</Title>
        <SuccessPanel email={form.values.email.trim()} />
      </Stack>
    );

  const busy = progress !== null;
  const typeLabel = (i: Institution) => INSTITUTION_TYPE_LABELS[i.type]?.[lang] ?? i.type;
  return (
    <Stack gap="lg" className="public-scope">
      <Title order={1}>{t('public.adminRequest.title')}</Title>
      <Text maw={820}>{t('public.adminRequest.intro')}</Text>
      <Text>
        {t('public.adminRequest.alreadySent')}{' '}
        <Anchor component={Link} to="/permohonan-admin-lokal/status">
          {t('public.adminRequest.checkStatus')}
        </Anchor>
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        {(['who', 'letter', 'next'] as const).map((k) => (
          <Paper key={k} withBorder p="md" radius="md">
            <Title order={2} size="h5" mb={4}>
              {t(`public.adminRequest.${k}Title`)}
            </Title>
            <Text size="sm">{t(`public.adminRequest.${k}`)}</Text>
          </Paper>
        ))}
      </SimpleGrid>

      <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md" maw={760}>
        <form onSubmit={submit} noValidate aria-labelledby="request-form-title">
          <Stack gap="md">
            <Title order={2} size="h3" id="request-form-title">
              {t('public.adminRequest.formTitle')}
            </Title>
            {general && (
              <Alert role="alert" color="red" variant="light" ref={alertRef}>
                {general}
              </Alert>
            )}
            <Select
              label={t('public.adminRequest.institution')}
              placeholder={t('public.adminRequest.institutionPlaceholder')}
              description={t('public.adminRequest.institutionHint')}

              withAsterisk
              searchable
              clearable
              clearButtonProps={{ 'aria-label': t('public.adminRequest.clearInstitution') }}
              searchValue={search}
              onSearchChange={setSearch}
              data={options.map((i) => ({ value: String(i.id), label: i.name }))}
              filter={({ options: o }) => o}
              comboboxProps={{ withinPortal: false }}
              nothingFoundMessage={
                ready
                  ? searching
                    ? t('public.adminRequest.institutionSearching')
                    : t('public.adminRequest.institutionNothing')
                  : undefined
              }
              renderOption={({ option }) => {
                const inst = options.find((i) => String(i.id) === option.value);
                return (
                  <Stack gap={0}>
                    <Text size="sm">{option.label}</Text>
                    {inst && (
                      <Text size="xs" c="gray.7">
                        {typeLabel(inst)}
                        {inst.parentName ? ` · ${inst.parentName}` : ''}
                      </Text>
                    )}
                  </Stack>
                );
              }}
              {...form.getInputProps('institutionId')}
              onChange={(v) => {
                form.setFieldValue('institutionId', v);
                setSelected(options.find((i) => String(i.id) === v) ?? null);
              }}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                label={t('public.adminRequest.name')}
                withAsterisk
                autoComplete="name"
                {...form.getInputProps('name')}
              />
              <TextInput
                label={t('public.adminRequest.position')}
                withAsterisk
                autoComplete="organization-title"
                {...form.getInputProps('position')}
              />
              <TextInput
                label={t('public.adminRequest.email')}
                description={t('public.adminRequest.emailHint')}
                inputWrapperOrder={['label', 'input', 'description', 'error']}

                withAsterisk
                type="email"
                autoComplete="email"
                {...form.getInputProps('email')}
              />
              <TextInput
                label={t('public.adminRequest.phone')}
                description={t('public.adminRequest.phoneHint')}
                inputWrapperOrder={['label', 'input', 'description', 'error']}

                withAsterisk
                type="tel"
                autoComplete="tel"
                inputMode="tel"
                {...form.getInputProps('phone')}
              />
            </SimpleGrid>
            <TextInput
              label={t('public.adminRequest.letterNumber')}
              {...form.getInputProps('letterNumber')}
            />
            <FileInput
              label={t('public.adminRequest.letterFile')}
              placeholder={t('public.adminRequest.letterFilePlaceholder')}
              withAsterisk
              clearable
              accept="application/pdf,.pdf"
              clearButtonProps={{ 'aria-label': t('public.adminRequest.clearFile') }}
              leftSection={<IconFileTypePdf size={18} aria-hidden />}
              styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
              {...form.getInputProps('letter')}
            />
            {busy && (
              <Stack gap={4}>
                <Progress
                  value={Math.round((progress ?? 0) * 100)}
                  aria-label={t('public.adminRequest.uploading', {
                    percent: Math.round((progress ?? 0) * 100),
                  })}
                  size="lg"
                  animated
                />
                <Text size="sm" aria-live="polite">
                  {t('public.adminRequest.uploading', { percent: Math.round((progress ?? 0) * 100) })}
                </Text>
              </Stack>
            )}
            <Group justify="space-between" wrap="wrap">
              <Anchor component={Link} to="/" size="sm">
                {t('public.adminRequest.backHome')}
              </Anchor>
              <Button type="submit" loading={busy}>
                {t('public.adminRequest.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
