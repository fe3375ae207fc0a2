/*
 * verifyEvidencePackage: the whole check of an evidence package, pure (the caller supplies the manifest
 * text and a reader for the files). Reports every fault, each naming its file, event, key or header
 * field; never throws. The standalone verifier (tests/tools/verify-evidence.ts) is a thin shell over it.
 */
import { canonicalJson } from '#shared/events/canonical';
import { compareHlc } from '#shared/events/hlc';
import { importPublicKeyJwk, sha256Hex, verifyHashSignature } from '#shared/events/signing';
import { failure, type EvidenceFailure } from './failures';
import { hashHeader, manifestSchema, type Manifest, type ManifestHeader } from './manifest';
import { checkEvents, parseEvents } from './verify-events';
import { checkFileBytes, checkFileList, type PackageReader } from './verify-files';

export type VerifyPackageOptions = {
  /** The case the package must be for (e.g. the case the court is hearing). */
  readonly expectedCaseId?: string;
  /**
   * A later reference the package must not be older than: another verified package's header, or what
   * a receipt recorded. If it lists events this package lacks and was exported later, this package is
   * an outdated (replayed) one.
   */
  readonly reference?: Pick<ManifestHeader, 'caseId' | 'exportedHlc' | 'eventIds'>;
  /** Device id → key fingerprint known from the hub's device registry; other keys are untrusted. */
  readonly trustedKeys?: Readonly<Record<string, string>>;
  readonly onFile?: (done: number, total: number) => void;
};

export type PackageReport = {
  readonly ok: boolean;
  readonly header: ManifestHeader | null;
  readonly headerHash: string | null;
  readonly checkedEvents: number;
  readonly checkedFiles: number;
  /** Device id → key fingerprint (SHA-256 of the key's canonical JWK), to compare with the hub. */
  readonly fingerprints: Readonly<Record<string, string>>;
  readonly failures: readonly EvidenceFailure[];
};

/** SHA-256 hex of the canonical public JWK (kty, crv, x only). */
export const keyFingerprint = (jwk: Readonly<Record<string, unknown>>): Promise<string> =>
  sha256Hex(canonicalJson({ kty: jwk['kty'], crv: jwk['crv'], x: jwk['x'] }));

/** JSON.parse that refuses __proto__ keys (they could smuggle values past the schema). */
function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const seen = { proto: false };
  try {
    const value: unknown = JSON.parse(text, (k, v: unknown) => {
      if (k === '__proto__') seen.proto = true;
      return v;
    });
    return seen.proto ? { ok: false, message: 'forbidden key __proto__' } : { ok: true, value };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

const empty = (failures: EvidenceFailure[]): PackageReport => ({
  ok: false,
  header: null,
  headerHash: null,
  checkedEvents: 0,
  checkedFiles: 0,
  fingerprints: {},
  failures,
});

export async function verifyEvidencePackage(
  manifestText: string,
  reader: PackageReader,
  options: VerifyPackageOptions = {},
): Promise<PackageReport> {
  const json = parseJson(manifestText);
  if (!json.ok)
    return empty([failure('manifest_invalid', { kind: 'manifest' }, `清单不是有效的 JSON：${json.message}`)]);
  const parsed = manifestSchema.safeParse(json.value);
  if (!parsed.success)
    return empty(
      parsed.error.issues.map((i) =>
        failure(
          'manifest_invalid',
          { kind: 'manifest', field: i.path.join('.') },
          `清单格式无效：${i.message}`,
        ),
      ),
    );
  const m = parsed.data;
  const failures: EvidenceFailure[] = [];
  const { keys, fingerprints } = await importKeys(m, options, failures);
  failures.push(...(await checkHeader(m, keys)));
  const { events, failures: bad } = parseEvents(m.events);
  failures.push(...bad, ...(await checkEvents(m.header, events, keys)));
  failures.push(...checkFileList(m.header.files, events));
  failures.push(...checkExpectations(m.header, options));
  failures.push(...(await checkFileBytes(m.header.files, reader, options.onFile)));
  return {
    ok: failures.length === 0,
    header: m.header,
    headerHash: m.headerHash,
    checkedEvents: m.events.length,
    checkedFiles: m.header.files.length,
    fingerprints,
    failures,
  };
}

async function importKeys(m: Manifest, options: VerifyPackageOptions, failures: EvidenceFailure[]) {
  const keys = new Map<string, CryptoKey>();
  const fingerprints: Record<string, string> = {};
  for (const [deviceId, jwk] of Object.entries(m.keys)) {
    const key = await importPublicKeyJwk(jwk);
    if (key === null) {
      failures.push(failure('key_invalid', { kind: 'key', deviceId }, '设备公钥无效（不是 Ed25519 公钥）'));
      continue;
    }
    const fp = await keyFingerprint(jwk);
    fingerprints[deviceId] = fp;
    const trusted = options.trustedKeys?.[deviceId];
    if (options.trustedKeys && trusted !== fp)
      failures.push(failure('key_untrusted', { kind: 'key', deviceId }, `设备公钥指纹 ${fp} 不在可信登记中`));
    keys.set(deviceId, key);
  }
  return { keys, fingerprints };
}

async function checkHeader(m: Manifest, keys: ReadonlyMap<string, CryptoKey>): Promise<EvidenceFailure[]> {
  const out: EvidenceFailure[] = [];
  if ((await hashHeader(m.header)) !== m.headerHash)
    out.push(
      failure(
        'header_hash_mismatch',
        { kind: 'header' },
        '清单头（案件、导出时间、事件和文件列表）被改过：哈希不符',
      ),
    );
  const deviceId = m.header.exportedBy.deviceId;
  const key = keys.get(deviceId);
  if (key === undefined)
    out.push(
      failure('exporter_key_missing', { kind: 'key', deviceId }, '包中没有导出设备的公钥，无法验证清单签名'),
    );
  else if (!(await verifyHashSignature(key, m.headerHash, m.headerSig)))
    out.push(failure('header_signature_invalid', { kind: 'header' }, '清单头的签名验证失败'));
  return out;
}

function checkExpectations(h: ManifestHeader, o: VerifyPackageOptions): EvidenceFailure[] {
  const out: EvidenceFailure[] = [];
  if (o.expectedCaseId !== undefined && o.expectedCaseId !== h.caseId)
    out.push(
      failure(
        'case_mismatch',
        { kind: 'header', field: 'caseId' },
        `本包属于案件 ${h.caseId}，不是要核对的案件 ${o.expectedCaseId}`,
      ),
    );
  const ref = o.reference;
  if (ref !== undefined && ref.caseId === h.caseId && compareHlc(ref.exportedHlc, h.exportedHlc) > 0) {
    const mine = new Set(h.eventIds);
    const missing = ref.eventIds.filter((id) => !mine.has(id));
    if (missing.length > 0)
      out.push(
        failure(
          'manifest_outdated',
          { kind: 'header', field: 'eventIds' },
          `这是旧清单：更晚的清单（${ref.exportedHlc}）还有 ${String(missing.length)} 个证据事件本包没有：${missing.join(', ')}`,
        ),
      );
  }
  return out;
}
