// The authorization oracle for the hub's matrix test (R21): the scope rules of architecture.md
// ("Organisations, roles and scopes") and sync-protocol.md (pull confidentiality), stated directly over a
// plain model of the world. It shares no code with the hub: the hub decides through grant rows and SQL,
// this decides from who opened, was assigned and was referred.
import type { Role } from '#shared/sync/wire';

export type ModelUser = { id: string; name: string; org: number; roles: Role[] };
export type ModelEvent = { id: string; type: string; conf: string; sha?: string };
export type ModelCase = {
  id: string;
  /** Index of the owning organisation (the opener's). */
  owner: number;
  /** The opener (the first handler) and everyone assigned to the case. */
  team: Set<string>;
  /** The owning organisation and every organisation the case was referred to. */
  orgs: Set<number>;
  events: ModelEvent[];
  accepted: boolean;
};

const WORKING: readonly Role[] = ['mediator', 'arbitrator', 'clerk', 'supervisor'];
const OWNER_ONLY = new Set(['case.accepted', 'case.referred', 'case.closed']);
const SUPERVISOR_ONLY = new Set(['case.assigned', 'case.reassigned']);

export const isSupervisor = (u: ModelUser): boolean => u.roles.includes('supervisor');

/** The role a user writes case events with: their first case-working role, else their first role. */
export const writingRole = (u: ModelUser): Role =>
  u.roles.find((r) => WORKING.includes(r)) ?? u.roles[0] ?? 'admin';

/**
 * A user sees a case they handle (opened or were assigned); a supervisor sees every case of their
 * organisation; another organisation sees a case only once it has been referred to it.
 */
export const seesCase = (u: ModelUser, c: ModelCase): boolean =>
  c.team.has(u.id) || (isSupervisor(u) && c.orgs.has(u.org));

/**
 * Event confidentiality: public (正卷) to everyone who sees the case; internal (副卷) only to the owning
 * organisation; caucus:<partyId> (背靠背) only to owning-organisation users on the case team and its
 * supervisors.
 */
export function seesEvent(u: ModelUser, c: ModelCase, conf: string): boolean {
  if (!seesCase(u, c)) return false;
  if (conf === 'public') return true;
  if (u.org !== c.owner) return false;
  if (conf === 'internal') return true;
  return c.team.has(u.id) || isSupervisor(u);
}

/** Whether the hub must accept `type`/`conf` on case `c` from `u` acting in `role`. */
export function mayWrite(u: ModelUser, role: Role, c: ModelCase, type: string, conf: string): boolean {
  if (!u.roles.includes(role) || !WORKING.includes(role)) return false;
  if (!seesCase(u, c)) return false;
  if (u.org !== c.owner && (conf !== 'public' || OWNER_ONLY.has(type))) return false;
  if (SUPERVISOR_ONLY.has(type) && role !== 'supervisor') return false;
  return type !== 'case.numbered';
}

/** Whether `u` may download a blob: some event it may see names the hash. */
export const seesBlob = (u: ModelUser, cases: readonly ModelCase[], sha: string): boolean =>
  cases.some((c) => c.events.some((e) => e.sha === sha && seesEvent(u, c, e.conf)));

/** A seeded xorshift32 RNG, so a failing world can be rebuilt from its seed. */
export function seededRng(seed: number): { next: () => number; pick: <T>(xs: readonly T[]) => T } {
  let x = seed >>> 0 || 1;
  const next = (): number => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => {
    if (xs.length === 0) throw new Error('pick from an empty list');
    return xs[Math.floor(next() * xs.length)] as T;
  };
  return { next, pick };
}
