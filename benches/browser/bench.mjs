// Browser benchmark of the release build: the app in headless Chromium with
// generated reports of 1k, 10k and 100k entries. Prints numbers only (it never
// fails on wall-clock time) and writes them to target/bench-results.json.
//
//   cargo xtask bench          (generates the reports, builds dist/, runs this)
//   node benches/browser/bench.mjs [--sizes 1k,10k]
//
// Environment (set by `cargo xtask bench`; defaults relative to the repository):
//   REPORT_EXPLORER_DIST           the release build (dist/)
//   REPORT_EXPLORER_CHROMIUM       Chromium to drive (/usr/bin/chromium)
//   REPORT_EXPLORER_BENCH_DATA     directory with report-<size>.json (target/bench-data/)
//   REPORT_EXPLORER_BENCH_RESULTS  where to write the results (target/bench-results.json)
//   REPORT_EXPLORER_BENCH_TIMEOUT_MS  time limit of each measure (60000)
//
// The dist/ files and each report are served brotli-compressed (gzip when the
// browser does not accept br), compressed once before measuring, with the same
// Content-Security-Policy as the end-to-end tests. A report is served at
// `data/generated-<size>.json` and opened with `?data=data/generated-<size>.json`.
//
// Every size runs in a fresh browser. Every measure has its own time limit
// (MEASURE_TIMEOUT_MS): one that fails or times out prints `failed: <reason>`
// and the benchmark carries on with the next measure or size.

import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import zlib from 'node:zlib';

import { chromium } from 'playwright-core';

import { CSP, MIME_TYPES } from '../../tests/e2e/server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');

const DIST = path.resolve(process.env.REPORT_EXPLORER_DIST || path.join(root, 'dist'));
const CHROMIUM = process.env.REPORT_EXPLORER_CHROMIUM || '/usr/bin/chromium';
const DATA_DIR = path.resolve(
  process.env.REPORT_EXPLORER_BENCH_DATA || path.join(root, 'target', 'bench-data'),
);
const RESULTS = path.resolve(
  process.env.REPORT_EXPLORER_BENCH_RESULTS || path.join(root, 'target', 'bench-results.json'),
);

/** The longest any one measure (or browser start) may take before it counts as failed. */
const MEASURE_TIMEOUT_MS = Number(process.env.REPORT_EXPLORER_BENCH_TIMEOUT_MS) || 60_000;
/** Facet clicks and searches measured per size (fewer when the time limit runs out). */
const FACET_CLICKS = 20;
const SEARCH_TERMS = [
  'sustainability',
  'customer',
  'carbon emissions',
  'hospital',
  'mangrove',
  'green bond',
  'volunteer',
  'cybersecurity',
  'meridian bank',
  'zurich',
];
/** Mouse moves in the timeline drag. */
const DRAG_STEPS = 30;
const VIEWPORT = { width: 1280, height: 800 };

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // performance.memory without bucketing, for the in-page cross-check.
  '--enable-precise-memory-info',
];

const HOW = {
  first_results:
    'navigation start -> [data-testid=entry] elements exist (MutationObserver from an init script) ' +
    'and two requestAnimationFrame callbacks have run after that (the frame with them was painted); ' +
    'performance.now() in the page, whose origin is navigation start. Each size loads the page ' +
    'three times (list phase, search phase, views phase): the first is the number, the others ' +
    'are listed as later loads',
  facet_click:
    'after the first load, in the page: performance.now() before input.click() on a facet checkbox ' +
    '(on, off, on, off over two values of the first facet) -> [data-testid=entry-count] text ' +
    'changed and two rAF callbacks ran',
  search:
    'on a freshly loaded page, page.fill() a term into [data-testid=search], then Enter: from the ' +
    'Enter keydown (a capturing ' +
    'listener in the page) -> entry-count text changed and two rAF callbacks ran; reset between terms',
  view_switch:
    'on a freshly loaded page, in the page: from the Timeline tab click (then the Charts tab click) ' +
    '-> [data-testid=timeline] (or [data-testid=charts]) exists and two rAF callbacks ran',
  timeline_pan:
    `page.mouse drag of the .timeline-box in ${DRAG_STEPS} moves; intervals between consecutive ` +
    'requestAnimationFrame callbacks from the first move to the release',
  memory:
    'JS heap: CDP Performance.getMetrics JSHeapUsedSize, sampled after each stage, the largest kept; ' +
    'wasm: byteLength of the WebAssembly.Memory of the app instance (the exports boot.js passes in ' +
    'the TrunkApplicationStarted event, caught by an init script), sampled with the JS heap, the ' +
    'largest kept (linear memory never grows back; when a page stops answering, the last value read ' +
    'is a lower bound); peak total = peak JS heap + peak wasm; renderer peak RSS: VmHWM in ' +
    "/proc/<pid>/status of the largest renderer process under this run's browser process (the whole " +
    'tab: V8, wasm, DOM, layout, shared library pages), read after each stage, so it is known even ' +
    'when the page hangs',
  dom_elements: "document.getElementsByTagName('*').length after each view was painted",
};

// ---------------------------------------------------------------------------------------------
// Helpers

class Timeout extends Error {}

/** `promise`, or a rejection after `ms` (the promise itself is left to settle). */
function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Timeout(`${what}: no answer within ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

function round(value, digits = 1) {
  if (value === null || value === undefined || Number.isNaN(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function mb(bytes) {
  return bytes === null || bytes === undefined ? null : round(bytes / 1e6, 1);
}

function reason(error) {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0].slice(0, 200);
}

/** `/proc/<pid>/status` fields in bytes (`VmRSS`, `VmHWM`), or null off Linux. */
function procStatus(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name) => {
      const match = text.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm'));
      return match ? Number(match[1]) * 1024 : null;
    };
    return { rss: field('VmRSS'), hwm: field('VmHWM') };
  } catch {
    return null;
  }
}

/**
 * The renderer processes of the browser launched with `--bench-run=<marker>`: the browser
 * process is found by that switch on its command line, renderers by `--type=renderer` among
 * its descendants. Linux only (reads /proc); empty elsewhere.
 */
function rendererProcesses(marker) {
  let pids;
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  const info = new Map();
  for (const pid of pids) {
    try {
      // Chromium rewrites its process titles, so the arguments may be one space-separated string.
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      info.set(Number(pid), { ppid, cmdline });
    } catch {
      // The process ended meanwhile.
    }
  }
  const roots = [...info].filter(([, p]) => p.cmdline.includes(`--bench-run=${marker} `)).map(([pid]) => pid);
  const ours = new Set(roots);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, p] of info) {
      if (!ours.has(pid) && ours.has(p.ppid)) {
        ours.add(pid);
        grew = true;
      }
    }
  }
  return [...ours].filter((pid) => info.get(pid).cmdline.includes('--type=renderer'));
}

/** The largest renderer's peak and current resident memory, in bytes. */
function rendererMemory(marker) {
  let best = null;
  for (const pid of rendererProcesses(marker)) {
    const status = procStatus(pid);
    if (status?.hwm != null && (best === null || status.hwm > best.hwm)) best = { pid, ...status };
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// A static server with compression

async function compressAll(buffer) {
  const brotli = promisify(zlib.brotliCompress);
  const gzip = promisify(zlib.gzip);
  const [br, gz] = await Promise.all([
    brotli(buffer, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: buffer.length > 5e6 ? 5 : 9,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
      },
    }),
    gzip(buffer, { level: 6 }),
  ]);
  return { identity: buffer, br, gzip: gz };
}

async function filesUnder(dir, prefix = '') {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const relative = prefix + entry.name;
    if (entry.isDirectory()) out.push(...(await filesUnder(path.join(dir, entry.name), `${relative}/`)));
    else out.push(relative);
  }
  return out;
}

/** Serves `dist` plus `extra` ({'data/generated-1k.json': file}) at `/`, compressed in advance. */
async function startServer(dist, extra) {
  const files = new Map();
  for (const relative of await filesUnder(dist)) files.set(relative, path.join(dist, relative));
  for (const [relative, file] of Object.entries(extra)) files.set(relative, file);
  const bodies = new Map();
  for (const [relative, file] of files) bodies.set(relative, await compressAll(await readFile(file)));
  const served = [];
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    let relative = decodeURIComponent(pathname).replace(/^\//, '');
    if (relative === '' || relative.endsWith('/')) relative += 'index.html';
    const body = bodies.get(relative);
    if (!body) {
      res.writeHead(404, { 'Content-Security-Policy': CSP, 'Content-Type': 'text/plain' });
      res.end('not found\n');
      return;
    }
    const accepts = String(req.headers['accept-encoding'] || '');
    const encoding = /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : 'identity';
    const data = body[encoding];
    served.push({ path: relative, encoding, bytes: data.length });
    res.writeHead(200, {
      'Content-Security-Policy': CSP,
      'Content-Type': MIME_TYPES[path.extname(relative).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': data.length,
      ...(encoding === 'identity' ? {} : { 'Content-Encoding': encoding }),
      Vary: 'Accept-Encoding',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : data);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    served,
    bodies,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// In-page code

/** Runs in every document before the page's own scripts (over CDP, so CSP does not apply). */
function initScript() {
  const bench = (window.__bench = { firstResults: null, wasmMemory: null, started: null });
  addEventListener('TrunkApplicationStarted', (event) => {
    bench.started = performance.now();
    bench.wasmMemory = event.detail?.wasm?.memory ?? null;
  });
  const observer = new MutationObserver(() => {
    if (bench.firstResults === null && document.querySelector('[data-testid=entry]')) {
      observer.disconnect();
      const seen = performance.now();
      bench.firstResults = { seen, painted: null };
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          bench.firstResults.painted = performance.now();
        }),
      );
    }
  });
  observer.observe(document, { childList: true, subtree: true });
  // Shared by the measures below.
  bench.count = () => document.querySelector('[data-testid=entry-count]')?.textContent ?? '';
  bench.frames = (n) =>
    new Promise((resolve) => {
      const step = (left) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
      step(n);
    });
  bench.countChange = (before, timeoutMs) =>
    new Promise((resolve, reject) => {
      let observer = null;
      let timer = null;
      const done = () => {
        observer?.disconnect();
        clearTimeout(timer);
      };
      const check = () => {
        if (bench.count() !== before) {
          done();
          resolve(bench.count());
          return true;
        }
        return false;
      };
      if (check()) return;
      observer = new MutationObserver(check);
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      timer = setTimeout(() => {
        done();
        reject(new Error(`entry count stayed "${before}" for ${timeoutMs / 1000} s`));
      }, timeoutMs);
    });
}

// ---------------------------------------------------------------------------------------------
// Measures

async function memorySample(page, cdp) {
  const { metrics } = await withTimeout(cdp.send('Performance.getMetrics'), 10_000, 'CDP metrics');
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  const wasm = await withTimeout(
    page.evaluate(() => window.__bench?.wasmMemory?.buffer?.byteLength ?? null),
    10_000,
    'reading wasm memory',
  );
  return { jsHeapUsed: m.JSHeapUsedSize ?? null, jsHeapTotal: m.JSHeapTotalSize ?? null, wasm };
}

async function domElements(page) {
  return withTimeout(
    page.evaluate(() => document.getElementsByTagName('*').length),
    10_000,
    'counting elements',
  );
}

async function firstResults(page, url, errors) {
  // Seen from outside the page too, to say how far a load got when the page stops answering.
  const navigated = Date.now();
  let received = null;
  const onFinished = (request) => {
    if (request.url().includes('data/generated-')) received = Date.now() - navigated;
  };
  page.on('requestfinished', onFinished);
  const progress = () =>
    received === null
      ? 'the data file had not arrived'
      : `the data file arrived after ${(received / 1000).toFixed(1)} s`;
  try {
    return await firstResultsIn(page, url, errors, progress);
  } finally {
    page.off('requestfinished', onFinished);
  }
}

async function firstResultsIn(page, url, errors, progress) {
  await withTimeout(page.goto(url, { waitUntil: 'commit' }), MEASURE_TIMEOUT_MS, 'navigation');
  const deadline = Date.now() + MEASURE_TIMEOUT_MS;
  for (;;) {
    if (errors.length > 0) throw new Error(`page error: ${errors[0]} (${progress()})`);
    const state = await withTimeout(
      page.evaluate(() => {
        const problem = document.querySelector('[data-testid=error-view],[data-testid=boot-error]');
        const bench = window.__bench;
        const data = performance
          .getEntriesByType('resource')
          .find((r) => r.name.includes('data/generated-'));
        return {
          problem: problem ? problem.textContent.trim().replace(/\s+/g, ' ') : null,
          firstResults: bench?.firstResults ?? null,
          started: bench?.started ?? null,
          dataFetched: data ? data.responseEnd : null,
          dataTransferred: data ? data.transferSize : null,
        };
      }),
      Math.max(1_000, deadline - Date.now()),
      'the page (main thread busy)',
    ).catch((error) => {
      if (error instanceof Timeout) {
        throw new Error(
          `no first results within ${MEASURE_TIMEOUT_MS / 1000} s: the page stopped answering; ${progress()}`,
        );
      }
      throw error;
    });
    if (state.problem) throw new Error(`the page shows an error: ${state.problem.slice(0, 160)}`);
    if (state.firstResults?.painted != null) return state;
    if (Date.now() > deadline) throw new Error(`no first results within ${MEASURE_TIMEOUT_MS / 1000} s; ${progress()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function facetClicks(page) {
  return withTimeout(
    page.evaluate(
      async ({ clicks, budgetMs }) => {
        const bench = window.__bench;
        const total = bench.count();
        const section = document.querySelector('.facet');
        if (!section) throw new Error('no .facet section');
        const facet = section.dataset.facet;
        // Two values whose count is neither zero nor everything, so each click changes the count.
        const tokens = [...section.querySelectorAll('input[type=checkbox]:not(:disabled)')]
          .filter((input) => {
            const n = Number(
              input.closest('label')?.querySelector('.facet-count')?.textContent.replace(/\D/g, ''),
            );
            return n > 0 && !total.startsWith(`${n.toLocaleString('en')} of`) && !total.startsWith(`${n} of`);
          })
          .slice(0, 2)
          .map((input) => input.dataset.token);
        if (tokens.length < 2) throw new Error(`fewer than two usable values in facet ${facet}`);
        const times = [];
        const started = performance.now();
        for (let k = 0; k < clicks; k++) {
          if (performance.now() - started > budgetMs) break;
          const token = tokens[Math.floor(k / 2) % 2];
          const input = document.querySelector(
            `.facet[data-facet="${facet}"] input[type=checkbox][data-token="${CSS.escape(token)}"]`,
          );
          if (!input) throw new Error(`facet value ${facet}=${token} not found`);
          const before = bench.count();
          const t0 = performance.now();
          input.click();
          await bench.countChange(before, budgetMs);
          await bench.frames(2);
          times.push(performance.now() - t0);
          await new Promise((r) => setTimeout(r, 30));
        }
        return { facet, tokens, times };
      },
      { clicks: FACET_CLICKS, budgetMs: MEASURE_TIMEOUT_MS - 5_000 },
    ),
    MEASURE_TIMEOUT_MS,
    'facet clicks',
  );
}

async function searches(page) {
  const started = Date.now();
  const total = await withTimeout(page.evaluate(() => window.__bench.count()), 10_000, 'reading the count');
  const times = [];
  const skipped = [];
  for (const term of SEARCH_TERMS) {
    try {
      const left = MEASURE_TIMEOUT_MS - (Date.now() - started);
      if (left < 2_000) break;
      await withTimeout(page.fill('[data-testid=search]', term, { timeout: left }), left, 'typing');
      // Arm: the Enter keydown starts the clock; the count change + two frames stop it.
      await withTimeout(page.evaluate(
        ({ total, timeoutMs }) => {
          const bench = window.__bench;
          bench.search = null;
          const input = document.querySelector('[data-testid=search]');
          const onKey = (event) => {
            if (event.key !== 'Enter') return;
            window.removeEventListener('keydown', onKey, true);
            const t0 = performance.now();
            const before = bench.count();
            if (before !== total) {
              bench.search = { skipped: 'the debounced search ran before Enter' };
              return;
            }
            bench
              .countChange(before, timeoutMs)
              .then(() => bench.frames(2))
              .then(
                () => (bench.search = { ms: performance.now() - t0, count: bench.count() }),
                (error) => (bench.search = { error: error.message }),
              );
          };
          window.addEventListener('keydown', onKey, true);
          input.focus();
        },
        { total, timeoutMs: left },
      ), left, 'arming the search');
      await withTimeout(page.keyboard.press('Enter'), left, 'pressing Enter');
      const outcome = await withTimeout(
        page.waitForFunction(() => window.__bench.search, null, { timeout: left, polling: 50 }).then((h) => h.jsonValue()),
        left + 1_000,
        `search "${term}"`,
      );
      if (outcome.error) throw new Error(`search "${term}": ${outcome.error}`);
      if (outcome.skipped) skipped.push(`${term}: ${outcome.skipped}`);
      else times.push({ term, ms: outcome.ms, count: outcome.count });
      // Back to every entry before the next term.
      const clear = async () => {
        await page.fill('[data-testid=search]', '');
        await page.keyboard.press('Enter');
      };
      await withTimeout(clear(), left, 'clearing the search');
      await withTimeout(
        page.waitForFunction((t) => window.__bench.count() === t, total, { timeout: left, polling: 50 }),
        left + 1_000,
        'clearing the search',
      );
    } catch (error) {
      // Keep the searches that finished; the first failure ends the measure.
      if (times.length === 0) throw error;
      return { times, skipped, failed: reason(error) };
    }
  }
  return { times, skipped };
}

/** Clicks a view tab and waits until `selector` exists and two frames ran; returns ms. */
async function switchView(page, view, selector) {
  return withTimeout(
    page.evaluate(
      async ({ view, selector, timeoutMs }) => {
        const bench = window.__bench;
        const tab = document.querySelector(`[data-testid=view-${view}]`);
        if (!tab) throw new Error(`no [data-testid=view-${view}] tab`);
        const t0 = performance.now();
        tab.click();
        await new Promise((resolve, reject) => {
          const check = () => document.querySelector(selector) && (observer.disconnect(), clearTimeout(timer), resolve(), true);
          const observer = new MutationObserver(check);
          const timer = setTimeout(() => {
            observer.disconnect();
            reject(new Error(`${selector} did not appear within ${timeoutMs / 1000} s`));
          }, timeoutMs);
          if (!check()) observer.observe(document.body, { childList: true, subtree: true });
        });
        await bench.frames(2);
        return performance.now() - t0;
      },
      { view, selector, timeoutMs: MEASURE_TIMEOUT_MS - 5_000 },
    ),
    MEASURE_TIMEOUT_MS,
    `switching to ${view}`,
  );
}

async function timelinePan(page) {
  const box = page.locator('.timeline-box');
  await box.scrollIntoViewIfNeeded({ timeout: MEASURE_TIMEOUT_MS });
  const geometry = await withTimeout(
    page.evaluate(() => {
      const rect = document.querySelector('.timeline-box').getBoundingClientRect();
      const plot = document.querySelector('.timeline-plot').getBoundingClientRect();
      const top = Math.max(rect.top, 0);
      const bottom = Math.min(rect.bottom, innerHeight);
      // A start point on the plot but not on an item (a press on an item opens it).
      for (let y = top + 14; y < bottom - 4; y += 7) {
        for (let x = rect.left + 200; x < rect.left + 360; x += 10) {
          const el = document.elementFromPoint(x, y);
          if (el && el.closest('.timeline-box') && !el.closest('.tl-item')) {
            return { x, y, width: Math.min(rect.right, innerWidth) - x - 20, plotHeight: plot.height };
          }
        }
      }
      return null;
    }),
    10_000,
    'timeline geometry',
  );
  if (!geometry) throw new Error('no free point on the timeline to start a drag');
  const axis = () => page.evaluate(() => document.querySelector('.tl-axis')?.textContent ?? '');
  const axisBefore = await withTimeout(axis(), 10_000, 'reading the axis');
  const record = page.evaluate(() => {
    const bench = window.__bench;
    bench.frameTimes = [];
    bench.recording = true;
    const loop = (t) => {
      bench.frameTimes.push(t);
      if (bench.recording) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
  await withTimeout(record, 10_000, 'starting the frame recorder');
  const distance = Math.max(100, Math.min(600, geometry.width));
  const drag = async () => {
    await page.mouse.move(geometry.x, geometry.y);
    await page.mouse.down();
    const t0 = await page.evaluate(() => performance.now());
    for (let i = 1; i <= DRAG_STEPS; i++) {
      await page.mouse.move(geometry.x + (distance * i) / DRAG_STEPS, geometry.y);
    }
    await page.mouse.up();
    const t1 = await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(performance.now()))));
    return { t0, t1 };
  };
  const { t0, t1 } = await withTimeout(drag(), MEASURE_TIMEOUT_MS, 'the drag');
  const frameTimes = await withTimeout(
    page.evaluate(() => {
      window.__bench.recording = false;
      return window.__bench.frameTimes;
    }),
    10_000,
    'reading frame times',
  );
  const during = frameTimes.filter((t) => t >= t0 && t <= t1);
  const intervals = [];
  for (let i = 1; i < during.length; i++) intervals.push(during[i] - during[i - 1]);
  const axisAfter = await withTimeout(axis(), 10_000, 'reading the axis');
  return {
    intervals,
    dragMs: t1 - t0,
    distance,
    panned: axisBefore !== axisAfter,
  };
}

// ---------------------------------------------------------------------------------------------
// One size

async function benchSize(server, label) {
  const result = { label, load_average_1min: round(os.loadavg()[0], 2), measures: {} };
  const marker = randomUUID();
  let browser;
  try {
    browser = await withTimeout(
      chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...ARGS, `--bench-run=${marker}`] }),
      MEASURE_TIMEOUT_MS,
      'starting Chromium',
    );
  } catch (error) {
    result.failed = reason(error);
    return result;
  }
  result.chromium = browser.version();
  const errors = [];
  try {
    const context = await browser.newContext({ viewport: VIEWPORT, bypassCSP: false });
    await context.addInitScript(initScript);
    const url = `${server.url}?data=data/generated-${label}.json`;
    const samples = [];
    const loads = [];
    let rendererPeak = null;

    // Each phase starts from a fresh page load, so a measure is not slowed down by what an
    // earlier one left behind. Once a page stops answering, its remaining measures are
    // skipped, not each timed out.
    let current = null;
    const measure = async (name, run, format) => {
      if (current.stuck) {
        result.measures[name] = { skipped: `the page stopped answering during ${current.stuck}` };
        return result.measures[name];
      }
      try {
        result.measures[name] = format(await run());
      } catch (error) {
        result.measures[name] = { failed: reason(error) };
        const alive = await withTimeout(current.page.evaluate(() => true), 5_000, 'probe').catch(() => false);
        if (!alive) current.stuck = name;
      }
      return result.measures[name];
    };
    const sample = async (stage) => {
      const memory = rendererMemory(marker);
      if (memory && (rendererPeak === null || memory.hwm > rendererPeak.hwm)) rendererPeak = memory;
      if (current.stuck) return;
      try {
        samples.push({ stage, ...(await memorySample(current.page, current.cdp)) });
      } catch {
        // An unresponsive page is reported by the measure that hit it.
      }
    };
    const elements = (name) =>
      measure(name, () => domElements(current.page), (n) => ({ elements: n }));
    const phase = async (name, body) => {
      const page = await withTimeout(context.newPage(), MEASURE_TIMEOUT_MS, 'opening a page');
      page.setDefaultTimeout(MEASURE_TIMEOUT_MS);
      const pageErrors = [];
      page.on('pageerror', (error) => pageErrors.push(`${name} phase: ${reason(error)}`));
      page.on('crash', () => pageErrors.push(`${name} phase: the page crashed`));
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      current = { page, cdp, stuck: null };
      let loaded = false;
      try {
        const state = await firstResults(page, url, pageErrors);
        loads.push({
          phase: name,
          ms: round(state.firstResults.painted),
          entries_seen_ms: round(state.firstResults.seen),
          app_started_ms: round(state.started),
          data_fetched_ms: round(state.dataFetched),
        });
        loaded = true;
      } catch (error) {
        loads.push({ phase: name, failed: reason(error) });
        current.stuck = `the load for ${name}`;
      }
      if (loaded) await body(page);
      await sample(`${name} end`);
      errors.push(...pageErrors);
      if (current.stuck) result.stuck_during = [...(result.stuck_during ?? []), current.stuck];
      await withTimeout(page.close(), 15_000, 'closing the page').catch(() => {});
      return loaded;
    };

    // 1. First results, the list's size, facet clicks.
    const listLoaded = await phase('list', async () => {
      await sample('list');
      await elements('dom_list');
      await measure('facet_click', () => facetClicks(current.page), (r) => ({
        p50: round(percentile(r.times, 50)),
        p95: round(percentile(r.times, 95)),
        max: round(Math.max(...r.times)),
        n: r.times.length,
        facet: r.facet,
        values: r.tokens,
        times: r.times.map((t) => round(t, 0)),
      }));
    });
    const first = loads[0];
    result.measures.first_results = first.failed ? { failed: first.failed } : first;
    const skipAll = (names) => {
      for (const name of names) result.measures[name] ??= { skipped: 'the first load failed' };
    };
    if (!listLoaded) {
      skipAll(['dom_list', 'facet_click', 'search', 'switch_timeline', 'dom_timeline', 'timeline_pan', 'switch_charts', 'dom_charts']);
    } else {
      // 2. Searches on a fresh page.
      await phase('search', async () => {
        await measure('search', () => searches(current.page), (r) => ({
          p50: round(percentile(r.times.map((t) => t.ms), 50)),
          p95: round(percentile(r.times.map((t) => t.ms), 95)),
          max: round(Math.max(...r.times.map((t) => t.ms))),
          n: r.times.length,
          terms: r.times.map((t) => ({ term: t.term, ms: round(t.ms), count: t.count })),
          ...(r.skipped.length ? { skipped: r.skipped } : {}),
          ...(r.failed ? { then_failed: r.failed } : {}),
        }));
        await sample('search');
      });
      // 3. Timeline (switched to from the list), its pan, then the charts.
      await phase('views', async () => {
        const timeline = await measure(
          'switch_timeline',
          () => switchView(current.page, 'timeline', '[data-testid=timeline]'),
          (ms) => ({ ms: round(ms) }),
        );
        if (!timeline.failed && !timeline.skipped) {
          await elements('dom_timeline');
          await sample('timeline');
          await measure('timeline_pan', () => timelinePan(current.page), (r) => ({
            p50: round(percentile(r.intervals, 50)),
            p95: round(percentile(r.intervals, 95)),
            max: round(r.intervals.length ? Math.max(...r.intervals) : null),
            frames: r.intervals.length,
            drag_ms: round(r.dragMs),
            distance_px: round(r.distance, 0),
            panned: r.panned,
          }));
          await sample('timeline pan');
        }
        const charts = await measure(
          'switch_charts',
          () => switchView(current.page, 'charts', '[data-testid=charts]'),
          (ms) => ({ ms: round(ms) }),
        );
        if (!charts.failed && !charts.skipped) {
          await elements('dom_charts');
          await sample('charts');
        }
      });
    }
    result.loads = loads;

    // Memory, also after a failed or stuck page (what it held when it gave up).
    const peak = samples.reduce((best, s) => (s.jsHeapUsed > (best?.jsHeapUsed ?? -1) ? s : best), null);
    const wasmPeak = samples.reduce((best, s) => (s.wasm > (best?.wasm ?? -1) ? s : best), null);
    result.measures.memory = {
      peak_js_heap_mb: mb(peak?.jsHeapUsed),
      peak_js_heap_stage: peak?.stage ?? null,
      wasm_memory_mb: mb(wasmPeak?.wasm),
      wasm_memory_stage: wasmPeak?.stage ?? null,
      wasm_memory_complete: !result.stuck_during,
      peak_total_mb: peak && wasmPeak ? mb(peak.jsHeapUsed + wasmPeak.wasm) : null,
      renderer_peak_rss_mb: mb(rendererPeak?.hwm),
      samples: samples.map((s) => ({
        stage: s.stage,
        js_heap_used_mb: mb(s.jsHeapUsed),
        js_heap_total_mb: mb(s.jsHeapTotal),
        wasm_mb: mb(s.wasm),
      })),
    };
    if (errors.length) result.page_errors = [...new Set(errors)].slice(0, 5);
  } catch (error) {
    result.failed = reason(error);
  } finally {
    await withTimeout(browser.close(), 15_000, 'closing Chromium').catch(() => {});
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Output

function cell(measure, format) {
  if (!measure) return 'skipped';
  if (measure.failed) return `failed: ${measure.failed}`;
  if (measure.skipped) return 'skipped (page stuck)';
  return format(measure);
}

/** A memory figure the page never answered for. */
const UNREAD = 'not read (page stuck)';

function printTable(results) {
  const rows = [
    ['data file (MB raw / transferred)', (r) => `${r.data.raw_mb} / ${r.data.transferred_mb} ${r.data.encoding}`],
    ['load average (1 min) at start', (r) => `${r.load_average_1min} on ${os.cpus().length} CPUs`],
    ['first results painted (ms)', (r) => cell(r.measures.first_results, (m) => `${m.ms}`)],
    ['  later loads (search, views phases)', (r) => (r.loads ?? []).slice(1).map((l) => (l.failed ? 'failed' : l.ms)).join(' / ') || 'skipped'],
    ['  app started / data fetched (ms)', (r) => cell(r.measures.first_results, (m) => `${m.app_started_ms} / ${m.data_fetched_ms}`)],
    ['facet click -> painted p50/p95 (ms)', (r) => cell(r.measures.facet_click, (m) => `${m.p50} / ${m.p95} (n=${m.n})`)],
    ['search Enter -> painted p50/p95 (ms)', (r) => cell(r.measures.search, (m) => `${m.p50} / ${m.p95} (n=${m.n}${m.then_failed ? `, then failed: ${m.then_failed}` : ''})`)],
    ['switch to timeline (ms)', (r) => cell(r.measures.switch_timeline, (m) => `${m.ms}`)],
    ['timeline pan frame p50/p95 (ms)', (r) => cell(r.measures.timeline_pan, (m) => `${m.p50} / ${m.p95} (${m.frames} frames${m.panned ? '' : ', did not pan'})`)],
    ['switch to charts (ms)', (r) => cell(r.measures.switch_charts, (m) => `${m.ms}`)],
    ['DOM elements list / timeline / charts', (r) => [r.measures.dom_list, r.measures.dom_timeline, r.measures.dom_charts].map((m) => cell(m, (x) => `${x.elements}`)).join(' / ')],
    ['peak JS heap used (MB)', (r) => cell(r.measures.memory, (m) => (m.peak_js_heap_mb === null ? UNREAD : `${m.peak_js_heap_mb} (${m.peak_js_heap_stage})`))],
    ['wasm linear memory (MB)', (r) => cell(r.measures.memory, (m) => (m.wasm_memory_mb === null ? UNREAD : `${m.wasm_memory_complete ? '' : 'at least '}${m.wasm_memory_mb}`))],
    ['peak JS heap + wasm (MB)', (r) => cell(r.measures.memory, (m) => (m.peak_total_mb === null ? UNREAD : `${m.peak_total_mb}`))],
    ['page errors', (r) => (r.page_errors?.length ? r.page_errors.join('; ') : 'none')],
    ['renderer process peak RSS (MB)', (r) => cell(r.measures.memory, (m) => (m.renderer_peak_rss_mb === null ? 'unknown (no /proc)' : `${m.renderer_peak_rss_mb}`))],
  ];
  const header = ['', ...results.map((r) => `${r.label} (${r.entries} entries)`)];
  const body = rows.map(([name, fn]) => [name, ...results.map((r) => (r.failed ? `failed: ${r.failed}` : fn(r)))]);
  const widths = header.map((_, i) => Math.min(60, Math.max(...[header, ...body].map((row) => String(row[i]).length))));
  const line = (row) => row.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of body) console.log(line(row));
}

// ---------------------------------------------------------------------------------------------
// Main

const { values: options } = parseArgs({ options: { sizes: { type: 'string' } } });
const wanted = options.sizes ? options.sizes.split(',').map((s) => s.trim()) : ['1k', '10k', '100k'];

if (!existsSync(path.join(DIST, 'index.html'))) {
  console.error(`no release build at ${DIST}: run \`cargo xtask dist\` (or \`cargo xtask bench\`)`);
  process.exit(1);
}
const sizes = [];
for (const label of wanted) {
  const file = path.join(DATA_DIR, `report-${label}.json`);
  if (!existsSync(file)) {
    console.error(
      `no ${file}: generate it with \`cargo xtask gen-data --entries N --seed 1 --out ${path.relative(root, file)}\``,
    );
    process.exit(1);
  }
  sizes.push({ label, file });
}

console.log(`compressing dist/ and ${sizes.length} reports (brotli and gzip) before measuring...`);
const extra = Object.fromEntries(sizes.map((s) => [`data/generated-${s.label}.json`, s.file]));
const server = await startServer(DIST, extra);
console.log(`serving ${DIST} at ${server.url}`);

const results = [];
try {
  for (const { label, file } of sizes) {
    const text = await readFile(file, 'utf8');
    const entries = JSON.parse(text).entries.length;
    const raw = (await stat(file)).size;
    console.log(`\n${label}: ${entries} entries, measuring...`);
    const before = server.served.length;
    const result = { entries, ...(await benchSize(server, label)) };
    const dataRequest = server.served
      .slice(before)
      .find((s) => s.path === `data/generated-${label}.json`);
    const body = server.bodies.get(`data/generated-${label}.json`);
    result.data = {
      raw_mb: mb(raw),
      encoding: dataRequest?.encoding ?? 'br',
      transferred_mb: mb(dataRequest?.bytes ?? body.br.length),
    };
    for (const [name, m] of Object.entries(result.measures)) {
      if (m.failed) console.log(`  ${name}: failed: ${m.failed}`);
    }
    for (const stuck of result.stuck_during ?? []) {
      console.log(`  the page stopped answering during ${stuck}; its later measures were skipped`);
    }
    if (result.failed) console.log(`  failed: ${result.failed}`);
    results.push(result);
  }
} finally {
  await server.close();
}

console.log('\nBrowser benchmark (headless Chromium, release dist/, lower is better)\n');
printTable(results);
console.log('\nHow each number was measured:');
for (const [name, how] of Object.entries(HOW)) console.log(`  ${name}: ${how}`);

const distFiles = (await filesUnder(DIST)).filter((f) => /\.(wasm|js|css)$/.test(f));
const report = {
  generated_at: new Date().toISOString(),
  chromium: results.find((r) => r.chromium)?.chromium ?? null,
  viewport: VIEWPORT,
  dist: Object.fromEntries(
    distFiles.map((f) => {
      const b = server.bodies.get(f);
      return [f, { bytes: b.identity.length, br: b.br.length, gzip: b.gzip.length }];
    }),
  ),
  how: HOW,
  sizes: results,
};
await mkdir(path.dirname(RESULTS), { recursive: true });
await writeFile(RESULTS, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nwrote ${path.relative(process.cwd(), RESULTS) || RESULTS}`);
