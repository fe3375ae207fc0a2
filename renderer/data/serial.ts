/*
 * All writes go through one queue. IndexedDB transactions auto-commit when they await anything that is
 * not IndexedDB (WebCrypto, the journal), so sealing happens before the transaction; the queue makes
 * read-seal-write sequences on the same case impossible to interleave.
 */
export function createSerialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
