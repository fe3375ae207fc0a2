/*
 * The IPC channel names and result shape, without zod: the sandboxed preload bundles only this file
 * (the schemas live in contract.ts and run in main). contract.ts is typed so that its table has exactly
 * these channels.
 */
import type { Result } from '#shared/util/result';

/** Every channel (`domain:verb`), in a stable order; the preload and the tests iterate it. */
export const ipcChannels = [
  'app:info',
  'documents:printToPdf',
  'documents:print',
  'files:saveDialog',
  'journal:append',
  'journal:read',
  'journal:replace',
  'keys:store',
  'keys:load',
  'keys:status',
] as const;
export type IpcChannel = (typeof ipcChannels)[number];

/**
 * Events main sends to the renderer (no answer, no payload). `power:lock`: the laptop is suspending or
 * its screen is locking; the renderer locks (drops the key, reloads). Exposed as `power.onLock`.
 */
export const ipcEvents = ['power:lock'] as const;
export type IpcEvent = (typeof ipcEvents)[number];

/** Machine-readable error codes every call may answer with. */
export const ipcErrorCodes = [
  'forbidden_sender',
  'invalid_input',
  'internal',
  'unsupported',
  'not_found',
  'io',
  'insecure_backend',
  'backend_changed',
  'unavailable',
] as const;
export type IpcErrorCode = (typeof ipcErrorCodes)[number];

/** Error payload: `message` is for people (Chinese first, English in brackets). */
export type IpcError = { readonly code: IpcErrorCode; readonly message: string };

/** What every bridge call resolves to. It never rejects. */
export type IpcResult<T> = Result<T, IpcError>;

/** The namespaces of `window.tribunal`: the first half of each channel name. */
export type IpcNamespace = IpcChannel extends `${infer N}:${string}` ? N : never;

/** Splits `domain:verb` into the namespace and method of `window.tribunal`. */
export function channelParts(channel: IpcChannel): { namespace: IpcNamespace; method: string } {
  const [namespace, method] = channel.split(':') as [IpcNamespace, string];
  return { namespace, method };
}

/** Builds an error result; messages are Chinese first. */
export const ipcError = (code: IpcErrorCode, message: string): Result<never, IpcError> => ({
  ok: false,
  error: { code, message },
});
