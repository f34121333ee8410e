import type { FieldProblem, Text } from './errors.js';
import {
  STAGE_KINDS,
  runsAlongside,
  type CompetitionDefinition,
  type GroupDefinition,
  type StageDefinition,
} from './competition-template.js';
import { helpdeskProblems, normalizeHelpdesk } from './helpdesk-contact.js';

/*
 * The rules a competition definition must satisfy before it is saved or published. Problems are keyed by
 * the field path the form uses ("groups.0.sections.3.weight") so each message sits beside its field.
 */

/**
 * The default of a group's `evidence_min` (migration 0022): one supporting file. It lives here, not in
 * evidence-requirements.ts, so that the public pages' timeline (which reads these rules) does not carry the
 * messages of the evidence check into the home page's first load.
 */
export const DEFAULT_EVIDENCE_MIN_FILES = 1;

export const YEAR_MIN = 2014;
export const YEAR_MAX = 2100;
export const CODE_PATTERN = /^[A-Z0-9][A-Z0-9-]{1,15}$/;
export const KEY_PATTERN = /^[a-z][a-z0-9_]*$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/;
const MIME = /^[a-z]+\/[a-z0-9.+-]+$/;

const LIMITS = {
  code: 16,
  name: 255,
  theme: 1000,
  description: 5000,
  timeZone: 64,
  categoryKey: 64,
  groupKey: 32,
  sectionKey: 64,
  stageKind: 32,
  label: 255,
  longText: 5000,
} as const;

type Problems = Record<string, FieldProblem>;

const p = (code: string, id: string, en: string): FieldProblem => ({ code, message: { id, en } });
const REQUIRED = () => p('required', 'Wajib diisi.', 'Required.');
const tooLong = (max: number) => p('too_long', `Maksimal ${max} karakter.`, `At most ${max} characters.`);

/** True when `zone` is an IANA time zone this runtime knows. */
export function isValidTimeZone(zone: string): boolean {
  if (!zone || !zone.includes('/')) return zone === 'UTC';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const isIsoUtc = (v: string) => ISO_UTC.test(v) && !Number.isNaN(Date.parse(v));

/** Checks every rule of a definition; returns the problems by field path (empty when valid). */
export function validateCompetitionDefinition(def: CompetitionDefinition): Problems {
  const problems: Problems = {};
  const add = (path: string, problem: FieldProblem) => {
    if (!problems[path]) problems[path] = problem;
  };
  const text = (path: string, value: string | null | undefined, max: number, required = true) => {
    const v = (value ?? '').trim();
    if (!v) {
      if (required) add(path, REQUIRED());
      return;
    }
    if (v.length > max) add(path, tooLong(max));
  };
  const key = (path: string, value: string, max: number) => {
    text(path, value, max);
    const v = (value ?? '').trim();
    if (v && !KEY_PATTERN.test(v))
      add(
        path,
        p(
          'invalid_key',
          'Kunci hanya berisi huruf kecil, angka, dan garis bawah, diawali huruf.',
          'A key has only lower-case letters, digits and underscores, starting with a letter.',
        ),
      );
  };
  const unique = (path: string, values: string[], at: number) => {
    if (values.indexOf(values[at]) !== at)
      add(path, p('duplicate', 'Kunci ini sudah dipakai.', 'This key is already used.'));
  };

  // The competition itself.
  text('code', def.code, LIMITS.code);
  if (def.code?.trim() && !CODE_PATTERN.test(def.code.trim()))
    add(
      'code',
      p(
        'invalid_code',
        'Kode 2–16 karakter: huruf kapital, angka, dan tanda hubung.',
        'A code has 2–16 characters: capital letters, digits and hyphens.',
      ),
    );
  text('name', def.name, LIMITS.name);
  text('theme', def.theme, LIMITS.theme);
  text('description', def.description, LIMITS.description, false);
  if (!Number.isInteger(def.year) || def.year < YEAR_MIN || def.year > YEAR_MAX)
    add(
      'year',
      p(
        'out_of_range',
        `Tahun harus antara ${YEAR_MIN} dan ${YEAR_MAX}.`,
        `The year must be between ${YEAR_MIN} and ${YEAR_MAX}.`,
      ),
    );
  text('timeZone', def.timeZone, LIMITS.timeZone);
  if (def.timeZone?.trim() && !isValidTimeZone(def.timeZone.trim()))
    add(
      'timeZone',
      p(
        'invalid_time_zone',
        'Zona waktu tidak dikenal (contoh: Asia/Jakarta).',
        'Unknown time zone (for example Asia/Jakarta).',
      ),
    );

  // Settings.
  const s = def.settings;
  if (!s.allowedFileTypes.length)
    add(
      'settings.allowedFileTypes',
      p('required', 'Pilih sekurang-kurangnya satu jenis berkas.', 'Choose at least one file type.'),
    );
  s.allowedFileTypes.forEach((m, i) => {
    if (!MIME.test(m))
      add(
        `settings.allowedFileTypes.${i}`,
        p('invalid_format', 'Jenis berkas tidak valid.', 'Not a valid file type.'),
      );
  });
  if (!Number.isInteger(s.maxFileMb) || s.maxFileMb < 1 || s.maxFileMb > 100)
    add(
      'settings.maxFileMb',
      p('out_of_range', 'Bilangan bulat 1–100 MB.', 'A whole number from 1 to 100 MB.'),
    );
  if (!Number.isInteger(s.maxProposalMb) || s.maxProposalMb < 1 || s.maxProposalMb > 1000)
    add(
      'settings.maxProposalMb',
      p('out_of_range', 'Bilangan bulat 1–1000 MB.', 'A whole number from 1 to 1000 MB.'),
    );
  else if (Number.isInteger(s.maxFileMb) && s.maxProposalMb < s.maxFileMb)
    add(
      'settings.maxProposalMb',
      p(
        'below_file_limit',
        'Batas per proposal tidak boleh lebih kecil dari batas per berkas.',
        'The limit per proposal cannot be smaller than the limit per file.',
      ),
    );
  if (
    !Number.isInteger(s.maxOpenDraftsPerUnit) ||
    s.maxOpenDraftsPerUnit < 1 ||
    s.maxOpenDraftsPerUnit > 1000
  )
    add(
      'settings.maxOpenDraftsPerUnit',
      p('out_of_range', 'Bilangan bulat 1–1000.', 'A whole number from 1 to 1000.'),
    );
  if (
    !Number.isInteger(s.maxInstitutionStorageMb) ||
    s.maxInstitutionStorageMb < 1 ||
    s.maxInstitutionStorageMb > 1_000_000
  )
    add(
      'settings.maxInstitutionStorageMb',
      p('out_of_range', 'Bilangan bulat 1–1.000.000 MB.', 'A whole number from 1 to 1,000,000 MB.'),
    );
  else if (Number.isInteger(s.maxProposalMb) && s.maxInstitutionStorageMb < s.maxProposalMb)
    add(
      'settings.maxInstitutionStorageMb',
      p(
        'below_proposal_limit',
        'Batas per instansi tidak boleh lebih kecil dari batas per proposal.',
        'The limit per institution cannot be smaller than the limit per proposal.',
      ),
    );

  // The help contact (domain/helpdesk-contact.ts).
  for (const [path, problem] of Object.entries(helpdeskProblems(normalizeHelpdesk(s.helpdesk))))
    add(path, problem);

  // Categories.
  if (!def.categories.length)
    add(
      'categories',
      p('required', 'Tambahkan sekurang-kurangnya satu kategori.', 'Add at least one category.'),
    );
  const categoryKeys = def.categories.map((c) => c.key?.trim());
  def.categories.forEach((c, i) => {
    key(`categories.${i}.key`, c.key, LIMITS.categoryKey);
    unique(`categories.${i}.key`, categoryKeys, i);
    text(`categories.${i}.nameId`, c.nameId, LIMITS.label);
    text(`categories.${i}.nameEn`, c.nameEn, LIMITS.label);
  });

  // Groups and their forms.
  if (!def.groups.length)
    add('groups', p('required', 'Tambahkan sekurang-kurangnya satu kelompok.', 'Add at least one group.'));
  const groupKeys = def.groups.map((g) => g.key?.trim());
  def.groups.forEach((g, i) =>
    validateGroup(g, `groups.${i}`, add, text, key, unique, groupKeys, i, def.year),
  );

  // Stages.
  validateStages(def.stages, add, text);

  return problems;
}

type Add = (path: string, problem: FieldProblem) => void;
type TextCheck = (path: string, value: string | null | undefined, max: number, required?: boolean) => void;

function validateGroup(
  g: GroupDefinition,
  at: string,
  add: Add,
  text: TextCheck,
  key: (path: string, value: string, max: number) => void,
  unique: (path: string, values: string[], at: number) => void,
  groupKeys: string[],
  index: number,
  year: number,
) {
  key(`${at}.key`, g.key, LIMITS.groupKey);
  unique(`${at}.key`, groupKeys, index);
  text(`${at}.nameId`, g.nameId, LIMITS.label);
  text(`${at}.nameEn`, g.nameEn, LIMITS.label);
  text(`${at}.descriptionId`, g.descriptionId, LIMITS.longText, false);
  text(`${at}.descriptionEn`, g.descriptionEn, LIMITS.longText, false);
  if (
    !Number.isInteger(g.minImplementationMonths) ||
    g.minImplementationMonths < 0 ||
    g.minImplementationMonths > 120
  )
    add(
      `${at}.minImplementationMonths`,
      p('out_of_range', 'Bilangan bulat 0–120 bulan.', 'A whole number from 0 to 120 months.'),
    );
  if (
    g.quotaPerInstitution !== null &&
    (!Number.isInteger(g.quotaPerInstitution) || g.quotaPerInstitution < 1)
  )
    add(
      `${at}.quotaPerInstitution`,
      p(
        'out_of_range',
        'Kuota berupa bilangan bulat sekurang-kurangnya 1, atau kosong jika tanpa kuota.',
        'The quota is a whole number of at least 1, or empty when there is none.',
      ),
    );
  if (
    g.evidenceMin !== undefined &&
    (!Number.isInteger(g.evidenceMin) || g.evidenceMin < 0 || g.evidenceMin > 20)
  )
    add(
      `${at}.evidenceMin`,
      p(
        'out_of_range',
        'Jumlah dokumen pendukung wajib berupa bilangan bulat 0 sampai 20.',
        'The number of required supporting documents is a whole number from 0 to 20.',
      ),
    );
  if (g.sourceYears) {
    // Sources come from earlier years; while the year itself is wrong only the overall range is checked.
    const last = Number.isInteger(year) && year >= YEAR_MIN && year <= YEAR_MAX ? year - 1 : YEAR_MAX;
    const wrong = g.sourceYears.find((y) => !Number.isInteger(y) || y < YEAR_MIN || y > last);
    if (wrong !== undefined)
      add(
        `${at}.sourceYears`,
        p(
          'out_of_range',
          `Tahun sumber replikasi antara ${YEAR_MIN} dan ${last} (sebelum tahun kompetisi); ${wrong} tidak termasuk.`,
          `Replication source years are from ${YEAR_MIN} to ${last} (before the competition's year); ${wrong} is not.`,
        ),
      );
  }

  const name = groupName(g, index);
  if (!g.sections.length) {
    add(
      `${at}.sections`,
      p(
        'required',
        `Kelompok ${name.id} memerlukan sekurang-kurangnya satu bagian formulir.`,
        `Group ${name.en} needs at least one form section.`,
      ),
    );
    return;
  }
  const sectionKeys = g.sections.map((s) => s.key?.trim());
  let weightsValid = true;
  g.sections.forEach((s, j) => {
    const sp = `${at}.sections.${j}`;
    key(`${sp}.key`, s.key, LIMITS.sectionKey);
    unique(`${sp}.key`, sectionKeys, j);
    text(`${sp}.labelId`, s.labelId, LIMITS.label);
    text(`${sp}.labelEn`, s.labelEn, LIMITS.label);
    text(`${sp}.guidanceId`, s.guidanceId, LIMITS.longText, false);
    text(`${sp}.guidanceEn`, s.guidanceEn, LIMITS.longText, false);
    if (s.wordLimit !== null && (!Number.isInteger(s.wordLimit) || s.wordLimit < 1 || s.wordLimit > 10000))
      add(
        `${sp}.wordLimit`,
        p(
          'out_of_range',
          'Batas kata berupa bilangan bulat 1–10000, atau kosong jika tanpa batas.',
          'The word limit is a whole number from 1 to 10000, or empty when there is none.',
        ),
      );
    if (!Number.isInteger(s.weight) || s.weight < 0 || s.weight > 100) {
      weightsValid = false;
      add(
        `${sp}.weight`,
        p('out_of_range', 'Bobot berupa bilangan bulat 0–100.', 'A weight is a whole number from 0 to 100.'),
      );
    }
  });
  if (weightsValid) {
    const sum = g.sections.reduce((total, s) => total + s.weight, 0);
    if (sum !== 100)
      add(
        `${at}.sections`,
        p(
          'weights_sum',
          `Jumlah bobot kelompok ${name.id} harus tepat 100; sekarang ${sum}.`,
          `The weights of group ${name.en} must add up to exactly 100; they add up to ${sum}.`,
        ),
      );
  }
}

const groupName = (g: GroupDefinition, index: number): Text => ({
  id: g.nameId?.trim() ? `“${g.nameId.trim()}”` : `ke-${index + 1}`,
  en: g.nameEn?.trim() ? `“${g.nameEn.trim()}”` : `#${index + 1}`,
});

/**
 * The pairs of stages whose windows overlap although neither runs alongside the others (by index; for each
 * later stage the first one listed before it that it overlaps). A window is [opens, closes); a stage with one instant
 * only is that instant. Invalid instants are left to the field checks.
 */
export function overlappingStages(
  stages: { kind: string; opensAt: string | null; closesAt: string | null }[],
): { earlier: number; later: number }[] {
  const valid = (v: string | null) => (v && isIsoUtc(v) ? Date.parse(v) : null);
  const windows = stages.map((s) => {
    const start = valid(s.opensAt) ?? valid(s.closesAt);
    const end = valid(s.closesAt) ?? valid(s.opensAt);
    return runsAlongside(s.kind) || start === null || end === null ? null : { start, end };
  });
  const pairs: { earlier: number; later: number }[] = [];
  windows.forEach((b, later) => {
    if (!b) return;
    // In list order only: a stage listed before one it starts after is reported as out of order instead.
    const earlier = windows.findIndex((a, i) => i < later && !!a && a.start <= b.start && b.start < a.end);
    if (earlier >= 0) pairs.push({ earlier, later });
  });
  return pairs;
}

function validateStages(stages: StageDefinition[], add: Add, text: TextCheck) {
  const kinds = stages.map((s) => s.kind?.trim());
  let previous: { at: string; index: number } | null = null;
  stages.forEach((s, i) => {
    const at = `stages.${i}`;
    text(`${at}.kind`, s.kind, LIMITS.stageKind);
    if (s.kind?.trim() && !(STAGE_KINDS as readonly string[]).includes(s.kind.trim()))
      add(`${at}.kind`, p('invalid_choice', 'Jenis tahapan tidak dikenal.', 'Unknown kind of stage.'));
    else if (kinds.indexOf(kinds[i]) !== i)
      add(`${at}.kind`, p('duplicate', 'Tahapan ini sudah ada.', 'This stage is already listed.'));
    text(`${at}.nameId`, s.nameId, LIMITS.label);
    text(`${at}.nameEn`, s.nameEn, LIMITS.label);
    const opensOk = s.opensAt === null || isIsoUtc(s.opensAt);
    const closesOk = s.closesAt === null || isIsoUtc(s.closesAt);
    const badInstant = () =>
      p('invalid_datetime', 'Waktu tidak valid (ISO-8601 UTC).', 'Not a valid instant (ISO-8601 UTC).');
    if (!opensOk) add(`${at}.opensAt`, badInstant());
    if (!closesOk) add(`${at}.closesAt`, badInstant());
    if (!opensOk || !closesOk) return;
    if (s.opensAt && s.closesAt && Date.parse(s.opensAt) >= Date.parse(s.closesAt))
      add(
        `${at}.closesAt`,
        p(
          'closes_before_opens',
          'Waktu penutupan harus sesudah waktu pembukaan.',
          'The closing time must be after the opening time.',
        ),
      );
    const start = s.opensAt ?? s.closesAt;
    if (!start) return;
    if (previous && Date.parse(start) < Date.parse(previous.at))
      add(
        `${at}.${s.opensAt ? 'opensAt' : 'closesAt'}`,
        p(
          'out_of_order',
          `Tahapan ini dimulai sebelum tahapan ke-${previous.index + 1}; urutkan tahapan menurut waktu.`,
          `This stage starts before stage #${previous.index + 1}; list the stages in time order.`,
        ),
      );
    previous = { at: start, index: i };
  });
  overlappingStages(stages).forEach(({ earlier, later }) => {
    const a = stages[earlier];
    const b = stages[later];
    add(
      `stages.${later}.${b.opensAt ? 'opensAt' : 'closesAt'}`,
      p(
        'stages_overlap',
        `Tahapan “${b.nameId?.trim() || `ke-${later + 1}`}” dimulai sebelum tahapan “${a.nameId?.trim() || `ke-${earlier + 1}`}” berakhir; hanya tahapan yang berjalan bersamaan (Publikasi) yang boleh tumpang tindih.`,
        `Stage “${b.nameEn?.trim() || `#${later + 1}`}” starts before stage “${a.nameEn?.trim() || `#${earlier + 1}`}” ends; only stages that run alongside the others (Publication) may overlap.`,
      ),
    );
  });
  const submission = stages.findIndex((s) => s.kind?.trim() === 'submission');
  if (submission < 0)
    add(
      'stages',
      p(
        'submission_required',
        'Kompetisi memerlukan tahapan pengajuan proposal dengan waktu penutupan.',
        'A competition needs a proposal submission stage with a closing time.',
      ),
    );
  else if (!stages[submission].closesAt)
    add(
      `stages.${submission}.closesAt`,
      p(
        'required',
        'Tahapan pengajuan proposal memerlukan waktu penutupan.',
        'The submission stage needs a closing time.',
      ),
    );
}

const trimOrNull = (v: string | null | undefined) => {
  const t = (v ?? '').trim();
  return t ? t : null;
};
const instant = (v: string | null) => (v && isIsoUtc(v) ? new Date(v).toISOString() : v);

/**
 * The stored form of a definition: texts trimmed, empty optional texts null, instants in the canonical
 * `toISOString()` form (stored instants are compared as text, so they must all look alike).
 */
export function normalizeDefinition(def: CompetitionDefinition): CompetitionDefinition {
  return {
    code: def.code.trim(),
    name: def.name.trim(),
    year: def.year,
    theme: def.theme.trim(),
    description: trimOrNull(def.description),
    timeZone: def.timeZone.trim(),
    settings: {
      allowedFileTypes: def.settings.allowedFileTypes.map((m) => m.trim().toLowerCase()),
      maxFileMb: def.settings.maxFileMb,
      maxProposalMb: def.settings.maxProposalMb,
      maxOpenDraftsPerUnit: def.settings.maxOpenDraftsPerUnit,
      maxInstitutionStorageMb: def.settings.maxInstitutionStorageMb,
      helpdesk: normalizeHelpdesk(def.settings.helpdesk),
    },
    categories: def.categories.map((c) => ({
      key: c.key.trim(),
      nameId: c.nameId.trim(),
      nameEn: c.nameEn.trim(),
    })),
    groups: def.groups.map((g) => ({
      key: g.key.trim(),
      nameId: g.nameId.trim(),
      nameEn: g.nameEn.trim(),
      descriptionId: trimOrNull(g.descriptionId),
      descriptionEn: trimOrNull(g.descriptionEn),
      minImplementationMonths: g.minImplementationMonths,
      quotaPerInstitution: g.quotaPerInstitution,
      invitationOnly: g.invitationOnly,
      sourceYears: g.sourceYears?.length ? [...new Set(g.sourceYears)].sort((a, b) => a - b) : null,
      evidenceMin: g.evidenceMin ?? DEFAULT_EVIDENCE_MIN_FILES,
      sections: g.sections.map((s) => ({
        key: s.key.trim(),
        labelId: s.labelId.trim(),
        labelEn: s.labelEn.trim(),
        guidanceId: trimOrNull(s.guidanceId),
        guidanceEn: trimOrNull(s.guidanceEn),
        wordLimit: s.wordLimit,
        weight: s.weight,
        required: s.required,
        evidenceRequired: s.evidenceRequired ?? false,
      })),
    })),
    stages: def.stages.map((s) => ({
      kind: s.kind.trim(),
      nameId: s.nameId.trim(),
      nameEn: s.nameEn.trim(),
      opensAt: instant(s.opensAt),
      closesAt: instant(s.closesAt),
    })),
  };
}

type Window = { kind: string; opensAt: string | null; closesAt: string | null };

/** Whether the stage's window contains `now` (opened, not yet closed). */
export function isRunning(s: Window, now: Date): boolean {
  const t = now.getTime();
  return !!s.opensAt && Date.parse(s.opensAt) <= t && !(s.closesAt && Date.parse(s.closesAt) <= t);
}

/**
 * The stage under way at `now`: the one whose window contains it (the later one when windows overlap), or
 * null between stages. Stages that run alongside the others (Publikasi) are never "the" stage under way;
 * `runningStages` lists them.
 */
export function currentStage<S extends Window>(stages: S[], now: Date): S | null {
  let found: S | null = null;
  for (const s of stages) if (!runsAlongside(s.kind) && isRunning(s, now)) found = s;
  return found;
}

/** Every stage whose window contains `now`, alongside stages included, in the listed order. */
export function runningStages<S extends Window>(stages: S[], now: Date): S[] {
  return stages.filter((s) => isRunning(s, now));
}

/** The closing instant of the submission stage, or null when there is none. */
export function submissionClosesAt(stages: { kind: string; closesAt: string | null }[]): string | null {
  return stages.find((s) => s.kind === 'submission')?.closesAt ?? null;
}
