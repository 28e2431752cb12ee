import t from 'tap';
import { pino } from 'pino';
import { ingestSeedReports } from '../../seeds/load-seeds.ts';
import { createMemoryStore } from '../../services/store/memory-store.ts';
import { collect } from '../services/events/collect.ts';

const logger = pino({ level: 'silent' });
const clock = () => new Date('2026-03-01T00:00:00.000Z');

t.test('every seed is ingested on the first start, and a restart changes nothing', async (t) => {
  const store = createMemoryStore();
  const first = await ingestSeedReports(store, { logger, clock });
  t.same(first.map(({ file }) => file), [
    'guangzhou-haizhu-civil-affairs-2017-review-2018-plan.txt',
    'ningbo-haishu-civil-affairs-2015-review-2016-plan.txt',
    'shenzhen-civil-affairs-2007-review.txt',
    'shenzhen-longhua-civil-affairs-2021-review-2022-plan.txt',
    'shenzhen-luohu-civil-affairs-2017-review.txt',
  ]);
  t.ok(first.every(({ result }) => result.ok && !result.alreadyIngested));
  const events = (await collect(store.readAll())).length;
  t.equal((await collect(store.readCategory('report'))).length, 5);

  const second = await ingestSeedReports(store, { logger, clock });
  t.ok(second.every(({ result }) => result.ok && result.alreadyIngested));
  t.equal((await collect(store.readAll())).length, events);
  const reports = await collect(store.readCategory('report'));
  t.equal(reports[0]?.data['source'], 'seeds/guangzhou-haizhu-civil-affairs-2017-review-2018-plan.txt');
});
