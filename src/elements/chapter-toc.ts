import { fragmentId } from '../lib/fragment.ts';
import { ReportElement } from './base.ts';

/**
 * <chapter-toc>: marks, in the table of contents, the section being read (aria-current), so a
 * reader deep in a long chapter sees where they are, and folds the contents when a section is chosen
 * from the folded bar phones show. Without scripts the contents are plain links.
 */
class ChapterToc extends ReportElement {
  protected connect(signal: AbortSignal): void {
    // The list itself is required; which links it holds depends on the chapter.
    const list = this.requirePart('nav ol');
    const links = new Map<string, HTMLAnchorElement>();
    for (const link of list.querySelectorAll<HTMLAnchorElement>('a[href*="#"]')) {
      links.set(fragmentId(link.hash), link);
    }
    // Where the contents are a folded bar (phones), choosing a section folds them again.
    const details = this.querySelector('details');
    list.addEventListener(
      'click',
      (event) => {
        if (details?.open && (event.target as Element).closest('a')) details.open = false;
      },
      { signal },
    );
    const sections = [...document.querySelectorAll<HTMLElement>('section[data-theme]')].filter((s) => links.has(s.dataset['theme'] ?? ''));
    const visible = new Set<HTMLElement>();
    const atEnd = () => window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
    const mark = () => {
      // The first section (in reading order) that is on screen is the one being read; at the end
      // of the page, the last ones can never reach the top of the window, so the last section on
      // screen is (the reader has scrolled, or chosen it in the contents, to read it).
      const onScreen = (s: HTMLElement) => {
        const box = s.getBoundingClientRect();
        return box.bottom > 0 && box.top < window.innerHeight;
      };
      // Boxes are measured only at the end of the page, not on every change of what is in view.
      const current = atEnd() ? sections.filter(onScreen).at(-1) : sections.find((s) => visible.has(s));
      if (!current) return;
      for (const [theme, link] of links) {
        if (theme === current.dataset['theme']) link.setAttribute('aria-current', 'location');
        else link.removeAttribute('aria-current');
      }
    };
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (entry.isIntersecting) visible.add(entry.target as HTMLElement);
          else visible.delete(entry.target as HTMLElement);
        }
        mark();
      },
      // A section counts as being read while it crosses the upper part of the viewport.
      { rootMargin: '0px 0px -60% 0px' },
    );
    for (const section of sections) observer.observe(section);
    window.addEventListener('scroll', () => atEnd() && mark(), { signal, passive: true });
    signal.addEventListener('abort', () => observer.disconnect());
  }
}

ChapterToc.define('chapter-toc');
