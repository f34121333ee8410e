import { sql, type SqlBool } from 'kysely';

/*
 * Case-insensitive "contains" search, the same in both dialects: used by every list with a search box
 * (outbox, audit log, proposals).
 */

/** `%text%` for LIKE with the wildcards in the text taken literally. */
export const containsPattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;

/** Case-insensitive "contains" in both dialects (PostgreSQL's LIKE is case-sensitive, SQLite's is not). */
export const ilike = (column: string, pattern: string) =>
  sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
