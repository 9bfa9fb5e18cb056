// End-to-end tests of how the report's text reads: search folding of Latin letters without a
// decomposition (with exact highlights), the category indent at every depth, line breaks in
// passages and summaries, the report's language on its text, and the hint for authors of
// a bad file. Fixture: tests/e2e/fixtures/text.json (format 1, language en-GB).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { startServer } from './server.mjs';
import { DIST, NO_PROBLEMS } from './common.mjs';
import { launchBrowser, openPage, waitFor } from './browser.mjs';

const FIXTURE = '?data=fixtures/text.json';

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** Serves dist/, opens `query` (at `width` CSS pixels) and runs `body`. */
async function visit({ query = FIXTURE, width = 1280, expected = [], files = {} }, body) {
  const server = await startServer({ dir: DIST, files });
  const tab = await openPage(browser, { expected });
  try {
    await tab.page.setViewportSize({ width, height: 900 });
    await tab.page.goto(`${server.url}${query}`);
    await waitFor(tab.page, 'report-title');
    await body(tab, server);
  } finally {
    await tab.context.close();
    await server.close();
  }
}

describe('search folds Latin letters that have no decomposition', () => {
  for (const [query, title, marked] of [
    ['lodz', 'Branch opened in Łódź', ['Łódź']],
    ['orsted', 'Ørsted partnership award', ['Ørsted']],
    ['strasse', 'Office on Hauptstraße', ['straße']],
    ['aebelo', 'Clean-up on Æbelø', ['Æbelø']],
    ['da nang', 'Service desk in Đà Nẵng', ['Đà', 'Nẵng']],
  ]) {
    test(`"${query}" finds "${title}" and marks the original letters`, async () => {
      await visit({}, async ({ page, collect }) => {
        await page.locator('[data-testid="search"]').fill(query);
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => document.querySelectorAll('[data-testid="entry"]').length === 1);
        const entry = page.locator('[data-testid="entry"]');
        assert.equal((await entry.locator('h3').innerText()).trim(), title);
        // The title's marks cover exactly the original characters (ß and Æ whole).
        assert.deepEqual(await entry.locator('h3 mark').allInnerTexts(), marked);
        assert.deepEqual(await collect(), NO_PROBLEMS);
      });
    });
  }
});

describe('the category facet', () => {
  /** The left edge of each "Level N" label, by N. */
  const levelOffsets = (page) =>
    page.evaluate(() =>
      [...document.querySelectorAll('section.facet[data-facet="cat"] .facet-label')]
        .filter((label) => /^Level \d+$/.test(label.textContent))
        .map((label) => [Number(label.textContent.slice(6)), label.getBoundingClientRect().left])
        .sort((a, b) => a[0] - b[0])
        .map(([, left]) => left),
    );

  for (const width of [1280, 400]) {
    test(`indents every level of a 12-level chain further than its parent (${width} px wide)`, async () => {
      await visit({ width }, async ({ page, collect }) => {
        const toggle = page.locator('[aria-controls="filters"]');
        if (await toggle.isVisible()) await toggle.click();
        await page.locator('section.facet[data-facet="cat"] .facet-label').first().waitFor();
        const lefts = await levelOffsets(page);
        assert.equal(lefts.length, 12, `labels: ${lefts}`);
        for (let depth = 1; depth < lefts.length; depth += 1) {
          assert.ok(lefts[depth] > lefts[depth - 1] + 1, `level ${depth}: ${lefts}`);
        }
        // Capped: a deep level keeps most of the facet's width for its name.
        const facet = await page.locator('section.facet[data-facet="cat"]').boundingBox();
        assert.ok(lefts[11] - lefts[0] < facet.width / 2, `indent ${lefts[11] - lefts[0]} of ${facet.width}`);
        assert.deepEqual(await collect(), NO_PROBLEMS);
      });
    });
  }
});

describe('line breaks in the data', () => {
  /** The number of separate lines the text of `selector`'s first match is drawn on. */
  const lines = (page, selector) =>
    page.evaluate((selector) => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelector(selector));
      const tops = [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top));
      return new Set(tops).size;
    }, selector);

  test('a passage and a summary with "\\n" show on two lines in the detail and the card', async () => {
    await visit({ query: `${FIXTURE}&entry=two-lines` }, async ({ page, collect }) => {
      await waitFor(page, 'entry-detail');
      const passage = '[data-testid="entry-detail"] .detail-source blockquote';
      assert.equal(await page.locator(passage).innerText(), 'Line one.\nLine two.');
      assert.equal(await lines(page, passage), 2);
      assert.equal(await lines(page, '[data-testid="entry-detail"] .summary'), 2);
      assert.equal(await lines(page, '[data-testid="entry"][data-id="two-lines"] .summary'), 2);
      assert.deepEqual(await collect(), NO_PROBLEMS);
    });
  });
});

describe('the report language', () => {
  /** The `lang` that applies to the first match of `selector` (its closest `[lang]`). */
  const langOf = (page, selector) =>
    page.evaluate((selector) => document.querySelector(selector).closest('[lang]')?.lang ?? null, selector);

  test('report text takes report.language, interface text keeps English', async () => {
    await visit({ query: `${FIXTURE}&entry=two-lines&cat=level-11` }, async ({ page, collect }) => {
      await waitFor(page, 'entry-detail');
      for (const selector of [
        '[data-testid="report-title"] bdi',
        '.report-header .organisation bdi',
        '#entry-detail-heading bdi',
        '[data-testid="entry-detail"] .summary bdi',
        '[data-testid="entry-detail"] .detail-source blockquote bdi',
        '[data-testid="detail-subsidiary"] bdi',
        '[data-testid="entry"] h3 bdi',
        '[data-testid="entry"] .summary bdi',
        'section.facet[data-facet="cat"] .facet-label',
        'section.facet[data-facet="sub"] .facet-label',
        '[data-testid="chips"] .chip bdi',
      ]) {
        assert.equal(await langOf(page, selector), 'en-GB', selector);
      }
      for (const selector of [
        '[data-testid="entry-count"]',
        '[data-testid="report-period"]',
        'section.facet[data-facet="cat"] h3',
        'section.facet[data-facet="kind"] .facet-label',
        '[data-testid="entry-detail"] .detail-fields dt',
        '[data-testid="close-detail"]',
      ]) {
        assert.equal(await langOf(page, selector), 'en', selector);
      }
      assert.deepEqual(await collect(), NO_PROBLEMS);
    });
  });

  test('timeline lanes and tooltips carry it too; tooltip titles keep line breaks', async () => {
    await visit({ query: `${FIXTURE}&view=timeline` }, async ({ page, collect }) => {
      await page.locator('.tl-item').first().waitFor();
      assert.equal(await langOf(page, '.tl-lane-label'), 'en-GB');
      await page.locator('.tl-item').first().hover();
      const tooltip = await waitFor(page, 'timeline-tooltip');
      assert.equal(await langOf(page, '[data-testid="timeline-tooltip"] strong bdi'), 'en-GB');
      assert.equal(await tooltip.locator('strong').evaluate((el) => getComputedStyle(el).whiteSpace), 'pre-line');
      assert.equal(await langOf(page, '.tl-help'), 'en');
      assert.deepEqual(await collect(), NO_PROBLEMS);
    });
  });

  test('a report without a language gives its text no lang of its own', async () => {
    const report = JSON.parse(readFileSync(new URL('./fixtures/text.json', import.meta.url), 'utf8'));
    delete report.report.language;
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'text-e2e-')), 'no-language.json');
    writeFileSync(file, JSON.stringify(report));
    const files = { 'data/no-language.json': file };
    await visit({ query: '?data=data/no-language.json&entry=two-lines', files }, async ({ page, collect }) => {
      await waitFor(page, 'entry-detail');
      assert.equal(await page.locator('[lang]:not(html)').count(), 0);
      assert.equal(await langOf(page, '#entry-detail-heading bdi'), 'en');
      assert.deepEqual(await collect(), NO_PROBLEMS);
    });
  });
});

describe('a bad data file', () => {
  test('the error view tells its author how to check it and links the format guide', async () => {
    const server = await startServer({ dir: DIST });
    const { page, context, collect } = await openPage(browser);
    try {
      await page.goto(`${server.url}?data=fixtures/bad-syntax.json`);
      const view = await waitFor(page, 'error-view');
      const hint = view.locator('[data-testid="author-hint"]');
      await hint.waitFor();
      const words = await hint.innerText();
      assert.match(words, /report-data check FILE/);
      assert.match(words, /cargo run -p report-data -- check FILE/);
      assert.match(words, /cargo install --path tools\/report-data/);
      // The link opens the guide as a page (rendered from docs/data-format.md), under the CSP.
      const link = hint.locator('[data-testid="docs-link"]');
      assert.equal(await link.getAttribute('href'), 'docs/data-format.html');
      const [response] = await Promise.all([page.waitForNavigation(), link.click()]);
      assert.equal(response.status(), 200);
      assert.match(response.headers()['content-type'], /^text\/html/);
      assert.equal(new URL(page.url()).pathname, '/docs/data-format.html');
      assert.equal(
        await page.locator('h1').first().innerText(),
        'Report data format (report-explorer/2)',
      );
      assert.equal(await page.locator('h1 code').first().innerText(), 'report-explorer/2');
      assert.deepEqual(await collect(), NO_PROBLEMS);
    } finally {
      await context.close();
      await server.close();
    }
  });

  test('a file that loads with problems shows the same hint under its problem list', async () => {
    await visit({ query: '?data=fixtures/bad-entry.json' }, async ({ page, collect }) => {
      const problems = await waitFor(page, 'problems');
      await problems.locator('summary').click();
      assert.match(await problems.locator('[data-testid="author-hint"]').innerText(), /report-data check FILE/);
      assert.deepEqual(await collect(), NO_PROBLEMS);
    });
  });

  test('a network failure shows no author hint', async () => {
    const server = await startServer({ dir: DIST });
    const { page, context, collect } = await openPage(browser, { expected: [/missing\.json/] });
    try {
      await page.goto(`${server.url}?data=fixtures/missing.json`);
      await waitFor(page, 'error-view');
      assert.equal(await page.locator('[data-testid="author-hint"]').count(), 0);
      assert.deepEqual(await collect(), NO_PROBLEMS);
    } finally {
      await context.close();
      await server.close();
    }
  });
});
