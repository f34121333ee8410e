import { type UseFormReturnType } from '@mantine/form';
import { joinInZone, splitInZone } from '../../../components/AdminTime.js';
import type { CompetitionDetail as CompetitionDefinition } from '../../../../contracts/competitions.js';
import { kippTemplate } from '../../../../domain/competition-template.js';
import { phoneText } from '../../../components/phoneText.js';

/* ---------- form values: the definition as the inputs hold it ---------- */

export type Num = number | string;

export interface CategoryValues {
  uid: string;
  key: string;
  nameId: string;
  nameEn: string;
}
export interface SectionValues {
  uid: string;
  key: string;
  labelId: string;
  labelEn: string;
  guidanceId: string;
  guidanceEn: string;
  wordLimit: Num;
  weight: Num;
  required: boolean;
  /** The section needs its own supporting file. */
  evidenceRequired: boolean;
}
export interface GroupValues {
  uid: string;
  key: string;
  nameId: string;
  nameEn: string;
  descriptionId: string;
  descriptionEn: string;
  minImplementationMonths: Num;
  quotaPerInstitution: Num;
  invitationOnly: boolean;
  /** Years (as text, for the multi-select) a replikasi source may come from; empty = any year. */
  sourceYears: string[];
  /** Supporting files a proposal must carry in all. */
  evidenceMin: Num;
  sections: SectionValues[];
}
export interface StageValues {
  uid: string;
  kind: string;
  nameId: string;
  nameEn: string;
  opensDate: string;
  opensTime: string;
  closesDate: string;
  closesTime: string;
}
export interface Values {
  code: string;
  name: string;
  year: Num;
  theme: string;
  description: string;
  timeZone: string;
  allowedFileTypes: string[];
  maxFileMb: Num;
  maxProposalMb: Num;
  maxOpenDraftsPerUnit: Num;
  maxInstitutionStorageMb: Num;
  /** The help contact (settings.helpdesk), one input each; empty = not given. */
  helpdeskPhone: string;
  helpdeskEmail: string;
  helpdeskWhatsapp: string;
  helpdeskHours: string;
  categories: CategoryValues[];
  groups: GroupValues[];
  stages: StageValues[];
}
export type Form = UseFormReturnType<Values>;

/** How each kind of stage is named by default (the KIPP calendar), for the kind choice and new stages. */
export const KIND_NAMES: Record<string, { nameId: string; nameEn: string }> = Object.fromEntries(
  kippTemplate({ year: 2026 }).stages.map((s) => [s.kind, { nameId: s.nameId, nameEn: s.nameEn }]),
);

/** MIME types offered in the file-type picker, shown by name (PDF, JPG, …): the types uploads recognize. */
export const COMMON_FILE_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'video/mp4',
  'application/zip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
];

export const FORM_ID = 'competition-settings';

let uidCounter = 0;
export const uid = () => `u${++uidCounter}`;

export function toValues(d: CompetitionDefinition): Values {
  return {
    code: d.code ?? '',
    name: d.name ?? '',
    year: d.year ?? '',
    theme: d.theme ?? '',
    description: d.description ?? '',
    timeZone: d.timeZone || 'Asia/Jakarta',
    allowedFileTypes: d.settings?.allowedFileTypes ?? [],
    maxFileMb: d.settings?.maxFileMb ?? '',
    maxProposalMb: d.settings?.maxProposalMb ?? '',
    maxOpenDraftsPerUnit: d.settings?.maxOpenDraftsPerUnit ?? '',
    maxInstitutionStorageMb: d.settings?.maxInstitutionStorageMb ?? '',
    // Numbers as people read them ("0541 736 452"); the server stores them as "+62…" again.
    helpdeskPhone: d.settings?.helpdesk?.phone ? phoneText(d.settings.helpdesk.phone) : '',
    helpdeskEmail: d.settings?.helpdesk?.email ?? '',
    helpdeskWhatsapp: d.settings?.helpdesk?.whatsapp ? phoneText(d.settings.helpdesk.whatsapp) : '',
    helpdeskHours: d.settings?.helpdesk?.hours ?? '',
    categories: (d.categories ?? []).map((c) => ({
      uid: uid(),
      key: c.key,
      nameId: c.nameId,
      nameEn: c.nameEn,
    })),
    groups: (d.groups ?? []).map((g) => ({
      uid: uid(),
      key: g.key,
      nameId: g.nameId,
      nameEn: g.nameEn,
      descriptionId: g.descriptionId ?? '',
      descriptionEn: g.descriptionEn ?? '',
      minImplementationMonths: g.minImplementationMonths ?? '',
      quotaPerInstitution: g.quotaPerInstitution ?? '',
      invitationOnly: !!g.invitationOnly,
      sourceYears: (g.sourceYears ?? []).map(String),
      evidenceMin: g.evidenceMin ?? 1,
      sections: (g.sections ?? []).map((s) => ({
        uid: uid(),
        key: s.key,
        labelId: s.labelId,
        labelEn: s.labelEn,
        guidanceId: s.guidanceId ?? '',
        guidanceEn: s.guidanceEn ?? '',
        wordLimit: s.wordLimit ?? '',
        weight: s.weight ?? '',
        required: !!s.required,
        evidenceRequired: !!s.evidenceRequired,
      })),
    })),
    stages: (d.stages ?? []).map((s) => {
      const opens = splitInZone(s.opensAt, d.timeZone || 'Asia/Jakarta');
      const closes = splitInZone(s.closesAt, d.timeZone || 'Asia/Jakarta');
      return {
        uid: uid(),
        kind: s.kind,
        nameId: s.nameId,
        nameEn: s.nameEn,
        opensDate: opens.date,
        opensTime: opens.time,
        closesDate: closes.date,
        closesTime: closes.time,
      };
    }),
  };
}

/** Gives rows of `next` the uid of the row with the same key in `prev`. */
export function keepUids(next: Values, prev: Values): Values {
  const match = <T extends { uid: string; key: string }>(a: T[], b: T[]) =>
    a.map((x) => ({ ...x, uid: b.find((y) => y.key === x.key)?.uid ?? x.uid }));
  return {
    ...next,
    categories: match(next.categories, prev.categories),
    groups: match(next.groups, prev.groups).map((g) => ({
      ...g,
      sections: match(g.sections, prev.groups.find((p) => p.key === g.key)?.sections ?? []),
    })),
    stages: next.stages.map((st) => ({
      ...st,
      uid: prev.stages.find((p) => p.kind === st.kind)?.uid ?? st.uid,
    })),
  };
}

/** A typed number, or null for an empty input (the server names what is missing). */
export const num = (v: Num): number | null =>
  v === '' || v === null || Number.isNaN(Number(v)) ? null : Number(v);
export const textOrNull = (v: string) => (v.trim() ? v.trim() : null);

export function toBody(v: Values, base: CompetitionDefinition) {
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    year: num(v.year),
    theme: v.theme.trim(),
    description: textOrNull(v.description),
    timeZone: v.timeZone,
    settings: {
      ...base.settings,
      allowedFileTypes: v.allowedFileTypes.map((x) => x.trim().toLowerCase()).filter(Boolean),
      maxFileMb: num(v.maxFileMb),
      maxProposalMb: num(v.maxProposalMb),
      maxOpenDraftsPerUnit: num(v.maxOpenDraftsPerUnit),
      maxInstitutionStorageMb: num(v.maxInstitutionStorageMb),
      // The server checks and normalizes each part (phones to +62…; domain/helpdesk-contact).
      helpdesk: {
        phone: textOrNull(v.helpdeskPhone),
        email: textOrNull(v.helpdeskEmail),
        whatsapp: textOrNull(v.helpdeskWhatsapp),
        hours: textOrNull(v.helpdeskHours),
      },
    },
    categories: v.categories.map((c) => ({
      key: c.key.trim(),
      nameId: c.nameId.trim(),
      nameEn: c.nameEn.trim(),
    })),
    groups: v.groups.map((g) => ({
      key: g.key.trim(),
      nameId: g.nameId.trim(),
      nameEn: g.nameEn.trim(),
      descriptionId: textOrNull(g.descriptionId),
      descriptionEn: textOrNull(g.descriptionEn),
      minImplementationMonths: num(g.minImplementationMonths),
      quotaPerInstitution: num(g.quotaPerInstitution),
      invitationOnly: g.invitationOnly,
      sourceYears: g.sourceYears.length ? g.sourceYears.map(Number).sort((a, b) => a - b) : null,
      evidenceMin: num(g.evidenceMin) ?? 0,
      sections: g.sections.map((s) => ({
        key: s.key.trim(),
        labelId: s.labelId.trim(),
        labelEn: s.labelEn.trim(),
        guidanceId: textOrNull(s.guidanceId),
        guidanceEn: textOrNull(s.guidanceEn),
        wordLimit: num(s.wordLimit),
        weight: num(s.weight),
        required: s.required,
        evidenceRequired: s.evidenceRequired,
      })),
    })),
    stages: v.stages.map((s) => ({
      kind: s.kind,
      nameId: s.nameId.trim(),
      nameEn: s.nameEn.trim(),
      opensAt: joinInZone(s.opensDate, s.opensTime, v.timeZone, '00:00'),
      closesAt: joinInZone(s.closesDate, s.closesTime, v.timeZone, '23:59'),
    })),
  };
}

/** Empty required numbers are caught here (the server's shape check would only say "wrong type"). */
export function missingNumbers(v: Values, required: string): Record<string, string> {
  const errors: Record<string, string> = {};
  const need = (path: string, value: Num) => {
    if (num(value) === null) errors[path] = required;
  };
  need('year', v.year);
  need('maxFileMb', v.maxFileMb);
  need('maxProposalMb', v.maxProposalMb);
  need('maxOpenDraftsPerUnit', v.maxOpenDraftsPerUnit);
  need('maxInstitutionStorageMb', v.maxInstitutionStorageMb);
  v.groups.forEach((g, gi) => {
    need(`groups.${gi}.minImplementationMonths`, g.minImplementationMonths);
    g.sections.forEach((sec, si) => need(`groups.${gi}.sections.${si}.weight`, sec.weight));
  });
  return errors;
}

/* ---------- server field paths ↔ inputs ---------- */

/**
 * The input a server field path belongs to ("settings.maxFileMb" → "maxFileMb", "settings.helpdesk.phone" →
 * "helpdeskPhone", "stages.1.closesAt" → its date).
 */
export function formPath(serverPath: string): string {
  let p = serverPath.replace(/^settings\./, '');
  p = p.replace(/^allowedFileTypes\.\d+$/, 'allowedFileTypes');
  p = p.replace(
    /^helpdesk\.(\w)(\w*)$/,
    (_, first: string, rest: string) => `helpdesk${first.toUpperCase()}${rest}`,
  );
  p = p.replace(/^stages\.(\d+)\.opensAt$/, 'stages.$1.opensDate');
  p = p.replace(/^stages\.(\d+)\.closesAt$/, 'stages.$1.closesDate');
  return p;
}

export type TabKey = 'general' | 'categories' | 'groups' | 'stages';
export function tabOf(path: string): TabKey {
  const head = path.split('.')[0];
  return head === 'categories' || head === 'groups' || head === 'stages' ? head : 'general';
}

/** A name in quotation marks, or nothing when it is still empty. */
export const quoted = (name: string | null | undefined) => (name?.trim() ? `“${name.trim()}”` : '');

/** "Kelompok 1 “Umum” › Bagian 4 “Signifikansi” › Bobot": where an error is, in words. */
export function describePath(
  path: string,
  v: Values,
  t: (k: string, o?: Record<string, unknown>) => string,
): string {
  const seg = path.split('.');
  const out: string[] = [];
  for (let i = 0; i < seg.length; i++) {
    const s = seg[i];
    const n = Number(seg[i + 1]);
    if ((s === 'categories' || s === 'groups' || s === 'stages') && Number.isInteger(n)) {
      const item = (v[s] as { nameId?: string }[])[n];
      out.push(t(`secretariat.settings.path.${s}`, { n: n + 1, name: quoted(item?.nameId) }));
      i++;
    } else if (s === 'sections' && Number.isInteger(n)) {
      const g = v.groups[Number(seg[i - 1])];
      out.push(t('secretariat.settings.path.sections', { n: n + 1, name: quoted(g?.sections[n]?.labelId) }));
      i++;
    } else if (s === 'opensDate' || s === 'closesDate') {
      out.push(t(`secretariat.settings.fields.${s === 'opensDate' ? 'opensAt' : 'closesAt'}`));
    } else {
      out.push(t(`secretariat.settings.fields.${s}`, { defaultValue: s }));
    }
  }
  return out.join(' › ');
}

/** The years a replikasi source may come from: KIPP 2014 up to the year before the competition. */
export function sourceYearOptions(year: Num): string[] {
  const last = (Number(year) || new Date().getFullYear()) - 1;
  const out: string[] = [];
  for (let y = last; y >= 2014; y--) out.push(String(y));
  return out;
}

export function weightTotal(g: GroupValues): number {
  return g.sections.reduce((sum, s) => sum + (Number(s.weight) || 0), 0);
}

/* ---------- small pieces ---------- */
