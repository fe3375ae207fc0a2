// @vitest-environment jsdom
/* The transcript typed during a hearing survives a reload as a draft (marked as such), and becomes the record only when recorded. */
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { HearingTab } from '../../../../renderer/features/mediation/HearingTab';
import { snapshotValue, transcriptDraftKey } from '../../../../renderer/features/mediation/transcript-draft';
import { byTestId, click, mount, type, waitFor, type Mounted } from './harness';

let m: Mounted | undefined;
afterEach(() => {
  m?.unmount();
  m = undefined;
});

const enter = async (el: Element) => {
  await act(async () => {
    el.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, key: 'Enter' }));
    await Promise.resolve();
  });
};

async function startTyping(host: HTMLElement) {
  await click(await waitFor(() => byTestId(host, 'session-new'), 'new session'));
  await type(byTestId(host, 'session-place') as HTMLInputElement, '掇刀区某工地项目部');
  await click(byTestId(host, 'session-start')!);
  const input = await waitFor(() => byTestId(host, 'utterance') as HTMLInputElement | null, 'editor');
  await type(input, '现在开庭');
  await enter(input);
  await type(input, '张三称公司欠薪');
  return input;
}

describe('transcript draft', () => {
  it('is autosaved while typing, marked as a draft, and back after a reload with the unentered words', async () => {
    m = await mount((id) => <HearingTab caseId={id} />, { stage2: true });
    const host = m.host;
    await startTyping(host);
    expect(byTestId(host, 'transcript-draft')?.textContent).toContain('草稿：尚未记录，也未经当事人签名');
    // The debounced save lands on its own (no unmount, no blur): what a crash would leave behind.
    await waitFor(
      () => byTestId(host, 'transcript-draft')?.textContent.includes('已自动保存到本机'),
      'autosave',
    );
    const stored = await m.store().drafts.load(transcriptDraftKey(m.ids.caseId));
    expect(stored?.value).toMatchObject({
      place: '掇刀区某工地项目部',
      lines: [{ speaker: '王调解', text: '现在开庭' }],
      utterance: '张三称公司欠薪',
    });
    expect((await m.events()).filter((e) => e.type === 'transcript.recorded')).toHaveLength(0);

    await m.reload();
    const input = await waitFor(
      () => byTestId(host, 'utterance') as HTMLInputElement | null,
      'resumed editor',
    );
    expect(input.value).toBe('张三称公司欠薪');
    expect(byTestId(host, 'transcript-lines')?.textContent).toBe('王调解：现在开庭');
    expect(byTestId(host, 'transcript-draft')?.textContent).toContain('已恢复本机');

    await click(byTestId(host, 'session-finish')!);
    await waitFor(() => byTestId(host, 'session-new'), 'recorder closed');
    const events = await m.events();
    const held = events.filter((e) => e.type === 'session.held').at(-1)?.payload as { sessionId: string };
    expect(held.sessionId).toBe((stored?.value as { sessionId: string }).sessionId);
    expect(events.filter((e) => e.type === 'transcript.recorded').map((e) => e.payload)).toMatchObject([
      { part: 1, text: '王调解：现在开庭\n王调解：张三称公司欠薪' },
    ]);
    expect(await m.store().drafts.load(transcriptDraftKey(m.ids.caseId))).toBeNull();

    await m.reload();
    await waitFor(() => byTestId(host, 'session-new'), 'no draft after recording');
    expect(byTestId(host, 'transcript-editor')).toBeNull();
  });

  it('discarding asks once more, then deletes the draft', async () => {
    m = await mount((id) => <HearingTab caseId={id} />, { stage2: true });
    const host = m.host;
    await startTyping(host);
    await waitFor(
      () => byTestId(host, 'transcript-draft')?.textContent.includes('已自动保存到本机'),
      'autosave',
    );
    await click(byTestId(host, 'session-discard')!);
    expect(byTestId(host, 'session-discard')?.textContent).toContain('确认放弃');
    await click(byTestId(host, 'session-keep')!);
    expect(byTestId(host, 'transcript-editor')).not.toBeNull();
    await click(byTestId(host, 'session-discard')!);
    await click(byTestId(host, 'session-discard')!);
    await waitFor(() => byTestId(host, 'session-new'), 'recorder closed');
    expect(await m.store().drafts.load(transcriptDraftKey(m.ids.caseId))).toBeNull();
    expect((await m.events()).filter((e) => e.type === 'transcript.recorded')).toHaveLength(0);
  });

  it('a draft of a session already recorded (stopped between recording and clearing) is cleared, not resumed', async () => {
    m = await mount((id) => <HearingTab caseId={id} />, { stage2: true });
    const host = m.host;
    await waitFor(() => byTestId(host, 'session-new'), 'tab');
    const key = transcriptDraftKey(m.ids.caseId);
    await m.store().drafts.save(
      key,
      snapshotValue({
        sessionId: m.ids.session, // recorded by the harness's session.held
        kind: 'hearing',
        venue: 'site',
        place: '',
        mobile: true,
        isPublic: true,
        people: [{ name: '王调解', role: '调解员', partyId: '' }],
        start: '2026-11-25T01:00:00.000Z',
        lines: [{ speaker: '王调解', text: '旧的' }],
        speaker: 0,
        utterance: '',
      }),
    );
    await m.reload();
    await waitFor(() => byTestId(host, 'session-new'), 'no resume');
    expect(byTestId(host, 'transcript-editor')).toBeNull();
    // The tab clears it in its read; by the time the tab shows, the read has finished.
    expect(await m.store().drafts.load(key)).toBeNull();
  });

  it('a stored draft that cannot be read is named on screen, kept until the user deletes it', async () => {
    m = await mount((id) => <HearingTab caseId={id} />, { stage2: true });
    const key = transcriptDraftKey(m.ids.caseId);
    await m.store().drafts.save(key, { v: 99, something: 'else' });
    await m.reload();
    const host = m.host;
    const alert = await waitFor(() => byTestId(host, 'transcript-draft-unreadable'), 'unreadable notice');
    expect(alert.textContent).toContain('无法读取');
    expect(await m.store().drafts.load(key)).not.toBeNull();
    await click(alert.querySelector('button')!);
    await waitFor(() => byTestId(host, 'transcript-draft-unreadable') === null, 'notice gone');
    expect(await m.store().drafts.load(key)).toBeNull();
  });
});
