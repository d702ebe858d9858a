/**
 * The smoke suite's WebKit: Debian's WebKitGTK (MiniBrowser), driven through WebKitWebDriver over
 * W3C WebDriver (webdriver.ts), both started by src/quality/engines.ts. Classic WebDriver shows
 * nothing of the page's console, so each loaded page gets a watcher that restarts its elements
 * under it (page-side.ts watchForTrouble); breaches of the page's policy and requests for other
 * origins are seen by the server from the first byte on, as in Firefox.
 */
import { miniBrowserPath, startWebKitDriver, type WebKitDriver, webKitCapabilities } from '../../src/quality/engines.ts';
import { type StaticServer, serveStatic } from '../../src/quality/static-server.ts';
import { type Engine, type EngineTab, until } from './engine.ts';
import { describeTarget, findByRole, layOutForPrint, sendTarget, type Target, troublesSeen, watchForTrouble } from './page-side.ts';
import { type ElementRef, isElement, WebDriverSession } from './webdriver.ts';

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

class WebKitTab implements EngineTab {
  private readonly session: WebDriverSession;
  /** The driver started for this tab alone, stopped with it. */
  private readonly driver: WebKitDriver;
  private readonly site: string;

  constructor(session: WebDriverSession, driver: WebKitDriver, site: string) {
    this.session = session;
    this.driver = driver;
    this.site = site;
  }

  async goto(path: string): Promise<void> {
    await this.session.navigate(new URL(path, this.site).href);
    // WebKitWebDriver may answer while the page is still interactive, before its deferred module
    // scripts have run: the watcher restarts the elements only once the page has loaded.
    await until(`${path} to finish loading`, () => this.run(() => document.readyState === 'complete'));
    await this.run(watchForTrouble);
  }

  url(): Promise<string> {
    return this.session.currentUrl();
  }

  run<T, A extends unknown[]>(fn: (...args: A) => T, ...args: A): Promise<Awaited<T>> {
    // A function's source, called with the arguments; WebDriver awaits a promise it returns.
    return this.session.execute<Awaited<T>>(`return (${fn.toString()}).apply(null, arguments);`, args);
  }

  /**
   * The element, checked against WebKit's own accessibility code: the role and name it computes
   * must be the ones the suite looked for, or the failure says what WebKit computed instead.
   */
  private async locate(target: Target): Promise<ElementRef> {
    const element = await until(`${describeTarget(target)} on ${await this.url()}`, async () => {
      const found: unknown = await this.run(findByRole, sendTarget(target));
      return isElement(found) ? found : null;
    });
    const [role, label] = await Promise.all([this.session.computedRole(element), this.session.computedLabel(element)]);
    const named = typeof target.name === 'string' ? collapse(label) === target.name : target.name.test(collapse(label));
    if (role !== target.role || !named) {
      throw new Error(`WebKit computes ${describeTarget(target)} as ${role} "${collapse(label)}".`);
    }
    return element;
  }

  async runOn<T, A extends unknown[]>(target: Target, fn: (element: Element, ...args: A) => T, ...args: A): Promise<Awaited<T>> {
    const element = await this.locate(target);
    return this.session.execute<Awaited<T>>(`return (${fn.toString()}).apply(null, arguments);`, [element, ...args]);
  }

  async click(target: Target): Promise<void> {
    // Again if the element is replaced meanwhile (the search redraws its options as results come).
    await until(`a click on ${describeTarget(target)}`, async () => {
      await this.session.click(await this.locate(target));
      return true;
    });
  }

  async type(target: Target, text: string): Promise<void> {
    // One command: WebDriver presses the keys one after another, at typing speed.
    await this.session.sendKeys(await this.locate(target), text);
  }

  troubles(): Promise<string[]> {
    return this.run(troublesSeen);
  }

  async printed(): Promise<string[]> {
    await this.run(layOutForPrint);
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point: what the print rules hide must not count.
    return [await this.run(() => document.body.innerText)];
  }

  async close(): Promise<void> {
    await this.session.close();
    await this.driver.stop();
  }
}

/** WebKit, with the built site at `site` (OUT_DIR) served by a watching static server. */
export function webkit(site: string): Engine {
  let server: StaticServer | undefined;
  let binary: string | undefined;
  return {
    name: 'WebKit',
    server: () => {
      if (!server) throw new Error('The WebKit suite has not started.');
      return server;
    },
    async start() {
      binary = await miniBrowserPath();
      server = await serveStatic(site, { port: 0, watch: true });
    },
    async stop() {
      await server?.close();
    },
    async open({ dark = false, width = 1280, height = 900 } = {}) {
      if (!server || !binary) throw new Error('The WebKit suite has not started.');
      // A driver per tab: WebKitWebDriver holds one session at a time, and a dark reader is a
      // MiniBrowser started dark.
      const driver = await startWebKitDriver();
      try {
        const session = await WebDriverSession.open(
          driver.url,
          webKitCapabilities(binary, { proxyPort: Number(new URL(server.url).port), dark }),
        );
        await session.setWindowSize(width, height);
        return new WebKitTab(session, driver, server.url);
      } catch (error) {
        await driver.stop();
        throw error;
      }
    },
  };
}
