/** Every rule that depends on "now" takes a Clock, so tests and the demo can run at any date. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(at: Date | string): Clock {
  const t = typeof at === 'string' ? new Date(at) : at;
  return { now: () => new Date(t.getTime()) };
}

/** A clock that starts at `start` and then runs at wall-clock speed (SAMSPIL_NOW for demos). */
export function offsetClock(start: Date, base: Clock = systemClock): Clock {
  const delta = start.getTime() - base.now().getTime();
  return { now: () => new Date(base.now().getTime() + delta) };
}

/** A clock a test can move. */
export class ManualClock implements Clock {
  private t: number;
  constructor(at: Date | string) {
    this.t = new Date(at).getTime();
  }
  now(): Date {
    return new Date(this.t);
  }
  set(at: Date | string): void {
    this.t = new Date(at).getTime();
  }
  advance(ms: number): void {
    this.t += ms;
  }
}
