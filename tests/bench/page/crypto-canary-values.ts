/* Canary prefixes and markers shared by the canary page and the profile scan (no side effects). */
export const CANARY = {
  /** Region 420802 + birth year 1988: every generated ID number starts so. */
  idPrefix: '4208021988',
  // Not a substring of any HLC or timestamp of the run (their digits start 17958…).
  phonePrefix: '1997531',
  name: '金丝雀工人',
  note: 'CANARYNOTE',
  /** monthlyWageFen of every worker. */
  wage: '87654321',
  photo: 'PHOTOCANARY',
} as const;
