/*
 * RFC 8785 JSON Canonicalization Scheme (JCS): the exact bytes every device and the hub hash, so the
 * same event always has the same hash. Object keys are sorted by UTF-16 code units (JS string order),
 * numbers use the ECMAScript Number-to-String form (which JSON.stringify already produces for finite
 * numbers, including -0 → 0), strings use JSON.stringify escaping (RFC 8785 §3.2.2.2 is exactly that).
 * Values JSON cannot represent faithfully are refused rather than silently changed: NaN, ±Infinity,
 * undefined inside arrays, bigint, functions, symbols, non-plain objects and lone surrogates (I-JSON).
 * `undefined` object members are omitted, as JSON.stringify does, because optional fields absent
 * and optional fields set to undefined must hash the same.
 */
import { err, ok, type Result } from '#shared/util/result';

/** Thrown by canonicalJson for a value JCS cannot represent; `path` names the offending member. */
export class CanonicalJsonError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`canonical JSON: ${reason} at ${path === '' ? '(root)' : path}`);
    this.name = 'CanonicalJsonError';
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function serializeString(s: string, path: string): string {
  if (LONE_SURROGATE.test(s)) throw new CanonicalJsonError(path, 'string contains a lone surrogate');
  return JSON.stringify(s);
}

function serializeNumber(n: number, path: string): string {
  if (!Number.isFinite(n)) throw new CanonicalJsonError(path, `number ${String(n)} is not allowed`);
  return JSON.stringify(n);
}

const isPlainObject = (v: object): v is Record<string, unknown> => {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/** Objects on the current path: a cycle would otherwise recurse until the stack overflows. */
const onPath = new Set<object>();

function enter(o: object, path: string): void {
  if (onPath.has(o)) throw new CanonicalJsonError(path, 'value contains a cycle');
  onPath.add(o);
}

function serialize(v: unknown, path: string): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      return serializeNumber(v, path);
    case 'string':
      return serializeString(v, path);
    case 'object':
      enter(v, path);
      try {
        return Array.isArray(v) ? serializeArray(v, path) : serializeObject(v, path);
      } finally {
        onPath.delete(v);
      }
    case 'undefined':
    case 'bigint':
    case 'function':
    case 'symbol':
      throw new CanonicalJsonError(path, `${typeof v} is not a JSON value`);
  }
  throw new CanonicalJsonError(path, 'unsupported value');
}

function serializeArray(a: readonly unknown[], path: string): string {
  const parts: string[] = [];
  for (let i = 0; i < a.length; i++) parts.push(serialize(a[i], `${path}[${String(i)}]`));
  return `[${parts.join(',')}]`;
}

function serializeObject(o: object, path: string): string {
  if (!isPlainObject(o)) throw new CanonicalJsonError(path, 'only plain objects and arrays are allowed');
  const keys = Object.keys(o).sort();
  const parts: string[] = [];
  for (const k of keys) {
    const value = o[k];
    if (value === undefined) continue;
    const p = path === '' ? k : `${path}.${k}`;
    parts.push(`${serializeString(k, p)}:${serialize(value, p)}`);
  }
  return `{${parts.join(',')}}`;
}

/** The RFC 8785 canonical JSON text of `value`; throws CanonicalJsonError for non-JSON values. */
export function canonicalJson(value: unknown): string {
  return serialize(value, '');
}

/** canonicalJson without a throw: for untrusted input at a boundary. */
export function tryCanonicalJson(value: unknown): Result<string, { field: string; message: string }> {
  try {
    return ok(canonicalJson(value));
  } catch (e) {
    if (e instanceof CanonicalJsonError) return err({ field: e.path, message: e.message });
    throw e;
  }
}
