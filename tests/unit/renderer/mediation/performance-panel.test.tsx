// @vitest-environment jsdom
/*
 * The performance view over a real store: a payment cites the evidence proving it (a bank slip from the
 * evidence tab), the payment list shows the proof, and a payment above what is owed is refused.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PerformancePanel } from '../../../../renderer/features/mediation/PerformancePanel';
import { useCaseTools } from '../../../../renderer/features/mediation/use-case-tools';
import type { Draft } from '../../../../renderer/data/store';
import { byTestId, click, mount, type, waitFor, type Ids, type Mounted } from './harness';

let m: Mounted | undefined;
afterEach(() => {
  m?.unmount();
  m = undefined;
});

function Panel({ caseId }: { caseId: string }) {
  const tools = useCaseTools(caseId);
  return tools.state ? <PerformancePanel state={tools.state} tools={tools} caseId={caseId} /> : null;
}

const H = (n: number) => n.toString(16).padStart(64, '0');

/** A signed, sealed agreement for ¥18,600 in two instalments and one bank slip in the evidence. */
const signedWithSlip =
  (slip: { id: string }) =>
  (ids: Ids, newId: () => string): Draft[] => {
    const agreementId = newId();
    slip.id = newId();
    return [
      {
        caseId: ids.caseId,
        type: 'evidence.added',
        payload: {
          evidenceId: slip.id,
          sha256: H(7),
          size: 2048,
          mime: 'image/jpeg',
          fileName: 'IMG_0001.jpg',
          capturedAt: '2026-12-01T02:00:00.000Z',
          caption: '银行回单',
          claimIds: [],
        },
      },
      {
        caseId: ids.caseId,
        type: 'agreement.drafted',
        payload: {
          agreementId,
          textSha256: H(1),
          terms: [{ claimId: ids.claim, description: '拖欠劳动报酬', amountFen: 1_860_000 }],
          totalFen: 1_860_000,
          instalments: [
            { dueDate: '2026-12-10', amountFen: 930_000 },
            { dueDate: '2027-01-10', amountFen: 930_000 },
          ],
          nextStep: 'instalments',
        },
      },
      {
        caseId: ids.caseId,
        type: 'agreement.signed',
        payload: {
          agreementId,
          textSha256: H(1),
          signatures: [{ signer: '张三', mark: 'signature' }],
          sealed: true,
          signedAt: '2026-11-29T02:00:00.000Z',
        },
      },
    ];
  };

describe('PerformancePanel', () => {
  it('records a payment citing the bank slip and lists it with its proof', async () => {
    const slip = { id: '' };
    m = await mount((id) => <Panel caseId={id} />, { stage2: true, extra: signedWithSlip(slip) });
    const host = m.host;
    const box = await waitFor(
      () => byTestId(host, `payment-proof-${slip.id}`) as HTMLInputElement | null,
      'proof checkbox',
    );
    await type(byTestId(host, 'payment-amount') as HTMLInputElement, '9300');
    await click(box);
    await click(byTestId(host, 'payment-record')!);
    await waitFor(() => byTestId(host, 'payment-row'), 'payment row');
    expect(byTestId(host, 'payment-row-proofs')?.textContent).toBe('银行回单');
    expect(byTestId(host, 'performance-recovered')?.textContent).toContain('已追回 ¥9,300.00');
    const payment = (await m.events()).find((e) => e.type === 'payment.recorded');
    expect(payment?.payload).toMatchObject({ amountFen: 930_000, evidenceIds: [slip.id] });
  });

  it('refuses a payment larger than what is owed, and writes nothing', async () => {
    m = await mount((id) => <Panel caseId={id} />, { stage2: true, extra: signedWithSlip({ id: '' }) });
    const host = m.host;
    await waitFor(() => byTestId(host, 'payment-amount'), 'form');
    await type(byTestId(host, 'payment-amount') as HTMLInputElement, '20000');
    await click(byTestId(host, 'payment-record')!);
    expect(byTestId(host, 'payment-message')?.textContent).toBe('付款金额¥20,000.00超过尚欠金额¥18,600.00');
    expect((await m.events()).some((e) => e.type === 'payment.recorded')).toBe(false);
  });
});
