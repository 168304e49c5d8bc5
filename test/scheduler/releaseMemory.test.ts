import { releaseMemory } from '../../src/scheduler/releaseMemory';

describe('releasing memory after a large planning pass (docs/performance.md "Memory")', () => {
  it('runs a full collection: an object nothing refers to any more is gone afterwards', async () => {
    let ref: WeakRef<object> | undefined;
    (() => {
      ref = new WeakRef({ rows: new Array(10_000).fill('x') });
    })();
    // A WeakRef's target is kept until the current job ends.
    await new Promise((r) => setImmediate(r));
    releaseMemory();
    expect(ref!.deref()).toBeUndefined();
  });

  it('can be called again', () => {
    expect(() => releaseMemory()).not.toThrow();
  });
});
