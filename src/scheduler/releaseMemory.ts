import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * A morning's planning pass builds and drops thousands of cards and rows at once. V8 keeps the heap
 * it grew for them until some later collection, so a server that is idle for the rest of the day
 * would hold that garbage, about 100 MB at 10,000 cases (docs/performance.md "Memory"). After such
 * a pass one full collection gives the memory back. Node exposes `gc` only behind a V8 flag, which
 * can be turned on at run time; the function is then taken from a fresh context.
 */
let collect: (() => void) | null = null;

export function releaseMemory(): void {
  if (!collect) {
    v8.setFlagsFromString('--expose-gc');
    collect = vm.runInNewContext('gc') as () => void;
  }
  collect();
}

/** A pass that planned at least this many messages is followed by a collection. */
export const RELEASE_AFTER_PLANNED = 1000;
