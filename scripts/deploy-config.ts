/**
 * npm run deploy:config: writes the server samples deploy/nginx.conf and deploy/apache.htaccess from
 * the one definition of the headers (src/deploy/headers.ts). tests/unit/deploy-config.test.ts fails
 * when the checked-in samples differ from what this writes.
 *
 *   npm run deploy:config                                   the samples, in deploy/
 *   npm run deploy:config -- --out /tmp/conf --base /docs/ --root /srv/www --server-name example.net --listen 8080
 *                                                           your own, elsewhere (HSTS_MAX_AGE=31536000 adds HSTS)
 *   … --brotli                                              nginx with its brotli module: brotli_static on
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { headerOptionsFromEnv } from '../src/deploy/headers.ts';
import { APACHE_SAMPLE, NGINX_SAMPLE, renderApache, renderNginx } from '../src/deploy/render.ts';
import { runCommand } from '../src/lib/command.ts';
import { ReportError } from '../src/lib/problems.ts';

await runCommand({ name: 'deploy:config' }, () => {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: 'deploy' },
      base: { type: 'string', default: NGINX_SAMPLE.base },
      root: { type: 'string', default: NGINX_SAMPLE.root },
      'server-name': { type: 'string', default: NGINX_SAMPLE.serverName },
      listen: { type: 'string', default: NGINX_SAMPLE.listen },
      brotli: { type: 'boolean', default: false },
    },
  });
  const samples = path.resolve(values.out) === path.resolve('deploy');
  let options: ReturnType<typeof headerOptionsFromEnv>;
  try {
    options = headerOptionsFromEnv();
  } catch (error) {
    throw new ReportError((error as Error).message);
  }
  // The checked-in samples are the defaults, whatever the environment says.
  if (samples && (options.hstsMaxAge || values.brotli || values.base !== NGINX_SAMPLE.base || values.root !== NGINX_SAMPLE.root))
    throw new ReportError('deploy/ holds the samples with their defaults; write your own with --out <folder>.');
  mkdirSync(values.out, { recursive: true });
  const nginx = path.join(values.out, 'nginx.conf');
  const apache = path.join(values.out, 'apache.htaccess');
  writeFileSync(
    nginx,
    renderNginx({
      ...options,
      base: values.base,
      root: values.root,
      listen: values.listen,
      serverName: values['server-name'],
      brotli: values.brotli,
    }),
  );
  writeFileSync(apache, renderApache({ ...(samples ? APACHE_SAMPLE : {}), ...options, base: values.base }));
  console.log(`Wrote ${nginx} and ${apache} (base ${values.base}${options.hstsMaxAge ? `, HSTS max-age=${options.hstsMaxAge}` : ''}).`);
});
