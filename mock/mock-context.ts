/**
 * The state one running mock shares between its routes.
 */
import { SimulatedClock } from './clock.ts';
import { Authenticator } from './authenticate.ts';
import { InstanceStore } from './instance-store.ts';
import { TokenBook } from './oauth-tokens.ts';
import type { MockOptions } from './options.ts';

export class MockContext {
  readonly clock: SimulatedClock;
  readonly tokens = new TokenBook();
  readonly authenticator: Authenticator;
  readonly store: InstanceStore;

  constructor(readonly options: MockOptions) {
    this.clock = new SimulatedClock(options.clockStart);
    this.authenticator = new Authenticator(options.world, this.tokens);
    this.store = new InstanceStore(options.transitionMs);
  }

  hasFault(id: Parameters<MockOptions['faults']['has']>[0]): boolean {
    return this.options.faults.has(id);
  }
}
