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

/** What `collect()` returns when a page had no errors, failed requests or CSP violations. */
export const NO_PROBLEMS = Object.freeze({
  consoleErrors: [],
  pageErrors: [],
  failedRequests: [],
  httpErrors: [],
  cspViolations: [],
});
