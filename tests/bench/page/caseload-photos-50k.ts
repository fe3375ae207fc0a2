/*
 * The caseload targets of #4 with 50,000 photos stored (issue #5 part 7): the same 100,000 case rows as
 * caseload-100k.ts, plus 50,000 small photos (2–8 KB, every one distinct bytes, so distinct hashes)
 * imported through the real importEvidenceFile (pending row, sealed chunk, completed `blobs` row keyed by
 * SHA-256) and named by the evidence lists of 5,000 case states (10 photos each, as evidence.added puts
 * them into the reduced state), all in their own database. The measured steps are the caseload's first
 * page under a filter and a search, each a ratio against the same step on the photo-free database
 * measured in the same run (caseload-100k-filter-first-page / caseload-100k-search-first-page).
 *
 * Opt-in: seeding 50k imports takes minutes on this machine, so these run only with BENCH_PHOTOS=1:
 *   BENCH_PHOTOS=1 npm run bench -- caseload-100k-
 */
import { bundledHolidayCalendar } from '#shared/law/bundled-data';
import { emptyCaseState, type CaseState, type Evidence } from '#shared/case/state';
import { importEvidenceFile } from '../../../renderer/data/blobs';
import { plainCodec } from '../../../renderer/data/codec';
import { memoryJournal } from '../../../renderer/data/journal';
import { openStore, type TribunalStore } from '../../../renderer/data/store';
import { N, rowOf, TODAY, WINDOW } from './caseload-100k';
import { register } from './registry';

export const PHOTOS = 50_000;
const PER_CASE = 10;
/** Imports in flight at once while seeding (IndexedDB queues their transactions; one at a time is slow). */
const PARALLEL = 64;
const plenty = () => Promise.resolve({ quota: 1e12, usage: 0 });
const DB = 'bench-caseload-photos-50k';

/** Eight base patterns (a JPEG start marker, then bytes of one of eight generators); the index is stamped
 * in, so no two photos share a hash. Sizes 2–8 KB. */
function photoBytes(i: number): Uint8Array {
  const size = 2048 + ((i * 7919) % (6 * 1024));
  const b = new Uint8Array(size);
  const p = i % 8;
  for (let k = 0; k < size; k++) b[k] = (Math.imul(k + 1, 2654435761 + p * 40503) >>> (8 + p)) & 0xff;
  b.set([0xff, 0xd8, 0xff, 0xe0], 0);
  new DataView(b.buffer).setUint32(4, i);
  return b;
}

const uuidOf = (n: number, tag: number) =>
  `${n.toString(16).padStart(8, '0')}-0000-4000-8000-${tag.toString(16).padStart(12, '0')}`;

function evidenceOf(photo: number, sha256: string, size: number): Evidence {
  return {
    evidenceId: uuidOf(photo, 0xe),
    sha256,
    size,
    mime: 'image/jpeg',
    fileName: `IMG_${String(photo).padStart(5, '0')}.jpg`,
    capturedAt: '2026-11-20T02:00:00.000Z',
    caption: '工资条照片',
    claimIds: [],
    eventId: uuidOf(photo, 0xa),
    conf: 'public',
    retracted: null,
  };
}

/** The reduced state of a case whose only recorded facts (here) are its photos. */
function stateOf(caseId: string, evidence: Evidence[]): CaseState {
  return { ...emptyCaseState(), caseId, evidence };
}

let ready: Promise<{ store: TribunalStore; seedMs: number }> | null = null;

/** Builds the cases, photos and case states once per page (not measured; the seeding time is logged). */
function setup() {
  ready ??= (async () => {
    const calendar = bundledHolidayCalendar();
    if (!calendar.ok) throw new Error('calendar');
    const store = openStore({
      dbName: DB,
      codec: plainCodec,
      journal: memoryJournal(),
      calendar: calendar.value,
      today: () => TODAY,
    });
    const { ctx } = store;
    const t0 = performance.now();
    if ((await ctx.db.cases.count()) !== N) {
      await ctx.db.cases.clear();
      for (let start = 0; start < N; start += 10_000)
        await ctx.db.cases.bulkPut(Array.from({ length: 10_000 }, (_, k) => rowOf(start + k)));
    }
    if ((await ctx.db.table('blobs').count()) < PHOTOS) {
      for (let start = 0; start < PHOTOS; start += PER_CASE * PARALLEL) {
        const batch = Array.from(
          { length: Math.min(PER_CASE * PARALLEL, PHOTOS - start) },
          (_, k) => start + k,
        );
        const imported = await Promise.all(
          batch.map(async (photo) => {
            const bytes = photoBytes(photo);
            const r = await importEvidenceFile(ctx, new Blob([bytes as Uint8Array<ArrayBuffer>]), {
              mime: 'image/jpeg',
              estimate: plenty,
            });
            if (!r.ok) throw new Error(r.error.message);
            return evidenceOf(photo, r.value.sha256, r.value.size);
          }),
        );
        // Photo p belongs to case floor(p / 10) * 20: spread over the caseload (one case in 20).
        const states = [];
        for (let at = 0; at < imported.length; at += PER_CASE) {
          const caseId = `case-${String(((start + at) / PER_CASE) * 20).padStart(6, '0')}`;
          states.push({
            id: caseId,
            body: await ctx.codec.seal('caseStates', stateOf(caseId, imported.slice(at, at + PER_CASE))),
          });
        }
        await ctx.db.caseStates.bulkPut(states);
      }
    }
    const seedMs = performance.now() - t0;
    const [blobs, chunks, states] = await Promise.all([
      ctx.db.table('blobs').where('state').equals('complete').count(),
      ctx.db.table('blobChunks').count(),
      ctx.db.caseStates.count(),
    ]);
    if (blobs !== PHOTOS || chunks !== PHOTOS || states !== PHOTOS / PER_CASE)
      throw new Error(`seeded ${String(blobs)} blobs, ${String(chunks)} chunks, ${String(states)} states`);
    console.log(`caseload-photos-50k: seeded in ${(seedMs / 1000).toFixed(1)} s`);
    return { store, seedMs };
  })();
  return ready;
}

/** The caseload screen's first step (use-caseload.ts), as in caseload-100k.ts. */
async function firstPage(store: TribunalStore, q: { statuses?: string[]; search?: string }): Promise<number> {
  const t0 = performance.now();
  const page = await store.queryCasePage(q, 0, WINDOW);
  const rows = await store.summaries(page.ids);
  const ms = performance.now() - t0;
  if (rows.length === 0) throw new Error('bench read nothing');
  return ms;
}

register({
  name: 'caseload-100k-photos-50k-seed',
  optIn: 'BENCH_PHOTOS',
  runs: 1,
  // Not a target: the seeding time (100k rows + 50k imports + 5k states), so the report can name it.
  run: async () => (await setup()).seedMs,
});

register({
  name: 'caseload-100k-photos-50k-filter-first-page',
  baseline: 'caseload-100k-filter-first-page',
  optIn: 'BENCH_PHOTOS',
  runs: 5,
  run: async () => firstPage((await setup()).store, { statuses: ['in_session'] }),
});

register({
  name: 'caseload-100k-photos-50k-search-first-page',
  baseline: 'caseload-100k-search-first-page',
  optIn: 'BENCH_PHOTOS',
  runs: 5,
  run: async () => firstPage((await setup()).store, { search: '张' }),
});
