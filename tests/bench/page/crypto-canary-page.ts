/*
 * The page side of the canary test (tests/e2e/security-canary.spec.ts, R6/R8): writes 1,000 synthetic
 * cases carrying canary values and 100 canary "photos" through the real data layer (IndexedDB through
 * Dexie, the OPFS journal) with either the plain or the encrypting codec, then — in a later browser
 * start on the same profile — tries a wrong passphrase and the recovery path. Bundled by the spec with
 * esbuild; exposes `globalThis.canaryApi`.
 */
import { createTestDevice } from '#shared/events/testing';
import { bundledHolidayCalendar } from '#shared/law/bundled-data';
import { generateResidentId, seededRng } from '#shared/law/id-generate';
import type { CaseEvent } from '#shared/events/envelope';
import type { CaseState } from '#shared/case/index';
import { importEvidenceFile, readBlobAsBlob } from '../../../renderer/data/blobs';
import { plainCodec, type Codec, type Sealed } from '../../../renderer/data/codec';
import { openStore, type TribunalStore } from '../../../renderer/data/store';
import { createBrowserPlatform } from '../../../renderer/platform/browser';
import { journalPortFrom } from '../../../renderer/platform/journal-port';
import { openKeyring, type Keyring } from '../../../renderer/security/keyring';
import type { CANARY } from './crypto-canary-values';

/**
 * The canary values arrive from the spec at run time, never as literals in this bundle: the bundle
 * itself lands in the profile's caches and would be found by the scan.
 */
type Canary = typeof CANARY;
let canary: Canary | null = null;
const c = (): Canary => {
  if (!canary) throw new Error('setCanary first');
  return canary;
};

const DB = 'canary-tribunal';
const PHOTO_BYTES = 96 * 1024;

export type WriteReport = {
  cases: number;
  events: number;
  blobs: number;
  journalLines: number;
  keyId: string;
};
export type ReadReport = {
  ok: boolean;
  code?: string;
  idNumbers: number;
  notes: number;
  photos: number;
  journal: number;
};

function openCanaryStore(codec: Codec): TribunalStore {
  const calendar = bundledHolidayCalendar();
  if (!calendar.ok) throw new Error('calendar');
  return openStore({
    dbName: DB,
    codec,
    journal: journalPortFrom(createBrowserPlatform({ hubOrigin: location.origin })),
    calendar: calendar.value,
  });
}

function keyringOf(store: TribunalStore): Keyring {
  const meta = store.ctx.db.meta;
  return openKeyring({
    storage: {
      get: async (key) => (await meta.get(key))?.value,
      put: async (key, value) => {
        await meta.put({ key, value });
      },
    },
  });
}

type Device = Awaited<ReturnType<typeof createTestDevice>>;

async function caseEvents(device: Device, i: number, rng: () => number): Promise<CaseEvent[]> {
  const caseId = `0190a000-0000-7000-8000-${String(i).padStart(12, '0')}`;
  const month = String(1 + (i % 12)).padStart(2, '0');
  const day = String(1 + (i % 28)).padStart(2, '0');
  const year = c().idPrefix.slice(6);
  const id = generateResidentId(rng, {
    birth: `${year}-${month}-${day}`,
    sex: i % 2 ? 'male' : 'female',
    region: c().idPrefix.slice(0, 6),
  });
  if (!id.ok) throw new Error('id');
  const partyId = `0190a000-0000-7000-9000-${String(i).padStart(12, '0')}`;
  return [
    await device.emit(caseId, 'case.opened', {
      kind: 'mediation',
      tempNumber: `临-CAN-${i}`,
      channel: 'walk_in',
      disputeCategories: ['wage_arrears'],
      caseCause: '追索劳动报酬',
      collective: false,
      receivedAt: '2026-11-28T09:00:00.000Z',
    }),
    await device.emit(caseId, 'party.added', {
      partyId,
      role: 'applicant',
      kind: 'worker',
      name: `${c().name}${i}`,
      idNumber: id.value,
      phone: `${c().phonePrefix}${String(i).padStart(4, '0')}`,
      monthlyWageFen: Number(c().wage),
      address: `荆门市东宝区${c().name}${i}号宿舍`,
    }),
    await device.emit(caseId, 'note.recorded', {
      noteId: `0190a000-0000-7000-a000-${String(i).padStart(12, '0')}`,
      method: 'five_heart',
      stage: 1,
      fields: {},
      text: `${c().note}-${i}：工人说老板欠了三个月工资，情绪激动。`,
    }),
  ];
}

function photo(i: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(PHOTO_BYTES);
  for (let at = 0; at < bytes.length; at += 65536) crypto.getRandomValues(bytes.subarray(at, at + 65536));
  const marker = new TextEncoder().encode(`${c().photo}-${i}-`);
  for (let at = 0; at + marker.length < bytes.length; at += 8192) bytes.set(marker, at);
  return bytes;
}

async function write(
  mode: 'plain' | 'crypto',
  passphrase: string,
  recoveryJwk: JsonWebKey,
): Promise<WriteReport> {
  let codec: Codec = plainCodec;
  let keyId = 'plain';
  const boot = openCanaryStore(plainCodec);
  if (mode === 'crypto') {
    const created = await keyringOf(boot).create(passphrase, { recoveryPublicKeyJwk: recoveryJwk });
    if (!created.ok) throw new Error(created.error.message);
    codec = created.value.codec;
    keyId = created.value.keyId;
  }
  boot.close();
  const store = openCanaryStore(codec);
  const rng = seededRng(8);
  const device = await createTestDevice({
    deviceId: 'dev-canary',
    userId: 'u-1',
    orgId: 'org-1',
    role: 'mediator',
  });
  let events = 0;
  for (let i = 0; i < 1000; i += 20) {
    const batch: CaseEvent[] = [];
    for (let j = i; j < i + 20; j++) batch.push(...(await caseEvents(device, j, rng)));
    const r = await store.receive(batch);
    if (!r.ok) throw new Error(r.error.message);
    events += r.value.stored.length;
  }
  const shas: string[] = [];
  for (let i = 0; i < 100; i++) {
    const imported = await importEvidenceFile(store.ctx, new Blob([photo(i)]), { mime: 'image/jpeg' });
    if (!imported.ok) throw new Error(imported.error.message);
    shas.push(imported.value.sha256);
  }
  localStorage.setItem('canary.shas', JSON.stringify(shas));
  const lines = await store.ctx.journal.readAll();
  store.close();
  return { cases: 1000, events, blobs: 100, journalLines: lines.ok ? lines.value.length : -1, keyId };
}

/** Everything a codec can read back: ID numbers in case states, notes in events, photos, journal lines. */
async function readAll(codec: Codec): Promise<ReadReport> {
  const store = openCanaryStore(codec);
  try {
    const states = await store.allCaseStates();
    const idNumbers = states.flatMap((s: CaseState) =>
      s.parties.filter((p) => p.current.idNumber?.startsWith(c().idPrefix)),
    ).length;
    let notes = 0;
    for (const row of await store.ctx.db.events.toArray()) {
      const e = (await codec.open('events', row.body)) as CaseEvent;
      if (JSON.stringify(e.payload).includes(c().note)) notes++;
    }
    let photos = 0;
    for (const sha of JSON.parse(localStorage.getItem('canary.shas') ?? '[]') as string[]) {
      const blob = await readBlobAsBlob(store.ctx, sha);
      if (!blob.ok) throw new Error(blob.error.message);
      const head = new Uint8Array(await blob.value.slice(0, 64).arrayBuffer());
      if (new TextDecoder('latin1').decode(head).startsWith(c().photo)) photos++;
    }
    const lines = await store.ctx.journal.readAll();
    let journal = 0;
    for (const line of lines.ok ? lines.value : []) {
      const e = (await codec.open('journal', JSON.parse(line) as Sealed)) as CaseEvent;
      if (e.caseId) journal++;
    }
    return { ok: true, idNumbers, notes, photos, journal };
  } finally {
    store.close();
  }
}

async function tryUnlock(passphrase: string): Promise<ReadReport> {
  const boot = openCanaryStore(plainCodec);
  const r = await keyringOf(boot).unlock(passphrase);
  boot.close();
  if (!r.ok) return { ok: false, code: r.error.code, idNumbers: 0, notes: 0, photos: 0, journal: 0 };
  return readAll(r.value.codec);
}

async function recover(rawKeyB64url: string, newPassphrase: string): Promise<ReadReport> {
  const boot = openCanaryStore(plainCodec);
  const r = await keyringOf(boot).recoverWithDataKey(rawKeyB64url, newPassphrase);
  boot.close();
  if (!r.ok) return { ok: false, code: r.error.code, idNumbers: 0, notes: 0, photos: 0, journal: 0 };
  return readAll(r.value.codec);
}

/** The recovery wrap in the key file (what the hub's administrators would be handed). */
async function recoveryWrap(): Promise<string | null> {
  const boot = openCanaryStore(plainCodec);
  const kf = (await boot.ctx.db.meta.get('security.keyfile'))?.value as
    { recovery?: { wrapped: string } } | undefined;
  boot.close();
  return kf?.recovery?.wrapped ?? null;
}

/** Plain-codec read of the encrypted store: must fail on every row, never show ciphertext as data. */
async function readWithoutKey(): Promise<{ opened: number; refused: number }> {
  const store = openCanaryStore(plainCodec);
  let opened = 0;
  let refused = 0;
  for (const row of await store.ctx.db.caseStates.toArray()) {
    try {
      await plainCodec.open('caseStates', row.body);
      opened++;
    } catch {
      refused++;
    }
  }
  store.close();
  return { opened, refused };
}

/** R6 report: every stored IV (rows, journal lines, evidence chunks) and how many repeat. */
async function collectIvs(): Promise<{ total: number; unique: number }> {
  const store = openCanaryStore(plainCodec);
  const seen = new Set<string>();
  let total = 0;
  const add = (iv: unknown) => {
    total++;
    seen.add(typeof iv === 'string' ? iv : Array.from(iv as Uint8Array).join(','));
  };
  const db = store.ctx.db;
  for (const rows of [await db.events.toArray(), await db.cases.toArray(), await db.caseStates.toArray()])
    for (const r of rows) add((r.body.data as { iv: unknown }).iv);
  const chunks = (await db.table('blobChunks').toArray()) as { bytes: Uint8Array }[];
  for (const c of chunks) add(c.bytes.subarray(1, 13));
  const lines = await store.ctx.journal.readAll();
  for (const line of lines.ok ? lines.value : [])
    add(((JSON.parse(line) as Sealed).data as { iv: string }).iv);
  store.close();
  return { total, unique: seen.size };
}

declare global {
  var canaryApi: {
    write: typeof write;
    tryUnlock: typeof tryUnlock;
    recover: typeof recover;
    recoveryWrap: typeof recoveryWrap;
    readWithoutKey: typeof readWithoutKey;
    collectIvs: typeof collectIvs;
    readPlain: () => Promise<ReadReport>;
    setCanary: (value: Canary) => void;
  };
}

globalThis.canaryApi = {
  write,
  tryUnlock,
  recover,
  recoveryWrap,
  readWithoutKey,
  collectIvs,
  readPlain: () => readAll(plainCodec),
  setCanary: (value) => {
    canary = value;
  },
};
document.title = 'canary-ready';
