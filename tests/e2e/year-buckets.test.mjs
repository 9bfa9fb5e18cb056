// End-to-end: a report with implausible date ranges (`1000/2999`, `1850/2150`, `2999`) on the
// release build in headless Chromium. The year facet and the awards chart stay short (runs of
// years instead of one value per year), the loader's warnings name each entry, and clicking a
// bar lists exactly the number it shows.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import { FIXTURES_DIR, startServer } from './server.mjs';
import { DIST, NO_PROBLEMS } from './common.mjs';
import { launchBrowser, openPage, text, waitFor } from './browser.mjs';

const DATA = 'data/huge-dates.json';

/** The year facet as the core builds it for the fixture (newest first). */
const YEAR_VALUES = ['2999', '2151–2998', '2020–2150', '2019', '2018', '1850–2017', '1000–1849', 'Undated'];
/** The awards chart's bars, oldest first, with their awards. */
const BARS = [
  ['1000–1849', '1'],
  ['1850–2017', '1'],
  ['2018', '3'],
  ['2019', '4'],
  ['2020–2150', '1'],
  ['2151–2998', '1'],
  ['2999', '2'],
];
const EXPECTED = ' (expected a date within 1800–2200 spanning at most 100 years)';
const WARNINGS = [
  `${DATA}:112:15: warning: entries[4].date: date \`1000/2999\` spans 2000 years and reaches outside 1800–2200; the entry is kept${EXPECTED}`,
  `${DATA}:127:15: warning: entries[5].date: date \`2999\` reaches outside 1800–2200; the entry is kept${EXPECTED}`,
  `${DATA}:142:15: warning: entries[6].date: date \`1850/2150\` spans 301 years; the entry is kept${EXPECTED}`,
];

let browser;
let server;
before(async () => {
  browser = await launchBrowser();
  server = await startServer({
    dir: DIST,
    files: { [DATA]: path.join(FIXTURES_DIR, 'huge-dates.json') },
  });
});
after(async () => {
  await server?.close();
  await browser?.close();
});

async function open(query) {
  const tab = await openPage(browser);
  await tab.page.setViewportSize({ width: 1280, height: 1000 });
  await tab.page.goto(`${server.url}${query}`);
  await waitFor(tab.page, 'entry-count');
  return tab;
}

const entryCount = async (page) => Number((await text(page, 'entry-count')).split(' ')[0]);

/** The canvas's box in the viewport, after scrolling it into view. */
async function canvasBox(page, id) {
  const canvas = page.locator(`[data-testid="canvas-${id}"]`);
  await canvas.scrollIntoViewIfNeeded();
  return canvas.boundingBox();
}

/**
 * One piece of each of `bands` bars, found by pointing along rows from the bottom of the
 * canvas up (every bar starts at the axis): `{ rx, ry, text }`, in canvas coordinates.
 */
async function barPieces(page, id, bands) {
  const box = await canvasBox(page, id);
  const tip = page.locator(`[data-testid="tooltip-${id}"]`);
  const found = new Map();
  for (let ry = box.height - 20; ry > box.height * 0.3 && found.size < bands; ry -= 6) {
    for (let rx = 10; rx < box.width - 10; rx += 8) {
      await page.mouse.move(box.x + rx, box.y + ry);
      if ((await tip.count()) === 0) continue;
      const said = await tip.innerText();
      const band = said.split(',')[0];
      if (!found.has(band)) found.set(band, { rx, ry, text: said });
    }
  }
  return [...found.values()];
}

/** Points at `p` until the chart (drawn in a task of its own) shows a tooltip there; returns its text. */
async function hover(page, id, p) {
  const tip = page.locator(`[data-testid="tooltip-${id}"]`);
  for (let i = 0; i < 200; i += 1) {
    const box = await canvasBox(page, id);
    await page.mouse.move(box.x + p.rx + (i % 2), box.y + p.ry);
    if ((await tip.count()) > 0) return tip.innerText();
  }
  throw new Error(`no tooltip at ${p.text}`);
}

/** Clicks piece `p` of chart `id` and waits until the list holds the number its tooltip says. */
async function clickAndCount(page, id, p) {
  assert.equal(await hover(page, id, p), p.text);
  const shown = Number(/: (\d+) awards?/.exec(p.text)[1]);
  const box = await canvasBox(page, id);
  await page.mouse.click(box.x + p.rx, box.y + p.ry);
  await page.waitForFunction(() => new URL(location.href).searchParams.has('year'));
  await page.waitForFunction((n) => {
    const el = document.querySelector('[data-testid="entry-count"]');
    return el && Number(el.textContent.split(' ')[0]) === n;
  }, shown);
  assert.equal(await entryCount(page), shown);
  return new URL(page.url()).searchParams;
}

describe('a report with huge date ranges', () => {
  test('loads every entry, warns about each implausible date, and keeps the year facet short', async () => {
    const { page, context, collect } = await open(`?data=${DATA}`);
    try {
      assert.equal(await entryCount(page), 9);
      const warnings = await page.locator('[data-testid="problems"] li.problem.warning').allTextContents();
      assert.deepEqual(warnings, WARNINGS);
      const years = page.locator('section.facet[data-facet="year"] li.facet-value .facet-label');
      assert.deepEqual(await years.allInnerTexts(), YEAR_VALUES);
      assert.deepEqual(await collect(), NO_PROBLEMS);
    } finally {
      await context.close();
    }
  });

  test('the awards chart has one bar per year value, and a click lists exactly its number', async () => {
    const { page, context, collect } = await open(`?data=${DATA}&view=charts`);
    try {
      await page.locator('[data-testid="table-toggle-awards"]').click();
      const rows = page.locator('[data-testid="table-awards"] tbody tr');
      const table = await rows.evaluateAll((trs) =>
        trs.map((tr) => [tr.querySelector('th').innerText, tr.lastElementChild.innerText]),
      );
      assert.deepEqual(table, BARS);
      await page.locator('[data-testid="table-toggle-awards"]').click();

      const pieces = await barPieces(page, 'awards', BARS.length);
      const bands = pieces.map((p) => p.text.split(',')[0]).sort();
      assert.deepEqual(bands, BARS.map((b) => b[0]).sort(), pieces.map((p) => p.text).join('\n'));
      // The mistyped range's own years, one run of 848 years: one value to click.
      const wide = pieces.find((p) => p.text.startsWith('2151–2998'));
      const params = await clickAndCount(page, 'awards', wide);
      assert.equal(params.get('year'), '2151-2998');
      assert.equal(params.get('kind'), 'award');

      // From every entry again, each bar's click lists its number.
      for (const p of pieces.filter((p) => p !== wide)) {
        await page.goto(`${server.url}?data=${DATA}&view=charts`);
        await waitFor(page, 'canvas-awards');
        await clickAndCount(page, 'awards', p);
      }
      assert.deepEqual(await collect(), NO_PROBLEMS);
    } finally {
      await context.close();
    }
  });
});
