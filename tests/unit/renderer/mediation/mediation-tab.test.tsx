// @vitest-environment jsdom
/* The five-heart tab: the required-fields gate, filling a stage from the UI, and the party view. */
import { afterEach, describe, expect, it } from 'vitest';
import { MediationTab } from '../../../../renderer/features/mediation/MediationTab';
import { byTestId, CAUCUS_TEXT, click, mount, type, waitFor, type Mounted } from './harness';

let m: Mounted | undefined;
afterEach(() => {
  m?.unmount();
  m = undefined;
});

describe('MediationTab', () => {
  it('lists the missing ★ fields and clears the gate once stage 2 is filled in the UI', async () => {
    m = await mount((id) => <MediationTab caseId={id} />, { stage2: false });
    const host = m.host;
    const gate = await waitFor(() => byTestId(host, 'agreement-gate'), 'gate');
    expect(gate.dataset['ready']).toBe('false');
    expect(gate.textContent).toContain('尚缺 3 项必填');
    expect(gate.textContent).toContain('公心说理 · 计算表');
    expect(byTestId(host, 'stage-2')?.textContent).toContain('必填 0/3');
    expect(byTestId(host, 'stage-1')?.textContent).toContain('必填 7/7');
    expect(byTestId(host, 'stage-4')?.textContent).toContain('必填 2/2');

    await click(byTestId(host, 's2-recusalChecked') as HTMLInputElement);
    await click(byTestId(host, 's2-lawsExplained')!.querySelector('input')!);
    await type(byTestId(host, 's2-calculation') as HTMLTextAreaElement, '欠薪 18600 元');
    await click(byTestId(host, 'stage-2-save')!);
    await waitFor(() => byTestId(host, 'agreement-gate')?.dataset['ready'] === 'true', 'gate ready');
    expect(byTestId(host, 'agreement-gate')?.textContent).toContain('协议可以定稿');
    const notes = (await m.events()).filter((e) => e.type === 'note.recorded');
    expect(notes.at(-1)?.conf).toBe('public');
  });

  it('marks caucus notes and hides them (and internal offers) in the party view', async () => {
    m = await mount((id) => <MediationTab caseId={id} />, { stage2: true });
    const host = m.host;
    await waitFor(() => byTestId(host, 'stage-3'), 'stage 3');
    const caucus = host.querySelector('[data-testid="note"][data-conf^="caucus:"]');
    expect(caucus?.className).toContain('note--caucus');
    expect(caucus?.textContent).toContain('背靠背·荆门某建筑有限公司');
    expect(host.textContent).toContain(CAUCUS_TEXT);
    expect(host.querySelectorAll('[data-testid="offer-row"]')).toHaveLength(1);

    await click(byTestId(host, 'present-toggle')!);
    expect(byTestId(host, 'panel-mediation')?.dataset['presenting']).toBe('true');
    expect(host.textContent).not.toContain(CAUCUS_TEXT);
    expect(host.querySelectorAll('[data-testid="offer-row"]')).toHaveLength(0);
    expect(host.querySelectorAll('[data-conf^="caucus:"], [data-conf="internal"]')).toHaveLength(0);
    expect(host.querySelector('textarea, [data-testid$="-save"]')).toBeNull();
  });

  it('refuses a public note that holds a bottom line, and a caucus note without its party', async () => {
    m = await mount((id) => <MediationTab caseId={id} />, { stage2: true });
    const host = m.host;
    await waitFor(() => byTestId(host, 'stage-3'), 'stage 3');
    await type(byTestId(host, 's3-bottomLine') as HTMLInputElement, '15000');
    const card = byTestId(host, 'stage-3')!;
    await click(card.querySelector('input[value="public"]')!);
    await click(byTestId(host, 'stage-3-save')!);
    expect(card.textContent).toContain('只能记入副卷或背靠背');
    await click(card.querySelector('input[value="caucus"]')!);
    await click(byTestId(host, 'stage-3-save')!);
    expect(card.textContent).toContain('请选择对象当事人');
  });
});
