import { describe, expect, it } from 'vitest';
import {
  missingForAgreement,
  missingInStage,
  missingMessage,
  offerNotes,
  refuseIfSealed,
  requiredCount,
  validateAgreement,
  type AgreementContent,
} from '#shared/documents/index';
import { reduceCase } from '#shared/case/reduce';
import { buildCase, IDS } from './scenario';

describe('the agreement gate: ★ fields of stages 1–4', () => {
  it('passes when every required field is filled (internal and caucus notes count)', () => {
    expect(missingForAgreement(buildCase().state)).toEqual([]);
  });

  it('lists what is missing, stage by stage', () => {
    const missing = missingForAgreement(buildCase({ complete: false }).state);
    expect(missing.map((m) => `${String(m.stage)}:${m.key}`)).toEqual([
      '2:recusalChecked',
      '2:lawsExplained',
      '2:calculation',
    ]);
    expect(missingMessage(missing).zh).toBe(
      '协议尚不能定稿，以下必填项未填写：公心说理·已完成利益冲突/回避自查、公心说理·已释明的法律政策、公心说理·计算表（N、2N、欠薪等）',
    );
  });

  it('requires the offer ledger in stage 4 and counts it', () => {
    const { events } = buildCase();
    const noOffers = reduceCase(
      events.filter((e) => !(e.type === 'note.recorded' && e.payload.fields['kind'] === 'offer')),
    );
    expect(missingInStage(noOffers, 4).map((m) => m.key)).toEqual(['offers']);
    expect(requiredCount(4)).toBe(2);
    expect(offerNotes(buildCase().state)).toHaveLength(2);
  });

  it('an empty case misses every ★ field of stages 1–4, and no transcript note fills stage 1', () => {
    const { events } = buildCase();
    const opened = reduceCase(events.slice(0, 6));
    expect(missingForAgreement(opened)).toHaveLength(
      requiredCount(1) + requiredCount(2) + requiredCount(3) + requiredCount(4),
    );
  });
});

const good: AgreementContent = {
  agreementId: IDS.agreement,
  basis: { facts: '事实', disputes: '争议', responsibility: '', manner: '转账' },
  terms: [{ description: '拖欠劳动报酬', amountFen: 1_860_000 }, { description: '出具离职证明' }],
  instalments: [
    { dueDate: '2026-12-10', amountFen: 930_000 },
    { dueDate: '2027-01-10', amountFen: 930_000 },
  ],
  nextStep: 'instalments',
};

describe('agreement checks', () => {
  it('accepts a draft whose instalments add up', () => {
    expect(validateAgreement(good)).toEqual({ ok: true, value: { totalFen: 1_860_000 } });
  });

  it('refuses instalments that do not add up to the total, with both figures', () => {
    const r = validateAgreement({
      ...good,
      instalments: [
        { dueDate: '2026-12-10', amountFen: 930_000 },
        { dueDate: '2027-01-10', amountFen: 900_000 },
      ],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.map((m) => m.zh)).toEqual(['分期金额合计18300.00元，与协议总额18600.00元不符']);
  });

  it('reports every problem at once', () => {
    const r = validateAgreement({
      ...good,
      basis: { facts: ' ', disputes: '', responsibility: '', manner: '' },
      instalments: [
        { dueDate: '2027-01-10', amountFen: 930_000 },
        { dueDate: '2026-12-10', amountFen: 930_000 },
      ],
    });
    expect(r.ok ? [] : r.error.map((m) => m.code)).toEqual([
      'agreement_facts',
      'agreement_disputes',
      'agreement_manner',
      'agreement_instalment_order',
    ]);
  });

  it('needs two instalments for an instalment plan', () => {
    const r = validateAgreement({ ...good, instalments: [] });
    expect(r.ok ? [] : r.error.map((m) => m.code)).toEqual(['agreement_instalments_missing']);
  });

  it('refuses any edit once sealed', () => {
    expect(refuseIfSealed(false).ok).toBe(true);
    const r = refuseIfSealed(true);
    expect(r.ok ? '' : r.error.zh).toBe('协议已封存，不能修改；如需变更请签订补充协议');
  });
});
