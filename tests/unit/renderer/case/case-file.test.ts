/* Case-file logic: party corrections (checked, reasoned, naming the latest event), the timeline order, the primary action. */
import { describe, expect, it } from 'vitest';
import type { AuditEntry, Party } from '#shared/case/index';
import type { CaseEvent } from '#shared/events/envelope';
import { checkEdit, correction, editOf, saveFailed } from '../../../../renderer/features/case/party-edit';
import { eventDetail, timelineLines } from '../../../../renderer/features/case/timeline';
import {
  CHANGE_FIELDS,
  describeChanges,
  ZH_WORDS,
  type ChangeWords,
} from '../../../../renderer/features/case/changes';
import { createI18n } from '../../../../renderer/i18n';
import { primaryAction } from '../../../../renderer/features/case/CaseHeader';
import { residentId } from '../intake/ids';
import { say, sayMaybe } from '../i18n/say';

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
    expect(sayMaybe(bad.errors.reason)).toBe('请填写更正理由');
    const same = correction(party, editOf(party.current), '理由', TODAY);
    expect(sayMaybe(!same.ok ? same.errors.form : undefined)).toBe('没有改动任何字段');
    const ok = correction(party, { ...editOf(party.current), idNumber: residentId(3) }, '补录', TODAY);
    expect(ok.ok).toBe(true);
  });

  it('says every refusal in English too: no Chinese text reaches the English UI', () => {
    const bad = correction(party, { ...editOf(party.current), name: ' ', phone: '123' }, ' ', TODAY);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(sayMaybe(bad.errors.name, 'en')).toBe('Enter the name');
    expect(sayMaybe(bad.errors.reason, 'en')).toBe('Give a reason for the correction');
    expect(sayMaybe(bad.errors.phone, 'en')).toMatch(/[A-Za-z]/);
    const same = correction(party, editOf(party.current), 'typo', TODAY);
    expect(sayMaybe(!same.ok ? same.errors.form : undefined, 'en')).toBe('Nothing was changed');
    for (const m of Object.values(bad.errors)) expect(sayMaybe(m, 'en')).not.toMatch(/[\u4e00-\u9fff]/);
    expect(say(saveFailed('storage_failed'), 'en')).toBe(
      'Not saved; the record is unchanged: storage_failed',
    );
    expect(say(saveFailed('storage_failed'))).toBe('未保存，记录没有任何改动：storage_failed');
  });

  it('checks a new party the same way, in both languages', () => {
    const errs = checkEdit(
      'worker',
      { name: '', idNumber: '42080219850312001', phone: '', address: '' },
      TODAY,
    );
    expect(sayMaybe(errs.name)).toBe('请填写姓名/名称');
    expect(sayMaybe(errs.name, 'en')).toBe('Enter the name');
    expect(sayMaybe(errs.idNumber, 'en')).not.toMatch(/[\u4e00-\u9fff]/);
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

describe('correction text in both languages', () => {
  const en = createI18n('en');
  const zh = createI18n('zh-CN');
  const wordsOf = (i: ReturnType<typeof createI18n>): ChangeWords => ({
    field: (key) =>
      i.exists(`caseFile.changes.fields.${key}`) ? i.t(`caseFile.changes.fields.${key}`) : key,
    yes: i.t('caseFile.changes.yes'),
    no: i.t('caseFile.changes.no'),
    reason: (reason) => i.t('caseFile.changes.reason', { reason }),
    labelled: (field, value) => i.t('caseFile.changes.labelled', { field, value }),
    join: (first, next) => i.t('caseFile.changes.joined', { first, next }),
  });

  it('names every correctable field in English and Chinese, the same way the default Chinese words do', () => {
    for (const f of CHANGE_FIELDS) {
      expect(wordsOf(en).field(f)).not.toMatch(/[\u4e00-\u9fff]/);
      expect(wordsOf(zh).field(f)).toBe(ZH_WORDS.field(f));
    }
    const changes = { phone: '13900139000', withdrawn: true };
    const before = { phone: '13800138000', withdrawn: false };
    expect(describeChanges(changes, before, wordsOf(en))).toBe(
      'Phone: 138****8000 → 139****9000; Withdrawn: No → Yes',
    );
    expect(describeChanges(changes, before, wordsOf(zh))).toBe(describeChanges(changes, before));
  });

  it('tells a timeline correction and its reason in English', () => {
    const ev = (id: string, hlc: string, type: CaseEvent['type'], payload: object) =>
      ({ id, type, payload, at: { hlc, wall: '' } }) as unknown as CaseEvent;
    const added = ev('a', '1', 'party.added', { partyId: 'p', name: '张三', phone: '13800138000' });
    const fix = ev('c', '2', 'party.corrected', {
      partyId: 'p',
      corrects: 'a',
      changes: { phone: '13900139000' },
      reason: 'new number',
    });
    expect(eventDetail(fix, [added, fix], wordsOf(en))).toBe(
      'Phone: 138****8000 → 139****9000 · Reason: new number',
    );
  });
});
