import '@digdir/designsystemet-css';
import '@digdir/designsystemet-theme/digdir.css';
import './styles.css';
// The design system's custom elements (details, fields, error summary, …) for every page.
import '@digdir/designsystemet-web';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App, preloadPage } from './App.tsx';
import { initialLanguage, LanguageProvider, loadMessages } from './i18n.tsx';
import { SessionProvider } from './session.tsx';

// The texts of the language and the chunk of the first page are fetched at once, side by side,
// rather than one after the other as React reaches them.
loadMessages(initialLanguage()).catch(() => undefined);
preloadPage(window.location.pathname);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LanguageProvider>
      <BrowserRouter>
        <SessionProvider>
          <App />
        </SessionProvider>
      </BrowserRouter>
    </LanguageProvider>
  </StrictMode>,
);
