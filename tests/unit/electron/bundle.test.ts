import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ipcChannels } from '#shared/ipc/contract';

// Builds the real bundles with build/scripts/build-electron.mjs into a temp folder and loads them with a
// fake `electron`, the way Electron's sandboxed preload loader would (only `electron` may be required).
let out: string;
beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'tribunal-bundle-'));
  const r = spawnSync(process.execPath, ['build/scripts/build-electron.mjs'], {
    env: { ...process.env, TRIBUNAL_ELECTRON_OUT: out },
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
});
afterAll(() => {
  fs.rmSync(out, { recursive: true, force: true });
});

type ModuleWithLoad = { _load: (request: string, parent: unknown, isMain: boolean) => unknown };

function loadWithFakeElectron(file: string, fake: unknown): string[] {
  const required: string[] = [];
  const mod = Module as unknown as ModuleWithLoad;
  const original = mod._load;
  mod._load = (request, parent, isMain) => {
    required.push(request);
    return request === 'electron' ? fake : original(request, parent, isMain);
  };
  try {
    createRequire(import.meta.url)(file);
  } finally {
    mod._load = original;
  }
  return required;
}

describe('electron bundles', () => {
  it('the preload is one file that requires only electron and exposes window.tribunal', () => {
    const exposed: Record<string, unknown> = {};
    const invoked: unknown[][] = [];
    const listeners = new Map<string, (...a: unknown[]) => void>();
    const fake = {
      contextBridge: {
        exposeInMainWorld: (key: string, api: unknown) => {
          exposed[key] = api;
        },
      },
      ipcRenderer: {
        invoke: (...args: unknown[]) => {
          invoked.push(args);
          return Promise.resolve({ ok: true, value: null });
        },
        on: (channel: string, fn: (...a: unknown[]) => void) => {
          listeners.set(channel, fn);
        },
        removeListener: (channel: string) => {
          listeners.delete(channel);
        },
      },
    };
    const required = loadWithFakeElectron(path.join(out, 'preload.cjs'), fake);
    expect(required.filter((r) => !r.endsWith('preload.cjs'))).toEqual(['electron']);
    expect(Object.keys(exposed)).toEqual(['tribunal']);
    const api = exposed['tribunal'] as Record<string, Record<string, () => Promise<unknown>>>;
    const names = Object.entries(api).flatMap(([ns, fns]) => Object.keys(fns).map((m) => `${ns}:${m}`));
    expect(names.sort()).toEqual([...ipcChannels, 'power:onLock'].sort());
    expect(Object.isFrozen(api)).toBe(true);
    // power.onLock listens to main's `power:lock` and passes the page no IPC event object (#8).
    const heard: unknown[][] = [];
    const power = api['power'] as unknown as { onLock: (l: (...a: unknown[]) => void) => () => void };
    const off = power.onLock((...a) => heard.push(a));
    listeners.get('power:lock')?.({ sender: {} });
    expect(heard).toEqual([[]]);
    off();
    expect(listeners.has('power:lock')).toBe(false);
    expect(fs.statSync(path.join(out, 'preload.cjs')).size).toBeLessThan(20_000); // no zod in the preload
  });

  it('the main bundle exists and keeps electron external', () => {
    const main = fs.readFileSync(path.join(out, 'main.cjs'), 'utf8');
    expect(main).toContain('require("electron")');
    expect(main).not.toMatch(/require\("#shared/);
  });
});
