// Starts Report Explorer without any inline script, so the page runs under a
// strict Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval').
//
// Trunk replaces the rust <link> in index.html with
//   <script type="module" src="./boot.js" data-js="./<app>-<hash>.js"
//           data-wasm="./<app>-<hash>_bg.wasm"></script>
// (see `pattern_script` in Trunk.toml). This module reads those attributes,
// resolves them against the page URL, imports the wasm-bindgen glue and
// instantiates the wasm module.
//
// First, it shows the first-paint snapshot: the default view as the release
// build rendered it (`cargo xtask` puts it in index.html as <main data-snapshot>,
// hidden and inert; see tests/e2e/first-paint.mjs). Only when the URL names
// nothing but a view and config.json is the one the snapshot was made with;
// otherwise it is removed unseen. The app replaces it once it has rendered its
// own view. The downloads of the app and of the report start after the
// snapshot has painted, so they never hold up the first paint.
//
// It also starts downloading the report file (a <link rel="preload"> that the
// app's own fetch then reuses) when the file is known without the app: the
// URL's `?data=` path, or the default when config.json names no datasets and the URL
// chooses no reports of the catalogue (`?reports=`).

// A panic or a trap (running out of memory ends in one too) stops the wasm for good: the
// page can only be reloaded. The panic hook leaves its message in `reportExplorerCrash`.
function showCrash(error) {
  if (document.querySelector('[data-testid="crash-view"]')) {
    return;
  }
  dropSnapshot();
  const detail = window.reportExplorerCrash || String((error && error.message) || error);
  const main = document.createElement('main');
  main.className = 'app';
  const section = document.createElement('section');
  section.className = 'error-view';
  section.dataset.testid = 'crash-view';
  section.setAttribute('role', 'alert');
  const heading = document.createElement('h1');
  heading.textContent = 'Report Explorer stopped';
  const message = document.createElement('p');
  message.className = 'error-message';
  message.textContent =
    'An internal error stopped the page. Reload to start again: your filters and view are kept in the address.';
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = 'Technical detail';
  const pre = document.createElement('pre');
  pre.className = 'crash-detail';
  pre.dataset.testid = 'crash-detail';
  pre.textContent = detail.slice(0, 2000);
  details.append(summary, pre);
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'retry';
  button.dataset.testid = 'reload';
  button.textContent = 'Reload';
  button.addEventListener('click', () => location.reload());
  section.append(heading, message, details, button);
  main.append(section);
  document.body.replaceChildren(main);
  button.focus();
}

function isCrash(error) {
  return error instanceof WebAssembly.RuntimeError || Boolean(window.reportExplorerCrash);
}

addEventListener('error', (event) => {
  if (isCrash(event.error)) {
    showCrash(event.error);
  }
});
addEventListener('unhandledrejection', (event) => {
  if (isCrash(event.reason)) {
    showCrash(event.reason);
  }
});

const script = document.querySelector('script[data-js][data-wasm]');

/** The views the snapshot stands in for (the list, or the page around a timeline or charts). */
const SNAPSHOT_VIEWS = ['list', 'timeline', 'charts'];
/** The data file loaded when neither the URL nor config.json names one. */
const DEFAULT_DATA = 'data/report.json';

function showBootError(message) {
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.dataset.testid = 'boot-error';
  p.className = 'boot-error';
  p.textContent = `Report Explorer could not start: ${message}`;
  document.body.append(p);
}

/** FNV-1a (32 bits) of some bytes, as 8 hex digits; tests/e2e/first-paint.mjs fingerprints config.json alike. */
function fingerprint(bytes) {
  let hash = 0x811c9dc5;
  for (const byte of bytes) {
    hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** Milliseconds boot.js waits for config.json before giving up on the snapshot. */
const CONFIG_WAIT_MS = 3000;

/**
 * config.json as the app will read it: `{ fingerprint, config }`, with the
 * fingerprint `none` when there is no file (HTTP 404, or the host's HTML page)
 * and `unreadable` when the app will report a problem with it. index.html
 * preloads the file, so this usually costs no extra round trip.
 */
async function readConfig() {
  // A stalled config.json must not hold up the app: after a short wait the snapshot is
  // dropped (its configuration is unknown) and the app reports the file itself.
  const unreadable = { fingerprint: 'unreadable', config: null };
  const late = new Promise((resolve) => setTimeout(resolve, CONFIG_WAIT_MS, unreadable));
  return Promise.race([readConfigFile(), late]);
}

/** Fetches and reads config.json (see `readConfig`). */
async function readConfigFile() {
  try {
    const response = await fetch(new URL('config.json', document.baseURI));
    const type = response.headers.get('content-type') ?? '';
    if (response.status === 404 || (response.ok && type.toLowerCase().startsWith('text/html'))) {
      return { fingerprint: 'none', config: {} };
    }
    if (!response.ok) return { fingerprint: 'unreadable', config: null };
    const bytes = new Uint8Array(await response.arrayBuffer());
    let config = null;
    try {
      config = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      // The app reports the syntax error; nothing here depends on it.
    }
    return { fingerprint: fingerprint(bytes), config };
  } catch {
    return { fingerprint: 'unreadable', config: null };
  }
}

/** Longest `?data=` value the app reads (`MAX_DATA_PATH_CHARS` in src/core/source.rs). */
const MAX_DATA_PATH_CHARS = 2048;

/** A same-origin path simple enough that the app is sure to fetch it as it is. */
function isPlainPath(path) {
  return (
    path.length <= MAX_DATA_PATH_CHARS &&
    /^[A-Za-z0-9._~/-]+$/.test(path) &&
    !path.startsWith('//') &&
    new URL(path, document.baseURI).origin === location.origin
  );
}

/** Starts downloading `path` for the app's fetch of it (same URL, mode and credentials). */
function preload(path) {
  const link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'fetch';
  link.crossOrigin = 'anonymous';
  link.href = new URL(path, document.baseURI).href;
  document.head.append(link);
}

/** The report file the app will load when the URL names none, if known without the app's rules. */
function defaultReportPath(config) {
  if (config === null) return null;
  // Named datasets have their own checks in the app: the app fetches those itself.
  const datasets = config.datasets;
  return datasets === undefined || (Array.isArray(datasets) && datasets.length === 0)
    ? DEFAULT_DATA
    : null;
}

/** Removes the snapshot, shown or not. */
function dropSnapshot() {
  document.querySelector('main[data-snapshot]')?.remove();
  delete document.documentElement.dataset.snapshot;
}

/** Resolves once a frame has been painted (or soon, in a tab that does not paint). */
function afterPaint() {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 100);
  });
}

/**
 * Shows the snapshot in place of `view`'s page (for the timeline and the charts:
 * the header, filters and tabs, without the list) until the app has rendered.
 * main.css shows it, and hides the app's loading state, while the root has `data-snapshot`.
 */
function showSnapshot(snapshot, view) {
  if (view !== 'list') snapshot.querySelector('.entry-list')?.remove();
  for (const tab of snapshot.querySelectorAll('.view-tab[data-view]')) {
    if (tab.dataset.view === view) tab.setAttribute('aria-current', 'page');
    else tab.removeAttribute('aria-current');
  }
  const replaced = () => {
    const app = document.querySelector('body > main.app:not([data-snapshot])');
    return app !== null && app.querySelector('[data-testid="loading"]') === null;
  };
  document.documentElement.dataset.snapshot = view;
  const observer = new MutationObserver(() => {
    if (replaced()) {
      observer.disconnect();
      dropSnapshot();
    }
  });
  observer.observe(document.body, { childList: true, subtree: true });
}

/** Shows the snapshot if it fits this page, and starts the report download if the file is known. */
async function firstPaint() {
  const params = new URLSearchParams(location.search);
  const keys = [...params.keys()];
  const view = params.get('view') ?? 'list';
  const fits = keys.every((k) => k === 'view') && keys.length <= 1 && SNAPSHOT_VIEWS.includes(view);
  const snapshot = document.querySelector('main[data-snapshot]');
  if (snapshot && !fits) snapshot.remove();
  // Always read it (index.html preloads it, and an unused preload is a console warning).
  const config = readConfig();
  const data = params.get('data')?.trim();
  if (data) {
    if (isPlainPath(data)) preload(data);
    return;
  }
  if (snapshot?.isConnected) {
    if ((await config).fingerprint === snapshot.dataset.config) {
      showSnapshot(snapshot, view);
      await afterPaint();
    } else {
      snapshot.remove();
    }
  }
  // `?reports=` loads reports from the catalogue: the app reads the catalogue to know them.
  if (!params.get('dataset')?.trim() && !params.get('reports')?.trim()) {
    config.then(({ config }) => {
      const path = defaultReportPath(config);
      if (path) preload(path);
    });
  }
}

try {
  if (!script) {
    throw new Error('the boot <script> element with data-js and data-wasm is missing');
  }
  await firstPaint().catch(dropSnapshot);
  const page = document.baseURI;
  const js = new URL(script.dataset.js, page);
  const wasm = fetch(new URL(script.dataset.wasm, page));
  wasm.catch(() => {}); // A failed download is reported by the glue below.
  const bindings = await import(js.href);
  const instance = await bindings.default({ module_or_path: wasm });
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: instance } }));
} catch (error) {
  dropSnapshot();
  if (isCrash(error)) {
    showCrash(error);
  } else {
    showBootError(error instanceof Error ? error.message : String(error));
  }
  throw error;
}

