// The one clock of Sammen. Every "now" in the server, the demo and the background jobs comes from a
// Clock, so tests can fix or move time instead of depending on the hour they run.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until moved: for tests and for replaying a day. */
export class FixedClock implements Clock {
  private at: number;

  constructor(at: Date | string) {
    this.at = new Date(at).getTime();
    if (Number.isNaN(this.at)) throw new Error(`Not an instant: ${String(at)}`);
  }

  now(): Date {
    return new Date(this.at);
  }

  set(at: Date | string): void {
    this.at = new Date(at).getTime();
  }

  advance(ms: number): void {
    this.at += ms;
  }
}
