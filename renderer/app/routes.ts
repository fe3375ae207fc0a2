/*
 * Route paths in one place, so links and the router cannot drift. The router uses the URL hash
 * (#/cases/…): Electron serves the app from app:// and the web mode from a static server, and neither
 * can answer deep links with index.html.
 */
export const paths = {
  caseload: '/cases',
  newCase: '/cases/new',
  caseFile: (id: string) => `/cases/${encodeURIComponent(id)}`,
  today: '/today',
  dashboard: '/dashboard',
  sync: '/sync',
  settings: '/settings',
  enroll: '/enroll',
} as const;
