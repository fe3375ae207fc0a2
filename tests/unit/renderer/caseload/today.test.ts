/* 今日 over a real store: overdue deadlines from the indexed column, sessions held today in China time. */
import { describe, expect, it } from 'vitest';
import { chinaDay, loadToday } from '../../../../renderer/features/today/use-today';
import { defaultIntake } from '../../../../renderer/features/intake/intake-schema';
import { intakeDrafts } from '../../../../renderer/features/intake/to-drafts';
import { ENROLLMENT, harness } from '../data/store-harness';

describe('today', () => {
  it('lists an overdue mediation period and a session held today', async () => {
    const h = harness();
    await h.store.saveEnrollment(ENROLLMENT);
    const author = await h.store.author();
    if (!author) throw new Error('not enrolled');
    const open = async (receivedAt: string, name: string) => {
      const f = defaultIntake();
      f.workers = [{ name, idNumber: '', phone: '', amount: '' }];
      f.employer = { ...f.employer, name: '某厂' };
      const caseId = h.store.newId();
      const drafts = intakeDrafts(f, {
        caseId,
        tempNumber: await h.store.nextTempNumber(author),
        receivedAt,
        today: '2026-11-28',
        newId: h.store.newId,
        placeZh: (p) => p,
        categoryZh: (c) => c,
        chainZh: (c) => c,
      });
      const r = await h.store.write(author, drafts);
      if (!r.ok) throw new Error(r.error.message);
      return caseId;
    };
    const old = await open('2026-11-01T02:00:00.000Z', '老案件');
    const fresh = await open('2026-11-27T02:00:00.000Z', '新案件');
    const r = await h.store.write(author, [
      {
        caseId: fresh,
        type: 'session.held',
        payload: {
          sessionId: h.store.newId(),
          kind: 'mediation_joint',
          venue: 'site',
          mobile: true,
          participants: [{ name: '新案件', role: '申请人' }],
          // 2026-11-28 00:30 in China is still 11-27 in UTC: the day counted is China's.
          start: '2026-11-27T16:30:00.000Z',
          end: '2026-11-27T17:30:00.000Z',
        },
      },
    ]);
    expect(r.ok).toBe(true);
    const today = await loadToday(h.store);
    expect(today.overdue.map((s) => s.caseId)).toEqual([old]);
    expect(today.dueSoon).toEqual([]);
    expect([today.overdueCount, today.dueSoonCount]).toEqual([1, 0]);
    expect(today.sessions.map((s) => s.caseId)).toEqual([fresh]);
    expect(chinaDay('2026-11-27T16:30:00.000Z')).toBe('2026-11-28');
  });
});
