// End-to-end tests of the release build in dist/ (REPORT_EXPLORER_DIST),
// served with a strict Content-Security-Policy, in headless Chromium.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';

import { CSP, startServer } from './server.mjs';
import { DATASET, DIST, NO_PROBLEMS } from './common.mjs';
import { launchBrowser, openPage, text, waitFor } from './browser.mjs';



let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** Serves dist/ under `prefix`, opens `query` relative to it and runs `body`. */
async function visit({ prefix = '/', query = '', expected = [] }, body) {
  const server = await startServer({ dir: DIST, prefix });
  const tab = await openPage(browser, { expected });
  try {
    await tab.page.goto(`${server.url}${query}`);
    await body(tab, server);
  } finally {
    await tab.context.close();
    await server.close();
  }
}

describe('the default report', () => {
  test('loads and shows every entry with no errors, CSP violations or failed requests', async () => {
    await visit({}, async ({ page, collect }) => {
      await waitFor(page, 'report-title');
      assert.equal(await text(page, 'report-title'), DATASET.report.title);
      const count = DATASET.entries.length;
      // The first page of 50, then the rest on page 2.
      assert.equal(await page.locator('[data-testid="entry"]').count(), Math.min(count, 50));
      assert.match(await text(page, 'entry-count'), new RegExp(`\\b${count}\\b`));
      assert.equal(await text(page, 'page-status'), `Showing 1–50 of ${count} (page 1 of 2)`);
      await page.locator('[data-testid="page-next"]').click();
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-testid="entry"]').length === n,
        count - 50,
      );
      assert.equal(await page.locator('[data-testid="loading"]').count(), 0);
      assert.equal(await page.locator('[data-testid="error-view"]').count(), 0);
      assert.deepEqual(await collect(), NO_PROBLEMS);
    });
  });
});

describe('a report that cannot be loaded', () => {
  test('a missing file shows the error view with the HTTP status and a retry button', async () => {
    const missing = /\/fixtures\/missing\.json$/;
    await visit(
      { query: '?data=fixtures/missing.json', expected: [missing] },
      async ({ page, requests, collect }) => {
        const view = await waitFor(page, 'error-view');
        assert.match(await view.innerText(), /404/);
        assert.equal(await page.locator('[data-testid="retry"]').count(), 1);
        assert.ok(requests.some((url) => missing.test(url)), 'the missing file was requested');
        // Retry fetches the file again and lands on the same specific error.
        const before = requests.filter((url) => missing.test(url)).length;
        await page.locator('[data-testid="retry"]').click();
        for (let i = 0; i < 100 && requests.filter((url) => missing.test(url)).length === before; i++) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await waitFor(page, 'error-view');
        assert.equal(requests.filter((url) => missing.test(url)).length, before + 1);
        assert.deepEqual(await collect(), NO_PROBLEMS);
      },
    );
  });

  test('a JSON syntax error is reported with its line and column', async () => {
    // tests/e2e/fixtures/bad-syntax.json lacks a comma at the end of line 4, so
    // the parser stops at the next key: line 5, column 5.
    await visit({ query: '?data=fixtures/bad-syntax.json' }, async ({ page, collect }) => {
      const view = await waitFor(page, 'error-view');
      const message = await view.innerText();
      assert.match(message, /line 5, column 5/);
      assert.equal(await page.locator('[data-testid="retry"]').count(), 1);
      assert.deepEqual(await collect(), NO_PROBLEMS);
    });
  });
});

describe('a data address that leaves the page origin', () => {
  // Each value goes into `?data=` percent-encoded, as a crafted link would carry it.
  const tricks = [
    ['\\/evil.example/x.json', 'it contains a backslash'],
    ['/\\evil.example/x.json', 'it contains a backslash'],
    ['\\\\evil.example/x.json', 'it contains a backslash'],
    ['//evil.example/x.json', 'it names another host'],
    ['http:evil.example/x.json', 'it names a scheme'],
    ['https://evil.example/x.json', 'it names another origin, `https://evil.example`'],
    ['/\t/evil.example/x.json', 'it contains control characters'],
    ['/\n/evil.example/x.json', 'it contains control characters'],
    ['data:application/json,{}', 'it names a scheme'],
    ['blob:http://127.0.0.1/x', 'it names a scheme'],
    ['javascript:alert(1)', 'it names a scheme'],
    [`data/${'a'.repeat(3000)}.json`, 'it is 3010 characters long; addresses of up to 2048 are read'],
  ];
  test('is refused with its reason before any request leaves the origin', async () => {
    // A host that sends no `connect-src`: only the app's own check keeps requests home.
    const csp = CSP.replace("connect-src 'self'", 'connect-src *');
    const server = await startServer({ dir: DIST, csp });
    try {
      for (const [value, reason] of tricks) {
        const tab = await openPage(browser);
        try {
          await tab.page.goto(`${server.url}?data=${encodeURIComponent(value)}`);
          const view = await waitFor(tab.page, 'error-view');
          const message = await view.innerText();
          assert.match(message, /The data address was refused/, value);
          assert.ok(message.includes(reason), `${JSON.stringify(value)}: ${message}`);
          const foreign = tab.requests.filter((url) => !url.startsWith(server.origin));
          assert.deepEqual(foreign, [], `requests off the origin for ${JSON.stringify(value)}`);
          assert.deepEqual(await tab.collect(), NO_PROBLEMS);
        } finally {
          await tab.context.close();
        }
      }
      // Doubly encoded tricks: whether they arrive decoded or not, nothing leaves the origin.
      for (const value of ['%2F%2Fevil.example/x.json', '%5C/evil.example/x.json']) {
        const tab = await openPage(browser, { expected: [/evil\.example/] });
        try {
          await tab.page.goto(`${server.url}?data=${encodeURIComponent(value)}`);
          await waitFor(tab.page, 'error-view');
          assert.deepEqual(tab.requests.filter((url) => !url.startsWith(server.origin)), [], value);
        } finally {
          await tab.context.close();
        }
      }
    } finally {
      await server.close();
    }
  });
});

describe('a report with a bad entry', () => {
  test('shows the good entries and names the bad one among the problems', async () => {
    await visit({ query: '?data=fixtures/bad-entry.json' }, async ({ page, collect }) => {
      await waitFor(page, 'report-title');
      assert.equal(await page.locator('[data-testid="entry"]').count(), 2);
      const problems = await waitFor(page, 'problems');
      // textContent, not innerText: the list may sit in a collapsed <details>.
      // Compiler-style, as `report-data check` prints it: address, line and column, path.
      assert.match(await problems.textContent(), /fixtures\/bad-entry\.json:56:21: error: entries\[2\]\.subsidiary: /);
      assert.deepEqual(await collect(), NO_PROBLEMS);
    });
  });
});

describe('a filter the report cannot satisfy', () => {
  test('a kind the report lacks is named in a notice, not silently applied', async () => {
    // fixtures/bad-entry.json has awards, services and initiatives, no products.
    await visit({ query: '?data=fixtures/bad-entry.json&kind=product' }, async ({ page, collect }) => {
      await waitFor(page, 'report-title');
      const notice = await waitFor(page, 'url-notice');
      assert.match(await notice.innerText(), /Ignored kind `product`: no such kind in this report\./);
      // The kind is not applied: the good entries show, and no chip claims a filter.
      assert.equal(await page.locator('[data-testid="entry"]').count(), 2);
      assert.equal(await page.locator('.chip').count(), 0);
      assert.deepEqual(await collect(), NO_PROBLEMS);
    });
  });
});

describe('direction controls in the data', () => {
  // fixtures/bidi.json puts a right-to-left override (U+202E) in every name and passage.
  const RLO = '\u202e';
  const values = [];
  const collectValues = (v) => {
    if (typeof v === 'string') {
      if (v.includes(RLO)) values.push(v);
    } else if (v && typeof v === 'object') {
      Object.values(v).forEach(collectValues);
    }
  };
  collectValues(JSON.parse(readFileSync(new URL('./fixtures/bidi.json', import.meta.url), 'utf8')));

  /** Text nodes holding U+202E whose nearest isolating element is not exactly one data value. */
  const unisolated = (page, values) =>
    page.evaluate(
      ({ RLO, values }) => {
        const bad = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          // Isolated in the text itself (U+2068 … U+2069), as in chart tooltips.
          const bare = node.data.replace(/\u2068[^\u2069]*\u2069/g, '');
          if (!bare.includes(RLO)) continue;
          let el = node.parentElement;
          while (el && !['isolate', 'isolate-override', 'plaintext'].includes(getComputedStyle(el).unicodeBidi)) {
            el = el.parentElement;
          }
          if (!el || !values.includes(el.textContent)) bad.push(el ? el.outerHTML.slice(0, 120) : node.data);
        }
        return bad;
      },
      { RLO, values },
    );

  test('are isolated wherever names and passages sit in interface text', async () => {
    for (const query of [
      '&sub=rlo-bank&entry=rlo-award',
      '&view=timeline',
      '&view=charts',
    ]) {
      await visit({ query: `?data=fixtures/bidi.json${query}` }, async ({ page, collect }) => {
        await waitFor(page, 'report-title');
        await page.waitForTimeout(300);
        if (query.includes('charts')) {
          // A tooltip names a subsidiary and a category.
          const canvas = page.locator('canvas').first();
          const box = await canvas.boundingBox();
          for (let x = 0.3; x < 0.9 && !(await page.locator('.chart-tooltip').count()); x += 0.05) {
            for (let y = 0.1; y < 0.9 && !(await page.locator('.chart-tooltip').count()); y += 0.1) {
              await page.mouse.move(box.x + box.width * x, box.y + box.height * y);
            }
          }
          assert.ok(await page.locator('.chart-tooltip').count(), 'a chart tooltip');
          assert.match(await page.locator('.chart-tooltip').textContent(), /\u2068Bank \u202ereversed\u2069/);
        }
        const seen = await page.evaluate((RLO) => document.body.textContent.split(RLO).length - 1, RLO);
        assert.ok(seen >= 3, `${query}: data with U+202E is shown (${seen})`);
        assert.deepEqual(await unisolated(page, values), [], query);
        assert.deepEqual(await collect(), NO_PROBLEMS);
      });
    }
  });

  test('in a link are shown as codes in the notice', async () => {
    await visit({ query: `?data=fixtures/bidi.json&sub=${encodeURIComponent(`x${RLO}y`)}` }, async ({ page, collect }) => {
      const notice = await waitFor(page, 'url-notice');
      const words = await notice.textContent();
      assert.ok(words.includes('Ignored sub `x⟨U+202E⟩y`: no such subsidiary in this report.'), words);
      assert.ok(!words.includes(RLO));
      assert.deepEqual(await collect(), NO_PROBLEMS);
    });
  });
});

describe('leaving while a search is pending', () => {
  test('Back or another report within the search delay neither crashes nor searches the old report', async () => {
    await visit({}, async ({ page, collect }) => {
      await waitFor(page, 'report-title');
      // In-page navigation, as the app's own links do.
      const go = (query) =>
        page.evaluate((q) => {
          history.pushState(null, '', q);
          dispatchEvent(new PopStateEvent('popstate'));
        }, query);
      for (const leave of ['back', 'other report']) {
        await go('?data=fixtures/bad-entry.json');
        await page.waitForFunction(
          () => document.querySelector('[data-testid="report-title"]')?.textContent.startsWith('Example Group'),
        );
        await page.locator('[data-testid="search"]').pressSequentially('customer', { delay: 10 });
        // Well within the 300 ms search delay.
        if (leave === 'back') await page.goBack();
        else await go('?data=data/report.json');
        await page.waitForFunction(
          (title) => document.querySelector('[data-testid="report-title"]')?.textContent === title,
          DATASET.report.title,
        );
        // Past the search delay: the old explorer's timer would have fired by now.
        await page.waitForTimeout(600);
        assert.equal(await page.locator('[data-testid="crash-view"]').count(), 0, leave);
        assert.equal(await text(page, 'report-title'), DATASET.report.title, leave);
        assert.equal(new URL(page.url()).searchParams.get('q'), null, `${leave}: no search applied`);
        assert.equal(await page.locator('[data-testid="entry"]').count(), 50, leave);
      }
      assert.deepEqual(await collect(), NO_PROBLEMS);
    });
  });
});

describe('files that are not the report the app expects', () => {
  // Fixtures of the bad-data corpus (tests/fixtures/bad/), served as `data/x.json`.
  const BAD = new URL('../fixtures/bad/', import.meta.url);
  const fatal = (name) =>
    readFileSync(new URL(`${name}.expected`, BAD), 'utf8').trim().replace(/^fatal: /, '');
  for (const name of ['06-latin1-not-utf8', '07-utf16le-bom', '11-nul-bytes', '03-html-error-page']) {
    test(`${name}: the error view gives the corpus's exact message`, async () => {
      const ext = existsSync(new URL(`${name}.bin`, BAD)) ? 'bin' : 'json';
      const server = await startServer({ dir: DIST, files: { 'data/x.json': new URL(`${name}.${ext}`, BAD).pathname } });
      const tab = await openPage(browser);
      try {
        await tab.page.goto(`${server.url}?data=data/x.json`);
        const view = await waitFor(tab.page, 'error-view');
        const message = await view.innerText();
        assert.ok(message.includes(fatal(name)), `${name}:\n${message}\n---\n${fatal(name)}`);
        assert.equal(await tab.page.locator('[data-testid="retry"]').count(), 1);
        assert.deepEqual(await tab.collect(), NO_PROBLEMS);
      } finally {
        await tab.context.close();
        await server.close();
      }
    });
  }

  test('a NaN skips only its entry; the rest of the report is shown', async () => {
    const name = '12-nan-metric';
    const expected = readFileSync(new URL(`${name}.expected`, BAD), 'utf8');
    const server = await startServer({ dir: DIST, files: { 'data/x.json': new URL(`${name}.json`, BAD).pathname } });
    const tab = await openPage(browser);
    try {
      await tab.page.goto(`${server.url}?data=data/x.json`);
      await waitFor(tab.page, 'report-title');
      const problems = await (await waitFor(tab.page, 'problems')).textContent();
      assert.match(problems, /`NaN` is not a number JSON allows/);
      const loaded = Number(/^loaded: (\d+) of/m.exec(expected)?.[1]);
      assert.ok(loaded > 0, expected);
      assert.equal(await tab.page.locator('[data-testid="entry"]').count(), Math.min(loaded, 50));
      assert.deepEqual(await tab.collect(), NO_PROBLEMS);
    } finally {
      await tab.context.close();
      await server.close();
    }
  });
});

describe('under a path prefix', () => {
  test('the app loads from /intranet/reports/esg/ with every request inside the prefix', async () => {
    const prefix = '/intranet/reports/esg/';
    await visit({ prefix }, async ({ page, requests, collect }, server) => {
      await waitFor(page, 'report-title');
      assert.equal(await page.locator('[data-testid="entry"]').count(), 50);
      const outside = requests.filter(
        (url) => url.startsWith(server.origin) && !new URL(url).pathname.startsWith(prefix),
      );
      assert.deepEqual(outside, [], 'requests outside the prefix');
      assert.deepEqual(await collect(), NO_PROBLEMS);
    });
  });
});
