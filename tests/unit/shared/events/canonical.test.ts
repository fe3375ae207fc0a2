import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CanonicalJsonError, canonicalJson, tryCanonicalJson } from '#shared/events/canonical';

const fromBits = (hex: string): number => {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
};

describe('canonicalJson (RFC 8785)', () => {
  it('matches the §3.2.2 example', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",' +
        ' "literals": [null, true, false]}',
    ) as unknown;
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts keys by UTF-16 code units (§3.2.3)', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    const keys = Object.keys(JSON.parse(canonicalJson(input)) as object);
    // JSON.parse puts the integer-like key first again, so compare the text order instead.
    expect(keys).toContain('1');
    const text = canonicalJson(input);
    const order = ['\\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33'].map((k) =>
      text.indexOf(`"${k}":`),
    );
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(order.every((i) => i >= 0)).toBe(true);
  });

  it.each([
    ['0000000000000000', '0'],
    ['8000000000000000', '0'],
    ['0000000000000001', '5e-324'],
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['41b3de4355555555', '333333333.3333333'],
  ])('serializes the number with bits %s as %s (Appendix B)', (bits, expected) => {
    expect(canonicalJson(fromBits(bits))).toBe(expected);
  });

  it('escapes control characters in lowercase hex and leaves other characters alone', () => {
    expect(canonicalJson('\u0001\u001f\b\t\n\f\r"\\/é中')).toBe('"\\u0001\\u001f\\b\\t\\n\\f\\r\\"\\\\/é中"');
  });

  it('omits undefined object members', () => {
    expect(canonicalJson({ b: 1, a: undefined, c: { z: undefined } })).toBe('{"b":1,"c":{}}');
  });

  it.each([
    [Number.NaN, ''],
    [Number.POSITIVE_INFINITY, ''],
    [{ a: [1, Number.NEGATIVE_INFINITY] }, 'a[1]'],
    [[1, undefined], '[1]'],
    [{ n: 10n }, 'n'],
    [{ f: () => 1 }, 'f'],
    [{ d: new Date(0) }, 'd'],
    [{ s: 'x\ud800' }, 's'],
    [{ ['\udc00']: 1 }, '\udc00'],
  ])('refuses %o with a CanonicalJsonError naming the path', (value, path) => {
    expect(() => canonicalJson(value)).toThrow(CanonicalJsonError);
    const r = tryCanonicalJson(value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.field).toBe(path);
  });

  it('is the same text for the same data in any key order', () => {
    expect(canonicalJson({ b: [1, { y: 2, x: 1 }], a: 'x' })).toBe(
      canonicalJson({ a: 'x', b: [1, { x: 1, y: 2 }] }),
    );
    expect(canonicalJson({ b: [1, { y: 2, x: 1 }], a: 'x' })).toBe('{"a":"x","b":[1,{"x":1,"y":2}]}');
  });
});

describe('canonicalJson properties', () => {
  it('round-trips any JSON value through JSON.parse (modulo -0)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = canonicalJson(v);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(v)));
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
      { numRuns: 2000, seed: 8785 },
    );
  });

  it('refuses cycles instead of overflowing the stack', () => {
    const a: Record<string, unknown> = { x: 1 };
    a['self'] = { inner: a };
    const r = tryCanonicalJson(a);
    expect(r.ok ? '' : r.error.field).toBe('self.inner');
    const shared = { k: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"k":1},"b":{"k":1}}');
  });
});
