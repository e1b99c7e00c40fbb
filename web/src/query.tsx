// Data from the API through TanStack Query: a GET is a query keyed by its resource (the path's
// segments, then the query string and the language, since names of unit types etc. come back
// translated), cached, and shared by every component that shows it. Writes go through one pattern,
// useSubmit: api.ts adds the CSRF token, the Idempotency-Key and If-Match; the server's field
// problems go to the form; and a successful write marks the cached answers stale, so what is on
// screen is fetched again.
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { keepPreviousData, QueryClient, QueryClientProvider, useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { api, ApiError, type WriteOptions } from './api.ts';
import { fieldErrors, fieldId } from './components/FormErrors.tsx';
import { useI18n } from './i18n.tsx';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError;
  }
}

const queryClient = new QueryClient({
  defaultOptions: {
    // A refused or failed answer is shown as it is; the user decides when to try again.
    queries: { retry: false, refetchOnWindowFocus: false },
  },
});

/** Another user signed in or out, or changed role: nothing fetched for the one before is shown. */
export function forgetAnswers(): void {
  queryClient.clear();
}

export function QueryProvider({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}

/** '/api/people/1/case?before=x' → ['people', '1', 'case', '?before=x']: a prefix names a resource and all under it. */
export function resourceKey(url: string): QueryKey {
  const [path = '', search] = url.split('?');
  const segments = path.replace(/^\/api\//, '').split('/').filter(Boolean);
  return search ? [...segments, `?${search}`] : segments;
}

const asApiError = (error: unknown) => (error instanceof ApiError ? error : new ApiError(0, 'NETWORK', ''));

/**
 * A GET of the API (none while url is null). While another address or language loads, the last
 * answer stays on screen; QueryFallback (components/Status.tsx) shows loading and failure. Every
 * successful write through useSubmit fetches the answers on screen again.
 */
export function useApiQuery<T>(url: string | null) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: url === null ? ['none'] : [...resourceKey(url), lang],
    queryFn: () => api.get<T>(url!).catch((error: unknown) => Promise.reject(asApiError(error))),
    enabled: url !== null,
    // No address, no data: a part of the page that closed (a relay log the consent no longer opens) shows nothing.
    placeholderData: url === null ? undefined : keepPreviousData,
  });
}

interface PagedList {
  hasMore: boolean;
  nextCursor: string | null;
}

/**
 * A paged list (hasMore, nextCursor): the first page, and the next ones on request ("Vis flere",
 * components/ShowMore.tsx), sent back as `after`. A write fetches every page shown again.
 */
export function useApiPages<P extends PagedList, I>(url: string | null, itemsOf: (page: P) => I[]) {
  const { lang } = useI18n();
  const query = useInfiniteQuery({
    queryKey: url === null ? ['none'] : [...resourceKey(url), lang, 'pages'],
    queryFn: ({ pageParam }) =>
      api.get<P>(pageParam ? `${url!}${url!.includes('?') ? '&' : '?'}after=${encodeURIComponent(pageParam)}` : url!)
        .catch((error: unknown) => Promise.reject(asApiError(error))),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.hasMore && last.nextCursor ? last.nextCursor : undefined),
    enabled: url !== null,
  });
  const failedMore = query.isFetchNextPageError;
  return {
    first: query.data?.pages[0],
    items: query.data?.pages.flatMap(itemsOf) ?? [],
    isLoading: query.isLoading,
    error: failedMore ? null : query.error,
    more: {
      hasMore: query.hasNextPage,
      busy: query.isFetchingNextPage,
      error: failedMore ? query.error : null,
      loadMore: async () => {
        await query.fetchNextPage();
      },
    },
  };
}

/**
 * Every page of a paged list, followed while `hasMore`: for a picker, which must offer every row.
 * Only for lists the server bounds by the user's own involvement, never for open-ended ones.
 * `items` is null until the last page is in.
 */
export function useAllApiPages<P extends PagedList, I>(url: string | null, itemsOf: (page: P) => I[]) {
  const pages = useApiPages(url, itemsOf);
  const { hasMore, busy, error: moreError, loadMore } = pages.more;
  useEffect(() => {
    if (hasMore && !busy && !moreError) void loadMore();
  }, [hasMore, busy, moreError, loadMore]);
  const complete = pages.first !== undefined && !hasMore;
  return { items: complete ? pages.items : null, error: pages.error ?? moreError };
}

export interface Submit<T> {
  /** The method, address and body; the version read goes in the body or as ifMatch. */
  method?: 'POST' | 'PUT';
  url: string;
  body: unknown;
  options?: WriteOptions;
  /** The resources the write changes (prefixes of resourceKey); every cached answer by default. */
  invalidates?: QueryKey[];
  onDone?: (result: T) => void;
}

/**
 * The one way a form writes: sends it, keeps the server's problems per field for the form (and a
 * counter that refocuses the error summary on every attempt), and on success marks the changed
 * resources stale before onDone runs.
 */
export function useSubmit<T = unknown>(form: string) {
  const client = useQueryClient();
  const [attempt, setAttempt] = useState(0);
  const mutation = useMutation<unknown, ApiError, Submit<unknown>>({
    mutationFn: ({ method = 'POST', url, body, options }) =>
      (method === 'PUT' ? api.put(url, body, options) : api.post(url, body, options)).catch((error: unknown) => Promise.reject(asApiError(error))),
    onSuccess: async (_result, { invalidates }) => {
      if (invalidates) await Promise.all(invalidates.map((queryKey) => client.invalidateQueries({ queryKey })));
      else await client.invalidateQueries();
    },
    onError: () => setAttempt((a) => a + 1),
  });

  /** Sends; resolves with the answer (typed by the caller from common/contracts), or null when it failed (the error is then in `error`). */
  const send = async <R = T,>(submit: Submit<R>): Promise<R | null> => {
    try {
      const result = (await mutation.mutateAsync(submit as Submit<unknown>)) as R;
      submit.onDone?.(result);
      return result;
    } catch {
      return null;
    }
  };

  /** The forms' short form: prevents the page reload and sends. */
  const run = (event: FormEvent | null, url: string, body: unknown, onDone?: (result: T) => void, method: 'POST' | 'PUT' = 'POST') => {
    event?.preventDefault();
    return send<T>({ method, url, body, ...(onDone ? { onDone } : {}) });
  };

  const error = mutation.error;
  return {
    error, attempt, busy: mutation.isPending, send, run,
    errors: fieldErrors(error), id: (field: string) => fieldId(form, field),
  };
}
