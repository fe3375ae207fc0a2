/*
 * parseCaseEvent: the one gate for events from outside (sync, journal, IndexedDB rows). Checks the
 * envelope, then the payload against the schema for its type and envelope version, and names the
 * failing field path (payload paths are prefixed `payload.`). Never throws.
 */
import type { z } from 'zod';
import { err, ok, type Result } from '#shared/util/result';
import { caseEventSchema, type CaseEvent } from './envelope';
import { PAYLOADS_BY_VERSION } from './payloads';

/** One validation problem: a dotted field path ('' for the whole value) and a message. */
export type FieldIssue = { readonly field: string; readonly message: string };

const toIssues = (error: z.ZodError, prefix: string): FieldIssue[] =>
  error.issues.map((i) => ({
    field: [prefix, ...i.path.map(String)].filter((s) => s !== '').join('.'),
    message: i.message,
  }));

export function parseCaseEvent(input: unknown): Result<CaseEvent, FieldIssue[]> {
  const env = caseEventSchema.safeParse(input);
  if (!env.success) return err(toIssues(env.error, ''));
  const schema = PAYLOADS_BY_VERSION[env.data.v][env.data.type];
  const payload = schema.safeParse(env.data.payload);
  if (!payload.success) return err(toIssues(payload.error, 'payload'));
  // The payload schema matched the type, so the pair is one member of the CaseEvent union.
  return ok({ ...env.data, payload: payload.data } as CaseEvent);
}
