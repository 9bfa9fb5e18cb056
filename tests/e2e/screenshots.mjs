// Writes PNG screenshots of the timeline and each chart, light and dark, in English and in
// Traditional Chinese (`-zh-Hant` files; the CJK font is Debian's fonts-noto-cjk), from the
// release build: `cargo xtask screenshots` (output directory as argument). Also, in English
// and Simplified Chinese (`-zh-Hans`): the reading view, the printed document, and, on the
// generated three-year catalogue in `$REPORT_EXPLORER_YEARS`, several reports with their
// report facet, a series' trend, a figure's change in the entry detail and two reports
// compared, and the explorer at phone width.

import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { startServer, DEFAULT_DIST } from './server.mjs';
import { launchBrowser, waitFor } from './browser.mjs';

const out = path.resolve(process.argv[2] || 'docs/screenshots');
mkdirSync(out, { recursive: true });
// The generated catalogue, served as if it sat next to the app.
const pages = {};
const years = process.env.REPORT_EXPLORER_YEARS;
if (years) {
  pages['/catalogue.json'] = { body: readFileSync(path.join(years, 'catalogue.json'), 'utf8'), type: 'application/json' };
  for (const file of readdirSync(path.join(years, 'data'))) {
    pages[`/data/${file}`] = { body: readFileSync(path.join(years, 'data', file), 'utf8'), type: 'application/json' };
  }
}
const REPORTS = [2018, 2019, 2020].map((y) => `meridian-holdings-${y}-en`).join(',');
const server = await startServer({ dir: process.env.REPORT_EXPLORER_DIST || DEFAULT_DIST, pages });
const browser = await launchBrowser();
const shots = [];
try {
  for (const [theme, lang] of ['light', 'dark'].flatMap((t) => [[t, 'en'], [t, 'zh-Hant']])) {
    const suffix = lang === 'en' ? theme : `${theme}-${lang}`;
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      deviceScaleFactor: 1,
    });
    const page = await context.newPage();
    await page.goto(`${server.url}?view=timeline&theme=${theme}&lang=${lang}`);
    await waitFor(page, 'timeline');
    await page.locator('.tl-item').first().waitFor();
    const timeline = path.join(out, `timeline-${suffix}.png`);
    await page.locator('[data-testid="timeline"]').screenshot({ path: timeline });
    shots.push(timeline);
    await page.goto(`${server.url}?view=charts&theme=${theme}&lang=${lang}`);
    for (const id of ['coverage', 'awards', 'metrics']) {
      const figure = page.locator(`[data-testid="chart-${id}"]`);
      await figure.waitFor();
      await page.waitForTimeout(200);
      const file = path.join(out, `chart-${id}-${suffix}.png`);
      await figure.screenshot({ path: file });
      shots.push(file);
    }
    await context.close();
  }
  for (const [theme, lang] of ['light', 'dark'].flatMap((t) => [[t, 'en'], [t, 'zh-Hans']])) {
    const suffix = lang === 'en' ? theme : `${theme}-${lang}`;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    // An element, or (with no locator) what the viewport shows.
    const shoot = async (name, locator) => {
      await page.waitForTimeout(200);
      const file = path.join(out, `${name}-${suffix}.png`);
      await (locator ?? page).screenshot({ path: file });
      shots.push(file);
    };
    const q = `theme=${theme}&lang=${lang}`;
    await page.goto(`${server.url}?view=text&${q}`);
    await waitFor(page, 'reading');
    await page.locator('.hl').first().waitFor();
    await shoot('reading');
    // The printed document, as print media shows it (printing itself is stubbed).
    await page.goto(`${server.url}?kind=award&${q}`);
    await waitFor(page, 'print');
    await page.evaluate(() => { window.print = () => {}; });
    await page.locator('[data-testid="print"]').click();
    await page.emulateMedia({ media: 'print' });
    await shoot('print', page.locator('[data-testid="print-document"]'));
    await page.emulateMedia({ media: 'screen' });
    if (years) {
      await page.goto(`${server.url}?reports=${REPORTS}&${q}`);
      await waitFor(page, 'entry-count');
      await shoot('reports');
      await page.goto(`${server.url}?reports=${REPORTS}&view=charts&${q}`);
      await waitFor(page, 'chart-trend');
      await shoot('trend', page.locator('[data-testid="trends"]'));
      await page.goto(`${server.url}?reports=${REPORTS}&entry=meridian-holdings-2019-en~key-meridian-holdings-2019&${q}`);
      await waitFor(page, 'entry-detail');
      await shoot('change', page.locator('[data-testid="entry-detail"]'));
      await page.goto(`${server.url}?reports=${REPORTS}&view=compare&a=meridian-holdings-2018-en&${q}`);
      await waitFor(page, 'compare-grid');
      await shoot('compare', page.locator('[data-testid="compare"]'));
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${server.url}?reports=${REPORTS}&${q}`);
      await waitFor(page, 'entry-count');
      await shoot('phone');
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
for (const file of shots) console.log(`wrote ${path.relative(process.cwd(), file)}`);
