import { describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import { hardenWebContents, type HardenableWebContents, type HardenDeps } from '../../../electron/harden';
import { createPermissionRequestHandler, permissionCheckHandler } from '../../../electron/permissions';
import { fakeWebContents } from './fakes';

const setup = () => {
  const wc = fakeWebContents();
  const deps: HardenDeps = {
    externalHosts: ['flk.npc.gov.cn'],
    openExternal: vi.fn(() => Promise.resolve()),
    askCamera: vi.fn(() => Promise.resolve(true)),
  };
  hardenWebContents(wc as unknown as HardenableWebContents, deps);
  return { wc, deps };
};

describe('hardenWebContents', () => {
  it('denies every window.open; only allowlisted https links go to the system browser', () => {
    const { wc, deps } = setup();
    expect(wc.openHandler?.({ url: 'https://flk.npc.gov.cn/x' })).toEqual({ action: 'deny' });
    expect(deps.openExternal).toHaveBeenCalledWith('https://flk.npc.gov.cn/x');
    expect(wc.openHandler?.({ url: 'app://app/index.html' })).toEqual({ action: 'deny' });
    expect(wc.openHandler?.({ url: 'https://flk.npc.gov.cn.evil.com/' })).toEqual({ action: 'deny' });
    expect(wc.openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(deps.openExternal).toHaveBeenCalledTimes(1);
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s: stays inside app://app', (name) => {
    const { wc } = setup();
    expect(wc.emitPreventable(name, 'app://app/index.html#/cases')).toBe(false);
    for (const url of [
      'https://evil.example/',
      'http://127.0.0.1:8787/',
      'file:///etc/passwd',
      'app://other/',
      'javascript:alert(1)',
      'data:text/html,x',
      'about:blank',
      'not a url',
    ]) {
      expect(wc.emitPreventable(name, url)).toBe(true);
    }
  });

  it('prevents attaching a <webview>', () => {
    const { wc } = setup();
    expect(wc.emitPreventable('will-attach-webview', {}, { src: 'app://app/' })).toBe(true);
  });

  it('installs the permission handlers on the session', () => {
    const { wc } = setup();
    expect(wc.session.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(wc.session.setPermissionCheckHandler).toHaveBeenCalledWith(permissionCheckHandler);
  });
});

describe('permission requests', () => {
  const wc = {} as unknown as WebContents;
  const request = (permission: string, details: object, askCamera = vi.fn(() => Promise.resolve(true))) =>
    new Promise<{ granted: boolean; asked: boolean }>((resolve) => {
      const handler = createPermissionRequestHandler(askCamera);
      handler(
        wc,
        permission as never,
        (granted) => {
          resolve({ granted, asked: askCamera.mock.calls.length > 0 });
        },
        { requestingUrl: 'app://app/index.html', isMainFrame: true, ...details },
      );
    });

  it.each([
    'geolocation',
    'notifications',
    'clipboard-read',
    'midi',
    'midiSysex',
    'display-capture',
    'fullscreen',
    'pointerLock',
    'openExternal',
    'fileSystem',
    'window-management',
    'unknown',
  ])('denies %s without asking', async (permission) => {
    expect(await request(permission, {})).toEqual({ granted: false, asked: false });
  });

  it('camera only: asks the user, and a yes grants', async () => {
    expect(await request('media', { mediaTypes: ['video'] })).toEqual({ granted: true, asked: true });
  });

  it('camera only: a no denies', async () => {
    const no = vi.fn(() => Promise.resolve(false));
    expect(await request('media', { mediaTypes: ['video'] }, no)).toEqual({ granted: false, asked: true });
  });

  it('a failing dialog denies', async () => {
    const broken = vi.fn(() => Promise.reject(new Error('x')));
    expect(await request('media', { mediaTypes: ['video'] }, broken)).toEqual({
      granted: false,
      asked: true,
    });
  });

  it.each([[['audio']], [['video', 'audio']], [[]], [undefined]])(
    'denies media %j without asking',
    async (mediaTypes) => {
      expect(await request('media', { mediaTypes })).toEqual({ granted: false, asked: false });
    },
  );

  it('denies camera requested by a foreign origin', async () => {
    expect(await request('media', { mediaTypes: ['video'], requestingUrl: 'https://evil.example/' })).toEqual(
      {
        granted: false,
        asked: false,
      },
    );
  });
});

describe('permission checks', () => {
  const check = (permission: string, origin: string, details: object) =>
    permissionCheckHandler(null, permission as never, origin, details as never);

  it('passes only the app’s own video check', () => {
    expect(check('media', 'app://app', { mediaType: 'video' })).toBe(true);
    expect(check('media', 'app://app', { mediaType: 'audio' })).toBe(false);
    expect(check('media', 'https://evil.example', { mediaType: 'video' })).toBe(false);
    for (const p of ['geolocation', 'notifications', 'clipboard-read', 'midi', 'hid', 'usb', 'serial']) {
      expect(check(p, 'app://app', {})).toBe(false);
    }
  });
});
