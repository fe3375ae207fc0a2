/*
 * A small key/value port over the `meta` table, opened before there is a codec: the key file of #8 must
 * be readable to unlock, so its values are stored as they are (they hold only wrapped keys).
 */
import { openTribunalDb, type DbOptions } from './db';

export type MetaPort = {
  get: (key: string) => Promise<unknown>;
  put: (key: string, value: unknown) => Promise<void>;
  close: () => void;
};

export function openMetaPort(dbName: string, options: DbOptions = {}): MetaPort {
  const db = openTribunalDb(dbName, options);
  return {
    get: async (key) => (await db.meta.get(key))?.value,
    put: async (key, value) => {
      await db.meta.put({ key, value });
    },
    close: () => {
      db.close();
    },
  };
}
