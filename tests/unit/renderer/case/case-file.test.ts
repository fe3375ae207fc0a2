/* Case-file logic: party corrections (checked, reasoned, naming the latest event), the timeline order, the primary action. */
import { describe, expect, it } from 'vitest';
import type { AuditEntry, Party } from '#shared/case/index';
import type { CaseEvent } from '#shared/events/envelope';
import { correction, editOf } from '../../../../renderer/features/case/party-edit';
import { eventDetail, timelineLines } from '../../../../renderer/features/case/timeline';
import { primaryAction } from '../../../../renderer/features/case/CaseHeader';
import { residentId } from '../intake/ids';
import { sayMaybe } from '../i18n/say';

const TODAY = '2026-11-28';
const party: Party = {
  partyId: '01900000-0000-7000-8000-000000000011',
  eventId: '01900000-0000-7000-8000-0000000000e1',
  current: { role: 'applicant', kind: 'worker', name: '张三', phone: '13800138000' },
  history: [],
};

describe('party correction', () => {
  it('changes only what changed, names the latest event, keeps the reason', () => {
    const edit = { ...editOf(party.current), phone: '139-0013-9000' };
    const r = correction(party, edit, '本人更换号码', TODAY);
    expect(r).toEqual({
      ok: true,
      payload: {
        corrects: party.eventId,
        partyId: party.partyId,
        changes: { phone: '13900139000' },
        reason: '本人更换号码',
      },
    });
    const corrected: Party = { ...party, history: [{ eventId: 'e2', changes: {}, reason: 'x' }] };
    const again = correction(corrected, { ...edit, name: '张叁' }, '笔误', TODAY);
    expect(again.ok && again.payload.corrects).toBe('e2');
  });

  it('refuses a bad phone or ID, no reason, or no change, with Chinese messages', () => {
    const bad = correction(
      party,
      { ...editOf(party.current), phone: '123', idNumber: '42080219850312001' },
      '',
      TODAY,
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(sayMaybe(bad.errors.phone)).toMatch(/手机号码/);
    expect(sayMaybe(bad.errors.idNumber)).toMatch(/18位/);
    expect(bad.errors.reason).toBe('请填写更正理由');
    const same = correction(party, editOf(party.current), '理由', TODAY);
    expect(!same.ok && same.errors.form).toBe('没有改动任何字段');
    const ok = correction(party, { ...editOf(party.current), idNumber: residentId(3) }, '补录', TODAY);
    expect(ok.ok).toBe(true);
  });
});

const entry = (eventId: string, summary: string, corrects: string | null = null): AuditEntry => ({
  eventId,
  type: corrects ? 'party.corrected' : 'party.added',
  hlc: eventId,
  wall: '2026-11-28T01:00:00.000Z',
  actor: { userId: 'u', deviceId: 'd', orgId: 'o', role: 'mediator' },
  conf: 'public',
  summary,
  corrects,
});

describe('timeline', () => {
  it('puts each correction right under what it corrects, chained', () => {
    const lines = timelineLines([
      entry('a', '添加当事人'),
      entry('b', '添加当事人'),
      entry('c', '更正当事人信息', 'a'),
      entry('d', '更正当事人信息', 'c'),
      entry('e', '更正（目标不在本机）', 'zz'),
    ]);
    expect(lines.map((l) => [l.entry.eventId, l.depth, l.correctsSummary])).toEqual([
      ['a', 0, null],
      ['c', 1, '添加当事人'],
      ['d', 2, '更正当事人信息'],
      ['b', 0, null],
      ['e', 0, 'zz'],
    ]);
  });

  it('spells out a correction: old → new (masked), and the reason', () => {
    const ev = (id: string, hlc: string, type: CaseEvent['type'], payload: object) =>
      ({ id, type, payload, at: { hlc, wall: '' } }) as unknown as CaseEvent;
    const added = ev('a', '1', 'party.added', { partyId: 'p', name: '张三', phone: '13800138000' });
    const fix = ev('c', '2', 'party.corrected', {
      partyId: 'p',
      corrects: 'a',
      changes: { phone: '13900139000' },
      reason: '换号',
    });
    expect(eventDetail(fix, [added, fix])).toBe('电话：138****8000 → 139****9000 · 理由：换号');
    expect(eventDetail(added, [added])).toBe('张三');
    expect(eventDetail(undefined, [])).toBe('');
  });
});

describe('primary action', () => {
  it('follows the stage', () => {
    expect(primaryAction('registered')).toEqual({ tab: 'mediation', key: 'mediation' });
    expect(primaryAction('in_session')).toEqual({ tab: 'agreement', key: 'agreement' });
    expect(primaryAction('hearing_scheduled').key).toBe('hearing');
    expect(primaryAction('performing').key).toBe('performance');
    expect(primaryAction(null).key).toBe('claims');
  });
});
