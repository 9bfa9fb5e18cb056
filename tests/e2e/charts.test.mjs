// End-to-end tests of the timeline, the charts and the exports on the release
// build, under the strict CSP, in headless Chromium.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { startServer } from './server.mjs';
import { DATASET, DIST, NO_PROBLEMS, figuresOf, subsOf } from './common.mjs';
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

async function open(query) {
  const tab = await openPage(browser);
  await tab.page.setViewportSize({ width: 1280, height: 1000 });
  await tab.page.goto(`${server.url}${query}`);
  await waitFor(tab.page, 'entry-count');
  return tab;
}

/** Moves the pointer over `canvas` until a tooltip appears; returns the point and its text. */
async function findBar(page, id) {
  const canvas = page.locator(`[data-testid="canvas-${id}"]`);
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  for (let y = 10; y < box.height - 10; y += 6) {
    for (const fx of [0.3, 0.45, 0.6]) {
      const x = box.width * fx;
      await page.mouse.move(box.x + x, box.y + y);
      const tip = page.locator(`[data-testid="tooltip-${id}"]`);
      if ((await tip.count()) > 0) return { x: box.x + x, y: box.y + y, text: await tip.innerText() };
    }
  }
  throw new Error(`no bar found in ${id}`);
}

const dated = (e) => (e.kind === 'award' || e.kind === 'event') && e.date;

describe('charts', () => {
  test('hovering a bar shows its value; clicking it filters and changes the URL', async () => {
    const { page, context, collect } = await open('?view=charts');
    try {
      const bar = await findBar(page, 'coverage');
      assert.match(bar.text, /\d/);
      // The tooltip's subsidiary is one of the report's, and its count appears in the table.
      assert.ok(DATASET.subsidiaries.some((s) => bar.text.includes(s.name)), bar.text);
      await page.mouse.click(bar.x, bar.y);
      await page.waitForFunction(() => new URL(location.href).searchParams.has('sub'));
      const params = new URL(page.url()).searchParams;
      const sub = params.get('sub');
      const cat = params.get('cat');
      assert.ok(sub && cat, page.url());
      const count = Number((await text(page, 'entry-count')).split(' ')[0]);
      assert.ok(count > 0 && count < TOTAL, `${count} entries after the click`);
      assert.match(bar.text, new RegExp(`\\b${count}\\b`));
      assert.deepEqual(await collect(), NO_PROBLEMS);
    } finally {
      await context.close();
    }
  });

  test('every chart has a table with the same numbers', async () => {
    const { page, context, collect } = await open('?view=charts');
    try {
      await page.locator('[data-testid="table-toggle-coverage"]').click();
      const totals = await page
        .locator('[data-testid="table-coverage"] tbody tr td:last-child')
        .allInnerTexts();
      assert.equal(totals.map(Number).reduce((a, b) => a + b, 0), TOTAL);
      await page.locator('[data-testid="table-toggle-awards"]').click();
      const awardRows = await page.locator('[data-testid="table-awards"] tbody tr').count();
      assert.ok(awardRows >= 1);
      // Awards without a date cannot be placed on the year axis; the chart says how many.
      const undated = DATASET.entries.filter((e) => e.kind === 'award' && !e.date).length;
      assert.ok(undated > 0);
      assert.match(await text(page, 'awards-undated'), new RegExp(`^${undated} awards have no date`));
      await page.locator('[data-testid="table-toggle-metrics"]').click();
      const family = await page.locator('[data-testid="metric-family"]').inputValue();
      const [fam, unit] = family.split('|');
      const want = figuresOf(fam, unit);
      assert.equal(await page.locator('[data-testid="table-metrics"] tbody tr').count(), want.length);
      assert.deepEqual(await collect(), NO_PROBLEMS);
    } finally {
      await context.close();
    }
  });

  test('canvases are sized for the device pixel ratio and redraw when the width changes', async () => {
    const tab = await openPage(browser);
    const { page, context, collect } = tab;
    try {
      await page.setViewportSize({ width: 1200, height: 900 });
      await page.goto(`${server.url}?view=charts&theme=dark`);
      await waitFor(page, 'canvas-coverage');
      const size = () =>
        page.locator('[data-testid="canvas-coverage"]').evaluate((c) => ({
          w: c.width,
          css: c.getBoundingClientRect().width,
          ratio: devicePixelRatio,
        }));
      const before = await size();
      assert.equal(before.w, Math.round(Math.floor(before.css) * before.ratio));
      await page.setViewportSize({ width: 900, height: 900 });
      await page.waitForFunction(
        (w) => document.querySelector('[data-testid="canvas-coverage"]').width < w,
        before.w,
      );
      const after = await size();
      assert.equal(after.w, Math.round(Math.floor(after.css) * after.ratio));
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
      assert.deepEqual(await collect(), NO_PROBLEMS);
    } finally {
      await context.close();
    }
  });
});

describe('timeline', () => {
  test('the accessible list follows the filters, in date order', async () => {
    const sub = 'citic-construction';
    const { page, context, collect } = await open(`?view=timeline&sub=${sub}`);
    try {
      const want = DATASET.entries.filter((e) => subsOf(e).includes(sub) && dated(e));
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-testid="timeline-list"] li').length === n,
        want.length,
      );
      const dates = await page.locator('[data-testid="timeline-list"] li time').evaluateAll((els) =>
        els.map((t) => t.getAttribute('datetime')),
      );
      const starts = dates.map((d) => d.split('/')[0]);
      assert.deepEqual(starts, [...starts].sort());
      assert.equal(await page.locator('.tl-item').count(), want.length);
      assert.deepEqual(await collect(), NO_PROBLEMS);
    } finally {
      await context.close();
    }
  });

  test('keyboard moves between items, Enter opens one; zoom changes the axis', async () => {
    const { page, context, collect } = await open('?view=timeline');
    try {
      const all = DATASET.entries.filter(dated).length;
      assert.equal(await page.locator('[data-testid="timeline-list"] li').count(), all);
      const first = page.locator('.tl-item[tabindex="0"]');
      assert.equal(await first.count(), 1);
      await first.focus();
      const start = await page.evaluate(() => document.activeElement.dataset.entry);
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowDown');
      const moved = await page.evaluate(() => document.activeElement.dataset.entry);
      assert.notEqual(moved, start);
      assert.equal(await page.locator('[data-testid="timeline-tooltip"]').count(), 1);
      const ticks = await page.locator('.tl-tick').allInnerTexts();
      await page.locator('[data-testid="zoom-in"]').click();
      await page.locator('[data-testid="zoom-in"]').click();
      await page.locator('[data-testid="zoom-in"]').click();
      assert.notDeepEqual(await page.locator('.tl-tick').allInnerTexts(), ticks);
      await page.locator(`.tl-item[data-entry="${moved}"]`).focus().catch(() => {});
      await page.locator('.tl-item').first().focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => new URL(location.href).searchParams.has('entry'));
      await waitFor(page, 'entry-detail');
      assert.deepEqual(await collect(), NO_PROBLEMS);
    } finally {
      await context.close();
    }
  });
});

describe('timeline gestures', () => {
  test('a two-finger pinch zooms the time axis; the wheel zooms too', async () => {
    const { page, context, collect } = await open('?view=timeline');
    try {
      await page.locator('.tl-item').first().waitFor();
      const ticks = () => page.locator('.tl-tick').allInnerTexts();
      const start = await ticks();
      // Two touch pointers moving apart on an empty part of the axis.
      await page.evaluate(() => {
        const box = document.querySelector('.timeline-box');
        const r = box.getBoundingClientRect();
        const y = r.top + 10;
        const mid = r.left + r.width / 2;
        const fire = (type, id, x) =>
          box.dispatchEvent(
            new PointerEvent(type, { pointerId: id, pointerType: 'touch', clientX: x, clientY: y, isPrimary: id === 1, bubbles: true }),
          );
        fire('pointerdown', 1, mid - 20);
        fire('pointerdown', 2, mid + 20);
        for (let d = 30; d <= 200; d += 10) {
          fire('pointermove', 1, mid - d);
          fire('pointermove', 2, mid + d);
        }
        fire('pointerup', 1, mid - 200);
        fire('pointerup', 2, mid + 200);
      });
      const pinched = await ticks();
      assert.notDeepEqual(pinched, start, 'pinch changed the axis');
      await page.locator('[data-testid="timeline"] button', { hasText: 'Reset' }).click();
      assert.deepEqual(await ticks(), start);
      const box = await page.locator('.timeline-box').boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + 10);
      for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -120);
      await page.waitForFunction(
        (before) => JSON.stringify([...document.querySelectorAll('.tl-tick')].map((t) => t.textContent)) !== before,
        JSON.stringify(start),
      );
      assert.deepEqual(await collect(), NO_PROBLEMS);
    } finally {
      await context.close();
    }
  });

  test('the wheel zooms around the pointer, also over an item', async () => {
    const { page, context, collect } = await open('?view=timeline');
    try {
      await page.locator('.tl-item').first().waitFor();
      const days = (iso) => iso.split('/').map((d) => Date.parse(d) / 86_400_000);
      const windowOf = async () =>
        days(await page.locator('[data-testid="timeline"]').getAttribute('data-window'));
      // The item furthest right of the middle, and where its centre sits across the plot.
      const target = await page.evaluate(() => {
        const box = document.querySelector('.timeline-box').getBoundingClientRect();
        const items = [...document.querySelectorAll('.tl-item')].map((el) => el.getBoundingClientRect());
        const r = items.reduce((a, b) => (b.left > a.left ? b : a));
        return { x: r.left + r.width / 2, y: r.top + r.height / 2, box: { left: box.left, width: box.width } };
      });
      const label = 160;
      const expected = (target.x - target.box.left - label) / (target.box.width - label);
      assert.ok(expected > 0.55, `an item right of the middle: ${expected}`);
      const before = await page.locator('[data-testid="timeline"]').getAttribute('data-window');
      const [from1, to1] = days(before);
      await page.mouse.move(target.x, target.y);
      await page.mouse.wheel(0, -120);
      await page.waitForFunction(
        (was) => document.querySelector('[data-testid="timeline"]').dataset.window !== was,
        before,
      );
      const [from2, to2] = await windowOf();
      assert.ok(to2 - from2 < to1 - from1, 'zoomed in');
      // The day under the pointer stays put: from1 + f·span1 = from2 + f·span2.
      const anchor = (from2 - from1) / ((to1 - from1) - (to2 - from2));
      assert.ok(Math.abs(anchor - expected) < 0.04, `anchored at ${anchor}, pointer at ${expected}`);
      assert.deepEqual(await collect(), NO_PROBLEMS);
    } finally {
      await context.close();
    }
  });
});

describe('exports', () => {
  test('the CSV holds exactly the filtered entries, with provenance lines', async () => {
    const sub = 'china-securities';
    const { page, context, collect } = await open(`?sub=${sub}&kind=award`);
    try {
      const want = DATASET.entries.filter((e) => subsOf(e).includes(sub) && e.kind === 'award');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-testid="export-csv"]').click(),
      ]);
      const file = await download.path();
      const csv = readFileSync(file, 'utf8');
      const lines = csv.split('\n');
      // Provenance lines are quoted single cells starting with `# `.
      const comments = lines.filter((l) => l.startsWith('"# '));
      assert.ok(comments.some((l) => l.includes(DATASET.report.title)), comments.join('\n'));
      assert.ok(comments.some((l) => l.includes(`sub=${sub}`)), comments.join('\n'));
      const ids = lines
        .filter((l) => !l.startsWith('"# ') && l.trim())
        .slice(1)
        .map((l) => l.split(',')[0]);
      assert.deepEqual([...ids].sort(), want.map((e) => e.id).sort());

      const [json] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-testid="export-json"]').click(),
      ]);
      const body = JSON.parse(readFileSync(await json.path(), 'utf8'));
      assert.equal(body.entries.length, want.length);
      assert.ok(body.provenance);
      assert.deepEqual(await collect(), NO_PROBLEMS);
    } finally {
      await context.close();
    }
  });

  test('a download\'s blob URL stays readable after the click', async () => {
    const tab = await openPage(browser);
    try {
      // Records the blob URLs the app makes and revokes (before any app script runs).
      await tab.page.addInitScript(() => {
        window.__blobs = { made: [], revoked: [] };
        const create = URL.createObjectURL.bind(URL);
        const revoke = URL.revokeObjectURL.bind(URL);
        URL.createObjectURL = (blob) => {
          const url = create(blob);
          window.__blobs.made.push({ url, blob });
          return url;
        };
        URL.revokeObjectURL = (url) => {
          window.__blobs.revoked.push(url);
          revoke(url);
        };
      });
      await tab.page.goto(`${server.url}?sub=china-securities`);
      await waitFor(tab.page, 'entry-count');
      await Promise.all([
        tab.page.waitForEvent('download'),
        tab.page.locator('[data-testid="export-csv"]').click(),
      ]);
      // (The page's CSP has no `connect-src blob:`, so the test reads the blob itself.)
      const state = await tab.page.evaluate(async () => {
        const { url, blob } = window.__blobs.made.at(-1);
        return { url, revoked: window.__blobs.revoked.includes(url), text: await blob.text() };
      });
      assert.equal(state.revoked, false, 'revoked right after the click');
      assert.match(state.text, /^"# Dataset: /);
      assert.deepEqual(await tab.collect(), NO_PROBLEMS);
    } finally {
      await tab.context.close();
    }
  });

  test('a crafted search cannot plant a formula in the CSV', async () => {
    const q = 'x,=HYPERLINK("http://evil.example"),+1';
    const { page, context, collect } = await open(`?q=${encodeURIComponent(q)}`);
    try {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-testid="export-csv"]').click(),
      ]);
      const lines = readFileSync(await download.path(), 'utf8').split('\n');
      assert.ok(
        lines.includes('"# Filters: q=x,=HYPERLINK(""http://evil.example""),+1"'),
        lines.slice(0, 7).join('\n'),
      );
      assert.deepEqual(await collect(), NO_PROBLEMS);
    } finally {
      await context.close();
    }
  });

  test('a chart exports as SVG with a provenance caption', async () => {
    const { page, context, collect } = await open('?view=charts');
    try {
      const [svg] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-testid="svg-awards"]').click(),
      ]);
      const body = readFileSync(await svg.path(), 'utf8');
      assert.match(body, /^<svg/);
      assert.ok(body.includes('Report Explorer') || body.includes(DATASET.report.title), 'caption present');
      const [png] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-testid="png-awards"]').click(),
      ]);
      const bytes = readFileSync(await png.path());
      assert.equal(bytes.subarray(1, 4).toString(), 'PNG');
      assert.deepEqual(await collect(), NO_PROBLEMS);
    } finally {
      await context.close();
    }
  });
});
