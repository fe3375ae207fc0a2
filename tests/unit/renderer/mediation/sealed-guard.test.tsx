// @vitest-environment jsdom
/* Any edit to a sealed agreement is refused with a clear message: the form is closed, and a write of a new draft or signing is refused before it reaches the store. */
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { AgreementTab } from '../../../../renderer/features/mediation/AgreementTab';
import { sealedEditRefusal } from '../../../../renderer/features/mediation/sealed-guard';
import { useCaseTools, type CaseTools } from '../../../../renderer/features/mediation/use-case-tools';
import type { Draft } from '../../../../renderer/data/store';
import { byTestId, mount, waitFor, type Ids, type Mounted } from './harness';

let m: Mounted | undefined;
afterEach(() => {
  m?.unmount();
  m = undefined;
});

const H = (n: number) => n.toString(16).padStart(64, '0');
const SEALED = '协议已封存，不能修改；如需变更请签订补充协议';

const sealedDrafts = (ids: Ids, newId: () => string): Draft[] => {
  const agreementId = newId();
  return [
    {
      caseId: ids.caseId,
      type: 'agreement.drafted',
      payload: {
        agreementId,
        textSha256: H(1),
        terms: [{ claimId: ids.claim, description: '拖欠劳动报酬', amountFen: 1_860_000 }],
        totalFen: 1_860_000,
        nextStep: 'perform_now',
      },
    },
    {
      caseId: ids.caseId,
      type: 'agreement.signed',
      payload: {
        agreementId,
        textSha256: H(1),
        signatures: [{ signer: '张三', mark: 'signature', imageSha256: H(10) }],
        sealed: true,
        signedAt: '2026-11-27T02:00:00.000Z',
      },
    },
  ];
};

describe('sealed agreement guard', () => {
  it('the tab shows the sealed agreement with its form closed, and a write of a new draft is refused with the message', async () => {
    let tools: CaseTools | undefined;
    function Probe({ caseId }: { caseId: string }) {
      tools = useCaseTools(caseId);
      return null;
    }
    m = await mount(
      (id) => (
        <>
          <AgreementTab caseId={id} />
          <Probe caseId={id} />
        </>
      ),
      { stage2: true, extra: sealedDrafts },
    );
    const host = m.host;
    await waitFor(() => byTestId(host, 'agreement-sealed'), 'sealed marker');
    expect((byTestId(host, 'agreement-form') as HTMLFieldSetElement | null)?.disabled).toBe(true);
    expect(byTestId(host, 'agreement-save')).toBeNull();

    const probe = await waitFor(() => (tools?.state?.agreement.sealed ? tools : null), 'tools');
    const before = (await m.events()).length;
    const caseId = m.ids.caseId;
    const redraft: Draft = {
      caseId,
      type: 'agreement.drafted',
      payload: {
        agreementId: probe.state?.agreement.signed?.agreementId ?? '',
        textSha256: H(2),
        terms: [{ claimId: m.ids.claim, description: '拖欠劳动报酬', amountFen: 1_000_000 }],
        totalFen: 1_000_000,
        nextStep: 'perform_now',
      },
    };
    expect(sealedEditRefusal(probe.state, [redraft])).toBe(SEALED);
    let stored = true;
    await act(async () => {
      stored = await probe.record([redraft]);
    });
    expect(stored).toBe(false);
    await waitFor(() => tools?.error === SEALED, 'refusal message');
    expect((await m.events()).length).toBe(before);
    // Notes and payments are not edits of the agreement.
    expect(
      sealedEditRefusal(probe.state, [
        {
          caseId,
          type: 'note.recorded',
          payload: { noteId: 'x', method: 'five_heart', stage: 5, fields: {} },
        },
      ]),
    ).toBeNull();
  });
});
