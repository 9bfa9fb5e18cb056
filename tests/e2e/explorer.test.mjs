// End-to-end tests of the explorer (facets, search, URL state, entry detail)
// on the release build, under the strict CSP, in headless Chromium.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { startServer } from './server.mjs';
import { DATASET, DIST, NO_PROBLEMS, expected, subsOf } from './common.mjs';
import { launchBrowser, openPage, text, waitFor } from './browser.mjs';

const TOTAL = DATASET.entries.length;



let browser;
let server;

before(async () => {
  browser = await launchBrowser();
  server = await startServer({ dir: DIST });
});

after(async () => {
  await server?.close();
  await browser?.close();
});

async function open(query = '') {
  const tab = await openPage(browser);
  await tab.page.goto(`${server.url}${query}`);
  await waitFor(tab.page, 'entry-count');
  return tab;
}

const box = (page, facet, token) =>
  page.locator(`[data-facet="${facet}"] input[data-token="${token}"]`);
const entries = (page) => page.locator('[data-testid="entry"]');

/** Waits for `n` results: their count, and the cards of the first page (50 at most). */
async function expectCount(page, n) {
  await page.waitForFunction(
    (want) => document.querySelectorAll('[data-testid="entry"]').length === want,
    Math.min(n, 50),
  );
  assert.equal(await text(page, 'entry-count'), `${n} of ${TOTAL} entries`);
}

describe('facets', () => {
  test('two subsidiaries give the union; a category intersects; counts follow', async () => {
    const { page, context, collect } = await open();
    try {
      await box(page, 'sub', 'citic-bank').check();
      await expectCount(page, expected({ sub: ['citic-bank'] }));
      await box(page, 'sub', 'citic-prudential-life').check();
      const union = expected({ sub: ['citic-bank', 'citic-prudential-life'] });
      await expectCount(page, union);
      assert.match(page.url(), /sub=citic-bank(%2C|,)citic-prudential-life/);

      // The kind facet's counts follow the subsidiary selection.
      const awards = expected({ sub: ['citic-bank', 'citic-prudential-life'], kind: ['award'] });
      const awardCount = page.locator('[data-facet="kind"] li:has(input[data-token="award"]) .facet-count');
      assert.equal(await awardCount.innerText(), String(awards));
      // The subsidiary facet ignores its own selection: each value keeps its full count.
      const trustCount = page.locator('[data-facet="sub"] li:has(input[data-token="citic-trust"]) .facet-count');
      assert.equal(await trustCount.innerText(), String(expected({ sub: ['citic-trust'] })));

      await box(page, 'cat', 'legal-interests').check();
      const both = expected({ sub: ['citic-bank', 'citic-prudential-life'], cat: ['legal-interests'] });
      assert.ok(both > 0 && both < union, `intersection ${both} of union ${union}`);
      await expectCount(page, both);
      assert.equal(await page.locator('.chip').count(), 3);
      assert.deepEqual(await collect(), NO_PROBLEMS);
    } finally {
      await context.close();
    }
  });

  test('a value with zero entries is disabled but still listed', async () => {
    const { page, context, collect } = await open('?sub=citic-trust');
    try {
      await expectCount(page, expected({ sub: ['citic-trust'] }));
      const kinds = [...new Set(DATASET.entries.map((e) => e.kind))];
      const zero = kinds.filter((k) => expected({ sub: ['citic-trust'], kind: [k] }) === 0);
      assert.ok(zero.length > 0);
      for (const k of zero) {
        assert.equal(await box(page, 'kind', k).isDisabled(), true, `${k} disabled`);
      }
      assert.equal(await box(page, 'kind', 'award').isDisabled(), false);
      assert.deepEqual(await collect(), NO_PROBLEMS);
    } finally {
      await context.close();
    }
  });

  test('clear and clear all remove filters; chips remove one', async () => {
    const { page, context } = await open('?sub=citic-bank,citic-trust&kind=award');
    try {
      await expectCount(page, expected({ sub: ['citic-bank', 'citic-trust'], kind: ['award'] }));
      await page.locator('.chip', { hasText: 'CITIC Trust' }).click();
      await expectCount(page, expected({ sub: ['citic-bank'], kind: ['award'] }));
      await page.locator('[data-testid="clear-kind"]').click();
      await expectCount(page, expected({ sub: ['citic-bank'] }));
      await page.locator('[data-testid="clear-all"]').click();
      await expectCount(page, TOTAL);
      assert.equal(new URL(page.url()).search, '');
    } finally {
      await context.close();
    }
  });

  test('keyboard: a facet checkbox toggles with Space and shows a focus ring', async () => {
    const { page, context } = await open();
    try {
      const input = box(page, 'kind', 'award');
      await input.focus();
      await page.keyboard.press('Space');
      await expectCount(page, expected({ kind: ['award'] }));
      const outline = await input.evaluate((el) => getComputedStyle(el).outlineStyle);
      assert.notEqual(outline, 'none');
      // Every facet checkbox has an accessible name from its label.
      const unnamed = await page.$$eval('.facet input[type=checkbox]', (els) =>
        els.filter((el) => !el.closest('label')?.textContent.trim()).length,
      );
      assert.equal(unnamed, 0);
      assert.equal(await page.locator('[data-testid="entry-count"]').getAttribute('aria-live'), 'polite');
    } finally {
      await context.close();
    }
  });
});

describe('search', () => {
  test('narrows, highlights without injecting HTML, and ignores case and accents', async () => {
    const { page, context, collect } = await open();
    try {
      await page.locator('[data-testid="search"]').fill('QUÍCK claims');
      await page.keyboard.press('Enter');
      const n = DATASET.entries.filter((e) =>
        ['quick', 'claims'].every((w) =>
          [e.title, e.summary, e.source.passage].join(' ').toLowerCase().includes(w),
        ),
      ).length;
      assert.ok(n > 0);
      await page.waitForFunction(
        () => document.querySelectorAll('[data-testid="entry"]').length < 10,
      );
      const count = await entries(page).count();
      assert.ok(count >= n && count < TOTAL, `${count} results`);
      const marks = await page.locator('[data-testid="entry"] mark').allInnerTexts();
      assert.ok(marks.some((m) => m.toLowerCase() === 'quick'), `marks: ${marks}`);
      assert.match(page.url(), /q=QU/);

      await page.locator('[data-testid="search"]').fill('<img src=x onerror=alert(1)> award');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('q')?.includes('img'));
      assert.equal(await page.locator('.results img').count(), 0);
      assert.deepEqual(await collect(), NO_PROBLEMS);
    } finally {
      await context.close();
    }
  });
});

describe('URL state', () => {
  test('reloading reproduces the view and Back restores the previous one', async () => {
    const { page, context, collect } = await open();
    try {
      await box(page, 'sub', 'china-securities').check();
      const first = expected({ sub: ['china-securities'] });
      await expectCount(page, first);
      await box(page, 'kind', 'award').check();
      const second = expected({ sub: ['china-securities'], kind: ['award'] });
      await expectCount(page, second);

      await page.reload();
      await expectCount(page, second);
      assert.equal(await box(page, 'sub', 'china-securities').isChecked(), true);
      assert.equal(await box(page, 'kind', 'award').isChecked(), true);

      await page.goBack();
      await expectCount(page, first);
      assert.equal(await box(page, 'kind', 'award').isChecked(), false);
      await page.goForward();
      await expectCount(page, second);
      assert.deepEqual(await collect(), NO_PROBLEMS);
    } finally {
      await context.close();
    }
  });

  test('unknown ids and malformed values are ignored and named in a dismissible notice', async () => {
    const { page, context, collect } = await open('?sub=citic-bank,acme&kind=prize&year=20x9&sort=best');
    try {
      await expectCount(page, expected({ sub: ['citic-bank'] }));
      const notice = await waitFor(page, 'url-notice');
      const words = await notice.innerText();
      for (const bad of ['acme', 'prize', '20x9', 'best']) assert.match(words, new RegExp(bad));
      await notice.locator('button', { hasText: 'Dismiss' }).click();
      assert.equal(await page.locator('[data-testid="url-notice"]').count(), 0);
      assert.deepEqual(await collect(), NO_PROBLEMS);
    } finally {
      await context.close();
    }
  });
});

describe('entry detail', () => {
  test('opens by URL with every field, and links to its subsidiary', async () => {
    const entry = DATASET.entries.find((e) => e.figures?.length && e.awarding_body) ?? DATASET.entries[0];
    const { page, context, collect } = await open(`?entry=${entry.id}`);
    try {
      const detail = await waitFor(page, 'entry-detail');
      const body = await detail.innerText();
      assert.match(body, new RegExp(entry.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      assert.ok(body.includes(entry.source.passage.slice(0, 40)), 'shows the source passage');
      assert.ok(body.includes(entry.source.section), 'names the report section');
      assert.equal(await detail.locator('.detail-metrics tbody tr').count(), entry.figures?.length ?? 0);

      await page.locator('[data-testid="detail-subsidiary"]').click();
      await expectCount(page, expected({ sub: subsOf(entry) }));
      assert.equal(await page.locator('[data-testid="entry-detail"]').count(), 0);
      await page.goBack();
      await waitFor(page, 'entry-detail');

      // Opening from the list: the title is a link.
      await page.locator('[data-testid="close-detail"]').click();
      await page.locator('.entry-open').first().click();
      await waitFor(page, 'entry-detail');
      assert.match(page.url(), /entry=/);
      assert.deepEqual(await collect(), NO_PROBLEMS);
    } finally {
      await context.close();
    }
  });
});

describe('small screens', () => {
  test('at 360 px the filters fold behind a toggle and nothing overflows', async () => {
    const tab = await openPage(browser);
    const { page, context } = tab;
    try {
      await page.setViewportSize({ width: 360, height: 800 });
      await page.goto(server.url);
      await waitFor(page, 'entry-count');
      assert.equal(await page.locator('#filters').isVisible(), false);
      await page.locator('.filters-toggle').click();
      assert.equal(await page.locator('#filters').isVisible(), true);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    } finally {
      await context.close();
    }
  });
});
