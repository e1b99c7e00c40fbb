// The signed-in user (GET /api/auth/me), sign-in and sign-out, role switching, and keeping the
// server's language cookie in step with the UI language.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import type { Language, StaffRole } from '../../common/roles.ts';
import { api, setCsrfToken, setUnauthorizedHandler } from './api.ts';
import { needEveryText } from './messages.ts';
import { useI18n } from './i18n.tsx';
import { startPath } from './navigation.ts';
import { forgetAnswers } from './query.tsx';
import type { Me } from '../../common/contracts/identity.ts';

export type Notice = 'expired' | 'signedOut' | null;

const NO_ABILITIES: Me['abilities'] = { editTeams: false, readDevMailbox: false, seeEveryTeam: false, teamOverviews: false, indicatorsOnly: false };

interface Session {
  me: Me | null;
  loadFailed: boolean;
  notice: Notice;
  refresh: () => Promise<Me>;
  signInAs: (username: string) => Promise<void>;
  signOut: () => Promise<void>;
  switchRole: (role: StaffRole) => Promise<void>;
  changeLanguage: (lang: Language) => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const { lang, setLang } = useI18n();
  const navigate = useNavigate();
  const [me, setMe] = useState<Me | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const langRef = useRef(lang);
  langRef.current = lang;

  const refresh = useCallback(async () => {
    const next = await api.get<Me>('/api/auth/me');
    // A signed-in user's frame (notices, menus) and pages use texts beyond the public pages'.
    if (next.principal) await needEveryText();
    forgetAnswers();
    setCsrfToken(next.csrfToken);
    setMe(next);
    return next;
  }, []);

  useEffect(() => {
    refresh()
      .then(async (loaded) => {
        // The server answers in the language of its cookie; make it follow the UI.
        if (loaded.language !== langRef.current) {
          await api.put('/api/auth/language', { language: langRef.current }).catch(() => undefined);
        }
      })
      .catch(() => setLoadFailed(true));
  }, [refresh]);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      forgetAnswers();
      setMe((current) => (current ? { ...current, principal: null, csrfToken: null, pages: [], menu: [], abilities: NO_ABILITIES } : current));
      setNotice('expired');
      void navigate('/', { replace: true });
    });
    return () => setUnauthorizedHandler(null);
  }, [navigate]);

  const signInAs = useCallback(async (username: string) => {
    await api.post('/api/auth/dev-login', { username });
    const next = await refresh();
    setNotice(null);
    if (next.principal) void navigate(startPath(next));
  }, [refresh, navigate]);

  const signOut = useCallback(async () => {
    await api.post('/api/auth/logout').catch(() => undefined);
    await refresh().catch(() => undefined);
    setNotice('signedOut');
    void navigate('/');
  }, [refresh, navigate]);

  const switchRole = useCallback(async (role: StaffRole) => {
    await api.post('/api/auth/role', { role });
    const next = await refresh();
    if (next.principal) void navigate(startPath(next));
  }, [refresh, navigate]);

  const changeLanguage = useCallback(async (next: Language) => {
    // The cookie first, so that data fetched again in the new language comes back in it.
    await api.put('/api/auth/language', { language: next }).catch(() => undefined);
    await setLang(next);
  }, [setLang]);

  const value = useMemo<Session>(
    () => ({ me, loadFailed, notice, refresh, signInAs, signOut, switchRole, changeLanguage }),
    [me, loadFailed, notice, refresh, signInAs, signOut, switchRole, changeLanguage],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSession outside SessionProvider');
  return context;
}
