/**
 * The base of every custom element in this folder. Each element enhances markup the server already
 * rendered, and that markup works without scripts; the base does the three things they all need:
 *
 * - Registers the element once. A page may evaluate an element's module twice (the same file in
 *   two bundles, a script tag repeated), and defining a tag name a second time throws. The first
 *   definition is already upgrading the page, so the second is skipped: one guard, here.
 * - Requires its markup. An element used to return quietly when a part it needs was missing, so a
 *   template change could remove an enhancement with no trace. Now `requirePart()` stops the
 *   element and the console names the element and the missing part; the server's markup is left
 *   as it is.
 * - Reads its settings from `data-*` attributes one typed way (`settings()` with the `setting`
 *   readers), where a missing or malformed attribute is reported the same way as a missing part.
 *
 * An element implements `connect(signal)`, run each time it enters the page. Everything it
 * listens to is tied to `signal`, which the base aborts when the element leaves the page, so an
 * element moved in the page is started again without listening twice.
 *
 * (The idea is GOV.UK Frontend's Component class, which checks its root element and reads a typed
 * configuration from data attributes before a component starts; here it is a custom element.)
 */

/** What an element's markup or attributes lack; the base reports it and leaves the element alone. */
class MarkupError extends Error {}

/** A class of element, such as HTMLButtonElement, to check a part against. */
type ElementClass<T extends Element> = abstract new (...args: never[]) => T;

/**
 * Turns the text of one `data-*` attribute (undefined when the attribute is absent) into a value,
 * or says what is wrong with it.
 */
export type Setting<T> = (text: string | undefined) => { value: T } | { problem: string };

type SettingsOf<S> = { [K in keyof S]: S[K] extends Setting<infer T> ? T : never };

/** The kinds of value a `data-*` attribute holds. */
export const setting = {
  /** Text; required unless a default is given. */
  text(fallback?: string): Setting<string> {
    return (text) => {
      const value = text ?? fallback;
      return value === undefined ? { problem: 'is missing' } : { value };
    };
  },
  /** Present or not, like a boolean HTML attribute (`data-dev`). */
  flag(): Setting<boolean> {
    return (text) => ({ value: text !== undefined });
  },
  /** JSON written by the server with JSON.stringify, checked against the shape the element expects. */
  json<T>(fallback: T, accept: (value: unknown) => value is T): Setting<T> {
    return (text) => {
      if (text === undefined) return { value: fallback };
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        return { problem: 'is not valid JSON' };
      }
      return accept(value) ? { value } : { problem: 'does not hold what the element expects' };
    };
  },
};

export abstract class ReportElement extends HTMLElement {
  /** Registers this element under `name`, unless the name is already taken (see above). */
  static define(this: CustomElementConstructor, name: string): void {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass being registered, not the base.
    if (!customElements.get(name)) customElements.define(name, this);
  }

  #connection: AbortController | undefined;

  /**
   * Enhances the element's markup. Look up every `requirePart()` and the `settings()` first, before
   * changing anything; give `signal` to every listener and observer, so that they end when the
   * element leaves the page (and when a problem stops it half-way).
   */
  protected abstract connect(signal: AbortSignal): void;

  connectedCallback(): void {
    this.#connection?.abort();
    const connection = new AbortController();
    this.#connection = connection;
    try {
      this.connect(connection.signal);
    } catch (error) {
      connection.abort();
      if (!(error instanceof MarkupError)) throw error;
      // console.error, not an exception: one broken element must not stop the others on the page.
      console.error(`<${this.localName}> is not enhanced: ${error.message}. The page shows its server-rendered markup instead.`);
    }
  }

  disconnectedCallback(): void {
    this.#connection?.abort();
    this.#connection = undefined;
  }

  /** The first element inside this one matching `selector`, which the element cannot work without. */
  protected requirePart(selector: string): HTMLElement;
  protected requirePart<T extends Element>(selector: string, type: ElementClass<T>): T;
  protected requirePart(selector: string, type: ElementClass<Element> = HTMLElement): Element {
    const found = this.querySelector(selector);
    if (!found) throw new MarkupError(`its required part ${selector} is missing`);
    if (found instanceof type) return found;
    throw new MarkupError(`its required part ${selector} is a <${(found as Element).localName}>, not a ${type.name}`);
  }

  /** The element's settings, read from its `data-*` attributes (keyed as in `dataset`: `fooBar` is data-foo-bar). */
  protected settings<S extends Record<string, Setting<unknown>>>(schema: S): SettingsOf<S> {
    const values: Record<string, unknown> = {};
    for (const [key, read] of Object.entries(schema)) {
      const result = read(this.dataset[key]);
      const attribute = `data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
      if ('problem' in result) throw new MarkupError(`its ${attribute} attribute ${result.problem}`);
      values[key] = result.value;
    }
    return values as SettingsOf<S>;
  }
}
