/*
 * What the review tab needs: the case, the enrolled user and whether they hold the supervisor role,
 * the colleagues this device knows (for reassignment: the organisation directory synced from the hub,
 * names and roles, plus every actor seen in synced events), the export audit, and a writer that signs
 * with a chosen role —
 * a supervisor's approvals are signed as `supervisor` even when their first role is another, because
 * the hub accepts approvals only in that role (hub/src/sync/review-rules.ts).
 */
import { useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { CaseState } from '#shared/case/index';
import type { AssigneeCandidate } from '#shared/case/review-rules';
import type { Role } from '#shared/domain/organisation';
import { queryKeys, useAllCaseStates, useCaseState, useStore } from '../../app/data-provider';
import type { Draft, Enrollment, NewExportRecord, OrgDirectory } from '../../data/store';
import { reportSaveState, saveStateStore } from '../../stores/save-state';
import { useEnrollment } from '../enroll/use-enrollment';
import { useOrgDirectory } from './use-org-directory';

/** A user this device has seen: from the actors of synced events and the enrollment. */
export type Colleague = AssigneeCandidate & { roles: string[]; name: string | null };

const HANDLING_ROLES: readonly string[] = ['arbitrator', 'mediator'];

/**
 * Every user of the organisation directory (names and roles as the hub listed them), every user seen as
 * the actor of an event in `states`, and the enrolled user (with their name).
 */
export function colleaguesFrom(
  states: readonly CaseState[],
  me: Enrollment | null | undefined,
  directory: OrgDirectory | null = null,
): Map<string, Colleague> {
  const out = new Map<string, Colleague>();
  const add = (userId: string, orgId: string, roles: readonly string[], name: string | null) => {
    const c = out.get(userId) ?? { userId, orgId, roles: [], name: null };
    for (const r of roles) if (!c.roles.includes(r)) c.roles.push(r);
    if (name !== null) c.name = name;
    out.set(userId, c);
  };
  // The directory is the hub's current word on its users' roles; events only add users it does not list.
  const listed = new Set<string>();
  for (const u of directory?.users ?? []) {
    add(u.id, directory?.org.id ?? '', u.roles, u.name);
    listed.add(u.id);
  }
  for (const s of states)
    for (const a of s.audit)
      if (!listed.has(a.actor.userId)) add(a.actor.userId, a.actor.orgId, [a.actor.role], null);
  if (me) add(me.userId, me.orgId, listed.has(me.userId) ? [] : me.roles, me.userName);
  return out;
}

/** Colleagues of `orgId` who handle cases (arbitrators, mediators): named ones by name, then by id. */
export const handlersOf = (all: ReadonlyMap<string, Colleague>, orgId: string): Colleague[] =>
  [...all.values()]
    .filter((c) => c.orgId === orgId && c.roles.some((r) => HANDLING_ROLES.includes(r)))
    .sort(
      (a, b) =>
        Number(a.name === null) - Number(b.name === null) ||
        (a.name ?? '').localeCompare(b.name ?? '', 'zh-CN') ||
        a.userId.localeCompare(b.userId),
    );

export type ReviewTools = {
  state: CaseState | null;
  enrollment: Enrollment | null;
  isSupervisor: boolean;
  colleagues: ReadonlyMap<string, Colleague>;
  /** The organisation directory from the last sync, null before one. */
  directory: OrgDirectory | null;
  newId: () => string;
  today: string;
  /** The clock (ms), one place so tests can fix it. */
  now: () => number;
  /** Signs and stores drafts as `role`; resolves null when stored, else the refusal message. */
  record: (drafts: readonly Draft[], role?: Role) => Promise<string | null>;
  /** Appends an export to the audit trail (sent to the hub after the next sync). */
  recordExport: (r: NewExportRecord) => Promise<void>;
};

export function useReview(caseId: string): ReviewTools {
  const store = useStore();
  const client = useQueryClient();
  const state = useCaseState(caseId).data ?? null;
  const enrollment = useEnrollment().data ?? null;
  const all = useAllCaseStates().data;
  const directory = useOrgDirectory();
  const colleagues = useMemo(
    () => colleaguesFrom(all ?? [], enrollment, directory),
    [all, enrollment, directory],
  );
  const record = async (drafts: readonly Draft[], role?: Role): Promise<string | null> => {
    const author = await store.author();
    if (!author) return '本设备尚未登记，不能记录审查';
    const before = saveStateStore.getState().current;
    reportSaveState('saving');
    const r = await store.write(role ? { ...author, role, roles: [role] } : author, drafts);
    reportSaveState(r.ok ? 'saved-local' : before);
    if (!r.ok) return r.error.message;
    await Promise.all([
      client.invalidateQueries({ queryKey: queryKeys.case(caseId) }),
      client.invalidateQueries({ queryKey: queryKeys.caseload }),
      client.invalidateQueries({ queryKey: queryKeys.outbox }),
    ]);
    return null;
  };
  return {
    state,
    enrollment,
    isSupervisor: enrollment?.roles.includes('supervisor') ?? false,
    colleagues,
    directory,
    newId: store.newId,
    today: store.today(),
    now: () => Date.now(),
    record,
    recordExport: async (r) => {
      await store.recordExport(r);
      await client.invalidateQueries({ queryKey: ['audit', 'exports'] });
    },
  };
}
