/**
 * The mock's simulated clock: it starts at a chosen instant and runs at real speed, so that
 * CREATING turns into IDLE after real seconds while the era stays the chosen one.
 */
export class SimulatedClock {
  private offsetMs: number;

  constructor(start: Date) {
    this.offsetMs = start.getTime() - Date.now();
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  set(instant: Date): void {
    this.offsetMs = instant.getTime() - Date.now();
  }
}

/** The mock's default era: the endpoint works as documented, with deprecation headers. */
export const defaultMockClockStart = new Date('2025-12-15T00:00:00Z');
