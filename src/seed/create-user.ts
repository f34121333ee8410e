import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { Db } from '../db/connect.js';
import { AppError } from '../domain/errors.js';
import { nameKey } from '../domain/institutions.js';
import { ROLES, scopeProblems, type ScopeField } from '../domain/role-scopes.js';
import { checkPassword } from '../domain/password-policy.js';
import { formatInstant } from '../domain/time.js';
import { recordAudit } from '../platform/audit.js';
import { issuePasswordToken, passwordLink } from '../platform/password-tokens.js';
import { createAccount } from '../modules/users/commands/create-account.js';

export const CREATE_USER_USAGE = `sinovik create-user --email E --name N --role R [options]

  --role R            ${ROLES.join(' | ')}
  --institution I     institution id or exact name (required for secretariat and local_admin)
  --unit U            unit id (required for upp; its institution is used when --institution is absent)
  --competition C     competition id (optional for evaluator and panelist)
  --password P        the account is ready to use; without it a set-password link is printed
  --base-url URL      base of that link (default http://localhost:3000)
`;

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  now?: () => Date;
}

const consoleIo: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l) };

const positiveInt = (v: string) => (/^[1-9][0-9]{0,9}$/.test(v) ? Number(v) : null);

/**
 * `sinovik create-user`: creates one account with one role grant and its audit row. With --password the
 * account is ready to use; otherwise it must set a password through the printed single-use link and
 * complete its profile. Prints every problem found (bilingual) and returns 1, or 0 on success.
 */
export async function createUserFromCli(db: Db, args: string[], io: CliIo = consoleIo): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        institution: { type: 'string' },
        unit: { type: 'string' },
        competition: { type: 'string' },
        password: { type: 'string' },
        'base-url': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (err) {
    io.err(`Argumen tidak valid / Invalid arguments: ${(err as Error).message}`);
    io.err(CREATE_USER_USAGE);
    return 1;
  }
  if (values.help) {
    io.out(CREATE_USER_USAGE);
    return 0;
  }
  const str = (key: string) => (typeof values[key] === 'string' ? (values[key] as string).trim() : '');
  const problems: string[] = [];
  const problem = (id: string, en: string) => problems.push(`${id} / ${en}`);

  const email = str('email');
  const name = str('name');
  const roleText = str('role');
  const baseUrl = (str('base-url') || 'http://localhost:3000').replace(/\/+$/, '');
  const password = typeof values.password === 'string' ? values.password : null;

  if (!email) problem('--email wajib diisi', '--email is required');
  else if (!z.email().safeParse(email).success)
    problem(`alamat e-mail tidak valid: ${email}`, `not a valid e-mail address: ${email}`);
  if (!name) problem('--name wajib diisi', '--name is required');
  const role = ROLES.find((r) => r === roleText);
  if (!roleText) problem('--role wajib diisi', '--role is required');
  else if (!role)
    problem(
      `peran tidak dikenal: ${roleText} (pilih: ${ROLES.join(', ')})`,
      `unknown role: ${roleText} (choose: ${ROLES.join(', ')})`,
    );
  if (!/^https?:\/\/[^\s/]+/.test(baseUrl))
    problem(
      '--base-url harus berupa URL http:// atau https://',
      '--base-url must be an http:// or https:// URL',
    );
  if (password !== null) {
    const weak = checkPassword(password, { email, name });
    if (weak) problem(weak.message.id, weak.message.en);
  }

  // Scopes: resolve what was given, then check it against what the role takes.
  let institution: { id: number; name: string } | null = null;
  const institutionText = str('institution');
  if (institutionText) {
    const id = positiveInt(institutionText);
    const candidates = await db.selectFrom('institutions').select(['id', 'name']).execute();
    institution =
      (id !== null ? candidates.find((c) => c.id === id) : undefined) ??
      candidates.find((c) => nameKey(c.name) === nameKey(institutionText)) ??
      null;
    if (!institution)
      problem(
        `instansi tidak ditemukan (id atau nama persis): ${institutionText}`,
        `institution not found (id or exact name): ${institutionText}`,
      );
  }
  let unit: { id: number; name: string; institution_id: number } | null = null;
  const unitText = str('unit');
  if (unitText) {
    const id = positiveInt(unitText);
    unit =
      id === null
        ? null
        : ((await db
            .selectFrom('units')
            .select(['id', 'name', 'institution_id'])
            .where('id', '=', id)
            .executeTakeFirst()) ?? null);
    if (!unit) problem(`unit tidak ditemukan: ${unitText}`, `unit not found: ${unitText}`);
  }
  let competitionId: number | null = null;
  const competitionText = str('competition');
  if (competitionText) {
    const id = positiveInt(competitionText);
    const found =
      id === null
        ? undefined
        : await db.selectFrom('competitions').select('id').where('id', '=', id).executeTakeFirst();
    if (!found)
      problem(`kompetisi tidak ditemukan: ${competitionText}`, `competition not found: ${competitionText}`);
    else competitionId = found.id;
  }
  if (role) {
    // The same table as the system administrator's screens (domain/role-scopes.ts); an id that names
    // nothing was reported above with the text typed.
    const flags: Record<ScopeField, string> = {
      institutionId: '--institution',
      unitId: '--unit',
      competitionId: '--competition',
    };
    const scope = scopeProblems(
      role,
      {
        institutionId: institutionText ? (institution?.id ?? 0) : null,
        unitId: unitText ? (unit?.id ?? 0) : null,
        competitionId: competitionText ? (competitionId ?? 0) : null,
      },
      {
        institution: institution ? { id: institution.id, name: institution.name } : undefined,
        unit: unit ? { id: unit.id, name: unit.name, institutionId: unit.institution_id } : undefined,
      },
    );
    for (const [field, p] of Object.entries(scope) as [ScopeField, { code: string }][]) {
      const flag = flags[field];
      if (p.code === 'scope_required')
        problem(`peran ${role} memerlukan ${flag}`, `the role ${role} needs ${flag}`);
      else if (p.code === 'scope_not_allowed')
        problem(`peran ${role} tidak memakai ${flag}`, `the role ${role} does not take ${flag}`);
      else if (p.code === 'unit_not_in_institution' && unit && institution)
        problem(
          `unit ${unit.id} bukan bagian dari ${institution.name}`,
          `unit ${unit.id} does not belong to ${institution.name}`,
        );
    }
  }

  if (problems.length || !role) {
    for (const p of problems) io.err(`✗ ${p}`);
    io.err('');
    io.err(CREATE_USER_USAGE);
    return 1;
  }

  const institutionId = institution?.id ?? unit?.institution_id ?? null;
  const now = io.now ? io.now() : new Date();
  try {
    const { user, link } = await db.transaction().execute(async (tx) => {
      const user = await createAccount(tx, {
        email,
        name,
        role,
        institutionId,
        unitId: unit?.id ?? null,
        competitionId,
        password,
        mustCompleteProfile: password === null,
        createdBy: null,
        now,
      });
      await recordAudit(tx, {
        actorUserId: null,
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        summary: {
          after: {
            email: user.email,
            name: user.name,
            role,
            institutionId,
            unitId: unit?.id ?? null,
            competitionId,
          },
          via: 'cli',
        },
        ip: null,
        now,
      });
      if (password !== null) return { user, link: null };
      const { token, expiresAt } = await issuePasswordToken(tx, {
        userId: user.id,
        purpose: 'set_password',
        now,
      });
      return { user, link: { url: passwordLink(baseUrl, token), expiresAt } };
    });
    const scope = [unit?.name, institution?.name ?? (unit ? `institution #${unit.institution_id}` : null)]
      .filter(Boolean)
      .join(', ');
    io.out(
      `✓ Akun dibuat / Account created: #${user.id} ${user.email} (${role}${scope ? `, ${scope}` : ''})`,
    );
    if (link) {
      io.out(
        `Tautan untuk membuat kata sandi, sekali pakai, berlaku sampai ${formatInstant(link.expiresAt, 'Asia/Jakarta', 'id')} /`,
      );
      io.out(
        `Single-use set-password link, valid until ${formatInstant(link.expiresAt, 'Asia/Jakarta', 'en')}:`,
      );
      io.out(link.url);
    } else {
      io.out(
        'Akun siap dipakai dengan kata sandi yang diberikan / The account is ready to use with the given password.',
      );
    }
    return 0;
  } catch (err) {
    if (err instanceof AppError) {
      io.err(`✗ ${err.text.id} / ${err.text.en}`);
      return 1;
    }
    throw err;
  }
}
