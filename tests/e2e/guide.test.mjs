// End-to-end: the data format guide as a page. The build renders docs/data-format.md to
// dist/docs/data-format.html with dist/docs/guide.css (`cargo xtask guide`, a Trunk hook), so
// a host that has no Markdown content type still shows it. The page has every heading and
// table of the Markdown, is served as text/html, loads under the strict CSP with no
// violation, and reads in light and dark, under a path prefix as at the site root.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { startServer } from './server.mjs';
import { DIST, NO_PROBLEMS } from './common.mjs';
import { launchBrowser, openPage } from './browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const MARKDOWN = readFileSync(path.join(here, '..', '..', 'docs', 'data-format.md'), 'utf8');
const PAGE = 'docs/data-format.html';

/** The Markdown's headings at `level` (1 to 3), as their text reads on the page. */
function headings(level) {
  const mark = `${'#'.repeat(level)} `;
  return MARKDOWN.split('\n')
    .filter((line) => line.startsWith(mark))
    .map((line) => line.slice(mark.length).replaceAll('`', '').trim());
}

/** Tables in the Markdown: a header row followed by a `|---|` line. */
const TABLES = MARKDOWN.split('\n').filter((line) => /^\|(\s*:?-+:?\s*\|)+\s*$/.test(line)).length;

/** WCAG contrast ratio of two `rgb(r, g, b)` colours. */
function contrast(a, b) {
  const luminance = (rgb) => {
    const [r, g, bl] = rgb.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

describe('the data format guide page', () => {
  test('the build has it beside the Markdown, with its stylesheet', () => {
    for (const file of [PAGE, 'docs/guide.css', 'docs/data-format.md']) {
      assert.ok(existsSync(path.join(DIST, file)), `dist/${file} is missing`);
    }
    const html = readFileSync(path.join(DIST, PAGE), 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<link rel="stylesheet" href="guide.css">/);
    assert.doesNotMatch(html, /<script|<style|\sstyle=/);
  });

  for (const { name, prefix, scheme } of [
    { name: 'at the site root, light', prefix: '/', scheme: 'light' },
    { name: 'under a path prefix, dark', prefix: '/intranet/reports/esg/', scheme: 'dark' },
  ]) {
    test(`is served as HTML and reads ${name}, under the CSP`, async () => {
      const server = await startServer({ dir: DIST, prefix });
      const { page, context, collect } = await openPage(browser);
      try {
        await page.emulateMedia({ colorScheme: scheme });
        const response = await page.goto(`${server.url}${PAGE}`);
        assert.equal(response.status(), 200);
        assert.match(response.headers()['content-type'], /^text\/html/);

        // Every heading of the Markdown, at its level, in order.
        for (const level of [1, 2, 3]) {
          const shown = (await page.locator(`main h${level}`).allInnerTexts()).map((t) => t.trim());
          assert.deepEqual(shown, headings(level), `h${level}`);
        }
        assert.equal(await page.title(), 'Report data format (report-explorer/2)');
        // GitHub's anchors, which docs/catalogue.md links (data-format.md#ids, #dates).
        for (const id of ['ids', 'dates', 'top-level', 'rules-only-the-app-checks']) {
          assert.equal(await page.locator(`[id="${id}"]`).count(), 1, `#${id}`);
        }

        // Every table, rendered as a table with its header cells and rows.
        assert.equal(await page.locator('main table').count(), TABLES);
        const top = page.locator('main table').first();
        assert.deepEqual(
          (await top.locator('thead th').allInnerTexts()).map((t) => t.trim()),
          ['field', 'type', 'required', 'meaning', 'example'],
        );
        const fields = (await top.locator('tbody td:first-child').allInnerTexts()).map((t) => t.trim());
        assert.deepEqual(fields, ['format', 'report', 'divisions', 'subsidiaries', 'categories', 'entries']);

        // guide.css applied (same origin, so the CSP allows it), readable in this scheme.
        const look = await page.evaluate(() => {
          const body = getComputedStyle(document.body);
          const cell = getComputedStyle(document.querySelector('main th'));
          return {
            bg: body.backgroundColor,
            fg: body.color,
            border: cell.borderTopStyle,
            width: document.documentElement.scrollWidth,
            viewport: window.innerWidth,
          };
        });
        assert.equal(look.border, 'solid', 'guide.css styles the tables');
        const dark = look.bg === 'rgb(13, 17, 23)';
        assert.equal(dark, scheme === 'dark', `background ${look.bg} in ${scheme}`);
        assert.ok(contrast(look.fg, look.bg) >= 7, `text ${look.fg} on ${look.bg}`);
        assert.ok(look.width <= look.viewport, 'wide tables scroll inside the page');

        // The schema it links is there too.
        const schema = await page.request.get(new URL('report.schema.json', page.url()).href);
        assert.equal(schema.status(), 200);
        assert.deepEqual(await collect(), NO_PROBLEMS);
      } finally {
        await context.close();
        await server.close();
      }
    });
  }

  test('on a phone the tables scroll and the page does not widen', async () => {
    const server = await startServer({ dir: DIST });
    const { page, context, collect } = await openPage(browser);
    try {
      await page.setViewportSize({ width: 375, height: 800 });
      await page.goto(`${server.url}${PAGE}`);
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        viewport: window.innerWidth,
      }));
      assert.ok(widths.page <= widths.viewport, JSON.stringify(widths));
      assert.deepEqual(await collect(), NO_PROBLEMS);
    } finally {
      await context.close();
      await server.close();
    }
  });
});
