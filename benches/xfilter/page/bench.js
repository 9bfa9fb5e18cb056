// The benchmark page: crossfilter2 and Report Explorer's crossfilter engine (wasm) on the
// same records and the same filter operations, in the same page. See workload.js for the
// workload. `window.runBench({ records, ops, reps })` verifies, times and returns the results;
// bench.mjs (Node) drives it in headless Chromium.

import init, { XFilterBuilder } from './pkg/xfilter_wasm.js';
import { DIMENSIONS, generateOps, generateRecords, opKinds } from './workload.js';

const status = (text) => {
  document.getElementById('status').textContent = text;
  console.log(text);
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** crossfilter2 over record objects: one dimension and one count group per field. */
function buildCrossfilter(records) {
  const cf = globalThis.crossfilter(records);
  const accessors = {
    day: (r) => r.day,
    hour: (r) => r.hour,
    delay: (r) => r.delay,
    distance: (r) => r.distance,
  };
  const dims = DIMENSIONS.map((d) => cf.dimension(accessors[d.field]));
  const groups = DIMENSIONS.map((d, i) => (d.group ? dims[i].group(d.group) : dims[i].group()));
  return {
    apply(op) {
      const d = DIMENSIONS[op.dim];
      const dim = dims[op.dim];
      if (op.kind === 'clear') dim.filterAll();
      else if (op.kind === 'exact' && d.exact) dim.filterExact(d.start(op.lo));
      else dim.filterRange([d.start(op.lo), d.start(op.hi)]);
    },
    /** Reads every group's values; returns their sum. */
    read() {
      let sum = 0;
      for (let g = 0; g < groups.length; g++) {
        const all = groups[g].all();
        for (let i = 0; i < all.length; i++) sum += all[i].value;
      }
      return sum;
    },
    reset() {
      for (const dim of dims) dim.filterAll();
    },
    groups,
    selected: () => cf.allFiltered().length,
  };
}

/** Our engine over bin columns; groups are read in place from wasm memory. */
function buildOurs(wasm, columns) {
  const builder = new XFilterBuilder();
  DIMENSIONS.forEach((d, i) => builder.dimension(columns[i], d.bins));
  const xf = builder.build();
  const pointers = DIMENSIONS.map((_, i) => xf.groupPtr(i));
  let views = [];
  const groupViews = () => {
    if (views.length === 0 || views[0].buffer !== wasm.memory.buffer) {
      views = DIMENSIONS.map((d, i) => new Uint32Array(wasm.memory.buffer, pointers[i], d.bins));
    }
    return views;
  };
  return {
    apply(op) {
      if (op.kind === 'clear') xf.filterAll(op.dim);
      else if (op.kind === 'exact') xf.filterExact(op.dim, op.lo);
      else xf.filterRange(op.dim, op.lo, op.hi);
    },
    read() {
      const v = groupViews();
      let sum = 0;
      for (let g = 0; g < v.length; g++) {
        const counts = v[g];
        for (let i = 0; i < counts.length; i++) sum += counts[i];
      }
      return sum;
    },
    reset() {
      xf.clearFilters();
    },
    groupViews,
    selected: () => xf.selectedCount(),
    sortedDimension: xf.sortedDimension(),
  };
}

/** Checks our groups equal crossfilter2's; throws naming the first difference. */
function compare(step, op, cf, ours) {
  const views = ours.groupViews();
  DIMENSIONS.forEach((d, g) => {
    const all = cf.groups[g].all();
    const counts = views[g];
    let cfSum = 0;
    for (const { key, value } of all) {
      const b = d.bin(key);
      if (!(b >= 0 && b < d.bins) || counts[b] !== value) {
        throw new Error(
          `after op ${step} ${JSON.stringify(op)}: ${d.field} group key ${key} (bin ${b}): ` +
            `crossfilter2 counts ${value}, ours ${counts[b]}`,
        );
      }
      cfSum += value;
    }
    const ourSum = counts.reduce((a, b) => a + b, 0);
    if (ourSum !== cfSum) {
      throw new Error(
        `after op ${step} ${JSON.stringify(op)}: ${d.field} group totals differ: ` +
          `crossfilter2 ${cfSum}, ours ${ourSum}`,
      );
    }
  });
  const [a, b] = [cf.selected(), ours.selected()];
  if (a !== b) {
    throw new Error(`after op ${step}: crossfilter2 selects ${a} records, ours ${b}`);
  }
}

/** Runs the operations once from no filter, reading every group after each; timed. */
function timed(side, ops) {
  side.reset();
  side.read();
  // Collect the other side's garbage now rather than during this run (Chromium is started
  // with --js-flags=--expose-gc).
  globalThis.gc?.();
  const started = performance.now();
  let checksum = 0;
  for (let i = 0; i < ops.length; i++) {
    side.apply(ops[i]);
    checksum += side.read();
  }
  return { ms: performance.now() - started, checksum };
}

window.runBench = async ({ records: n, ops: opCount, reps }) => {
  const wasm = await init();

  status(`generating ${n} records and ${opCount} operations`);
  let t = performance.now();
  const raw = generateRecords(n);
  const ops = generateOps(opCount);
  const records = new Array(n);
  for (let i = 0; i < n; i++) {
    records[i] = { day: raw.day[i], hour: raw.hour[i], delay: raw.delay[i], distance: raw.distance[i] };
  }
  const columns = DIMENSIONS.map((d) => {
    const values = raw[d.field];
    const bins = new Uint16Array(n);
    for (let i = 0; i < n; i++) bins[i] = d.bin(values[i]);
    return bins;
  });
  const generateMs = performance.now() - t;

  status('building crossfilter2');
  t = performance.now();
  const cf = buildCrossfilter(records);
  cf.read();
  const cfBuildMs = performance.now() - t;

  status('building ours (wasm)');
  t = performance.now();
  const ours = buildOurs(wasm, columns);
  ours.read();
  const ourBuildMs = performance.now() - t;

  status(`verifying: groups after each of the ${ops.length} operations`);
  cf.reset();
  ours.reset();
  compare(-1, null, cf, ours);
  ops.forEach((op, step) => {
    cf.apply(op);
    ours.apply(op);
    compare(step, op, cf, ours);
  });

  const runs = { crossfilter2: [], ours: [] };
  for (let r = 0; r < reps; r++) {
    status(`timing run ${r + 1} of ${reps}`);
    const order = r % 2 === 0 ? ['crossfilter2', 'ours'] : ['ours', 'crossfilter2'];
    const results = {};
    for (const name of order) results[name] = timed(name === 'ours' ? ours : cf, ops);
    if (results.ours.checksum !== results.crossfilter2.checksum) {
      throw new Error(
        `run ${r + 1}: group value checksums differ: crossfilter2 ` +
          `${results.crossfilter2.checksum}, ours ${results.ours.checksum}`,
      );
    }
    runs.crossfilter2.push(results.crossfilter2.ms);
    runs.ours.push(results.ours.ms);
  }
  status('done');
  return {
    records: n,
    ops: ops.length,
    opKinds: opKinds(ops),
    dimensions: DIMENSIONS.map((d) => ({ field: d.field, bins: d.bins })),
    reps,
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    generateMs,
    verified: true,
    sortedDimension: DIMENSIONS[ours.sortedDimension].field,
    crossfilter2: { buildMs: cfBuildMs, runsMs: runs.crossfilter2, medianMs: median(runs.crossfilter2) },
    ours: { buildMs: ourBuildMs, runsMs: runs.ours, medianMs: median(runs.ours) },
  };
};

status('ready');
