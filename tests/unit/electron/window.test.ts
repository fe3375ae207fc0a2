import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';
import {
  createMainWindow,
  createPrintWindow,
  printPartition,
  secureWebPreferences,
  type WindowConstructor,
} from '../../../electron/window';

const made: BrowserWindowConstructorOptions[] = [];
class FakeWindow {
  loadURL = vi.fn(() => Promise.resolve());
  show = vi.fn();
  once = vi.fn((_: string, fn: () => void) => {
    fn();
  });
  constructor(options: BrowserWindowConstructorOptions) {
    made.push(options);
  }
}
const Window = FakeWindow as unknown as WindowConstructor;

describe('window factory', () => {
  const prefs = secureWebPreferences('/app/preload.cjs', false);

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
    ['experimentalFeatures', false],
    ['navigateOnDragDrop', false],
    ['safeDialogs', true],
    ['spellcheck', false],
    ['devTools', false],
    ['preload', '/app/preload.cjs'],
  ] as const)('sets %s to %s', (key, value) => {
    expect(prefs[key]).toBe(value);
  });

  it('passes those exact preferences to the main window and loads app://', () => {
    made.length = 0;
    const win = createMainWindow(Window, {
      preloadPath: '/p.cjs',
      startUrl: 'app://app/index.html',
      devTools: false,
    });
    expect(made[0]?.webPreferences).toEqual(secureWebPreferences('/p.cjs', false));
    expect(made[0]?.show).toBe(false);
    expect((win as unknown as FakeWindow).loadURL).toHaveBeenCalledWith('app://app/index.html');
  });

  it('print windows: same isolation, no preload, no JavaScript, their own partition', () => {
    made.length = 0;
    createPrintWindow(Window);
    const p = made[0]?.webPreferences;
    expect(p?.preload).toBeUndefined();
    expect(p?.javascript).toBe(false);
    expect(p?.partition).toBe(printPartition);
    expect(p?.sandbox).toBe(true);
    expect(p?.contextIsolation).toBe(true);
    expect(p?.nodeIntegration).toBe(false);
  });
});
