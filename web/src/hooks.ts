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

interface PagedList {
  hasMore: boolean;
  nextCursor: string | null;
}

/**
 * The pages after the first of a paged list, loaded on request ("Vis flere") and shown after it.
 * They belong to the first page they were loaded after: a reloaded first page starts over.
 */
export function useMorePages<P extends PagedList, I>(url: string, first: P | null, itemsOf: (page: P) => I[]) {
  const [more, setMore] = useState<{ after: P; items: I[]; cursor: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const current = first && more?.after === first ? more : null;
  const cursor = current ? current.cursor : (first?.nextCursor ?? null);
  const loadMore = async () => {
    if (!first || !cursor) return;
    setBusy(true);
    setError(null);
    try {
      const page = await api.get<P>(`${url}${url.includes('?') ? '&' : '?'}after=${encodeURIComponent(cursor)}`);
      setMore({ after: first, items: [...(current?.items ?? []), ...itemsOf(page)], cursor: page.nextCursor });
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'NETWORK', ''));
    } finally {
      setBusy(false);
    }
  };
  return { items: first ? [...itemsOf(first), ...(current?.items ?? [])] : [], hasMore: cursor !== null, busy, error, loadMore };
}

/**
 * Every page of a paged list, followed while `hasMore`: for a picker, which must offer every row.
 * Only for lists the server bounds by the user's own involvement, never for open-ended ones.
 */
export function useAllPages<P extends PagedList, I>(url: string, itemsOf: (page: P) => I[]): { items: I[] | null; error: ApiError | null } {
  const { lang } = useI18n();
  const [state, setState] = useState<{ items: I[] | null; error: ApiError | null }>({ items: null, error: null });
  // The caller's function is read when the pages arrive; it does not restart the loading.
  const [read] = useState(() => itemsOf);
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const items: I[] = [];
      let after: string | null = null;
      try {
        do {
          const page: P = await api.get<P>(after === null ? url : `${url}${url.includes('?') ? '&' : '?'}after=${encodeURIComponent(after)}`);
          items.push(...read(page));
          after = page.hasMore ? page.nextCursor : null;
        } while (after !== null && !cancelled);
        if (!cancelled) setState({ items, error: null });
      } catch (error) {
        if (!cancelled) setState({ items: null, error: error instanceof ApiError ? error : new ApiError(0, 'NETWORK', '') });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [url, lang, read]);
  return state;
}
