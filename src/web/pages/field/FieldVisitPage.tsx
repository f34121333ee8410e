import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Image,
  Modal,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { FieldVisitDetail } from '../../../contracts/field-verification.js';
import { formatInstant } from '../../../domain/time.js';
import { api, ApiError } from '../../api/client.js';
import { AdminPage } from '../../components/AdminPage.js';
import { useLang } from '../../i18n/index.js';
import { registerFieldShell } from './fieldShell.js';
import {
  enqueue,
  flush,
  load,
  localView,
  newClientId,
  update,
  type FindingStatus,
  type QueuedOp,
  type Recommendation,
  type VisitStore,
} from './fieldQueue.js';

const STATUSES: FindingStatus[] = ['confirmed', 'partly', 'not_found'];
const RECS: Recommendation[] = ['recommended', 'recommended_with_notes', 'not_recommended'];

/** Where the phone is, if it will say within 10 s (a refusal or a timeout is recorded as such). */
function locate(): Promise<
  Pick<Extract<QueuedOp, { kind: 'photo' }>, 'geoStatus' | 'latitude' | 'longitude' | 'accuracy'>
> {
  return new Promise((resolve) => {
    if (!navigator.geolocation) return resolve({ geoStatus: 'unavailable' });
    navigator.geolocation.getCurrentPosition(
      (p) =>
        resolve({
          geoStatus: 'ok',
          latitude: p.coords.latitude,
          longitude: p.coords.longitude,
          accuracy: p.coords.accuracy,
        }),
      (e) => resolve({ geoStatus: e.code === e.PERMISSION_DENIED ? 'denied' : 'unavailable' }),
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 60_000 },
    );
  });
}

/**
 * /verifikasi-lapangan/:id: one visit on the verifier's phone. Every change is saved on the device first
 * (fieldQueue.ts) and sent when the connection allows: on load, after each change, on the `online` event
 * and with a growing wait (2 s doubling to 60 s) after a failure. The page says what waits and what was sent.
 */
export function FieldVisitPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const visitId = Number(useParams().id);
  const [store, setStore] = useState<VisitStore | null>(null);
  const [online, setOnline] = useState(navigator.onLine);
  // The browser can say it is online while no request reaches the server (a network without internet, a
  // page reloaded from the shell's cache): a request that failed for lack of a network says offline too.
  const [reachable, setReachable] = useState(true);
  const [retryIn, setRetryIn] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [photoClaim, setPhotoClaim] = useState('');
  const backoff = useRef(2000);
  const timer = useRef<number | null>(null);
  const running = useRef(false);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | null>(null);

  useEffect(registerFieldShell, []);
  /** Reads the visit from the server; false when no request reached it (no network). */
  const refresh = useCallback(async () => {
    try {
      const detail = await api<FieldVisitDetail>('GET', `/field-visits/${visitId}`);
      setReachable(true);
      setStore(
        await update(visitId, (s) => {
          s.detail = detail;
        }),
      );
    } catch (err) {
      if (err instanceof ApiError && err.status === 0) {
        setReachable(false);
        return false;
      }
      if (err instanceof ApiError) setError(lang === 'id' ? err.text.id : err.text.en);
    }
    return true;
  }, [visitId, lang]);

  const sync = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    if (timer.current) window.clearTimeout(timer.current);
    try {
      const done = (await flush(visitId, setStore)) && (await refresh());
      if (done) {
        backoff.current = 2000;
        setRetryIn(null);
      } else {
        const wait = backoff.current;
        // Without a network at all the `online` event will come; the wait grows only while it fails online.
        if (navigator.onLine) backoff.current = Math.min(wait * 2, 60_000);
        setRetryIn(Math.round(wait / 1000));
        timer.current = window.setTimeout(() => void sync(), wait);
      }
    } finally {
      running.current = false;
    }
  }, [visitId, refresh]);

  useEffect(() => {
    void load(visitId).then((s) => {
      setStore(s);
      void sync();
    });
    const up = () => {
      setOnline(true);
      backoff.current = 2000;
      void sync();
    };
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
      if (timer.current) window.clearTimeout(timer.current);
    };
  }, [visitId, sync]);

  const add = async (op: QueuedOp) => {
    // Shown at once; saved on the device before anything is sent.
    setStore((s) => (s ? { ...s, queue: [...s.queue, op] } : s));
    setStore(await enqueue(visitId, op));
    void sync();
  };

  if (!store) return <AdminPage>{null}</AdminPage>;
  const d = store.detail;
  if (!d)
    return (
      <AdminPage>
        <Title order={1}>{t('field.listTitle')}</Title>
        {error ? <Alert color="red">{error}</Alert> : <Text>{t('field.offline')}</Text>}
      </AdminPage>
    );
  const view = localView(store);
  const readOnly = view.submitted || view.submitQueued || d.status !== 'planned' || !d.abilities.work;
  const photosQueued = store.queue.filter(
    (q): q is Extract<QueuedOp, { kind: 'photo' }> => q.kind === 'photo',
  );
  const summaryText = summary ?? view.summary ?? '';
  const complete =
    d.claims.every((c) => view.findings[c.key]?.status) &&
    view.recommendation !== null &&
    summaryText.trim() !== '';

  const claimName = (key: string) => {
    const c = d.claims.find((x) => x.key === key);
    return c ? (lang === 'id' ? c.label.id : c.label.en) : key;
  };

  const onPhoto = async (file: File | undefined) => {
    if (!file) return;
    const where = await locate();
    await add({
      clientId: newClientId(),
      kind: 'photo',
      blob: file,
      name: file.name || 'foto.jpg',
      takenAt: new Date(file.lastModified || Date.now()).toISOString(),
      ...where,
      ...(photoClaim ? { claimKey: photoClaim } : {}),
    });
  };

  return (
    <AdminPage>
      <Anchor component={Link} to="/verifikasi-lapangan">
        {t('field.back')}
      </Anchor>
      <Title order={1}>
        {d.proposal.code} — {d.proposal.title}
      </Title>
      <Group gap="xs">
        <Badge
          color={d.kind === 'open' ? 'blue.8' : 'gray.8'}
          variant="filled"
          style={{ textTransform: 'none' }}
        >
          {t(`field.kind.${d.kind}`)}
        </Badge>
        <Badge color="dark" variant="outline" style={{ textTransform: 'none' }}>
          {t(`field.status.${view.submitted ? 'submitted' : d.status}`)}
        </Badge>
      </Group>
      <Text size="sm">{d.proposal.institution}</Text>
      <Text size="sm">
        {t('field.when')}: {formatInstant(d.startsAt, d.timeZone, lang)} · {t('field.where')}: {d.address}
      </Text>

      <Alert
        color={online && reachable ? (store.queue.length ? 'yellow' : 'green') : 'orange'}
        role="status"
        aria-live="polite"
        data-testid="sync-state"
      >
        <Stack gap={4}>
          <Text fw={700}>{online && reachable ? t('field.online') : t('field.offline')}</Text>
          <Text data-testid="queue-count">
            {store.queue.length ? t('field.waiting', { count: store.queue.length }) : t('field.allSent')}
          </Text>
          {retryIn !== null && store.queue.length > 0 && (
            <Text size="sm">{t('field.retryIn', { seconds: retryIn })}</Text>
          )}
          {store.queue.length > 0 && (
            <Button size="xs" variant="default" onClick={() => void sync()} w="fit-content">
              {t('field.sendNow')}
            </Button>
          )}
        </Stack>
      </Alert>
      {store.refused.length > 0 && (
        <Alert color="red" title={t('field.refusedList')}>
          <Stack gap={2}>
            {store.refused.map((r) => (
              <Text key={r.clientId} size="sm">
                {t(`field.opLabel.${r.kind}`)} {r.label}:{' '}
                {r.error ? (lang === 'id' ? r.error.id : r.error.en) : ''}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      {readOnly && (
        <Alert color="gray">{view.submitted ? t('field.readOnly') : t('field.readOnlyPending')}</Alert>
      )}

      <Title order={2} size="h3">
        {t('field.checklist')}
      </Title>
      <Text size="sm">{t('field.checklistIntro')}</Text>
      <Stack gap="sm">
        {d.claims.map((c, i) => {
          const f = view.findings[c.key] ?? { status: null, note: null };
          const note = notes[c.key] ?? f.note ?? '';
          return (
            <Card key={c.key} withBorder padding="sm" component="section" aria-labelledby={`claim-${i}`}>
              <Stack gap="xs">
                <Title order={3} size="h5" id={`claim-${i}`}>
                  {lang === 'id' ? c.label.id : c.label.en}
                </Title>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {c.text}
                </Text>
                <Radio.Group
                  label={t('field.result')}
                  value={f.status ?? ''}
                  onChange={(v) =>
                    void add({
                      clientId: newClientId(),
                      kind: 'finding',
                      claimKey: c.key,
                      status: v as FindingStatus,
                      note: note || null,
                    })
                  }
                >
                  <Group gap="md" mt={4}>
                    {STATUSES.map((s) => (
                      <Radio key={s} value={s} label={t(`field.finding.${s}`)} disabled={readOnly} />
                    ))}
                  </Group>
                </Radio.Group>
                <Textarea
                  label={`${t('field.note')} — ${lang === 'id' ? c.label.id : c.label.en}`}
                  value={note}
                  disabled={readOnly}
                  autosize
                  minRows={2}
                  maxLength={2000}
                  onChange={(e) => setNotes({ ...notes, [c.key]: e.currentTarget.value })}
                  onBlur={() => {
                    if ((f.note ?? '') !== note)
                      void add({
                        clientId: newClientId(),
                        kind: 'finding',
                        claimKey: c.key,
                        status: f.status,
                        note: note || null,
                      });
                  }}
                />
              </Stack>
            </Card>
          );
        })}
      </Stack>

      <Title order={2} size="h3">
        {t('field.photos')}
      </Title>
      {!readOnly && (
        <Stack gap="xs">
          <NativeSelect
            label={t('field.photoFor')}
            value={photoClaim}
            onChange={(e) => setPhotoClaim(e.currentTarget.value)}
            data={[
              { value: '', label: t('field.photoGeneral') },
              ...d.claims.map((c) => ({ value: c.key, label: lang === 'id' ? c.label.id : c.label.en })),
            ]}
          />
          <label htmlFor="field-photo-input" style={{ fontWeight: 600 }}>
            {t('field.takePhoto')}
          </label>
          <input
            id="field-photo-input"
            type="file"
            accept="image/*"
            capture="environment"
            onChange={(e) => {
              void onPhoto(e.currentTarget.files?.[0]);
              e.currentTarget.value = '';
            }}
          />
        </Stack>
      )}
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs">
        {d.photos.map((p) => (
          <Card key={p.id} withBorder padding={4}>
            <Image src={p.url} alt={`${t('field.photos')} ${p.id}`} h={110} fit="cover" />
            <Text size="xs">{t('field.takenAt', { at: formatInstant(p.takenAt, d.timeZone, lang) })}</Text>
            <Text size="xs">
              {p.geoStatus === 'ok'
                ? t('field.located', {
                    lat: p.latitude?.toFixed(5),
                    lng: p.longitude?.toFixed(5),
                    acc: Math.round(p.accuracy ?? 0),
                  })
                : t(p.geoStatus === 'denied' ? 'field.geoDenied' : 'field.geoUnavailable')}
            </Text>
          </Card>
        ))}
        {photosQueued.map((p) => (
          <QueuedPhoto key={p.clientId} op={p} timeZone={d.timeZone} />
        ))}
      </SimpleGrid>

      <Title order={2} size="h3">
        {t('field.report')}
      </Title>
      <Radio.Group
        label={t('field.recommendation')}
        value={view.recommendation ?? ''}
        onChange={(v) =>
          void add({
            clientId: newClientId(),
            kind: 'report',
            recommendation: v as Recommendation,
            summary: summaryText || null,
          })
        }
      >
        <Stack gap={6} mt={4}>
          {RECS.map((r) => (
            <Radio key={r} value={r} label={t(`field.rec.${r}`)} disabled={readOnly} />
          ))}
        </Stack>
      </Radio.Group>
      <Textarea
        label={t('field.summary')}
        value={summaryText}
        disabled={readOnly}
        autosize
        minRows={3}
        maxLength={5000}
        onChange={(e) => setSummary(e.currentTarget.value)}
        onBlur={() => {
          if ((view.summary ?? '') !== summaryText)
            void add({
              clientId: newClientId(),
              kind: 'report',
              recommendation: view.recommendation,
              summary: summaryText || null,
            });
        }}
      />
      {!readOnly && (
        <Stack gap={4}>
          {!complete && <Text size="sm">{t('field.submitMissing')}</Text>}
          <Button onClick={() => setConfirming(true)} disabled={!complete} w="fit-content">
            {t('field.submit')}
          </Button>
        </Stack>
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('field.submitConfirmTitle')}>
        <Stack>
          <Text>{t('field.submitConfirm')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('field.cancel')}
            </Button>
            <Button
              onClick={() => {
                setConfirming(false);
                void add({ clientId: newClientId(), kind: 'submit' });
              }}
            >
              {t('field.submit')}
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Title order={2} size="h4">
        {t('field.waitingList')}
      </Title>
      <Stack gap={2} data-testid="waiting-list">
        {store.queue.map((q) => (
          <Text key={q.clientId} size="sm">
            {t(`field.opLabel.${q.kind}`)}{' '}
            {q.kind === 'finding' ? q.claimKey : q.kind === 'photo' ? q.name : ''}
          </Text>
        ))}
      </Stack>
      <Title order={2} size="h4">
        {t('field.sentList')}
      </Title>
      <Stack gap={2} data-testid="sent-list">
        {store.sent.slice(0, 10).map((q) => (
          <Text key={q.clientId} size="sm">
            {t(`field.opLabel.${q.kind}`)}{' '}
            {q.kind === 'finding' ? claimName(q.label) : q.kind === 'photo' ? q.label : ''} ·{' '}
            {formatInstant(q.at, d.timeZone, lang)}
          </Text>
        ))}
      </Stack>
    </AdminPage>
  );
}

function QueuedPhoto({ op, timeZone }: { op: Extract<QueuedOp, { kind: 'photo' }>; timeZone: string }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const u = URL.createObjectURL(op.blob);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [op.blob]);
  return (
    <Card withBorder padding={4}>
      {url && <Image src={url} alt={op.name} h={110} fit="cover" />}
      <Text size="xs">{t('field.takenAt', { at: formatInstant(op.takenAt, timeZone, lang) })}</Text>
      <Text size="xs">
        {op.geoStatus === 'ok'
          ? t('field.located', {
              lat: op.latitude?.toFixed(5),
              lng: op.longitude?.toFixed(5),
              acc: Math.round(op.accuracy ?? 0),
            })
          : t(op.geoStatus === 'denied' ? 'field.geoDenied' : 'field.geoUnavailable')}
      </Text>
      <Badge color="dark.7" variant="filled" style={{ textTransform: 'none' }}>
        {t('field.queued')}
      </Badge>
    </Card>
  );
}
