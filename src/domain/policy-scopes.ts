import { ALL_ROLES, can, decide, type Action, type Actor, type Role, type Subjects } from './policy.js';

/*
 * Where an actor may act, for the queries that list rows: derived from `decide` in policy.ts, so no rule is
 * written twice. policy.ts says whether one action on one subject is allowed; this file turns that into the
 * sets a list query filters by (the installation's roles, institutions, units, organizers).
 */

/** Actions checked against nothing: what a grant of the whole installation may do. */
export type InstallationAction = {
  [A in Action]: Subjects[A] extends Record<string, never> ? A : never;
}[Action];

/**
 * The roles whose grant for the whole installation (no institution, unit or competition) allows an
 * action, derived from `decide`: who is told when work for that action arrives (e.g. a new admin lokal
 * account request goes to the system administrators and the data stewards).
 */
export function installationRoles(action: InstallationAction): Role[] {
  return ALL_ROLES.filter((role) =>
    can(
      { userId: 0, grants: [{ role, institutionId: null, unitId: null, competitionId: null }] },
      action,
      {} as Subjects[InstallationAction],
    ),
  );
}

/** Actions whose subject is one institution (as organizer or as owner). */
export type InstitutionScopedAction =
  | 'competition.create'
  | 'competition.manage'
  | 'competition.viewDraft'
  | 'unit.manage'
  | 'user.viewInstitution'
  | 'user.createUpp'
  | 'user.manageUpp';

/**
 * Where an institution-scoped action is allowed, derived from `decide` itself so no rule is repeated:
 * `any` when it is allowed for an institution none of the actor's grants names, and the ids (from the
 * actor's grants) where it is allowed.
 */
export function institutionScope(
  actor: Actor | null,
  action: InstitutionScopedAction,
  context?: { clockControl?: boolean },
): { any: boolean; institutionIds: number[] } {
  if (!actor) return { any: false, institutionIds: [] };
  const at = (institutionId: number) =>
    decide(
      actor,
      action,
      (action.startsWith('competition.')
        ? { organizerInstitutionId: institutionId }
        : { institutionId }) as Subjects[InstitutionScopedAction],
      context,
    ).allowed;
  const own = [
    ...new Set(actor.grants.map((g) => g.institutionId).filter((id): id is number => id !== null)),
  ];
  const unnamed = Math.min(0, ...own) - 1;
  return { any: at(unnamed), institutionIds: own.filter(at).sort((a, b) => a - b) };
}

/**
 * Where an actor may see proposals, derived from `decide` so no rule is repeated: every proposal (`any`),
 * the institutions whose every unit it sees, the units it sees, and the organizers whose forwarded
 * proposals it sees (`anyOrganizer` for all of them).
 */
export function proposalScope(actor: Actor | null): {
  any: boolean;
  institutionIds: number[];
  unitIds: number[];
  anyOrganizer: boolean;
  organizerIds: number[];
} {
  const none = { any: false, institutionIds: [], unitIds: [], anyOrganizer: false, organizerIds: [] };
  if (!actor) return none;
  const own = [
    ...new Set(actor.grants.map((g) => g.institutionId).filter((id): id is number => id !== null)),
  ];
  const unnamed = Math.min(0, ...own, ...actor.grants.map((g) => g.unitId ?? 0)) - 1;
  const sees = (institutionId: number, unitId: number) =>
    can(actor, 'proposal.view', { institutionId, unitId });
  const organizes = (organizerInstitutionId: number) =>
    can(actor, 'proposal.viewAll', { organizerInstitutionId });
  const institutionIds = own.filter((id) => sees(id, unnamed)).sort((a, b) => a - b);
  const unitIds = [
    ...new Set(
      actor.grants
        .filter((g) => g.institutionId !== null && g.unitId !== null)
        .filter((g) => !institutionIds.includes(g.institutionId!) && sees(g.institutionId!, g.unitId!))
        .map((g) => g.unitId!),
    ),
  ].sort((a, b) => a - b);
  return {
    any: sees(unnamed, unnamed),
    institutionIds,
    unitIds,
    anyOrganizer: organizes(unnamed),
    organizerIds: own.filter(organizes).sort((a, b) => a - b),
  };
}

/**
 * Which stored messages or events an actor may read, derived from `decide` so no rule is repeated:
 * every row (`all`), the rows of these organizers, and the rows about reference data.
 */
export function recordScope(
  actor: Actor | null,
  action: 'outbox.read' | 'audit.read',
): { all: boolean; organizerIds: number[]; referenceData: boolean } {
  if (!actor) return { all: false, organizerIds: [], referenceData: false };
  const own = [
    ...new Set(actor.grants.map((g) => g.institutionId).filter((id): id is number => id !== null)),
  ];
  const unnamed = Math.min(0, ...own) - 1;
  const reads = (organizerInstitutionId: number | null, referenceData: boolean) =>
    can(actor, action, { organizerInstitutionId, referenceData });
  return {
    all: reads(null, false) && reads(unnamed, false),
    organizerIds: own.filter((id) => reads(id, false)).sort((a, b) => a - b),
    referenceData: reads(null, true),
  };
}

/**
 * Whose certificates an actor lists as its own (as a participant), derived from `decide` so no rule is
 * repeated: the institutions whose every certificate it holds (admin lokal) and the units (UPP).
 */
export function ownCertificateScope(actor: Actor | null): { institutionIds: number[]; unitIds: number[] } {
  if (!actor) return { institutionIds: [], unitIds: [] };
  const own = [
    ...new Set(actor.grants.map((g) => g.institutionId).filter((id): id is number => id !== null)),
  ];
  const unnamed = Math.min(0, ...actor.grants.map((g) => g.unitId ?? 0)) - 1;
  const holds = (institutionId: number, unitId: number) =>
    can(actor, 'certificate.viewOwn', { institutionId, unitId });
  const institutionIds = own.filter((id) => holds(id, unnamed)).sort((a, b) => a - b);
  const unitIds = [
    ...new Set(
      actor.grants
        .filter((g) => g.institutionId !== null && g.unitId !== null)
        .filter((g) => !institutionIds.includes(g.institutionId!) && holds(g.institutionId!, g.unitId!))
        .map((g) => g.unitId!),
    ),
  ].sort((a, b) => a - b);
  return { institutionIds, unitIds };
}
