/**
 * A small W3C WebDriver (classic, HTTP) client over fetch: the dozen commands the WebKit smoke
 * suite uses. The published clients do far more than this needs and bring what these machines
 * must not run: WebdriverIO's `webdriver` depends on @wdio/utils, which installs the geckodriver,
 * edgedriver and safaridriver downloaders; selenium-webdriver ships Selenium Manager, a binary
 * that looks for and downloads drivers. WebKitWebDriver is Debian's, started by
 * src/quality/engines.ts.
 */

/** The key WebDriver gives an element reference in JSON. */
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** An element of the page, as WebDriver refers to it. */
export interface ElementRef {
  [ELEMENT]: string;
}

/** WebDriver's code points for the keys the suite presses. */
export const KEYS = { ArrowDown: '\uE015', Enter: '\uE007' } as const;

/** A WebDriver error answer, as one sentence with the command that failed. */
export class WebDriverError extends Error {}

async function send<T>(base: string, method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const answer = (await response.json()) as { value: T & { error?: string; message?: string } };
  if (!response.ok) {
    throw new WebDriverError(
      `WebDriver ${method} ${path.replace(/^\/session\/[^/]+/, '')} failed: ${answer.value.error ?? response.status}${answer.value.message ? ` (${answer.value.message})` : ''}.`,
    );
  }
  return answer.value;
}

export class WebDriverSession {
  private readonly base: string;
  readonly id: string;

  private constructor(base: string, id: string) {
    this.base = base;
    this.id = id;
  }

  /** Opens a session on the driver at `driverUrl` with these capabilities (alwaysMatch). */
  static async open(driverUrl: string, capabilities: Record<string, unknown>): Promise<WebDriverSession> {
    const value = await send<{ sessionId: string }>(driverUrl, 'POST', '/session', { capabilities: { alwaysMatch: capabilities } });
    return new WebDriverSession(driverUrl, value.sessionId);
  }

  private command<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    return send<T>(this.base, method, `/session/${this.id}${path}`, body);
  }

  /** Loads `url` and returns when the page has loaded (the default page load strategy). */
  navigate(url: string): Promise<void> {
    return this.command('POST', '/url', { url });
  }

  currentUrl(): Promise<string> {
    return this.command('GET', '/url');
  }

  /** Runs `script` (a function body; `arguments` holds `args`) in the page and returns its result. */
  execute<T>(script: string, args: unknown[] = []): Promise<T> {
    return this.command('POST', '/execute/sync', { script, args });
  }

  click(element: ElementRef): Promise<void> {
    return this.command('POST', `/element/${element[ELEMENT]}/click`, {});
  }

  /** Types `text` into the element (WebDriver's Element Send Keys: focuses it first). */
  sendKeys(element: ElementRef, text: string): Promise<void> {
    return this.command('POST', `/element/${element[ELEMENT]}/value`, { text });
  }

  /** The element's role as the engine's accessibility code computes it. */
  computedRole(element: ElementRef): Promise<string> {
    return this.command('GET', `/element/${element[ELEMENT]}/computedrole`);
  }

  /** The element's accessible name as the engine computes it. */
  computedLabel(element: ElementRef): Promise<string> {
    return this.command('GET', `/element/${element[ELEMENT]}/computedlabel`);
  }

  setWindowSize(width: number, height: number): Promise<void> {
    return this.command('POST', '/window/rect', { width, height });
  }

  async close(): Promise<void> {
    await this.command('DELETE', '').catch(() => undefined);
  }
}

/** Whether a value the page returned is an element reference. */
export function isElement(value: unknown): value is ElementRef {
  return typeof value === 'object' && value !== null && ELEMENT in value;
}
