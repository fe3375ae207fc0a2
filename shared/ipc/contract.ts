/*
 * The one IPC contract between the renderer and the Electron main process (conventions.md §5).
 * Each channel (`domain:verb`) has a zod input schema that main parses before anything else (the
 * payload is `unknown` until then) and an output type. The preload exposes the same channels as the
 * frozen, namespaced `window.tribunal` object (`TribunalApi`); the browser mode implements the same
 * type, so the renderer never knows which host it runs in.
 *
 * Binary data (PDFs, saved files) travels as `Uint8Array`: structured clone carries it through
 * `ipcRenderer.invoke` and `contextBridge` without the 33 % base64 overhead.
 */
import { z } from 'zod';
import {
  channelParts,
  ipcChannels,
  ipcError,
  ipcErrorCodes,
  ipcEvents,
  type IpcChannel,
  type IpcError,
  type IpcErrorCode,
  type IpcEvent,
  type IpcResult,
} from './channels';

export { channelParts, ipcChannels, ipcError, ipcErrorCodes, ipcEvents };
export type { IpcChannel, IpcError, IpcErrorCode, IpcEvent, IpcResult };

const MiB = 1024 * 1024;
/** Limits enforced by the schemas; exported so callers can check before sending. */
export const ipcLimits = {
  printHtmlChars: 1_500_000,
  saveBytes: 200 * MiB,
  journalLineChars: MiB,
  journalLinesPerAppend: 1000,
  journalReadBytesDefault: 4 * MiB,
  journalReadBytesMax: 16 * MiB,
  wrappedKeyChars: 8192,
} as const;

const noInput = z.undefined();

const pageSize = z.enum(['A3', 'A4', 'A5', 'Letter', 'Legal']);

/** `documents:printToPdf` / `documents:print`: print `html` (a whole document) or, without it, the current page. */
const printInput = z.strictObject({
  html: z.string().min(1).max(ipcLimits.printHtmlChars).optional(),
  pageSize: pageSize.default('A4'),
  landscape: z.boolean().default(false),
  printBackground: z.boolean().default(true),
});

const fileFilter = z.strictObject({
  name: z.string().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^[A-Za-z0-9]{1,10}$/, 'extension: letters and digits only, no dot'))
    .min(1)
    .max(10),
});

const hasControlChar = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) < 0x20 || s.charCodeAt(i) === 0x7f) return true;
  return false;
};

/** A file name only: no folders, no control characters, no reserved characters on Windows. */
const fileName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\\/:*?"<>|]+$/u, 'file name only, without folders or reserved characters')
  .refine((s) => !hasControlChar(s), 'no control characters')
  .refine((s) => s !== '.' && s !== '..', 'not a file name');

const saveDialogInput = z.strictObject({
  suggestedName: fileName,
  filters: z.array(fileFilter).max(10).default([]),
  bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= ipcLimits.saveBytes, 'file too large'),
});

/** One journal line: a serialized event, never containing a line break. */
const journalLine = z
  .string()
  .min(1)
  .max(ipcLimits.journalLineChars)
  .refine((s) => !/[\r\n]/.test(s), 'a journal line must not contain line breaks');

const journalAppendInput = z.strictObject({
  lines: z.array(journalLine).min(1).max(ipcLimits.journalLinesPerAppend),
});

/**
 * One part of a journal replacement (#8 migration: the plaintext journal rewritten sealed). `first`
 * starts a fresh temporary file, every part appends its lines to it, `last` makes it durable and
 * renames it over the journal: a crash before that leaves the old journal whole.
 */
const journalReplaceInput = z.strictObject({
  lines: z.array(journalLine).max(ipcLimits.journalLinesPerAppend),
  first: z.boolean(),
  last: z.boolean(),
});

const journalReadInput = z.strictObject({
  fromOffset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  maxBytes: z
    .number()
    .int()
    .min(1)
    .max(ipcLimits.journalReadBytesMax)
    .default(ipcLimits.journalReadBytesDefault),
});

const keyId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'key id: lowercase letters, digits, hyphens');

const keysStoreInput = z.strictObject({
  keyId,
  /** The data key, already wrapped by the passphrase-derived key in the renderer, base64. */
  wrapped: z
    .string()
    .min(1)
    .max(ipcLimits.wrappedKeyChars)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'),
});

const keysLoadInput = z.strictObject({ keyId });

/** Channel → input schema. The output types are in `IpcOutputs`. */
export const ipcContract = {
  'app:info': noInput,
  'documents:printToPdf': printInput,
  'documents:print': printInput,
  'files:saveDialog': saveDialogInput,
  'journal:append': journalAppendInput,
  'journal:read': journalReadInput,
  'journal:replace': journalReplaceInput,
  'keys:store': keysStoreInput,
  'keys:load': keysLoadInput,
  'keys:status': noInput,
} as const satisfies Record<IpcChannel, z.ZodType>;

/** What the caller passes (defaults still optional). */
export type IpcInput<C extends IpcChannel> = z.input<(typeof ipcContract)[C]>;
/** What the handler receives after parsing (defaults filled in). */
export type IpcParsed<C extends IpcChannel> = z.output<(typeof ipcContract)[C]>;

/** Where the OS keeps the key that wraps our data key. `basic_text` is Linux without a keyring: refused. */
export type KeyBackend =
  | 'keychain'
  | 'dpapi'
  | 'gnome_libsecret'
  | 'kwallet'
  | 'kwallet5'
  | 'kwallet6'
  | 'basic_text'
  | 'unknown'
  | 'browser';

/** `app:info` answer. `hubOrigin` is an origin (`scheme://host[:port]`), no path. */
export type AppInfo = {
  readonly version: string;
  readonly platform: string;
  readonly isElectron: boolean;
  readonly hubOrigin: string;
};

/** `keys:status` answer: `secure` is false when the backend would keep the key effectively in plain text. */
export type KeyStatus = {
  readonly available: boolean;
  readonly backend: KeyBackend;
  readonly secure: boolean;
};

/** Channel → output type. */
export type IpcOutputs = {
  'app:info': AppInfo;
  /** The PDF's bytes and their SHA-256 (hex), computed in main before the bytes cross the bridge. */
  'documents:printToPdf': { readonly pdf: Uint8Array; readonly sha256: string };
  /** `printed` is false when the user cancelled the print dialog (where the host can tell). */
  'documents:print': { readonly printed: boolean };
  /** `path` is where the user chose to save; cancelled dialogs answer `{ saved: false }`. */
  'files:saveDialog': { readonly saved: true; readonly path: string } | { readonly saved: false };
  /** `offset`: byte length of the journal after this append, durable (fsynced) when answered. */
  'journal:append': { readonly offset: number };
  /**
   * Whole lines from `fromOffset`; `nextOffset` is where to continue. A torn last line (a crash in the
   * middle of an append that was never acknowledged) is not returned. `end` is true when nothing is left.
   */
  'journal:read': { readonly lines: readonly string[]; readonly nextOffset: number; readonly end: boolean };
  /** `offset`: bytes written to the replacement so far; after `last` it is the journal's new length. */
  'journal:replace': { readonly offset: number };
  'keys:store': { readonly backend: KeyBackend };
  'keys:load': { readonly wrapped: string; readonly backend: KeyBackend };
  'keys:status': KeyStatus;
};
export type IpcOutput<C extends IpcChannel> = IpcOutputs[C];

/** The function the bridge exposes for a channel: no argument when the channel takes none. */
export type IpcCall<C extends IpcChannel> =
  IpcInput<C> extends undefined
    ? () => Promise<IpcResult<IpcOutput<C>>>
    : (input: IpcInput<C>) => Promise<IpcResult<IpcOutput<C>>>;

/**
 * `window.tribunal`: the frozen, namespaced API the preload exposes (and the browser mode implements).
 * Namespace and method names are the two halves of the channel name.
 */
export type TribunalApi = {
  readonly app: { readonly info: IpcCall<'app:info'> };
  readonly documents: {
    readonly printToPdf: IpcCall<'documents:printToPdf'>;
    readonly print: IpcCall<'documents:print'>;
  };
  readonly files: { readonly saveDialog: IpcCall<'files:saveDialog'> };
  readonly journal: {
    readonly append: IpcCall<'journal:append'>;
    readonly read: IpcCall<'journal:read'>;
    readonly replace: IpcCall<'journal:replace'>;
  };
  readonly keys: {
    readonly store: IpcCall<'keys:store'>;
    readonly load: IpcCall<'keys:load'>;
    readonly status: IpcCall<'keys:status'>;
  };
  /** Main → renderer: `onLock(listener)` for `power:lock`; answers an unsubscribe. */
  readonly power: { readonly onLock: (listener: () => void) => () => void };
};
