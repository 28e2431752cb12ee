import t from 'tap';
import { createMemoryStore } from '../../../services/store/memory-store.ts';
import { eventStoreContract } from './contract.ts';

eventStoreContract(t, async ({ clock }) => createMemoryStore(clock === undefined ? {} : { clock }), {
  stampsWithInjectedClock: true,
  refusesReusedEventIds: true,
});
