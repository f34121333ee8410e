/* The fields of a proposal's identity that two versions are compared on (proposal-diff.ts), apart from the
 * form's sections and the evidence. Kept apart so the browser can list them without loading jsdiff. */

/** The identity fields compared, in the order the form shows them. */
export const DIFF_FIELDS = [
  'title',
  'acronym',
  'categoryKey',
  'implementationStart',
  'innovatorKind',
  'innovatorNames',
  'contactName',
  'contactPhone',
  'contactEmail',
  'links',
  'declarationAccepted',
  'sourceAwardId',
] as const;
export type DiffField = (typeof DIFF_FIELDS)[number];
