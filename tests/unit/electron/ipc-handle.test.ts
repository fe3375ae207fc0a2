import { describe, expect, it } from 'vitest';
import { guarded, isTrustedSender } from '../../../electron/ipc/handle';
import { invokeEvent } from './fakes';

const appEvent = invokeEvent('app://app/index.html');

describe('IPC guard: sender', () => {
  it.each([
    ['https://evil.example/', undefined],
    ['file:///index.html', 'file://'],
    ['app://other/index.html', 'app://other'],
    ['app://app.evil/index.html', 'app://app.evil'],
    ['http://127.0.0.1:5173/', undefined],
    ['app://app/index.html', 'null'], // an opaque-origin (sandboxed) frame at an app URL
    ['about:blank', 'null'],
    ['https://evil.example/', 'app://app'], // both the URL and the origin must be the app's
  ])('refuses a frame at %s', async (url, origin) => {
    let called = false;
    const h = guarded('app:info', () => {
      called = true;
      return { ok: true, value: { version: '1', platform: 'linux', hubOrigin: 'x', isElectron: true } };
    });
    const r = await h(invokeEvent(url, origin));
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(called).toBe(false);
  });

  it('refuses an event without a sender frame', () => {
    expect(isTrustedSender(invokeEvent(null))).toBe(false);
  });

  it('accepts the app frame', () => {
    expect(isTrustedSender(appEvent)).toBe(true);
  });
});

describe('IPC guard: input', () => {
  const journalRead = guarded('journal:read', (input) => ({
    ok: true,
    value: { lines: [String(input.fromOffset)], nextOffset: input.maxBytes, end: true },
  }));

  it.each([
    [undefined],
    [null],
    ['0'],
    [{}],
    [{ fromOffset: -1 }],
    [{ fromOffset: 1.5 }],
    [{ fromOffset: '0' }],
    [{ fromOffset: 0, maxBytes: 0 }],
    [{ fromOffset: 0, maxBytes: 1e12 }],
    [{ fromOffset: 0, extra: true }],
    [{ fromOffset: 0, __proto__: { polluted: 1 } }],
    [[0]],
  ])('answers malformed input %j with invalid_input, never a throw', async (input) => {
    const r = await journalRead(appEvent, input);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses extra arguments', async () => {
    const r = await journalRead(appEvent, { fromOffset: 0 }, 'more');
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('passes the parsed input with defaults to the handler', async () => {
    const r = await journalRead(appEvent, { fromOffset: 0 });
    expect(r).toEqual({ ok: true, value: { lines: ['0'], nextOffset: 4 * 1024 * 1024, end: true } });
  });

  it('no-argument channels refuse an argument', async () => {
    const info = guarded('app:info', () => ({
      ok: true,
      value: { version: '1', platform: 'linux', hubOrigin: 'x', isElectron: true },
    }));
    expect((await info(appEvent, undefined)).ok).toBe(true);
    expect(await info(appEvent, { x: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('IPC guard: failures', () => {
  it('answers a throwing handler with an internal error result', async () => {
    const h = guarded('keys:status', () => {
      throw new Error('boom');
    });
    const r = await h(appEvent, undefined);
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(!r.ok && r.error.message).toContain('boom');
  });

  it('answers a rejecting handler with an internal error result', async () => {
    const h = guarded('keys:status', () => Promise.reject(new Error('async boom')));
    await expect(h(appEvent, undefined)).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
