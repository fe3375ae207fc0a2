/*
 * #5 item 4 — memory stays flat importing a 2 GB file. Opt-in (BENCH_LARGE=1: ~2 GB written to the
 * bench profile's IndexedDB, deleted after each run). Each run imports one PDF through the app's real
 * path — importOne (type check, PDF end marker, the storage check against navigator.storage.estimate,
 * streamed hash + AES-GCM sealed 4 MiB chunks into IndexedDB, then the event draft) — and the runner
 * samples the page's JS heap and ArrayBuffer memory meanwhile (sampleMemory). The file is a real file
 * on disk the runner writes and sets on an <input type=file> (inputPdf), as a user picks one — a Blob
 * built in the page cannot hold 2 GiB here (Chromium's blob storage refuses reads past ~512 MiB).
 * 64 MiB (read whole and hashed in one shot, as the app does up to ONE_SHOT_LIMIT) is the baseline for
 * 2 GiB (streamed). Flat means the 2 GiB peak stays within a small constant of the 64 MiB peak.
 */
import { CHUNK_SIZE } from '../../../renderer/data/blobs';
import { openTribunalDb } from '../../../renderer/data/db';
import type { DataContext } from '../../../renderer/data/event-store';
import type { Draft } from '../../../renderer/data/store';
import { importOne } from '../../../renderer/features/evidence/import-evidence';
import { codecFromRawKey } from '../../../renderer/security/crypto-codec';
import { register } from './registry';

const MiB = 1024 * 1024;
let seq = 0;

/** The file the runner wrote to disk and set on #bench-file (`inputPdf`), as a user would pick it. */
function pickedFile(size: number): File {
  const input = document.getElementById('bench-file');
  const file = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
  if (file?.size !== size) throw new Error(`#bench-file holds no ${String(size)}-byte file`);
  return file;
}

async function importLarge(size: number): Promise<number> {
  const db = openTribunalDb(`bench-ev-large-${String(seq++)}`);
  await db.open();
  const { codec } = await codecFromRawKey(crypto.getRandomValues(new Uint8Array(32)));
  const ctx = { db, codec } as unknown as DataContext;
  const drafts: Draft[] = [];
  let progressCalls = 0;
  let lastDone = 0;
  const file = pickedFile(size);
  const t0 = performance.now();
  const r = await importOne(
    {
      ctx,
      caseId: 'bench-case',
      newId: () => `ev-${String(seq++)}`,
      // The event write is one small row; recorded here so the bench needs no enrolled device.
      write: (d) => {
        drafts.push(...d);
        return Promise.resolve({ ok: true, value: [] });
      },
      derive: () => Promise.reject(new Error('a PDF is never derived')),
      // No `estimate`: the real navigator.storage.estimate() check runs first.
    },
    file,
    { caption: 'large', claimIds: [] },
    new Map(),
    (done) => {
      progressCalls++;
      lastDone = done;
    },
  );
  const ms = performance.now() - t0;
  const chunks = await db.table('blobChunks').count();
  db.close();
  await db.delete();
  if (!r.ok) throw new Error(r.message);
  if (drafts.length !== 1 || lastDone !== size || chunks !== size / CHUNK_SIZE)
    throw new Error(
      `import incomplete: ${String(drafts.length)} drafts, progress ${String(lastDone)}/${String(size)} in ${String(progressCalls)} calls, ${String(chunks)} chunks`,
    );
  return ms;
}

register({
  name: 'evidence-memory-64mb',
  optIn: 'BENCH_LARGE',
  sampleMemory: true,
  runs: 2,
  inputPdf: 64 * MiB,
  run: () => importLarge(64 * MiB),
});
register({
  name: 'evidence-memory-2gb',
  baseline: 'evidence-memory-64mb',
  optIn: 'BENCH_LARGE',
  sampleMemory: true,
  runs: 1,
  inputPdf: 2048 * MiB,
  run: () => importLarge(2048 * MiB),
});
