'use client';

import { CombinedError, type OperationResult } from '@urql/next';
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}

export type Fetched<T> = { page: Page<T> } | { error: CombinedError };

/** An answer's page (picked from its data), or its error: what usePages expects of one fetch. */
export function pageOf<D, T>(result: OperationResult<D>, pick: (data: D) => Page<T>): Fetched<T> {
  if (result.data) return { page: pick(result.data) };
  return { error: result.error ?? new CombinedError({ networkError: new Error('empty answer') }) };
}

export interface Pages<T> {
  items: T[];
  hasMore: boolean;
  /** What is being fetched: the first page, or the next one. */
  loading: 'first' | 'more' | null;
  error: CombinedError | null;
  more(): void;
}

/**
 * A keyset-paged list (the API's `first`/`after`/`nextCursor`): the first page whenever `key`
 * (the filters) changes, then "Ver más" appends the next. Answers to a superseded key are dropped,
 * so a quick change of filter never shows the previous filter's rows. `key` null loads nothing.
 */
export function usePages<T>(key: string | null, fetchPage: (after: string | null) => Promise<Fetched<T>>): Pages<T> {
  const [state, setState] = useState<{ key: string | null; items: T[]; next: string | null; loading: Pages<T>['loading']; error: CombinedError | null }>({
    key,
    items: [],
    next: null,
    loading: key === null ? null : 'first',
    error: null,
  });
  const generation = useRef(0);
  const fetcher = useRef(fetchPage);
  useEffect(() => {
    fetcher.current = fetchPage;
  });

  const load = useCallback(async (after: string | null, mine: number) => {
    const answer = await fetcher.current(after);
    if (mine !== generation.current) return;
    if ('error' in answer) return setState((s) => ({ ...s, loading: null, error: answer.error }));
    setState((s) => ({ key: s.key, items: after === null ? answer.page.items : [...s.items, ...answer.page.items], next: answer.page.nextCursor ?? null, loading: null, error: null }));
  }, []);

  useEffect(() => {
    const mine = ++generation.current;
    if (key === null) return setState({ key, items: [], next: null, loading: null, error: null });
    setState({ key, items: [], next: null, loading: 'first', error: null });
    void load(null, mine);
  }, [key, load]);

  const more = useCallback(() => {
    if (state.next === null || state.loading) return;
    setState((s) => ({ ...s, loading: 'more' }));
    void load(state.next, generation.current);
  }, [state.next, state.loading, load]);

  // Between a new key's render and its effect, the state still holds the last key's rows: shown
  // as loading, never as the new key's answer (a screen reader would read the old results).
  if (state.key !== key) return { items: [], hasMore: false, loading: key === null ? null : 'first', error: null, more };
  return { items: state.items, hasMore: state.next !== null, loading: state.loading, error: state.error, more };
}

/**
 * "Ver más" appends rows and may itself disappear: focus goes to the first link of the first row
 * it added, so a keyboard user carries on reading where the new rows begin. Call `mark` before more().
 */
export function useFocusOnMore(count: number) {
  const body = useRef<HTMLTableSectionElement>(null);
  const from = useRef<number | null>(null);
  useEffect(() => {
    if (from.current === null || count <= from.current) return;
    body.current?.rows[from.current]?.querySelector('a')?.focus();
    from.current = null;
  }, [count]);
  return {
    body,
    mark: () => {
      from.current = count;
    },
  };
}
