// End-to-end tests of the Text view on the release build: the CITIC chapter's text with every
// entry's passage highlighted and linked, "Read in context" from an entry's detail, dimmed
// highlights under filters, dark theme and a 390 px phone, a report without a text, and a text
// that is missing. No CSP violations or console errors.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { startServer } from './server.mjs';
import { DATASET, DIST, NO_PROBLEMS } from './common.mjs';
import { launchBrowser, openPage, waitFor } from './browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const TEXT_FILE = DATASET.report.text;
const TEXT = readFileSync(path.resolve(here, '..', '..', 'public', 'data', TEXT_FILE), 'utf8');

/** The highlights the text should show: each passage's first occurrence, overlapping ones merged. */
function expectedHighlights() {
  const spans = DATASET.entries
    .map((e) => {
      const start = TEXT.indexOf(e.source.passage);
      return { start, end: start + e.source.passage.length, id: e.id };
    })
    .filter((s) => s.start >= 0)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged = [];
  for (const s of spans) {
    const last = merged.at(-1);
    if (last && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
      last.ids.push(s.id);
    } else {
      merged.push({ start: s.start, end: s.end, ids: [s.id] });
    }
  }
  return { located: spans.length, merged };
}

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** Serves dist/, opens `query` at `width` CSS pixels and runs `body`. */
async function visit({ query = '', width = 1280, expected = [], files = {} }, body) {
  const server = await startServer({ dir: DIST, files });
  const tab = await openPage(browser, { expected });
  try {
    await tab.page.setViewportSize({ width, height: 800 });
    await tab.page.goto(`${server.url}${query}`);
    await waitFor(tab.page, 'report-title');
    await body(tab, server);
  } finally {
    await tab.context.close();
    await server.close();
  }
}

const highlights = (page) => page.locator('[data-testid="highlight"]');

describe('the Text view of the CITIC chapter', () => {
  test('shows one highlight per located passage, overlapping passages merged', async () => {
    const { located, merged } = expectedHighlights();
    assert.equal(located, DATASET.entries.length, 'every passage is in the text');
    await visit({}, async ({ page, collect, requests }) => {
      // The text is fetched only when the view opens.
      assert.ok(!requests.some((u) => u.endsWith(TEXT_FILE)), 'not fetched before the view opens');
      await page.locator('[data-testid="view-text"]').click();
      await waitFor(page, 'reading');
      assert.ok(requests.some((u) => u.endsWith(TEXT_FILE)));
      assert.match(page.url(), /view=text/);
      assert.equal(await highlights(page).count(), merged.length);
      // Each highlight reads as its passage(s) and links to the same entries.
      const shown = await highlights(page).evaluateAll((els) =>
        els.map((el) => ({ text: el.textContent, ids: el.dataset.entries.split(' ') })),
      );
      for (const [i, m] of merged.entries()) {
        assert.equal(shown[i].text, TEXT.slice(m.start, m.end));
        assert.deepEqual(
          [...shown[i].ids].sort(),
          [...m.ids].sort(),
          `highlight ${i} links to its entries`,
        );
      }
      // A highlight of several entries offers each.
      const several = merged.filter((m) => m.ids.length > 1);
      assert.ok(several.length > 0);
      assert.equal(
        await page.locator('[data-testid="highlight-entry"]').count(),
        several.reduce((n, m) => n + m.ids.length, 0),
      );
      // The paragraphs are in the report's language.
      assert.equal(await page.locator('.reading-text').getAttribute('lang'), DATASET.report.language);
      assert.deepEqual(await collect(), NO_PROBLEMS);
    });
  });

  test('clicking a highlight opens its entry, and Read in context goes back to the passage', async () => {
    const { merged } = expectedHighlights();
    const target = merged.find((m) => m.ids.length === 1 && m.start > TEXT.length / 2);
    const id = target.ids[0];
    const entry = DATASET.entries.find((e) => e.id === id);
    await visit({ query: '?view=text' }, async ({ page, collect }) => {
      await waitFor(page, 'reading');
      await page.locator(`[data-testid="highlight"][data-entries="${id}"]`).click();
      const detail = await waitFor(page, 'entry-detail');
      assert.equal((await detail.locator('h2').innerText()).trim(), entry.title);
      assert.match(page.url(), new RegExp(`entry=${id}`));

      // From the list view, "Read in context" opens the text at the passage, focused.
      await page.goto(page.url().replace('view=text', 'view=list').replace(/&?at=[^&]*/, ''));
      await waitFor(page, 'entry-detail');
      await page.locator('[data-testid="read-in-context"]').click();
      await waitFor(page, 'reading');
      assert.match(page.url(), new RegExp(`view=text.*at=${id}|at=${id}.*view=text`));
      await page.waitForFunction(
        (want) => document.activeElement?.dataset?.entries === want,
        id,
      );
      const inView = await page.evaluate(() => {
        const r = document.activeElement.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      });
      assert.ok(inView, 'the passage is in the viewport');
      assert.equal(await page.locator('[data-testid="entry-detail"]').count(), 0);

      // Back returns to the entry's detail; forward to the focused passage.
      await page.goBack();
      await waitFor(page, 'entry-detail');
      await page.goForward();
      await page.waitForFunction((want) => document.activeElement?.dataset?.entries === want, id);
      // Keyboard: the focused highlight opens its entry with Enter.
      await page.keyboard.press('Enter');
      await waitFor(page, 'entry-detail');
      assert.deepEqual(await collect(), NO_PROBLEMS);
    });
  });

  test('entries outside the filters are dimmed highlights, still linked', async () => {
    const { merged } = expectedHighlights();
    const kindOf = new Map(DATASET.entries.map((e) => [e.id, e.kind]));
    const dimmed = merged.filter((m) => !m.ids.some((id) => kindOf.get(id) === 'award')).length;
    assert.ok(dimmed > 0 && dimmed < merged.length);
    await visit({ query: '?view=text&kind=award' }, async ({ page, collect }) => {
      await waitFor(page, 'reading');
      assert.equal(await page.locator('[data-testid="highlight"].dim').count(), dimmed);
      assert.equal(await highlights(page).count(), merged.length);
      const hrefs = await highlights(page).evaluateAll((els) => els.map((el) => el.getAttribute('href')));
      assert.ok(hrefs.every((h) => h && h.includes('entry=')));
      assert.deepEqual(await collect(), NO_PROBLEMS);
    });
  });

  for (const [label, query, width] of [
    ['dark theme', '?view=text&theme=dark', 1280],
    ['a 390 px phone', '?view=text', 390],
  ]) {
    test(`renders in ${label} without horizontal overflow, focus visible`, async () => {
      await visit({ query, width }, async ({ page, collect }) => {
        await waitFor(page, 'reading');
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        assert.ok(overflow <= 0, `overflows by ${overflow} px`);
        const first = highlights(page).first();
        const colours = await first.evaluate((el) => {
          const s = getComputedStyle(el);
          return { fg: s.color, bg: s.backgroundColor, page: getComputedStyle(document.body).backgroundColor };
        });
        assert.notEqual(colours.bg, colours.page, 'the highlight stands out');
        await first.focus();
        await page.keyboard.press('Shift+Tab');
        await page.keyboard.press('Tab');
        const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
        assert.notEqual(outline, 'none', 'focus is visible');
        assert.deepEqual(await collect(), NO_PROBLEMS);
      });
    });
  }
});

describe('a report chosen from the catalogue', () => {
  test('reads its text beside its own file, not beside the catalogue', async () => {
    const { merged } = expectedHighlights();
    await visit({ query: '?reports=citic-2019-en&view=text' }, async ({ page, collect }) => {
      await waitFor(page, 'reading');
      assert.equal(await highlights(page).count(), merged.length);
      assert.deepEqual(await collect(), NO_PROBLEMS);
    });
  });
});

describe('a long text', () => {
  test('is shown in parts: the one with the at passage, focused, and the page stays small', async () => {
    // 400 paragraphs of filler before the chapter: its passages are in the fourth part of 150.
    const dir = mkdtempSync(path.join(tmpdir(), 'reading-'));
    const filler = Array.from({ length: 400 }, (_, i) => `Filler paragraph ${i + 1}.`).join('\n');
    writeFileSync(path.join(dir, 'long.txt'), `${filler}\n${TEXT}`);
    const report = { ...DATASET, report: { ...DATASET.report, text: 'long.txt' } };
    writeFileSync(path.join(dir, 'long.json'), JSON.stringify(report));
    const id = DATASET.entries[0].id;
    const files = { 'data/long.json': path.join(dir, 'long.json'), 'data/long.txt': path.join(dir, 'long.txt') };
    after(() => rmSync(dir, { recursive: true, force: true }));
    await visit({ query: `?data=data/long.json&view=text&at=${id}`, files }, async ({ page, collect }) => {
      await waitFor(page, 'reading-parts');
      await page.waitForFunction((want) => document.activeElement?.dataset?.entries?.split(' ').includes(want), id);
      const parts = page.locator('[data-testid="reading-parts"]');
      assert.match(await parts.innerText(), /Part 3 of 4/);
      assert.equal(await page.locator('.reading-text p').count(), 150);
      assert.ok((await page.evaluate(() => document.querySelectorAll('*').length)) < 3000);
      await parts.getByRole('button', { name: 'Previous part' }).click();
      assert.match(await parts.innerText(), /Part 2 of 4/);
      assert.equal(await page.locator('[data-testid="highlight"]').count(), 0);
      assert.match(await page.locator('.reading-text p').first().innerText(), /^Filler paragraph 151\.$/);
      assert.deepEqual(await collect(), NO_PROBLEMS);
    });
  });
});

describe('reports without a readable text', () => {
  test('a report without text has no Text tab, and view=text shows the list', async () => {
    await visit({ query: '?data=fixtures/text.json&view=text' }, async ({ page, collect }) => {
      await waitFor(page, 'entry');
      assert.equal(await page.locator('[data-testid="view-text"]').count(), 0);
      assert.equal(await page.locator('[data-testid="view-list"]').count(), 1);
      assert.equal(await page.locator('[data-testid="reading"]').count(), 0);
      assert.deepEqual(await collect(), NO_PROBLEMS);
    });
  });

  test('a text that 404s shows a clear message and the list view still works', async () => {
    const missing = new RegExp(`${TEXT_FILE.replaceAll('.', '\\.')}$`);
    await visit(
      { query: '?view=text', files: { [`data/${TEXT_FILE}`]: null }, expected: [missing] },
      async ({ page, collect }) => {
        const error = await waitFor(page, 'reading-error');
        const message = (await error.innerText()).trim();
        assert.match(message, /The report's text could not be shown/);
        assert.match(message, /HTTP 404/);
        assert.match(message, new RegExp(TEXT_FILE.replaceAll('.', '\\.')));
        await page.locator('[data-testid="view-list"]').click();
        await waitFor(page, 'entry');
        assert.ok((await page.locator('[data-testid="entry"]').count()) > 0);
        const problems = await collect();
        // The browser logs the failed request itself; nothing else went wrong.
        assert.deepEqual(
          { ...problems, consoleErrors: problems.consoleErrors.filter((e) => !/404/.test(e)) },
          NO_PROBLEMS,
        );
      },
    );
  });
});
