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

/**
 * JSON.parse makes "__proto__" an own key; copying such an object (as zod does for records) turns it
 * into the copy's prototype, so a value could hide there unvalidated. Refuse the key anywhere.
 * Iterative, so absurd nesting cannot overflow the stack.
 */
function findProtoKey(input: unknown): string | null {
  const stack: { v: unknown; path: string }[] = [{ v: input, path: '' }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { v, path } = item;
    if (typeof v !== 'object' || v === null) continue;
    if (Object.hasOwn(v, '__proto__')) return path === '' ? '__proto__' : `${path}.__proto__`;
    for (const [k, child] of Object.entries(v))
      stack.push({ v: child, path: path === '' ? k : `${path}.${k}` });
  }
  return null;
}

export function parseCaseEvent(input: unknown): Result<CaseEvent, FieldIssue[]> {
  const proto = findProtoKey(input);
  if (proto !== null) return err([{ field: proto, message: 'forbidden key __proto__' }]);
  const env = caseEventSchema.safeParse(input);
  if (!env.success) return err(toIssues(env.error, ''));
  const schema = PAYLOADS_BY_VERSION[env.data.v][env.data.type];
  const payload = schema.safeParse(env.data.payload);
  if (!payload.success) return err(toIssues(payload.error, 'payload'));
  // The payload schema matched the type, so the pair is one member of the CaseEvent union.
  return ok({ ...env.data, payload: payload.data } as CaseEvent);
}
