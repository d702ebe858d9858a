/**
 * Chromium, as the PDF job and the browser tests start it, sends nothing to any other machine
 * (issue 17, item 12): no DNS query, no connection. Observed, not assumed: Chromium is started
 * through a wrapper (CHROMIUM_PATH, which both honour) that runs it under strace and records each
 * socket, connect and send of every process and thread.
 *
 * Measured on this machine (2 cores, Debian Chromium): without --host-resolver-rules a page load
 * sent 36 DNS queries to the machine's resolver (accounts.google.com, update.googleapis.com);
 * with it, none. What remains is Chromium's IPv6 reachability probe: a UDP socket connect()ed to
 * a public resolver's address to learn the local route, which sends no packet, and is allowed here.
 * Needs a build (OUT_DIR, default dist), Chromium and strace.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { afterAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../src/quality/chromium.ts';
import { serveStatic } from '../../src/quality/static-server.ts';

const site = process.env['OUT_DIR'] ?? 'dist';
const root = mkdtempSync(path.join(tmpdir(), 'hardening-dns-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A Chromium that writes its sockets to `<log>` (strace -ff: one file per thread). */
function observedChromium(log: string): string {
  const wrapper = path.join(root, `chromium-${path.basename(log)}`);
  writeFileSync(wrapper, `#!/bin/sh\nexec strace -f -qq -e trace=socket,connect,sendto,sendmsg -o '${log}' '${CHROMIUM_PATH}' "$@"\n`);
  chmodSync(wrapper, 0o755);
  return wrapper;
}

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/** Every send or connection to another machine in a strace log, as readable lines. */
function outsideTraffic(trace: string): string[] {
  const socketTypes = new Map<string, string>();
  /** A socket() call strace split in two (`<unfinished ...>`, then `<... socket resumed>) = fd`), by thread. */
  const pending = new Map<string, string>();
  const found: string[] = [];
  for (const line of trace.split('\n')) {
    const tid = /^\s*(\d+)/.exec(line)?.[1] ?? '';
    const opened = /socket\(AF_INET6?, (SOCK_[A-Z]+)/.exec(line);
    const fd = /\)\s+=\s+(\d+)$/.exec(line)?.[1];
    // By fd: the socket may be made on another thread of the process than the connect.
    if (opened && fd) socketTypes.set(fd, opened[1]!);
    else if (opened) pending.set(tid, opened[1]!);
    else if (line.includes('<... socket resumed>') && fd && pending.has(tid)) {
      socketTypes.set(fd, pending.get(tid)!);
      pending.delete(tid);
    }
    const target = /(?:connect|sendto|sendmsg)\((\d+), .*?(?:inet_addr\("([^"]+)"\)|inet_pton\(AF_INET6, "([^"]+)")/.exec(line);
    if (!target) continue;
    const address = target[2] ?? target[3]!;
    if (LOOPBACK.test(address)) continue;
    const port = Number(/htons\((\d+)\)/.exec(line)?.[1]);
    // The IPv6/IPv4 route probe: a UDP socket connected to learn the local address, never written.
    const probe = line.includes('connect(') && socketTypes.get(target[1]!) === 'SOCK_DGRAM' && port !== 53;
    if (!probe) found.push(`${address}:${port} ${line.slice(0, 160)}`);
  }
  return found;
}

const traceOf = (log: string) => readFileSync(log, 'utf8');

describe.skipIf(!existsSync('/usr/bin/strace') || !existsSync(CHROMIUM_PATH))('Chromium as the project starts it', () => {
  it('a PDF run resolves no outside name and reaches no other machine', () => {
    const log = path.join(root, 'pdf.strace');
    const out = path.join(root, 'pdf');
    const result = spawnSync(process.execPath, ['scripts/pdf.ts', '--site', site, '--only', '2026-kazakhstan', '--out', out], {
      encoding: 'utf8',
      env: { ...process.env, CHROMIUM_PATH: observedChromium(log) },
      timeout: 100_000,
    });
    expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
    expect(readdirSync(out)).toContain('2026-kazakhstan.pdf');
    const trace = traceOf(log);
    expect(trace).toMatch(/connect\(\d+, \{sa_family=AF_INET, sin_port=htons\(46\d\d\), sin_addr=inet_addr\("127\.0\.0\.1"\)/); // it did observe the job's own server
    expect(outsideTraffic(trace)).toEqual([]);
  });

  it('a browser session (home, chapter, search with its index) resolves no outside name and reaches no other machine', async () => {
    const log = path.join(root, 'browser.strace');
    const server = await serveStatic(site, { port: 4495 });
    const browser = await chromium.launch({ executablePath: observedChromium(log), args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      for (const address of ['', '2026/kazakhstan/', 'search/?q=Feminita'])
        await page.goto(`${server.url}${address}`, { waitUntil: 'load' });
      await page.getByRole('status').filter({ hasText: 'results' }).waitFor();
      await page.waitForTimeout(3000); // room for background traffic after the pages
    } finally {
      await browser.close();
      await server.close();
    }
    expect(traceOf(log)).toContain('inet_addr("127.0.0.1")');
    expect(outsideTraffic(traceOf(log))).toEqual([]);
  });

  it('counts a DNS query as outside traffic (the check can fail)', () => {
    const query =
      '1 sendto(7, "\\x12", 40, MSG_NOSIGNAL, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("10.255.255.53")}, 16) = 40';
    const socket = '1 socket(AF_INET, SOCK_DGRAM|SOCK_CLOEXEC|SOCK_NONBLOCK, IPPROTO_IP) = 7';
    expect(outsideTraffic(`${socket}\n${query}`)).toHaveLength(1);
    const connect = '1 connect(7, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("10.255.255.53")}, 16) = 0';
    expect(outsideTraffic(`${socket}\n${connect}`)).toHaveLength(1);
  });
});
