// End-to-end tests at scale, on a generated 10,000-entry report (made by
// `cargo xtask test` with `cargo xtask gen-data`, path in REPORT_EXPLORER_DATA_10K):
// a bounded document in every view, loading progress, paged results by keyboard,
// zoom and focus surviving a filter click; plus the size limit and the crash views.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';

import { startServer } from './server.mjs';
import { DIST, NO_PROBLEMS } from './common.mjs';
import { launchBrowser, openPage, text, waitFor } from './browser.mjs';

const DATA_10K = process.env.REPORT_EXPLORER_DATA_10K;
/** Most elements the document may hold, in any view, at any report size. */
const DOM_BUDGET = 3000;

let browser;
let server;
let report;

before(async () => {
  assert.ok(
    DATA_10K,
    'REPORT_EXPLORER_DATA_10K must name a generated 10,000-entry report (cargo xtask test makes one)',
  );
  report = JSON.parse(readFileSync(DATA_10K, 'utf8'));
  assert.equal(report.entries.length, 10_000);
  browser = await launchBrowser();
  server = await startServer({
    dir: DIST,
    files: { 'data/generated-10k.json': DATA_10K },
  });
});

after(async () => {
  await server?.close();
  await browser?.close();
});

const LOADED_TIMEOUT = 60_000;

async function open10k(query = '', { init } = {}) {
  const tab = await openPage(browser);
  if (init) await tab.page.addInitScript(init);
  const sep = query ? '&' : '';
  await tab.page.goto(`${server.url}?data=data/generated-10k.json${sep}${query}`);
  await tab.page
    .locator('[data-testid="entry-count"]')
    .waitFor({ state: 'visible', timeout: LOADED_TIMEOUT });
  return tab;
}

function elementCount(page) {
  return page.evaluate(() => document.getElementsByTagName('*').length);
}

/** Waits until the count text changes from `before`, and returns it. */
async function countAfter(page, before) {
  await page.waitForFunction(
    (b) => document.querySelector('[data-testid="entry-count"]')?.textContent !== b,
    before,
  );
  return text(page, 'entry-count');
}

describe('10,000 generated entries', () => {
  test('loading shows its progress, then the first page of results', async () => {
    const { page, collect } = await open10k('', {
      init: () => {
        window.__progress = [];
        new MutationObserver(() => {
          const status = document.querySelector('[data-testid="load-status"]');
          const bar = document.querySelector('[data-testid="load-progress"]');
          if (status) {
            window.__progress.push({
              text: status.textContent,
              value: bar?.hasAttribute('value') ? bar.value : null,
              max: bar?.max ?? null,
            });
          }
        }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
      },
    });
    const seen = await page.evaluate(() => window.__progress);
    const texts = seen.map((s) => s.text);
    assert.ok(
      texts.some((t) => /^(Checking|Indexing) entries: [\d,]+ of 10,000$/.test(t)),
      `progress texts: ${JSON.stringify([...new Set(texts)])}`,
    );
    const partial = seen.filter((s) => s.value !== null && s.max > 0 && s.value < s.max);
    assert.ok(partial.length > 0, 'the bar showed a partial value');
    assert.equal(await text(page, 'entry-count'), '10,000 of 10,000 entries');
    assert.equal(await page.locator('[data-testid="entry"]').count(), 50);
    assert.equal(await text(page, 'page-status'), 'Showing 1–50 of 10,000 (page 1 of 200)');
    assert.deepEqual(await collect(), NO_PROBLEMS);
  });

  test('the document stays small in every view', async () => {
    for (const view of ['', 'view=timeline', 'view=charts']) {
      const { page, collect } = await open10k(view);
      if (view === 'view=timeline') await waitFor(page, 'timeline');
      if (view === 'view=charts') await waitFor(page, 'canvas-coverage');
      const n = await elementCount(page);
      assert.ok(n < DOM_BUDGET, `${view || 'list'}: ${n} elements`);
      // Open every facet's full list too: still bounded.
      for (const more of await page.locator('[data-testid^="facet-more-"]').all()) {
        await more.click();
      }
      const expanded = await elementCount(page);
      assert.ok(expanded < DOM_BUDGET, `${view || 'list'} with facets expanded: ${expanded} elements`);
      assert.deepEqual(await collect(), NO_PROBLEMS);
      await page.context().close();
    }
  });

  test('keyboard moves through the pages; the URL holds the page', async () => {
    const { page, collect } = await open10k();
    const first = await page.locator('[data-testid="entry"]').first().getAttribute('data-id');
    await page.locator('[data-testid="page-next"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('page') === '2');
    assert.equal(await text(page, 'page-status'), 'Showing 51–100 of 10,000 (page 2 of 200)');
    assert.equal(
      await page.evaluate(() => document.activeElement?.dataset.testid),
      'page-next',
      'focus stays on the link used',
    );
    const second = await page.locator('[data-testid="entry"]').first().getAttribute('data-id');
    assert.notEqual(second, first);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('page') === '3');
    await page.locator('[data-testid="page-last"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('page') === '200');
    assert.equal(await text(page, 'page-status'), 'Showing 9,951–10,000 of 10,000 (page 200 of 200)');
    assert.equal(await page.locator('[data-testid="page-next"]').getAttribute('aria-disabled'), 'true');
    // Back returns to the previous page.
    await page.goBack();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('page') === '3');
    // A filter starts again at page 1.
    const before = await text(page, 'entry-count');
    await page.locator('.facet[data-facet="kind"] input[type="checkbox"]').first().check();
    await countAfter(page, before);
    assert.equal(await page.evaluate(() => new URL(location.href).searchParams.get('page')), null);
    assert.match(await text(page, 'page-status'), /^Showing 1–50 of /);
    assert.deepEqual(await collect(), NO_PROBLEMS);
  });

  test('with an entry open, a facet toggled by keyboard keeps focus and the detail', async () => {
    const id = report.entries[0].id;
    const { page, collect } = await open10k(`entry=${id}`);
    await waitFor(page, 'entry-detail');
    const box = page.locator('.facet[data-facet="kind"] input[type="checkbox"]').first();
    const token = await box.getAttribute('data-token');
    await box.focus();
    const before = await text(page, 'entry-count');
    await page.keyboard.press('Space');
    await countAfter(page, before);
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.token), token);
    assert.equal(await page.locator('[data-testid="entry-detail"]').count(), 1);
    assert.deepEqual(await collect(), NO_PROBLEMS);
  });

  test('timeline zoom and lane choice survive a filter click', async () => {
    const { page, collect } = await open10k('view=timeline');
    const timeline = await waitFor(page, 'timeline');
    const windowOf = () => timeline.getAttribute('data-window');
    const initial = await windowOf();
    await page.locator('[data-testid="zoom-in"]').click();
    await page.locator('[data-testid="zoom-in"]').click();
    const zoomed = await windowOf();
    assert.notEqual(zoomed, initial);
    const lanes = page.locator('[data-testid="lanes"]');
    const other = await lanes.locator('option').nth(1).getAttribute('value');
    await lanes.selectOption(other);
    await page.evaluate(() => {
      document.querySelector('[data-testid="timeline"]').dataset.marker = 'kept';
    });
    const before = await text(page, 'entry-count');
    await page.locator('.facet[data-facet="sub"] input[type="checkbox"]').first().check();
    await countAfter(page, before);
    assert.equal(await windowOf(), zoomed, 'zoom kept');
    assert.equal(await lanes.inputValue(), other, 'lane choice kept');
    assert.equal(
      await page.evaluate(() => document.querySelector('[data-testid="timeline"]').dataset.marker),
      'kept',
      'the timeline element was not rebuilt',
    );
    assert.ok((await elementCount(page)) < DOM_BUDGET);
    assert.deepEqual(await collect(), NO_PROBLEMS);
  });
});

describe('charts at scale', () => {
  test('the chart picker and an open table survive a filter click', async () => {
    const { page, collect } = await open10k('view=charts');
    await waitFor(page, 'canvas-coverage');
    const picker = page.locator('[data-testid="metric-family"]');
    const other = await picker.locator('option').nth(1).getAttribute('value');
    await picker.selectOption(other);
    await page.locator('[data-testid="table-toggle-metrics"]').click();
    await waitFor(page, 'table-metrics');
    await page.evaluate(() => {
      document.querySelector('[data-testid="canvas-coverage"]').dataset.marker = 'kept';
    });
    const before = await text(page, 'entry-count');
    await page.locator('.facet[data-facet="kind"] input[type="checkbox"]').first().check();
    await countAfter(page, before);
    assert.equal(await picker.inputValue(), other, 'the chosen figure family is kept');
    assert.equal(await page.locator('[data-testid="table-metrics"]').count(), 1, 'the table stays open');
    assert.equal(
      await page.evaluate(() => document.querySelector('[data-testid="canvas-coverage"]').dataset.marker),
      'kept',
      'the chart canvas was not rebuilt',
    );
    assert.ok((await elementCount(page)) < DOM_BUDGET);
    assert.deepEqual(await collect(), NO_PROBLEMS);
  });
});

describe('loading a slow file', () => {
  test('reading shows bytes of the total; opening another report cancels the load', async () => {
    const slow = await startServer({
      dir: DIST,
      files: { 'data/generated-10k.json': DATA_10K },
      trickle: { 'data/generated-10k.json': { chunk: 256 * 1024, delayMs: 100 } },
    });
    try {
      const { page, collect } = await openPage(browser, { expected: [/generated-10k\.json/] });
      const failed = [];
      page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
      await page.goto(`${slow.url}?data=data/generated-10k.json`);
      const mb = (Math.round(statSync(DATA_10K).size / 100_000) / 10).toString();
      await page.waitForFunction(
        (total) =>
          new RegExp(`^Reading the report: [\\d.]+ MB of ${total} MB$`).test(
            document.querySelector('[data-testid="load-status"]')?.textContent ?? '',
          ),
        mb,
      );
      const [value, max] = await page
        .locator('[data-testid="load-progress"]')
        .evaluate((b) => [b.value, b.max]);
      assert.ok(value > 0 && value < max, `bar at ${value} of ${max}`);
      // The reader goes to the default report while the large one is still arriving.
      await page.evaluate(() => {
        history.pushState(null, '', location.pathname);
        dispatchEvent(new PopStateEvent('popstate'));
      });
      await page.waitForFunction(
        () => document.querySelector('[data-testid="entry-count"]')?.textContent?.endsWith(' of 58 entries'),
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      // The app aborts its request. When the boot script's `<link rel=preload>` started the
      // download, the browser owns it and it runs on (a known limit, see docs/security.md);
      // the app still stops reading it, which the checks below show.
      const aborted = () => failed.some((f) => f.includes('generated-10k.json') && f.includes('ERR_ABORTED'));
      // A resource timing entry appears once the preloaded download has finished.
      const preloaded = () =>
        page.evaluate(() =>
          performance
            .getEntriesByType('resource')
            .some((e) => e.name.includes('generated-10k.json') && e.initiatorType === 'link'),
        );
      let ended = aborted() || (await preloaded());
      for (let i = 0; i < 60 && !ended; i++) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        ended = aborted() || (await preloaded());
      }
      assert.ok(ended, `the large request was aborted: ${JSON.stringify(failed)}`);
      // Still the default report a while later: the old load did not come back.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.match(await text(page, 'entry-count'), / of 58 entries$/);
      assert.deepEqual(await collect(), NO_PROBLEMS);
    } finally {
      await slow.close();
    }
  });
});

describe('limits and crashes', () => {
  test('a file over max_data_mb gets a clear message before anything is parsed', async () => {
    const limited = await startServer({
      dir: DIST,
      files: { 'data/generated-10k.json': DATA_10K },
      pages: {
        '/config.json': { body: JSON.stringify({ max_data_mb: 1 }), type: 'application/json' },
      },
    });
    try {
      // The request is aborted once its announced size is over the limit.
      const { page, collect } = await openPage(browser, { expected: [/generated-10k\.json/] });
      await page.goto(`${limited.url}?data=data/generated-10k.json`);
      await waitFor(page, 'error-view');
      const size = statSync(DATA_10K).size;
      const mb = (Math.round(size / 100_000) / 10).toString();
      assert.equal(await page.locator('[data-testid="error-view"] h1').innerText(), 'The report file is too large');
      assert.equal(
        await page.locator('[data-testid="error-view"] .error-message').innerText(),
        `data/generated-10k.json is ${mb} MB or more; this page reads files up to 1 MB. ` +
          "Ask the site's administrator to raise `max_data_mb` in config.json, or load a smaller report.",
      );
      await waitFor(page, 'retry');
      assert.deepEqual(await collect(), NO_PROBLEMS);
    } finally {
      await limited.close();
    }
  });

  for (const fault of ['panic', 'trap']) {
    test(`a ${fault} shows the crash view with a working reload button`, async () => {
      const { page } = await openPage(browser);
      await page.addInitScript((f) => {
        window.reportExplorerFault = f;
      }, fault);
      await page.goto(server.url);
      const view = await waitFor(page, 'crash-view');
      assert.equal(await view.locator('h1').innerText(), 'Report Explorer stopped');
      const detail = await page.locator('[data-testid="crash-detail"]').textContent();
      assert.match(detail, fault === 'panic' ? /fault injected by the page: panic/ : /unreachable/);
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'reload');
      // Reload without the fault: the explorer comes back.
      await page.evaluate(() => sessionStorage.setItem('ok', '1'));
      await page.addInitScript(() => {
        if (sessionStorage.getItem('ok')) window.reportExplorerFault = undefined;
      });
      await page.locator('[data-testid="reload"]').click();
      await waitFor(page, 'entry-count');
      await page.context().close();
    });
  }
});
