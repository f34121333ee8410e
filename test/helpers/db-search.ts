import { sql } from 'kysely';
import { dialectOf, type Db } from '../../src/db/connect.js';

export interface Hit {
  table: string;
  column: string;
  count: number;
}

/** Every table and column of the database, read from the engine's own catalogue (never a hand-made list). */
async function columnsOf(db: Db): Promise<{ table: string; column: string }[]> {
  if (dialectOf(db) === 'postgres') {
    const r = await sql<{ table: string; column: string }>`
      select table_name as "table", column_name as "column" from information_schema.columns
      where table_schema = current_schema() order by table_name, ordinal_position`.execute(db);
    return r.rows;
  }
  const tables = await sql<{ name: string }>`
    select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(
    db,
  );
  const out: { table: string; column: string }[] = [];
  for (const { name } of tables.rows) {
    const cols = await sql<{ name: string }>`select name from pragma_table_info(${name})`.execute(db);
    for (const c of cols.rows) out.push({ table: name, column: c.name });
  }
  return out;
}

/** Where a text occurs (case-insensitive) in any column of any table: table, column and how many rows. */
export async function searchDatabase(db: Db, text: string): Promise<Hit[]> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;
  const pg = dialectOf(db) === 'postgres';
  const hits: Hit[] = [];
  for (const { table, column } of await columnsOf(db)) {
    const value = pg ? sql`lower(${sql.ref(column)}::text)` : sql`lower(cast(${sql.ref(column)} as text))`;
    const r = await sql<{ n: number | string }>`
      select count(*) as n from ${sql.table(table)} where ${value} like ${pattern} escape '\\'`.execute(db);
    const count = Number(r.rows[0].n);
    if (count > 0) hits.push({ table, column, count });
  }
  return hits;
}
