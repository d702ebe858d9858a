/**
 * How the project starts the two engines besides Chromium, in one place (chromium.ts is Chromium's):
 * the engine smoke suites (tests/engines/) drive Debian's Firefox ESR through puppeteer-core over
 * WebDriver BiDi, and Debian's WebKitGTK through WebKitWebDriver (W3C WebDriver) on a virtual X
 * display. Nothing else names their paths, preferences or arguments.
 *
 * Both are given one proxy: the test's own static server (serveStatic's `watch`), which refuses
 * and records every request for another origin. The machines have no way out anyway; the proxy
 * is what makes a request that tried visible, since a page cannot be trusted to report its own.
 */
import { execFile, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { promisify } from 'node:util';
import puppeteer, { type Browser } from 'puppeteer-core';

/** Debian's Firefox ESR (`apt-get install firefox-esr`) unless FIREFOX_PATH names another. */
export const FIREFOX_PATH = process.env['FIREFOX_PATH'] ?? '/usr/bin/firefox-esr';

/** What an engine is started with: the port of the proxy every request goes through, and the colour scheme it prefers. */
export interface EngineOptions {
  proxyPort: number;
  dark?: boolean;
}

/**
 * Firefox's preferences, on top of those puppeteer-core sets for automation (no updates, no
 * safe-browsing lists, no first-run pages): no background traffic of Firefox's own, every
 * protocol through the test's proxy (127.0.0.1 itself stays direct, as Firefox never proxies
 * it), no speculative connections or DNS prefetch that would bypass it, and the colour scheme the page sees (BiDi cannot emulate
 * prefers-color-scheme, so a dark reader is a browser started dark).
 */
export function firefoxPrefs({ proxyPort, dark = false }: EngineOptions): Record<string, unknown> {
  return {
    'network.proxy.type': 1,
    'network.proxy.share_proxy_settings': true,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.socks_remote_dns': true,
    'network.dns.disablePrefetch': true,
    'network.http.speculative-parallel-limit': 0,
    // Remote Settings (blocklists, certificate data) polls Mozilla's server from the first second;
    // Mozilla's own test profiles point it at this data: URL, which stops it (a release build
    // takes the setting only with MOZ_DISABLE_NONLOCAL_CONNECTIONS, see launchFirefox).
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'layout.css.prefers-color-scheme.content-override': dark ? 0 : 1,
  };
}

/** Starts Firefox (headless, WebDriver BiDi); one that does not start is a sentence saying what to install. */
export async function launchFirefox(options: EngineOptions): Promise<Browser> {
  try {
    return await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath: FIREFOX_PATH,
      headless: true,
      extraPrefsFirefox: firefoxPrefs(options),
      // Mozilla's test switch: the browser may connect to this machine only (every request goes
      // to the local proxy anyway), and a release build then lets the prefs above stop Remote Settings.
      env: { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' },
    });
  } catch (error) {
    throw new Error(
      `Firefox at ${FIREFOX_PATH} did not start: ${String((error as Error).message).split('\n')[0]}. Install it (\`apt-get install firefox-esr\`) or set FIREFOX_PATH.`,
      { cause: error },
    );
  }
}

/** WebKitGTK's WebDriver server (`apt-get install webkit2gtk-driver`). */
export const WEBKIT_DRIVER = process.env['WEBKIT_DRIVER_PATH'] ?? 'WebKitWebDriver';

/** The Debian package that ships MiniBrowser, the browser WebKitWebDriver drives. */
const WEBKIT_PACKAGE = 'libwebkit2gtk-4.1-0';

/**
 * MiniBrowser's path, as the package lists it (the folder names the architecture, so it is not
 * written here), unless WEBKIT_MINIBROWSER names one.
 */
export async function miniBrowserPath(): Promise<string> {
  const named = process.env['WEBKIT_MINIBROWSER'];
  if (named) return named;
  let files: string;
  try {
    files = (await promisify(execFile)('dpkg', ['-L', WEBKIT_PACKAGE])).stdout;
  } catch (error) {
    throw new Error(`${WEBKIT_PACKAGE} is not installed, so there is no MiniBrowser to drive: \`apt-get install webkit2gtk-driver\`.`, {
      cause: error,
    });
  }
  const binary = files.split('\n').find((file) => file.endsWith('/MiniBrowser'));
  if (!binary) throw new Error(`${WEBKIT_PACKAGE} lists no MiniBrowser; set WEBKIT_MINIBROWSER to one.`);
  return binary;
}

/**
 * The W3C capabilities of a WebKit session: MiniBrowser in automation mode (2.50 has no
 * --headless; it draws on the driver's virtual display), dark with --dark-mode (GTK's dark
 * preference, which WebKit gives pages as prefers-color-scheme), and the test's proxy for
 * http and https (WebKitWebDriver applies the `proxy` capability, though it does not echo it).
 */
export function webKitCapabilities(binary: string, { proxyPort, dark = false }: EngineOptions): Record<string, unknown> {
  const proxy = `127.0.0.1:${proxyPort}`;
  return {
    proxy: { proxyType: 'manual', httpProxy: proxy, sslProxy: proxy },
    'webkitgtk:browserOptions': { binary, args: ['--automation', ...(dark ? ['--dark-mode'] : [])] },
  };
}

/** A free TCP port on 127.0.0.1, for a server that must be told its port. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export interface WebKitDriver {
  /** The WebDriver endpoint, e.g. http://127.0.0.1:4567. */
  url: string;
  /** Stops the driver, its browser and the virtual display. */
  stop(): Promise<void>;
}

/**
 * Starts WebKitWebDriver on a virtual X display (`xvfb-run -a`, a free display number) and waits
 * until it answers /status. The driver runs in a process group of its own, so that stop() ends
 * it with xvfb's server and any browser it started, and nothing else.
 */
export async function startWebKitDriver(): Promise<WebKitDriver> {
  const port = await freePort();
  const child = spawn('xvfb-run', ['-a', '-s', '-screen 0 1600x1600x24', WEBKIT_DRIVER, `--port=${port}`], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  let failure: Error | undefined;
  child.once('error', (error) => {
    failure = error;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    }
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (failure || child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `${WEBKIT_DRIVER} did not start (${failure?.message ?? (stderr.trim().split('\n')[0] || 'it exited at once')}): install webkit2gtk-driver and xvfb (\`apt-get install webkit2gtk-driver xvfb\`).`,
      );
    }
    const ready = await fetch(`${url}/status`)
      .then((response) => response.ok)
      .catch(() => false);
    if (ready) return { url, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${WEBKIT_DRIVER} did not answer on port ${port} within 20 s.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
