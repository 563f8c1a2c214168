/**
 * The search's priority queue. Keys are integers and never go below the last key popped
 * (Dijkstra's order), so keys within a window above it live in buckets, one list per key, with
 * O(1) push and pop (Dial's queue); the rare farther keys wait in a binary heap until the window
 * reaches them. Equal keys come out columns first (a level is drained before any row is read
 * further), then in the order they were pushed: the order is fixed, so every decision taken
 * from it is the same on every run, and among equally short paths the one found first wins.
 */
const WINDOW = 1024;

export class KeyedQueue {
  /** Item ids below this are columns, the others rows. */
  private readonly firstRow: number;
  /** Key of the first bucket; keys in [base, base + WINDOW) are in buckets. */
  private base = 0;
  private cursor = 0;
  private readonly columnHead = new Int32Array(WINDOW).fill(-1);
  private readonly columnTail = new Int32Array(WINDOW);
  private readonly rowHead = new Int32Array(WINDOW).fill(-1);
  private readonly rowTail = new Int32Array(WINDOW);
  private next = new Int32Array(1024);
  private items = new Int32Array(1024);
  private used = 0;
  private inBuckets = 0;
  private readonly far = new FarHeap();
  /** The key of the item `pop` returned last. */
  poppedKey = 0;

  constructor(firstRow: number) {
    this.firstRow = firstRow;
  }

  /** Empties the queue; the next pushes may start from any key. */
  clear(start: number): void {
    if (this.inBuckets > 0) {
      this.columnHead.fill(-1);
      this.rowHead.fill(-1);
    }
    this.inBuckets = 0;
    this.used = 0;
    this.far.clear();
    this.base = start;
    this.cursor = 0;
  }

  /** `key` must be an integer not below the last key popped. */
  push(key: number, item: number): void {
    const offset = key - this.base;
    if (offset >= WINDOW) {
      this.far.push(key, item);
      return;
    }
    if (this.used === this.next.length) this.grow();
    const entry = this.used++;
    this.items[entry] = item;
    this.next[entry] = -1;
    const isColumn = item < this.firstRow;
    const heads = isColumn ? this.columnHead : this.rowHead;
    const tails = isColumn ? this.columnTail : this.rowTail;
    if ((heads[offset] as number) < 0) heads[offset] = entry;
    else this.next[tails[offset] as number] = entry;
    tails[offset] = entry;
    this.inBuckets += 1;
  }

  /** Removes and returns an item of the smallest key (in `poppedKey`); -1 when empty. */
  pop(): number {
    if (this.inBuckets === 0) {
      if (this.far.isEmpty) return -1;
      this.refill();
    }
    const { columnHead, rowHead } = this;
    let cursor = this.cursor;
    while ((columnHead[cursor] as number) < 0 && (rowHead[cursor] as number) < 0) cursor += 1;
    this.cursor = cursor;
    const heads = (columnHead[cursor] as number) >= 0 ? columnHead : rowHead;
    const entry = heads[cursor] as number;
    heads[cursor] = this.next[entry] as number;
    this.inBuckets -= 1;
    this.poppedKey = this.base + cursor;
    return this.items[entry] as number;
  }

  /** The window moves to the nearest far key; the far keys it now covers move into buckets. */
  private refill(): void {
    this.used = 0;
    this.cursor = 0;
    this.base = this.far.minimumKey;
    while (!this.far.isEmpty && this.far.minimumKey - this.base < WINDOW) {
      const key = this.far.minimumKey;
      this.push(key, this.far.pop());
    }
  }

  private grow(): void {
    const next = new Int32Array(this.next.length * 2);
    next.set(this.next);
    this.next = next;
    const items = new Int32Array(this.items.length * 2);
    items.set(this.items);
    this.items = items;
  }
}

const precedes = (key: number, order: number, otherKey: number, otherOrder: number) =>
  key < otherKey || (key === otherKey && order < otherOrder);

/** A plain binary min-heap of (key, item); equal keys come out in the order they went in. */
class FarHeap {
  private keys = new Float64Array(64);
  private items = new Int32Array(64);
  private order = new Float64Array(64);
  private size = 0;
  private pushes = 0;

  get isEmpty(): boolean {
    return this.size === 0;
  }

  get minimumKey(): number {
    return this.keys[0] as number;
  }

  clear(): void {
    this.size = 0;
    this.pushes = 0;
  }

  push(key: number, item: number): void {
    if (this.size === this.keys.length) this.grow();
    const order = this.pushes++;
    let at = this.size++;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!precedes(key, order, this.keys[parent] as number, this.order[parent] as number)) break;
      this.move(parent, at);
      at = parent;
    }
    this.put(at, key, item, order);
  }

  pop(): number {
    const { keys, order } = this;
    const top = this.items[0] as number;
    const size = --this.size;
    const lastKey = keys[size] as number;
    const lastItem = this.items[size] as number;
    const lastOrder = order[size] as number;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      const right = child + 1;
      if (right < size && precedes(keys[right] as number, order[right] as number, keys[child] as number, order[child] as number)) {
        child = right;
      }
      if (!precedes(keys[child] as number, order[child] as number, lastKey, lastOrder)) break;
      this.move(child, at);
      at = child;
    }
    this.put(at, lastKey, lastItem, lastOrder);
    return top;
  }

  private move(from: number, to: number): void {
    this.put(to, this.keys[from] as number, this.items[from] as number, this.order[from] as number);
  }

  private put(at: number, key: number, item: number, order: number): void {
    this.keys[at] = key;
    this.items[at] = item;
    this.order[at] = order;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    this.keys = keys;
    const items = new Int32Array(this.items.length * 2);
    items.set(this.items);
    this.items = items;
    const order = new Float64Array(this.order.length * 2);
    order.set(this.order);
    this.order = order;
  }
}
