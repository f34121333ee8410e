import { useQuery } from '@tanstack/react-query';
import type { CompetitionDetail } from '../../contracts/competitions.js';
import { api } from '../api/client.js';
import { useHelpContact } from './helpContact.js';

/**
 * For a page that knows only a competition's id (the proposal editor, the participation views): reads the
 * competition as its public page does (same query, so one request serves both) and shows its organizer's
 * help contact in the footer. Without an id, or while it loads or fails, the footer keeps the generic text.
 */
export function useCompetitionHelpContact(competitionId: number | string | null | undefined): void {
  const id = competitionId ? String(competitionId) : null;
  const q = useQuery({
    queryKey: ['competitions', 'public', id],
    queryFn: () => api<CompetitionDetail>('GET', `/competitions/${id}`),
    enabled: id !== null,
    staleTime: 5 * 60_000,
    retry: false,
  });
  useHelpContact(id ? q.data : null);
}
