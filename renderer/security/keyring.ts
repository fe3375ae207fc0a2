/*
 * The keyring: creates the device data key once, and hands out a codec only to someone who knows the
 * passphrase (or holds the data key recovered by the hub's administrators). The key file lives behind
 * a small storage port the data layer wires to its `meta` table; the OS keystore is reached through the
 * keys:* IPC channels. Failures are results with a Chinese-first message, never throws.
 */
import type { KeyBackend, TribunalApi } from '#shared/ipc/contract';
import { err, ok, type Result } from '#shared/util/result';
import type { Codec } from '../data/codec';
import { fromB64url, fromBase64, randomBytes, toBase64 } from './bytes';
import { codecFromRawKey, deriveCodecKeys } from './crypto-codec';
import {
  DEFAULT_PBKDF2_ITERATIONS,
  FAILURES_META_KEY,
  KEYFILE_META_KEY,
  keyFileSchema,
  PLATFORM_SECRET_ID,
  unwrapWithPassphrase,
  wrapForRecovery,
  wrapWithPassphrase,
  type KeyFile,
  type PlatformBinding,
} from './keyfile';
import { throttleDelayMs, type Failures } from './throttle';

/** Where the key file is kept (the lead wires it to renderer/data's `meta` table). */
export type KeyringStorage = {
  get: (key: string) => Promise<unknown>;
  put: (key: string, value: unknown) => Promise<void>;
};

export type KeyringErrorCode =
  | 'no_keyring'
  | 'already_exists'
  | 'weak_passphrase'
  | 'wrong_passphrase'
  | 'throttled'
  | 'corrupt_keyring'
  | 'keystore_changed'
  | 'keystore_unavailable'
  | 'wrong_recovery_key'
  | 'bad_recovery_public_key'
  | 'storage_failed';

export type KeyringError = { code: KeyringErrorCode; message: string; retryAfterMs?: number };

/** What an unlock gives: the codec for the data layer. Drop every reference to it to lock. */
export type Unlocked = { codec: Codec; keyId: string };

export type KeyringInfo = {
  keyId: string;
  platform: PlatformBinding;
  /** `wrapped` is what the administrator unwraps on the hub (base64url RSA-OAEP-256 ciphertext). */
  recovery: {
    keyFingerprint: string;
    at: number;
    wrapped: string;
    /** The device the hub holds this escrow for; null until the hub has accepted it. */
    hub: { deviceId: string; at: number } | null;
  } | null;
  retryAfterMs: number;
};

/**
 * The data key held for one enrollment (#8): the passphrase is checked before the one-time code is used
 * up, the wrap to the organisation key the hub then answers with needs no second PBKDF2, and `close()`
 * zeroes the raw bytes (always call it, in a `finally`).
 */
export type EscrowHandle = {
  /** Wraps the data key to the recovery key and records the wrap in the key file; answers the wrap. */
  wrap(recoveryPublicKeyJwk: JsonWebKey): Promise<Result<string, KeyringError>>;
  close(): void;
};

export type KeyringDeps = {
  storage: KeyringStorage;
  /** The keys:* IPC namespace (getPlatform().keys); absent = no OS keystore. */
  platformKeys?: TribunalApi['keys'];
  /** PBKDF2 iterations for new wraps; tests lower it, production keeps the 600,000 default. */
  iterations?: number;
  now?: () => number;
};

export type CreateOptions = { recoveryPublicKeyJwk?: JsonWebKey };

export type Keyring = {
  /** null before first run (no key file); the key file's public facts otherwise. */
  info(): Promise<Result<KeyringInfo | null, KeyringError>>;
  create(passphrase: string, opts?: CreateOptions): Promise<Result<Unlocked, KeyringError>>;
  unlock(passphrase: string): Promise<Result<Unlocked, KeyringError>>;
  changePassphrase(oldPassphrase: string, newPassphrase: string): Promise<Result<void, KeyringError>>;
  /** Escrow the data key to the organisation's recovery key (at enrollment); needs the passphrase again. */
  addRecoveryWrap(passphrase: string, recoveryPublicKeyJwk: JsonWebKey): Promise<Result<void, KeyringError>>;
  /** Checks the passphrase and holds the data key for one enrollment's escrow (see EscrowHandle). */
  openEscrow(passphrase: string): Promise<Result<EscrowHandle, KeyringError>>;
  /** Records that the hub accepted the current recovery wrap for `deviceId`. */
  markEscrowed(deviceId: string, wrapped: string): Promise<Result<void, KeyringError>>;
  /** After the hub-side procedure: the recovered data key (base64url) and a new passphrase. */
  recoverWithDataKey(rawKeyB64url: string, newPassphrase: string): Promise<Result<Unlocked, KeyringError>>;
};

export const MIN_PASSPHRASE_LENGTH = 8;

const fail = (code: KeyringErrorCode, message: string, retryAfterMs?: number): Result<never, KeyringError> =>
  err(retryAfterMs === undefined ? { code, message } : { code, message, retryAfterMs });

/** Backends whose "encryption" protects nothing: the key would sit next to the data in effect. */
const UNPROTECTED: readonly KeyBackend[] = ['basic_text', 'browser', 'unknown'];

export function openKeyring(deps: KeyringDeps): Keyring {
  const iterations = deps.iterations ?? DEFAULT_PBKDF2_ITERATIONS;
  const now = deps.now ?? (() => Date.now());
  const { storage } = deps;

  const load = async (): Promise<Result<KeyFile | null, KeyringError>> => {
    let raw: unknown;
    try {
      raw = await storage.get(KEYFILE_META_KEY);
    } catch (e) {
      return fail('storage_failed', `无法读取密钥文件 (${e instanceof Error ? e.message : String(e)})`);
    }
    if (raw === undefined || raw === null) return ok(null);
    const parsed = keyFileSchema.safeParse(raw);
    return parsed.success
      ? ok(parsed.data)
      : fail(
          'corrupt_keyring',
          '密钥文件已损坏，请联系管理员用恢复密钥恢复 (key file is damaged; use recovery)',
        );
  };

  const save = async (kf: KeyFile): Promise<Result<void, KeyringError>> => {
    try {
      await storage.put(KEYFILE_META_KEY, kf);
      return ok(undefined);
    } catch (e) {
      return fail('storage_failed', `无法保存密钥文件 (${e instanceof Error ? e.message : String(e)})`);
    }
  };

  const failures = async (): Promise<Failures> => {
    const f = (await storage.get(FAILURES_META_KEY).catch(() => undefined)) as Partial<Failures> | undefined;
    return {
      count: typeof f?.count === 'number' ? f.count : 0,
      lastAt: typeof f?.lastAt === 'number' ? f.lastAt : 0,
    };
  };
  const retryAfter = (f: Failures): number => Math.max(0, f.lastAt + throttleDelayMs(f.count) - now());

  /** Binds to the OS keystore when it protects anything; records why not otherwise. */
  const bindPlatform = async (): Promise<{ binding: PlatformBinding; secret: Uint8Array | null }> => {
    const keys = deps.platformKeys;
    if (!keys)
      return { binding: { state: 'unavailable', backend: null, reason: 'no platform' }, secret: null };
    const status = await keys.status();
    if (!status.ok || !status.value.available)
      return {
        binding: { state: 'unavailable', backend: null, reason: 'keystore not available' },
        secret: null,
      };
    const backend = status.value.backend;
    if (!status.value.secure || UNPROTECTED.includes(backend))
      return {
        binding: {
          state: backend === 'basic_text' ? 'refused' : 'unavailable',
          backend,
          reason: `${backend} does not protect keys`,
        },
        secret: null,
      };
    const secret = randomBytes(32);
    const stored = await keys.store({ keyId: PLATFORM_SECRET_ID, wrapped: toBase64(secret) });
    if (!stored.ok)
      return { binding: { state: 'unavailable', backend, reason: stored.error.message }, secret: null };
    return {
      binding: { state: 'bound', backend: stored.value.backend, secretId: PLATFORM_SECRET_ID },
      secret,
    };
  };

  const platformSecret = async (kf: KeyFile): Promise<Result<Uint8Array | null, KeyringError>> => {
    if (kf.platform.state !== 'bound') return ok(null);
    const hint = '请联系管理员按恢复流程取回数据密钥 (use the recovery procedure)';
    if (!deps.platformKeys) return fail('keystore_unavailable', `系统钥匙串不可用；${hint}`);
    const loaded = await deps.platformKeys.load({ keyId: kf.platform.secretId });
    if (!loaded.ok)
      return loaded.error.code === 'backend_changed'
        ? fail('keystore_changed', `系统钥匙串自上次启动后已变化；${hint}`)
        : fail('keystore_unavailable', `系统钥匙串中的密钥不可用（${loaded.error.message}）；${hint}`);
    if (loaded.value.backend !== kf.platform.backend)
      return fail(
        'keystore_changed',
        `系统钥匙串已从 ${kf.platform.backend} 变为 ${loaded.value.backend}；${hint}`,
      );
    const secret = fromBase64(loaded.value.wrapped);
    return secret ? ok(secret) : fail('keystore_changed', `系统钥匙串返回的密钥无法识别；${hint}`);
  };

  /** Unwraps with the current wrap, then a pending one left by an interrupted passphrase change. */
  const unwrap = async (kf: KeyFile, passphrase: string): Promise<Result<Uint8Array, KeyringError>> => {
    const secret = await platformSecret(kf);
    if (!secret.ok) return secret;
    for (const wrap of [kf.passphrase, kf.pending]) {
      if (!wrap) continue;
      const raw = await unwrapWithPassphrase(wrap, kf.keyId, passphrase, secret.value);
      if (raw && (await deriveCodecKeys(raw)).keyId === kf.keyId) {
        if (wrap === kf.pending) await save({ ...kf, passphrase: wrap, pending: undefined });
        return ok(raw);
      }
    }
    return fail('wrong_passphrase', '口令不正确 (wrong passphrase)');
  };

  const weak = (p: string) =>
    Array.from(p.trim()).length < MIN_PASSPHRASE_LENGTH
      ? fail(
          'weak_passphrase',
          `口令至少需要 ${MIN_PASSPHRASE_LENGTH} 个字符 (at least ${MIN_PASSPHRASE_LENGTH} characters)`,
        )
      : null;

  const toUnlocked = async (raw: Uint8Array): Promise<Unlocked> => {
    const u = await codecFromRawKey(raw);
    raw.fill(0); // best effort: the raw bytes do not outlive the unlock
    return u;
  };

  /** Replaces the passphrase wrap: the new one is stored as pending, read back and verified first. */
  const rewrap = async (
    kf: KeyFile,
    raw: Uint8Array,
    passphrase: string,
  ): Promise<Result<void, KeyringError>> => {
    const secret = await platformSecret(kf);
    if (!secret.ok) return secret;
    const pending = await wrapWithPassphrase(raw, kf.keyId, passphrase, iterations, secret.value);
    const staged = await save({ ...kf, pending });
    if (!staged.ok) return staged;
    const reread = await load();
    if (!reread.ok) return reread;
    const check = reread.value?.pending
      ? await unwrapWithPassphrase(reread.value.pending, kf.keyId, passphrase, secret.value)
      : null;
    if (!check || (await deriveCodecKeys(check)).keyId !== kf.keyId) {
      await save({ ...kf, pending: undefined });
      return fail(
        'storage_failed',
        '新口令校验失败，旧口令仍然有效 (new wrap failed verification; old one kept)',
      );
    }
    check.fill(0);
    return save({ ...kf, passphrase: pending, pending: undefined });
  };

  return {
    info: async () => {
      const kf = await load();
      if (!kf.ok || kf.value === null) return kf.ok ? ok(null) : kf;
      const { keyId, platform, recovery } = kf.value;
      return ok({
        keyId,
        platform,
        recovery: recovery && {
          keyFingerprint: recovery.keyFingerprint,
          at: recovery.at,
          wrapped: recovery.wrapped,
          hub: recovery.hub ?? null,
        },
        retryAfterMs: retryAfter(await failures()),
      });
    },

    create: async (passphrase, opts = {}) => {
      const existing = await load();
      if (!existing.ok) return existing;
      if (existing.value) return fail('already_exists', '本机已设置口令 (a keyring already exists)');
      const bad = weak(passphrase);
      if (bad) return bad;
      const raw = randomBytes(32);
      const { keyId } = await deriveCodecKeys(raw);
      let recovery = null;
      if (opts.recoveryPublicKeyJwk) {
        recovery = await wrapForRecovery(raw, opts.recoveryPublicKeyJwk, now());
        if (!recovery)
          return fail('bad_recovery_public_key', '机构恢复公钥无效 (recovery public key unusable)');
      }
      const { binding, secret } = await bindPlatform();
      const passphraseWrap = await wrapWithPassphrase(raw, keyId, passphrase, iterations, secret);
      const saved = await save({
        v: 1,
        keyId,
        createdAt: now(),
        passphrase: passphraseWrap,
        platform: binding,
        recovery,
      });
      if (!saved.ok) return saved;
      return ok(await toUnlocked(raw));
    },

    unlock: async (passphrase) => {
      const kf = await load();
      if (!kf.ok) return kf;
      if (!kf.value) return fail('no_keyring', '尚未设置口令 (no keyring yet)');
      const f = await failures();
      const wait = retryAfter(f);
      if (wait > 0) return fail('throttled', `尝试次数过多，请 ${Math.ceil(wait / 1000)} 秒后再试`, wait);
      const raw = await unwrap(kf.value, passphrase);
      if (!raw.ok) {
        if (raw.error.code !== 'wrong_passphrase') return raw;
        const next = { count: f.count + 1, lastAt: now() };
        await storage.put(FAILURES_META_KEY, next).catch(() => undefined);
        const delay = throttleDelayMs(next.count);
        return delay > 0 ? fail('wrong_passphrase', raw.error.message, delay) : raw;
      }
      if (f.count > 0) await storage.put(FAILURES_META_KEY, { count: 0, lastAt: 0 }).catch(() => undefined);
      return ok(await toUnlocked(raw.value));
    },

    changePassphrase: async (oldPassphrase, newPassphrase) => {
      const bad = weak(newPassphrase);
      if (bad) return bad;
      const kf = await load();
      if (!kf.ok) return kf;
      if (!kf.value) return fail('no_keyring', '尚未设置口令 (no keyring yet)');
      const raw = await unwrap(kf.value, oldPassphrase);
      if (!raw.ok) return raw;
      const fresh = await load(); // unwrap may have promoted a pending wrap
      if (!fresh.ok || !fresh.value) return fresh.ok ? fail('no_keyring', 'key file vanished') : fresh;
      const r = await rewrap(fresh.value, raw.value, newPassphrase);
      raw.value.fill(0);
      return r;
    },

    addRecoveryWrap: async (passphrase, jwk) => {
      const kf = await load();
      if (!kf.ok) return kf;
      if (!kf.value) return fail('no_keyring', '尚未设置口令 (no keyring yet)');
      const raw = await unwrap(kf.value, passphrase);
      if (!raw.ok) return raw;
      const recovery = await wrapForRecovery(raw.value, jwk, now());
      raw.value.fill(0);
      if (!recovery)
        return fail('bad_recovery_public_key', '机构恢复公钥无效 (recovery public key unusable)');
      return save({ ...kf.value, recovery });
    },

    openEscrow: async (passphrase) => {
      const kf = await load();
      if (!kf.ok) return kf;
      if (!kf.value) return fail('no_keyring', '尚未设置口令 (no keyring yet)');
      const raw = await unwrap(kf.value, passphrase);
      if (!raw.ok) return raw;
      const key = raw.value;
      let open = true;
      return ok({
        wrap: async (jwk) => {
          if (!open) return fail('storage_failed', 'escrow handle already closed');
          const recovery = await wrapForRecovery(key, jwk, now());
          if (!recovery)
            return fail('bad_recovery_public_key', '机构恢复公钥无效 (recovery public key unusable)');
          const current = await load(); // re-read: the file may have changed since the handle opened
          if (!current.ok) return current;
          if (!current.value) return fail('no_keyring', 'key file vanished');
          const saved = await save({ ...current.value, recovery });
          return saved.ok ? ok(recovery.wrapped) : saved;
        },
        close: () => {
          open = false;
          key.fill(0);
        },
      });
    },

    markEscrowed: async (deviceId, wrapped) => {
      const kf = await load();
      if (!kf.ok) return kf;
      const recovery = kf.value?.recovery;
      if (!kf.value || !recovery || recovery.wrapped !== wrapped)
        return fail('storage_failed', '本机的恢复数据已变化，未记录托管 (the recovery wrap changed)');
      return save({ ...kf.value, recovery: { ...recovery, hub: { deviceId, at: now() } } });
    },

    recoverWithDataKey: async (rawKeyB64url, newPassphrase) => {
      const bad = weak(newPassphrase);
      if (bad) return bad;
      const kf = await load();
      if (!kf.ok) return kf;
      if (!kf.value) return fail('no_keyring', '尚未设置口令 (no keyring yet)');
      const raw = fromB64url(rawKeyB64url);
      if (!raw || raw.length !== 32 || (await deriveCodecKeys(raw)).keyId !== kf.value.keyId)
        return fail(
          'wrong_recovery_key',
          '恢复密钥不属于本机的数据 (this recovered key does not belong to this device)',
        );
      // The OS keystore may be the very thing that was lost: recovery rebinds from scratch.
      const { binding, secret } = await bindPlatform();
      const passphrase = await wrapWithPassphrase(raw, kf.value.keyId, newPassphrase, iterations, secret);
      const saved = await save({ ...kf.value, passphrase, pending: undefined, platform: binding });
      if (!saved.ok) return saved;
      await storage.put(FAILURES_META_KEY, { count: 0, lastAt: 0 }).catch(() => undefined);
      return ok(await toUnlocked(raw));
    },
  };
}
