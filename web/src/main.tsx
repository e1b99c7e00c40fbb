import '@digdir/designsystemet-css';
import '@digdir/designsystemet-theme/digdir.css';
import './styles.css';
// The design system's custom elements (details, fields, error summary, …) for every page.
import '@digdir/designsystemet-web';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App.tsx';
import { booted } from './boot.ts';
import { LanguageProvider } from './i18n.tsx';
import { SessionProvider } from './session.tsx';

// The first render has the language's texts and the page's chunk at hand (boot.ts).
void booted.then(() => {
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
});
