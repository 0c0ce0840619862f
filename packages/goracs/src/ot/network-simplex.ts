/**
 * Transportation network simplex (internal engine behind `emd`).
 *
 * Nodes 0..n−1 are sources (rows), n..n+m−1 are sinks (columns) and n + m is an artificial root;
 * arc e = i·m + j goes from source i to sink n + j with cost C[e] and no upper bound, and arc
 * n·m + u joins node u to the root (source → root at cost 0, root → sink at cost `art`). The
 * basis is a spanning tree rooted at the root, stored as parent / pred-arc / direction plus a
 * preorder thread (`thread`, `revThread`), subtree sizes (`succNum`) and the last node of each
 * subtree (`lastSucc`), so a pivot touches only the cycle and the re-rooted subtree. Flows are kept per tree node (the flow
 * on the arc to its parent): every non-tree arc of an uncapacitated problem carries zero flow, so
 * no array of size n·m is needed besides the cost matrix itself.
 *
 * The start is the artificial star (every node hangs on the root, as in LEMON and POT), a strongly
 * feasible tree: every zero-flow arc points toward the root. The leaving-arc rule below (last
 * blocking arc of the cycle from the apex) keeps it strongly feasible, which rules out cycling.
 * Because the graph is complete bipartite, an artificial cost above max C already forces every
 * artificial flow to zero at the optimum (a source sending to the root and a sink fed by it can
 * always be joined directly for less), so `art` = max C + max(1, max|C|) instead of the usual
 * (max|C| + 1)·(n + m): the potentials stay at the scale of the costs and the duals keep their
 * precision. Pricing is block search (as in LEMON and POT): scan blocks of ⌈√(n·m)⌉ arcs
 * cyclically and take the most negative reduced cost of the first block that has one.
 */

/** Direction of a node's tree arc: UP = the arc goes from the node to its parent. */
const UP = 1;
const DOWN = -1;

/** Solver state; a copy of it is a valid warm start for any cost matrix of the same shape. */
export interface TransportTree {
  readonly n: number;
  readonly m: number;
  readonly supply: Float64Array;
  readonly demand: Float64Array;
  readonly parent: Int32Array;
  readonly pred: Int32Array;
  readonly dir: Int8Array;
  readonly flow: Float64Array;
  readonly thread: Int32Array;
  readonly revThread: Int32Array;
  readonly succNum: Int32Array;
  readonly lastSucc: Int32Array;
}

export interface SimplexOutcome {
  readonly tree: TransportTree;
  /** Node potentials: reduced cost of arc (i, j) is C_ij + pi_i − pi_{n+j}. */
  readonly pi: Float64Array;
  readonly iterations: number;
  /** False when the pivot cap was hit before optimality. */
  readonly optimal: boolean;
}

/** The artificial star: each source sends its supply to the root, the root feeds each sink. */
export function artificialTree(supply: Float64Array, demand: Float64Array): TransportTree {
  const n = supply.length;
  const m = demand.length;
  const root = n + m;
  const size = root + 1;
  const arcs = n * m;
  const parent = new Int32Array(size);
  const pred = new Int32Array(size);
  const dir = new Int8Array(size);
  const flow = new Float64Array(size);
  const thread = new Int32Array(size);
  const revThread = new Int32Array(size);
  const succNum = new Int32Array(size).fill(1);
  const lastSucc = new Int32Array(size);
  for (let u = 0; u < root; u++) {
    parent[u] = root;
    pred[u] = arcs + u;
    dir[u] = u < n ? UP : DOWN;
    flow[u] = u < n ? supply[u] : demand[u - n];
    lastSucc[u] = u;
  }
  parent[root] = -1;
  pred[root] = -1;
  succNum[root] = size;
  lastSucc[root] = root - 1;
  // Preorder: root, 0, 1, …, n + m − 1, back to the root.
  for (let u = 0; u < size; u++) {
    const next = u === root ? 0 : u + 1;
    thread[u] = next;
    revThread[next] = u;
  }
  return {
    n,
    m,
    supply: supply.slice(),
    demand: demand.slice(),
    parent,
    pred,
    dir,
    flow,
    thread,
    revThread,
    succNum,
    lastSucc,
  };
}

export function cloneTree(t: TransportTree): TransportTree {
  return {
    n: t.n,
    m: t.m,
    supply: t.supply,
    demand: t.demand,
    parent: t.parent.slice(),
    pred: t.pred.slice(),
    dir: t.dir.slice(),
    flow: t.flow.slice(),
    thread: t.thread.slice(),
    revThread: t.revThread.slice(),
    succNum: t.succNum.slice(),
    lastSucc: t.lastSucc.slice(),
  };
}

/** Potentials making every tree arc's reduced cost zero, with pi(root) = 0 (one preorder pass). */
export function treePotentials(
  t: TransportTree,
  cost: Float64Array,
  art: number,
  pi: Float64Array,
): void {
  const { n, m, parent, pred, dir, thread } = t;
  const root = n + m;
  const arcs = n * m;
  pi[root] = 0;
  let u = thread[root];
  for (let k = 0; k < root; k++) {
    const e = pred[u];
    const c = e < arcs ? cost[e] : u < n ? 0 : art;
    pi[u] = pi[parent[u]] - dir[u] * c;
    u = thread[u];
  }
}

/**
 * Runs pivots on `tree` (mutated in place) until no arc has reduced cost below −tol, or until
 * `maxIterations` pivots. Potentials are rebuilt from the tree every n + m pivots and before
 * optimality is declared, so rounding drift in the incremental updates never decides the result.
 */
export function runSimplex(
  tree: TransportTree,
  cost: Float64Array,
  art: number,
  tol: number,
  maxIterations: number,
): SimplexOutcome {
  const { n, m, parent, pred, dir, flow, thread, revThread, succNum, lastSucc } = tree;
  const size = n + m + 1;
  const arcs = n * m;
  const pi = new Float64Array(size);
  const piV = pi.subarray(n, n + m);
  treePotentials(tree, cost, art, pi);
  const block = Math.min(arcs, Math.max(Math.ceil(Math.sqrt(arcs)), 10));
  // Scratch for the stem (path from the entering node to the leaving node).
  const stem = new Int32Array(size);
  const sLast = new Int32Array(size);
  const sRev = new Int32Array(size);
  const sAfter = new Int32Array(size);
  const sSucc = new Int32Array(size);
  const sPred = new Int32Array(size);
  const sDir = new Int8Array(size);
  const sFlow = new Float64Array(size);

  // Where the next pricing scan starts: [row, column].
  const cursor = new Int32Array(2);
  let iterations = 0;
  let sinceRefresh = 0;
  let fresh = true;

  for (;;) {
    // ---- pricing: block search over arcs in row-major order, starting where the last ended.
    const best = priceBlock(cost, pi, piV, pred, n, m, block, tol, cursor);
    if (best < 0) {
      if (fresh) return { tree, pi, iterations, optimal: true };
      // Confirm with potentials rebuilt from scratch before declaring optimality.
      treePotentials(tree, cost, art, pi);
      sinceRefresh = 0;
      fresh = true;
      continue;
    }
    if (iterations >= maxIterations) return { tree, pi, iterations, optimal: false };
    iterations++;

    // ---- cycle: entering arc source → sink, apex = lowest common ancestor.
    const inArc = best;
    const first = (inArc / m) | 0;
    const second = n + (inArc - first * m);
    let a = first;
    let b = second;
    while (a !== b) {
      if (succNum[a] < succNum[b]) a = parent[a];
      else b = parent[b];
    }
    const join = a;

    // ---- leaving arc: the last blocking arc met when walking the cycle from the apex.
    let delta = Infinity;
    let uOut = -1;
    let side = 0;
    for (let u = first; u !== join; u = parent[u]) {
      if (dir[u] === UP && flow[u] < delta) {
        delta = flow[u];
        uOut = u;
        side = 1;
      }
    }
    for (let u = second; u !== join; u = parent[u]) {
      if (dir[u] === DOWN && flow[u] <= delta) {
        delta = flow[u];
        uOut = u;
        side = 2;
      }
    }
    if (delta > 0) {
      for (let u = first; u !== join; u = parent[u]) flow[u] -= dir[u] * delta;
      for (let u = second; u !== join; u = parent[u]) flow[u] += dir[u] * delta;
    }
    const uIn = side === 1 ? first : second;
    const vIn = side === 1 ? second : first;

    // ---- tree update. (a) Cut the subtree T of uOut out of the thread.
    const vOut = parent[uOut];
    const sizeT = succNum[uOut];
    const lastT = lastSucc[uOut];
    const before = revThread[uOut];
    const after = thread[lastT];
    thread[before] = after;
    revThread[after] = before;
    for (let u = vOut; u !== -1 && lastSucc[u] === lastT; u = parent[u]) lastSucc[u] = before;
    for (let u = vOut; u !== join; u = parent[u]) succNum[u] -= sizeT;

    // (b) Re-root T at uIn. The stem s0 = uIn, s1 = parent(s0), …, sk = uOut reverses; the new
    // preorder is block(s0), then for each i ≥ 1 the part of block(si) outside block(s(i−1)).
    let k = 0;
    for (let u = uIn; ; u = parent[u]) {
      stem[k] = u;
      sLast[k] = lastSucc[u];
      sRev[k] = revThread[u];
      sAfter[k] = thread[lastSucc[u]];
      sSucc[k] = succNum[u];
      sPred[k] = pred[u];
      sDir[k] = dir[u];
      sFlow[k] = flow[u];
      if (u === uOut) break;
      k++;
    }
    let tail = sLast[0];
    for (let s = 1; s <= k; s++) {
      const node = stem[s];
      thread[tail] = node;
      revThread[node] = tail;
      if (sLast[s - 1] !== sLast[s]) {
        const aEnd = sRev[s - 1];
        const bStart = sAfter[s - 1];
        thread[aEnd] = bStart;
        revThread[bStart] = aEnd;
        tail = sLast[s];
      } else {
        tail = sRev[s - 1];
      }
    }
    for (let s = 1; s <= k; s++) {
      const node = stem[s];
      parent[node] = stem[s - 1];
      pred[node] = sPred[s - 1];
      dir[node] = -sDir[s - 1];
      flow[node] = sFlow[s - 1];
      succNum[node] = sizeT - sSucc[s - 1];
      lastSucc[node] = tail;
    }
    parent[uIn] = vIn;
    pred[uIn] = inArc;
    dir[uIn] = uIn < n ? UP : DOWN;
    flow[uIn] = delta;
    succNum[uIn] = sizeT;
    lastSucc[uIn] = tail;

    // (c) Insert T right after vIn (as its first child).
    const afterV = thread[vIn];
    thread[vIn] = uIn;
    revThread[uIn] = vIn;
    thread[tail] = afterV;
    revThread[afterV] = tail;
    for (let u = vIn; u !== -1 && lastSucc[u] === vIn; u = parent[u]) lastSucc[u] = tail;
    for (let u = vIn; u !== join; u = parent[u]) succNum[u] += sizeT;

    // ---- potentials: shift T so that the entering arc has zero reduced cost.
    if (++sinceRefresh >= size) {
      treePotentials(tree, cost, art, pi);
      sinceRefresh = 0;
    } else {
      const sigma = pi[vIn] - pi[uIn] - dir[uIn] * cost[inArc];
      let u = uIn;
      for (let c = 0; c < sizeT; c++) {
        pi[u] += sigma;
        u = thread[u];
      }
    }
    fresh = false;
  }
}

/**
 * Block search: scans arcs cyclically from `cursor` in blocks of `block` arcs and returns the arc
 * with the most negative reduced cost in the first block that has one (below −tol), or −1 after a
 * full pass without one. A separate small function so the engine optimises this hot loop on its own.
 */
function priceBlock(
  cost: Float64Array,
  pi: Float64Array,
  piV: Float64Array,
  pred: Int32Array,
  n: number,
  m: number,
  block: number,
  tol: number,
  cursor: Int32Array,
): number {
  const arcs = n * m;
  let best = -1;
  let bestRc = -tol;
  let remaining = block;
  let scanned = 0;
  let i = cursor[0];
  let j = cursor[1];
  while (scanned < arcs) {
    const piI = pi[i];
    const base = i * m;
    let len = m - j;
    if (len > remaining) len = remaining;
    if (len > arcs - scanned) len = arcs - scanned;
    // Compare C_ij − pi_j against bestRc − pi_i: one subtraction per arc in the hot loop.
    let thr = bestRc - piI;
    let found = -1;
    const end = j + len;
    for (let jj = j; jj < end; jj++) {
      const r = cost[base + jj] - piV[jj];
      if (r < thr) {
        const e = base + jj;
        // Tree arcs have zero reduced cost up to rounding; skip them explicitly.
        if (pred[i] !== e && pred[n + jj] !== e) {
          thr = r;
          found = e;
        }
      }
    }
    if (found >= 0) {
      best = found;
      bestRc = thr + piI;
    }
    scanned += len;
    remaining -= len;
    j = end;
    if (j === m) {
      j = 0;
      i = i + 1 === n ? 0 : i + 1;
    }
    if (remaining === 0) {
      if (best >= 0) break;
      remaining = block;
    }
  }
  cursor[0] = i;
  cursor[1] = j;
  return best;
}
