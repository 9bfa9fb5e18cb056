// Shared by the end-to-end tests: the release build's location, the default
// dataset they check the page against, and the "nothing went wrong" record.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { DEFAULT_DIST } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The dist/ directory under test. */
export const DIST = process.env.REPORT_EXPLORER_DIST || DEFAULT_DIST;

/** The default dataset, as the page should show it. */
export const DATASET = JSON.parse(
  readFileSync(path.resolve(here, '..', '..', 'public', 'data', 'report.json'), 'utf8'),
);

/**
 * A generated 10,000-entry report (`cargo xtask gen-data --entries 10000 --seed 1`), written to
 * target/e2e-data/report-10k.json by `cargo xtask test` before this stage; null when the tests
 * run without it (then skip the test). Serve it with
 * `startServer({ files: { [GENERATED_10K]: DATA_10K } })` and open `?data=data/generated-10k.json`.
 */
export const DATA_10K = process.env.REPORT_EXPLORER_DATA_10K || null;

/** Where a test serves `DATA_10K`, relative to the app. */
export const GENERATED_10K = 'data/generated-10k.json';

/** What `collect()` returns when a page had no errors, failed requests or CSP violations. */
export const NO_PROBLEMS = Object.freeze({
  consoleErrors: [],
  pageErrors: [],
  failedRequests: [],
  httpErrors: [],
  cspViolations: [],
});

/** Category ids equal to `id` or below it. */
function withDescendants(id) {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of DATASET.categories) {
      if (c.parent && out.has(c.parent) && !out.has(c.id)) {
        out.add(c.id);
        grew = true;
      }
    }
  }
  return out;
}

/** The subsidiary ids of a dataset entry (format 2 lists them; format 1 named one). */
export const subsOf = (e) => e.subsidiaries ?? [e.subsidiary];

/** Expected number of entries for facet selections (OR within, AND across). */
export function expected({ sub = [], cat = [], kind = [] }) {
  const cats = new Set(cat.flatMap((c) => [...withDescendants(c)]));
  return DATASET.entries.filter(
    (e) =>
      (sub.length === 0 || subsOf(e).some((s) => sub.includes(s))) &&
      (cat.length === 0 || e.categories.some((c) => cats.has(c))) &&
      (kind.length === 0 || kind.includes(e.kind)),
  ).length;
}

/** Currency codes as the app reads a format 1 unit (a subset is enough for the test data). */
const FORMAT1_CURRENCIES = new Set(['RMB', 'CNY', 'HKD', 'USD', 'EUR', 'GBP', 'JPY']);

/**
 * The figures of `family` whose measure is `measure`, as the figures chart groups them
 * (`core::charts::metrics::measure`: currency, scale and unit together; a score with its maximum).
 */
export function figuresOf(family, measure) {
  const measureOf = (m) => {
    let { unit, currency } = m;
    if (DATASET.format === 'report-explorer/1' && !currency && FORMAT1_CURRENCIES.has(unit)) {
      [currency, unit] = [unit, undefined];
    }
    const u = unit === 'score' && m.out_of != null ? `score out of ${m.out_of}` : unit;
    return [currency, m.scale, u].filter((p) => p != null && p !== '').join(' ');
  };
  return DATASET.entries.flatMap((e) =>
    (e.figures ?? e.metrics ?? []).filter((m) => m.family === family && measureOf(m) === measure),
  );
}
