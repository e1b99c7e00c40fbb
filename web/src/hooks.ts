import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from './api.ts';
import { useI18n } from './i18n.tsx';

export interface Loaded<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/** GETs a URL, again when the language changes (names of unit types etc. come translated). */
export function useApi<T>(url: string | null): Loaded<T> {
  const { lang } = useI18n();
  const [state, setState] = useState<{ data: T | null; error: ApiError | null; loading: boolean }>({ data: null, error: null, loading: url !== null });
  const [counter, setCounter] = useState(0);
  const reload = useCallback(() => setCounter((c) => c + 1), []);

  useEffect(() => {
    if (url === null) return;
    let cancelled = false;
    setState((s) => ({ ...s, loading: true }));
    api
      .get<T>(url)
      .then((data) => {
        if (!cancelled) setState({ data, error: null, loading: false });
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ data: null, error: error instanceof ApiError ? error : new ApiError(0, 'NETWORK', ''), loading: false });
      });
    return () => {
      cancelled = true;
    };
  }, [url, lang, counter]);

  return { ...state, reload };
}
