import { KeyedQueue } from './assignment-queue';
import type { CostRows } from './assignment-rows';

/**
 * Minimum-cost assignment where every row takes exactly one column and column j takes at most
 * capacities[j] rows, by shortest augmenting paths with potentials, one free row at a time, as
 * in Jonker–Volgenant (Computing 38, 1987): a cheap start, then a Dijkstra search per free row
 * that stops as soon as a column with room is at the current minimum distance.
 *
 * Capacities are handled as such, not by copying a column once per slot: the dual of a
 * capacity constraint is one price per column, shared by its slots. Invariants:
 * - no reduced cost (cost − row potential − column price) is negative, and every assigned row
 *   is tight on its column, so searches are Dijkstra's on non-negative lengths;
 * - a column with room has price 0 and ends any path that reaches it; only full columns are
 *   entered, and entering one reaches all its rows at once, at the same distance;
 * - prices only go down, and only on full columns. An assigned row's potential is not stored:
 *   it is its cost on its column minus that column's price.
 *
 * Rows are read lazily, one group of equal cost at a time (see CostRows): as prices are ≤ 0, a
 * group's cost bounds the length of every edge in it from below, so a group waits in the queue
 * at that bound and is opened only if the search gets that far. Most never are.
 */
export interface SearchState {
  readonly costs: CostRows;
  readonly capacities: Int32Array;
  readonly prices: Float64Array;
  readonly load: Int32Array;
  /** The rows on column j are slotRow[slotStart[j] .. slotStart[j] + load[j]). */
  readonly slotStart: Int32Array;
  readonly slotRow: Int32Array;
  readonly columnOf: Int32Array;
  readonly slotOf: Int32Array;
  /** What each placed row pays on its column. */
  readonly rowCost: Float64Array;
  // Per search; `seen` and `done` hold the number of the search that last wrote them, so
  // nothing needs clearing between searches.
  readonly distance: Float64Array;
  readonly seen: Int32Array;
  readonly done: Int32Array;
  readonly predecessor: Int32Array;
  readonly predecessorCost: Float64Array;
  readonly finalised: Int32Array;
  readonly rowDistance: Float64Array;
  readonly rowPotential: Float64Array;
  readonly nextGroup: Int32Array;
  readonly queue: KeyedQueue;
  searches: number;
}

export function createSearchState(costs: CostRows, capacities: Int32Array): SearchState {
  const rows = costs.firstGroup.length;
  const { columns } = costs;
  const slotStart = new Int32Array(columns + 1);
  for (let column = 0; column < columns; column++) {
    slotStart[column + 1] = (slotStart[column] as number) + (capacities[column] as number);
  }
  return {
    costs,
    capacities,
    prices: new Float64Array(columns),
    load: new Int32Array(columns),
    slotStart,
    slotRow: new Int32Array(slotStart[columns] as number),
    columnOf: new Int32Array(rows).fill(-1),
    slotOf: new Int32Array(rows).fill(-1),
    rowCost: new Float64Array(rows),
    distance: new Float64Array(columns),
    seen: new Int32Array(columns),
    done: new Int32Array(columns),
    predecessor: new Int32Array(columns),
    predecessorCost: new Float64Array(columns),
    finalised: new Int32Array(columns),
    rowDistance: new Float64Array(rows),
    rowPotential: new Float64Array(rows),
    nextGroup: new Int32Array(rows),
    queue: new KeyedQueue(columns),
    searches: 0,
  };
}

/** Puts a row into a fresh slot at the end of a column with room, or into the slot another row left. */
function place(state: SearchState, row: number, column: number, slot: number, cost: number): void {
  state.columnOf[row] = column;
  state.slotOf[row] = slot;
  state.slotRow[slot] = row;
  state.rowCost[row] = cost;
}

function openSlot(state: SearchState, column: number): number {
  const used = state.load[column] as number;
  state.load[column] = used + 1;
  return (state.slotStart[column] as number) + used;
}

/**
 * With all prices 0, a row on one of its cheapest columns is tight and leaves every reduced
 * cost non-negative: a valid start, which settles most rows without any search. Each row takes
 * the first of its cheapest columns (lowest index) with room. Returns the rows left free (all
 * their cheapest columns were full), in index order.
 */
export function placeOnCheapest(state: SearchState): number[] {
  const { capacities, load, costs } = state;
  const { rowMax, topStart, topColumns } = costs.scanned;
  const free: number[] = [];
  for (let row = 0; row < state.columnOf.length; row++) {
    let column = (rowMax[row] as number) < 0 ? costs.columns - 1 : -1;
    for (let position = topStart[row] as number, end = topStart[row + 1] as number; column < 0 && position < end; position++) {
      const candidate = topColumns[position] as number;
      if ((load[candidate] as number) < (capacities[candidate] as number)) column = candidate;
    }
    if (column < 0) free.push(row);
    else place(state, row, column, openSlot(state, column), costs.cheapestCost(row));
  }
  return free;
}

/**
 * Places a free row by the shortest path to a column with room, moving the rows along it, then
 * lowers the prices of the columns the search finalised so that the new assignment is tight
 * again. Queue items are columns (their tentative distance) and rows (the bound of their next
 * unread group); columns come first on equal keys, so a level is drained before rows are read on.
 */
export function placeByShortestPath(state: SearchState, freeRow: number): void {
  const { costs } = state;
  const { list, firstGroup, lastGroup, complete, columns } = costs;
  const { capacities, prices, load, slotStart, slotRow, rowCost, distance, seen, done } = state;
  const { predecessor, predecessorCost, finalised, rowDistance, rowPotential, nextGroup, queue } = state;
  const search = ++state.searches;
  queue.clear(0);
  // The free row's potential is taken as 0: distances are then its reduced path lengths.
  costs.touch(freeRow);
  rowDistance[freeRow] = 0;
  rowPotential[freeRow] = 0;
  nextGroup[freeRow] = firstGroup[freeRow] as number;
  queue.push(costs.groupCost[firstGroup[freeRow] as number] as number, columns + freeRow);
  let finalisedCount = 0;
  let sink = -1;
  let minimum = 0;
  while (sink < 0) {
    const item = queue.pop();
    const key = queue.poppedKey;
    // Unreachable while the unmatched column has room for every row; a loud stop beats a silent loop.
    if (item < 0) throw new Error('assignment: a search ran out of columns');
    if (item < columns) {
      if (done[item] === search || distance[item] !== key) continue;
      if ((load[item] as number) < (capacities[item] as number)) {
        sink = item;
        minimum = key;
        break;
      }
      // A full column is final: all its rows are reached at its distance.
      done[item] = search;
      finalised[finalisedCount++] = item;
      const price = prices[item] as number;
      const end = (slotStart[item] as number) + (load[item] as number);
      for (let slot = slotStart[item] as number; slot < end; slot++) {
        const row = slotRow[slot] as number;
        const potential = (rowCost[row] as number) - price;
        costs.touch(row);
        const group = firstGroup[row] as number;
        rowDistance[row] = key;
        rowPotential[row] = potential;
        nextGroup[row] = group;
        // A row's cheapest group may cost less than its own column: the bound is then below
        // the current distance, which no edge can beat anyway.
        queue.push(Math.max(key, key + (costs.groupCost[group] as number) - potential), columns + row);
      }
      continue;
    }
    const row = item - columns;
    let group = nextGroup[row] as number;
    if (group === lastGroup[row]) {
      // Past the cheapest group, which is all a row has at first: make the others, then wait
      // for the next one's real bound if it is farther than the guess it was queued at.
      costs.completeRow(row);
      group = (firstGroup[row] as number) + 1;
      nextGroup[row] = group;
      const bound = (rowDistance[row] as number) + (costs.groupCost[group] as number) - (rowPotential[row] as number);
      if (bound > key) {
        queue.push(bound, item);
        continue;
      }
    }
    const { groupBegin, groupEnd, groupCost } = costs;
    const cost = groupCost[group] as number;
    const base = (rowDistance[row] as number) + cost - (rowPotential[row] as number);
    const end = groupEnd[group] as number;
    for (let position = groupBegin[group] as number; position < end; position++) {
      // The unmatched column's group has no position in the list (see CostRows.UNMATCHED_BEGIN).
      const column = position < 0 ? columns - 1 : (list[position] as number);
      if (done[column] === search) continue;
      const length = base - (prices[column] as number);
      if (seen[column] !== search || length < (distance[column] as number)) {
        seen[column] = search;
        distance[column] = length;
        predecessor[column] = row;
        predecessorCost[column] = cost;
        // Room means price 0, so the length is the current minimum: no path can be shorter.
        if ((load[column] as number) < (capacities[column] as number)) {
          sink = column;
          minimum = length;
          break;
        }
        queue.push(length, column);
      }
    }
    if (sink >= 0) break;
    if (group + 1 < (lastGroup[row] as number)) {
      nextGroup[row] = group + 1;
      queue.push(Math.max(key, base + (groupCost[group + 1] as number) - cost), item);
    } else if (complete[row] === 0) {
      // Costs are integers: the next group costs at least one more.
      nextGroup[row] = group + 1;
      queue.push(Math.max(key, base + 1), item);
    }
  }
  // Finalised columns come closer by how much shorter than the path they were.
  for (let k = 0; k < finalisedCount; k++) {
    const column = finalised[k] as number;
    prices[column] = (prices[column] as number) + (distance[column] as number) - minimum;
  }
  flipPath(state, sink);
}

/** Each row on the path, from the column with room back to the free row, moves to the column that reached it. */
function flipPath(state: SearchState, sink: number): void {
  const { columnOf, slotOf, predecessor, predecessorCost } = state;
  let column = sink;
  let slot = openSlot(state, sink);
  for (;;) {
    const row = predecessor[column] as number;
    const previousColumn = columnOf[row] as number;
    const previousSlot = slotOf[row] as number;
    place(state, row, column, slot, predecessorCost[column] as number);
    if (previousColumn < 0) return;
    column = previousColumn;
    slot = previousSlot;
  }
}
