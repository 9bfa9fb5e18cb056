// End-to-end: the subsidiary facet's division headings on the release build, on the format 2
// showcase (tests/fixtures/format2/showcase.json: Ports and terminals = North and South
// Terminal, Logistics = Meridian Cold Chain, Meridian Harbour Holdings without a division).
// A heading selects every subsidiary of its division (the rest of a partial one), shows
// pressed only when all are selected, and pressed again clears them and nothing else. The
// core decides (`Selection::toggle_division`, `division_selected`); the view only asks it.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { startServer } from './server.mjs';
import { DIST, NO_PROBLEMS } from './common.mjs';
import { launchBrowser, openPage, text, waitFor } from './browser.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURE = path.join(ROOT, 'tests/fixtures/format2/showcase.json');
const SHOWCASE = JSON.parse(readFileSync(FIXTURE, 'utf8'));
const DATA = 'data/showcase.json';

/** Entries of any of `subs`, as the engine counts them (a shared entry once). */
const entriesOf = (subs) => SHOWCASE.entries.filter((e) => e.subsidiaries.some((s) => subs.includes(s))).length;

let browser;
let server;
before(async () => {
  browser = await launchBrowser();
  server = await startServer({ dir: DIST, files: { [DATA]: FIXTURE } });
});
after(async () => {
  await server?.close();
  await browser?.close();
});

test('a division heading selects its subsidiaries, and pressed again clears only them', async () => {
  const { page, context, collect } = await openPage(browser);
  try {
    await page.goto(`${server.url}?data=${DATA}`);
    await waitFor(page, 'entry-count');
    const facet = page.locator('section[data-facet="sub"]');
    const heading = (name) => facet.locator('[data-testid="facet-group"]', { hasText: name });
    const box = (token) => facet.locator(`input[data-token="${token}"]`);
    const pressed = async () => ({
      ports: await heading('Ports and terminals').getAttribute('aria-pressed'),
      logistics: await heading('Logistics').getAttribute('aria-pressed'),
    });
    const subs = () => new URL(page.url()).searchParams.getAll('sub').join(',').split(',').filter(Boolean).sort();
    const total = SHOWCASE.entries.length;
    const count = async (n) => {
      await page.waitForFunction(
        (want) => document.querySelector('[data-testid="entry-count"]')?.innerText.startsWith(want),
        `${n} `,
      );
      assert.match(await text(page, 'entry-count'), new RegExp(`^${n} of ${total} `));
    };

    assert.equal(await facet.locator('[data-testid="facet-group"]').count(), 2);
    assert.deepEqual(await pressed(), { ports: 'false', logistics: 'false' });

    // Half of Ports selected by hand: the heading is not pressed.
    await box('north-terminal').check();
    await count(entriesOf(['north-terminal']));
    assert.deepEqual(await pressed(), { ports: 'false', logistics: 'false' });

    // The heading selects the rest of its division.
    await heading('Ports and terminals').click();
    await count(entriesOf(['north-terminal', 'south-terminal']));
    assert.deepEqual(subs(), ['north-terminal', 'south-terminal']);
    assert.ok(await box('south-terminal').isChecked());
    assert.deepEqual(await pressed(), { ports: 'true', logistics: 'false' });

    // Another selection does not change it; the other division's heading selects its own.
    await box('meridian').check();
    await heading('Logistics').click();
    await count(entriesOf(['north-terminal', 'south-terminal', 'meridian', 'cold-chain']));
    assert.deepEqual(await pressed(), { ports: 'true', logistics: 'true' });

    // Pressed again, Ports clears its two subsidiaries and keeps the rest.
    await heading('Ports and terminals').click();
    await count(entriesOf(['meridian', 'cold-chain']));
    assert.deepEqual(subs(), ['cold-chain', 'meridian']);
    assert.equal(await box('north-terminal').isChecked(), false);
    assert.deepEqual(await pressed(), { ports: 'false', logistics: 'true' });
    assert.deepEqual(await collect(), NO_PROBLEMS);
  } finally {
    await context.close();
  }
});
