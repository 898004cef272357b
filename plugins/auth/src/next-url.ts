/**
 * Where to go after signing in: `next` when it is a path on the same surface (never another host or surface, so
 * the login form cannot be used to redirect people elsewhere), else the surface's home.
 */
export function safeNext(next: unknown, base: string): string {
  const home = base || '/';
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || /[\\\s]/.test(next)) return home;
  if (base && next !== base && !next.startsWith(`${base}/`) && !next.startsWith(`${base}?`)) return home;
  return next;
}
