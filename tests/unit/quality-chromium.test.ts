/**
 * How Chromium is started (src/quality/chromium.ts): one list of flags, each one argv element,
 * resolving no host name but the machine's own.
 */
import { describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_FLAGS, chromiumFlagString } from '../../src/quality/chromium.ts';

describe('Chromium flags', () => {
  it('let Chromium resolve only this machine, in one argv element', () => {
    expect(CHROMIUM_ARGS).toContain('--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost');
    expect(CHROMIUM_FLAGS).toEqual(['--headless', ...CHROMIUM_ARGS]);
  });

  it('quote a value with spaces when they are passed as one string (Lighthouse)', () => {
    expect(chromiumFlagString(['--headless', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1', '--no-sandbox'])).toBe(
      '--headless --host-resolver-rules="MAP * ~NOTFOUND , EXCLUDE 127.0.0.1" --no-sandbox',
    );
  });
});
