// Lighthouse scores of the release build: serves dist/ with brotli/gzip and the
// strict Content-Security-Policy (as a production static host would), runs
// Lighthouse 12 (mobile preset, simulated throttling) in Debian's headless
// Chromium on the default view, the timeline and the charts, and prints the
// performance, accessibility and best-practices scores with the key metrics.
// It never fails on scores: it reports them (used by `cargo xtask lighthouse`).
//
//   node tests/lighthouse/lighthouse.mjs [--dist dist] [--runs 3] [--desktop] [--out dir]
//
// Each URL is measured `--runs` times; the run with the median performance
// score is printed (`--out` keeps every JSON report). Scores move with the
// machine's load: measure on a quiet one.

import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { DEFAULT_DIST, startServer } from '../e2e/server.mjs';

const require = createRequire(import.meta.url);

/** The pages measured, relative to the app's URL. */
export const PAGES = ['', '?view=timeline', '?view=charts'];

const CATEGORIES = ['performance', 'accessibility', 'best-practices'];

const METRICS = [
  ['first-contentful-paint', 'FCP'],
  ['largest-contentful-paint', 'LCP'],
  ['total-blocking-time', 'TBT'],
  ['cumulative-layout-shift', 'CLS'],
  ['speed-index', 'SI'],
];

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: process.env.REPORT_EXPLORER_DIST || DEFAULT_DIST },
    runs: { type: 'string', default: '3' },
    desktop: { type: 'boolean', default: false },
    out: { type: 'string' },
  },
});
const runs = Math.max(1, Number.parseInt(values.runs, 10) || 1);
const chromium =
  process.env.CHROME_PATH || process.env.REPORT_EXPLORER_CHROMIUM || '/usr/bin/chromium';
const cli = require.resolve('lighthouse/cli/index.js');

/** Runs the Lighthouse CLI once and returns its JSON report. */
function lighthouse(url, outDir, name) {
  const output = path.join(outDir, `${name}.json`);
  const args = [
    cli,
    url,
    `--only-categories=${CATEGORIES.join(',')}`,
    '--output=json',
    `--output-path=${output}`,
    '--quiet',
    '--chrome-flags=--headless=new --no-sandbox --disable-dev-shm-usage',
  ];
  if (values.desktop) args.push('--preset=desktop');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, CHROME_PATH: chromium },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) {
        reject(new Error(`lighthouse exited with ${code} for ${url}`));
        return;
      }
      resolve(JSON.parse(readFileSync(output, 'utf8')));
    });
  });
}

function summary(report) {
  const scores = Object.fromEntries(
    CATEGORIES.map((c) => [c, report.categories[c]?.score ?? null]),
  );
  const metrics = Object.fromEntries(
    METRICS.map(([id, short]) => [short, report.audits[id]?.displayValue ?? '?']),
  );
  const lcpElement =
    report.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node
      ?.snippet ?? '';
  return { scores, metrics, lcpElement };
}

const score = (s) => (s === null ? '   -' : s.toFixed(2));

const server = await startServer({ dir: values.dist, compress: true });
const outDir = values.out
  ? path.resolve(values.out)
  : mkdtempSync(path.join(tmpdir(), 'report-explorer-lighthouse-'));
mkdirSync(outDir, { recursive: true });
const rows = [];
try {
  for (const page of PAGES) {
    const url = `${server.url}${page}`;
    const results = [];
    for (let i = 0; i < runs; i++) {
      const name = `${page.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'list'}-${i + 1}`;
      const result = summary(await lighthouse(url, outDir, name));
      console.log(
        `${page || '/'} run ${i + 1}/${runs}: performance ${score(result.scores.performance)}`,
      );
      results.push(result);
    }
    results.sort((a, b) => a.scores.performance - b.scores.performance);
    const median = results[Math.floor(results.length / 2)];
    rows.push({ page: page || '/', all: results.map((r) => r.scores.performance), ...median });
  }
} finally {
  await server.close();
  if (!values.out) rmSync(outDir, { recursive: true, force: true });
}

const preset = values.desktop ? 'desktop' : 'mobile';
console.log(
  `\nLighthouse ${require('lighthouse/package.json').version}, ${preset} preset, ` +
    `median of ${runs} run${runs === 1 ? '' : 's'} (dist served with brotli/gzip and the CSP):`,
);
console.log(
  `${'page'.padEnd(16)} perf  a11y  best  ${METRICS.map(([, s]) => s.padStart(8)).join('')}`,
);
for (const row of rows) {
  const metrics = METRICS.map(([, s]) => String(row.metrics[s]).padStart(8)).join('');
  console.log(
    `${row.page.padEnd(16)} ${score(row.scores.performance)}  ` +
      `${score(row.scores.accessibility)}  ${score(row.scores['best-practices'])}  ${metrics}`,
  );
}
for (const row of rows) {
  console.log(`${row.page}: performance of each run ${row.all.map(score).join(', ')}`);
  if (row.lcpElement) console.log(`  LCP element: ${row.lcpElement}`);
}
