import { describe, expect, it } from 'vitest';
import { colourOfKind, WARNING_KINDS } from '../../lib/domain/warnings';

describe('warning kinds', () => {
  it('has six red, four yellow and one green kind', () => {
    const colours = WARNING_KINDS.map(colourOfKind);
    expect(colours.filter((c) => c === 'red')).toHaveLength(6);
    expect(colours.filter((c) => c === 'yellow')).toHaveLength(4);
    expect(colours.filter((c) => c === 'green')).toHaveLength(1);
  });
});
