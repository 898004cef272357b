import type { Knex } from 'knex';

/**
 * `catalog.search_fold(text)`: lower case without accents, IMMUTABLE so generated columns and indexes may use it.
 * It wraps the `unaccent` extension (bundled with PGlite and contrib on servers) with its dictionary named by schema,
 * so the function does not depend on the caller's search path.
 */
export async function up(knex: Knex, { schema }: { schema: string }): Promise<void> {
  await knex.raw('create extension if not exists unaccent');
  const found = await knex.raw(
    `select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'unaccent'`,
  );
  const home = (found.rows[0] as { schema: string }).schema;
  await knex.raw(
    `create function ??.search_fold(value text) returns text language sql immutable parallel safe strict
     as $$ select lower(${quoteIdent(home)}.unaccent('${quoteIdent(home)}.unaccent'::regdictionary, value)) $$`,
    [schema],
  );
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export async function down(knex: Knex, { schema }: { schema: string }): Promise<void> {
  await knex.raw('drop function if exists ??.search_fold(text)', [schema]);
}
