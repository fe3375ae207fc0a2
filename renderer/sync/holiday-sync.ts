/*
 * After the event sync (issue #4): the hub's published holiday years come down to this laptop
 * (GET /v1/calendar/holiday-years) and, on an administrator's laptop, the years typed here go up
 * (POST /v1/calendar/holiday-years): those the hub does not have, and conflicts the administrator chose
 * to replace with a reason. A year the hub already holds with other content is never sent without that
 * decision: it stays a conflict shown in Settings with both versions. A failure never fails the event
 * sync; the hub's refusal of a year is kept and shown beside it.
 */
import type { HolidayYearData } from '#shared/law/calendar';
import {
  holidayYearPublishResponseSchema,
  holidayYearsResponseSchema,
  type PublishedHolidayYear,
} from '#shared/sync/wire-calendar';
import { errorBodySchema } from '#shared/sync/wire';
import { err, ok, type Result } from '#shared/util/result';
import { normalizeHubUrl, type FetchLike, type SyncFailure } from './hub-client';
import type { TokenSource } from './session';

/** The app calendar's side (renderer/app/holiday-calendar.ts, bound to the device's port). */
export type HolidaySyncLocal = {
  /** Keeps the hub's years; answers the years whose computed content changed. */
  applyHubYears(years: readonly PublishedHolidayYear[]): Promise<number[]>;
  toPublish(): { year: number; data: HolidayYearData; reason: string | null }[];
  recordPublish(
    year: number,
    outcome: { ok: true; published: PublishedHolidayYear } | { ok: false; message: string },
  ): Promise<void>;
};

export type HolidaySyncDeps = {
  hubUrl: string;
  fetch: FetchLike;
  tokens: TokenSource;
  /** Only an administrator's laptop publishes (the hub refuses anyone else with 403). */
  isAdmin: boolean;
  local: HolidaySyncLocal;
};

export type HolidaySyncReport = {
  /** Years on the hub, or why they could not be read. */
  pulled: Result<number, SyncFailure>;
  published: number[];
  /** Years the hub refused, with its message. */
  refused: { year: number; message: string }[];
  /** Years whose computed content changed on this laptop (their cases need reprojecting). */
  changed: number[];
};

async function call(
  d: HolidaySyncDeps,
  token: string,
  init: RequestInit = {},
): Promise<Result<unknown, SyncFailure>> {
  try {
    const headers = new Headers(init.headers);
    headers.set('Accept-Language', 'zh-CN');
    headers.set('Authorization', `Bearer ${token}`);
    const res = await d.fetch(`${normalizeHubUrl(d.hubUrl)}/v1/calendar/holiday-years`, { ...init, headers });
    if (!res.ok) {
      const body: unknown = await res.json().catch(() => null);
      const parsed = errorBodySchema.safeParse(body);
      return err(
        parsed.success
          ? { kind: 'hub', code: parsed.data.error, status: res.status, message: parsed.data.message }
          : { kind: 'bad_response', status: res.status, message: `HTTP ${String(res.status)}` },
      );
    }
    return ok(await res.json());
  } catch (e) {
    return err({ kind: 'network', message: e instanceof Error ? e.message : String(e) });
  }
}

const badResponse = (message: string): SyncFailure => ({ kind: 'bad_response', status: 200, message });

async function pullYears(d: HolidaySyncDeps): Promise<Result<PublishedHolidayYear[], SyncFailure>> {
  const got = await d.tokens.withToken((token) => call(d, token));
  if (!got.ok) return got;
  const parsed = holidayYearsResponseSchema.safeParse(got.value);
  return parsed.success ? ok(parsed.data.years) : err(badResponse(parsed.error.message));
}

export async function syncHolidayYears(d: HolidaySyncDeps): Promise<HolidaySyncReport> {
  const report: HolidaySyncReport = { pulled: ok(0), published: [], refused: [], changed: [] };
  const first = await pullYears(d);
  if (!first.ok) return { ...report, pulled: first };
  const changed = new Set(await d.local.applyHubYears(first.value));
  report.pulled = ok(first.value.length);
  if (d.isAdmin) {
    for (const p of d.local.toPublish()) {
      const body = {
        year: p.year,
        data: p.data,
        ...(p.reason !== null ? { replace: { reason: p.reason } } : {}),
      };
      const sent = await d.tokens.withToken((token) =>
        call(d, token, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        }),
      );
      if (!sent.ok) {
        // A network failure is tried again next sync; a refusal is kept and shown beside the year.
        if (sent.error.kind === 'hub') {
          await d.local.recordPublish(p.year, { ok: false, message: sent.error.message });
          report.refused.push({ year: p.year, message: sent.error.message });
        }
        continue;
      }
      const parsed = holidayYearPublishResponseSchema.safeParse(sent.value);
      if (!parsed.success) continue;
      await d.local.recordPublish(p.year, { ok: true, published: parsed.data.year });
      report.published.push(p.year);
    }
    // What another administrator published meanwhile (or a conflict the refusals point at).
    if (report.published.length > 0 || report.refused.length > 0) {
      const again = await pullYears(d);
      if (again.ok) {
        for (const y of await d.local.applyHubYears(again.value)) changed.add(y);
        report.pulled = ok(again.value.length);
      }
    }
  }
  report.changed = [...changed].sort((a, b) => a - b);
  return report;
}
