/*
 * Official case numbers: gapless per organisation and year (China time), e.g. 荆劳人仲字〔2026〕第123号.
 * Assigned inside the push transaction that accepts `case.accepted`, so a number exists iff the
 * acceptance was committed; the counter row is updated under the same serialized transaction on both
 * adapters, so concurrent accepts can neither skip nor repeat a number.
 */
import type { HubContext } from '../context';
import type { Queries } from '../storage/types';
import { emitHubEvent } from './hub-events';

const CHINA_OFFSET_MS = 8 * 3_600_000;

export const formatCaseNumber = (prefix: string, year: number, n: number): string =>
  `${prefix}〔${String(year)}〕第${String(n)}号`;

/** Numbers the case once (a second acceptance keeps the first number). */
export async function assignCaseNumber(
  ctx: HubContext,
  q: Queries,
  caseId: string,
  hlc: string,
): Promise<void> {
  const c = await q.getCase(caseId);
  if (!c || c.caseNumber !== null) return;
  const org = await q.getOrg(c.ownerOrgId);
  if (!org) return;
  const year = new Date(ctx.clock() + CHINA_OFFSET_MS).getUTCFullYear();
  const n = await q.nextCaseNumber(org.id, year);
  const caseNumber = formatCaseNumber(org.caseNumberPrefix, year, n);
  await q.updateCase(caseId, { caseNumber });
  await emitHubEvent(ctx, q, {
    caseId,
    orgId: org.id,
    type: 'case.numbered',
    payload: { caseNumber, year, seq: n },
    causeHlc: hlc,
  });
}
