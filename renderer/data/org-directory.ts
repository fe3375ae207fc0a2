/*
 * The organisation directory (issue #9): the users of this laptop's organisation as the hub listed them
 * at the last sync (GET /v1/org/users), sealed by the codec in the meta table, so the review tab's
 * reassignment list shows names and roles offline.
 */
import { orgUsersResponseSchema, type OrgUsersResponse } from '#shared/sync/wire-org';
import type { Sealed } from './codec';
import type { DataContext } from './event-store';

export type OrgDirectory = {
  org: OrgUsersResponse['org'];
  users: OrgUsersResponse['users'];
  /** The hub's time of the answer (RFC 3339). */
  fetchedAt: string;
};

const KEY = 'org.directory';

const isSealed = (v: unknown): v is Sealed =>
  typeof v === 'object' && v !== null && 'v' in v && 'alg' in v && 'data' in v;

export async function orgDirectory(ctx: DataContext): Promise<OrgDirectory | null> {
  const row = await ctx.db.meta.get(KEY);
  if (!isSealed(row?.value)) return null;
  const opened = await ctx.codec.open('meta', row.value);
  // Re-check what was stored: a value that no longer fits the schema is treated as absent.
  const parsed = orgUsersResponseSchema.safeParse(
    typeof opened === 'object' && opened !== null && 'fetchedAt' in opened
      ? { ...opened, hubTime: opened.fetchedAt }
      : null,
  );
  return parsed.success
    ? { org: parsed.data.org, users: parsed.data.users, fetchedAt: parsed.data.hubTime }
    : null;
}

export function saveOrgDirectory(ctx: DataContext, d: OrgDirectory): Promise<void> {
  return ctx.serial(async () => {
    await ctx.db.meta.put({ key: KEY, value: await ctx.codec.seal('meta', d) });
  });
}
