// End-to-end: year over year on a generated three-year catalogue (`cargo xtask gen-data
// --years`, core::synth_years) on the release build in headless Chromium: the trend chart of a
// series (table, export, click to open), each figure's change against the previous report in
// the entry detail, and the view comparing two reports' coverage, in light and dark, at phone
// and desktop widths, in English and Chinese.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { startServer } from './server.mjs';
import { DIST, NO_PROBLEMS } from './common.mjs';
import { launchBrowser, openPage, text, waitFor } from './browser.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const YEARS = [2018, 2019, 2020];
const id = (y) => `meridian-holdings-${y}-en`;
const ALL = YEARS.map(id).join(',');
const KEY = (y) => `${id(y)}~key-meridian-holdings-${y}`;

/** The generated catalogue's directory: `$REPORT_EXPLORER_YEARS` (xtask test writes it), else made here. */
function catalogueDir() {
  if (process.env.REPORT_EXPLORER_YEARS) return { dir: process.env.REPORT_EXPLORER_YEARS, made: false };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'years-'));
  execFileSync('cargo', ['run', '-q', '-p', 'xtask', '--', 'gen-data', '--years', YEARS.join(','), '--entries', '300', '--out', dir], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  return { dir, made: true };
}

let browser;
let server;
let generated;
let reports;
before(async () => {
  generated = catalogueDir();
  const pages = {
    '/catalogue.json': { body: readFileSync(path.join(generated.dir, 'catalogue.json'), 'utf8'), type: 'application/json' },
  };
  reports = {};
  for (const file of readdirSync(path.join(generated.dir, 'data'))) {
    const body = readFileSync(path.join(generated.dir, 'data', file), 'utf8');
    pages[`/data/${file}`] = { body, type: 'application/json' };
    reports[file.replace(/\.json$/, '')] = JSON.parse(body);
  }
  browser = await launchBrowser();
  server = await startServer({ dir: DIST, pages });
});
after(async () => {
  await server?.close();
  await browser?.close();
  if (generated?.made) rmSync(generated.dir, { recursive: true, force: true });
});

async function visit(query, body, { width = 1280, dark = false } = {}) {
  const tab = await openPage(browser);
  try {
    await tab.page.setViewportSize({ width, height: 1000 });
    if (dark) await tab.page.emulateMedia({ colorScheme: 'dark' });
    await tab.page.goto(`${server.url}${query}`);
    await waitFor(tab.page, 'entry-count');
    await body(tab.page);
    assert.deepEqual(await tab.collect(), NO_PROBLEMS);
  } finally {
    await tab.context.close();
  }
}

const overflow = (page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** The key-figures entry of `year`, as the generated file has it. */
const keyEntry = (year) => reports[id(year)].entries.find((e) => e.id === `key-meridian-holdings-${year}`);

describe('year over year', () => {
  test('the charts view has a trend per series, with a table, an export, and a click that opens the entry', async () => {
    await visit(`?reports=${ALL}&view=charts`, async (page) => {
      await waitFor(page, 'trends');
      const select = page.locator('[data-testid="trend-series"]');
      const options = await select.locator('option').allTextContents();
      assert.ok(options.length >= 5, JSON.stringify(options));
      // A series of one subsidiary's customer satisfaction across the three reports.
      const wanted = options.find((o) => o.includes('Meridian Holdings') && o.includes('Customer satisfaction'));
      assert.ok(wanted, JSON.stringify(options));
      await select.selectOption({ label: wanted });
      await waitFor(page, 'chart-trend');
      await page.locator('[data-testid="table-toggle-trend"]').click();
      const rows = await page.locator('[data-testid="table-trend"] tbody tr').evaluateAll((trs) =>
        trs.map((tr) => [...tr.children].map((td) => td.textContent.trim())),
      );
      assert.equal(rows.length, 3, JSON.stringify(rows));
      // One row per report, oldest first, each the value its file gives.
      rows.forEach((row, i) => {
        const figure = keyEntry(YEARS[i]).figures.find((f) => f.family === 'customer-satisfaction');
        assert.ok(row.join(' ').includes(String(YEARS[i])), JSON.stringify(row));
        assert.ok(row.join(' ').includes(`${figure.value}%`), `${JSON.stringify(row)} lacks ${figure.value}%`);
      });
      // The CSV export downloads the same rows.
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="csv-trend"]').click()]);
      const csv = readFileSync(await download.path(), 'utf8');
      assert.equal(csv.trim().split('\n').filter((l) => !l.startsWith('"#')).length, 4, csv);
      // Clicking a bar opens its entry.
      const canvas = page.locator('[data-testid="canvas-trend"]');
      await canvas.scrollIntoViewIfNeeded();
      const box = await canvas.boundingBox();
      let opened = false;
      // Columns rise from the axis: look along a few heights near the bottom.
      for (const fy of [0.8, 0.7, 0.6]) {
        for (let x = 10; x < box.width - 10 && !opened; x += 8) {
          await page.mouse.move(box.x + x, box.y + box.height * fy);
          if ((await page.locator('[data-testid="tooltip-trend"]').count()) > 0) {
            await page.mouse.click(box.x + x, box.y + box.height * fy);
            opened = true;
          }
        }
        if (opened) break;
      }
      assert.ok(opened, 'no bar found on the trend chart');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('entry')?.includes('~key-meridian-holdings-'));
      await waitFor(page, 'entry-detail');
    });
  });

  test('the entry detail gives each figure its change against the previous report, never across units', async () => {
    await visit(`?reports=${ALL}&entry=${KEY(2019)}`, async (page) => {
      await waitFor(page, 'entry-detail');
      const rows = await page.locator('[data-testid="entry-detail"] table.detail-metrics tbody tr').evaluateAll((trs) =>
        trs.map((tr) => ({
          label: tr.querySelector('th').textContent.trim(),
          change: tr.querySelector('[data-testid="figure-change"]')?.textContent.trim() ?? null,
        })),
      );
      const byLabel = Object.fromEntries(rows.map((r) => [r.label, r.change]));
      const before = keyEntry(2018).figures;
      const now = keyEntry(2019).figures;
      const sat = (fs) => fs.find((f) => f.family === 'customer-satisfaction').value;
      const pp = sat(now) - sat(before);
      assert.match(byLabel['Customer satisfaction'], new RegExp(`${pp > 0 ? '\\+' : pp < 0 ? '-' : ''}.*pp vs 2018`));
      assert.match(byLabel['Brand ranking'], /rank \d+(st|nd|rd|th) → \d+(st|nd|rd|th)/);
      // Figures whose unit, maximum or qualifier changed, or that became a range, say nothing.
      const comparable = rows.filter((r) => r.change !== null).length;
      assert.ok(comparable >= 4 && comparable < rows.length, JSON.stringify(rows));
      // The first report has nothing before it.
      await page.goto(`${server.url}?reports=${ALL}&entry=${KEY(2018)}`);
      await waitFor(page, 'entry-detail');
      assert.equal(await page.locator('[data-testid="figure-change"]').count(), 0);
    });
  });

  test('comparing two reports marks what changed, and a cell lists its entries of those reports', async () => {
    await visit(`?reports=${ALL}&view=compare`, async (page) => {
      await waitFor(page, 'compare-grid');
      // The two newest by default.
      assert.equal(await page.locator('[data-testid="compare-a"]').inputValue(), id(2019));
      assert.equal(await page.locator('[data-testid="compare-b"]').inputValue(), id(2020));
      await page.locator('[data-testid="compare-a"]').selectOption(id(2018));
      await page.waitForFunction(() => new URL(location.href).searchParams.get('a') === 'meridian-holdings-2018-en');
      const diffs = await page.locator('[data-testid="compare-cell"]').evaluateAll((cells) => cells.map((c) => c.dataset.diff));
      // A subsidiary only the later report has, and a section only the earlier one has.
      assert.ok(diffs.includes('only-b'), JSON.stringify(diffs));
      assert.ok(diffs.includes('only-a'), JSON.stringify(diffs));
      assert.ok(diffs.some((d) => d === 'more' || d === 'fewer' || d === 'same'));
      // Differences are written, not only coloured.
      assert.match(await text(page, 'compare-legend'), /only in report A/);
      const cell = page.locator('button[data-testid="compare-cell"]').first();
      await cell.click();
      await page.waitForFunction(() => new URL(location.href).searchParams.has('sub'));
      const params = new URL(page.url()).searchParams;
      assert.ok(params.get('cat'), page.url());
      assert.notEqual(params.get('view'), 'compare');
    });
  });

  for (const [name, options] of [
    ['phone width, dark', { width: 390, dark: true }],
    ['desktop width, light', { width: 1280 }],
  ]) {
    test(`trends and the comparison fit at ${name}`, async () => {
      await visit(`?reports=${ALL}&view=compare`, async (page) => {
        await waitFor(page, 'compare-grid');
        assert.equal(await overflow(page), 0);
        await page.goto(`${server.url}?reports=${ALL}&view=charts`);
        await waitFor(page, 'trends');
        await waitFor(page, 'chart-trend');
        assert.equal(await overflow(page), 0);
      }, options);
    });
  }

  test('a report shown alone has no trends and no compare tab', async () => {
    await visit(`?reports=${id(2019)}&view=charts`, async (page) => {
      await waitFor(page, 'chart-coverage');
      assert.equal(await page.locator('[data-testid="trends"]').count(), 0);
      assert.equal(await page.locator('[data-testid="view-compare"]').count(), 0);
    });
  });
});
