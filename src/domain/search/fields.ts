/** The fields of an innovation the search reads, from the weightiest (rank.ts weighs them). */
export const FIELDS = ['title', 'acronym', 'answers'] as const;
export type Field = (typeof FIELDS)[number];

/** A document's texts by field (its answers joined into one text by the caller). */
export type FieldTexts = Readonly<Record<Field, string>>;
