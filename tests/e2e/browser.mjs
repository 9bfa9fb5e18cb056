// Headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core) and
// a page recorder that collects everything that should not happen: console
// errors, uncaught page errors, failed requests, HTTP errors and
// Content-Security-Policy violations.

import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.REPORT_EXPLORER_CHROMIUM || '/usr/bin/chromium';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Time allowed for the app to reach a state (load wasm, fetch, render). */
export const TIMEOUT_MS = 20_000;

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

/**
 * Opens a new page (in a fresh context, CSP enforced) that records problems.
 * `expected` lists URL patterns whose HTTP errors (and the console error
 * Chromium logs for them) a test expects.
 */
export async function openPage(browser, { expected = [], locale } = {}) {
  const context = await browser.newContext({ bypassCSP: false, ...(locale ? { locale } : {}) });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);

  const isExpected = (url) => expected.some((pattern) => pattern.test(url));
  const problems = {
    consoleErrors: [],
    pageErrors: [],
    failedRequests: [],
    httpErrors: [],
    cspViolations: [],
  };
  const requests = [];

  // Runs before any page script, injected over CDP (so CSP does not apply to it).
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener(
      'securitypolicyviolation',
      (event) => {
        window.__cspViolations.push(
          `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} ` +
            `(${event.sourceFile || 'page'}:${event.lineNumber})`,
        );
      },
      true,
    );
  });

  page.on('console', (message) => {
    const text = message.text();
    if (text.includes('Content Security Policy')) problems.cspViolations.push(text);
    if (message.type() === 'error' && !isExpected(message.location().url ?? '')) {
      problems.consoleErrors.push(text);
    }
  });
  page.on('pageerror', (error) => problems.pageErrors.push(String(error.stack || error)));
  page.on('request', (request) => requests.push(request.url()));
  page.on('requestfailed', async (request) => {
    if (isExpected(request.url())) return;
    const error = request.failure()?.errorText;
    // Chromium sometimes reports a fetch whose body a page read to the end through
    // `response.body.getReader()` as ERR_ABORTED (seen with a plain script too). The app reads
    // data files that way for its progress bar; a 200 answer read by the page is no failure.
    if (error === 'net::ERR_ABORTED') {
      const response = await request.response().catch(() => null);
      if (response?.status() === 200) return;
    }
    problems.failedRequests.push(`${request.url()}: ${error}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !isExpected(response.url())) {
      problems.httpErrors.push(`${response.status()} ${response.url()}`);
    }
  });

  /** All recorded problems, with CSP violations seen by the page itself. */
  async function collect() {
    const seen = await page.evaluate(() => window.__cspViolations ?? []).catch(() => []);
    return { ...problems, cspViolations: [...problems.cspViolations, ...seen] };
  }

  return { page, context, requests, collect };
}

/** Text of one element, trimmed. */
export async function text(page, testid) {
  return (await page.locator(`[data-testid="${testid}"]`).innerText()).trim();
}

/** Waits for one element and returns its locator. */
export async function waitFor(page, testid) {
  const locator = page.locator(`[data-testid="${testid}"]`);
  await locator.first().waitFor({ state: 'visible' });
  return locator;
}
