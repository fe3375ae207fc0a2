/*
 * Hardening applied to every webContents when it is created (app 'web-contents-created'), so windows
 * made later, print windows and anything Chromium creates get the same rules (reliability.md R1, R3):
 * no new windows (allowlisted https links go to the system browser instead), no navigation away from
 * app://, no <webview>, and the deny-by-default permission handlers on its session.
 */
import type { Session, WebContents } from 'electron';
import { lockDownPermissions, type AskCamera } from './permissions';
import { checkExternalUrl, isAppUrl } from './url-gate';

export type HardenDeps = {
  /** Hosts allowed for `shell.openExternal`. */
  externalHosts: readonly string[];
  openExternal: (url: string) => Promise<void>;
  askCamera: AskCamera;
};

/** The parts of a webContents the hardening touches (a fake in tests). */
export type HardenableWebContents = Pick<WebContents, 'setWindowOpenHandler' | 'on'> & {
  readonly session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;
};

const hardenedSessions = new WeakSet<object>();

/** Opens an allowlisted https link in the system browser; everything else is dropped. */
export function openExternalIfAllowed(url: string, deps: HardenDeps): boolean {
  const gate = checkExternalUrl(url, deps.externalHosts);
  if (!gate.ok) return false;
  deps.openExternal(gate.value.href).catch(() => undefined);
  return true;
}

/** Applies every rule to one webContents. */
export function hardenWebContents(wc: HardenableWebContents, deps: HardenDeps): void {
  wc.setWindowOpenHandler(({ url }) => {
    openExternalIfAllowed(url, deps);
    return { action: 'deny' };
  });
  const stayInApp = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  wc.on('will-navigate', (event, url) => {
    stayInApp(event, url);
  });
  wc.on('will-frame-navigate', (event) => {
    stayInApp(event, event.url);
  });
  wc.on('will-redirect', (event, url) => {
    stayInApp(event, url);
  });
  wc.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  if (!hardenedSessions.has(wc.session)) {
    hardenedSessions.add(wc.session);
    lockDownPermissions(wc.session, deps.askCamera);
  }
}
