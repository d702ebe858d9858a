/**
 * One page of each kind the site has, as paths relative to the site's base: the Chromium tests
 * (tests/e2e/) and the Firefox and WebKit smoke suites (tests/engines/) visit the same list.
 */
export const PAGE_TYPES = {
  home: './',
  edition: '2026/',
  chapter: '2026/kazakhstan/',
  section: '2026/kazakhstan/education/',
  about: '2026/about/',
  corrections: '2026/corrections/',
  countries: 'countries/',
  'country in every edition': 'countries/kazakhstan/',
  'section history': 'countries/kazakhstan/education/',
  compare: 'countries/kazakhstan/education/compare/',
  'theme index': '2026/themes/',
  'theme page': '2026/themes/freedom-of-association/',
  search: 'search/',
  data: 'data/',
  bundle: 'bundle/?s=2026/kazakhstan/education,2026/kazakhstan/asylum',
  'not found': '2026/no-such-country/',
} as const;
