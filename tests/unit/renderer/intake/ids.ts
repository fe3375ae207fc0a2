// Valid identifiers for intake tests, made by the shared generators (deterministic seeds).
import { generateCreditCode, generateResidentId, seededRng } from '#shared/law/identifiers';

export function residentId(seed: number, birth = '1985-03-12'): string {
  const r = generateResidentId(seededRng(seed), { birth, sex: seed % 2 ? 'male' : 'female' });
  if (!r.ok) throw new Error(r.error.zh);
  return r.value;
}

export function creditCode(seed: number): string {
  const r = generateCreditCode(seededRng(seed));
  if (!r.ok) throw new Error(r.error.zh);
  return r.value;
}

/** A credit code whose last character is wrong: well-formed, fails only the check (a warning). */
export function badCheckCreditCode(seed: number): string {
  const good = creditCode(seed);
  const last = good.slice(-1);
  return good.slice(0, 17) + (last === '0' ? '1' : '0');
}
