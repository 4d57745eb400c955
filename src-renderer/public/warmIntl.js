/* global document, Worker, close */
// A page's first Intl formatter pays for ICU's one-time set-up (15-25 ms in Chromium), which otherwise
// lands in the queue's first render (counts, dates and SLA countdowns). ICU's data caches belong to the
// process, so a worker that builds throwaway formatters warms them for the page too, on another thread:
// on a warm load the modules are ready as this runs, and warming on the main thread would delay them.
// This one file is both the page's async classic script and the worker it starts. Nothing is kept: the
// app builds its own formatters per locale (src-renderer/i18n/format.ts).
function warmIntl() {
  new Intl.NumberFormat().format(0);
  new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(0);
  new Intl.ListFormat(undefined, { type: 'unit', style: 'narrow' }).format(['0']);
}

if (typeof document === 'undefined') {
  warmIntl();
  close();
} else {
  try {
    // Where a worker may not start (a file: page without access to its own files), warm here instead.
    new Worker(document.currentScript.src).addEventListener('error', warmIntl);
  } catch {
    warmIntl();
  }
}
