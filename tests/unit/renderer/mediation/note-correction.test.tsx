// @vitest-environment jsdom
/*
 * Correcting a five-heart note (#6, the #3 principle): the form opens filled with the note, a reason is
 * required, and the correction is a new note.recorded naming the event it corrects; the card shows the
 * current version, marked corrected, with the earlier version still readable; the agreement gate follows
 * the current version.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MediationTab } from '../../../../renderer/features/mediation/MediationTab';
import { byTestId, click, mount, type, waitFor, type Mounted } from './harness';

let m: Mounted | undefined;
afterEach(() => {
  m?.unmount();
  m = undefined;
});

type Stored = { id: string; type: string; conf: string; payload: Record<string, unknown> };

describe('correcting a note', () => {
  it('records a new version with a reason; the old one stays visible; the gate follows the new one', async () => {
    m = await mount((id) => <MediationTab caseId={id} />, { stage2: true });
    const host = m.host;
    const stage1 = await waitFor(() => byTestId(host, 'stage-1'), 'stage 1');
    const original = ((await m.events()) as Stored[]).find(
      (e) => e.type === 'note.recorded' && e.payload['stage'] === 1,
    );
    if (!original) throw new Error('no stage-1 note');

    await click(byTestId(stage1, 'note-correct')!);
    const field = byTestId(stage1, `fix-${original.id}-narrativeApplicant`) as HTMLTextAreaElement;
    expect(field.value).toBe('欠薪');
    await type(field, '欠薪 18600 元，2026年春节前未结清');
    await type(byTestId(stage1, `fix-${original.id}-claimsStated`) as HTMLInputElement, '');
    await click(byTestId(stage1, 'note-correction-save')!);
    expect(stage1.querySelector('[role="alert"]')?.textContent).toBe('请写明更正理由。');

    await type(byTestId(stage1, 'note-correction-reason') as HTMLInputElement, '申请人补充了欠薪时间');
    await click(byTestId(stage1, 'note-correction-save')!);
    await waitFor(() => byTestId(stage1, 'note-corrected'), 'corrected badge');

    const fix = ((await m.events()) as Stored[]).at(-1);
    expect(fix?.payload).toMatchObject({
      noteId: original.payload['noteId'],
      corrects: original.id,
      reason: '申请人补充了欠薪时间',
      stage: 1,
    });
    expect(fix?.payload['fields']).not.toHaveProperty('claimsStated');
    expect(byTestId(stage1, 'note-corrected')?.textContent).toBe('已更正（申请人补充了欠薪时间）');
    const notes = stage1.querySelectorAll('[data-testid="note"]');
    expect(notes).toHaveLength(1);
    expect(notes[0]?.textContent).toContain('2026年春节前未结清');
    expect(byTestId(stage1, 'note-history')?.textContent).toContain('更正前的版本（1）');
    expect(byTestId(stage1, 'note-history')?.textContent).toContain('18600元');
    // The ★ field the correction emptied is missing again: the gate reads only current versions.
    expect(byTestId(host, 'stage-1-missing')?.textContent).toContain('当事人所述请求');
  });
});
