// 1M records, crossfilter2 against Report Explorer's crossfilter engine (wasm) in the same
// page, in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core).
//
//   node benches/xfilter/bench.mjs [--records N] [--ops N] [--reps N] [--pkg DIR] [--out FILE]
//                                  [--min-ratio X]
//
// Run it with `cargo xtask bench-xfilter`, which first builds the wasm package:
// `cargo build --release --target wasm32-unknown-unknown -p xfilter-wasm`, then wasm-bindgen
// --target web into target/xfilter-bench/pkg (the default --pkg) and wasm-opt -O3.
//
// Workload (details in page/workload.js): 1,000,000 deterministic flight-like records with 4
// dimensions (day index over 2 years, departure hour, arrival delay, distance), one count
// group per dimension with crossfilter semantics (each group counts the records passing the
// filters on all OTHER dimensions; delay in 10-minute and distance in 50-mile groups; our
// engine takes the same records as ordinal bins), and 200 deterministic filter operations
// (new ranges, brush moves, exact values, clears) on random dimensions. After each operation
// both sides read all 4 groups' values (crossfilter2: `group.all()`; ours: the counts in wasm
// memory), so both do filter and group work.
//
// The page first applies every operation to both sides and checks, after each one, that our
// group counts equal crossfilter2's (and the number of selected records): any difference
// fails the run. Then it times the 200 operations on each side --reps times (alternating
// which side goes first, each run from no filter) and reports the medians and their ratio.
// Index building is timed once and reported apart. Results go to target/xfilter-results.json
// (--out). With --min-ratio X, the run fails when ours is not at least X times faster.

import { createServer } from 'node:http';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { DIMENSIONS, OPS, RECORDS } from './page/workload.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');

function parseArgs(argv) {
  const options = {
    records: RECORDS,
    ops: OPS,
    reps: 5,
    pkg: path.join(root, 'target', 'xfilter-bench', 'pkg'),
    out: path.join(root, 'target', 'xfilter-results.json'),
    minRatio: 0,
  };
  const numbers = { '--records': 'records', '--ops': 'ops', '--reps': 'reps', '--min-ratio': 'minRatio' };
  const paths = { '--pkg': 'pkg', '--out': 'out' };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (numbers[flag]) {
      const n = Number(value);
      if (!(n >= 0) || (flag !== '--min-ratio' && (!Number.isInteger(n) || n < 1))) {
        throw new Error(`${flag} expects a positive number, got ${value}`);
      }
      options[numbers[flag]] = n;
    } else if (paths[flag]) {
      options[paths[flag]] = path.resolve(value);
    } else {
      throw new Error(`unknown option ${flag}`);
    }
  }
  return options;
}

/** The page's files: URL path -> [file, MIME type]. Nothing else is served. */
function routes(pkg) {
  const page = path.join(here, 'page');
  const js = 'text/javascript; charset=utf-8';
  return {
    '/': [path.join(page, 'index.html'), 'text/html; charset=utf-8'],
    '/bench.js': [path.join(page, 'bench.js'), js],
    '/workload.js': [path.join(page, 'workload.js'), js],
    '/crossfilter.min.js': [path.join(here, 'node_modules', 'crossfilter2', 'crossfilter.min.js'), js],
    '/pkg/xfilter_wasm.js': [path.join(pkg, 'xfilter_wasm.js'), js],
    '/pkg/xfilter_wasm_bg.wasm': [path.join(pkg, 'xfilter_wasm_bg.wasm'), 'application/wasm'],
  };
}

async function serve(pkg) {
  const files = routes(pkg);
  const server = createServer(async (req, res) => {
    const route = files[new URL(req.url, 'http://localhost').pathname];
    if (!route) {
      res.writeHead(404).end('not found\n');
      return;
    }
    try {
      const body = await readFile(route[0]);
      // Cross-origin isolation gives the page fine-grained performance.now().
      res.writeHead(200, {
        'Content-Type': route[1],
        'Cache-Control': 'no-store',
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Cross-Origin-Embedder-Policy': 'require-corp',
      });
      res.end(body);
    } catch (error) {
      res.writeHead(500).end(`cannot read ${route[0]}: ${error.message}\n`);
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

async function packageVersion(name) {
  const file = path.join(here, 'node_modules', name, 'package.json');
  return JSON.parse(await readFile(file, 'utf8')).version;
}

const fmt = (ms) => ms.toFixed(1);

function table(result, versions) {
  const rows = [
    [`crossfilter2 ${versions.crossfilter2} (JS)`, result.crossfilter2],
    ['Report Explorer core::crossfilter (wasm)', result.ours],
  ];
  const lines = [
    `${'side'.padEnd(42)}${'build ms'.padStart(10)}${`${result.ops} ops ms`.padStart(12)}` +
      `${'min ms'.padStart(10)}${'ms/op'.padStart(9)}`,
  ];
  for (const [name, side] of rows) {
    lines.push(
      `${name.padEnd(42)}${fmt(side.buildMs).padStart(10)}${fmt(side.medianMs).padStart(12)}` +
        `${fmt(Math.min(...side.runsMs)).padStart(10)}` +
        `${(side.medianMs / result.ops).toFixed(3).padStart(9)}`,
    );
  }
  return lines.join('\n');
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const executablePath = process.env.REPORT_EXPLORER_CHROMIUM || '/usr/bin/chromium';
  const versions = {
    crossfilter2: await packageVersion('crossfilter2'),
    playwrightCore: await packageVersion('playwright-core'),
  };
  const { server, url } = await serve(options.pkg);
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--js-flags=--expose-gc',
    ],
  });
  try {
    const page = await browser.newPage();
    const problems = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
      else console.log(`  page: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(String(error.stack || error)));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(url);
    await page.waitForFunction(() => typeof window.runBench === 'function', null, {
      timeout: 30_000,
    });
    if (problems.length) throw new Error(`the page failed to load:\n  ${problems.join('\n  ')}`);

    const dims = DIMENSIONS.map((d) => `${d.field} (${d.bins} bins)`).join(', ');
    console.log(
      `workload: ${options.records.toLocaleString('en')} records, 4 dimensions: ${dims}; ` +
        `4 count groups; ${options.ops} filter operations, all 4 groups read after each; ` +
        `median of ${options.reps} timed runs per side`,
    );
    const result = await page.evaluate((o) => window.runBench(o), {
      records: options.records,
      ops: options.ops,
      reps: options.reps,
    });
    if (problems.length) throw new Error(`page errors:\n  ${problems.join('\n  ')}`);

    const ratio = result.crossfilter2.medianMs / result.ours.medianMs;
    const output = {
      ...result,
      ratio,
      browser: `Chromium ${browser.version()}`,
      versions,
      date: new Date().toISOString(),
    };
    console.log('');
    console.log(table(result, versions));
    console.log('');
    console.log(
      `filter + groups, ${result.ops} ops: crossfilter2 ${fmt(result.crossfilter2.medianMs)} ms, ` +
        `ours ${fmt(result.ours.medianMs)} ms: ours is ${ratio.toFixed(1)}x faster`,
    );
    console.log(
      `verified: after every operation, all 4 groups (and the selected count) equal crossfilter2's ` +
        `(ops: ${Object.entries(result.opKinds).map(([k, v]) => `${v} ${k}`).join(', ')})`,
    );
    await mkdir(path.dirname(options.out), { recursive: true });
    await writeFile(options.out, `${JSON.stringify(output, null, 2)}\n`);
    console.log(`results: ${path.relative(process.cwd(), options.out) || options.out}`);
    if (options.minRatio > 0 && ratio < options.minRatio) {
      throw new Error(`ours is ${ratio.toFixed(1)}x faster, below --min-ratio ${options.minRatio}`);
    }
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((error) => {
  console.error(`\nxfilter bench failed: ${error.message}`);
  process.exit(1);
});
