import { describe, expect, it } from 'vitest';
import { fragmentId } from '../../src/lib/fragment.ts';

describe('reading the id a link’s #fragment names', () => {
  it('decodes percent-escapes', () => {
    expect(fragmentId('#freedom-of-association-2')).toBe('freedom-of-association-2');
    expect(fragmentId('#%D0%90')).toBe('А');
  });

  it('keeps a malformed fragment as written instead of throwing', () => {
    expect(fragmentId('#%E0')).toBe('%E0');
  });
});
