// End-to-end tests of hosting and embedding: config.json present, absent and
// bad; theme and embedded mode; an intranet page on another origin embedding
// the explorer in an iframe, resizing it from height messages and driving it
// through the message API; messages from origins or windows that are not
// allowed are ignored. Every page runs under a strict Content-Security-Policy.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import { startServer, FIXTURES_DIR } from './server.mjs';
import { DATASET, DIST, NO_PROBLEMS, subsOf } from './common.mjs';
import { launchBrowser, openPage, text, waitFor, TIMEOUT_MS } from './browser.mjs';

const ALL = DATASET.entries.length;
/** Cards on the first page of the unfiltered list. */
const FIRST_PAGE = Math.min(ALL, 50);
const BANK = DATASET.entries.filter((e) => subsOf(e).includes('citic-bank')).length;
const BANK_AWARDS = DATASET.entries.filter(
  (e) => subsOf(e).includes('citic-bank') && e.kind === 'award',
).length;
const PREFIX = '/intranet/reports/esg/';


let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** Polls `check` until it returns a truthy value; fails with `what` after the timeout. */
async function until(what, check, timeout = TIMEOUT_MS) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await check();
    if (last) return last;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Serves dist/ under PREFIX with `serverOptions`, opens `query` and runs `body`. */
async function visit({ query = '', expected = [], ...serverOptions }, body) {
  const server = await startServer({ dir: DIST, prefix: PREFIX, ...serverOptions });
  const tab = await openPage(browser, { expected });
  try {
    await tab.page.goto(`${server.url}${query}`);
    await body(tab, server);
  } finally {
    await tab.context.close();
    await server.close();
  }
}

/** A JSON body served at the app's config.json. */
function configPage(config) {
  return {
    [`${PREFIX}config.json`]: { body: JSON.stringify(config), type: 'application/json' },
  };
}

describe('hosting under a subpath', () => {
  test('with the shipped config.json: no 404, no problems, config read from inside the prefix', async () => {
    await visit({}, async ({ page, requests, collect }, server) => {
      await waitFor(page, 'report-title');
      assert.equal(await page.locator('[data-testid="entry"]').count(), FIRST_PAGE);
      assert.ok(requests.includes(`${server.url}config.json`), 'config.json was requested');
      assert.deepEqual(
        requests.filter((url) => !url.startsWith(server.url)),
        [],
        'requests outside the prefix or to other origins',
      );
      assert.equal(await page.locator('[data-testid="config-problems"]').count(), 0);
      assert.deepEqual(await collect(), NO_PROBLEMS);
    });
  });

  test('without config.json: the 404 means defaults, silently', async () => {
    const missing = /\/config\.json$/;
    await visit(
      { files: { 'config.json': null }, expected: [missing] },
      async ({ page, requests, collect }) => {
        await waitFor(page, 'report-title');
        assert.equal(await page.locator('[data-testid="entry"]').count(), FIRST_PAGE);
        assert.ok(requests.some((url) => missing.test(url)));
        assert.equal(await page.locator('[data-testid="config-problems"]').count(), 0);
        assert.deepEqual(await collect(), NO_PROBLEMS);
      },
    );
  });
});

describe('a bad config.json', () => {
  test('shows each specific problem and the app works with defaults', async () => {
    const file = path.join(FIXTURES_DIR, 'config-bad.json');
    await visit({ files: { 'config.json': file } }, async ({ page, requests, collect }, server) => {
      await waitFor(page, 'report-title');
      const box = await waitFor(page, 'config-problems');
      const shown = await box.innerText();
      assert.match(shown, /config\.json has 4 problems/);
      assert.match(shown, /theme: unknown theme `purple` \(expected `auto`, `light` or `dark`\)/);
      assert.match(shown, /colors\.accent: `red; background: url\(https:\/\/tracker\.example\/x\.png\)` is not a colour/);
      assert.match(shown, /default_filters\.kind: unknown kind `medal`/);
      assert.match(shown, /allowed_parent_origins\[0\]: `\*` would let any site embed and control the explorer/);
      // Defaults: every entry, the default accent, nothing fetched elsewhere.
      assert.equal(await page.locator('[data-testid="entry"]').count(), FIRST_PAGE);
      assert.equal(new URL(page.url()).search, '');
      const accent = await page.evaluate(() =>
        document.documentElement.style.getPropertyValue('--accent'),
      );
      assert.equal(accent, '');
      assert.deepEqual(requests.filter((url) => !url.startsWith(server.origin)), []);
      assert.deepEqual(await collect(), NO_PROBLEMS);
    });
  });

  test('a JSON syntax error names its line and column', async () => {
    const file = path.join(FIXTURES_DIR, 'config-syntax.json');
    await visit({ files: { 'config.json': file } }, async ({ page, collect }) => {
      await waitFor(page, 'report-title');
      const box = await waitFor(page, 'config-problems');
      assert.match(await box.innerText(), /\$: JSON syntax error at line 3, column 3/);
      assert.equal(await page.locator('[data-testid="entry"]').count(), FIRST_PAGE);
      assert.deepEqual(await collect(), NO_PROBLEMS);
    });
  });
});

describe('configuration', () => {
  test('default filters apply to a URL without filters, and colours override the palette', async () => {
    const file = path.join(FIXTURES_DIR, 'config-custom.json');
    await visit({ files: { 'config.json': file } }, async ({ page, collect }) => {
      await waitFor(page, 'report-title');
      await until('the default filters in the URL', () => {
        const params = new URL(page.url()).searchParams;
        return params.get('sub') === 'citic-bank' && params.get('kind') === 'award';
      });
      await until('the filtered list', async () =>
        (await page.locator('[data-testid="entry"]').count()) === BANK_AWARDS,
      );
      const root = await page.evaluate(() => ({
        accent: document.documentElement.style.getPropertyValue('--accent'),
        theme: document.documentElement.dataset.theme,
      }));
      assert.deepEqual(root, { accent: '#8a1538', theme: 'light' });
      // theme=dark switches to the dark overrides.
      await page.goto(`${page.url()}&theme=dark`);
      await waitFor(page, 'report-title');
      await until('the dark accent', () =>
        page.evaluate(() => document.documentElement.style.getPropertyValue('--accent') === 'pink'),
      );
      assert.deepEqual(await collect(), NO_PROBLEMS);
    });
  });

  test('a URL that names a filter keeps it, without the defaults', async () => {
    const file = path.join(FIXTURES_DIR, 'config-custom.json');
    await visit({ files: { 'config.json': file }, query: '?kind=product' }, async ({ page, collect }) => {
      await waitFor(page, 'report-title');
      const products = DATASET.entries.filter((e) => e.kind === 'product').length;
      await until('the product list', async () =>
        (await page.locator('[data-testid="entry"]').count()) === products,
      );
      await sleep(300);
      const params = new URL(page.url()).searchParams;
      assert.equal(params.get('sub'), null);
      assert.equal(params.get('kind'), 'product');
      assert.deepEqual(await collect(), NO_PROBLEMS);
    });
  });
});

describe('named datasets', () => {
  const datasets = {
    datasets: [
      { id: 'main', label: 'Main report', path: 'data/report.json' },
      { id: 'small', label: 'Small report', path: 'fixtures/bad-entry.json' },
    ],
    default_dataset: 'main',
  };

  test('the switcher loads another dataset through ?dataset=', async () => {
    await visit({ pages: configPage(datasets) }, async ({ page, collect }) => {
      await waitFor(page, 'report-title');
      assert.equal(await page.locator('[data-testid="entry"]').count(), FIRST_PAGE);
      await page.locator('[data-testid="dataset"]').selectOption('small');
      await until('the small dataset', async () =>
        (await page.locator('[data-testid="entry"]').count()) === 2,
      );
      assert.equal(new URL(page.url()).searchParams.get('dataset'), 'small');
      assert.deepEqual(await collect(), NO_PROBLEMS);
    });
  });

  test('an unknown ?dataset= names the known ones', async () => {
    await visit({ pages: configPage(datasets), query: '?dataset=nope' }, async ({ page, collect }) => {
      const view = await waitFor(page, 'error-view');
      assert.match(await view.innerText(), /`nope` cannot be loaded: config\.json lists no such dataset; known: `main`, `small`\./);
      assert.deepEqual(await collect(), NO_PROBLEMS);
    });
  });
});

describe('theme and embedded mode', () => {
  test('theme=dark and embed=1 change the rendering', async () => {
    await visit({ query: '?theme=dark&embed=1' }, async ({ page, collect }) => {
      await waitFor(page, 'report-title');
      const state = await page.evaluate(() => ({
        theme: document.documentElement.dataset.theme,
        embed: document.documentElement.hasAttribute('data-embed'),
        mainEmbed: document.querySelector('main').classList.contains('embed'),
        background: getComputedStyle(document.body).backgroundColor,
      }));
      assert.deepEqual(state, {
        theme: 'dark',
        embed: true,
        mainEmbed: true,
        background: 'rgb(13, 17, 23)',
      });
      assert.equal(await page.locator('.report-source').isVisible(), false);
      assert.equal(await page.locator('.counts').isVisible(), false);
      assert.equal(await page.locator('[data-testid="entry"]').count(), FIRST_PAGE);
      assert.deepEqual(await collect(), NO_PROBLEMS);
    });
  });

  test('without them: light, with the page chrome', async () => {
    await visit({ query: '?theme=light' }, async ({ page, collect }) => {
      await waitFor(page, 'report-title');
      const state = await page.evaluate(() => ({
        theme: document.documentElement.dataset.theme,
        embed: document.documentElement.hasAttribute('data-embed'),
        background: getComputedStyle(document.body).backgroundColor,
      }));
      assert.deepEqual(state, { theme: 'light', embed: false, background: 'rgb(255, 255, 255)' });
      assert.equal(await page.locator('.report-source').isVisible(), true);
      assert.equal(await page.locator('.counts').isVisible(), true);
      assert.deepEqual(await collect(), NO_PROBLEMS);
    });
  });
});

/** The intranet page: the documented snippet, with the parent script served by its own origin. */
function portalPage(appUrl) {
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
<iframe data-report-explorer title="ESG report explorer" width="900" src="${appUrl}"></iframe>
</body>
</html>
`;
}

/**
 * Serves the portal page (origin A), optionally framed by an outer page on a
 * third origin, and the app (origin B, under PREFIX, framed only by those)
 * with a config.json allowing `allowParents(portalOrigin)`. Opens the top page
 * and runs `body` once the app shows its report.
 */
async function embedded({ allowParents, query = '?embed=1', outer = false }, body) {
  // Both pages may frame any local port; the app's own CSP names its ancestors.
  const framing = "default-src 'self'; script-src 'self'; style-src 'self'; img-src data:; frame-src http://127.0.0.1:*";
  const portalPages = {};
  // The portal serves dist/ only for its own copy of embed.js.
  const portal = await startServer({ dir: DIST, csp: framing, pages: portalPages });
  const thirdPages = {};
  const third = outer ? await startServer({ dir: FIXTURES_DIR, csp: framing, pages: thirdPages }) : null;
  const app = await startServer({
    dir: DIST,
    prefix: PREFIX,
    frameAncestors: [portal.origin, third?.origin].filter(Boolean).join(' '),
    pages: configPage({ allowed_parent_origins: allowParents(portal.origin) }),
  });
  portalPages['/'] = { body: portalPage(`${app.url}${query}`) };
  thirdPages['/'] = {
    body: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Elsewhere</title><link rel="icon" href="data:,"></head><body><iframe width="1000" height="800" title="portal" src="${portal.url}"></iframe></body></html>`,
  };
  const tab = await openPage(browser);
  // Runs in every frame before its scripts (over CDP, so CSP does not apply):
  // each frame records the messages it receives.
  await tab.page.addInitScript(() => {
    window.__messages = [];
    window.addEventListener('message', (event) => {
      window.__messages.push({ origin: event.origin, data: event.data });
    });
  });
  try {
    await tab.page.goto(third ? third.url : portal.url);
    const frameOf = (origin) => tab.page.frames().find((f) => f.url().startsWith(origin));
    const appFrame = await until('the app frame', () => frameOf(app.origin));
    const portalFrame = third
      ? await until('the portal frame', () => frameOf(portal.origin))
      : tab.page.mainFrame();
    await appFrame.locator('[data-testid="report-title"]').waitFor();
    await body({ ...tab, appFrame, portalFrame, app, portal, third });
  } finally {
    await tab.context.close();
    await app.close();
    await portal.close();
    await third?.close();
  }
}

const iframeHeight = (portalFrame) =>
  portalFrame.evaluate(() => document.querySelector('iframe').clientHeight);
const entriesIn = (frame) => frame.locator('[data-testid="entry"]').count();
const heightMessages = (portalFrame) =>
  portalFrame.evaluate(() => window.__messages.filter((m) => m.data?.type === 'report-explorer:height'));

describe('embedded in an iframe on another origin', () => {
  test('follows the content height, and applies filters, theme and state requests from the allowed parent', async () => {
    await embedded({ allowParents: (portal) => [portal] }, async ({ appFrame, portalFrame, app, collect }) => {
      assert.equal(await entriesIn(appFrame), FIRST_PAGE);
      // The iframe's height settles on what the app asks for, and its content fits (entries
      // out of view are laid out late, so the content height may move once or twice first).
      const contentHeightOf = () =>
        appFrame.evaluate(() =>
          Math.ceil(document.querySelector('main').getBoundingClientRect().bottom + scrollY),
        );
      const full = await until('the iframe sized to its content', async () => {
        const h = await iframeHeight(portalFrame);
        return h > 1000 && Math.abs(h - (await contentHeightOf())) <= 2 && h;
      });
      const contentHeight = await contentHeightOf();
      assert.ok(Math.abs(full - contentHeight) <= 2, `${full} vs ${contentHeight}`);
      const messages = await heightMessages(portalFrame);
      assert.ok(messages.length >= 1 && messages.length < 20, `${messages.length} height messages`);
      for (const m of messages) {
        assert.equal(m.origin, app.origin);
        assert.deepEqual(Object.keys(m.data).sort(), ['height', 'type']);
      }

      // set-filters through the documented parent API.
      await portalFrame.evaluate(() =>
        window.ReportExplorer.setFilters(document.querySelector('iframe'), { sub: ['citic-bank'] }),
      );
      await until('the filtered list', async () => (await entriesIn(appFrame)) === BANK);
      assert.equal(new URL(appFrame.url()).searchParams.get('sub'), 'citic-bank');
      assert.equal(new URL(appFrame.url()).searchParams.get('embed'), '1');
      const shrunk = await until('the iframe to shrink', async () => {
        const h = await iframeHeight(portalFrame);
        return h < full - 200 && h;
      });
      assert.ok(shrunk > 100);

      // get-state answers the allowed parent.
      const state = await portalFrame.evaluate(() =>
        window.ReportExplorer.getState(document.querySelector('iframe')),
      );
      assert.equal(state.type, 'report-explorer:state');
      assert.equal(state.entries, BANK);
      assert.deepEqual(state.filters, { sub: ['citic-bank'], cat: [], kind: [], year: [], q: '' });
      assert.match(state.query, /[?&]sub=citic-bank(&|$)/);

      // A malformed message from the allowed parent is ignored (and named in a console warning).
      await portalFrame.evaluate(() =>
        window.ReportExplorer.setFilters(document.querySelector('iframe'), { sub: ['<b>'] }),
      );
      await sleep(300);
      assert.equal(await entriesIn(appFrame), BANK);

      // set-theme.
      await portalFrame.evaluate(() =>
        window.ReportExplorer.setTheme(document.querySelector('iframe'), 'dark'),
      );
      await until('the dark theme in the frame', () =>
        appFrame.evaluate(() => document.documentElement.dataset.theme === 'dark'),
      );
      assert.equal(new URL(appFrame.url()).searchParams.get('theme'), 'dark');
      assert.equal(await appFrame.evaluate(() => document.documentElement.hasAttribute('data-embed')), true);
      // The page's links carry the theme, so following one keeps it.
      const links = await appFrame.evaluate(() =>
        [...document.querySelectorAll('a.entry-open')].map((a) => a.getAttribute('href')),
      );
      assert.ok(links.length > 0);
      for (const href of links) assert.match(href, /[?&]theme=dark(&|$)/, href);
      await appFrame.locator('a.entry-open').first().click();
      await until('the entry detail', async () => (await appFrame.locator('[data-testid="entry-detail"]').count()) === 1);
      assert.equal(new URL(appFrame.url()).searchParams.get('theme'), 'dark');
      assert.equal(await appFrame.evaluate(() => document.documentElement.dataset.theme), 'dark');
      await appFrame.locator('[data-testid="close-detail"]').click();
      await until('the detail closed', async () => (await appFrame.locator('[data-testid="entry-detail"]').count()) === 0);
      assert.equal(new URL(appFrame.url()).searchParams.get('theme'), 'dark');

      // Clearing the filters grows the frame again.
      await portalFrame.evaluate(() =>
        window.ReportExplorer.setFilters(document.querySelector('iframe'), {}),
      );
      await until('every entry', async () => (await entriesIn(appFrame)) === FIRST_PAGE);
      // Entries out of view are laid out lazily, so the frame need not reach `full` again.
      await until('the iframe to grow', async () => (await iframeHeight(portalFrame)) > shrunk + 500);
      assert.deepEqual(await collect(), NO_PROBLEMS);
    });
  });

  test('a parent origin the config does not list gets no height and cannot set filters', async () => {
    await embedded(
      { allowParents: () => ['https://intranet.example.com'] },
      async ({ appFrame, portalFrame, collect }) => {
        await sleep(800);
        assert.deepEqual(await heightMessages(portalFrame), []);
        assert.equal(await iframeHeight(portalFrame), 150, 'the iframe keeps its default height');
        await portalFrame.evaluate(() =>
          window.ReportExplorer.setFilters(document.querySelector('iframe'), { sub: ['citic-bank'] }),
        );
        await assert.rejects(
          portalFrame.evaluate(() =>
            window.ReportExplorer.getState(document.querySelector('iframe'), 800),
          ),
          /no answer/,
        );
        // The messages did arrive; they were ignored.
        const received = await appFrame.evaluate(() => window.__messages.map((m) => m.data?.type));
        assert.deepEqual(received, ['report-explorer:set-filters', 'report-explorer:get-state']);
        assert.equal(await entriesIn(appFrame), FIRST_PAGE);
        assert.equal(new URL(appFrame.url()).searchParams.get('sub'), null);
        assert.deepEqual(await collect(), NO_PROBLEMS);
      },
    );
  });

  test('messages from a third origin, or from a window that is not the parent, are ignored', async () => {
    await embedded(
      { allowParents: (portal) => [portal], outer: true },
      async ({ page, appFrame, portalFrame, app, portal, third, collect }) => {
        // The portal is allowed and gets heights, even when framed itself.
        await until('the iframe sized to its content', async () => (await iframeHeight(portalFrame)) > 1000);
        // The outer page (a third origin) reaches the app's window and posts to it.
        await page.mainFrame().evaluate((origin) => {
          const appWindow = window.frames[0].frames[0];
          appWindow.postMessage(
            { type: 'report-explorer:set-filters', filters: { sub: ['citic-bank'] } },
            origin,
          );
        }, app.origin);
        // A window of the allowed origin that is not the app's parent (a second
        // frame in the portal) posts to it too.
        await portalFrame.evaluate(() => {
          const helper = document.createElement('iframe');
          helper.title = 'helper';
          document.body.append(helper);
        });
        const helperFrame = await until('the helper frame', () =>
          page.frames().find((f) => f.parentFrame() === portalFrame && f.url() === 'about:blank'),
        );
        await helperFrame.evaluate((origin) => {
          parent.frames[0].postMessage(
            { type: 'report-explorer:set-filters', filters: { kind: ['award'] } },
            origin,
          );
        }, app.origin);
        await sleep(600);
        // Both messages reached the app's window, and both were ignored.
        const received = await appFrame.evaluate(() =>
          window.__messages.map((m) => `${m.origin} ${m.data?.type}`),
        );
        assert.deepEqual(received.sort(), [
          `${portal.origin} report-explorer:set-filters`,
          `${third.origin} report-explorer:set-filters`,
        ].sort());
        assert.equal(await entriesIn(appFrame), FIRST_PAGE);
        const params = new URL(appFrame.url()).searchParams;
        assert.equal(params.get('sub'), null);
        assert.equal(params.get('kind'), null);
        assert.deepEqual(await collect(), NO_PROBLEMS);
      },
    );
  });
});
