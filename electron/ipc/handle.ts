/*
 * The one way main answers IPC (conventions.md §5, reliability.md R4). Every handler is registered
 * through `handle()`, which (1) refuses senders that are not frames of app://app, (2) parses the input
 * with the contract's schema (the payload is `unknown` until then) and (3) never throws: a failing
 * handler is answered with `{ ok:false, error }`.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import {
  ipcContract,
  ipcError,
  type IpcChannel,
  type IpcOutput,
  type IpcParsed,
  type IpcResult,
} from '#shared/ipc/contract';
import { isAppUrl } from '../url-gate';

/** The sender information a handler may use. */
export type IpcContext = { readonly event: IpcMainInvokeEvent };

export type IpcImpl<C extends IpcChannel> = (
  input: IpcParsed<C>,
  context: IpcContext,
) => Promise<IpcResult<IpcOutput<C>>> | IpcResult<IpcOutput<C>>;

/** Only the top-level app origin (and its own subframes) may call main. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  if (frame === null) return false;
  return isAppUrl(frame.url) && frame.origin === 'app://app';
}

const describeIssues = (issues: readonly { path: readonly PropertyKey[]; message: string }[]): string =>
  issues
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join('.') || '(input)'}: ${i.message}`)
    .join('; ');

/** Wraps an implementation with the sender check, schema parse and catch-all. */
export function guarded<C extends IpcChannel>(
  channel: C,
  impl: IpcImpl<C>,
): (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<IpcResult<IpcOutput<C>>> {
  return async (event, ...args) => {
    try {
      if (!isTrustedSender(event)) {
        return ipcError(
          'forbidden_sender',
          '拒绝来自非本应用页面的请求 (request from a foreign origin refused)',
        );
      }
      if (args.length > 1) return ipcError('invalid_input', '参数过多 (too many arguments)');
      const parsed = ipcContract[channel].safeParse(args[0]);
      if (!parsed.success) {
        return ipcError('invalid_input', `输入无效 (invalid input): ${describeIssues(parsed.error.issues)}`);
      }
      return await impl(parsed.data as IpcParsed<C>, { event });
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      return ipcError('internal', `内部错误 (internal error in ${channel}): ${detail}`);
    }
  };
}

/** Registers one channel on ipcMain through the guard. */
export function handle<C extends IpcChannel>(
  ipcMain: Pick<IpcMain, 'handle'>,
  channel: C,
  impl: IpcImpl<C>,
): void {
  ipcMain.handle(channel, guarded(channel, impl));
}
