/**
 * Reading the Nu Html Checker's JSON report (`vnu --format json`) and deciding what fails.
 *
 * Errors always fail. Warnings fail too unless they match an entry of WARNINGS_ALLOWED, each of
 * which says why it may stay: a warning nobody has looked at is a defect waiting to become one.
 * Info messages (without a warning subtype) are advice and never fail.
 */

/** One message of vnu's JSON report. */
export interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  message: string;
  extract?: string;
  firstLine?: number;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
}

export interface AllowedWarning {
  /** Matches the warning's message. */
  pattern: RegExp;
  /** Why leaving it in place is right; printed when it is filtered. */
  reason: string;
}

export const WARNINGS_ALLOWED: readonly AllowedWarning[] = [
  {
    // vnu is given files, so each page's origin is a file: URL, which is opaque: `'self'` matches
    // nothing and every stylesheet of our own is "blocked". Only same-site paths are let through
    // (`/…` or relative, never `//host` or a scheme), so a stylesheet from another origin still
    // fails here; the browser tests load the pages over HTTP, where the policy really applies.
    pattern:
      /^Resource violates Content Security Policy \(meta tag\): external (stylesheet|script) “(?!\/\/)(?![a-z][a-z0-9+.-]*:)[^”]*” blocked by “(style|script)-src” directive\.$/,
    reason: "checked from file: URLs, whose opaque origin never matches the policy's 'self'",
  },
];

export interface Verdict {
  failures: VnuMessage[];
  /** Warnings let through, each with the reason it was allowed. */
  allowed: { message: VnuMessage; reason: string }[];
  /** Files vnu checked with no failure. */
  infos: number;
}

/** Sorts vnu's messages into failures and allowed warnings. */
export function judge(messages: readonly VnuMessage[], allowedWarnings: readonly AllowedWarning[] = WARNINGS_ALLOWED): Verdict {
  const verdict: Verdict = { failures: [], allowed: [], infos: 0 };
  for (const message of messages) {
    if (message.type === 'error' || message.type === 'non-document-error') {
      verdict.failures.push(message);
      continue;
    }
    if (message.subType !== 'warning') {
      verdict.infos += 1;
      continue;
    }
    const allowance = allowedWarnings.find((a) => a.pattern.test(message.message));
    if (allowance) verdict.allowed.push({ message, reason: allowance.reason });
    else verdict.failures.push(message);
  }
  return verdict;
}

/** Parses vnu's `--format json` output, which it writes to stderr. */
export function parseVnuJson(output: string): VnuMessage[] {
  const start = output.indexOf('{');
  if (start < 0) throw new Error(`vnu printed no JSON report:\n${output.slice(0, 2000)}`);
  const report = JSON.parse(output.slice(start)) as { messages?: VnuMessage[] };
  return report.messages ?? [];
}

/** `file:/tmp/dist/2026/index.html` → `2026/index.html` relative to the checked folder. */
export function relativeFile(url: string | undefined, root: string): string {
  if (!url) return '(no file)';
  const withoutScheme = decodeURIComponent(url.replace(/^file:(\/\/)?/, ''));
  const prefix = root.endsWith('/') ? root : `${root}/`;
  return withoutScheme.startsWith(prefix) ? withoutScheme.slice(prefix.length) : withoutScheme;
}

export function formatVnuMessage(message: VnuMessage, root: string): string {
  const kind = message.type === 'info' ? (message.subType ?? 'info') : message.type;
  const line = message.lastLine ?? message.firstLine;
  const where = `${relativeFile(message.url, root)}${line ? `:${line}` : ''}`;
  const extract = message.extract ? `\n      ${message.extract.replace(/\s+/g, ' ').trim().slice(0, 160)}` : '';
  return `${where}  ${kind}: ${message.message}${extract}`;
}
