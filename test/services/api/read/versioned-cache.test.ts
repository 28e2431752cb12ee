import t from 'tap';
import { createVersionedCache } from '../../../../services/api/read/versioned-cache.ts';

const bytes = (text: string): Buffer => Buffer.from(text);
const text = (body: Buffer | undefined): string | undefined => body?.toString('utf8');

t.test('given a cached body, a read at another version misses', async (t) => {
  const cache = createVersionedCache(10);
  cache.set('c1', 'v1', bytes('{"status":"pending"}'));
  t.equal(text(cache.get('c1', 'v1')), '{"status":"pending"}');
  t.equal(cache.get('c1', 'v2'), undefined, 'a newer version is never served the old body');
  cache.set('c1', 'v2', bytes('{"status":"achieved"}'));
  t.equal(cache.get('c1', 'v1'), undefined, 'the old version is replaced');
  t.equal(text(cache.get('c1', 'v2')), '{"status":"achieved"}');
});

t.test('given a full cache, the least recently used entry is evicted first', async (t) => {
  const cache = createVersionedCache(2);
  cache.set('a', '1', bytes('A'));
  cache.set('b', '1', bytes('B'));
  t.equal(text(cache.get('a', '1')), 'A', 'reading a makes b the least recently used');
  cache.set('c', '1', bytes('C'));
  t.equal(cache.get('b', '1'), undefined);
  t.equal(text(cache.get('a', '1')), 'A');
  t.equal(text(cache.get('c', '1')), 'C');
});
