/**
 * The smoke suite in Debian's WebKitGTK (MiniBrowser through WebKitWebDriver, started by
 * src/quality/engines.ts), over the built site (OUT_DIR, default dist; npm test builds first).
 */
import { useEngine } from './engine.ts';
import { smokeSuite } from './smoke.ts';
import { webkit } from './webkit.ts';

smokeSuite(useEngine(webkit));
