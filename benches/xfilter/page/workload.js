// The benchmark workload, shared by the page (bench.js) and the Node driver (bench.mjs).
// Pure and deterministic: the same seeds give the same records and operations everywhere.
//
// Records: compact flight-like records, as in crossfilter's flights example, with 4 fields:
//   day       day index over 2 years, 0..729 (uniform)
//   hour      departure hour, 0..23 (few flights at night)
//   delay     arrival delay in whole minutes, -60..149 (mostly around 0, a long tail of delays)
//   distance  distance in whole miles, 0..1999 (log-normal, most flights a few hundred miles)
//
// crossfilter2 indexes the raw values (one dimension per field) with one count group per
// dimension: day and hour by value, delay in 10-minute groups and distance in 50-mile groups
// (`group(v => Math.floor(v / 10) * 10)`, as in the flights example). Our engine takes the
// same records as ordinal bins (Uint16Array per dimension): day (730 bins), hour (24),
// 10-minute delay bins (21: bin = (delay + 60) / 10) and 50-mile distance bins (40). Filters
// are on bin boundaries, so both sides select the same records and their groups must agree.
//
// Operations: OPS filter operations, each on one dimension (chosen uniformly), of 4 kinds:
//   range  (40%) a new range of bins, lo uniform, width 1 .. half the bins
//   brush  (30%) moves or resizes the dimension's current range by 1-3 bins at one or both
//                ends, like dragging a brush (starts a range if there is none)
//   exact  (15%) one bin (crossfilter: filterExact on day and hour; on delay and distance,
//                filterRange over the bin's minutes or miles)
//   clear  (15%) removes the dimension's filter (filterAll)
// After every operation both sides read all 4 groups' values (crossfilter: group.all()).

/** Records in the benchmark unless told otherwise. */
export const RECORDS = 1_000_000;
/** Filter operations in the benchmark unless told otherwise. */
export const OPS = 200;
export const RECORD_SEED = 0x5eed_2024;
export const OPS_SEED = 0x0b5_cafe;

/**
 * The dimensions: `field` of a record, number of `bins`, `bin(v)` of a raw value (or of a
 * crossfilter group key), `start(b)` the first raw value of bin `b` (and the group key of its
 * records), `group` crossfilter's group function (identity when absent) and whether an exact
 * filter is crossfilter's `filterExact` (integer fields whose bins are their values).
 */
export const DIMENSIONS = [
  { field: 'day', bins: 730, bin: (v) => v, start: (b) => b, exact: true },
  { field: 'hour', bins: 24, bin: (v) => v, start: (b) => b, exact: true },
  {
    field: 'delay',
    bins: 21,
    bin: (v) => Math.floor((v + 60) / 10),
    start: (b) => b * 10 - 60,
    group: (v) => Math.floor(v / 10) * 10,
    exact: false,
  },
  {
    field: 'distance',
    bins: 40,
    bin: (v) => Math.floor(v / 50),
    start: (b) => b * 50,
    group: (v) => Math.floor(v / 50) * 50,
    exact: false,
  },
];

/** mulberry32: a small, fast, deterministic 32-bit PRNG; returns floats in [0, 1). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Relative number of flights per departure hour. */
const HOUR_WEIGHTS = [
  1, 0.5, 0.3, 0.3, 0.5, 2, 6, 9, 10, 9, 8, 8, 8, 8, 8, 8, 9, 9, 9, 8, 6, 5, 3, 2,
];

/**
 * The records as columns of raw values: `{ day, hour, delay, distance }`, each an Int16Array
 * of `n` values.
 */
export function generateRecords(n = RECORDS, seed = RECORD_SEED) {
  const random = prng(seed);
  const normal = () => {
    const u = 1 - random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
  const hourCdf = [];
  const total = HOUR_WEIGHTS.reduce((a, b) => a + b, 0);
  let acc = 0;
  for (const w of HOUR_WEIGHTS) hourCdf.push((acc += w) / total);
  const day = new Int16Array(n);
  const hour = new Int16Array(n);
  const delay = new Int16Array(n);
  const distance = new Int16Array(n);
  for (let i = 0; i < n; i++) {
    day[i] = Math.floor(random() * 730);
    const h = random();
    let k = 0;
    while (k < 23 && hourCdf[k] <= h) k++;
    hour[i] = k;
    const late = random() < 0.3 ? 35 * -Math.log(1 - random()) : 0;
    delay[i] = Math.max(-60, Math.min(149, Math.round(-3 + 8 * normal() + late)));
    distance[i] = Math.max(0, Math.min(1999, Math.round(Math.exp(6.2 + 0.6 * normal()))));
  }
  return { day, hour, delay, distance };
}

/**
 * The operations: `{ dim, kind, lo, hi }` with `kind` one of range, brush, exact, clear and
 * the selected bins `lo..hi` (half-open; unused for clear).
 */
export function generateOps(count = OPS, seed = OPS_SEED) {
  const random = prng(seed);
  const int = (n) => Math.floor(random() * n);
  const current = DIMENSIONS.map(() => null);
  const ops = [];
  for (let i = 0; i < count; i++) {
    const dim = int(DIMENSIONS.length);
    const bins = DIMENSIONS[dim].bins;
    const r = random();
    let op;
    if (r < 0.4 || (r < 0.7 && current[dim] === null)) {
      const width = 1 + int(Math.max(1, Math.floor(bins / 2)));
      const lo = int(bins - width + 1);
      op = { dim, kind: 'range', lo, hi: lo + width };
    } else if (r < 0.7) {
      const [lo0, hi0] = current[dim];
      const step = () => int(7) - 3; // -3..3
      const moveBoth = random() < 0.5;
      let lo = lo0 + step();
      let hi = moveBoth ? hi0 + (lo - lo0) : hi0 + step();
      lo = Math.max(0, Math.min(bins - 1, lo));
      hi = Math.max(lo + 1, Math.min(bins, hi));
      op = { dim, kind: 'brush', lo, hi };
    } else if (r < 0.85) {
      const b = int(bins);
      op = { dim, kind: 'exact', lo: b, hi: b + 1 };
    } else {
      op = { dim, kind: 'clear', lo: 0, hi: bins };
    }
    current[dim] = op.kind === 'clear' ? null : [op.lo, op.hi];
    ops.push(op);
  }
  return ops;
}

/** Number of operations of each kind. */
export function opKinds(ops) {
  const out = { range: 0, brush: 0, exact: 0, clear: 0 };
  for (const op of ops) out[op.kind]++;
  return out;
}
