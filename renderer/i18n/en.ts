/* English. Typed against the Chinese key set, so a missing or extra key does not compile. */
import type { Messages } from './messages';

import { caseloadEn } from './features/caseload';
import { caseFileEn } from './features/caseFile';
import { reviewEn } from './features/review';
import { intakeEn } from './features/intake';
import { dashboardEn } from './features/dashboard';
import { syncEn } from './features/sync';
import { evidenceEn } from './features/evidence';
import { mediationEn } from './features/mediation';
import { enrollEn } from './features/enroll';
import { securityEn } from './features/security';
import { storageEn } from './features/storage';
import { holidaysEn } from './features/holidays';

export const en: Messages = {
  app: {
    name: 'Backpack Tribunal',
    skipToMain: 'Skip to main content',
  },
  nav: {
    label: 'Main navigation',
    caseload: 'Cases',
    today: 'Today',
    dashboard: 'Dashboard',
    sync: 'Sync',
    settings: 'Settings',
  },
  topbar: {
    organisationLabel: 'Organisation',
    userLabel: 'User',
    organisationPlaceholder: 'No organisation',
    userPlaceholder: 'Device not enrolled',
    lock: 'Lock',
    lockHint: 'Lock the screen when you step away',
  },
  network: {
    label: 'Network',
    online: 'Online',
    offline: 'Offline',
  },
  saveState: {
    label: 'Save state',
    saving: 'Saving…',
    savedLocal: 'Saved on this device',
    synced: 'Synced',
    syncFailed: 'Sync failed',
    conflict: 'Conflict',
    saveFailed: 'Not saved (write failed)',
  },
  lock: {
    title: 'Locked',
    body: 'The screen is locked; local data is kept. Passphrase unlock is not wired yet: press Unlock to continue.',
    unlock: 'Unlock',
  },
  caseload: caseloadEn,
  caseFile: caseFileEn,
  review: reviewEn,
  intake: intakeEn,
  today: {
    title: 'Today',
    sessions: "Today's sessions",
    sessionsEmpty: 'No mediation or hearing scheduled today.',
    deadlines: 'Deadlines due soon',
    deadlinesEmpty: 'No deadline falls within three days.',
    counts: '{{overdue}} overdue · {{soon}} due within 3 days',
    sealedStates: 'These cases’ records do not open, so whether they have anything today is unknown:',
    loadFailed: 'Today could not be read from this device; try again later.',
    sessionKind: {
      mediation_joint: 'Joint mediation',
      mediation_caucus: 'Caucus',
      investigation: 'Site investigation',
      hearing: 'Hearing',
    },
  },
  dashboard: dashboardEn,
  sync: syncEn,
  settings: {
    title: 'Settings',
    language: 'Language',
    languageHint: 'Takes effect at once and is kept on this device.',
    hub: 'Hub address',
    hubNotSet: 'Not set (shown after the device is enrolled)',
    about: 'About',
    version: 'Version',
    runtime: 'Runtime',
    unknown: 'Unknown',
    browser: 'Browser',
  },
  languages: {
    'zh-CN': '简体中文',
    en: 'English',
  },
  boot: {
    opening: 'Opening local data…',
    failed:
      'Could not open local data: {{message}}. Nothing was deleted; restart the app, and if it fails again call your administrator.',
    recovered:
      'Start-up check: {{restored}} records restored from the local journal; {{unreadable}} lines unreadable (kept as they are).',
    rebuilding:
      'The app was updated: recomputing the case data on this device for the new version ({{done}}/{{total}}). You can keep working meanwhile.',
    rebuilt: 'Case data of {{total}} cases recomputed for the new version.',
    rebuildFailed:
      'Recomputing the case data did not finish: {{message}}. What was done is saved; you can retry.',
    rebuildRetry: 'Retry',
  },
  notFound: {
    title: 'Page not found',
    back: 'Back to cases',
  },
  evidence: evidenceEn,
  mediation: mediationEn,
  enroll: enrollEn,
  security: securityEn,
  storage: storageEn,
  holidays: holidaysEn,
};
