/*
 * The store as the running app opens it: this platform's journal (Electron file or browser OPFS),
 * the codec (plain until the unlock screen of #8 hands over the encrypting one) and the holiday
 * calendar (bundled years plus those an administrator added; load them first: holiday-calendar.ts).
 */
import { plainCodec, type Codec } from '../data/codec';
import { openStore, type TribunalStore } from '../data/store';
import { getPlatform } from '../platform';
import { journalPortFrom } from '../platform/journal-port';
import { liveHolidayCalendar } from './holiday-calendar';

export const LOCAL_DB_NAME = 'backpack-tribunal';

export function openLocalStore(codec: Codec = plainCodec): TribunalStore {
  return openStore({
    dbName: LOCAL_DB_NAME,
    codec,
    journal: journalPortFrom(getPlatform()),
    calendar: liveHolidayCalendar(),
  });
}
