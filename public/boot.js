// Starts Report Explorer without any inline script, so the page runs under a
// strict Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval').
//
// Trunk replaces the rust <link> in index.html with
//   <script type="module" src="./boot.js" data-js="./<app>-<hash>.js"
//           data-wasm="./<app>-<hash>_bg.wasm"></script>
// (see `pattern_script` in Trunk.toml). This module reads those attributes,
// resolves them against the page URL, imports the wasm-bindgen glue and
// instantiates the wasm module.

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
  showBootError(error instanceof Error ? error.message : String(error));
  throw error;
}
