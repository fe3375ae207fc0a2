/*
 * The sync server address the enroll form starts with. A build may set VITE_TRIBUNAL_HUB_URL (the web
 * mode does when its hub runs elsewhere); otherwise the local hub of `npm run hub` / `npm run web`.
 */
const configured: unknown = import.meta.env['VITE_TRIBUNAL_HUB_URL'];

export const defaultHubUrl: string =
  typeof configured === 'string' && configured.trim() !== '' ? configured.trim() : 'http://127.0.0.1:8787';
