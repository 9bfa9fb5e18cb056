// End-to-end tests of loading under network and server faults: the release build in dist/
// (REPORT_EXPLORER_DIST), served by the fault-injecting server (server.mjs `faults`) under
// the strict CSP, in headless Chromium. Each fault ends in its exact message with the page
// never blank; then the fault is removed on the server and "Try again" loads the report.
// The catalogue (case -> message) is in docs/embedding.md, "When loading fails".

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import path from 'node:path';

import { startServer } from './server.mjs';
import { DATASET, DIST, NO_PROBLEMS } from './common.mjs';
import { launchBrowser, openPage, text, waitFor } from './browser.mjs';

const DATA = 'data/report.json';
const DATA_URL = /\/data\/report\.json$/;
/** The report file's size, as the messages write it. */
const SIZE = statSync(path.join(DIST, DATA)).size;
const BYTES = SIZE.toLocaleString('en-US');
/** The stall timeout the tests configure, in seconds. */
const TIMEOUT_S = 1;

let browser;
/** A second server: another origin that redirects point to. */
let elsewhere;

before(async () => {
  browser = await launchBrowser();
  elsewhere = await startServer({ dir: DIST });
});

after(async () => {
  await browser?.close();
  await elsewhere?.close();
});

/** A JSON body served at the app's config.json. */
function configPage(config) {
  return { '/config.json': { body: JSON.stringify(config), type: 'application/json' } };
}

/**
 * Serves dist/ with `options` (faults, trickle, pages; by default a config.json with a
 * `fetch_timeout_s` of TIMEOUT_S), opens `query` and runs `body(tab, server)`.
 */
async function visit({ query = `?data=${DATA}`, expected = [DATA_URL], ...options }, body) {
  const server = await startServer({
    dir: DIST,
    pages: configPage({ fetch_timeout_s: TIMEOUT_S }),
    ...options,
  });
  const tab = await openPage(browser, { expected });
  try {
    await tab.page.goto(`${server.url}${query}`);
    await body(tab, server);
  } finally {
    await tab.context.close();
    await server.close();
  }
}

/** The page shows something: never an empty <main>. */
async function assertNotBlank(page) {
  const shown = await page.evaluate(() => document.querySelector('main.app')?.innerText.trim() ?? '');
  assert.ok(shown.length > 0, 'the page is blank');
}

/** Waits for the error view and returns its heading and message. */
async function errorShown(page) {
  await waitFor(page, 'error-view');
  await assertNotBlank(page);
  assert.equal(await page.locator('[data-testid="retry"]').count(), 1, 'a retry button');
  return {
    heading: (await page.locator('[data-testid="error-view"] h1').innerText()).trim(),
    message: (await page.locator('[data-testid="error-view"] .error-message').innerText()).trim(),
  };
}

/** Removes the fault on the server, presses "Try again" and waits for the report. */
async function retryLoads(page, server) {
  delete server.faults[DATA];
  await page.locator('[data-testid="retry"]').click();
  await waitFor(page, 'report-title');
  assert.equal(await text(page, 'report-title'), DATASET.report.title);
  assert.equal(await page.locator('[data-testid="error-view"]').count(), 0);
  assert.match(await text(page, 'entry-count'), new RegExp(`of ${DATASET.entries.length} entries$`));
}

const TOO_LARGE_ADVICE =
  "Ask the site's administrator to raise `max_data_mb` in config.json, or load a smaller report.";
/** A body over 1 MB (the limit these cases configure). */
const BIG = `{"entries": [${'"x", '.repeat(300_000)}"x"]}`;

/** Fault -> heading and exact message for the report fetch. */
const CASES = [
  {
    name: 'HTTP 404',
    fault: { status: 404, body: 'not found\n' },
    heading: 'The server answered HTTP 404',
    message: `${DATA}: HTTP 404 Not Found. There is no file at this address; check the link.`,
  },
  {
    name: 'HTTP 500',
    fault: { status: 500, body: 'internal error\n' },
    heading: 'The server answered HTTP 500',
    message:
      `${DATA}: HTTP 500 Internal Server Error. The server could not answer; try again in a moment.`,
  },
  {
    name: 'the connection reset before any answer (as offline)',
    fault: { reset: true },
    heading: 'The report could not be fetched',
    // Chromium's words in brackets.
    message:
      `${DATA}: the request failed (Failed to fetch). Check the network connection and try again.`,
  },
  {
    name: 'no answer at all (not even headers)',
    fault: { hang: true },
    heading: 'The download stalled',
    message:
      `${DATA}: no data arrived for 1 second; ` +
      'the server or the network stopped responding. Try again later.',
  },
  {
    name: 'a stalled response (headers, then no bytes)',
    fault: { stallAfter: 0 },
    heading: 'The download stalled',
    message:
      `${DATA}: no data arrived for 1 second after 0 of ${BYTES} bytes; ` +
      'the server or the network stopped responding. Try again later.',
  },
  {
    name: 'a stalled response part way through',
    fault: { stallAfter: 4096 },
    heading: 'The download stalled',
    message:
      `${DATA}: no data arrived for 1 second after 4,096 of ${BYTES} bytes; ` +
      'the server or the network stopped responding. Try again later.',
  },
  {
    name: 'a connection dropped mid-body',
    // Cut once the page shows the first 4,096 bytes read (see `cut` below).
    fault: { stallAfter: 4096 },
    cut: true,
    heading: 'The download was cut off',
    message:
      `${DATA}: the connection was closed after 4,096 of ${BYTES} bytes. Try again; ` +
      'if it keeps happening, the server or a proxy is cutting the transfer short.',
  },
  {
    name: 'a connection dropped mid-body, chunked',
    fault: { stallAfter: 4096, chunked: true },
    cut: true,
    heading: 'The download was cut off',
    message:
      `${DATA}: the connection was closed after 4,096 bytes. Try again; ` +
      'if it keeps happening, the server or a proxy is cutting the transfer short.',
  },
  {
    name: 'an HTML page (a sign-in page) with 200',
    fault: {
      type: 'text/html; charset=utf-8',
      body: '<!doctype html><title>Sign in</title><form><input name="user"></form>',
    },
    heading: 'The server sent a web page, not the report',
    message:
      `${DATA}: the server returned an HTML page, not the report. ` +
      'It may be a sign-in or error page: check the address, or sign in and try again.',
  },
  {
    name: 'an empty 200 body',
    fault: { body: '' },
    heading: 'The report file is empty',
    message: `${DATA}: the file is empty (the server sent no content).`,
  },
  {
    name: 'a file over max_data_mb with Content-Length',
    config: { fetch_timeout_s: TIMEOUT_S, max_data_mb: 1 },
    fault: { body: BIG },
    heading: 'The report file is too large',
    message:
      `${DATA} is ${(Math.round(BIG.length / 100_000) / 10).toString()} MB or more; ` +
      `this page reads files up to 1 MB. ${TOO_LARGE_ADVICE}`,
  },
  {
    name: 'a file over max_data_mb without Content-Length (chunked)',
    config: { fetch_timeout_s: TIMEOUT_S, max_data_mb: 1 },
    fault: { body: BIG, chunked: true },
    heading: 'The report file is too large',
    message: `${DATA} is larger than 1 MB, the most this page reads. ${TOO_LARGE_ADVICE}`,
  },
];

describe('a report fetch that fails', () => {
  for (const { name, fault, config, cut, heading, message } of CASES) {
    test(`${name}: "${heading}", then Try again loads the report`, async () => {
      const options = { faults: { [DATA]: fault } };
      if (config) options.pages = configPage(config);
      // A cut comes long before the stall timeout.
      if (cut) options.pages = configPage({ fetch_timeout_s: 60 });
      await visit(options, async ({ page, collect }, server) => {
        if (cut) {
          await page.waitForFunction(
            () => document.querySelector('[data-testid="load-status"]')?.textContent.startsWith('Reading'),
          );
          await assertNotBlank(page);
          if (fault.chunked) {
            // No size, so no bar to watch: the reader is running, and takes what has arrived.
            await new Promise((resolve) => setTimeout(resolve, 500));
          } else {
            await page.waitForFunction(
              () => document.querySelector('[data-testid="load-progress"]')?.value === 4096,
            );
          }
          server.dropStalled();
        }
        assert.deepEqual(await errorShown(page), { heading, message });
        await retryLoads(page, server);
        assert.deepEqual(await collect(), NO_PROBLEMS);
      });
    });
  }

  test('a redirect to another origin is refused, and nothing is requested there', async () => {
    const before = elsewhere.requests.length;
    const fault = { status: 302, location: `${elsewhere.url}${DATA}` };
    await visit({ faults: { [DATA]: fault } }, async ({ page, collect }, server) => {
      assert.deepEqual(await errorShown(page), {
        heading: 'The data address redirects to another origin',
        message:
          `${DATA}: the server redirected the request to another origin; this page loads data ` +
          'only from its own origin and those in `allowed_data_origins` in config.json.',
      });
      await retryLoads(page, server);
      assert.equal(elsewhere.requests.length, before, 'requests to the other origin');
      // The browser's CSP refused the redirect (and nothing else); its reports name the
      // address as requested, not where it was sent.
      const { cspViolations, consoleErrors, ...rest } = await collect();
      assert.ok(cspViolations.length > 0, 'the CSP refused the redirect');
      for (const line of [...cspViolations, ...consoleErrors]) {
        assert.match(line, /connect-src/);
        assert.match(line, /\/data\/report\.json/);
      }
      const { cspViolations: _, consoleErrors: __, ...none } = NO_PROBLEMS;
      assert.deepEqual(rest, none);
    });
  });

  test('a redirect within the origin is followed', async () => {
    const fault = { status: 302, location: '/data/moved.json' };
    const files = { 'data/moved.json': path.join(DIST, DATA) };
    await visit({ faults: { [DATA]: fault }, files }, async ({ page, requests, collect }) => {
      await waitFor(page, 'report-title');
      assert.equal(await text(page, 'report-title'), DATASET.report.title);
      assert.ok(requests.some((url) => url.endsWith('/data/moved.json')), 'the redirect was followed');
      assert.deepEqual(await collect(), NO_PROBLEMS);
    });
  });
});

describe('a slow report file', () => {
  test('trickling in for longer than the stall timeout: bytes and the bar advance, then it loads', async () => {
    // 4 KiB every 150 ms: several seconds in all, but never a second without data.
    const trickle = { [DATA]: { chunk: 4096, delayMs: 150 } };
    await visit({ trickle }, async ({ page, collect }) => {
      const seen = [];
      for (let i = 0; i < 3; i++) {
        const last = seen.at(-1)?.value ?? 0;
        await page.waitForFunction(
          (after) => (document.querySelector('[data-testid="load-progress"]')?.value ?? 0) > after,
          last,
        );
        await assertNotBlank(page);
        seen.push({
          value: await page.locator('[data-testid="load-progress"]').evaluate((b) => b.value),
          max: await page.locator('[data-testid="load-progress"]').evaluate((b) => b.max),
          status: await text(page, 'load-status'),
        });
      }
      for (const { value, max, status } of seen) {
        assert.equal(max, SIZE, 'the bar runs to the announced size');
        assert.ok(value > 0 && value < max, `bar at ${value} of ${max}`);
        assert.match(status, /^Reading the report: [\d.]+ MB of 0\.1 MB$/);
      }
      assert.ok(seen[0].value < seen[1].value && seen[1].value < seen[2].value, JSON.stringify(seen));
      await waitFor(page, 'report-title');
      assert.equal(await text(page, 'report-title'), DATASET.report.title);
      assert.equal(await page.locator('[data-testid="error-view"]').count(), 0);
      assert.deepEqual(await collect(), NO_PROBLEMS);
    });
  });
});

describe('a config.json that fails', () => {
  const CONFIG = JSON.stringify({ theme: 'dark' });
  const EXPECTED = '(expected a readable file, or none (HTTP 404); every setting keeps its default)';
  const CONFIG_CASES = [
    {
      name: 'HTTP 500',
      fault: { status: 500, body: 'internal error\n' },
      problem:
        'error: config.json: HTTP 500 Internal Server Error. The server could not answer; try again in a moment.',
    },
    {
      name: 'a connection dropped mid-body',
      fault: { body: CONFIG, dropAfter: 10 },
      problem:
        `error: config.json: the connection was closed after 10 of ${CONFIG.length} bytes. Try again; ` +
        'if it keeps happening, the server or a proxy is cutting the transfer short.',
    },
    {
      name: 'a redirect to another origin',
      fault: { status: 302, location: 'http://127.0.0.1:9/config.json' },
      problem:
        'error: config.json: the server redirected the request to another origin; this page loads ' +
        'data only from its own origin and those in `allowed_data_origins` in config.json.',
      csp: true,
    },
    {
      name: 'an empty body',
      fault: { body: '' },
      problem: 'error: config.json: the file is empty (the server sent no content).',
    },
    {
      name: 'a stall (after 10 seconds)',
      fault: { body: CONFIG, stallAfter: 0 },
      problem:
        `error: config.json: no data arrived for 10 seconds after 0 of ${CONFIG.length} bytes; ` +
        'the server or the network stopped responding. Try again later.',
    },
  ];
  for (const { name, fault, problem, csp } of CONFIG_CASES) {
    test(`${name}: the problem is named and the report loads with the defaults`, async () => {
      const options = { pages: {}, faults: { 'config.json': fault }, expected: [/\/config\.json$/] };
      await visit(options, async ({ page, collect }) => {
        const box = await waitFor(page, 'config-problems');
        assert.equal(
          (await box.innerText()).split('\n').filter((l) => l.trim()).slice(0, 2).join('\n'),
          `config.json has 1 problem; the settings concerned use their defaults.\n${problem} ${EXPECTED}`,
        );
        await waitFor(page, 'report-title');
        assert.equal(await text(page, 'report-title'), DATASET.report.title);
        // The defaults: the theme follows the system, not the file's `dark`.
        assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
        const { cspViolations, consoleErrors, ...rest } = await collect();
        if (csp) {
          assert.ok(cspViolations.length > 0, 'the CSP refused the redirect');
          for (const line of [...cspViolations, ...consoleErrors]) {
            assert.match(line, /connect-src/);
            assert.match(line, /\/config\.json/);
          }
        } else {
          assert.deepEqual({ cspViolations, consoleErrors }, { cspViolations: [], consoleErrors: [] });
        }
        const { cspViolations: _, consoleErrors: __, ...none } = NO_PROBLEMS;
        assert.deepEqual(rest, none);
      });
    });
  }

  test('an HTML page (a host answering every path with its page) means the defaults, silently', async () => {
    const fault = { type: 'text/html; charset=utf-8', body: '<!doctype html><title>Intranet</title>' };
    const options = { pages: {}, faults: { 'config.json': fault }, expected: [/\/config\.json$/] };
    await visit(options, async ({ page, collect }) => {
      await waitFor(page, 'report-title');
      assert.equal(await page.locator('[data-testid="config-problems"]').count(), 0);
      assert.deepEqual(await collect(), NO_PROBLEMS);
    });
  });
});
