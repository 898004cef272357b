export const UNIQUE_VIOLATION = '23505';

/** The name of the unique index a 23505 error broke, if any. */
export function violatedConstraint(error: unknown): string | undefined {
  const pg = error as { code?: string; constraint?: string };
  return pg.code === UNIQUE_VIOLATION ? (pg.constraint ?? '') : undefined;
}

/** `%` and `_` match literally in a search term. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
