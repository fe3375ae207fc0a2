import { describe, expect, it } from 'vitest';
import { reduceCase } from '#shared/case/reduce';
import { buildAcceptanceNotice, buildEvidenceList, partyView, renderText } from '#shared/documents/index';
import { fakeDevice } from '../case/builder';
import { buildCase, IDS } from './scenario';

const ctx = { orgName: '荆门市东宝区劳动争议调解委员会', date: '2026-11-29' };
const H = (n: number) => n.toString(16).padStart(64, '0');

describe('acceptance notice (受理通知书)', () => {
  it('is not available before acceptance', () => {
    expect(buildAcceptanceNotice(partyView(buildCase().state), ctx)).toBeNull();
  });

  it('names the respondent, the dates received and accepted', () => {
    const { events } = buildCase();
    const state = reduceCase([
      ...events,
      fakeDevice(3).emit('case.accepted', { acceptedAt: '2026-11-21T02:00:00.000Z' }),
    ]);
    const doc = buildAcceptanceNotice(partyView(state), ctx);
    const text = doc ? renderText(doc) : '';
    expect(text).toContain('受理通知书');
    expect(text).toContain('你（单位）与荆门某建筑有限公司追索劳动报酬一案的申请，本会于2026年11月20日收到');
    expect(text).toContain('本会已于2026年11月21日决定受理');
    expect(text).toContain('二〇二六年十一月二十九日');
  });
});

describe('evidence list (证据清单)', () => {
  it('lists main-file evidence with type, submitter and the claim it proves, never internal items', () => {
    const { events } = buildCase();
    const d = fakeDevice(4);
    const item = (n: number, caption: string) => ({
      evidenceId: `01930000-0000-7000-8000-00000000070${String(n)}`,
      sha256: H(100 + n),
      size: 1000,
      mime: 'image/jpeg',
      fileName: `IMG_${String(n)}.jpg`,
      capturedAt: '2026-11-25T02:00:00.000Z',
      caption,
      claimIds: [IDS.claim],
      kind: 'documentary' as const,
      submittedByPartyId: IDS.worker,
      originalSeen: true,
      pageCount: 2,
    });
    const state = reduceCase([
      ...events,
      d.emit('evidence.added', item(1, '工资欠条')),
      d.emit('evidence.added', item(2, '公司内部账目（副卷）'), { conf: 'internal' }),
    ]);
    const doc = buildEvidenceList(partyView(state), ctx);
    expect(doc.table?.rows).toEqual([
      ['1', '工资欠条', '书证', '张三', '拖欠劳动报酬', '已核对', '2', '2026年11月25日'],
    ]);
    expect(renderText(doc)).not.toContain('公司内部账目');
  });
});
