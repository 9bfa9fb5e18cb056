// End-to-end scenarios written once against the page interface of engine.mjs and
// run in each browser engine: loading, filtering (facets, search, chips, URL
// state), charts (canvas pixels, the figure picker, a bar click), the timeline's
// wheel zoom, the exports
// (blob URL downloads), embedding in
// an iframe on another origin (the message API of docs/embedding.md) and the
// crash view. `defineScenarios('firefox')` registers them as node:test tests;
// chromium.test.mjs and firefox.test.mjs do so for their engine.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { startServer, FIXTURES_DIR } from './server.mjs';
import { DATASET, DIST, NO_PROBLEMS, expected, figuresOf, subsOf } from './common.mjs';

export { expected };
import { byTestId, launchEngine } from './engine.mjs';

const TOTAL = DATASET.entries.length;
export const FIRST_PAGE = Math.min(TOTAL, 50);
const PREFIX = '/intranet/reports/esg/';
export const ENTRY = byTestId('entry');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));


const box = (facet, token) => `[data-facet="${facet}"] input[data-token="${token}"]`;

/** Waits for `n` results: the cards of the first page (50 at most), then the count text. */
async function expectCount(tab, n) {
  await tab.waitForFunction(
    ([sel, want]) => document.querySelectorAll(sel).length === want,
    [ENTRY, Math.min(n, 50)],
  );
  await tab.waitForFunction(
    (want) => document.querySelector('[data-testid="entry-count"]')?.innerText.trim() === want,
    `${n} of ${TOTAL} entries`,
  );
}

/**
 * What a canvas shows: its size, the share of pixels unlike the top-left
 * corner (the background) and how many distinct colours it holds.
 */
function canvasPixels(tab, selector) {
  return tab.evaluate((s) => {
    const canvas = document.querySelector(s);
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    const [r, g, b, a] = data;
    let drawn = 0;
    let hash = 0;
    const colours = new Set();
    for (let i = 0; i < data.length; i += 4) {
      const differs = data[i] !== r || data[i + 1] !== g || data[i + 2] !== b || data[i + 3] !== a;
      if (differs) drawn++;
      if (i % 64 === 0) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      hash = (hash * 31 + data[i] + data[i + 1] * 3 + data[i + 2] * 7) | 0;
    }
    return {
      width: canvas.width,
      height: canvas.height,
      cssWidth: canvas.getBoundingClientRect().width,
      ratio: devicePixelRatio,
      drawn: drawn / (data.length / 4),
      colours: colours.size,
      hash,
    };
  }, selector);
}

/** Moves the pointer over chart `id` until its tooltip appears; returns the point and its text. */
async function findBar(tab, id) {
  const canvas = byTestId(`canvas-${id}`);
  await tab.scrollIntoView(canvas);
  const area = await tab.box(canvas);
  for (let y = 10; y < area.height - 10; y += 6) {
    for (const fx of [0.3, 0.45, 0.6]) {
      const x = area.x + area.width * fx;
      await tab.mouseMove(x, area.y + y);
      const tip = await tab.text(byTestId(`tooltip-${id}`));
      if (tip) return { x, y: area.y + y, text: tip };
    }
  }
  throw new Error(`no bar found in ${id}`);
}

/** Registers every scenario for `engine` ('chromium' or 'firefox'). */
export function defineScenarios(engine, { launchOptions = {} } = {}) {
  describe(`${engine}`, () => defineAll(engine, launchOptions));
}

function defineAll(engine, launchOptions) {
  let browser;
  let server;

  before(async () => {
    browser = await launchEngine(engine, launchOptions);
    server = await startServer({ dir: DIST });
  });

  after(async () => {
    await server?.close();
    await browser?.close();
  });

  /** Opens `query` on the shared server in a fresh context and runs `body`; always closes. */
  async function visit(query, body, { expected = [], viewport, ready = 'entry-count' } = {}) {
    const tab = await browser.open({ expected, viewport });
    try {
      await tab.goto(`${server.url}${query}`);
      if (ready) await tab.waitFor(byTestId(ready));
      await body(tab);
    } finally {
      await tab.close();
    }
  }

  describe('loading', () => {
    test('the default report: title, first page of cards, counts, then page 2', async () => {
      await visit('', async (tab) => {
        assert.equal(await tab.text(byTestId('report-title')), DATASET.report.title);
        assert.equal(await tab.count(ENTRY), FIRST_PAGE);
        assert.match(await tab.text(byTestId('entry-count')), new RegExp(`\\b${TOTAL}\\b`));
        assert.equal(await tab.text(byTestId('page-status')), `Showing 1–50 of ${TOTAL} (page 1 of 2)`);
        await tab.click(byTestId('page-next'));
        await tab.waitForFunction(
          ([sel, n]) => document.querySelectorAll(sel).length === n,
          [ENTRY, TOTAL - 50],
        );
        assert.equal(new URL(tab.url()).searchParams.get('page'), '2');
        assert.equal(await tab.count(byTestId('loading')), 0);
        assert.equal(await tab.count(byTestId('error-view')), 0);
        assert.deepEqual(await tab.collect(), NO_PROBLEMS);
      });
    });

    test('a missing file shows the error view with its HTTP status', async () => {
      const missing = /\/fixtures\/missing\.json$/;
      await visit(
        '?data=fixtures/missing.json',
        async (tab) => {
          assert.match(await tab.text(byTestId('error-view')), /404/);
          assert.equal(await tab.count(byTestId('retry')), 1);
          assert.ok(tab.requests.some((url) => missing.test(url)), 'the file was requested');
          assert.deepEqual(await tab.collect(), NO_PROBLEMS);
        },
        { expected: [missing], ready: 'error-view' },
      );
    });

    test('a bad entry is skipped and named among the problems', async () => {
      await visit('?data=fixtures/bad-entry.json', async (tab) => {
        assert.equal(await tab.count(ENTRY), 2);
        await tab.waitFor(byTestId('problems'));
        assert.match(await tab.textContent(byTestId('problems')), /entries\[2\]\.subsidiary/);
        assert.deepEqual(await tab.collect(), NO_PROBLEMS);
      });
    });
  });

  describe('filtering', () => {
    test('facets: a union of subsidiaries, a category intersects, counts and chips follow', async () => {
      await visit('', async (tab) => {
        await tab.check(box('sub', 'citic-bank'));
        await expectCount(tab, expected({ sub: ['citic-bank'] }));
        await tab.check(box('sub', 'citic-prudential-life'));
        const subs = ['citic-bank', 'citic-prudential-life'];
        const union = expected({ sub: subs });
        await expectCount(tab, union);
        assert.match(tab.url(), /sub=citic-bank(%2C|,)citic-prudential-life/);
        // The kind facet counts follow the subsidiaries; the subsidiary facet ignores its own.
        const countOf = (facet, token) =>
          tab.evaluate(
            ([f, t]) =>
              document
                .querySelector(`[data-facet="${f}"] input[data-token="${t}"]`)
                .closest('li')
                .querySelector('.facet-count').innerText,
            [facet, token],
          );
        assert.equal(await countOf('kind', 'award'), String(expected({ sub: subs, kind: ['award'] })));
        assert.equal(await countOf('sub', 'citic-trust'), String(expected({ sub: ['citic-trust'] })));

        await tab.check(box('cat', 'legal-interests'));
        const both = expected({ sub: subs, cat: ['legal-interests'] });
        assert.ok(both > 0 && both < union, `intersection ${both} of union ${union}`);
        await expectCount(tab, both);
        assert.equal(await tab.count('.chip'), 3);
        assert.deepEqual(await tab.collect(), NO_PROBLEMS);
      });
    });

    test('a value with no entries is disabled; a chip removes one filter, clear all the rest', async () => {
      await visit('?sub=citic-bank,citic-trust&kind=award', async (tab) => {
        await expectCount(tab, expected({ sub: ['citic-bank', 'citic-trust'], kind: ['award'] }));
        const kinds = [...new Set(DATASET.entries.map((e) => e.kind))];
        const zero = kinds.filter(
          (k) => expected({ sub: ['citic-bank', 'citic-trust'], kind: [k] }) === 0,
        );
        for (const k of zero) assert.equal(await tab.isDisabled(box('kind', k)), true, `${k} disabled`);
        assert.equal(await tab.isDisabled(box('kind', 'award')), false);

        const chips = await tab.texts('.chip');
        const trust = chips.findIndex((c) => c.includes('CITIC Trust'));
        assert.ok(trust >= 0, `chips: ${chips}`);
        await tab.click(`.chip:nth-child(${trust + 1})`);
        await expectCount(tab, expected({ sub: ['citic-bank'], kind: ['award'] }));
        assert.equal(new URL(tab.url()).searchParams.get('sub'), 'citic-bank');
        await tab.click(byTestId('clear-kind'));
        await expectCount(tab, expected({ sub: ['citic-bank'] }));
        await tab.click(byTestId('clear-all'));
        await expectCount(tab, TOTAL);
        assert.equal(new URL(tab.url()).search, '');
        assert.deepEqual(await tab.collect(), NO_PROBLEMS);
      });
    });

    test('keyboard: Space toggles a focused facet checkbox, which shows a focus ring', async () => {
      await visit('', async (tab) => {
        const award = box('kind', 'award');
        await tab.focus(award);
        await tab.press('Space');
        await expectCount(tab, expected({ kind: ['award'] }));
        assert.equal(new URL(tab.url()).searchParams.get('kind'), 'award');
        const focus = await tab.evaluate(() => ({
          token: document.activeElement?.dataset.token,
          outline: getComputedStyle(document.activeElement).outlineStyle,
        }));
        assert.equal(focus.token, 'award');
        assert.notEqual(focus.outline, 'none');
        await tab.press('Space');
        await expectCount(tab, TOTAL);
        assert.deepEqual(await tab.collect(), NO_PROBLEMS);
      });
    });

    test('search narrows and highlights, folds case and accents, and injects no HTML', async () => {
      await visit('', async (tab) => {
        await tab.fill(byTestId('search'), 'QUÍCK claims');
        await tab.press('Enter');
        const n = DATASET.entries.filter((e) =>
          ['quick', 'claims'].every((w) =>
            [e.title, e.summary, e.source.passage].join(' ').toLowerCase().includes(w),
          ),
        ).length;
        assert.ok(n > 0);
        await tab.waitForFunction((sel) => document.querySelectorAll(sel).length < 10, ENTRY);
        const count = await tab.count(ENTRY);
        assert.ok(count >= n && count < TOTAL, `${count} results`);
        // Entries below the fold are laid out lazily (`content-visibility`), and their text
        // reads as empty until then: wait for a marked word to read back.
        let marks = [];
        await tab
          .until('a marked search word', async () => {
            marks = await tab.texts(`${ENTRY} mark`);
            return marks.some((m) => m.toLowerCase() === 'quick');
          })
          .catch(() => {});
        assert.ok(marks.some((m) => m.toLowerCase() === 'quick'), `marks: ${marks}`);
        assert.equal(new URL(tab.url()).searchParams.get('q'), 'QUÍCK claims');

        await tab.fill(byTestId('search'), '<img src=x onerror=alert(1)> award');
        await tab.press('Enter');
        await tab.waitForFunction(() => new URL(location.href).searchParams.get('q')?.includes('img'));
        assert.equal(await tab.count('.results img'), 0);
        assert.deepEqual(await tab.collect(), NO_PROBLEMS);
      });
    });

    test('reload reproduces the filtered view; Back and Forward move through it', async () => {
      await visit('', async (tab) => {
        await tab.check(box('sub', 'china-securities'));
        const first = expected({ sub: ['china-securities'] });
        await expectCount(tab, first);
        await tab.check(box('kind', 'award'));
        const second = expected({ sub: ['china-securities'], kind: ['award'] });
        await expectCount(tab, second);
        await tab.reload();
        await expectCount(tab, second);
        assert.equal(await tab.isChecked(box('kind', 'award')), true);
        await tab.back();
        await expectCount(tab, first);
        assert.equal(await tab.isChecked(box('kind', 'award')), false);
        await tab.forward();
        await expectCount(tab, second);
        assert.deepEqual(await tab.collect(), NO_PROBLEMS);
      });
    });
  });

  describe('charts', () => {
    test('every canvas is drawn at the device pixel ratio, in several colours', async () => {
      await visit('?view=charts', async (tab) => {
        for (const id of ['coverage', 'awards', 'metrics']) {
          const sel = byTestId(`canvas-${id}`);
          await tab.waitFor(sel);
          // Drawn after layout: wait for anything unlike the background.
          await tab.waitForFunction((s) => {
            const c = document.querySelector(s);
            if (!c.width || !c.height) return false;
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            for (let i = 4; i < d.length; i += 4) if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2]) return true;
            return false;
          }, sel);
          const px = await canvasPixels(tab, sel);
          assert.equal(px.width, Math.round(Math.floor(px.cssWidth) * px.ratio), `${id} width`);
          assert.ok(px.height > 100, `${id} height ${px.height}`);
          assert.ok(px.drawn > 0.02, `${id}: ${(px.drawn * 100).toFixed(1)}% of pixels drawn`);
          assert.ok(px.colours >= 4, `${id}: ${px.colours} colours`);
        }
        assert.deepEqual(await tab.collect(), NO_PROBLEMS);
      });
    });

    test('the figure picker redraws the figures chart and its table', async () => {
      await visit('?view=charts', async (tab) => {
        const picker = byTestId('metric-family');
        const canvas = byTestId('canvas-metrics');
        await tab.waitFor(canvas);
        const options = await tab.evaluate(
          (s) => [...document.querySelector(s).options].map((o) => ({ value: o.value, label: o.textContent })),
          picker,
        );
        assert.ok(options.length >= 2, `${options.length} figure families`);
        const current = await tab.value(picker);
        const other = options.find((o) => o.value !== current);
        const before = await canvasPixels(tab, canvas);
        await tab.select(picker, other.value);
        await tab.waitForFunction(
          ([s, h]) => {
            const c = document.querySelector(s);
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            let hash = 0;
            for (let i = 0; i < d.length; i += 4) hash = (hash * 31 + d[i] + d[i + 1] * 3 + d[i + 2] * 7) | 0;
            return hash !== h;
          },
          [canvas, before.hash],
        );
        const after = await canvasPixels(tab, canvas);
        assert.ok(after.drawn > 0.02, `${(after.drawn * 100).toFixed(1)}% drawn after the change`);
        assert.equal(await tab.value(picker), other.value);

        await tab.click(byTestId('table-toggle-metrics'));
        await tab.waitFor(byTestId('table-metrics'));
        const [family, unit] = other.value.split('|');
        const want = figuresOf(family, unit);
        assert.equal(await tab.count(`${byTestId('table-metrics')} tbody tr`), want.length);
        assert.match(other.label, new RegExp(`\\(${want.length}\\)$`));
        assert.deepEqual(await tab.collect(), NO_PROBLEMS);
      });
    });

    test('hovering a bar shows its count; clicking it filters and changes the URL', async () => {
      await visit('?view=charts', async (tab) => {
        await tab.waitFor(byTestId('canvas-coverage'));
        const bar = await findBar(tab, 'coverage');
        assert.ok(DATASET.subsidiaries.some((s) => bar.text.includes(s.name)), bar.text);
        await tab.mouseClick(bar.x, bar.y);
        await tab.waitForFunction(() => new URL(location.href).searchParams.has('sub'));
        const params = new URL(tab.url()).searchParams;
        assert.ok(params.get('sub') && params.get('cat'), tab.url());
        const count = Number((await tab.text(byTestId('entry-count'))).split(' ')[0]);
        assert.ok(count > 0 && count < TOTAL, `${count} entries after the click`);
        assert.match(bar.text, new RegExp(`\\b${count}\\b`));
        assert.equal(
          count,
          expected({ sub: [params.get('sub')], cat: params.get('cat').split(',') }),
        );
        assert.deepEqual(await tab.collect(), NO_PROBLEMS);
      });
    });
  });

  describe('timeline', () => {
    test('the wheel zooms the time axis; a sideways scroll does not', async () => {
      await visit('?view=timeline', async (tab) => {
        const timeline = byTestId('timeline');
        await tab.waitFor('.tl-item');
        const windowOf = () => tab.attribute(timeline, 'data-window');
        const start = await windowOf();
        const area = await tab.box('.timeline-box');
        await tab.mouseMove(area.x + area.width / 2, area.y + 10);
        // Sideways (deltaY 0): Shift+wheel or a trackpad swipe.
        await tab.wheel(120, 0);
        await tab.wheel(-120, 0);
        await sleep(300);
        assert.equal(await windowOf(), start, 'a sideways scroll left the zoom alone');
        await tab.wheel(0, -120);
        await tab.waitForFunction(([s, w]) => document.querySelector(s).dataset.window !== w, [timeline, start]);
        const [from, to] = (await windowOf()).split('/').map((d) => Date.parse(d));
        const [from0, to0] = start.split('/').map((d) => Date.parse(d));
        assert.ok(to - from < to0 - from0, `zoomed in: ${start} -> ${await windowOf()}`);
        assert.deepEqual(await tab.collect(), NO_PROBLEMS);
      });
    });
  });

  describe('exports', () => {
    test('the CSV and JSON hold exactly the filtered entries; a chart saves as SVG and PNG', async () => {
      const sub = 'china-securities';
      await visit(`?view=charts&sub=${sub}&kind=award`, async (tab) => {
        const want = DATASET.entries.filter((e) => subsOf(e).includes(sub) && e.kind === 'award');
        assert.ok(want.length > 0);
        const csv = await tab.download(byTestId('export-csv'));
        assert.equal(csv.name, 'entries.csv');
        const lines = csv.bytes.toString('utf8').split('\n');
        // Provenance lines are quoted single cells starting with `# `.
        const comments = lines.filter((l) => l.startsWith('"# '));
        assert.ok(comments.some((l) => l.includes(DATASET.report.title)), comments.join('\n'));
        assert.ok(comments.some((l) => l.includes(`sub=${sub}`)), comments.join('\n'));
        const ids = lines
          .filter((l) => !l.startsWith('"# ') && l.trim())
          .slice(1)
          .map((l) => l.split(',')[0]);
        assert.deepEqual(ids.sort(), want.map((e) => e.id).sort());

        const json = await tab.download(byTestId('export-json'));
        assert.equal(json.name, 'entries.json');
        const body = JSON.parse(json.bytes.toString('utf8'));
        assert.deepEqual(body.entries.map((e) => e.id).sort(), want.map((e) => e.id).sort());
        assert.ok(body.provenance);

        await tab.waitFor(byTestId('canvas-awards'));
        const svg = await tab.download(byTestId('svg-awards'));
        assert.match(svg.name, /\.svg$/);
        assert.match(svg.bytes.toString('utf8'), /^<svg[\s\S]*<\/svg>\s*$/);
        const png = await tab.download(byTestId('png-awards'));
        assert.match(png.name, /\.png$/);
        assert.equal(png.bytes.subarray(1, 4).toString(), 'PNG');
        assert.ok(png.bytes.length > 1000, `${png.bytes.length} bytes of PNG`);
        assert.deepEqual(await tab.collect(), NO_PROBLEMS);
      });
    });
  });

  describe('crashes', () => {
    for (const fault of ['panic', 'trap']) {
      test(`a ${fault} shows the crash view; its button reloads into a working explorer`, async () => {
        const tab = await browser.open();
        try {
          await tab.addInitScript((f) => {
            if (!sessionStorage.getItem('fault-done')) window.reportExplorerFault = f;
          }, fault);
          await tab.goto(server.url);
          await tab.waitFor(byTestId('crash-view'));
          assert.equal(await tab.text(`${byTestId('crash-view')} h1`), 'Report Explorer stopped');
          const detail = await tab.textContent(byTestId('crash-detail'));
          assert.match(detail, fault === 'panic' ? /fault injected by the page: panic/ : /unreachable/);
          assert.equal(await tab.evaluate(() => document.activeElement?.dataset.testid), 'reload');
          await tab.evaluate(() => sessionStorage.setItem('fault-done', '1'));
          await tab.click(byTestId('reload'));
          await tab.waitFor(byTestId('entry-count'));
          assert.equal(await tab.count(byTestId('crash-view')), 0);
          assert.equal(await tab.count(ENTRY), FIRST_PAGE);
        } finally {
          await tab.close();
        }
      });
    }
  });

  defineEmbedding(() => browser);
}

/** The intranet page: the documented snippet, with the parent script served by its own origin. */
function portalPage(appUrl, referrerPolicy) {
  const policy = referrerPolicy ? ` referrerpolicy="${referrerPolicy}"` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Intranet portal</title>
<link rel="icon" href="data:,">
<script src="/embed.js" defer></script>
</head>
<body>
<h1>Sustainability</h1>
<iframe data-report-explorer title="ESG report explorer" width="900"${policy} src="${appUrl}"></iframe>
</body>
</html>
`;
}

/**
 * Serves the portal page (origin A, optionally framed by a page on a third
 * origin) and the app (origin B, under PREFIX) whose config.json allows
 * `allowParents(portalOrigin)`; opens the top page and runs `body` once the app
 * shows its report. Every frame records the messages it receives in `__messages`.
 * `referrerPolicy` goes on the portal's iframe; `portalPath` is where the
 * portal page is opened (`/` or `/intranet/sustainability?...`).
 */
export async function embedded(
  browser,
  { allowParents, outer = false, referrerPolicy, portalPath = '/' },
  body,
) {
  const framing =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src data:; frame-src http://127.0.0.1:*";
  const portalPages = {};
  const portal = await startServer({ dir: DIST, csp: framing, pages: portalPages });
  const thirdPages = {};
  const third = outer ? await startServer({ dir: FIXTURES_DIR, csp: framing, pages: thirdPages }) : null;
  const app = await startServer({
    dir: DIST,
    prefix: PREFIX,
    frameAncestors: [portal.origin, third?.origin].filter(Boolean).join(' '),
    pages: {
      [`${PREFIX}config.json`]: {
        body: JSON.stringify({ allowed_parent_origins: allowParents(portal.origin) }),
        type: 'application/json',
      },
    },
  });
  portalPages['/'] = { body: portalPage(`${app.url}?embed=1`, referrerPolicy) };
  // The portal also answers at a longer path (any query), for referrers that carry one.
  portalPages['/intranet/sustainability'] = portalPages['/'];
  thirdPages['/'] = {
    body: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Elsewhere</title><link rel="icon" href="data:,"></head><body><iframe width="1000" height="800" title="portal" src="${portal.url}"></iframe></body></html>`,
  };
  const tab = await browser.open();
  await tab.addInitScript(() => {
    window.__messages = [];
    window.addEventListener('message', (event) => {
      window.__messages.push({ origin: event.origin, data: event.data });
    });
  });
  try {
    const top = third ? third.url : `${portal.origin}${portalPath}`;
    await tab.goto(top);
    const appFrame = await tab.frameAt(app.origin);
    const portalFrame = third ? await tab.frameAt(portal.origin) : tab.frames()[0];
    await appFrame.waitFor(byTestId('report-title'));
    await body({ tab, appFrame, portalFrame, app, portal, third });
  } finally {
    await tab.close();
    await app.close();
    await portal.close();
    await third?.close();
  }
}

export const iframeHeight = (portalFrame) =>
  portalFrame.evaluate(() => document.querySelector('iframe').clientHeight);
export const heightMessages = (portalFrame) =>
  portalFrame.evaluate(() => window.__messages.filter((m) => m.data?.type === 'report-explorer:height'));

/**
 * The main embedding scenario: the iframe follows the content height, and the
 * allowed parent sets filters and the theme and reads the state.
 */
export async function embeddingFollowsAndObeys({ tab, appFrame, portalFrame, app }) {
  const BANK = expected({ sub: ['citic-bank'] });
  assert.equal(await appFrame.count(ENTRY), FIRST_PAGE);
  const contentHeight = () =>
    appFrame.evaluate(() => Math.ceil(document.querySelector('main').getBoundingClientRect().bottom + scrollY));
  const full = await tab.until('the iframe sized to its content', async () => {
    const h = await iframeHeight(portalFrame);
    return h > 1000 && Math.abs(h - (await contentHeight())) <= 2 && h;
  });
  const messages = await heightMessages(portalFrame);
  assert.ok(messages.length >= 1 && messages.length < 20, `${messages.length} height messages`);
  for (const m of messages) {
    assert.equal(m.origin, app.origin);
    assert.deepEqual(Object.keys(m.data).sort(), ['height', 'type']);
  }

  await portalFrame.evaluate(() =>
    window.ReportExplorer.setFilters(document.querySelector('iframe'), { sub: ['citic-bank'] }),
  );
  await tab.until('the filtered list', async () => (await appFrame.count(ENTRY)) === BANK);
  const params = new URL(appFrame.url()).searchParams;
  assert.equal(params.get('sub'), 'citic-bank');
  assert.equal(params.get('embed'), '1');
  const shrunk = await tab.until('the iframe to shrink', async () => {
    const h = await iframeHeight(portalFrame);
    return h < full - 200 && h;
  });
  assert.ok(shrunk > 100);

  const state = await portalFrame.evaluate(() =>
    window.ReportExplorer.getState(document.querySelector('iframe')),
  );
  assert.equal(state.type, 'report-explorer:state');
  assert.equal(state.entries, BANK);
  assert.deepEqual(state.filters, { sub: ['citic-bank'], cat: [], kind: [], year: [], q: '' });
  assert.match(state.query, /[?&]sub=citic-bank(&|$)/);

  await portalFrame.evaluate(() =>
    window.ReportExplorer.setTheme(document.querySelector('iframe'), 'dark'),
  );
  await tab.until('the dark theme in the frame', () =>
    appFrame.evaluate(() => document.documentElement.dataset.theme === 'dark'),
  );
  assert.equal(new URL(appFrame.url()).searchParams.get('theme'), 'dark');

  await portalFrame.evaluate(() =>
    window.ReportExplorer.setFilters(document.querySelector('iframe'), {}),
  );
  await tab.until('every entry', async () => (await appFrame.count(ENTRY)) === FIRST_PAGE);
  // Back to the full list: the frame grows to its content again. On a timeout the message
  // says what the frame, the content and the last height messages were.
  let seen = {};
  try {
    await tab.until('the iframe to grow', async () => {
      const h = await iframeHeight(portalFrame);
      const content = await contentHeight();
      seen = { h, content, shrunk, full };
      return h > shrunk + 500 || (h > shrunk && Math.abs(h - content) <= 2 && content > shrunk + 500);
    });
  } catch (error) {
    const last = (await heightMessages(portalFrame)).slice(-3).map((m) => m.data.height);
    throw new Error(`${error.message}: ${JSON.stringify({ ...seen, lastMessages: last })}`);
  }
  assert.deepEqual(await tab.collect(), NO_PROBLEMS);
}

function defineEmbedding(getBrowser) {
  describe('embedded in an iframe on another origin', () => {
    test('follows the content height and obeys the allowed parent', async () => {
      await embedded(getBrowser(), { allowParents: (portal) => [portal] }, embeddingFollowsAndObeys);
    });

    // Firefox then gives "null" in location.ancestorOrigins and no referrer: the app does not
    // know its parent's origin and posts to its one allowed origin, which is the parent's.
    test('an iframe with referrerpolicy="no-referrer" still follows its one allowed parent', async () => {
      await embedded(
        getBrowser(),
        { allowParents: (portal) => [portal], referrerPolicy: 'no-referrer' },
        async ({ tab, appFrame, portalFrame, app }) => {
          assert.equal(await appFrame.evaluate(() => document.referrer), '');
          const full = await tab.until('the iframe sized to its content', async () => {
            const h = await iframeHeight(portalFrame);
            return h > 1000 && h;
          });
          for (const m of await heightMessages(portalFrame)) assert.equal(m.origin, app.origin);
          await portalFrame.evaluate(() =>
            window.ReportExplorer.setFilters(document.querySelector('iframe'), { kind: ['award'] }),
          );
          await tab.until('the filtered list', async () =>
            (await appFrame.count(ENTRY)) === Math.min(50, expected({ kind: ['award'] })),
          );
          await tab.until('the iframe to shrink', async () => (await iframeHeight(portalFrame)) < full);
          assert.deepEqual(await tab.collect(), NO_PROBLEMS);
        },
      );
    });

    test('a parent origin the config does not list gets no height and cannot set filters', async () => {
      await embedded(
        getBrowser(),
        { allowParents: () => ['https://intranet.example.com'] },
        async ({ tab, appFrame, portalFrame }) => {
          await sleep(800);
          assert.deepEqual(await heightMessages(portalFrame), []);
          assert.equal(await iframeHeight(portalFrame), 150, 'the iframe keeps its default height');
          await portalFrame.evaluate(() =>
            window.ReportExplorer.setFilters(document.querySelector('iframe'), { sub: ['citic-bank'] }),
          );
          await assert.rejects(
            portalFrame.evaluate(() => window.ReportExplorer.getState(document.querySelector('iframe'), 800)),
            /no answer/,
          );
          const received = await appFrame.evaluate(() => window.__messages.map((m) => m.data?.type));
          assert.deepEqual(received, ['report-explorer:set-filters', 'report-explorer:get-state']);
          assert.equal(await appFrame.count(ENTRY), FIRST_PAGE);
          assert.equal(new URL(appFrame.url()).searchParams.get('sub'), null);
          assert.deepEqual(await tab.collect(), NO_PROBLEMS);
        },
      );
    });

    test('messages from a third origin, or from a window that is not the parent, are ignored', async () => {
      await embedded(
        getBrowser(),
        { allowParents: (portal) => [portal], outer: true },
        async ({ tab, appFrame, portalFrame, app, portal, third }) => {
          await tab.until('the iframe sized to its content', async () => (await iframeHeight(portalFrame)) > 1000);
          await tab.frames()[0].evaluate((origin) => {
            window.frames[0].frames[0].postMessage(
              { type: 'report-explorer:set-filters', filters: { sub: ['citic-bank'] } },
              origin,
            );
          }, app.origin);
          // A second frame of the allowed origin, not the app's parent, posts to it too.
          await portalFrame.evaluate(() => {
            const helper = document.createElement('iframe');
            helper.title = 'helper';
            document.body.append(helper);
          });
          const helperFrame = await tab.until('the helper frame', () =>
            tab.frames().find((f) => f.url() === 'about:blank'),
          );
          await helperFrame.evaluate((origin) => {
            parent.frames[0].postMessage(
              { type: 'report-explorer:set-filters', filters: { kind: ['award'] } },
              origin,
            );
          }, app.origin);
          await sleep(600);
          const received = await appFrame.evaluate(() =>
            window.__messages.map((m) => `${m.origin} ${m.data?.type}`),
          );
          assert.deepEqual(received.sort(), [
            `${portal.origin} report-explorer:set-filters`,
            `${third.origin} report-explorer:set-filters`,
          ].sort());
          assert.equal(await appFrame.count(ENTRY), FIRST_PAGE);
          const params = new URL(appFrame.url()).searchParams;
          assert.equal(params.get('sub'), null);
          assert.equal(params.get('kind'), null);
          assert.deepEqual(await tab.collect(), NO_PROBLEMS);
        },
      );
    });
  });
}
