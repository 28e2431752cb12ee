import t from 'tap';
import { openEventStoreDbStore } from '../../../services/store/eventstoredb-store.ts';
import { eventStoreContract } from './contract.ts';

const connectionString = process.env['EVENTSTORE_CONNECTION_STRING'];

if (connectionString === undefined || connectionString === '') {
  t.comment('EventStoreDB contract SKIPPED: EVENTSTORE_CONNECTION_STRING is not set (no server on this machine).');
  t.comment('Run it with e.g. EVENTSTORE_CONNECTION_STRING="esdb://localhost:2113?tls=false" npx tap test/services/store/eventstoredb-store.test.ts');
  t.skip('EventStoreDB contract suite: EVENTSTORE_CONNECTION_STRING is not set', () => {});
  t.test('the EventStoreDB store module loads with the installed client', async (t) => {
    t.type(openEventStoreDbStore, 'function');
    // Parsing the connection string does not connect; closing releases the (idle) client.
    const store = openEventStoreDbStore({ connectionString: 'esdb://127.0.0.1:1?tls=false' });
    await store.close();
    await t.rejects(store.ping(), { name: 'StoreClosed' }, 'a closed store refuses work');
  });
} else {
  // Streams and categories are uniquely named per test, so the suite runs on a server that already holds events.
  eventStoreContract(t, async () => openEventStoreDbStore({ connectionString }), {
    stampsWithInjectedClock: false,
    refusesReusedEventIds: false,
  });
}
