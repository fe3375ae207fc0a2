/*
 * The app behind the unlock screen (#8): the key file is read through a meta port before any codec
 * exists; once the passphrase opens it, the local store is opened with the encrypting codec. Locking
 * (idle, hidden page, the lock button) drops the session and reloads, so no key outlives it.
 */
import { useCallback, useEffect, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { i18n } from 'i18next';
import type { Codec } from '../data/codec';
import { holidayYearsPort } from '../data/holiday-years';
import { openMetaPort } from '../data/meta-port';
import { UnlockGate } from '../features/unlock/UnlockScreen';
import { getPlatform } from '../platform';
import { openKeyring } from '../security/keyring';
import { KeyringProvider } from '../security/keyring-context';
import { App } from './App';
import { loadHolidayCalendar } from './holiday-calendar';
import { LOCAL_DB_NAME, openLocalStore } from './local-store';

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
          {(session) => <UnlockedApp i18n={i18n} codec={session.codec} />}
        </UnlockGate>
      </KeyringProvider>
    </I18nextProvider>
  );
}
