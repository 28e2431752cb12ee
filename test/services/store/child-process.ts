/** Spawns the append-loop child and hands its acknowledged ids to the test, line by line. */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const appendLoop = path.join(path.dirname(fileURLToPath(import.meta.url)), 'children', 'append-loop.ts');

export interface AppendLoopChild {
  process: ChildProcess;
  /** Ids of events whose append returned before the line was written. */
  acknowledged: string[];
  /** Resolves on the first acknowledged append. */
  firstAck: Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr: () => string;
}

export function spawnAppendLoop(file: string, stream: string, appends?: number): AppendLoopChild {
  const child = spawn(process.execPath, ['--import', 'tsx', appendLoop, file, stream, ...(appends === undefined ? [] : [String(appends)])], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acknowledged: string[] = [];
  let pending = '';
  let errors = '';
  let onFirstAck: () => void = () => undefined;
  const firstAck = new Promise<void>((resolve) => (onFirstAck = resolve));
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const [word, , ids] = line.split(' ');
      if (word === 'ack' && ids !== undefined) {
        acknowledged.push(...ids.split(','));
        onFirstAck();
      }
    }
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (errors += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { process: child, acknowledged, firstAck, exited, stderr: () => errors };
}
