import { DEFAULT_EVIDENCE_MIN_FILES } from './competition-rules.js';
import { t, type Text } from './errors.js';

/*
 * The supporting documents a proposal must carry (seed 003: "wajib disertai dokumen pendukung yang
 * relevan"). Each group's form says what is required: at least `minFiles` supporting files in all (1 by
 * default), and one for every section the organizer marked `evidenceRequired` (a file tied to that
 * section). Send, forward and the closing refuse while something is listed; the editor shows the same list.
 */

/** The group's rule: files in all, and the sections that each need their own file. */
export interface EvidenceRule {
  minFiles: number;
  sections: readonly { key: string; labelId: string; labelEn: string }[];
}

/** One missing requirement: `field` is `attachments.evidence` or `attachments.evidence.<sectionKey>`. */
export interface EvidenceGap {
  code: 'evidence_required' | 'section_evidence_required';
  field: string;
  sectionKey: string | null;
  message: Text;
}

/** The default of a group's `evidence_min` (migration 0022): one supporting file. */
export { DEFAULT_EVIDENCE_MIN_FILES };

/** What is still missing, given the sections of the supporting files already attached (null: untied). */
export function evidenceGaps(rule: EvidenceRule, attached: readonly (string | null)[]): EvidenceGap[] {
  const gaps: EvidenceGap[] = [];
  if (attached.length < rule.minFiles)
    gaps.push({
      code: 'evidence_required',
      field: 'attachments.evidence',
      sectionKey: null,
      message:
        attached.length === 0
          ? t(
              `Dokumen pendukung belum diunggah: wajib sekurang-kurangnya ${rule.minFiles} berkas.`,
              `Supporting documents not uploaded yet: at least ${rule.minFiles} ${rule.minFiles === 1 ? 'file is' : 'files are'} required.`,
            )
          : t(
              `Dokumen pendukung belum lengkap: ${attached.length} dari sekurang-kurangnya ${rule.minFiles} berkas.`,
              `Supporting documents incomplete: ${attached.length} of at least ${rule.minFiles} files.`,
            ),
    });
  for (const s of rule.sections)
    if (!attached.includes(s.key))
      gaps.push({
        code: 'section_evidence_required',
        field: `attachments.evidence.${s.key}`,
        sectionKey: s.key,
        message: t(
          `Dokumen pendukung belum diunggah untuk bagian "${s.labelId}".`,
          `Supporting document not uploaded yet for the section "${s.labelEn}".`,
        ),
      });
  return gaps;
}

/** What the evidence area tells the proposer before anything is missing: the group's rule in words. */
export function evidenceRuleText(rule: EvidenceRule): Text {
  const files = t(
    rule.minFiles > 0
      ? `Wajib sekurang-kurangnya ${rule.minFiles} dokumen pendukung`
      : 'Dokumen pendukung tidak wajib',
    rule.minFiles > 0
      ? `At least ${rule.minFiles} supporting ${rule.minFiles === 1 ? 'document is' : 'documents are'} required`
      : 'Supporting documents are optional',
  );
  if (!rule.sections.length) return t(`${files.id}.`, `${files.en}.`);
  return t(
    `${files.id}; bagian yang wajib disertai dokumen: ${rule.sections.map((s) => s.labelId).join(', ')}.`,
    `${files.en}; sections that need their own document: ${rule.sections.map((s) => s.labelEn).join(', ')}.`,
  );
}
