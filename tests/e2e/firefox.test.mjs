// The shared end-to-end scenarios (scenarios.mjs) in Firefox: Debian's
// firefox-esr driven by puppeteer-core over WebDriver BiDi, on the release
// build under the strict CSP. Then embedding in a Firefox without
// `location.ancestorOrigins` (as before version 15x, turned off by a pref), where
// the app learns its parent's origin from `document.referrer`.
//
// Runs when REPORT_EXPLORER_FIREFOX names the browser (`cargo xtask test` sets
// it); skipped otherwise, so the Chromium run of tests/e2e/ leaves it out.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { NO_PROBLEMS } from './common.mjs';
import { launchEngine } from './engine.mjs';
import {
  defineScenarios,
  embedded,
  embeddingFollowsAndObeys,
  expected,
  heightMessages,
  iframeHeight,
  ENTRY,
  FIRST_PAGE,
} from './scenarios.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The error Firefox reports in the sender's frame for a message to a window of another origin. */
const MISMATCH = /postMessage.*The target origin provided \(‘https:\/\/intranet\.example\.com’\) does not match/;

if (!process.env.REPORT_EXPLORER_FIREFOX) {
  describe.skip('firefox (set REPORT_EXPLORER_FIREFOX=/usr/bin/firefox-esr to run)', () => {});
} else {
  defineScenarios('firefox');

  describe('firefox without location.ancestorOrigins: the parent origin from document.referrer', () => {
    let browser;
    before(async () => {
      browser = await launchEngine('firefox', {
        prefs: { 'dom.location.ancestorOrigins.enabled': false },
      });
    });
    after(async () => {
      await browser?.close();
    });

    /** What the app frame can learn about its parent. */
    const parentHints = (appFrame) =>
      appFrame.evaluate(() => ({ ancestorOrigins: 'ancestorOrigins' in location, referrer: document.referrer }));

    // Two allowed origins, the portal's second: with its parent's origin unknown the app would
    // post heights to https://intranet.example.com too, and Firefox reports each such message
    // as an error in the app's frame, which NO_PROBLEMS catches.
    const twoAllowed = (portal) => ['https://intranet.example.com', portal];

    test('heights go to the parent named by the referrer only; filters, theme and state work', async () => {
      await embedded(browser, { allowParents: twoAllowed }, async (ctx) => {
        assert.deepEqual(await parentHints(ctx.appFrame), {
          ancestorOrigins: false,
          referrer: `${ctx.portal.origin}/`,
        });
        await embeddingFollowsAndObeys(ctx);
      });
    });

    test('a referrer with a path and query is cut to its origin', async () => {
      await embedded(
        browser,
        {
          allowParents: twoAllowed,
          referrerPolicy: 'unsafe-url',
          portalPath: '/intranet/sustainability?tab=esg#reports',
        },
        async ({ tab, appFrame, portalFrame, portal }) => {
          const { referrer } = await parentHints(appFrame);
          assert.equal(referrer, `${portal.origin}/intranet/sustainability?tab=esg`);
          await tab.until('the iframe sized to its content', async () => (await iframeHeight(portalFrame)) > 1000);
          assert.deepEqual(await tab.collect(), NO_PROBLEMS);
        },
      );
    });

    test('a referrer origin that is not allowed gets no height and posts nowhere else', async () => {
      await embedded(
        browser,
        { allowParents: () => ['https://intranet.example.com'] },
        async ({ tab, appFrame, portalFrame }) => {
          assert.equal((await parentHints(appFrame)).ancestorOrigins, false);
          await sleep(800);
          assert.deepEqual(await heightMessages(portalFrame), []);
          assert.equal(await iframeHeight(portalFrame), 150);
          assert.equal(await appFrame.count(ENTRY), FIRST_PAGE);
          assert.deepEqual(await tab.collect(), NO_PROBLEMS);
        },
      );
    });

    test('with no referrer either, heights reach the parent and its first message settles the origin', async () => {
      await embedded(
        browser,
        { allowParents: twoAllowed, referrerPolicy: 'no-referrer' },
        async ({ tab, appFrame, portalFrame, app }) => {
          assert.deepEqual(await parentHints(appFrame), { ancestorOrigins: false, referrer: '' });
          // Posted to each allowed origin in turn: the portal gets its heights.
          const full = await tab.until('the iframe sized to its content', async () => {
            const h = await iframeHeight(portalFrame);
            return h > 1000 && h;
          });
          for (const m of await heightMessages(portalFrame)) assert.equal(m.origin, app.origin);
          // ...and the browser refused the other one, as docs/embedding.md says.
          const guessed = (await tab.collect()).pageErrors;
          assert.ok(guessed.length > 0 && guessed.every((e) => MISMATCH.test(e)), guessed.join('\n'));

          // The parent's first message names its origin: later heights go there only.
          await portalFrame.evaluate(() =>
            window.ReportExplorer.setFilters(document.querySelector('iframe'), { sub: ['citic-bank'] }),
          );
          await tab.until('the filtered list', async () =>
            (await appFrame.count(ENTRY)) === expected({ sub: ['citic-bank'] }),
          );
          await tab.until('the iframe to shrink', async () => (await iframeHeight(portalFrame)) < full - 200);
          await sleep(300);
          const { pageErrors, ...rest } = await tab.collect();
          assert.deepEqual(pageErrors, guessed, 'no message went to another origin after the parent spoke');
          const { pageErrors: _, ...none } = NO_PROBLEMS;
          assert.deepEqual(rest, none);
        },
      );
    });
  });
}
