// Before the first render: fetches the language's texts and the first page's chunk side by side,
// rather than one after the other as React would reach them.
import { initialLanguage, loadMessages } from './messages.ts';
import { loaderFor, loadPage } from './routes.ts';

/** Settles once both have arrived (or failed: the page then shows the error itself). */
export const booted: Promise<unknown> = Promise.all([
  loadMessages(initialLanguage()).catch(() => undefined),
  loadPage(loaderFor(window.location.pathname)).catch(() => undefined),
]);
