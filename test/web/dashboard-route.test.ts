/**
 * The dashboard's files as the service serves them: the page at `/`, its modules under `/web/`, conditional
 * GETs, nothing outside `web/`, no address elsewhere (the page must work with no network beyond the service),
 * and every module a served file imports is itself served.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import t from 'tap';
import { WEB_DIR } from '../../services/api/routes/dashboard.ts';
import { buildTestApp } from '../services/api/app-fixture.ts';

const { app } = await buildTestApp({}, { withLedger: false });
t.teardown(() => app.close());

t.test('the page is served at / with a policy that keeps every request on the service', async (t) => {
  const page = await app.inject({ method: 'GET', url: '/' });
  t.equal(page.statusCode, 200, 'served without a token, though reads need one here');
  t.match(page.headers['content-type'], /^text\/html; charset=utf-8/);
  t.match(page.headers['content-security-policy'], /default-src 'self'/);
  t.match(page.body, /<script type="module" src="\/web\/app\.js"><\/script>/);
  const again = await app.inject({ method: 'GET', url: '/', headers: { 'if-none-match': String(page.headers.etag) } });
  t.equal(again.statusCode, 304, 'a revalidation with the ETag costs nothing');
});

t.test('assets: right types, nothing outside web/', async (t) => {
  const script = await app.inject({ method: 'GET', url: '/web/app.js' });
  t.equal(script.statusCode, 200);
  t.match(script.headers['content-type'], /^text\/javascript/);
  const styles = await app.inject({ method: 'GET', url: '/web/styles.css' });
  t.match(styles.headers['content-type'], /^text\/css/);
  for (const url of ['/web/../package.json', '/web/%2e%2e/package.json', '/web/..%2fpackage.json', '/web/tsconfig.json', '/web/nothing.js']) {
    const response = await app.inject({ method: 'GET', url });
    t.ok(response.statusCode >= 400 && response.statusCode < 500, `${url} is refused (${response.statusCode})`);
    t.match(response.headers['content-type'], /^application\/problem\+json/, 'with a problem document');
    t.notMatch(response.body, /compilerOptions|devDependencies/, 'and no file content');
  }
});

t.test('every module import resolves to a served file, and no file names another host', async (t) => {
  const files = (await readdir(WEB_DIR, { recursive: true })).filter((name) => /\.(js|html|css)$/.test(name));
  t.ok(files.length > 5, 'the dashboard has its files');
  for (const file of files) {
    const text = await readFile(path.join(WEB_DIR, file), 'utf8');
    t.notMatch(text, /(https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}\//i, `${file} loads nothing from another host`);
    if (!file.endsWith('.js')) continue;
    for (const [, specifier] of text.matchAll(/^import [^'"]*['"]([^'"]+)['"]/gm)) {
      const url = new URL(specifier!, `http://dashboard/web/${file.split(path.sep).join('/')}`).pathname;
      const response = await app.inject({ method: 'GET', url });
      t.equal(response.statusCode, 200, `${file} imports ${specifier}, served at ${url}`);
    }
  }
});
