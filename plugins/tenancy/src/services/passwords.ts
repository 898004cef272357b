import bcrypt from 'bcryptjs';

const COST = 12;
// A cost-12 hash of a random string nobody knows: unknown emails are compared against it, so a sign-in for an
// unknown email takes as long as one for a known email with a wrong password.
const DUMMY_HASH = '$2b$12$yPV4JtBIl3ny6LTYLqLPOOTOCQdI2qNBuOwZxbJIlWerk3JZ4VsEm';

/** Minimum password length for staff and admin accounts. */
export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

/** Compares `password` with `hash`; without a hash it still spends a full bcrypt compare and returns false. */
export async function verifyPassword(password: string, hash: string | undefined): Promise<boolean> {
  const matches = await bcrypt.compare(password, hash ?? DUMMY_HASH);
  return hash !== undefined && matches;
}
