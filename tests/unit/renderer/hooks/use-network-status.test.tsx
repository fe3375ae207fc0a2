// @vitest-environment jsdom
/* 在线 / 离线: read from navigator.onLine, updated by online/offline events, unsubscribed on unmount. */
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import {
  readNetworkStatus,
  subscribeNetworkStatus,
  useNetworkStatus,
} from '../../../../renderer/hooks/use-network-status';

/** A window stand-in whose onLine we control; events go through a real EventTarget. */
class FakeWindow extends EventTarget {
  navigator = { onLine: true };
  listeners = 0;
  override addEventListener(...args: Parameters<EventTarget['addEventListener']>) {
    this.listeners += 1;
    super.addEventListener(...args);
  }
  override removeEventListener(...args: Parameters<EventTarget['removeEventListener']>) {
    this.listeners -= 1;
    super.removeEventListener(...args);
  }
  go(online: boolean) {
    this.navigator.onLine = online;
    this.dispatchEvent(new Event(online ? 'online' : 'offline'));
  }
}

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

function Probe({ win }: { win: FakeWindow }) {
  return <span>{useNetworkStatus(win)}</span>;
}

function mount(win: FakeWindow) {
  const el = document.createElement('div');
  const root = createRoot(el);
  act(() => {
    root.render(<Probe win={win} />);
  });
  cleanup = () => {
    act(() => {
      root.unmount();
    });
  };
  return el;
}

describe('network status', () => {
  it('reads navigator.onLine', () => {
    const win = new FakeWindow();
    expect(readNetworkStatus(win as unknown as Window)).toBe('online');
    win.navigator.onLine = false;
    expect(readNetworkStatus(win as unknown as Window)).toBe('offline');
  });

  it('subscribe calls back on both events and unsubscribes cleanly', () => {
    const win = new FakeWindow();
    let calls = 0;
    const off = subscribeNetworkStatus(win, () => (calls += 1));
    win.go(false);
    win.go(true);
    expect(calls).toBe(2);
    off();
    expect(win.listeners).toBe(0);
    win.go(false);
    expect(calls).toBe(2);
  });

  it('useNetworkStatus re-renders on offline and online', () => {
    const win = new FakeWindow();
    const el = mount(win);
    expect(el.textContent).toBe('online');
    act(() => {
      win.go(false);
    });
    expect(el.textContent).toBe('offline');
    act(() => {
      win.go(true);
    });
    expect(el.textContent).toBe('online');
  });

  it('useNetworkStatus stops listening on unmount', () => {
    const win = new FakeWindow();
    mount(win);
    expect(win.listeners).toBe(2);
    cleanup?.();
    cleanup = undefined;
    expect(win.listeners).toBe(0);
  });
});
