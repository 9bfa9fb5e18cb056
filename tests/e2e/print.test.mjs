// End-to-end tests of printing on the release build, under the strict CSP, in headless
// Chromium: filters chosen, "Print" clicked (window.print stubbed so it does not block),
// the page printed to PDF with page.pdf() and its text read back with poppler's pdftotext.
// Also: the browser's own print command (beforeprint without the button), the dark theme
// printing black on white, a phone-width page, and the cut at 200 entries on a large report.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { startServer } from './server.mjs';
import { DATA_10K, DATASET, DIST, GENERATED_10K, NO_PROBLEMS, subsOf } from './common.mjs';
import { launchBrowser, openPage, waitFor } from './browser.mjs';

/** poppler-utils' tools (Debian `poppler-utils`; `cargo xtask test` installs it). */
const PDFTOTEXT = process.env.REPORT_EXPLORER_PDFTOTEXT || 'pdftotext';
const PDFINFO = process.env.REPORT_EXPLORER_PDFINFO || 'pdfinfo';

const TOTAL = DATASET.entries.length;
const TITLE = DATASET.report.title;
const SUB = 'citic-prudential-life';
const SUB_NAME = DATASET.subsidiaries.find((s) => s.id === SUB).name;
const IN_FILTER = DATASET.entries.filter((e) => subsOf(e).includes(SUB));
const OUTSIDE = DATASET.entries.find((e) => !subsOf(e).includes(SUB));
/** An entry of the filter with figures. */
const WITH_FIGURES = IN_FILTER.find((e) => (e.figures ?? []).length > 0);

let browser;
let server;
let work;

before(async () => {
  try {
    execFileSync(PDFTOTEXT, ['-v'], { stdio: 'ignore' });
  } catch {
    throw new Error(
      `${PDFTOTEXT} not found: install Debian's poppler-utils (apt-get install poppler-utils), ` +
        'or name it in REPORT_EXPLORER_PDFTOTEXT',
    );
  }
  work = mkdtempSync(path.join(tmpdir(), 'report-explorer-print-'));
  browser = await launchBrowser();
  server = await startServer({
    dir: DIST,
    files: DATA_10K ? { [GENERATED_10K]: DATA_10K } : {},
  });
});

after(async () => {
  await server?.close();
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function open(query = '', { width = 1280, height = 1000 } = {}) {
  const tab = await openPage(browser);
  await tab.page.setViewportSize({ width, height });
  await tab.page.goto(`${server.url}${query}`);
  await waitFor(tab.page, 'entry-count');
  // window.print() would wait for a print dialog: the test prints with page.pdf() instead.
  await tab.page.evaluate(() => {
    window.__printCalls = 0;
    window.print = () => {
      window.__printCalls += 1;
    };
  });
  return tab;
}

/** Space runs as one space, so phrases match across the PDF's line breaks. */
const flat = (s) => s.replace(/\s+/g, ' ').trim();
/** Without any white space: for text the page may break anywhere (a link). */
const compact = (s) => s.replace(/\s+/g, '');

/** Prints `page` to PDF as the print media sees it; returns its text, size and pages. */
async function printPdf(page, name) {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const file = path.join(work, `${name}.pdf`);
  writeFileSync(file, pdf);
  const text = execFileSync(PDFTOTEXT, ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const info = execFileSync(PDFINFO, [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  return { text, flat: flat(text), compact: compact(text), bytes: pdf.length, pages };
}

/** Checks the selected facet, waits for the count, and clicks Print. */
async function filterAndPrint(page) {
  await page.locator(`[data-facet="sub"] input[data-token="${SUB}"]`).check();
  await page.waitForFunction(
    (want) => document.querySelector('[data-testid="entry-count"]')?.textContent?.startsWith(`${want} of`),
    IN_FILTER.length,
  );
  await page.locator('[data-testid="print"]').click();
  assert.equal(await page.evaluate(() => window.__printCalls), 1, 'the button calls window.print()');
  await page.locator('[data-testid="print-document"]').waitFor({ state: 'attached' });
}

/** Words that only the page's controls show, never a printed document. */
const CONTROL_WORDS = [
  /\bPrint\b/,
  /\bSearch\b/,
  /\bSort\b/,
  /\bClear all\b/,
  /\bExport\b/,
  /\bShow as table\b/,
  /\bTimeline\b/,
  /\bCategory\b/,
  /\bKind\b/,
  /\bYear\b/,
  /\bDismiss\b/,
];

describe('print', () => {
  test('the filtered view prints as a document: provenance, entries, figures, passages, charts, no controls', async () => {
    const { page, context, collect } = await open();
    try {
      // The figure as the page shows it, read from its card before printing.
      await page.locator(`[data-facet="sub"] input[data-token="${SUB}"]`).check();
      const card = page.locator(`[data-testid="entry"][data-id="${WITH_FIGURES.id}"]`);
      const figure = (await card.locator('.metric dd').first().innerText()).trim();
      assert.ok(figure.length > 0);
      await page.locator(`[data-facet="sub"] input[data-token="${SUB}"]`).uncheck();
      await filterAndPrint(page);

      // Charts are inline SVG (no data: or blob: images, no style attributes).
      const svgs = page.locator('[data-testid="print-document"] .print-svg > svg');
      assert.ok((await svgs.count()) >= 1, 'at least one chart');
      assert.equal(await page.locator('[data-testid="print-document"] [style]').count(), 0);
      assert.equal(await page.locator('[data-testid="print-document"] img, [data-testid="print-document"] canvas').count(), 0);
      assert.equal(await page.locator('[data-testid="print-document"] .print-entry').count(), IN_FILTER.length);

      const url = page.url();
      assert.match(url, new RegExp(`sub=${SUB}`));
      const pdf = await printPdf(page, 'filtered');

      // Header provenance: report, organisation, filter in words, count, link.
      assert.ok(pdf.flat.includes(TITLE), 'report title');
      assert.ok(pdf.flat.includes(DATASET.report.organisation));
      assert.ok(pdf.flat.includes(`Subsidiary: ${SUB_NAME}`), `filter in words in:\n${pdf.text.slice(0, 800)}`);
      assert.ok(pdf.flat.includes(`${IN_FILTER.length} of ${TOTAL} entries`));
      assert.ok(pdf.compact.includes(compact(url)), `link ${url}`);
      assert.match(pdf.flat, /Printed \S/);

      // Every entry of the filter, none outside it.
      for (const e of IN_FILTER) {
        assert.ok(pdf.flat.includes(flat(e.title)), `entry ${e.title}`);
      }
      assert.ok(!pdf.flat.includes(flat(OUTSIDE.title)), `entry outside the filter: ${OUTSIDE.title}`);
      // A figure as the page shows it, and a passage.
      assert.ok(pdf.flat.includes(flat(figure)), `figure ${figure}`);
      assert.ok(pdf.flat.includes(flat(WITH_FIGURES.source.passage)), 'passage');
      // The chart headings and a chart's own text (drawn in the SVG).
      assert.ok(pdf.flat.includes('Entries by subsidiary and category'));
      // No controls.
      for (const word of CONTROL_WORDS) {
        assert.doesNotMatch(pdf.text, word, `control text ${word} printed`);
      }
      assert.ok(pdf.pages >= 1);

      // Printing done (page.pdf() fires afterprint): the document is gone, the DOM bounded.
      await page.emulateMedia({ media: 'screen' });
      await page.locator('[data-testid="print-document"]').waitFor({ state: 'detached' });
      assert.deepEqual(await collect(), NO_PROBLEMS);
    } finally {
      await context.close();
    }
  });

  test('the default view prints all its entries; the browser’s own print command works without the button', async (t) => {
    const { page, context, collect } = await open();
    try {
      // No click: page.pdf() fires beforeprint, as Ctrl+P does.
      const pdf = await printPdf(page, 'default');
      assert.ok(pdf.flat.includes(TITLE));
      assert.ok(pdf.flat.includes('Filters none (all entries)'), pdf.text.slice(0, 600));
      assert.ok(pdf.flat.includes(`${TOTAL} of ${TOTAL} entries`));
      for (const e of DATASET.entries) {
        assert.ok(pdf.flat.includes(flat(e.title)), `entry ${e.title}`);
      }
      assert.doesNotMatch(pdf.text, /\bPrint\b/);
      t.diagnostic(`default CITIC view: PDF ${pdf.bytes} bytes, ${pdf.pages} pages`);
      await page.locator('[data-testid="print-document"]').waitFor({ state: 'detached' });
      assert.deepEqual(await collect(), NO_PROBLEMS);
    } finally {
      await context.close();
    }
  });

  test('the dark theme prints black on white; the screen never shows the print document', async () => {
    const { page, context, collect } = await open('?theme=dark');
    try {
      await filterAndPrint(page);
      // On screen: the document is there but not shown, and the page is still dark.
      const screen = await page.evaluate(() => ({
        doc: getComputedStyle(document.querySelector('[data-testid="print-document"]')).display,
        app: getComputedStyle(document.querySelector('main.app:not([data-snapshot])')).display,
        body: getComputedStyle(document.body).backgroundColor,
      }));
      assert.equal(screen.doc, 'none');
      assert.notEqual(screen.app, 'none');
      assert.notEqual(screen.body, 'rgb(255, 255, 255)', 'the screen stays dark');

      await page.emulateMedia({ media: 'print' });
      const printed = await page.evaluate(() => {
        const doc = document.querySelector('[data-testid="print-document"]');
        const style = (el) => getComputedStyle(el);
        return {
          doc: style(doc).display,
          app: style(document.querySelector('main.app:not([data-snapshot])')).display,
          body: style(document.body).backgroundColor,
          colours: [...doc.querySelectorAll('h1, dd, h3, .print-summary, .print-passage, .print-figures dd')].map(
            (el) => style(el).color,
          ),
          entryBreak: style(doc.querySelector('.print-entry')).breakInside,
          chartBreak: style(doc.querySelector('.print-chart')).breakInside,
          headingBreak: style(doc.querySelector('h2')).breakAfter,
        };
      });
      assert.equal(printed.doc, 'block');
      assert.equal(printed.app, 'none', 'the app is not printed');
      assert.equal(printed.body, 'rgb(255, 255, 255)');
      assert.ok(printed.colours.length > 10);
      for (const colour of printed.colours) assert.equal(colour, 'rgb(0, 0, 0)');
      assert.equal(printed.entryBreak, 'avoid');
      assert.equal(printed.chartBreak, 'avoid');
      assert.equal(printed.headingBreak, 'avoid');

      const pdf = await printPdf(page, 'dark');
      assert.ok(pdf.flat.includes(`Subsidiary: ${SUB_NAME}`));
      assert.ok(pdf.flat.includes(flat(IN_FILTER[0].title)));
      assert.deepEqual(await collect(), NO_PROBLEMS);
    } finally {
      await context.close();
    }
  });

  test('a phone-width page prints the same document', async () => {
    const { page, context, collect } = await open('', { width: 390, height: 844 });
    try {
      // The facets fold behind a toggle on a phone.
      await page.locator('.filters-toggle').click();
      await filterAndPrint(page);
      const pdf = await printPdf(page, 'phone');
      assert.ok(pdf.flat.includes(TITLE));
      assert.ok(pdf.flat.includes(`Subsidiary: ${SUB_NAME}`));
      for (const e of IN_FILTER) {
        assert.ok(pdf.flat.includes(flat(e.title)), `entry ${e.title}`);
      }
      assert.ok(!pdf.flat.includes(flat(OUTSIDE.title)));
      assert.doesNotMatch(pdf.text, /\bPrint\b/);
      assert.doesNotMatch(pdf.text, /\bFilters \(1 active\)/);
      assert.deepEqual(await collect(), NO_PROBLEMS);
    } finally {
      await context.close();
    }
  });

  test('Chinese text and long words wrap within the printed page', async (t) => {
    const fixture = JSON.parse(readFileSync(new URL('./fixtures/print-zh.json', import.meta.url), 'utf8'));
    const { page, context, collect } = await open('?data=fixtures/print-zh.json', { width: 390, height: 844 });
    try {
      await page.locator('[data-testid="print"]').click();
      await page.emulateMedia({ media: 'print' });
      // Nothing is wider than the document: every line wraps (no spaces in Chinese, one
      // 170-letter word in a passage).
      const overflow = await page.evaluate(() => {
        const doc = document.querySelector('[data-testid="print-document"]');
        const width = doc.getBoundingClientRect().width;
        return [...doc.querySelectorAll('*')]
          .filter((el) => el.getBoundingClientRect().width > width + 1 || el.scrollWidth > el.clientWidth + 1)
          .map((el) => `${el.tagName}.${el.className}`);
      });
      assert.deepEqual(overflow, []);
      const lang = await page.locator('[data-testid="print-document"] .print-entry h3').first().getAttribute('lang');
      assert.equal(lang, 'zh-Hans', 'report text keeps its language');
      const pdf = await printPdf(page, 'zh');
      assert.ok(pdf.flat.includes('Filters none (all entries)'));
      const cjkFont = (() => {
        try {
          return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim() !== '';
        } catch {
          return false;
        }
      })();
      if (cjkFont) {
        for (const e of fixture.entries) assert.ok(pdf.compact.includes(compact(e.title)), `entry ${e.title}`);
        assert.ok(pdf.compact.includes(compact(fixture.report.title)));
      } else {
        t.diagnostic('no CJK font (fonts-noto-cjk): Chinese text in the PDF not checked');
      }
      assert.deepEqual(await collect(), NO_PROBLEMS);
    } finally {
      await context.close();
    }
  });

  test('a large result prints its first 200 entries and says how many more', async (t) => {
    if (!DATA_10K) {
      t.skip('REPORT_EXPLORER_DATA_10K is not set (cargo xtask test makes the report)');
      return;
    }
    const report = JSON.parse(readFileSync(DATA_10K, 'utf8'));
    const total = report.entries.length;
    const { page, context, collect } = await open(`?data=${GENERATED_10K}`);
    try {
      await page.locator('[data-testid="print"]').click();
      const doc = page.locator('[data-testid="print-document"]');
      await doc.waitFor({ state: 'attached' });
      assert.equal(await doc.locator('.print-entry').count(), 200);
      const more = (await doc.locator('[data-testid="print-more"]').textContent()).trim();
      const n = (x) => x.toLocaleString('en-US');
      assert.equal(more, `${n(total - 200)} more entries are not printed; the CSV or JSON export gives all ${n(total)}.`);
      // The whole page stays bounded while the print document is in it.
      const elements = await page.evaluate(() => document.querySelectorAll('*').length);
      assert.ok(elements < 6000, `${elements} elements`);
      const pdf = await printPdf(page, 'large');
      assert.ok(pdf.flat.includes(flat(more)));
      assert.deepEqual(await collect(), NO_PROBLEMS);
    } finally {
      await context.close();
    }
  });
});
