import { storedKeys, storeKeys } from '../bundle/storage.ts';
import { announce } from './announce.ts';
import { ReportElement, setting } from './base.ts';

/**
 * <bundle-add data-key="2026/kazakhstan/education">: the "Add to bundle" toggle of one section.
 * Server-rendered hidden (a bundle needs scripts); shown and wired here. The choice lives in
 * sessionStorage (src/bundle/storage.ts), where the bundle page finds it.
 */
class BundleAdd extends ReportElement {
  protected connect(signal: AbortSignal): void {
    const { key } = this.settings({ key: setting.text() });
    const button = this.requirePart('button', HTMLButtonElement);
    const show = () => button.setAttribute('aria-pressed', String(storedKeys().includes(key)));
    show();
    this.hidden = false;
    button.addEventListener(
      'click',
      () => {
        const keys = storedKeys();
        const added = !keys.includes(key);
        storeKeys(added ? [...keys, key] : keys.filter((k) => k !== key));
        show();
        const count = storedKeys().length;
        announce(`${added ? 'Added to' : 'Removed from'} the bundle: ${count} ${count === 1 ? 'section' : 'sections'}`);
      },
      { signal },
    );
  }
}

BundleAdd.define('bundle-add');
