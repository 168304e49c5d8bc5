import { backoffMs } from '../../src/outbox/sender';
import {
  SlidingWindowLimiter,
  TEAMS_CONVERSATION_WINDOWS,
  TEAMS_TENANT_WINDOWS,
} from '../../src/outbox/rateLimiter';

describe('Teams’ limits: per conversation 7/1 s, 8/2 s, 60/30 s, 1800/h; 50/s per tenant', () => {
  it('lets 7 messages through in the first second, the 8th waits for the 1-second window', () => {
    const l = new SlidingWindowLimiter(TEAMS_CONVERSATION_WINDOWS);
    const slots = Array.from({ length: 8 }, () => l.reserve('conv', 0));
    expect(slots.slice(0, 7)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(slots[7]).toBe(1000);
  });

  it('holds the 9th message until the 2-second window allows it (8 per 2 s)', () => {
    const l = new SlidingWindowLimiter(TEAMS_CONVERSATION_WINDOWS);
    const slots = Array.from({ length: 9 }, () => l.reserve('conv', 0));
    expect(slots[8]).toBe(2000);
  });

  it('tells the slot a message would get without booking it', () => {
    const l = new SlidingWindowLimiter(TEAMS_CONVERSATION_WINDOWS);
    for (let i = 0; i < 7; i++) l.reserve('conv', 0);
    expect(l.earliest('conv', 0)).toBe(1000);
    expect(l.earliest('conv', 0)).toBe(1000);
    expect(l.reserve('conv', 0)).toBe(1000);
    expect(l.earliest('conv', 1000)).toBe(2000); // now 8 in 2 s
  });

  it('keeps conversations apart', () => {
    const l = new SlidingWindowLimiter(TEAMS_CONVERSATION_WINDOWS);
    for (let i = 0; i < 7; i++) l.reserve('a', 0);
    expect(l.reserve('b', 0)).toBe(0);
  });

  it('allows 50 per second per tenant and no more', () => {
    const l = new SlidingWindowLimiter(TEAMS_TENANT_WINDOWS);
    const slots = Array.from({ length: 101 }, () => l.reserve('tenant', 0));
    expect(slots.filter((s) => s === 0)).toHaveLength(50);
    expect(slots.filter((s) => s === 1000)).toHaveLength(50);
    expect(slots[100]).toBe(2000);
  });
});

describe('retry backoff', () => {
  it('never waits less than Retry-After', () => {
    expect(backoffMs(1, 5000, () => 0)).toBe(5000);
  });
  it('grows exponentially with jitter and is capped at 5 minutes', () => {
    expect(backoffMs(1, null, () => 0)).toBe(500);
    expect(backoffMs(1, null, () => 1)).toBe(1500);
    expect(backoffMs(4, null, () => 1)).toBe(8500);
    expect(backoffMs(4, null, () => 0.5)).toBe(4500);
    expect(backoffMs(30, null, () => 1)).toBe(300_000);
    expect(backoffMs(1, 900_000, () => 1)).toBe(300_000);
  });
});

describe('settling a booking at the time the send completed', () => {
  it('measures the window from completion, since the service counts arrivals', () => {
    const l = new SlidingWindowLimiter([{ limit: 2, ms: 1000 }]);
    const a = l.reserve('t', 0);
    const b = l.reserve('t', 0);
    l.settle('t', a, 300);
    l.settle('t', b, 400);
    expect(l.reserve('t', 500)).toBe(1300);
  });
  it('never moves a booking earlier, and ignores a booking it does not hold', () => {
    const l = new SlidingWindowLimiter([{ limit: 1, ms: 1000 }]);
    const a = l.reserve('t', 100);
    l.settle('t', a, 50);
    l.settle('t', 12345, 999);
    expect(l.reserve('t', 100)).toBe(1100);
  });
});
