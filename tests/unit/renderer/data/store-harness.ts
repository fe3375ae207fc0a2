// A store over a fresh fake IndexedDB, a memory journal, the plain codec and a fixed clock.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { bundledHolidayCalendar } from '#shared/law/bundled-data';
import { createUuidV7 } from '#shared/util/ids';
import { plainCodec, type Codec } from '../../../../renderer/data/codec';
import { memoryJournal } from '../../../../renderer/data/journal';
import { openStore, type TribunalStore } from '../../../../renderer/data/store';
import type { Enrollment } from '../../../../renderer/data/device';

export const T0 = Date.parse('2026-11-28T01:00:00.000Z');

export function calendar() {
  const c = bundledHolidayCalendar();
  if (!c.ok) throw new Error('bundled calendar failed');
  return c.value;
}

export type Harness = {
  store: TribunalStore;
  factory: IDBFactory;
  journal: ReturnType<typeof memoryJournal>;
  reopen(opts?: { freshDb?: boolean }): TribunalStore;
};

let n = 0;
export function harness(codec: Codec = plainCodec): Harness {
  let factory = new IDBFactory();
  const journal = memoryJournal();
  const name = `store-test-${n++}`;
  let tick = 0;
  const now = () => T0 + tick++ * 1000;
  let seq = 0;
  const random = (k: number) => {
    seq++;
    return Uint8Array.from({ length: k }, (_, i) => (seq * 31 + i * 7) & 0xff);
  };
  const open = () =>
    openStore({
      dbName: name,
      codec,
      journal,
      calendar: calendar(),
      now,
      indexedDB: factory,
      IDBKeyRange,
      newId: createUuidV7(now, random),
    });
  const h: Harness = {
    store: open(),
    factory,
    journal,
    reopen: (opts) => {
      h.store.close();
      if (opts?.freshDb) {
        factory = new IDBFactory();
        h.factory = factory;
      }
      h.store = open();
      return h.store;
    },
  };
  return h;
}

export const ENROLLMENT: Enrollment = {
  deviceId: '01900000-0000-7000-8000-0000000000d1',
  userId: '01900000-0000-7000-8000-0000000000e1',
  userName: '王调解',
  orgId: '01900000-0000-7000-8000-0000000000a1',
  orgName: '荆门市劳动人事争议仲裁院',
  orgKind: 'arbitration',
  caseNumberPrefix: '荆劳人仲字',
  roles: ['mediator'],
  hubUrl: 'http://127.0.0.1:8787',
};
