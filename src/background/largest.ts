// Which key (a site) is the largest by some measure, without a scan of every key: a max-heap of
// (size, key) entries pushed on every change, where an entry whose size is no longer the key's is
// dropped when met. A change costs O(log n); the heap is rebuilt when stale entries outnumber the
// live ones, which keeps it within a constant factor of the keys.
export class Largest<K> {
  private heap: { size: number; key: K }[] = [];

  constructor(private readonly sizeOf: (key: K) => number, private readonly liveKeys: () => Iterable<K>, private readonly liveCount: () => number) {}

  /** The key's size changed (or it appeared, or went: a key of size 0 is never the largest). */
  changed(key: K): void {
    const size = this.sizeOf(key);
    if (size > 0) this.push({ size, key });
    if (this.heap.length > 2 * this.liveCount() + 64) this.rebuild();
  }

  /** The largest key (of size > 0), or undefined. */
  top(): K | undefined {
    for (;;) {
      const first = this.heap[0];
      if (first === undefined) return undefined;
      // Entries are pushed with a size > 0 only, on every change: one whose size is no longer its
      // key's is stale, and the key's current entry (if it has a size) is in the heap already.
      if (this.sizeOf(first.key) === first.size) return first.key;
      this.pop();
    }
  }

  clear(): void {
    this.heap = [];
  }

  private rebuild(): void {
    this.heap = [];
    for (const key of this.liveKeys()) {
      const size = this.sizeOf(key);
      if (size > 0) this.push({ size, key });
    }
  }

  private push(entry: { size: number; key: K }): void {
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const up = heap[parent] as { size: number; key: K };
      if (up.size >= entry.size) break;
      heap[i] = up;
      i = parent;
    }
    heap[i] = entry;
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap.pop();
    if (last === undefined || heap.length === 0) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && (heap[right] as { size: number }).size > (heap[left] as { size: number }).size ? right : left;
      const down = heap[child] as { size: number; key: K };
      if (down.size <= last.size) break;
      heap[i] = down;
      i = child;
    }
    heap[i] = last;
  }
}
