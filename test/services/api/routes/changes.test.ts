import t from 'tap';
import { bearer, buildTestApp, ledgerIds } from '../app-fixture.ts';

const [first, second] = ledgerIds.commitments;
const assess = (status: string) => ({
  method: 'POST' as const,
  url: `/commitments/${second}/assessments`,
  headers: { ...bearer('reviewer'), 'content-type': 'application/json' },
  payload: { status, reason: 'review' },
});

t.test('GET /changes pages the feed with its cursor; a malformed or unknown cursor is a 400', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const all = await app.inject({ method: 'GET', url: '/changes', headers: bearer('reader') });
  t.equal(all.statusCode, 200);
  const feed = all.json();
  t.ok(feed.items.length >= 3);
  t.same(feed.items.at(-1), { commitmentId: first, position: feed.items.at(-1).position, status: 'achieved' });
  t.equal(feed.hasMore, false);

  const page = await app.inject({ method: 'GET', url: '/changes?limit=2', headers: bearer('reader') });
  t.equal(page.json().hasMore, true);
  const rest = await app.inject({ method: 'GET', url: `/changes?cursor=${page.json().cursor}`, headers: bearer('reader') });
  t.same([...page.json().items, ...rest.json().items], feed.items, 'pages join up with nothing lost or repeated');

  const nothingNew = await app.inject({ method: 'GET', url: `/changes?cursor=${feed.cursor}`, headers: bearer('reader') });
  t.same(nothingNew.json(), { items: [], cursor: feed.cursor, hasMore: false }, 'an up-to-date cursor comes back unchanged');

  const future = Buffer.from(JSON.stringify(['changes', 'ffffffffffffffff.ffffffffffffffff', 'x'])).toString('base64url');
  for (const cursor of ['%%%', 'bm90LWEtY3Vyc29y', future]) {
    const refused = await app.inject({ method: 'GET', url: `/changes?cursor=${cursor}`, headers: bearer('reader') });
    t.equal(refused.statusCode, 400, cursor);
    t.match(refused.json(), { type: 'https://plan-ledger.dev/problems/invalid-cursor', field: 'query.cursor' });
  }
  const tooLong = await app.inject({ method: 'GET', url: '/changes?wait=31', headers: bearer('reader') });
  t.equal(tooLong.statusCode, 400);
});

t.test('a long poll is held until a write changes a commitment, then answers with the change', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const cursor = (await app.inject({ method: 'GET', url: '/changes', headers: bearer('reader') })).json().cursor;
  const started = Date.now();
  const held = app.inject({ method: 'GET', url: `/changes?cursor=${cursor}&wait=20`, headers: bearer('reader') });
  await new Promise((resolve) => setTimeout(resolve, 200));
  t.equal((await app.inject(assess('achieved'))).statusCode, 201);
  const answered = await held;
  t.ok(Date.now() - started < 10_000, 'woken by the write, not by the timeout');
  t.match(answered.json(), { items: [{ commitmentId: second, status: 'achieved' }] });

  const quiet = await app.inject({ method: 'GET', url: `/changes?cursor=${answered.json().cursor}&wait=0.3`, headers: bearer('reader') });
  t.same(quiet.json().items, [], 'nothing changed: an empty page after the wait');
});

interface SseMessage {
  id: string | null;
  event: string | null;
  data: string | null;
  comment: boolean;
}

async function readSse(url: string, headers: Record<string, string>, until: (messages: SseMessage[]) => boolean): Promise<{ status: number; contentType: string | null; messages: SseMessage[] }> {
  const abort = new AbortController();
  const response = await fetch(url, { headers, signal: abort.signal });
  const messages: SseMessage[] = [];
  if (response.body === null) return { status: response.status, contentType: response.headers.get('content-type'), messages };
  const decoder = new TextDecoder();
  let buffer = '';
  const reader = response.body.getReader();
  try {
    while (!until(messages)) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const message: SseMessage = { id: null, event: null, data: null, comment: false };
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) message.comment = true;
          else if (line.startsWith('id: ')) message.id = line.slice(4);
          else if (line.startsWith('event: ')) message.event = line.slice(7);
          else if (line.startsWith('data: ')) message.data = line.slice(6);
        }
        messages.push(message);
      }
    }
  } finally {
    abort.abort();
  }
  return { status: response.status, contentType: response.headers.get('content-type'), messages };
}

t.test('GET /changes/stream sends the feed as SSE, with heartbeats, and resumes from Last-Event-ID', async (t) => {
  const { app } = await buildTestApp({}, { sseHeartbeatMs: 100 });
  t.teardown(() => app.close());
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const total = (await app.inject({ method: 'GET', url: '/changes', headers: bearer('reader') })).json().items.length as number;
  const changes = (messages: SseMessage[]) => messages.filter((message) => message.event === 'change');

  const opening = await readSse(`${base}/changes/stream`, bearer('reader'), (messages) => changes(messages).length >= total && messages.some((m) => m.comment));
  t.equal(opening.status, 200);
  t.equal(opening.contentType, 'text/event-stream; charset=utf-8');
  t.equal(changes(opening.messages).length, total, 'the whole feed so far');
  t.ok(opening.messages.some((message) => message.comment), 'a heartbeat comment arrived');

  const resumeAt = changes(opening.messages)[total - 2]?.id;
  t.type(resumeAt, 'string');
  const live = readSse(`${base}/changes/stream`, { ...bearer('reader'), 'last-event-id': resumeAt as string }, (messages) => changes(messages).length >= 2);
  await new Promise((resolve) => setTimeout(resolve, 200));
  await app.inject(assess('not_achieved'));
  const resumed = changes((await live).messages);
  t.same(resumed[0], changes(opening.messages)[total - 1], 'resumes right after the last event the client saw');
  t.match(JSON.parse(resumed[1]?.data ?? '{}'), { commitmentId: second, status: 'not_achieved' }, 'then live changes');

  const refused = await fetch(`${base}/changes/stream`, { headers: { ...bearer('reader'), 'last-event-id': 'nonsense' } });
  t.equal(refused.status, 400);
  t.match(await refused.json(), { type: 'https://plan-ledger.dev/problems/invalid-cursor', field: 'header.last-event-id' });
});
