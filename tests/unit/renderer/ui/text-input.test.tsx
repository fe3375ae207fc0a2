// @vitest-environment jsdom
/* TextInput hands back the typed string; SelectField hands back one of its own option values, never a cast DOM string. */
import { act, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { optionFor, SelectField, TextInput, type SelectOption } from '../../../../renderer/ui/TextInput';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type Method = 'bank' | 'cash';
const OPTIONS: readonly SelectOption<Method>[] = [
  { value: 'bank', label: '银行转账' },
  { value: 'cash', label: '现金' },
];

async function setValue(el: HTMLInputElement | HTMLSelectElement, value: string) {
  await act(async () => {
    Reflect.set(Object.getPrototypeOf(el) as object, 'value', value, el);
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
    await Promise.resolve();
  });
}

describe('optionFor', () => {
  it('finds an offered value and nothing else', () => {
    expect(optionFor(OPTIONS, 'cash')?.value).toBe('cash');
    expect(optionFor(OPTIONS, 'crypto')).toBeUndefined();
    expect(optionFor(OPTIONS, '')).toBeUndefined();
  });
});

describe('TextInput and SelectField', () => {
  it('label the control, keep the test id, and report typed values', async () => {
    const seen: string[] = [];
    function Form() {
      const [payer, setPayer] = useState('');
      const [method, setMethod] = useState<Method>('bank');
      return (
        <>
          <TextInput
            label="付款人"
            testId="payer"
            value={payer}
            onChange={(v) => {
              seen.push(`payer:${v}`);
              setPayer(v);
            }}
            input={{ inputMode: 'text' }}
          />
          <SelectField
            label="方式"
            testId="method"
            value={method}
            options={OPTIONS}
            onChange={(m) => {
              seen.push(`method:${m}`);
              setMethod(m);
            }}
          />
        </>
      );
    }
    const host = document.createElement('div');
    const root = createRoot(host);
    await act(async () => {
      root.render(<Form />);
      await Promise.resolve();
    });
    const payer = host.querySelector<HTMLInputElement>('[data-testid="payer"]');
    const method = host.querySelector<HTMLSelectElement>('[data-testid="method"]');
    if (!payer || !method) throw new Error('controls missing');
    expect(payer.closest('label')?.textContent).toContain('付款人');
    expect(payer.inputMode).toBe('text');
    expect([...method.options].map((o) => o.textContent)).toEqual(['银行转账', '现金']);
    await setValue(payer, '荆门某建筑有限公司');
    await setValue(method, 'cash');
    // A value the form does not offer (a tampered DOM) never reaches the caller.
    const rogue = document.createElement('option');
    rogue.value = 'crypto';
    method.append(rogue);
    await setValue(method, 'crypto');
    expect(seen).toEqual(['payer:荆门某建筑有限公司', 'method:cash']);
    act(() => {
      root.unmount();
    });
  });
});
