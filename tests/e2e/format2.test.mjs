// End-to-end: a format 2 report (tests/fixtures/format2/showcase.json) on the release build in
// headless Chromium. Everything format 1 could not say is shown as the report prints it:
// figures with periods, baselines, ranges, scores, scales and currencies; the new kinds;
// entries shared by subsidiaries and spanning countries; divisions; page references;
// quarters, fiscal years and open ranges. A format 1 file still loads.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { startServer } from './server.mjs';
import { DIST, NO_PROBLEMS } from './common.mjs';
import { launchBrowser, openPage, text, waitFor } from './browser.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHOWCASE = 'data/showcase.json';
const FORMAT1 = 'data/format1.json';

let browser;
let server;
before(async () => {
  browser = await launchBrowser();
  server = await startServer({
    dir: DIST,
    files: {
      [SHOWCASE]: path.join(ROOT, 'tests/fixtures/format2/showcase.json'),
      [FORMAT1]: path.join(ROOT, 'tests/fixtures/format1/citic-2019.json'),
    },
  });
});
after(async () => {
  await server?.close();
  await browser?.close();
});

/** Opens the showcase at `query`, runs `body`, and checks nothing went wrong on the way. */
async function visit(query, body, data = SHOWCASE) {
  const tab = await openPage(browser);
  try {
    await tab.page.setViewportSize({ width: 1280, height: 1000 });
    await tab.page.goto(`${server.url}?data=${data}${query}`);
    await waitFor(tab.page, 'entry-count');
    await body(tab.page);
    assert.deepEqual(await tab.collect(), NO_PROBLEMS);
  } finally {
    await tab.context.close();
  }
}

/** The open entry's figures as `label: value` lines, and its other fields by their labels. */
async function detail(page) {
  const panel = page.locator('[data-testid="entry-detail"]');
  await panel.waitFor();
  const figures = await panel.locator('table.detail-metrics tbody tr').evaluateAll((rows) =>
    rows.map((r) => `${r.querySelector('th').innerText.trim()}: ${r.querySelector('td').innerText.trim()}`),
  );
  const fields = await panel.locator('dl.detail-fields dt').evaluateAll((dts) =>
    Object.fromEntries(dts.map((dt) => [dt.innerText.trim(), dt.nextElementSibling.innerText.trim()])),
  );
  return { panel, figures, fields };
}

describe('format 2 figures read as printed', () => {
  for (const [id, figures] of [
    ['ltifr-2023', ['Lost time injury frequency rate: 0.0042 in 2023, down from 0.0061 in 2012']],
    ['throughput', ['Throughput: 4,200,000 TEU', 'Berth availability: 2.125%']],
    ['green-bond', ['Green bonds issued: HKD 8 billion', 'Coupon: 3.50%']],
    [
      'cold-storage',
      ['Storage temperature: 2–8 °C', 'Booking notice: up to 30 days', 'Temperature excursions: less than 3%'],
    ],
    ['crane-target', ['Maximum load sway: under 0.5 m']],
    ['fine-2023', ['Fine: EUR 120 thousand']],
    [
      'engagement-score',
      ['Engagement score: 4.6 out of 5', 'Sites passing the audit: 11 of 15 sites', 'Port ranking: 54th of 250'],
    ],
  ]) {
    test(`${id}: ${figures.join('; ')}`, async () => {
      await visit(`&entry=${id}`, async (page) => {
        assert.deepEqual((await detail(page)).figures, figures);
      });
    });
  }
});

describe('format 2 entries', () => {
  test('quarters, fiscal years and open ranges are dated as written', async () => {
    for (const [id, date] of [
      ['throughput', 'Q1 FY2023'],
      ['green-bond', 'Q3 2023'],
      ['cold-storage', 'since 2017'],
      ['crane-target', 'until FY2025'],
      ['wind-partnership', 'FY2023'],
      ['fine-2023', '14 Jun 2023'],
    ]) {
      await visit(`&entry=${id}`, async (page) => {
        assert.equal((await detail(page)).fields.Date, date, id);
      });
    }
  });

  test('an entry shared by two subsidiaries, in two countries, names both and their division', async () => {
    await visit('&entry=throughput', async (page) => {
      const { panel, fields } = await detail(page);
      const subs = await panel.locator('.detail-subsidiary').allInnerTexts();
      assert.deepEqual(subs, ['North Terminal', 'South Terminal']);
      const said = Object.entries(fields).find(([k]) => k.startsWith('Subsidiar'));
      assert.ok(said, JSON.stringify(fields));
      assert.match(said[1], /North Terminal \(Ports and terminals\), South Terminal \(Ports and terminals\)/);
      const countries = Object.entries(fields).find(([k]) => k.startsWith('Countr'));
      assert.equal(countries?.[1], 'Poland, Vietnam');
    });
  });

  test('selecting one subsidiary lists the shared entry under it', async () => {
    await visit('&sub=south-terminal', async (page) => {
      const ids = await page.locator('[data-testid="entry"]').evaluateAll((es) => es.map((e) => e.dataset.id));
      assert.deepEqual(ids.sort(), ['fine-2023', 'throughput']);
    });
  });

  test('a page reference links to the passage, or to the document at that page', async () => {
    await visit('&entry=ltifr-2023', async (page) => {
      const ref = page.locator('[data-testid="entry-detail"] [data-testid="page-ref"]');
      assert.match(await ref.innerText(), /45/);
      assert.equal(await ref.getAttribute('href'), 'https://example.com/meridian-2023.pdf#page=45');
      assert.equal(await ref.getAttribute('rel'), 'noopener noreferrer');
    });
    await visit('&entry=throughput', async (page) => {
      const ref = page.locator('[data-testid="entry-detail"] [data-testid="page-ref"]');
      assert.match(await ref.innerText(), /12–13/);
    });
  });

  test('the new kinds are facet values with their counts', async () => {
    await visit('', async (page) => {
      const kinds = page.locator('section[data-facet="kind"] input[type="checkbox"]');
      const tokens = await kinds.evaluateAll((is) => is.map((i) => i.dataset.token));
      for (const k of ['kpi', 'target', 'incident', 'partnership']) assert.ok(tokens.includes(k), tokens.join());
      await page.locator('section[data-facet="kind"] input[data-token="kpi"]').check();
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="entry"]').length === 3);
      assert.match(await text(page, 'entry-count'), /^3 /);
    });
  });

  test('the subsidiary facet groups subsidiaries under their divisions', async () => {
    await visit('', async (page) => {
      const facet = page.locator('section[data-facet="sub"]');
      const said = await facet.innerText();
      const at = (s) => said.indexOf(s);
      for (const s of ['Ports and terminals', 'North Terminal', 'South Terminal', 'Logistics', 'Meridian Cold Chain']) {
        assert.ok(at(s) >= 0, `${s} missing in ${said}`);
      }
      assert.ok(at('Ports and terminals') < at('North Terminal') && at('North Terminal') < at('Logistics'));
      assert.ok(at('Logistics') < at('Meridian Cold Chain'));
    });
  });

  test('a multi-line passage keeps its breaks and the report text carries the report language', async () => {
    await visit('&entry=engagement-score', async (page) => {
      const quote = page.locator('.detail-source blockquote');
      assert.equal(await quote.innerText(), 'Engagement scored 4.6 out of 5.\n\n11 of 15 sites passed the audit.');
      const lang = await quote.locator('bdi').evaluate((e) => e.closest('[lang]').lang);
      assert.equal(lang, 'en-GB');
    });
  });

  test('search folds the Latin letters of the showcase', async () => {
    await visit('&q=lodz', async (page) => {
      const ids = await page.locator('[data-testid="entry"]').evaluateAll((es) => es.map((e) => e.dataset.id));
      assert.deepEqual(ids, ['throughput']);
    });
  });
});

test('a format 1 file still loads, every entry of it', async () => {
  await visit('', async (page) => {
    assert.match(await text(page, 'entry-count'), /^58 /);
  }, FORMAT1);
});
