/*
 * A rough passphrase strength hint for the setup form. Not a gate beyond the minimum length: the aim is
 * to nudge towards a long sentence, which PBKDF2 then makes slow to guess.
 */
import { MIN_PASSPHRASE_LENGTH } from './keyring';

export type Strength = 'weak' | 'fair' | 'strong';

export function passphraseStrength(p: string): Strength {
  const length = Array.from(p.trim()).length;
  if (length < MIN_PASSPHRASE_LENGTH) return 'weak';
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^\w\s]/, /\s/, /[^\p{ASCII}]/u].filter((r) => r.test(p)).length;
  if (length >= 16 || (length >= 12 && classes >= 3)) return 'strong';
  return 'fair';
}
