/*
 * OS-protected storage for the wrapped data key (architecture.md "Security posture", reliability.md A3/A4).
 * The renderer has already wrapped the data key with the passphrase-derived key; here it is wrapped once
 * more with Electron safeStorage (Keychain, DPAPI, libsecret/kwallet). Like Signal, we refuse Linux's
 * `basic_text` backend (a hard-coded password, i.e. plain text), record the backend used, and refuse to
 * load when it has changed instead of silently degrading.
 */
import path from 'node:path';
import type { SafeStorage } from 'electron';
import {
  ipcError,
  type IpcOutput,
  type IpcResult,
  type KeyBackend,
  type KeyStatus,
} from '#shared/ipc/contract';

export type KeyStoreFs = {
  readFile(file: string): Promise<Buffer>;
  /** Writes durably (temp file, fsync, rename). */
  writeFileDurable(file: string, data: Uint8Array): Promise<void>;
};

export type KeyStoreDeps = {
  dir: string;
  platform: NodeJS.Platform;
  safeStorage: Pick<
    SafeStorage,
    'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
  >;
  fs: KeyStoreFs;
};

export type KeyStore = {
  status(): KeyStatus;
  store(keyId: string, wrapped: string): Promise<IpcResult<IpcOutput<'keys:store'>>>;
  load(keyId: string): Promise<IpcResult<IpcOutput<'keys:load'>>>;
};

const isMissing = (e: unknown): boolean => (e as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';

function backendOf(deps: KeyStoreDeps): KeyBackend {
  if (deps.platform === 'darwin') return 'keychain';
  if (deps.platform === 'win32') return 'dpapi';
  return deps.safeStorage.getSelectedStorageBackend();
}

const insecure = () =>
  ipcError(
    'insecure_backend',
    '系统密钥环不可用，无法安全保存密钥；请安装并解锁 GNOME 密钥环或 KWallet (no secure OS keystore: basic_text refused)',
  );

/** Builds the key store over `deps.dir` (one file per key plus `backend.json`). */
export function createKeyStore(deps: KeyStoreDeps): KeyStore {
  const backendFile = path.join(deps.dir, 'backend.json');
  const keyFile = (keyId: string) => path.join(deps.dir, `${keyId}.key`);

  const status = (): KeyStatus => {
    const available = deps.safeStorage.isEncryptionAvailable();
    const backend = backendOf(deps);
    return { available, backend, secure: available && backend !== 'basic_text' && backend !== 'unknown' };
  };

  const recordedBackend = async (): Promise<string | undefined> => {
    try {
      const parsed: unknown = JSON.parse((await deps.fs.readFile(backendFile)).toString('utf8'));
      return typeof parsed === 'object' && parsed !== null && 'backend' in parsed
        ? String(parsed.backend)
        : undefined;
    } catch (e) {
      if (isMissing(e)) return undefined;
      throw e;
    }
  };

  const changed = (was: string, now: KeyBackend) =>
    ipcError(
      'backend_changed',
      `密钥存储后端已变化 (key backend changed from ${was} to ${now}); 请用口令恢复`,
    );

  return {
    status,
    store: async (keyId, wrapped) => {
      const s = status();
      if (!s.secure) return insecure();
      const was = await recordedBackend();
      if (was !== undefined && was !== s.backend) return changed(was, s.backend);
      await deps.fs.writeFileDurable(keyFile(keyId), deps.safeStorage.encryptString(wrapped));
      if (was === undefined) {
        await deps.fs.writeFileDurable(backendFile, Buffer.from(JSON.stringify({ backend: s.backend })));
      }
      return { ok: true, value: { backend: s.backend } };
    },
    load: async (keyId) => {
      const s = status();
      if (!s.secure) return insecure();
      const was = await recordedBackend();
      if (was !== undefined && was !== s.backend) return changed(was, s.backend);
      let sealed: Buffer;
      try {
        sealed = await deps.fs.readFile(keyFile(keyId));
      } catch (e) {
        if (isMissing(e)) return ipcError('not_found', `没有保存的密钥 (no stored key "${keyId}")`);
        throw e;
      }
      try {
        return { ok: true, value: { wrapped: deps.safeStorage.decryptString(sealed), backend: s.backend } };
      } catch {
        return ipcError(
          'backend_changed',
          '无法解密已保存的密钥，系统密钥环可能已更换或被锁定；请用口令恢复 (cannot decrypt the stored key: keyring changed or locked)',
        );
      }
    },
  };
}
