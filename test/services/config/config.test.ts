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
