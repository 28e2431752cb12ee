/**
 * REST API benchmark: requests/s and p99 latency of `GET /commitments/{id}`, the same with a matching
 * `If-None-Match` (the 304 path), and `GET /commitments?organisation=…`, each next to a bare fastify route
 * returning a constant, measured in the same run with the same load generator, and the ratio API / bare.
 *
 *   node --import tsx bench/api.bench.ts
 *   BENCH_SECONDS=10 BENCH_CONNECTIONS=50 BENCH_ROUNDS=3 node --import tsx bench/api.bench.ts
 *
 * The servers run in a child process (the five seed reports ingested into an in-memory store, read models in
 * memory SQLite, the projector caught up, anonymous reads as `npm start` has them), so autocannon in this
 * process does not share the servers' event loop. Aims: single read ≥ 0.5 × bare, 304 ≥ 0.7 × bare,
 * p99 < 10 ms at 50 connections.
 *
 * These machines are shared and their speed drifts by a third within a minute, so each API run is paired with
 * the bare run just before it and the ratio is taken per pair: the median of the pairs' ratios is reported with
 * their range. The servers' own CPU time per request (API and bare, and their ratio) is printed beside it: the
 * load generator shares the cores, and CPU per request is what the server controls.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { buildApp, defaultApiSettings } from '../services/api/build-app.ts';
import { ingestReport } from '../services/ingestion/ingest-report.ts';
import { createLogger } from '../services/logger.ts';
import { startProjector } from '../services/projector/start-projector.ts';
import { openReadModelDb } from '../services/read-models/schema.ts';
import { createMemoryStore } from '../services/store/memory-store.ts';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 5);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 50);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);

interface Ready {
  bare: string;
  api: string;
  commitmentId: string;
  etag: string;
  organisation: string;
}

async function serve(): Promise<void> {
  const logger = createLogger('silent');
  const store = createMemoryStore();
  const seeds = JSON.parse(readFileSync(new URL('../seeds/manifest.json', import.meta.url), 'utf8')) as { reports: Array<{ file: string }> };
  for (const seed of seeds.reports) {
    const text = readFileSync(new URL(`../seeds/${seed.file}`, import.meta.url), 'utf8');
    const result = await ingestReport({ store, clock: () => new Date() }, { type: 'IngestReport', text, sourceUri: seed.file });
    if (!result.ok) throw new Error(`seed ${seed.file} not ingested: ${result.error.message}`);
  }
  const readModels = openReadModelDb(':memory:');
  const projector = startProjector({ store, db: readModels, logger });
  await projector.caughtUp();
  const api = await buildApp({
    store,
    logger,
    readModels,
    projector,
    api: { ...defaultApiSettings, anonymousReads: true, rateLimit: { max: 1e9, windowMs: 60_000 } },
  });
  const bare = Fastify();
  bare.get('/constant', async () => ({ status: 'ok' }));
  const apiUrl = await api.listen({ port: 0, host: '127.0.0.1' });
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });

  // The commitment with the most targets and evidence: the heaviest single read the seeds offer.
  const page = await api.inject({ method: 'GET', url: '/commitments?limit=500' });
  const items = page.json().items as Array<{ id: string; organisation: string; targets: unknown[]; evidence: unknown[] }>;
  const heaviest = [...items].sort((a, b) => b.targets.length + b.evidence.length - (a.targets.length + a.evidence.length))[0];
  if (heaviest === undefined) throw new Error('the seeds gave no commitments');
  const one = await api.inject({ method: 'GET', url: `/commitments/${heaviest.id}` });
  const ready: Ready = { bare: bareUrl, api: apiUrl, commitmentId: heaviest.id, etag: one.headers.etag as string, organisation: heaviest.organisation };
  process.on('message', () => {
    const used = process.cpuUsage();
    process.send?.({ cpuMs: (used.user + used.system) / 1000 });
  });
  process.send?.(ready);
}

interface Figures {
  requestsPerSecond: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** The server process's CPU time per request answered, in microseconds. */
  serverCpuMicros: number;
}

let serverCpuMs: () => Promise<number> = async () => 0;

async function load(url: string, headers: Record<string, string> = {}): Promise<Figures> {
  const cpuBefore = await serverCpuMs();
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  const cpuAfter = await serverCpuMs();
  return {
    requestsPerSecond: result.requests.average,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    serverCpuMicros: (1000 * (cpuAfter - cpuBefore)) / Math.max(1, result.requests.total),
  };
}

function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted[Math.floor(sorted.length / 2)];
  if (middle === undefined) throw new Error('no runs');
  return middle;
}

function line(name: string, pairs: ReadonlyArray<{ api: Figures; bare: Figures }>, aim: number): string {
  const ratios = pairs.map(({ api, bare }) => api.requestsPerSecond / bare.requestsPerSecond);
  const ratio = medianOf(ratios);
  const apiRate = medianOf(pairs.map(({ api }) => api.requestsPerSecond));
  const bareRate = medianOf(pairs.map(({ bare }) => bare.requestsPerSecond));
  const apiP99 = medianOf(pairs.map(({ api }) => api.p99));
  const bareP99 = medianOf(pairs.map(({ bare }) => bare.p99));
  const apiCpu = medianOf(pairs.map(({ api }) => api.serverCpuMicros));
  const bareCpu = medianOf(pairs.map(({ bare }) => bare.serverCpuMicros));
  const flags = [ratio >= aim ? 'meets' : 'MISSES', `aim ≥ ${aim}`, apiP99 < 10 ? 'p99 < 10 ms' : 'p99 ≥ 10 ms'].join(', ');
  const failures = pairs.reduce((sum, { api }) => sum + api.errors + (name.includes('304') ? 0 : api.non2xx), 0);
  return (
    `${name}\n  api  ${apiRate.toFixed(0).padStart(7)} req/s  p99 ${String(apiP99).padStart(3)} ms  server CPU ${apiCpu.toFixed(0)} µs/request\n` +
    `  bare ${bareRate.toFixed(0).padStart(7)} req/s  p99 ${String(bareP99).padStart(3)} ms  server CPU ${bareCpu.toFixed(0)} µs/request\n` +
    `  ratio ${ratio.toFixed(2)} (median of ${ratios.length} pairs, ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}; ${flags}); ` +
    `CPU per request bare/api ${(bareCpu / apiCpu).toFixed(2)}` +
    (failures > 0 ? `  [${failures} errors or unexpected statuses]` : '')
  );
}

async function main(): Promise<void> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--serve'], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once('message', (message) => resolve(message as Ready));
    child.once('exit', (code) => reject(new Error(`server process exited with ${code}`)));
  });
  serverCpuMs = () =>
    new Promise<number>((resolve) => {
      child.once('message', (message) => resolve((message as { cpuMs: number }).cpuMs));
      child.send('cpu');
    });
  try {
    process.stdout.write(`api bench: ${CONNECTIONS} connections, ${SECONDS} s per run, commitment ${ready.commitmentId}\n`);
    const bare = `${ready.bare}/constant`;
    await load(bare); // warm-up of both servers' JIT
    await load(`${ready.api}/commitments/${ready.commitmentId}`);
    const runs: Array<[string, string, Record<string, string>, number]> = [
      ['GET /commitments/{id}', `${ready.api}/commitments/${ready.commitmentId}`, {}, 0.5],
      ['GET /commitments/{id} If-None-Match (304)', `${ready.api}/commitments/${ready.commitmentId}`, { 'if-none-match': ready.etag }, 0.7],
      ['GET /commitments?organisation=…', `${ready.api}/commitments?organisation=${encodeURIComponent(ready.organisation)}`, {}, 0],
    ];
    for (const [name, url, headers, aim] of runs) {
      // Bare and API alternate, ROUNDS times each; each API run is compared with the bare run just before it.
      const pairs: Array<{ api: Figures; bare: Figures }> = [];
      for (let round = 0; round < ROUNDS; round++) {
        const reference = await load(bare);
        pairs.push({ bare: reference, api: await load(url, headers) });
      }
      process.stdout.write(line(name, pairs, aim) + '\n');
    }
  } finally {
    child.kill();
  }
}

if (process.argv.includes('--serve')) await serve();
else await main();
