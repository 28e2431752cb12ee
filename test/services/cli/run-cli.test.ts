import t from 'tap';
import { runCli } from '../../../services/cli/run-cli.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (l: string) => out.push(l), stderr: (l: string) => err.push(l) }, out, err };
}

t.test('an unknown command is a usage error in one line', async (t) => {
  const { io, err } = capture();
  t.equal(await runCli(['frobnicate'], io), 2);
  t.equal(err.length, 1);
  t.match(err[0], /^plan-ledger: unknown command 'frobnicate'; commands: /);
});

t.test('no command at all is a usage error', async (t) => {
  const { io, err } = capture();
  t.equal(await runCli([], io), 2);
  t.match(err[0], /missing command/);
});
