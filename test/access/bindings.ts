import { samplePdf } from '../../src/seed/sample-pdf.js';
import { ACTORS, multipart, type World } from './world.js';
import type { Binding, Body } from './routes.js';

/* The bindings and bodies the route tables of the access matrix share (routes.ts and its parts). */

export const ALL = ACTORS;
export const SIGNED_IN = ACTORS.filter((a) => a !== 'anonymous');
export const ADMIN = ['system_admin'] as const;
/** The owners of the installation's reference data (registries, admin-lokal accounts). */
export const STEWARDS = ['data_steward', 'system_admin'] as const;
export const json = (value: unknown): Body => ({ json: value });
export const pdfUpload = (name: string) =>
  ({ multipart: multipart({ kind: 'evidence' }, { field: 'file', name, content: samplePdf(name) }) }) as Body;
/** Ids of a proposal, its path parameter. */
export const pid = (p: (w: World) => { id: number }) => (w: World) => ({ id: p(w).id });

/** The proposal bindings: X's objects, Y's in A, Y's in B, and who may read each. */
export const readProposal = [
  { name: "X's draft", params: pid((w) => w.pXDraft), allow: ['upp', 'local_admin', 'system_admin'] },
  {
    name: "X's forwarded proposal",
    params: pid((w) => w.pXForwarded),
    allow: ['upp', 'local_admin', 'secretariat', 'system_admin'],
  },
  { name: "Y's draft (another institution)", params: pid((w) => w.pYDraft), allow: ADMIN },
  {
    name: "Y's proposal in B (another organizer)",
    params: pid((w) => w.pYForwardedB),
    allow: ['secretariat_other', 'system_admin'],
  },
] as const satisfies readonly Binding[];

export const competitionOf = (which: 'A' | 'B') => (w: World) => ({ id: which === 'A' ? w.compA : w.compB });
export const draftOf = (which: 'A' | 'B') => (w: World) => ({
  id: which === 'A' ? w.compADraft : w.compBDraft,
});
export const organizerOnly = (params: (w: World) => Record<string, number>, extra: Partial<Binding> = {}) =>
  [
    { name: "A's (own organizer)", params, allow: ['secretariat', 'system_admin'], ...extra },
    {
      name: "B's (another organizer)",
      params: (w: World) => {
        const p = params({ ...w, compA: w.compB, compADraft: w.compBDraft, invitationA: w.invitationB });
        return p;
      },
      allow: ['secretariat_other', 'system_admin'],
      ...extra,
    },
  ] as const satisfies readonly Binding[];
