// @vitest-environment jsdom
/* Hearing: a live transcript with Alt+digit speakers, read and signed by every participant. Documents: party-safe previews, issue with a hash. */
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '#shared/events/signing';
import { HearingTab } from '../../../../renderer/features/mediation/HearingTab';
import { DocumentsTab } from '../../../../renderer/features/mediation/DocumentsTab';
import { byTestId, CAUCUS_TEXT, click, draw, mount, type, waitFor, type Mounted } from './harness';

let m: Mounted | undefined;
afterEach(() => {
  m?.unmount();
  m = undefined;
});

const key = async (el: Element, init: KeyboardEventInit) => {
  await act(async () => {
    el.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
    await Promise.resolve();
  });
};

describe('HearingTab', () => {
  it('records a mobile hearing with a keyboard-typed transcript, then every participant signs it', async () => {
    m = await mount((id) => <HearingTab caseId={id} />, { stage2: true });
    const host = m.host;
    await click(await waitFor(() => byTestId(host, 'session-new'), 'new session'));
    await type(byTestId(host, 'session-place') as HTMLInputElement, '掇刀区某工地项目部');
    await click(byTestId(host, 'session-start')!);
    const input = await waitFor(() => byTestId(host, 'utterance') as HTMLInputElement | null, 'editor');
    // Speakers: 1 王调解 (mediator, from the enrollment), 2 张三, 3 the company.
    await type(input, '现在开庭');
    await key(input, { key: 'Enter' });
    await key(input, { key: '2', code: 'Digit2', altKey: true });
    expect(byTestId(host, 'speaker-2')?.getAttribute('aria-checked')).toBe('true');
    await type(input, '公司欠我一万八千六百元');
    await key(input, { key: 'Enter' });
    await key(input, { key: '¡', code: 'Digit3', altKey: true });
    await type(input, '同意分两期支付');
    await key(input, { key: 'Enter' });
    expect(byTestId(host, 'transcript-lines')?.textContent).toBe(
      '王调解：现在开庭张三：公司欠我一万八千六百元荆门某建筑有限公司：同意分两期支付',
    );
    await click(byTestId(host, 'session-finish')!);
    await waitFor(() => byTestId(host, 'transcript-read'), 'read button');

    const events = await m.events();
    const held = events.filter((e) => e.type === 'session.held').at(-1)?.payload as {
      kind: string;
      mobile: boolean;
      place: string;
      participants: { name: string; role: string }[];
    };
    expect(held.kind).toBe('hearing');
    expect(held.mobile).toBe(true);
    expect(held.place).toBe('掇刀区某工地项目部');
    expect(held.participants.map((p) => p.role)).toEqual(['调解员', '申请人', '被申请人']);
    const text = '王调解：现在开庭\n张三：公司欠我一万八千六百元\n荆门某建筑有限公司：同意分两期支付';
    const parts = events.filter((e) => e.type === 'transcript.recorded');
    expect(parts.map((e) => e.payload)).toMatchObject([{ part: 1, text }]);
    expect(parts[0]?.conf).toBe('public');

    await click(byTestId(host, 'transcript-read')!);
    await click(byTestId(host, 'transcript-sign')!);
    for (const [i, name] of ['王调解', '张三', '荆门某建筑有限公司'].entries()) {
      await waitFor(() => byTestId(host, 'signing-who')?.textContent.includes(name), `signer ${name}`);
      await draw(byTestId(host, 'signature-pad')!, 10 + i * 30);
      await click(byTestId(host, 'signing-confirm')!);
    }
    await waitFor(() => byTestId(host, 'transcript-signed'), 'signed');
    const signed = (await m.events()).find((e) => e.type === 'transcript.signed')?.payload as {
      sha256: string;
      signatures: { signer: string }[];
    };
    expect(signed.sha256).toBe(await sha256Hex(text));
    expect(signed.signatures).toHaveLength(3);
  });
});

describe('DocumentsTab', () => {
  it('previews party-facing documents without caucus content and issues one with its hash', async () => {
    m = await mount((id) => <DocumentsTab caseId={id} />, { stage2: true });
    const host = m.host;
    await waitFor(() => byTestId(host, 'document-preview'), 'preview');
    expect(byTestId(host, 'pdf-unsupported')?.textContent).toContain('另存为 PDF');
    expect((byTestId(host, 'doc-pdf') as HTMLButtonElement).disabled).toBe(true);
    for (const k of ['application', 'notice', 'receipt']) {
      await click(byTestId(host, `doc-${k}`)!);
      expect(byTestId(host, 'document-preview')?.textContent).not.toContain(CAUCUS_TEXT);
    }
    await click(byTestId(host, 'doc-application')!);
    expect(byTestId(host, 'document-preview')?.textContent).toContain('调解申请登记表');
    expect(byTestId(host, 'document-preview')?.textContent).toContain('荆门市劳动人事争议仲裁院');
    // #8: the screen states what the issued file contains (the file carries the same line).
    expect(byTestId(host, 'doc-disclosure')?.textContent).toMatch(/^导出的文件/);
    await click(byTestId(host, 'doc-issue')!);
    await waitFor(() => byTestId(host, 'issued-documents'), 'issued list');
    const issued = (await m.events()).find((e) => e.type === 'document.issued')?.payload as {
      templateId: string;
      sha256: string;
      title: string;
    };
    expect(issued.templateId).toBe('mediation_application');
    expect(issued.title).toBe('调解申请登记表');
    expect(byTestId(host, 'issued-documents')?.textContent).toContain(issued.sha256);
  });
});
