/*
 * The store as the running app opens it: this platform's journal (Electron file or browser OPFS),
 * the codec (plain until the unlock screen of #8 hands over the encrypting one) and the bundled
 * official holiday calendar.
 */
import { bundledHolidayCalendar } from '#shared/law/bundled-data';
import { plainCodec, type Codec } from '../data/codec';
import { openStore, type TribunalStore } from '../data/store';
import { getPlatform } from '../platform';
import { journalPortFrom } from '../platform/journal-port';

export const LOCAL_DB_NAME = 'backpack-tribunal';

export function openLocalStore(codec: Codec = plainCodec): TribunalStore {
  const calendar = bundledHolidayCalendar();
  // The calendar ships with the app and is tested; failing here means a broken build, not user input.
  if (!calendar.ok)
    throw new Error(`bundled holiday calendar invalid: ${calendar.error.map((e) => e.zh).join('; ')}`);
  return openStore({
    dbName: LOCAL_DB_NAME,
    codec,
    journal: journalPortFrom(getPlatform()),
    calendar: calendar.value,
  });
}
