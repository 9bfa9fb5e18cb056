// End-to-end tests of the first paint: the snapshot of the default view in
// dist/index.html (tests/e2e/first-paint.mjs) shows while the wasm downloads,
// the app replaces it without moving anything, and it is never shown when the
// URL or config.json ask for something else. Also: the report file is fetched
// once, started by public/boot.js and reused by the app.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { startServer } from './server.mjs';
import { DATASET, DIST, NO_PROBLEMS } from './common.mjs';
import { launchBrowser, openPage, waitFor } from './browser.mjs';
import { SNAPSHOT_ENTRIES } from './first-paint.mjs';

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

const SNAPSHOT = 'main[data-snapshot]';
const APP = 'body > main.app:not([data-snapshot])';

/**
 * Serves dist/ (with `serverOptions`), opens `query` with the wasm held back
 * until `release()` and runs `body`. The page records whether the snapshot was
 * ever shown (`window.__snapshotShown`).
 */
async function visit({ query = '', expected = [], ...serverOptions }, body) {
  const server = await startServer({ dir: DIST, ...serverOptions });
  const tab = await openPage(browser, { expected });
  await tab.page.addInitScript(() => {
    window.__snapshotShown = false;
    new MutationObserver(() => {
      if (document.documentElement?.hasAttribute('data-snapshot')) window.__snapshotShown = true;
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-snapshot'] });
  });
  const held = [];
  let released = false;
  await tab.page.route(/_bg\.wasm$/, (route) => (released ? route.continue() : held.push(route)));
  const release = async () => {
    released = true;
    await Promise.all(held.map((route) => route.continue()));
  };
  try {
    await tab.page.goto(`${server.url}${query}`);
    await body({ ...tab, release }, server);
  } finally {
    await tab.context.close();
    await server.close();
  }
}

/** Waits until some request's URL matches `pattern` (made already, or later). */
async function requested(requests, pattern) {
  for (let i = 0; i < 200 && !requests.some((url) => pattern.test(url)); i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.ok(requests.some((url) => pattern.test(url)), `a request matching ${pattern}`);
}

/** Boxes of the elements matching each selector inside `root`, rounded to 0.1 px. */
async function boxes(page, root, selectors) {
  return page.evaluate(
    ({ root, selectors }) => {
      const within = document.querySelector(root);
      return Object.fromEntries(
        selectors.map((selector) => {
          const box = within.querySelector(selector)?.getBoundingClientRect();
          const r = (n) => Math.round(n * 10) / 10;
          return [selector, box ? [r(box.x), r(box.y), r(box.width), r(box.height)] : null];
        }),
      );
    },
    { root, selectors },
  );
}

const LAID_OUT = [
  'h1',
  '.counts',
  '.toolbar',
  '.views',
  '.exports',
  '.entry-list > li:nth-child(1)',
  '.entry-list > li:nth-child(2)',
  '.entry-list > li:nth-child(3)',
];

describe('the first-paint snapshot', () => {
  for (const width of [412, 1280]) {
    test(`shows the default view before the wasm, and the app replaces it in place (${width} px wide)`, async () => {
      await visit({}, async ({ page, requests, collect, release }) => {
        await page.setViewportSize({ width, height: 900 });
        const snapshot = page.locator(SNAPSHOT);
        await snapshot.waitFor({ state: 'visible' });
        assert.equal(await snapshot.locator('h1').innerText(), DATASET.report.title);
        assert.equal(await snapshot.getAttribute('inert'), '');
        assert.equal(await snapshot.locator('[data-testid], [id]').count(), 0);
        assert.equal(
          await snapshot.locator('.entry-list > li').count(),
          Math.min(SNAPSHOT_ENTRIES, DATASET.entries.length),
        );
        // The report file is on its way before the app has started.
        assert.equal(requests.filter((url) => url.endsWith('/data/report.json')).length, 1);
        const before = await boxes(page, SNAPSHOT, LAID_OUT);

        await release();
        await waitFor(page, 'report-title');
        assert.equal(await page.locator(SNAPSHOT).count(), 0);
        assert.equal(await page.locator('html[data-snapshot]').count(), 0);
        assert.deepEqual(await boxes(page, APP, LAID_OUT), before);
        assert.equal(await page.locator('[data-testid="entry"]').count(), Math.min(DATASET.entries.length, 50));
        // One request for the report: the app's fetch reused the preload.
        assert.equal(requests.filter((url) => url.endsWith('/data/report.json')).length, 1);
        assert.deepEqual(await collect(), NO_PROBLEMS);
      });
    });
  }

  for (const view of ['timeline', 'charts']) {
    test(`stands in for the page around the ${view}, without the list`, async () => {
      await visit({ query: `?view=${view}` }, async ({ page, collect, release }) => {
        await page.setViewportSize({ width: 412, height: 900 });
        const snapshot = page.locator(SNAPSHOT);
        await snapshot.waitFor({ state: 'visible' });
        assert.equal(await snapshot.locator('.entry-list').count(), 0);
        assert.equal(
          await snapshot.locator('.view-tab[aria-current="page"]').getAttribute('data-view'),
          view,
        );
        const shared = ['h1', '.counts', '.toolbar', '.views', '.exports'];
        const before = await boxes(page, SNAPSHOT, shared);
        await release();
        await waitFor(page, `view-${view}`);
        await page.locator(SNAPSHOT).waitFor({ state: 'detached' });
        assert.deepEqual(await boxes(page, APP, shared), before);
        assert.deepEqual(await collect(), NO_PROBLEMS);
      });
    });
  }

  for (const query of [
    '?data=fixtures/bad-entry.json',
    '?dataset=other',
    '?sub=citic-bank',
    '?q=bank',
    '?entry=x',
    '?sort=newest',
    '?theme=dark',
    '?embed=1',
    '?view=list&view=charts',
    '?view=somewhere',
  ]) {
    test(`is never shown for ${query}`, async () => {
      await visit({ query, expected: [/./] }, async ({ page, release }) => {
        await page.locator(SNAPSHOT).waitFor({ state: 'detached' });
        assert.equal(await page.evaluate(() => window.__snapshotShown), false);
        await release();
        await page.locator(APP).waitFor();
        assert.equal(await page.evaluate(() => window.__snapshotShown), false);
      });
    });
  }

  test('is never shown when config.json is not the one it was made with', async () => {
    const config = { theme: 'dark' };
    const pages = { '/config.json': { body: JSON.stringify(config), type: 'application/json' } };
    await visit({ pages }, async ({ page, requests, release, collect }) => {
      await page.locator(SNAPSHOT).waitFor({ state: 'detached' });
      assert.equal(await page.evaluate(() => window.__snapshotShown), false);
      // Still no datasets: the default report file is preloaded all the same.
      await requested(requests, /\/data\/report\.json$/);
      await release();
      await waitFor(page, 'report-title');
      assert.equal(requests.filter((url) => url.endsWith('/data/report.json')).length, 1);
      assert.deepEqual(await collect(), NO_PROBLEMS);
    });
  });
});

describe('the report file', () => {
  test('named by ?data= is fetched once, started before the app', async () => {
    const file = /\/fixtures\/bad-entry\.json$/;
    await visit({ query: '?data=fixtures/bad-entry.json' }, async ({ page, requests, release, collect }) => {
      await requested(requests, file);
      await release();
      await waitFor(page, 'report-title');
      assert.equal(await page.locator('[data-testid="entry"]').count(), 2);
      assert.equal(requests.filter((url) => file.test(url)).length, 1);
      assert.equal(requests.filter((url) => url.endsWith('/data/report.json')).length, 0);
      assert.deepEqual(await collect(), NO_PROBLEMS);
    });
  });

  test('of a dataset named in config.json is left to the app', async () => {
    const config = {
      datasets: [
        { id: 'main', label: 'Main', path: 'data/report.json' },
        { id: 'bad', label: 'Bad', path: 'fixtures/bad-entry.json' },
      ],
      default_dataset: 'bad',
    };
    const pages = { '/config.json': { body: JSON.stringify(config), type: 'application/json' } };
    const file = /\/fixtures\/bad-entry\.json$/;
    await visit({ pages }, async ({ page, requests, release, collect }) => {
      await page.locator(SNAPSHOT).waitFor({ state: 'detached' });
      await release();
      await waitFor(page, 'report-title');
      assert.equal(await page.locator('[data-testid="entry"]').count(), 2);
      assert.equal(requests.filter((url) => file.test(url)).length, 1);
      assert.equal(requests.filter((url) => url.endsWith('/data/report.json')).length, 0);
      assert.deepEqual(await collect(), NO_PROBLEMS);
    });
  });
});
