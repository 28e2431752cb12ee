import t from 'tap';
import path from 'node:path';
import { parseConfig } from '../../../services/config/config.ts';

t.test('given an empty environment, the defaults run the embedded store locally', async (t) => {
  const result = parseConfig({});
  t.ok(result.ok);
  if (!result.ok) return;
  t.equal(result.config.store, 'sqlite');
  t.equal(result.config.dataDir, path.resolve('./data'));
  t.equal(result.config.port, 3000);
  t.equal(result.config.eventstoreConnectionString, null);
});

t.test('each bad value is reported in one line naming the variable', async (t) => {
  const cases: Array<[Record<string, string>, RegExp]> = [
    [{ PORT: 'abc' }, /^invalid configuration: PORT="abc" /],
    [{ PORT: '70000' }, /^invalid configuration: PORT="70000" /],
    [{ STORE: 'postgres' }, /^invalid configuration: STORE="postgres" /],
    [{ LOG_LEVEL: 'loud' }, /^invalid configuration: LOG_LEVEL="loud" /],
    [{ STORE: 'eventstoredb' }, /^invalid configuration: EVENTSTORE_CONNECTION_STRING is required when STORE=eventstoredb$/],
    [{ EVENTSTORE_CONNECTION_STRING: 'http://x' }, /^invalid configuration: EVENTSTORE_CONNECTION_STRING="http:\/\/x" /],
  ];
  for (const [env, expected] of cases) {
    const result = parseConfig(env);
    t.notOk(result.ok, JSON.stringify(env));
    if (!result.ok) {
      t.match(result.message, expected);
      t.notMatch(result.message, /\n/);
    }
  }
});

t.test('empty strings count as unset', async (t) => {
  const result = parseConfig({ PORT: '', STORE: '' });
  t.ok(result.ok);
});

t.test('the service exits with code 2 and one line on a bad variable', async (t) => {
  const { spawnSync } = await import('node:child_process');
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'services/main.ts'], {
    env: { ...process.env, PORT: 'not-a-port' },
    encoding: 'utf8',
    timeout: 20_000,
  });
  t.equal(child.status, 2);
  t.equal(child.stderr.trim(), 'plan-ledger: invalid configuration: PORT="not-a-port" Invalid input: expected number, received NaN');
});

t.test('given API_TOKENS_FILE, then its lines join the entries of API_TOKENS', async (t) => {
  const hash = (digit: string) => digit.repeat(64);
  const files: Record<string, string> = {
    '/run/secrets/tokens': `# reviewers\nalice:${hash('a')}:reviewer\n\n  bob:${hash('b')}:auditor+reader  # night shift\r\n`,
  };
  const readFile = (file: string): string => {
    const text = files[file];
    if (text === undefined) throw Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' });
    return text;
  };
  const result = parseConfig({ API_TOKENS: `carol:${hash('c')}:admin`, API_TOKENS_FILE: '/run/secrets/tokens' }, readFile);
  t.ok(result.ok);
  if (!result.ok) return;
  t.same(
    result.config.api.tokens.map((token) => [token.name, token.roles]),
    [['carol', ['admin']], ['alice', ['reviewer']], ['bob', ['auditor', 'reader']]],
  );

  const missing = parseConfig({ API_TOKENS_FILE: '/nowhere' }, readFile);
  t.same(missing, { ok: false, message: 'invalid configuration: API_TOKENS_FILE="/nowhere" cannot be read (ENOENT)' });

  files['/bad'] = 'dave:not-a-hash:reviewer\n';
  const bad = parseConfig({ API_TOKENS_FILE: '/bad' }, readFile);
  t.notOk(bad.ok);
  if (!bad.ok) t.match(bad.message, /^invalid configuration: API_TOKENS.* entry 'dave': sha256 must be 64 lowercase hex digits/);
});
