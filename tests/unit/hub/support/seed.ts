// Direct storage seeding for suites that test reads (pull, blobs, reports) independently of push:
// a case with grants, and events appended as an accepted push would append them.
import type { Storage } from '../../../../hub/src/storage/types';

export type SeedEvent = {
  id: string;
  caseId: string;
  deviceId: string;
  type: string;
  conf?: string;
  payload?: object;
};

/** Appends an event (body = the minimal wire fields the pull tests read) and returns its hub seq. */
export async function seedEvent(s: Storage, e: SeedEvent, at = 0): Promise<number> {
  return s.tx(async (q) => {
    const dev = await q.getDevice(e.deviceId);
    const deviceSeq = (dev?.lastSeq ?? 0) + 1;
    const conf = e.conf ?? 'public';
    const body = JSON.stringify({ id: e.id, caseId: e.caseId, type: e.type, conf, payload: e.payload ?? {} });
    return q.appendEvent(
      {
        id: e.id,
        caseId: e.caseId,
        deviceId: e.deviceId,
        deviceSeq,
        hash: `h-${e.id}`,
        type: e.type,
        conf,
        body,
      },
      at,
    );
  });
}

/** Opens a case owned by `orgId`, granted to the opener and the org's supervisors at its first event. */
export async function seedCase(
  s: Storage,
  a: { caseId: string; orgId: string; userId: string; deviceId: string; eventId: string },
) {
  const seq = await seedEvent(s, {
    id: a.eventId,
    caseId: a.caseId,
    deviceId: a.deviceId,
    type: 'case.opened',
  });
  await s.tx(async (q) => {
    await q.createCase({ caseId: a.caseId, ownerOrgId: a.orgId, openedSeq: seq, openedAt: 0 });
    await q.grant(a.caseId, 'user', a.userId, seq);
    await q.grant(a.caseId, 'org', a.orgId, seq);
  });
  return seq;
}
