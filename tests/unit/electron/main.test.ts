import { describe, expect, it, vi } from 'vitest';

const startShell = vi.fn();
vi.mock('electron', () => ({ app: { isPackaged: true } }));
vi.mock('../../../electron/shell', () => ({ startShell }));

describe('electron/main.ts', () => {
  it('starts the shell with the hub origin from TRIBUNAL_HUB_URL and DevTools off when packaged', async () => {
    vi.stubEnv('TRIBUNAL_HUB_URL', 'https://hub.example.gov.cn/api');
    await import('../../../electron/main');
    expect(startShell).toHaveBeenCalledOnce();
    const [, config] = startShell.mock.calls[0] as [unknown, Record<string, unknown>];
    expect(config['hubOrigin']).toBe('https://hub.example.gov.cn');
    expect(config['devTools']).toBe(false);
    expect(String(config['preloadPath'])).toMatch(/preload\.cjs$/);
    vi.unstubAllEnvs();
  });
});
