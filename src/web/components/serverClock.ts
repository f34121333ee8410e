import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.js';

/**
 * How far the server clock is ahead of this browser's, in ms. Only server time counts for deadlines, and
 * a demo may move the server clock, so countdowns run on the server's time, not the reader's.
 */
export function useServerOffset(): number {
  const { data } = useQuery({
    queryKey: ['server-time'],
    queryFn: async () => {
      const sent = Date.now();
      const { now } = await api<{ now: string }>('GET', '/time');
      const received = Date.now();
      return Date.parse(now) - (sent + received) / 2;
    },
    staleTime: 5 * 60_000,
    refetchInterval: 5 * 60_000,
  });
  return data ?? 0;
}

/** The server's current time, re-rendered every `everyMs` (1 s for a countdown). */
export function useServerNow(everyMs = 1000): Date {
  const offset = useServerOffset();
  const [local, setLocal] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setLocal(Date.now()), everyMs);
    return () => window.clearInterval(id);
  }, [everyMs]);
  return new Date(local + offset);
}
