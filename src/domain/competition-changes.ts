import {
  runsAlongside,
  type CompetitionDefinition,
  type GroupDefinition,
  type StageDefinition,
} from './competition-template.js';
import { t, type FieldProblem, type Text } from './errors.js';
import { RECEIVED_STATES } from './proposal-workflow.js';

/*
 * What may change in a competition once it is published. Participants plan on its structure, so a change
 * is one of three kinds:
 * - `text`: wording (name, theme, descriptions, labels, guidance), settings and display order: saved and audited;
 * - `amendment`: the rules participants are judged or admitted by (groups and their rules, sections, weights,
 *   word limits, categories, the dates of stages other than submission, the time zone): only through a recorded
 *   amendment (Adendum) with its number and reason, shown on the public page and announced;
 * - `refused`: the identity (code, year) never changes, and the submission window moves only through the formal
 *   extension (letter number, notices, later stages moved with it).
 */

export type ChangeKind = 'text' | 'amendment' | 'refused';

export interface StructuralChange {
  kind: ChangeKind;
  /** The field path of the form ("groups.0.quotaPerInstitution"), or of the list ("categories"). */
  path: string;
  code: string;
  /** What changed, in words (the amendment lists these). */
  text: Text;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const num = (v: number | null, none: Text) => (v === null ? none : t(String(v), String(v)));
const NONE = t('tanpa batas', 'none');

const groupName = (g: GroupDefinition): Text => t(`Kelompok “${g.nameId}”`, `Group “${g.nameEn}”`);

/** Every change between the stored definition and the new one, classified (texts included). */
export function classifyChanges(
  before: CompetitionDefinition,
  after: CompetitionDefinition,
  timeZoneText: (instant: string | null, locale: 'id' | 'en') => string = (i) => i ?? '—',
): StructuralChange[] {
  const out: StructuralChange[] = [];
  const add = (kind: ChangeKind, path: string, code: string, text: Text) =>
    out.push({ kind, path, code, text });

  // Identity.
  if (before.code !== after.code)
    add(
      'refused',
      'code',
      'identity_locked',
      t(`Kode kompetisi ${before.code} → ${after.code}`, `Competition code ${before.code} → ${after.code}`),
    );
  if (before.year !== after.year)
    add(
      'refused',
      'year',
      'identity_locked',
      t(`Tahun ${before.year} → ${after.year}`, `Year ${before.year} → ${after.year}`),
    );
  for (const f of ['name', 'theme', 'description', 'settings'] as const)
    if (!same(before[f], after[f]))
      add('text', f, 'text_changed', t(`Teks “${f}” diubah`, `Text “${f}” changed`));
  if (before.timeZone !== after.timeZone)
    add(
      'amendment',
      'timeZone',
      'time_zone_changed',
      t(
        `Zona waktu ${before.timeZone} → ${after.timeZone}`,
        `Time zone ${before.timeZone} → ${after.timeZone}`,
      ),
    );

  // Categories: the list is structure, the names are text.
  const catBefore = new Map(before.categories.map((c) => [c.key, c]));
  const catAfter = new Map(after.categories.map((c) => [c.key, c]));
  for (const c of after.categories)
    if (!catBefore.has(c.key))
      add(
        'amendment',
        'categories',
        'category_added',
        t(`Kategori “${c.nameId}” ditambahkan`, `Category “${c.nameEn}” added`),
      );
  for (const c of before.categories)
    if (!catAfter.has(c.key))
      add(
        'amendment',
        'categories',
        'category_removed',
        t(`Kategori “${c.nameId}” dihapus`, `Category “${c.nameEn}” removed`),
      );
  after.categories.forEach((c, i) => {
    const old = catBefore.get(c.key);
    if (old && (old.nameId !== c.nameId || old.nameEn !== c.nameEn))
      add('text', `categories.${i}`, 'text_changed', t('Nama kategori diubah', 'Category renamed'));
  });
  if (
    !same(
      before.categories.map((c) => c.key),
      after.categories.map((c) => c.key),
    )
  )
    if (before.categories.length === after.categories.length && out.every((c) => c.path !== 'categories'))
      add('text', 'categories', 'order_changed', t('Urutan kategori diubah', 'Categories reordered'));

  // Groups and their forms.
  const groupsBefore = new Map(before.groups.map((g) => [g.key, g]));
  const groupsAfter = new Map(after.groups.map((g) => [g.key, g]));
  for (const g of after.groups)
    if (!groupsBefore.has(g.key))
      add(
        'amendment',
        'groups',
        'group_added',
        t(`${groupName(g).id} ditambahkan`, `${groupName(g).en} added`),
      );
  for (const g of before.groups)
    if (!groupsAfter.has(g.key))
      add(
        'amendment',
        'groups',
        'group_removed',
        t(`${groupName(g).id} dihapus`, `${groupName(g).en} removed`),
      );
  after.groups.forEach((g, i) => {
    const old = groupsBefore.get(g.key);
    if (!old) return;
    const at = `groups.${i}`;
    const name = groupName(g);
    if (old.minImplementationMonths !== g.minImplementationMonths)
      add(
        'amendment',
        `${at}.minImplementationMonths`,
        'group_rule_changed',
        t(
          `${name.id}: usia inovasi minimal ${old.minImplementationMonths} → ${g.minImplementationMonths} bulan`,
          `${name.en}: minimum innovation age ${old.minImplementationMonths} → ${g.minImplementationMonths} months`,
        ),
      );
    if (old.quotaPerInstitution !== g.quotaPerInstitution)
      add(
        'amendment',
        `${at}.quotaPerInstitution`,
        'group_rule_changed',
        t(
          `${name.id}: kuota per instansi ${num(old.quotaPerInstitution, NONE).id} → ${num(g.quotaPerInstitution, NONE).id}`,
          `${name.en}: quota per institution ${num(old.quotaPerInstitution, NONE).en} → ${num(g.quotaPerInstitution, NONE).en}`,
        ),
      );
    if (old.invitationOnly !== g.invitationOnly)
      add(
        'amendment',
        `${at}.invitationOnly`,
        'group_rule_changed',
        g.invitationOnly
          ? t(`${name.id}: kini hanya dengan undangan`, `${name.en}: now by invitation only`)
          : t(`${name.id}: kini terbuka tanpa undangan`, `${name.en}: now open without invitation`),
      );
    if (!same(old.sourceYears, g.sourceYears))
      add(
        'amendment',
        `${at}.sourceYears`,
        'group_rule_changed',
        t(
          `${name.id}: tahun sumber replikasi ${old.sourceYears?.join(', ') ?? 'semua'} → ${g.sourceYears?.join(', ') ?? 'semua'}`,
          `${name.en}: replication source years ${old.sourceYears?.join(', ') ?? 'any'} → ${g.sourceYears?.join(', ') ?? 'any'}`,
        ),
      );
    const [minBefore, minAfter] = [old.evidenceMin ?? 1, g.evidenceMin ?? 1];
    if (minBefore !== minAfter)
      add(
        'amendment',
        `${at}.evidenceMin`,
        'group_rule_changed',
        t(
          `${name.id}: dokumen pendukung wajib ${minBefore} → ${minAfter} berkas`,
          `${name.en}: required supporting documents ${minBefore} → ${minAfter} files`,
        ),
      );
    if (
      old.nameId !== g.nameId ||
      old.nameEn !== g.nameEn ||
      old.descriptionId !== g.descriptionId ||
      old.descriptionEn !== g.descriptionEn
    )
      add('text', at, 'text_changed', t(`${name.id}: teks diubah`, `${name.en}: texts changed`));
    sectionChanges(old, g, at, add);
  });

  // Stages.
  const stagesBefore = new Map(before.stages.map((s) => [s.kind, s]));
  const stagesAfter = new Map(after.stages.map((s) => [s.kind, s]));
  for (const s of after.stages)
    if (!stagesBefore.has(s.kind))
      add(
        'amendment',
        'stages',
        'stage_added',
        t(`Tahapan “${s.nameId}” ditambahkan`, `Stage “${s.nameEn}” added`),
      );
  for (const s of before.stages)
    if (!stagesAfter.has(s.kind))
      add(
        s.kind === 'submission' ? 'refused' : 'amendment',
        'stages',
        s.kind === 'submission' ? 'use_extension' : 'stage_removed',
        t(`Tahapan “${s.nameId}” dihapus`, `Stage “${s.nameEn}” removed`),
      );
  after.stages.forEach((s, i) => {
    const old = stagesBefore.get(s.kind);
    if (!old) return;
    for (const f of ['opensAt', 'closesAt'] as const) {
      if (old[f] === s[f] || (old[f] && s[f] && Date.parse(old[f]) === Date.parse(s[f]))) continue;
      const label = f === 'opensAt' ? t('dibuka', 'opens') : t('ditutup', 'closes');
      add(
        s.kind === 'submission' ? 'refused' : 'amendment',
        `stages.${i}.${f}`,
        s.kind === 'submission' ? 'use_extension' : 'stage_dates_changed',
        t(
          `Tahapan “${s.nameId}” ${label.id} ${timeZoneText(old[f], 'id')} → ${timeZoneText(s[f], 'id')}`,
          `Stage “${s.nameEn}” ${label.en} ${timeZoneText(old[f], 'en')} → ${timeZoneText(s[f], 'en')}`,
        ),
      );
    }
    if (old.nameId !== s.nameId || old.nameEn !== s.nameEn)
      add('text', `stages.${i}`, 'text_changed', t('Nama tahapan diubah', 'Stage renamed'));
  });
  return out;
}

function sectionChanges(
  old: GroupDefinition,
  g: GroupDefinition,
  at: string,
  add: (kind: ChangeKind, path: string, code: string, text: Text) => void,
) {
  const name = groupName(g);
  const before = new Map(old.sections.map((s) => [s.key, s]));
  const after = new Map(g.sections.map((s) => [s.key, s]));
  for (const s of g.sections)
    if (!before.has(s.key))
      add(
        'amendment',
        `${at}.sections`,
        'section_added',
        t(`${name.id}: bagian “${s.labelId}” ditambahkan`, `${name.en}: section “${s.labelEn}” added`),
      );
  for (const s of old.sections)
    if (!after.has(s.key))
      add(
        'amendment',
        `${at}.sections`,
        'section_removed',
        t(`${name.id}: bagian “${s.labelId}” dihapus`, `${name.en}: section “${s.labelEn}” removed`),
      );
  g.sections.forEach((s, j) => {
    const o = before.get(s.key);
    if (!o) return;
    const sp = `${at}.sections.${j}`;
    const what = t(`${name.id}, bagian “${s.labelId}”`, `${name.en}, section “${s.labelEn}”`);
    if (o.weight !== s.weight)
      add(
        'amendment',
        `${sp}.weight`,
        'weight_changed',
        t(`${what.id}: bobot ${o.weight} → ${s.weight}`, `${what.en}: weight ${o.weight} → ${s.weight}`),
      );
    if (o.wordLimit !== s.wordLimit)
      add(
        'amendment',
        `${sp}.wordLimit`,
        'word_limit_changed',
        t(
          `${what.id}: batas kata ${num(o.wordLimit, NONE).id} → ${num(s.wordLimit, NONE).id}`,
          `${what.en}: word limit ${num(o.wordLimit, NONE).en} → ${num(s.wordLimit, NONE).en}`,
        ),
      );
    if (o.required !== s.required)
      add(
        'amendment',
        `${sp}.required`,
        'required_changed',
        s.required
          ? t(`${what.id}: kini wajib diisi`, `${what.en}: now required`)
          : t(`${what.id}: kini tidak wajib`, `${what.en}: no longer required`),
      );
    if ((o.evidenceRequired ?? false) !== (s.evidenceRequired ?? false))
      add(
        'amendment',
        `${sp}.evidenceRequired`,
        'evidence_required_changed',
        s.evidenceRequired
          ? t(
              `${what.id}: kini wajib disertai dokumen pendukung`,
              `${what.en}: now needs a supporting document`,
            )
          : t(
              `${what.id}: dokumen pendukung tidak lagi wajib`,
              `${what.en}: supporting document no longer required`,
            ),
      );
    if (
      o.labelId !== s.labelId ||
      o.labelEn !== s.labelEn ||
      o.guidanceId !== s.guidanceId ||
      o.guidanceEn !== s.guidanceEn
    )
      add('text', sp, 'text_changed', t(`${what.id}: teks diubah`, `${what.en}: texts changed`));
  });
}

/*
 * Moving the stages after an extended submission. Each later stage moves by what the extension eats of the
 * gap before it, rounded up to whole days so a stage keeps its hour: s_i = ⌈max(0, s_{i-1} − gap_i)⌉ days,
 * where gap_i is the free time between the previous stage's end and this stage's start (0 when they already
 * overlapped, so an overlap the organizer set is kept as it was).
 * A stage without any instant does not move and does not break the chain. The result never overlaps where the
 * stored timeline did not.
 */

export interface MovedStage {
  kind: string;
  nameId: string;
  nameEn: string;
  from: { opensAt: string | null; closesAt: string | null };
  to: { opensAt: string | null; closesAt: string | null };
}

const DAY = 86_400_000;
const ms = (v: string | null) => (v ? Date.parse(v) : null);
const plus = (v: string | null, by: number) => (v ? new Date(Date.parse(v) + by).toISOString() : null);
const startOf = (s: StageDefinition) => ms(s.opensAt) ?? ms(s.closesAt);
const endOf = (s: StageDefinition) => ms(s.closesAt) ?? ms(s.opensAt);

/**
 * The stages with the submission closing at `closesAt` and the later stages moved as above. A stage that runs
 * alongside the others (Publikasi) is not part of the chain: it keeps its opening, and when it ended after the
 * old submission close (it runs "until the awarding") its end moves with the last stage that began before it
 * ended, so it still covers the stages it covered.
 */
export function shiftStagesAfterExtension(
  stages: StageDefinition[],
  closesAt: string,
): { stages: StageDefinition[]; moved: MovedStage[] } {
  const at = stages.findIndex((s) => s.kind === 'submission');
  if (at < 0) return { stages, moved: [] };
  const submission = stages[at];
  const result = stages.map((s) => ({ ...s }));
  result[at] = { ...submission, closesAt: new Date(closesAt).toISOString() };
  let shift = Math.max(0, Date.parse(closesAt) - (endOf(submission) ?? Date.parse(closesAt)));
  let previousEnd = endOf(submission);
  const shifts = new Map<number, number>();
  for (let i = at + 1; i < stages.length && shift > 0; i++) {
    const s = stages[i];
    const start = startOf(s);
    if (start === null || runsAlongside(s.kind)) continue;
    const gap = previousEnd === null ? 0 : Math.max(0, start - previousEnd);
    shift = Math.ceil(Math.max(0, shift - gap) / DAY) * DAY;
    previousEnd = endOf(s);
    if (!shift) break;
    shifts.set(i, shift);
    result[i] = { ...s, opensAt: plus(s.opensAt, shift), closesAt: plus(s.closesAt, shift) };
  }
  const oldClose = endOf(submission);
  stages.forEach((s, i) => {
    const end = ms(s.closesAt);
    if (!runsAlongside(s.kind) || end === null || oldClose === null || end < oldClose) return;
    // The last stage (by its old start) that began before this one ended decides how far its end moves.
    let by = 0;
    let latest = -Infinity;
    stages.forEach((o, j) => {
      const start = startOf(o);
      if (runsAlongside(o.kind) || start === null || start >= end || start < latest) return;
      latest = start;
      by = j === at ? Math.ceil(Math.max(0, Date.parse(closesAt) - end) / DAY) * DAY : (shifts.get(j) ?? 0);
    });
    if (by) {
      shifts.set(i, by);
      result[i] = { ...s, closesAt: plus(s.closesAt, by) };
    }
  });
  const moved: MovedStage[] = [...shifts.keys()]
    .sort((a, b) => a - b)
    .map((i) => ({
      kind: stages[i].kind,
      nameId: stages[i].nameId,
      nameEn: stages[i].nameEn,
      from: { opensAt: stages[i].opensAt, closesAt: stages[i].closesAt },
      to: { opensAt: result[i].opensAt, closesAt: result[i].closesAt },
    }));
  return { stages: result, moved };
}

/**
 * The stages after submission that a new closing at `closesAt` would overlap if nothing moved (they start
 * before it), stages running alongside excepted: what an extension that keeps the calendar is refused with.
 */
export function stagesOverlappedByExtension(stages: StageDefinition[], closesAt: string): StageDefinition[] {
  const at = stages.findIndex((s) => s.kind === 'submission');
  if (at < 0) return [];
  const close = Date.parse(closesAt);
  return stages.filter((s, i) => {
    const start = startOf(s);
    return i > at && !runsAlongside(s.kind) && start !== null && start < close;
  });
}

/**
 * Pairs of consecutive stages that overlap in `after` but did not in `before` (by kind): a published timeline
 * may only keep overlaps it already had. Returned as field problems on the later stage's opening.
 */
export function newOverlaps(
  before: StageDefinition[],
  after: StageDefinition[],
): Record<string, FieldProblem> {
  const overlapsIn = (list: StageDefinition[], a: string, b: string) => {
    const x = list.find((s) => s.kind === a);
    const y = list.find((s) => s.kind === b);
    if (!x || !y) return false;
    const end = endOf(x);
    const start = startOf(y);
    return end !== null && start !== null && start < end;
  };
  const problems: Record<string, FieldProblem> = {};
  for (let i = 1; i < after.length; i++) {
    const prev = after[i - 1];
    const s = after[i];
    if (overlapsIn(after, prev.kind, s.kind) && !overlapsIn(before, prev.kind, s.kind))
      problems[`stages.${i}.${s.opensAt ? 'opensAt' : 'closesAt'}`] = {
        code: 'stages_overlap',
        message: t(
          `Tahapan “${s.nameId}” dimulai sebelum tahapan “${prev.nameId}” berakhir.`,
          `Stage “${s.nameEn}” starts before stage “${prev.nameEn}” ends.`,
        ),
      };
  }
  return problems;
}

export const AMENDMENT_NUMBER_MAX = 128;
export const AMENDMENT_REASON_MAX = 2000;

export interface AmendmentInput {
  number: string;
  reasonId: string;
  reasonEn?: string | null;
}

/** The amendment's own fields: a number (of the decree/letter) and a reason in Indonesian are required. */
export function validateAmendment(input: AmendmentInput): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  const number = input.number.trim();
  if (!number)
    problems['amendment.number'] = {
      code: 'required',
      message: t('Nomor adendum wajib diisi.', 'The amendment number is required.'),
    };
  else if (number.length > AMENDMENT_NUMBER_MAX)
    problems['amendment.number'] = {
      code: 'too_long',
      message: t(
        `Nomor adendum paling banyak ${AMENDMENT_NUMBER_MAX} karakter.`,
        `The amendment number has at most ${AMENDMENT_NUMBER_MAX} characters.`,
      ),
    };
  if (!input.reasonId.trim())
    problems['amendment.reasonId'] = {
      code: 'required',
      message: t('Alasan adendum wajib diisi.', 'The reason of the amendment is required.'),
    };
  for (const f of ['reasonId', 'reasonEn'] as const)
    if ((input[f] ?? '').length > AMENDMENT_REASON_MAX)
      problems[`amendment.${f}`] = {
        code: 'too_long',
        message: t(
          `Alasan paling banyak ${AMENDMENT_REASON_MAX} karakter.`,
          `The reason has at most ${AMENDMENT_REASON_MAX} characters.`,
        ),
      };
  return problems;
}

/** Proposals of a competition by where they stand: what unpublishing would hide. */
export interface ProposalCounts {
  total: number;
  draft: number;
  sent: number;
  returned: number;
  forwarded: number;
  other: number;
}

/** The counts by state as the confirmations word them (sent = with the admin lokal, also after a withdrawal). */
export function proposalCountsOf(byState: ReadonlyMap<string, number>): ProposalCounts {
  const n = (...states: string[]) => states.reduce((sum, s) => sum + (byState.get(s) ?? 0), 0);
  const total = [...byState.values()].reduce((a, b) => a + b, 0);
  const counts = {
    draft: n('draft'),
    sent: n('sent_to_local_admin', 'withdrawn'),
    returned: n('returned'),
    forwarded: n('forwarded', ...RECEIVED_STATES),
  };
  return {
    total,
    ...counts,
    other: total - counts.draft - counts.sent - counts.returned - counts.forwarded,
  };
}

/**
 * Unpublishing hides the competition from the home page and from every UPP's list, and stops its reminders and
 * closing. Decision: refused as soon as one proposal exists in it (a unit's work would vanish); a competition
 * published by mistake and still empty can be taken back.
 */
export function mayUnpublish(counts: ProposalCounts): { allowed: true } | { allowed: false; reason: Text } {
  if (counts.total === 0) return { allowed: true };
  return {
    allowed: false,
    reason: t(
      `Kompetisi ini sudah memiliki ${counts.total} proposal (${counts.draft} draf, ${counts.sent + counts.returned} dalam pemeriksaan admin lokal, ${counts.forwarded} diteruskan); menariknya akan menghilangkan pekerjaan unit dari daftar mereka. Ubah melalui adendum atau perpanjangan.`,
      `This competition already has ${counts.total} proposals (${counts.draft} drafts, ${counts.sent + counts.returned} with the admin lokal, ${counts.forwarded} forwarded); unpublishing it would take the units' work out of their lists. Change it through an amendment or an extension instead.`,
    ),
  };
}
