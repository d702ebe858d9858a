/**
 * The one script every page loads: the elements of the header and of the report's text, in a
 * single module. They used to be a module each (nine requests on a first visit to a chapter); on a
 * slow or high-latency connection each round trip costs more than their few kilobytes together.
 * An element whose markup a page lacks simply never starts. Page-specific elements (search page,
 * bundle, comparison) keep their own module, loaded by those pages only.
 */
import './site-header.ts';
import './theme-switch.ts';
import './site-search.ts';
import './print-date.ts';
import './print-button.ts';
import './copy-links.ts';
import './chapter-toc.ts';
import './cite-box.ts';
import './bundle-add.ts';
