import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { rehypeExternalLinks } from '../../src/integrations/rehype-external-links.ts';

function publish(html: string): string {
  const tree = fromHtml(html, { fragment: true });
  rehypeExternalLinks()(tree);
  return toHtml(tree);
}

describe('links that reach the build without npm run check (and so the PDF, where no CSP applies)', () => {
  it('lose their target when they would run code, open a file or leave the site without a scheme', () => {
    for (const href of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,x',
      'file:///etc/passwd',
      '//evil.example/x',
      'https:\\\\evil.example',
      'vbscript:x',
    ]) {
      expect(publish(`<a href="${href}">x</a>`)).toBe('<a>x</a>');
    }
  });

  it('keep sources (with no referrer), mail, fragments and this site’s own paths', () => {
    expect(publish('<a href="https://example.org/a">x</a>')).toBe(
      '<a href="https://example.org/a" rel="noopener noreferrer" class="external">x</a>',
    );
    for (const href of ['mailto:a@example.org', '#education', '/2026/kazakhstan/#education']) {
      expect(publish(`<a href="${href}">x</a>`)).toBe(`<a href="${href}">x</a>`);
    }
  });

  it('publish no image from another origin', () => {
    expect(publish('<img src="https://tracker.example/p.gif" alt="p">')).toBe('<img alt="p">');
    expect(publish('<img src="//tracker.example/p.gif" alt="p">')).toBe('<img alt="p">');
    expect(publish('<img src="/map.svg" alt="m">')).toBe('<img src="/map.svg" alt="m">');
  });
});
