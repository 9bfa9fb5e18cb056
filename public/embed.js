// Report Explorer, parent-page helper: sizes embedded explorers to their
// content and sends them messages. Host this file on your own site and load it
// from the page that embeds the explorer:
//
//   <iframe data-report-explorer class="report-explorer" title="ESG report explorer"
//           src="https://reports.example.com/esg/?embed=1"></iframe>
//   <script src="/assets/report-explorer-embed.js" defer></script>
//
// Every <iframe data-report-explorer> on the page is handled. Messages are
// accepted only from the iframe's own window and origin, and sent only to that
// origin (never "*"). No inline script or style attribute is needed: the height
// is set through the CSS object model, which a strict Content-Security-Policy
// allows. The explorer only talks to parents listed in its config.json
// `allowed_parent_origins`.
//
// API (window.ReportExplorer):
//   setFilters(iframe, {sub: [...], cat: [...], kind: [...], year: [...], q: "..."})
//   setTheme(iframe, "auto" | "light" | "dark")
//   getState(iframe) -> Promise<{type, query, filters, entries}>
// Events dispatched on the iframe: "report-explorer:height" (detail.height),
// "report-explorer:state" (detail: the state message).
// Optional attribute: data-max-height="2000" caps the height in CSS pixels.

(() => {
  'use strict';

  const SELECTOR = 'iframe[data-report-explorer]';
  const waiting = new Map();

  function originOf(iframe) {
    try {
      return new URL(iframe.src, document.baseURI).origin;
    } catch {
      return null;
    }
  }

  function frameOf(source) {
    for (const iframe of document.querySelectorAll(SELECTOR)) {
      if (iframe.contentWindow === source) return iframe;
    }
    return null;
  }

  window.addEventListener('message', (event) => {
    const iframe = frameOf(event.source);
    if (!iframe || event.origin !== originOf(iframe)) return;
    const data = event.data;
    if (!data || typeof data !== 'object' || typeof data.type !== 'string') return;
    if (data.type === 'report-explorer:height') {
      if (!Number.isFinite(data.height) || data.height <= 0) return;
      const max = Number(iframe.dataset.maxHeight) || 100000;
      const height = Math.min(Math.ceil(data.height), max);
      iframe.style.height = `${height}px`;
      iframe.dispatchEvent(new CustomEvent('report-explorer:height', { detail: { height } }));
    } else if (data.type === 'report-explorer:state') {
      const resolvers = waiting.get(iframe) ?? [];
      waiting.delete(iframe);
      for (const resolve of resolvers) resolve(data);
      iframe.dispatchEvent(new CustomEvent('report-explorer:state', { detail: data }));
    }
  });

  function send(iframe, message) {
    const origin = originOf(iframe);
    if (!origin || origin === 'null' || !iframe.contentWindow) {
      throw new Error('Report Explorer: the iframe has no http(s) src');
    }
    iframe.contentWindow.postMessage(message, origin);
  }

  window.ReportExplorer = Object.freeze({
    /** Replaces the explorer's filters; omitted keys are cleared. */
    setFilters(iframe, filters) {
      send(iframe, { type: 'report-explorer:set-filters', filters });
    },
    /** Sets the theme: "auto", "light" or "dark". */
    setTheme(iframe, theme) {
      send(iframe, { type: 'report-explorer:set-theme', theme });
    },
    /** Asks for the state; resolves with the answer, rejects after `timeoutMs`. */
    getState(iframe, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('Report Explorer: no answer')), timeoutMs);
        const list = waiting.get(iframe) ?? [];
        list.push((state) => {
          clearTimeout(timer);
          resolve(state);
        });
        waiting.set(iframe, list);
        send(iframe, { type: 'report-explorer:get-state' });
      });
    },
  });
})();
