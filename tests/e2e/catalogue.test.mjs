// End-to-end: several reports from a catalogue (docs/catalogue.md) on the release build in
// headless Chromium. A generated three-year catalogue of an invented organisation, plus the
// CITIC 2019 chapter as the catalogue's one real report: only the chosen reports are fetched,
// with progress; entries keep their report as a facet and on each card; the URL holds the
// choice; `?data=` keeps working; a report that fails to load is named and the rest shown.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { startServer } from './server.mjs';
import { DATASET, DIST, NO_PROBLEMS } from './common.mjs';
import { launchBrowser, openPage, text, waitFor } from './browser.mjs';

const ORG = 'Meridian Harbour Holdings';
const YEARS = [2021, 2022, 2023];
/** Entries per generated report: a different number each year, so counts tell them apart. */
const SIZES = { 2021: 12, 2022: 15, 2023: 18 };
const id = (year, lang = 'en') => `meridian-${year}-${lang.toLowerCase()}`;
const ALL = YEARS.map((y) => id(y)).join(',');

/** A generated format 2 report of the invented organisation for `year`. */
export function generatedReport(year, language = 'en', entries = SIZES[year]) {
  const subsidiaries = [
    { id: 'north-terminal', name: 'North Terminal' },
    { id: 'south-terminal', name: 'South Terminal' },
    { id: 'harbour-logistics', name: 'Harbour Logistics' },
  ];
  const categories = [
    { id: 'safety', name: 'Safety' },
    { id: 'customers', name: 'Customers' },
  ];
  const list = [];
  for (let i = 0; i < entries; i += 1) {
    list.push({
      id: `e${i + 1}`,
      kind: i % 3 === 0 ? 'award' : 'initiative',
      title: `${ORG} ${year} item ${i + 1}`,
      summary: `What the ${year} report says about item ${i + 1}.`,
      subsidiaries: [subsidiaries[i % subsidiaries.length].id],
      categories: [categories[i % categories.length].id],
      date: `${year}-${String((i % 12) + 1).padStart(2, '0')}`,
      figures: [{ label: 'Containers handled', value: 1000 + year + i, unit: 'TEU', family: 'teu' }],
      source: { section: 'Operations', passage: `Item ${i + 1} of ${year}.` },
    });
  }
  return JSON.stringify({
    format: 'report-explorer/2',
    report: {
      organisation: ORG,
      title: `${ORG} Sustainability Report ${year}`,
      period: String(year),
      language,
      source: { document: `${ORG} Sustainability Report ${year}` },
    },
    subsidiaries,
    categories,
    entries: list,
  });
}

const CATALOGUE = JSON.stringify({
  format: 'report-explorer-catalogue/1',
  reports: [
    {
      id: 'citic-2019-en',
      organisation: DATASET.report.organisation,
      period: '2019',
      title: DATASET.report.title,
      language: 'en',
      path: 'data/report.json',
    },
    ...YEARS.map((y) => ({
      id: id(y),
      organisation: ORG,
      period: String(y),
      title: `${ORG} Sustainability Report ${y}`,
      language: 'en',
      path: `data/${id(y)}.json`,
    })),
    {
      id: id(2023, 'zh-Hant'),
      organisation: ORG,
      period: '2023',
      title: `${ORG} 2023 年可持續發展報告`,
      language: 'zh-Hant',
      path: `data/${id(2023, 'zh-Hant')}.json`,
      translation_of: id(2023),
    },
    {
      id: 'meridian-2020-en',
      organisation: ORG,
      period: '2020',
      title: `${ORG} Sustainability Report 2020`,
      language: 'en',
      path: 'data/meridian-2020-en.json',
    },
  ],
});

const json = (body) => ({ body, type: 'application/json' });
let browser;
let server;
before(async () => {
  browser = await launchBrowser();
  const pages = {
    '/config.json': json(JSON.stringify({ catalogue: 'catalogue.json' })),
    '/catalogue.json': json(CATALOGUE),
    [`/data/${id(2023, 'zh-Hant')}.json`]: json(generatedReport(2023, 'zh-Hant', 4)),
  };
  for (const y of YEARS) pages[`/data/${id(y)}.json`] = json(generatedReport(y));
  // meridian-2020-en is listed but its file is missing: a 404.
  server = await startServer({ dir: DIST, pages });
});
after(async () => {
  await server?.close();
  await browser?.close();
});

/** Opens `query`, runs `body`, and checks nothing unexpected went wrong on the way. */
async function visit(query, body, { expected = [], width = 1280, dark = false } = {}) {
  const tab = await openPage(browser, { expected });
  try {
    await tab.page.setViewportSize({ width, height: 1000 });
    if (dark) await tab.page.emulateMedia({ colorScheme: 'dark' });
    // Every text the batch line shows while loading.
    await tab.page.addInitScript(() => {
      window.__batches = [];
      new MutationObserver(() => {
        const line = document.querySelector('[data-testid="load-batch"]');
        if (line && window.__batches.at(-1) !== line.textContent) window.__batches.push(line.textContent);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await tab.page.goto(`${server.url}${query}`);
    await waitFor(tab.page, 'entry-count');
    await body(tab.page, tab);
    assert.deepEqual(await tab.collect(), NO_PROBLEMS);
  } finally {
    await tab.context.close();
  }
}

const reportFacet = (page) =>
  page.locator('[data-facet="report"] li.facet-value').evaluateAll((items) =>
    items.map((li) => `${li.querySelector('.facet-label').textContent} ${li.querySelector('.facet-count').textContent}`),
  );

describe('a catalogue of reports', () => {
  test('?reports= loads exactly the chosen reports, oldest to newest, with a report facet and labels', async () => {
    await visit(`?reports=${ALL}`, async (page, tab) => {
      const total = SIZES[2021] + SIZES[2022] + SIZES[2023];
      assert.match(await text(page, 'entry-count'), new RegExp(`^${total} of ${total} entries$`));
      assert.equal(await text(page, 'report-title'), `${ORG}: 3 reports`);
      assert.equal(await text(page, 'report-period'), 'Reports: 2021, 2022, 2023');
      // Only what was chosen was fetched: the catalogue and the three files.
      const data = tab.requests.filter((u) => /\/data\/|catalogue\.json/.test(u)).map((u) => new URL(u).pathname);
      assert.deepEqual([...new Set(data)].sort(), ['/catalogue.json', ...YEARS.map((y) => `/data/${id(y)}.json`)].sort());
      // Progress named each report in turn.
      const batches = await page.evaluate(() => window.__batches);
      assert.ok(batches.some((b) => b.startsWith('Report 3 of 3: ')), JSON.stringify(batches));
      // The facet, newest first, each with its own count.
      assert.deepEqual(await reportFacet(page), [`2023 ${SIZES[2023]}`, `2022 ${SIZES[2022]}`, `2021 ${SIZES[2021]}`]);
      // Every card names its report.
      const labels = await page.locator('[data-testid="entry-report"]').allTextContents();
      assert.equal(labels.length, await page.locator('[data-testid="entry"]').count());
      assert.deepEqual([...new Set(labels)].sort(), ['2021', '2022', '2023']);
      // Choosing 2022 filters to its entries and puts it in the URL.
      await page.locator('[data-facet="report"] input[data-token="meridian-2022-en"]').check();
      await page.waitForFunction((n) => document.querySelector('[data-testid="entry-count"]').innerText.startsWith(`${n} of`), SIZES[2022]);
      assert.equal(new URL(page.url()).searchParams.get('report'), 'meridian-2022-en');
      assert.equal(new URL(page.url()).searchParams.get('reports'), ALL);
      const shown = await page.locator('[data-testid="entry-report"]').allTextContents();
      assert.ok(shown.length > 0 && shown.every((l) => l === '2022'));
    });
  });

  test('an entry of one report opens by its qualified id and names its report', async () => {
    await visit(`?reports=${ALL}&entry=${id(2022)}~e3`, async (page) => {
      const panel = await waitFor(page, 'entry-detail');
      assert.match(await panel.innerText(), new RegExp(`${ORG} 2022 item 3`));
      assert.match(await text(page, 'detail-report'), /^2022 · Meridian Harbour Holdings Sustainability Report 2022$/);
    });
  });

  test('the chooser lists the catalogue by organisation and puts the choice in the URL', async () => {
    await visit('', async (page, tab) => {
      // The default report, alone: no report facet, no labels, and no catalogue read yet.
      assert.equal(await text(page, 'report-title'), DATASET.report.title);
      assert.equal(await page.locator('[data-facet="report"]').count(), 0);
      assert.equal(await page.locator('[data-testid="entry-report"]').count(), 0);
      assert.ok(!tab.requests.some((u) => u.endsWith('/catalogue.json')));
      await page.locator('[data-testid="catalogue-picker"] summary').click();
      await waitFor(page, 'catalogue-list');
      const legends = await page.locator('.catalogue-organisation legend').allInnerTexts();
      assert.deepEqual(legends, [DATASET.report.organisation, ORG]);
      // Newest first within an organisation; the 2023 translation beside its original.
      const ids = await page.locator('[data-testid="catalogue-report"]').evaluateAll((b) => b.map((x) => x.value));
      assert.deepEqual(ids, ['citic-2019-en', id(2023), id(2023, 'zh-Hant'), id(2022), id(2021), 'meridian-2020-en']);
      // "Every year" ticks the organisation's reports in its newest report's language.
      await page.locator('.catalogue-organisation').nth(1).locator('.catalogue-every-year').click();
      await page.locator('[data-testid="catalogue-show"]').click();
      // Four chosen; the 2020 file is missing, so three are shown (and the fourth named).
      await page.waitForFunction(() => document.querySelector('[data-testid="report-title"]')?.innerText.endsWith('3 reports'));
      const chosen = new URL(page.url()).searchParams.get('reports');
      assert.equal(chosen, [id(2023), id(2022), id(2021), 'meridian-2020-en'].join(','));
    }, { expected: [/meridian-2020-en\.json$/] });
  });

  test('a report that fails to load is named, and the others are shown', async () => {
    await visit(`?reports=meridian-2020-en,${id(2021)},nope`, async (page) => {
      assert.match(await text(page, 'entry-count'), new RegExp(`^${SIZES[2021]} of ${SIZES[2021]} entries$`));
      await page.locator('[data-testid="problems"] summary').click();
      const problems = await page.locator('[data-testid="problems"] li').allInnerTexts();
      assert.ok(problems.some((p) => p.startsWith('data/meridian-2020-en.json: error: $: the report `meridian-2020-en` is not shown:') && p.includes('404')), problems.join('\n'));
      assert.ok(problems.some((p) => p.includes('`?reports=` names `nope`, which is not in the catalogue')), problems.join('\n'));
    }, { expected: [/meridian-2020-en\.json$/] });
  });

  test('the CITIC chapter is the catalogue\'s one real report, shown as itself', async () => {
    await visit('?reports=citic-2019-en', async (page) => {
      assert.equal(await text(page, 'report-title'), DATASET.report.title);
      assert.match(await text(page, 'entry-count'), new RegExp(`^${DATASET.entries.length} of ${DATASET.entries.length} entries$`));
      assert.equal(await page.locator('[data-facet="report"]').count(), 0);
    });
  });

  test('?data= still loads its one file, whatever ?reports= says', async () => {
    await visit(`?data=data/${id(2022)}.json&reports=${ALL}`, async (page, tab) => {
      assert.match(await text(page, 'entry-count'), new RegExp(`^${SIZES[2022]} of ${SIZES[2022]} entries$`));
      const files = tab.requests.map((u) => new URL(u).pathname).filter((p) => p.startsWith('/data/') || p.endsWith('catalogue.json'));
      assert.deepEqual([...new Set(files)], [`/data/${id(2022)}.json`]);
    });
  });

  test('a report in another language keeps its own lang on its entries', async () => {
    await visit(`?reports=${id(2023)},${id(2023, 'zh-Hant')}`, async (page) => {
      assert.deepEqual(await reportFacet(page), ['2023 · zh-Hant 4', `2023 · en ${SIZES[2023]}`]);
      await page.locator('[data-facet="report"] input[data-token="meridian-2023-zh-hant"]').check();
      await page.waitForFunction(() => document.querySelector('[data-testid="entry-count"]').innerText.startsWith('4 of'));
      const langs = await page.locator('[data-testid="entry"] h3 [lang]').evaluateAll((els) => els.map((e) => e.lang));
      assert.ok(langs.length > 0 && langs.every((l) => l === 'zh-Hant'), JSON.stringify(langs));
    });
  });

  for (const [name, options] of [
    ['at phone width in the dark theme', { width: 390, dark: true }],
    ['at desktop width in the light theme', { width: 1280 }],
  ]) {
    test(`fits ${name}`, async () => {
      await visit(`?reports=${ALL}`, async (page) => {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.equal(overflow, 0);
        await page.locator('[data-testid="catalogue-picker"] summary').click();
        await waitFor(page, 'catalogue-list');
        const ticked = await page.locator('[data-testid="catalogue-report"]:checked').evaluateAll((b) => b.map((x) => x.value));
        assert.deepEqual(ticked.sort(), YEARS.map((y) => id(y)).sort());
        const overflowOpen = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.equal(overflowOpen, 0);
      }, options);
    });
  }
});
