import '@digdir/designsystemet-css';
import '@digdir/designsystemet-theme/digdir.css';
import './styles.css';
// The design system's custom elements (details, fields, error summary, …) for every page: the
// ones this app uses (design-elements.ts, which vite.config.ts puts in the package's place).
import '@digdir/designsystemet-web';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App.tsx';
import { booted } from './boot.ts';
import { LanguageProvider } from './i18n.tsx';
import { QueryProvider } from './query.tsx';
import { SessionProvider } from './session.tsx';

// The first render has the language's texts and the page's chunk at hand (boot.ts).
void booted.then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <LanguageProvider>
        <BrowserRouter>
          <QueryProvider>
            <SessionProvider>
              <App />
            </SessionProvider>
          </QueryProvider>
        </BrowserRouter>
      </LanguageProvider>
    </StrictMode>,
  );
});
