/* The save state shown in the top bar: a store anyone can report to, and how each state looks. */
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../../renderer/i18n';
import {
  createSaveStateStore,
  initialSaveState,
  reportSaveState,
  saveStates,
  saveStateStore,
} from '../../../../renderer/stores/save-state';
import { describeSaveState } from '../../../../renderer/ui/SaveStateIndicator';

describe('save-state store', () => {
  it('starts at saved-local: nothing on screen is unsaved', () => {
    expect(initialSaveState).toBe('saved-local');
    expect(createSaveStateStore().getState().current).toBe('saved-local');
  });

  it('takes every state in turn', () => {
    const store = createSaveStateStore();
    for (const state of saveStates) {
      store.getState().set(state);
      expect(store.getState().current).toBe(state);
    }
  });

  it('reportSaveState drives the app-wide instance', () => {
    reportSaveState('conflict');
    expect(saveStateStore.getState().current).toBe('conflict');
    reportSaveState('saved-local');
    expect(saveStateStore.getState().current).toBe('saved-local');
  });
});

describe('describeSaveState', () => {
  const zh = createI18n('zh-CN').t;
  const en = createI18n('en').t;

  it('uses the words of screens.md in Chinese', () => {
    expect(saveStates.map((s) => describeSaveState(s, zh).text)).toEqual([
      '正在保存…',
      '已保存到本机',
      '已同步',
      '同步失败',
      '有冲突',
      '保存失败（未保存）',
    ]);
  });

  it('gives every state its own icon and text, so colour is never the only cue', () => {
    for (const t of [zh, en]) {
      const looks = saveStates.map((s) => describeSaveState(s, t));
      expect(new Set(looks.map((l) => l.icon)).size).toBe(saveStates.length);
      expect(new Set(looks.map((l) => l.text)).size).toBe(saveStates.length);
    }
  });

  it('marks failures and conflicts with a warning or danger tone', () => {
    expect(describeSaveState('sync-failed', zh).tone).toBe('warn');
    expect(describeSaveState('conflict', zh).tone).toBe('danger');
    expect(describeSaveState('save-failed', zh).tone).toBe('danger');
  });
});
