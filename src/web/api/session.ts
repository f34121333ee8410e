import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.js';
import { loadAllTexts } from '../i18n/index.js';

export interface MeRole {
  role: 'upp' | 'local_admin' | 'secretariat' | 'evaluator' | 'panelist' | 'system_admin' | 'data_steward';
  institutionId: number | null;
  institutionName: string | null;
  unitId: number | null;
  unitName: string | null;
  competitionId: number | null;
  competitionName: string | null;
}

/** The logged-in user as /api/auth/me returns it; abilities drive what the interface shows. */
export interface Me {
  id: number;
  email: string;
  name: string;
  position: string | null;
  phone: string | null;
  locale: 'id' | 'en';
  mustCompleteProfile: boolean;
  roles: MeRole[];
  abilities: {
    manageInstitutions: boolean;
    viewInstitutions: boolean;
    reviewAdminRequests: boolean;
    viewOutbox: boolean;
    viewAudit: boolean;
    manageAwards: boolean;
    createCompetition: boolean;
    organizerInstitutionIds: number[];
    manageUnitsOf: number[];
    controlClock: boolean;
    viewProposals: boolean;
    viewSubmissionDashboard: boolean;
    manageUsers: boolean;
    reviewWork: boolean;
    viewSelection: boolean;
    adjudicateObjectionsIn: number[];
    viewOwnCertificates: boolean;
    viewReplicationRequests: boolean;
    manageGalleryOf: number[];
  };
}

export const ME_KEY = ['me'] as const;

/**
 * The current session (null when logged out). A signed-in user's menu names every area, so the session
 * answers once every text of the interface is loaded too (i18n/index.ts).
 */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async () => {
      const { user } = await api<{ user: Me | null }>('GET', '/auth/me');
      // Texts that fail to load leave their keys showing; they do not sign anyone out.
      if (user) await loadAllTexts().catch(() => undefined);
      return user;
    },
    staleTime: 60_000,
  });
}

export function useRefreshMe() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ME_KEY });
}
