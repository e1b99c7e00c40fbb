// The design system's custom elements this app's components use, in place of the package's index
// (vite.config.ts resolves '@digdir/designsystemet-web' here, for our imports and the React
// components' alike). The index would also register the combobox, tabs, tooltips, popovers and
// their positioning library, which no page shows, and every page would download them. A component
// that needs another element (Suggestion, Tabs, Tooltip, Popover, Dialog, Pagination, Breadcrumbs)
// gets its import added here.
import '@digdir/designsystemet-web/clickdelegatefor';
import '@digdir/designsystemet-web/details';
import '@digdir/designsystemet-web/ds-error-summary';
import '@digdir/designsystemet-web/ds-field';
import '@digdir/designsystemet-web/fieldset';
import '@digdir/designsystemet-web/focusgroup';
import '@digdir/designsystemet-web/invokers';
import '@digdir/designsystemet-web/readonly';

// What the React components import by name. The modules behind them register their elements too, so
// vite.config.ts marks them free of side effects: a page that shows none of those components drops them.
export { DSErrorSummaryElement } from '@digdir/designsystemet-web/ds-error-summary';
export { DSFieldElement } from '@digdir/designsystemet-web/ds-field';
export { DSBreadcrumbsElement } from '@digdir/designsystemet-web/ds-breadcrumbs';
export { DSPaginationElement, pagination } from '@digdir/designsystemet-web/ds-pagination';
export { DSSuggestionElement } from '@digdir/designsystemet-web/ds-suggestion';
export { DSTabElement, DSTabListElement, DSTabPanelElement } from '@digdir/designsystemet-web/ds-tabs';
