/*
 * The dashboard's read of the facts projection (migration 006): every case's shared/stats CaseFacts
 * from the caseFacts table, one small sealed row per case, instead of opening every whole case state.
 * A case stored before v6 (or by a writer that predates it) has a state but no facts row yet, and a row
 * that does not open (damaged, tampered, left plain by the encryption migration) counts as missing: its
 * facts are computed from the state once, written, and answered with the rest, so nothing is left out.
 * A state that does not open either fails the read with the codec's error (the dashboard says so).
 */
import { upgradeCaseState, type CaseState } from '#shared/case/index';
import { caseFacts, type CaseFacts } from '#shared/stats/index';
import type { DataContext } from './event-store';

/** How many missing facts rows are derived and written per transaction during the backfill. */
const BACKFILL_BATCH = 500;

export async function allCaseFacts(ctx: DataContext): Promise<CaseFacts[]> {
  const { db, codec } = ctx;
  const rows = await db.caseFacts.toArray();
  const out: CaseFacts[] = [];
  const good: { id: string }[] = [];
  const opened = await Promise.all(
    rows.map(async (r) => {
      try {
        return { id: r.id, facts: await codec.open('caseFacts', r.body) };
      } catch {
        return null;
      }
    }),
  );
  for (const o of opened) {
    if (o === null) continue;
    good.push(o);
    // Written by buildProjections from shared/stats caseFacts (null: a state without case.opened).
    const f = o.facts as CaseFacts | null;
    if (f !== null) out.push(f);
  }
  if (good.length < (await db.caseStates.count())) out.push(...(await backfill(ctx, good)));
  return out;
}

/** Facts rows for the states that have none yet; answers the (non-null) facts written. */
async function backfill(ctx: DataContext, have: readonly { id: string }[]): Promise<CaseFacts[]> {
  const { db, codec } = ctx;
  const known = new Set(have.map((r) => r.id));
  const missing = (await db.caseStates.toCollection().primaryKeys())
    .map(String)
    .filter((id) => !known.has(id));
  const out: CaseFacts[] = [];
  for (let i = 0; i < missing.length; i += BACKFILL_BATCH) {
    const ids = missing.slice(i, i + BACKFILL_BATCH);
    await ctx.serial(async () => {
      const states = await db.caseStates.bulkGet(ids);
      const rows = await Promise.all(
        states.flatMap((row) =>
          row
            ? [
                (async () => {
                  const state = (await codec.open('caseStates', row.body)) as CaseState;
                  const facts = caseFacts(upgradeCaseState(state));
                  if (facts !== null) out.push(facts);
                  return { id: row.id, body: await codec.seal('caseFacts', facts) };
                })(),
              ]
            : [],
        ),
      );
      await db.caseFacts.bulkPut(rows);
    });
  }
  return out;
}
