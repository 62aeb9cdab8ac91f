// Reads a V8 heap snapshot (the JSON of HeapProfiler.takeHeapSnapshot) into flat arrays and
// classes its bytes: by node type and constructor (self size), by dominator-tree owner (each
// object's bytes go to its nearest dominating object of a named class), and the largest
// retained sizes. Used by bench/heap-owners.mjs; pure, so bench/test/ checks it on a small
// hand-made snapshot.

/** Takes a heap snapshot of `page` (after two forced GCs) and returns its parsed JSON. */
export async function takeSnapshot(page) {
  const cdp = await page.createCDPSession();
  try {
    const chunks = [];
    cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => chunks.push(chunk));
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false });
    return { usedSize, snapshot: JSON.parse(chunks.join('')) };
  } finally {
    await cdp.detach();
  }
}

/** Objects whose class says nothing about who owns them: their bytes go to a dominator. */
const GENERIC = new Set(['Object', 'Array', 'Map', 'Set', 'WeakMap', 'WeakSet', 'system', 'Function', 'Promise', '(object properties)', '(object elements)', '(system)']);

/** The snapshot as arrays indexed by node ordinal, plus its dominator tree. */
export function readSnapshot(snapshot) {
  const { meta } = snapshot.snapshot;
  const nf = meta.node_fields.length;
  const ef = meta.edge_fields.length;
  const nodeTypes = meta.node_types[0];
  const edgeTypes = meta.edge_types[0];
  const { nodes, edges, strings } = snapshot;
  const count = nodes.length / nf;
  const at = (name) => meta.node_fields.indexOf(name);
  const [fType, fName, fSize, fEdges] = [at('type'), at('name'), at('self_size'), at('edge_count')];
  const [eType, eName, eTo] = ['type', 'name_or_index', 'to_node'].map((name) => meta.edge_fields.indexOf(name));
  const type = new Array(count);
  const name = new Array(count);
  const size = new Float64Array(count);
  const firstEdge = new Uint32Array(count + 1);
  for (let i = 0, e = 0; i < count; i++) {
    type[i] = nodeTypes[nodes[i * nf + fType]];
    name[i] = strings[nodes[i * nf + fName]];
    size[i] = nodes[i * nf + fSize];
    firstEdge[i] = e;
    e += nodes[i * nf + fEdges];
    firstEdge[i + 1] = e;
  }
  const edgeCount = edges.length / ef;
  const edgeType = new Array(edgeCount);
  const edgeName = new Array(edgeCount);
  const edgeTo = new Uint32Array(edgeCount);
  for (let e = 0; e < edgeCount; e++) {
    edgeType[e] = edgeTypes[edges[e * ef + eType]];
    const n = edges[e * ef + eName];
    edgeName[e] = edgeType[e] === 'element' || edgeType[e] === 'hidden' ? n : strings[n];
    edgeTo[e] = edges[e * ef + eTo] / nf;
  }
  const graph = { count, type, name, size, firstEdge, edgeType, edgeName, edgeTo };
  graph.idom = dominators(graph);
  return graph;
}

/** Immediate dominators from the root (ordinal 0), ignoring weak edges (Cooper, Harvey, Kennedy). */
function dominators(g) {
  const { count, firstEdge, edgeType, edgeTo } = g;
  const order = new Int32Array(count).fill(-1); // postorder number
  const post = [];
  const stack = [0];
  const next = new Uint32Array(count);
  const seen = new Uint8Array(count);
  seen[0] = 1;
  next[0] = firstEdge[0];
  while (stack.length) {
    const v = stack[stack.length - 1];
    let pushed = false;
    while (next[v] < firstEdge[v + 1]) {
      const e = next[v]++;
      if (edgeType[e] === 'weak') continue;
      const w = edgeTo[e];
      if (seen[w]) continue;
      seen[w] = 1;
      next[w] = firstEdge[w];
      stack.push(w);
      pushed = true;
      break;
    }
    if (!pushed) {
      stack.pop();
      order[v] = post.length;
      post.push(v);
    }
  }
  const preds = Array.from({ length: count }, () => []);
  for (let v = 0; v < count; v++) {
    if (order[v] < 0) continue;
    for (let e = firstEdge[v]; e < firstEdge[v + 1]; e++) if (edgeType[e] !== 'weak' && order[edgeTo[e]] >= 0) preds[edgeTo[e]].push(v);
  }
  const idom = new Int32Array(count).fill(-1);
  idom[0] = 0;
  const intersect = (a, b) => {
    while (a !== b) {
      while (order[a] < order[b]) a = idom[a];
      while (order[b] < order[a]) b = idom[b];
    }
    return a;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = post.length - 2; i >= 0; i--) {
      const v = post[i];
      let d = -1;
      for (const p of preds[v]) if (idom[p] >= 0) d = d < 0 ? p : intersect(p, d);
      if (d >= 0 && idom[v] !== d) {
        idom[v] = d;
        changed = true;
      }
    }
  }
  return idom;
}

/** Retained size of every node (its own plus everything it dominates). */
export function retainedSizes(g) {
  const retained = Float64Array.from(g.size);
  const children = Array.from({ length: g.count }, () => []);
  for (let v = 1; v < g.count; v++) if (g.idom[v] >= 0) children[g.idom[v]].push(v);
  const order = [0];
  for (let i = 0; i < order.length; i++) for (const c of children[order[i]]) order.push(c);
  for (let i = order.length - 1; i > 0; i--) retained[g.idom[order[i]]] += retained[order[i]];
  return retained;
}

/** A class label: the constructor's name, plus its first property names (minified classes are named `Ke`). */
export function label(g, v) {
  if (g.type[v] !== 'object' || GENERIC.has(g.name[v])) return `${g.type[v]}:${g.name[v]}`;
  const props = [];
  for (let e = g.firstEdge[v]; e < g.firstEdge[v + 1] && props.length < 4; e++) if (g.edgeType[e] === 'property' && !/^__proto__$|^constructor$/.test(g.edgeName[e])) props.push(g.edgeName[e]);
  return `${g.name[v]}{${props.join(',')}}`;
}

const isOwner = (g, v) => g.type[v] === 'object' && !GENERIC.has(g.name[v]) && !g.name[v].startsWith('system');

/** Self bytes per owner: the nearest dominator (or the object itself) of a named class. */
export function byOwner(g) {
  const owner = new Int32Array(g.count).fill(-2);
  const ownerOf = (v) => {
    const chain = [];
    while (owner[v] === -2) {
      if (isOwner(g, v) || v === 0 || g.idom[v] < 0) {
        owner[v] = isOwner(g, v) ? v : -1;
        break;
      }
      chain.push(v);
      v = g.idom[v];
    }
    for (const c of chain) owner[c] = owner[v];
    return owner[v];
  };
  const totals = new Map();
  for (let v = 0; v < g.count; v++) {
    const o = ownerOf(v);
    const key = o < 0 ? `(no owner) ${g.type[v]}` : label(g, o);
    const entry = totals.get(key) ?? { bytes: 0, owners: new Set() };
    entry.bytes += g.size[v];
    if (o >= 0) entry.owners.add(o);
    totals.set(key, entry);
  }
  return [...totals].map(([key, { bytes, owners }]) => ({ key, bytes, count: owners.size })).sort((a, b) => b.bytes - a.bytes);
}

/** Self bytes and counts per `type:constructor`. */
export function byConstructor(g) {
  const totals = new Map();
  for (let v = 0; v < g.count; v++) {
    const key = `${g.type[v]}:${g.name[v].slice(0, 60)}`;
    const entry = totals.get(key) ?? { bytes: 0, count: 0 };
    entry.bytes += g.size[v];
    entry.count++;
    totals.set(key, entry);
  }
  return [...totals].map(([key, v]) => ({ key, ...v })).sort((a, b) => b.bytes - a.bytes);
}

/** Self bytes per node type (object, code, string, …). */
export function byType(g) {
  const totals = new Map();
  for (let v = 0; v < g.count; v++) totals.set(g.type[v], (totals.get(g.type[v]) ?? 0) + g.size[v]);
  return [...totals].map(([key, bytes]) => ({ key, bytes })).sort((a, b) => b.bytes - a.bytes);
}

/**
 * The largest retained sizes among objects of named classes and their fields, each with the
 * path of edge names down the dominator tree from its nearest named owner.
 */
export function largestRetained(g, retained, limit = 30, minBytes = 50_000) {
  const out = [];
  for (let v = 1; v < g.count; v++) {
    if (retained[v] < minBytes || g.type[v] === 'synthetic') continue;
    const parent = g.idom[v];
    // Only the top of a chain of one-child dominators: a Map's table is as large as the Map.
    if (parent > 0 && retained[parent] - g.size[parent] <= retained[v] * 1.02 && g.type[parent] !== 'synthetic') continue;
    out.push({ v, bytes: retained[v], path: pathTo(g, v) });
  }
  return out.sort((a, b) => b.bytes - a.bytes).slice(0, limit);
}

function edgeNameBetween(g, from, to) {
  for (let e = g.firstEdge[from]; e < g.firstEdge[from + 1]; e++) if (g.edgeTo[e] === to) return g.edgeType[e] === 'element' ? `[${g.edgeName[e]}]` : String(g.edgeName[e]);
  return '?';
}

function pathTo(g, v) {
  const parts = [label(g, v)];
  let at = v;
  for (let hops = 0; hops < 6 && at > 0; hops++) {
    const parent = g.idom[at];
    if (parent <= 0) break;
    parts.unshift(`${label(g, parent)} .${edgeNameBetween(g, parent, at)} →`);
    if (isOwner(g, parent)) break;
    at = parent;
  }
  return parts.join(' ');
}

/** Paths that keep `v` alive: up to `limit` chains of retainers (weak edges left out), `depth` deep. */
export function retainerPaths(g, v, depth = 8, limit = 6) {
  const into = Array.from({ length: g.count }, () => []);
  for (let from = 0; from < g.count; from++)
    for (let e = g.firstEdge[from]; e < g.firstEdge[from + 1]; e++) if (g.edgeType[e] !== 'weak') into[g.edgeTo[e]].push(e);
  const owner = new Uint32Array(g.edgeTo.length);
  for (let from = 0; from < g.count; from++) for (let e = g.firstEdge[from]; e < g.firstEdge[from + 1]; e++) owner[e] = from;
  const paths = [];
  const walk = (at, path, seen) => {
    if (paths.length >= limit) return;
    if (path.length >= depth || at === 0 || !into[at].length) return void paths.push(path.join(' ← '));
    for (const e of into[at].slice(0, 3)) {
      const from = owner[e];
      if (seen.has(from)) continue;
      walk(from, [...path, `${label(g, from)}.${g.edgeName[e]}`], new Set([...seen, from]));
    }
  };
  walk(v, [label(g, v)], new Set([v]));
  return paths;
}

/** The fields of object `v` with their retained sizes (what to cut first), largest first. */
export function fieldsOf(g, retained, v) {
  const out = [];
  for (let e = g.firstEdge[v]; e < g.firstEdge[v + 1]; e++) {
    if (g.edgeType[e] !== 'property' && g.edgeType[e] !== 'internal') continue;
    const to = g.edgeTo[e];
    out.push({ name: String(g.edgeName[e]), bytes: g.idom[to] === v ? retained[to] : 0, what: label(g, to) });
  }
  return out.sort((a, b) => b.bytes - a.bytes);
}
