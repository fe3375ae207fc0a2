/*
 * Issue #4 "bad input", the cases the other intake tests leave out: claim amounts that are negative,
 * absurd or not numbers (message at claims.N.amount, both languages); a pasted table with broken rows
 * merged into the form (each problem named by its line, and the rows it produced flagged at the row's
 * own fields, so the form cannot be saved); and the data layer's last line — a batch carrying one bad
 * event (a negative amount, an impossible date that slipped past a screen) is refused whole: no case
 * without its parties, no projection, nothing in the journal or the outbox.
 */
import { describe, expect, it } from 'vitest';
import { mergeRows, parseWorkerPaste } from '../../../../renderer/features/intake/paste';
import {
  defaultIntake,
  emptyWorker,
  intakeSchema,
  type IntakeForm,
} from '../../../../renderer/features/intake/intake-schema';
import { intakeDrafts, type DraftContext } from '../../../../renderer/features/intake/to-drafts';
import type { Language } from '../../../../renderer/i18n/language';
import { ENROLLMENT, harness } from '../data/store-harness';
import { say } from '../i18n/say';
import { creditCode, residentId } from './ids';

const TODAY = '2026-11-28';

function form(patch: Partial<IntakeForm> = {}): IntakeForm {
  const f = defaultIntake();
  f.workers = [{ name: '张三', idNumber: residentId(1), phone: '13800138000', amount: '8000' }];
  f.employer = { ...f.employer, name: '荆门市某建筑劳务有限公司', creditCode: creditCode(7) };
  f.claims = [{ item: 'WAGE_ARREARS', amount: '12000', description: '' }];
  return { ...f, ...patch };
}

function issues(f: IntakeForm, language: Language = 'zh-CN'): Record<string, string> {
  const r = intakeSchema(TODAY).safeParse(f);
  if (r.success) return {};
  return Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), say(i.message, language)]));
}

const HAN = /[\u4e00-\u9fff]/;

function ctx(newId: () => string, tempNumber: string): DraftContext {
  return {
    caseId: newId(),
    tempNumber,
    receivedAt: '2026-11-28T01:00:00.000Z',
    today: TODAY,
    newId,
    placeZh: (p) => p,
    categoryZh: (c) => c,
    chainZh: (r) => r,
  };
}

describe('bad input at intake', () => {
  it('marks a negative, an absurd and a non-numeric claim amount at that claim, in both languages', () => {
    const f = form({
      claims: [
        { item: 'WAGE_ARREARS', amount: '-500', description: '' },
        { item: 'ECON_COMP_N', amount: '100000000000', description: '' },
        { item: 'ECON_COMP_N', amount: '三千', description: '' },
      ],
    });
    const zh = issues(f);
    expect(zh['claims.0.amount']).toMatch(/负数/);
    expect(zh['claims.1.amount']).toMatch(/金额过大/);
    expect(zh['claims.2.amount']).toBeDefined();
    const en = issues(f, 'en');
    for (const k of ['claims.0.amount', 'claims.1.amount', 'claims.2.amount']) {
      expect(en[k], k).toBeDefined();
      // The words are English; only the typed value is echoed as it was.
      expect(en[k]?.replace('三千', ''), k).not.toMatch(HAN);
    }
    expect(en['claims.2.amount']).toBe('Not an amount: 三千');
  });

  it('a pasted table with broken rows: each problem names its line, and the rows it kept cannot be saved', () => {
    const good = residentId(11);
    const pasted = parseWorkerPaste(
      [
        `孙一\t${good}\t13800138001\t3000`,
        '周二',
        `吴三\t${good.slice(0, 17)}${good.endsWith('1') ? '2' : '1'}\t13800138003\t-20`,
        '郑四\t4.20802E+17\t139\t3000',
      ].join('\n'),
    );
    expect(pasted.problems.map((p) => p.line)).toEqual([2, 4]);
    const workers = mergeRows([emptyWorker()], pasted.rows);
    expect(workers.map((w) => w.name)).toEqual(['孙一', '周二', '吴三', '郑四']);
    const out = issues(form({ workers }));
    // The good row is clean; every broken one is flagged at its own fields.
    expect(Object.keys(out).filter((k) => k.startsWith('workers.0.'))).toEqual([]);
    expect(out['workers.2.idNumber']).toMatch(/校验位错误/);
    expect(out['workers.2.amount']).toMatch(/负数/);
    expect(out['workers.3.idNumber']).toBeDefined();
    expect(out['workers.3.phone']).toMatch(/手机号码/);
    const en = issues(form({ workers }), 'en');
    for (const [k, m] of Object.entries(en)) expect(m, k).not.toMatch(HAN);
  });

  it('the data layer refuses a whole import when one event is bad: nothing partial is stored', async () => {
    const h = harness();
    await h.store.saveEnrollment(ENROLLMENT);
    const author = await h.store.author();
    if (!author) throw new Error('not enrolled');
    const c = ctx(h.store.newId, await h.store.nextTempNumber(author));
    const workers = Array.from({ length: 12 }, (_, i) => ({
      name: `工人${String(i + 1)}`,
      idNumber: residentId(200 + i),
      phone: '',
      amount: '3000',
    }));
    const drafts = intakeDrafts(form({ workers }), c);
    expect(drafts.length).toBeGreaterThan(20);
    // One claim that a screen should have stopped: a negative amount.
    const bad = drafts.map((d) =>
      d.type === 'claim.added' ? { ...d, payload: { ...d.payload, amountClaimedFen: -100 } } : d,
    );
    const r = await h.store.write(author, bad);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid_event');
      expect(r.error.message).toMatch(/claim\.added/);
    }
    expect(await h.store.ctx.db.events.count()).toBe(0);
    expect(await h.store.ctx.db.cases.count()).toBe(0);
    expect(await h.store.ctx.db.caseStates.count()).toBe(0);
    expect(await h.store.ctx.db.outbox.count()).toBe(0);
    expect(h.journal.lines).toEqual([]);
    // The same import without the bad value is stored whole.
    const ok = await h.store.write(author, drafts);
    expect(ok.ok).toBe(true);
    expect(await h.store.ctx.db.events.count()).toBe(drafts.length);
    expect(h.journal.lines).toHaveLength(drafts.length);
  });
});
