// Puts the first-paint snapshot into a release build's index.html: the default
// view, rendered by the app itself in headless Chromium, so the page paints its
// header, filters and first entries before the wasm has arrived.
//
//   node tests/e2e/first-paint.mjs <dist>     (run by `cargo xtask` after `trunk build`)
//
// The snapshot is the app's <main> with its first entries, as
// <main class="app" data-snapshot data-config="<fingerprint>" inert>: hidden by
// main.css until public/boot.js shows it (only for a URL with nothing but a
// `view`, and a config.json with this fingerprint), then removed once the app
// has rendered. It carries no ids or test ids, so nothing can mistake it for
// the app's own view.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { launchBrowser, openPage, TIMEOUT_MS } from './browser.mjs';
import { startServer } from './server.mjs';

/** Entries kept: more than fill a large screen; the app renders the rest below them. */
export const SNAPSHOT_ENTRIES = 12;

/** Attributes that refer to ids, or name elements for tests: dropped from the snapshot. */
const DROPPED_ATTRIBUTES = [
  'id',
  'for',
  'data-testid',
  'aria-controls',
  'aria-labelledby',
  'aria-describedby',
  'aria-live',
];

/** FNV-1a (32 bits) of some bytes as 8 hex digits, as public/boot.js computes it. */
export function fingerprint(bytes) {
  let hash = 0x811c9dc5;
  for (const byte of bytes) {
    hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** The fingerprint of `dist`'s config.json, or `none` without one. */
function configFingerprint(dist) {
  try {
    return fingerprint(readFileSync(path.join(dist, 'config.json')));
  } catch (error) {
    if (error.code === 'ENOENT') return 'none';
    throw error;
  }
}

/** Renders the default view of `dist` and returns the snapshot's HTML. */
async function render(dist) {
  const server = await startServer({ dir: dist });
  const browser = await launchBrowser();
  try {
    const { page, collect } = await openPage(browser);
    await page.goto(server.url);
    await page.locator('[data-testid="entry"]').first().waitFor({ timeout: TIMEOUT_MS });
    await page.waitForFunction(() => !document.querySelector('[data-testid="loading"]'));
    const problems = Object.entries(await collect()).filter(([, list]) => list.length > 0);
    if (problems.length > 0) {
      throw new Error(`the page had problems: ${JSON.stringify(Object.fromEntries(problems))}`);
    }
    return await page.evaluate(
      ({ entries, dropped }) => {
        const main = document.querySelector('body > main.app').cloneNode(true);
        for (const item of [...main.querySelectorAll('.entry-list > li')].slice(entries)) {
          item.remove();
        }
        // Tabs keep their view's name, for boot.js to mark the current one.
        for (const tab of main.querySelectorAll('[data-testid^="view-"]')) {
          tab.dataset.view = tab.dataset.testid.slice('view-'.length);
        }
        for (const element of [main, ...main.querySelectorAll('*')]) {
          for (const name of dropped) element.removeAttribute(name);
        }
        // The app's links name the page's path; relative ones work under any prefix.
        for (const link of main.querySelectorAll('a[href]')) {
          const href = link.getAttribute('href');
          if (href.startsWith(location.pathname)) {
            link.setAttribute('href', href.slice(location.pathname.length) || './');
          }
        }
        const walker = document.createTreeWalker(main, NodeFilter.SHOW_COMMENT);
        const comments = [];
        while (walker.nextNode()) comments.push(walker.currentNode);
        for (const comment of comments) comment.remove();
        const styled = main.querySelector('[style]');
        if (styled) {
          throw new Error(`an element has a style attribute, which the CSP blocks: ${styled.outerHTML.slice(0, 200)}`);
        }
        return main.outerHTML;
      },
      { entries: SNAPSHOT_ENTRIES, dropped: DROPPED_ATTRIBUTES },
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Writes the snapshot into `dist/index.html`, replacing any earlier one. */
export async function addSnapshot(dist) {
  const indexPath = path.join(dist, 'index.html');
  const html = readFileSync(indexPath, 'utf8').replace(
    /<main class="app" data-snapshot[\s\S]*?<\/main><!-- \/snapshot -->\n?/,
    '',
  );
  const body = html.indexOf('<body>');
  if (body < 0) throw new Error(`${indexPath} has no <body> tag`);
  const snapshot = (await render(dist)).replace(
    /^<main class="app"/,
    `<main class="app" data-snapshot data-config="${configFingerprint(dist)}" inert`,
  );
  if (!snapshot.startsWith('<main class="app" data-snapshot')) {
    throw new Error(`unexpected snapshot start: ${snapshot.slice(0, 80)}`);
  }
  const at = body + '<body>'.length;
  writeFileSync(
    indexPath,
    `${html.slice(0, at)}\n${snapshot}<!-- /snapshot -->\n${html.slice(at).replace(/^\n/, '')}`,
  );
  return snapshot.length;
}

const [dist] = process.argv.slice(2);
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  if (!dist) {
    console.error('usage: node tests/e2e/first-paint.mjs <dist>');
    process.exit(2);
  }
  const bytes = await addSnapshot(path.resolve(dist));
  console.log(`first-paint snapshot: ${bytes} bytes of HTML in ${path.join(dist, 'index.html')}`);
}
