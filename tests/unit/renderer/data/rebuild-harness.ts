/* A device whose store can be reopened as another build (another projection version), and stale case states. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { CaseState } from '#shared/case/index';
import { SAMPLE_IDS, SAMPLE_PAYLOADS } from '#shared/events/testing-samples';
import { createUuidV7 } from '#shared/util/ids';
import { plainCodec } from '../../../../renderer/data/codec';
import { memoryJournal } from '../../../../renderer/data/journal';
import { openStore, type Author, type TribunalStore } from '../../../../renderer/data/store';
import { calendar, ENROLLMENT, T0 } from './store-harness';

let n = 0;
/** One database, reopened with whichever projection version a "build" has. */
export function device() {
  const factory = new IDBFactory();
  const journal = memoryJournal();
  const name = `rebuild-test-${String(n++)}`;
  let tick = 0;
  const now = () => T0 + tick++ * 1000;
  let seq = 0;
  const random = (k: number) => {
    seq++;
    return Uint8Array.from({ length: k }, (_, i) => (seq * 31 + i * 7) & 0xff);
  };
  const newId = createUuidV7(now, random);
  const open = (projectionVersion?: string): TribunalStore =>
    openStore({
      dbName: name,
      codec: plainCodec,
      journal,
      calendar: calendar(),
      now,
      today: () => '2026-11-28',
      indexedDB: factory,
      IDBKeyRange,
      newId,
      ...(projectionVersion === undefined ? {} : { projectionVersion }),
    });
  return { open };
}

export async function enrolled(store: TribunalStore): Promise<Author> {
  await store.saveEnrollment(ENROLLMENT);
  const a = await store.author();
  if (!a) throw new Error('no author');
  return a;
}

export async function openCases(
  store: TribunalStore,
  author: Author,
  names: readonly string[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const name of names) {
    const caseId = store.newId();
    const r = await store.write(author, [
      { caseId, type: 'case.opened', payload: SAMPLE_PAYLOADS['case.opened'] },
      {
        caseId,
        type: 'party.added',
        payload: {
          ...SAMPLE_PAYLOADS['party.added'],
          partyId: SAMPLE_IDS.worker,
          role: 'applicant',
          kind: 'worker',
          name,
        },
      },
    ]);
    if (!r.ok) throw new Error(r.error.message);
    ids.push(caseId);
  }
  return ids;
}

/** What an older reducer left: states without today's fields and rows that sort and read differently. */
export async function makeStale(store: TribunalStore, caseIds: readonly string[]) {
  const db = store.ctx.db;
  for (const id of caseIds) {
    const row = await db.caseStates.get(id);
    if (!row) throw new Error('no state');
    const state = (await plainCodec.open('caseStates', row.body)) as CaseState;
    const older: Partial<CaseState> = { ...state, status: 'draft' };
    delete older.transcriptTexts;
    await db.caseStates.put({ id, body: await plainCodec.seal('caseStates', older) });
    await db.cases.update(id, { nextDeadline: '0000-00-00', searchTokens: [] });
  }
}
