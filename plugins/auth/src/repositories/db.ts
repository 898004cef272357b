import type { Knex } from 'knex';

/** The plugin's schema-bound knex, read lazily (`ctx.db` throws where the host runs without a database). */
export type DbRef = () => Knex;

/** An open transaction: services pass it through to repositories without touching knex themselves. */
export type Tx = Knex.Transaction;

/** Runs work in one transaction. */
export interface Transactor {
  run<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
}

export function createTransactor(db: DbRef): Transactor {
  return { run: (work) => db().transaction(work) };
}

/** True for PostgreSQL's unique violation (SQLSTATE 23505). */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505';
}

/** `%term%` for ILIKE with the wildcards in `term` escaped. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
