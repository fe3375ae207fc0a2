/*
 * Who may touch a blob: only someone who may see a case whose accepted event names the hash (and, for a
 * non-public event, only the case's owning organisation). Everyone else gets 404 so that existence does
 * not leak.
 */
import type { Principal, Queries } from '../storage/types';

export async function mayAccessBlob(q: Queries, p: Principal, sha: string): Promise<boolean> {
  for (const ref of await q.blobRefs(sha)) {
    if (!(await q.canSee(ref.caseId, p))) continue;
    if (ref.conf === 'public') return true;
    const c = await q.getCase(ref.caseId);
    if (c?.ownerOrgId === p.orgId) return true;
  }
  return false;
}

export const SHA256_RE = /^[0-9a-f]{64}$/;
