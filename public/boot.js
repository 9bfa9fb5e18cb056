// Starts Report Explorer without any inline script, so the page runs under a
// strict Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval').
//
// Trunk replaces the rust <link> in index.html with
//   <script type="module" src="./boot.js" data-js="./<app>-<hash>.js"
//           data-wasm="./<app>-<hash>_bg.wasm"></script>
// (see `pattern_script` in Trunk.toml). This module reads those attributes,
// resolves them against the page URL, imports the wasm-bindgen glue and
// instantiates the wasm module.

// A panic or a trap (running out of memory ends in one too) stops the wasm for good: the
// page can only be reloaded. The panic hook leaves its message in `reportExplorerCrash`.
function showCrash(error) {
  if (document.querySelector('[data-testid="crash-view"]')) {
    return;
  }
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

function showBootError(message) {
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.dataset.testid = 'boot-error';
  p.className = 'boot-error';
  p.textContent = `Report Explorer could not start: ${message}`;
  document.body.append(p);
}

try {
  if (!script) {
    throw new Error('the boot <script> element with data-js and data-wasm is missing');
  }
  const page = document.baseURI;
  const js = new URL(script.dataset.js, page);
  const wasm = new URL(script.dataset.wasm, page);
  const bindings = await import(js.href);
  const instance = await bindings.default({ module_or_path: wasm });
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: instance } }));
} catch (error) {
  if (isCrash(error)) {
    showCrash(error);
  } else {
    showBootError(error instanceof Error ? error.message : String(error));
  }
  throw error;
}

