/* A sealed agreement is never edited: a later draft or a signing of other text changes nothing that was sealed. */
import { describe, expect, it } from 'vitest';
import { reduceCase } from '#shared/case/reduce';
import { performanceOf } from '#shared/documents/index';
import { fakeDevice } from '../case/builder';
import { buildCase, IDS } from './scenario';

const H = (n: number) => n.toString(16).padStart(64, '0');

function sealedEvents() {
  const { events } = buildCase();
  const d = fakeDevice(2);
  return {
    d,
    events: [
      ...events,
      d.emit('agreement.drafted', {
        agreementId: IDS.agreement,
        textSha256: H(1),
        terms: [{ claimId: IDS.claim, description: '拖欠劳动报酬', amountFen: 1_860_000 }],
        totalFen: 1_860_000,
        instalments: [
          { dueDate: '2026-12-10', amountFen: 930_000 },
          { dueDate: '2027-01-10', amountFen: 930_000 },
        ],
        nextStep: 'instalments',
      }),
      d.emit('agreement.signed', {
        agreementId: IDS.agreement,
        textSha256: H(1),
        signatures: [{ signer: '张三', mark: 'signature', imageSha256: H(10) }],
        sealed: true,
        signedAt: '2026-11-29T02:00:00.000Z',
      }),
    ],
  };
}

describe('a sealed agreement', () => {
  it('a later draft (from another device, say) does not change the sealed terms or what is owed', () => {
    const { d, events } = sealedEvents();
    const before = reduceCase(events);
    const after = reduceCase([
      ...events,
      d.emit('agreement.drafted', {
        agreementId: IDS.agreement,
        textSha256: H(2),
        terms: [{ claimId: IDS.claim, description: '拖欠劳动报酬', amountFen: 1_000_000 }],
        totalFen: 1_000_000,
        nextStep: 'perform_now',
      }),
    ]);
    expect(after.agreement.sealed).toBe(true);
    expect(after.agreement.signed).toEqual(before.agreement.signed);
    const p = performanceOf(after, '2026-12-05');
    expect(p?.totalFen).toBe(1_860_000);
    expect(p?.rows.map((r) => r.dueDate)).toEqual(['2026-12-10', '2027-01-10']);
  });

  it('a signing of other text is a conflict to resolve, not a replacement', () => {
    const { d, events } = sealedEvents();
    const state = reduceCase([
      ...events,
      d.emit('agreement.signed', {
        agreementId: IDS.agreement,
        textSha256: H(3),
        signatures: [{ signer: '张三', mark: 'signature', imageSha256: H(11) }],
        sealed: true,
        signedAt: '2026-11-30T02:00:00.000Z',
      }),
    ]);
    expect(state.agreement.signed?.textSha256).toBe(H(1));
    expect(state.inConflict).toBe(true);
  });
});
