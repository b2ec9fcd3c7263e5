import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library's defaults (memory-hard; about 50 ms here). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

export const PASSWORD_MIN_LENGTH = 10;

export class PasswordError extends Error {}

export function checkPasswordStrength(password: string): void {
  if (password.length < PASSWORD_MIN_LENGTH) throw new PasswordError(`password must have at least ${PASSWORD_MIN_LENGTH} characters`);
  if (password.length > 256) throw new PasswordError('password must have at most 256 characters');
}
