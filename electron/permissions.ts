/*
 * Permission policy (reliability.md R3, Electron checklist #5): Electron grants every permission unless
 * a handler says otherwise, so both handlers deny by default. The one exception is the camera (video
 * only, never the microphone) for photographing evidence, requested by the app itself, and only after
 * the user says yes in a dialog.
 */
import type { Session, WebContents } from 'electron';
import { isAppUrl } from './url-gate';

/** Asks the user whether the app may use the camera now; resolves false on any doubt. */
export type AskCamera = (wc: WebContents) => Promise<boolean>;

type RequestHandler = Parameters<Session['setPermissionRequestHandler']>[0] & {};
type CheckHandler = Parameters<Session['setPermissionCheckHandler']>[0] & {};
type RequestDetails = Parameters<RequestHandler>[3];

const videoOnly = (mediaTypes: readonly string[] | undefined): boolean =>
  mediaTypes !== undefined && mediaTypes.length > 0 && mediaTypes.every((t) => t === 'video');

const mediaTypesOf = (details: RequestDetails): readonly string[] | undefined =>
  'mediaTypes' in details ? details.mediaTypes : undefined;

/** The request handler: deny everything; camera-only media from app:// goes to the user. */
export function createPermissionRequestHandler(askCamera: AskCamera): RequestHandler {
  return (wc, permission, callback, details) => {
    const fromApp = isAppUrl(details.requestingUrl);
    if (permission !== 'media' || !fromApp || !videoOnly(mediaTypesOf(details))) {
      callback(false);
      return;
    }
    askCamera(wc).then(
      (yes) => {
        callback(yes);
      },
      () => {
        callback(false);
      },
    );
  };
}

/** The synchronous check handler: only the app's own video check may pass (the request still asks). */
export const permissionCheckHandler: CheckHandler = (_wc, permission, requestingOrigin, details) =>
  permission === 'media' && details.mediaType === 'video' && isAppUrl(requestingOrigin);

/** Installs both handlers on a session. */
export function lockDownPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
  askCamera: AskCamera,
): void {
  session.setPermissionRequestHandler(createPermissionRequestHandler(askCamera));
  session.setPermissionCheckHandler(permissionCheckHandler);
}
