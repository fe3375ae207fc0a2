// @vitest-environment jsdom
/* The agreement tab: bad drafts refused, signing gated on the ★ fields, then three signatures seal it. */
import { afterEach, describe, expect, it } from 'vitest';
import { AgreementTab } from '../../../../renderer/features/mediation/AgreementTab';
import { byTestId, click, draw, mount, type, waitFor, type Mounted } from './harness';

let m: Mounted | undefined;
afterEach(() => {
  m?.unmount();
  m = undefined;
});

async function fillTwoInstalments(host: HTMLElement, second: string) {
  await type(byTestId(host, 'agreement-disputes') as HTMLTextAreaElement, '被申请人应否支付拖欠工资');
  await type(byTestId(host, 'agreement-next-step') as HTMLSelectElement, 'instalments');
  await click(byTestId(host, 'instalment-add')!);
  await click(byTestId(host, 'instalment-add')!);
  await type(byTestId(host, 'instalment-date-0') as HTMLInputElement, '2026-12-10');
  await type(byTestId(host, 'instalment-amount-0') as HTMLInputElement, '9300');
  await type(byTestId(host, 'instalment-date-1') as HTMLInputElement, '2027-01-10');
  await type(byTestId(host, 'instalment-amount-1') as HTMLInputElement, second);
}

const problems = (host: HTMLElement) =>
  [...host.querySelectorAll('[data-testid="agreement-problem"]')].map((p) => p.textContent).join('|');

describe('AgreementTab', () => {
  it('previews the draft as printed, refuses instalments that do not add up', async () => {
    m = await mount((id) => <AgreementTab caseId={id} />, { stage2: true });
    const host = m.host;
    const preview = await waitFor(() => byTestId(host, 'agreement-preview'), 'preview');
    expect(preview.textContent).toContain('调解协议书');
    expect(preview.textContent).toContain('人民币壹万捌仟陆佰元整（¥18,600.00）');
    await fillTwoInstalments(host, '9000');
    await click(byTestId(host, 'agreement-save')!);
    expect(problems(host)).toContain('分期金额合计18300.00元，与协议总额18600.00元不符');
    expect((await m.events()).some((e) => e.type === 'agreement.drafted')).toBe(false);
  });

  it('refuses to sign while a required field is missing', async () => {
    m = await mount((id) => <AgreementTab caseId={id} />, { stage2: false });
    const host = m.host;
    await waitFor(() => byTestId(host, 'agreement-preview'), 'preview');
    await fillTwoInstalments(host, '9300');
    await click(byTestId(host, 'agreement-save')!);
    await waitFor(() => byTestId(host, 'agreement-draft-saved'), 'draft saved');
    await click(byTestId(host, 'agreement-sign')!);
    // 签署 hashes the current text first, so the refusal shows a moment after the click.
    await waitFor(() => problems(host).includes('尚有必填项未填写，不能签署'), 'refusal');
    expect(problems(host)).toContain('公心说理·计算表');
    expect(byTestId(host, 'signing-overlay')).toBeNull();
  });

  it('signs per signer on the pad and seals the agreement with every hash', async () => {
    m = await mount((id) => <AgreementTab caseId={id} />, { stage2: true });
    const host = m.host;
    await waitFor(() => byTestId(host, 'agreement-preview'), 'preview');
    await fillTwoInstalments(host, '9300');
    await click(byTestId(host, 'agreement-save')!);
    await waitFor(() => byTestId(host, 'agreement-draft-saved'), 'draft saved');
    await click(byTestId(host, 'agreement-sign')!);
    const overlay = await waitFor(() => byTestId(host, 'signing-overlay'), 'overlay');
    expect(byTestId(overlay, 'signing-who')?.textContent).toBe('签署：申请人 张三');

    await click(byTestId(overlay, 'signing-confirm')!);
    await waitFor(() => byTestId(overlay, 'signing-message'), 'empty-pad message');
    expect(byTestId(overlay, 'signing-message')?.textContent).toBe('请张三在签名板上签名');

    const names = ['张三', '荆门某建筑有限公司', '王调解'];
    for (const [i, name] of names.entries()) {
      expect(byTestId(host, 'signing-who')?.textContent).toContain(name);
      await draw(byTestId(host, 'signature-pad')!, 10 + i * 50);
      await click(byTestId(host, 'signing-confirm')!);
      const next = names[i + 1];
      if (next !== undefined)
        await waitFor(() => byTestId(host, 'signing-who')?.textContent.includes(next), `signer ${next}`);
    }
    await waitFor(() => byTestId(host, 'agreement-sealed'), 'sealed');
    expect(byTestId(host, 'signing-overlay')).toBeNull();

    const events = await m.events();
    const drafted = events.find((e) => e.type === 'agreement.drafted');
    const signed = events.find((e) => e.type === 'agreement.signed');
    const d = drafted?.payload as {
      textSha256: string;
      totalFen: number;
      instalments: unknown[];
      nextStep: string;
    };
    const s = signed?.payload as {
      textSha256: string;
      sealed: boolean;
      signatures: { signer: string; imageSha256: string }[];
    };
    expect(d.totalFen).toBe(1_860_000);
    expect(d.instalments).toEqual([
      { dueDate: '2026-12-10', amountFen: 930_000 },
      { dueDate: '2027-01-10', amountFen: 930_000 },
    ]);
    expect(s.textSha256).toBe(d.textSha256);
    expect(s.sealed).toBe(true);
    expect(s.signatures.map((x) => x.signer)).toEqual(names);
    expect(new Set(s.signatures.map((x) => x.imageSha256)).size).toBe(3);
    // Each signature image is kept in the local blob store under its hash.
    for (const x of s.signatures) expect(await m.blobMime(x.imageSha256)).toBe('image/svg+xml');
    expect(byTestId(host, 'agreement-preview')?.textContent).toContain('调解员：王调解（已签名）');
    expect((byTestId(host, 'agreement-form') as HTMLFieldSetElement | null)?.disabled).toBe(true);
    expect(byTestId(host, 'agreement-save')).toBeNull();

    // Performance: a payment larger than owed is refused; ¥9,300 is recorded and the next instalment shows.
    await type(byTestId(host, 'payment-amount') as HTMLInputElement, '20000');
    await click(byTestId(host, 'payment-record')!);
    expect(byTestId(host, 'payment-message')?.textContent).toBe('付款金额¥20,000.00超过尚欠金额¥18,600.00');
    await type(byTestId(host, 'payment-amount') as HTMLInputElement, '9300');
    await click(byTestId(host, 'payment-record')!);
    await waitFor(
      () => byTestId(host, 'performance-recovered')?.textContent.includes('已追回 ¥9,300.00'),
      'recovered',
    );
    expect(byTestId(host, 'performance-next')?.textContent).toContain('2027-01-10');
  });
});
