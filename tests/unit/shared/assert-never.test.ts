import { describe, expect, it } from 'vitest';
import { assertNever } from '#shared/util/assert-never';

describe('assertNever', () => {
  it('throws naming the unexpected value', () => {
    expect(() => assertNever('x' as never, 'kind')).toThrow('Unexpected kind: "x"');
  });
});
