// A classic script, run while the module scripts are still downloading (the main thread is idle then):
// a page's first Intl formatter pays for ICU's one-time set-up (15-25 ms in Chromium), which otherwise
// lands in the queue's first render (counts, dates and SLA countdowns). Nothing here is kept: the app
// builds its own formatters per locale (src-renderer/i18n/format.ts).
new Intl.NumberFormat().format(0);
new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(0);
new Intl.ListFormat(undefined, { type: 'unit', style: 'narrow' }).format(['0']);
