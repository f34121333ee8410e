/**
 * The one place that knows what each role may do. Every route asks `authorize`/`can`; responses carry
 * `abilities` computed here so the web app never re-implements a rule. Roles appear nowhere else.
 */

export type Role = 'upp' | 'local_admin' | 'secretariat' | 'evaluator' | 'panelist' | 'system_admin';

export interface Grant {
  role: Role;
  institutionId: number | null;
  unitId: number | null;
  competitionId: number | null;
}

export interface Actor {
  userId: number;
  grants: Grant[];
}

/** What each action is checked against. */
export interface Subjects {
  'competition.create': { organizerInstitutionId: number };
  'competition.manage': { organizerInstitutionId: number };
  'competition.viewDraft': { organizerInstitutionId: number };
  'institution.manage': Record<string, never>;
  'unit.view': { institutionId: number };
  'unit.manage': { institutionId: number };
  'user.viewInstitution': { institutionId: number };
  'user.createUpp': { institutionId: number };
  'adminRequest.review': Record<string, never>;
  'outbox.view': Record<string, never>;
  'audit.view': Record<string, never>;
  'clock.control': Record<string, never>;
  'user.manageAll': Record<string, never>;
}

export type Action = keyof Subjects;

export type DenyReason =
  'notAuthenticated' | 'missingRole' | 'otherInstitution' | 'otherOrganizer' | 'featureDisabled';

export type Decision = { allowed: true } | { allowed: false; reason: DenyReason };

const ALLOW: Decision = { allowed: true };
const deny = (reason: DenyReason): Decision => ({ allowed: false, reason });

const has = (actor: Actor, role: Role) => actor.grants.some((g) => g.role === role);
const hasIn = (actor: Actor, role: Role, institutionId: number) =>
  actor.grants.some((g) => g.role === role && g.institutionId === institutionId);

/** Decides one action; `context.clockControl` reflects the server's configuration. */
export function decide<A extends Action>(
  actor: Actor | null,
  action: A,
  subject: Subjects[A],
  context: { clockControl?: boolean } = {},
): Decision {
  if (!actor) return deny('notAuthenticated');
  const isAdmin = has(actor, 'system_admin');
  switch (action) {
    case 'competition.create':
    case 'competition.manage':
    case 'competition.viewDraft': {
      const s = subject as Subjects['competition.create'];
      if (isAdmin || hasIn(actor, 'secretariat', s.organizerInstitutionId)) return ALLOW;
      return has(actor, 'secretariat') ? deny('otherOrganizer') : deny('missingRole');
    }
    case 'institution.manage':
    case 'adminRequest.review':
    case 'outbox.view':
    case 'audit.view':
      return isAdmin || has(actor, 'secretariat') ? ALLOW : deny('missingRole');
    case 'unit.view': {
      const s = subject as Subjects['unit.view'];
      if (isAdmin || has(actor, 'secretariat') || hasIn(actor, 'local_admin', s.institutionId)) return ALLOW;
      return has(actor, 'local_admin') ? deny('otherInstitution') : deny('missingRole');
    }
    case 'unit.manage':
    case 'user.viewInstitution':
    case 'user.createUpp': {
      const s = subject as Subjects['unit.manage'];
      if (isAdmin || hasIn(actor, 'local_admin', s.institutionId)) return ALLOW;
      return has(actor, 'local_admin') ? deny('otherInstitution') : deny('missingRole');
    }
    case 'clock.control':
      if (!context.clockControl) return deny('featureDisabled');
      return isAdmin ? ALLOW : deny('missingRole');
    case 'user.manageAll':
      return isAdmin ? ALLOW : deny('missingRole');
    default: {
      const unreachable: never = action;
      throw new Error(`unknown action ${String(unreachable)}`);
    }
  }
}

export function can<A extends Action>(
  actor: Actor | null,
  action: A,
  subject: Subjects[A],
  context?: { clockControl?: boolean },
): boolean {
  return decide(actor, action, subject, context).allowed;
}

/** Why an action is refused, or null when it is allowed. */
export function whyNot<A extends Action>(
  actor: Actor | null,
  action: A,
  subject: Subjects[A],
  context?: { clockControl?: boolean },
): DenyReason | null {
  const d = decide(actor, action, subject, context);
  return d.allowed ? null : d.reason;
}

export const DENY_TEXT: Record<DenyReason, { id: string; en: string }> = {
  notAuthenticated: { id: 'Silakan masuk terlebih dahulu.', en: 'Please log in first.' },
  missingRole: {
    id: 'Peran Anda tidak mengizinkan tindakan ini.',
    en: 'Your role does not allow this action.',
  },
  otherInstitution: {
    id: 'Data ini milik instansi lain.',
    en: 'This belongs to another institution.',
  },
  otherOrganizer: {
    id: 'Kompetisi ini diselenggarakan oleh instansi lain.',
    en: 'This competition is run by another organizer.',
  },
  featureDisabled: { id: 'Fitur ini tidak diaktifkan.', en: 'This feature is not enabled.' },
};

/** The roles an actor holds, for the navigation the web app shows. */
export function rolesOf(actor: Actor | null): Role[] {
  return actor ? [...new Set(actor.grants.map((g) => g.role))] : [];
}

/** Actions whose subject is one institution (as organizer or as owner). */
export type InstitutionScopedAction =
  | 'competition.create'
  | 'competition.manage'
  | 'competition.viewDraft'
  | 'unit.view'
  | 'unit.manage'
  | 'user.viewInstitution'
  | 'user.createUpp';

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
