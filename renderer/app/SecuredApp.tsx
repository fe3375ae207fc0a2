/*
 * The app behind the unlock screen (#8): the key file is read through a meta port before any codec
 * exists; once the passphrase opens it, data stored before encryption is sealed in place (first unlock
 * after the upgrade only), then the local store is opened with the encrypting codec. Locking
 * (idle, hidden page, the lock button) drops the session and reloads, so no key outlives it.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { i18n } from 'i18next';
import type { Codec } from '../data/codec';
import { migrateLocalData, type MigrationPhase } from '../data/encrypt-migration';
import { holidayYearsPort } from '../data/holiday-years';
import { openMetaPort } from '../data/meta-port';
import { UnlockGate } from '../features/unlock/UnlockScreen';
import { getPlatform } from '../platform';
import { journalPortFrom } from '../platform/journal-port';
import { openKeyring } from '../security/keyring';
import { KeyringProvider } from '../security/keyring-context';
import { App } from './App';
import { loadHolidayCalendar } from './holiday-calendar';
import { LOCAL_DB_NAME, openLocalStore } from './local-store';

type MigrationState =
  | { phase: 'running'; step: MigrationPhase; done: number }
  | { phase: 'done' }
  | { phase: 'failed'; message: string };

/**
 * Data from before encryption is sealed in place before the store opens (renderer/data/encrypt-migration):
 * the first unlock after the upgrade shows its progress; every later start reads one marker.
 */
function PlainDataMigration({ codec, children }: { codec: Codec; children: ReactNode }) {
  const { t } = useTranslation();
  const [state, setState] = useState<MigrationState>({ phase: 'running', step: 'events', done: 0 });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    void migrateLocalData({
      dbName: LOCAL_DB_NAME,
      codec,
      journal: journalPortFrom(getPlatform()),
      onProgress: (step, done) => {
        if (live) setState({ phase: 'running', step, done });
      },
    }).then((r) => {
      if (live) setState(r.ok ? { phase: 'done' } : { phase: 'failed', message: r.error.message });
    });
    return () => {
      live = false;
    };
  }, [codec, attempt]);
  if (state.phase === 'done') return <>{children}</>;
  if (state.phase === 'running')
    return (
      <p className="boot-line" role="status" data-testid="migrate-running">
        {t('security.migrate.working', {
          phase: t(`security.migrate.phase.${state.step}`),
          done: state.done,
        })}
      </p>
    );
  return (
    <div className="boot-line" role="alert" data-testid="migrate-failed">
      <p>{t('security.migrate.failed', { message: state.message })}</p>
      <button
        type="button"
        className="btn"
        style={{ minHeight: 44 }}
        onClick={() => {
          setState({ phase: 'running', step: 'events', done: 0 });
          setAttempt((n) => n + 1);
        }}
      >
        {t('security.migrate.retry')}
      </button>
    </div>
  );
}

function UnlockedApp({ i18n, codec }: { i18n: i18n; codec: Codec }) {
  const open = useCallback(() => openLocalStore(codec), [codec]);
  // The administrator's holiday years are read before the store opens, so its projections use them.
  const [calendarReady, setCalendarReady] = useState(false);
  useEffect(() => {
    // The port stays open: Settings saves added years through it (holiday-calendar.ts keeps it).
    void loadHolidayCalendar(holidayYearsPort(openMetaPort(LOCAL_DB_NAME))).finally(() => {
      setCalendarReady(true);
    });
  }, []);
  if (!calendarReady) return null;
  return <App i18n={i18n} openStore={open} />;
}

/** Electron tells the page when the laptop sleeps or the OS locks the screen (power:lock). */
const lockSignal = (lock: () => void) => getPlatform().power.onLock(lock);

export function SecuredApp({ i18n }: { i18n: i18n }) {
  const [keyring] = useState(() =>
    openKeyring({ storage: openMetaPort(LOCAL_DB_NAME), platformKeys: getPlatform().keys }),
  );
  return (
    <I18nextProvider i18n={i18n}>
      <KeyringProvider keyring={keyring}>
        <UnlockGate keyring={keyring} lockSignal={lockSignal}>
          {(session) => (
            <PlainDataMigration codec={session.codec}>
              <UnlockedApp i18n={i18n} codec={session.codec} />
            </PlainDataMigration>
          )}
        </UnlockGate>
      </KeyringProvider>
    </I18nextProvider>
  );
}
