import type { IdType } from '../../graphql/generated/client/graphql';
import type { Lookup } from './lookup';

/**
 * What survives Back and a reload within the tab: the last lookup's answer and what was typed.
 * Kept in sessionStorage (this tab only, gone when it closes, never sent to a server) rather
 * than in the URL or in history.state, which browsers write into their session files: the
 * history entries carry only which screen they are ("results", "detail" and a handle).
 * Replaced by each new search and dropped once its handles have expired.
 */
export interface SavedLookup {
  idType: IdType;
  idNumber: string;
  lookup: Lookup;
  /** A detail's order number, when LOOKUP_SECOND_FACTOR asked for one, by handle. */
  orderNumbers: Record<string, string>;
}

const KEY = 'ssps.consulta';

export function readSaved(): SavedLookup | null {
  try {
    const raw = window.sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as SavedLookup) : null;
  } catch {
    return null;
  }
}

export function save(saved: SavedLookup): void {
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify(saved));
  } catch {
    // Storage refused (private mode, quota): Back then costs a new search, nothing worse.
  }
}

export function forget(): void {
  try {
    window.sessionStorage.removeItem(KEY);
  } catch {
    // Nothing stored.
  }
}

/** True while the saved lookup's handles still open a detail. */
export function live(saved: SavedLookup, now = Date.now()): boolean {
  const at = saved.lookup.handlesExpireAt;
  return typeof at === 'string' && new Date(at).getTime() > now + 5_000;
}

/** The screen a history entry is: its state holds nothing personal. */
export type Screen = { consulta: 'results' } | { consulta: 'detail'; handle: string };

export function screenOf(state: unknown): Screen | null {
  if (!state || typeof state !== 'object' || !('consulta' in state)) return null;
  const s = state as { consulta?: unknown; handle?: unknown };
  if (s.consulta === 'results') return { consulta: 'results' };
  if (s.consulta === 'detail' && typeof s.handle === 'string') return { consulta: 'detail', handle: s.handle };
  return null;
}
