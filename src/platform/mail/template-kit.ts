/*
 * What every mail template is made of: its variables, its paragraphs (text or a link the template puts
 * there) and the shape of a template in both languages.
 */
export type Locale = 'id' | 'en';

export type Vars = Record<string, string | number | null | undefined>;

/**
 * One paragraph: text (always text, whatever it starts with: names and other typed values are never
 * markup), or a link the template itself puts there.
 */
export type Paragraph = string | { link: string };

/** A link paragraph (a button in HTML). Only templates make these, never a variable's value. */
export const link = (href: string | number | null | undefined): Paragraph => ({ link: String(href ?? '') });

export interface Template {
  subject: Record<Locale, (v: Vars) => string>;
  body: Record<Locale, (v: Vars) => Paragraph[]>;
}
