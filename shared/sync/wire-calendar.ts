/*
 * Hub API v1 addition of issue #4 (hub/README.md "Holiday years"): administrators publish the holiday
 * years the State Council announced after the app was built, and every device pulls them during sync.
 * The calendar is national reference data, so a published year is the same for every organisation on
 * the hub. Kept apart from wire.ts like wire-org.ts; the hub parses requests and the client answers with
 * these schemas.
 */
import { z } from 'zod';
import { HolidayYearSchema } from '#shared/law/calendar';

/** The years an administrator may publish (the same range as a year typed on a laptop). */
export const HOLIDAY_YEAR_RANGE = { min: 1990, max: 2200 } as const;

/**
 * `POST /v1/calendar/holiday-years`: one year. `data` is checked by the hub like the bundled file
 * (validateHolidayYear) so every refusal names the problem. A year already published with other
 * content is replaced only with `replace.reason`, and the replacement is audited.
 */
export const holidayYearPublishSchema = z.strictObject({
  year: z.number().int(),
  data: z.unknown(),
  replace: z.strictObject({ reason: z.string().trim().min(2).max(500) }).optional(),
});
export type HolidayYearPublish = z.infer<typeof holidayYearPublishSchema>;

/** A year as the hub holds it, with who published its current version. */
export const publishedHolidayYearSchema = z.object({
  year: z.number().int(),
  data: HolidayYearSchema,
  version: z.number().int().min(1),
  publishedAt: z.string(),
  publishedBy: z.object({ userId: z.string(), userName: z.string(), orgId: z.string(), orgName: z.string() }),
});
export type PublishedHolidayYear = z.infer<typeof publishedHolidayYearSchema>;

export const holidayYearsResponseSchema = z.object({
  years: z.array(publishedHolidayYearSchema),
  hubTime: z.string(),
});
export type HolidayYearsResponse = z.infer<typeof holidayYearsResponseSchema>;

export const holidayYearPublishResponseSchema = z.object({
  /** published: new year; replaced: other content before (audited); unchanged: the same content. */
  status: z.enum(['published', 'replaced', 'unchanged']),
  year: publishedHolidayYearSchema,
  hubTime: z.string(),
});
export type HolidayYearPublishResponse = z.infer<typeof holidayYearPublishResponseSchema>;

/** One audit row: every publication and replacement, newest first. */
export const holidayYearAuditRecordSchema = z.object({
  id: z.string(),
  year: z.number().int(),
  action: z.enum(['published', 'replaced']),
  version: z.number().int(),
  data: HolidayYearSchema,
  previous: HolidayYearSchema.nullable(),
  reason: z.string().nullable(),
  userId: z.string(),
  orgId: z.string(),
  deviceId: z.string(),
  at: z.string(),
});
export type HolidayYearAuditRecord = z.infer<typeof holidayYearAuditRecordSchema>;
