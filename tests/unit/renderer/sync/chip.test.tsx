// @vitest-environment jsdom
/* The top bar's sync chip: progress while a run goes, then how it ended, in Chinese and English. */
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { describeSyncChip, SyncStatusChip } from '../../../../renderer/features/sync/SyncStatusChip';
import { createI18n } from '../../../../renderer/i18n';
import type { SyncOutcome, SyncProgress, SyncState } from '../../../../renderer/sync/engine';
import type { SchedulerState } from '../../../../renderer/sync/scheduler';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// 2026-11-29 01:00 UTC = 09:00 China time.
const AT = Date.UTC(2026, 10, 29, 1, 0);
const progress = (p: Partial<SyncProgress>): SyncProgress => ({
  phase: 'idle',
  pushed: 0,
  toPush: 0,
  pulled: 0,
  bytesSent: 0,
  bytesTotal: 0,
  ...p,
});
const running = (p: Partial<SyncProgress>): SyncState => ({
  running: true,
  progress: progress(p),
  last: null,
});
const done = (last: SyncOutcome): SyncState => ({ running: false, progress: progress({}), last });
const okRun = (rejected: number, refused: number): SyncOutcome =>
  ({
    ok: true,
    at: AT,
    push: { pushed: 1, rejected, blocked: rejected > 0 },
    pull: {
      pulled: 0,
      stored: 0,
      refused: Array.from({ length: refused }, () => ({})),
      drift: [],
      hubTime: null,
    },
    upload: {},
  }) as unknown as SyncOutcome;
const sched = (s: Partial<SchedulerState> = {}): SchedulerState => ({
  paused: null,
  nextAt: null,
  failures: 0,
  ...s,
});

describe('sync chip', () => {
  const zh = createI18n('zh-CN').t;
  const en = createI18n('en').t;

  it('shows the phase and counts of a running sync with a bar', () => {
    const push = describeSyncChip(running({ phase: 'pushing', pushed: 3, toPush: 10 }), sched(), zh, 'zh-CN');
    expect(push).toMatchObject({ text: '同步中：上传 3/10', progress: [3, 10] });
    const pull = describeSyncChip(running({ phase: 'pulling', pulled: 200 }), sched(), en, 'en');
    expect(pull).toMatchObject({ text: 'Syncing: received 200', progress: [undefined, 1] });
    const up = describeSyncChip(
      running({ phase: 'uploading', bytesSent: 1024, bytesTotal: 4096 }),
      sched(),
      zh,
      'zh-CN',
    );
    expect(up.text).toBe('同步中：文件 1.0 KB/4.0 KB');
    const down = describeSyncChip(
      running({ phase: 'downloading', bytesReceived: 2048, bytesToReceive: 8192 }),
      sched(),
      zh,
      'zh-CN',
    );
    expect(down).toMatchObject({ text: '同步中：下载文件 2.0 KB/8.0 KB', progress: [2048, 8192] });
  });

  it('says when it last synced, what needs a look, and when a failed sync retries', () => {
    expect(describeSyncChip(done(okRun(0, 0)), sched(), zh, 'zh-CN')).toMatchObject({
      text: '已同步 09:00',
      tone: 'ok',
    });
    expect(describeSyncChip(done(okRun(1, 2)), sched(), zh, 'zh-CN')).toMatchObject({
      text: '已同步 09:00，3 条需处理',
      tone: 'warn',
    });
    const failed = done({ ok: false, at: AT, failure: { kind: 'network', message: 'x' } });
    expect(describeSyncChip(failed, sched({ nextAt: AT + 30 * 60_000 }), zh, 'zh-CN').text).toBe(
      '同步失败，09:30 自动重试',
    );
    expect(describeSyncChip(failed, sched({ nextAt: AT + 30 * 60_000 }), en, 'en').text).toBe(
      'Sync failed; retries at 09:30',
    );
    expect(describeSyncChip(done(okRun(0, 0)), sched({ paused: 'offline' }), zh, 'zh-CN').text).toBe(
      '待联网后自动同步',
    );
    const retrying = running({ phase: 'retrying' });
    expect(describeSyncChip(retrying, sched({ paused: 'offline' }), zh, 'zh-CN').text).toBe(
      '待联网后自动同步',
    );
    expect(describeSyncChip(retrying, sched(), zh, 'zh-CN').text).toBe('网络中断，稍后重试…');
    const revoked = done({ ok: false, at: AT, failure: { kind: 'revoked', code: 'device_revoked' } });
    expect(describeSyncChip(revoked, sched({ paused: 'revoked' }), zh, 'zh-CN').tone).toBe('danger');
  });

  it('renders as a link to the sync page with the words and the bar', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    await act(async () => {
      root.render(
        <I18nextProvider i18n={createI18n('zh-CN')}>
          <MemoryRouter>
            <SyncStatusChip engine={running({ phase: 'pushing', pushed: 1, toPush: 4 })} schedule={sched()} />
          </MemoryRouter>
        </I18nextProvider>,
      );
      await Promise.resolve();
    });
    const link = host.querySelector('a');
    expect(link?.getAttribute('href')).toBe('/sync');
    expect(link?.textContent).toContain('同步中：上传 1/4');
    expect(host.querySelector('progress')?.getAttribute('max')).toBe('4');
    act(() => {
      root.unmount();
    });
    host.remove();
  });
});
