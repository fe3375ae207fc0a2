/* After an administrator adds a year, the caseload rows whose next deadline could not be computed get
 * their date (#3/#4): the store holds the live calendar; reprojectUndatedCases rewrites those rows. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createUuidV7 } from '#shared/util/ids';
import {
  addHolidayYear,
  liveHolidayCalendar,
  loadHolidayCalendar,
  resetHolidayCalendarForTests,
} from '../../../../renderer/app/holiday-calendar';
import { plainCodec } from '../../../../renderer/data/codec';
import { holidayYearsPort, reprojectUndatedCases } from '../../../../renderer/data/holiday-years';
import { memoryJournal } from '../../../../renderer/data/journal';
import { openStore } from '../../../../renderer/data/store';
import { ENROLLMENT, T0 } from '../data/store-harness';

// A TEST FIXTURE, not the State Council's 2027 arrangement (the app never ships or guesses one).
const FIXTURE_2027 = {
  source: '测试夹具（并非国务院办公厅通知）',
  holidays: { 测试假日: ['2027-01-01'] },
  workdays: ['2027-01-09'],
};

beforeEach(() => {
  resetHolidayCalendarForTests();
});

describe('reprojectUndatedCases', () => {
  it('dates a 15-day mediation period running into 2027 once the year is added', async () => {
    const rows = new Map<string, unknown>();
    const port = holidayYearsPort({
      get: (k) => Promise.resolve(rows.get(k)),
      put: (k, v) => {
        rows.set(k, v);
        return Promise.resolve();
      },
    });
    await loadHolidayCalendar(port);
    let tick = 0;
    const now = () => T0 + tick++ * 1000; // injected clock: 2026-11-28
    let seq = 0;
    const random = (k: number) => {
      seq++;
      return Uint8Array.from({ length: k }, (_, i) => (seq * 13 + i * 5) & 0xff);
    };
    const store = openStore({
      dbName: 'holiday-reproject',
      codec: plainCodec,
      journal: memoryJournal(),
      calendar: liveHolidayCalendar(),
      now,
      indexedDB: new IDBFactory(),
      IDBKeyRange,
      newId: createUuidV7(now, random),
    });
    await store.saveEnrollment(ENROLLMENT);
    const author = await store.author();
    if (!author) throw new Error('no author');
    const caseId = store.newId();
    const written = await store.write(author, [
      {
        caseId,
        type: 'case.opened',
        payload: {
          kind: 'mediation',
          tempNumber: '临-TEST-9',
          channel: 'mobile',
          disputeCategories: ['wage_arrears'],
          caseCause: '追索劳动报酬',
          summary: '工资未结清。',
          collective: false,
          receivedAt: '2026-12-20T02:00:00.000Z', // + 15 days runs into 2027
        },
      },
    ]);
    expect(written.ok).toBe(true);
    const before = await store.summaries([caseId]);
    expect(before[0]?.nextDeadline?.due).toBeNull();
    expect((await store.ctx.db.cases.get(caseId))?.nextDeadline).toBe('9999-12-31');

    expect((await addHolidayYear(port, 2027, FIXTURE_2027)).ok).toBe(true);
    const r = await reprojectUndatedCases(store.ctx);
    expect(r).toEqual({ ok: true, value: 1 });
    expect((await store.ctx.db.cases.get(caseId))?.nextDeadline).toBe('2027-01-04');
    const after = await store.summaries([caseId]);
    expect(after[0]?.nextDeadline?.due).toBe('2027-01-04');
    // Nothing left to redo.
    expect(await reprojectUndatedCases(store.ctx)).toEqual({ ok: true, value: 0 });
    store.close();
  });
});
