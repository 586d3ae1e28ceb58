/**
 * Which indicator page is open, kept in the address's fragment (#indicator/plan/id), so that
 * the browser's back button, a bookmark and a link opened in a new tab all work.
 */
import { useEffect, useState } from "react";

const PREFIX = "#indicator/";

export interface OpenedIndicator {
  readonly plan: string;
  readonly indicator: string;
}

export function indicatorHref(plan: string, indicator: string): string {
  return `${PREFIX}${encodeURIComponent(plan)}/${encodeURIComponent(indicator)}`;
}

/** The fragment the back link leads to: the dashboard, at no element in particular. */
export const OVERVIEW_HREF = "#overzicht";

function openedBy(hash: string): OpenedIndicator | null {
  if (!hash.startsWith(PREFIX)) return null;
  try {
    const [plan, indicator] = hash.slice(PREFIX.length).split("/").map(decodeURIComponent);
    return plan && indicator ? { plan, indicator } : null;
  } catch {
    // A fragment typed by hand may not decode; it then opens nothing.
    return null;
  }
}

/**
 * The indicator page that is open, if any, and the indicator whose page was just left, so the
 * dashboard can give its link the focus back.
 */
export function useOpenedIndicator(): { opened: OpenedIndicator | null; left: string | null } {
  const [state, setState] = useState(() => ({ hash: location.hash, left: null as string | null }));
  useEffect(() => {
    const follow = () =>
      setState((before) => ({
        hash: location.hash,
        left: openedBy(before.hash)?.indicator ?? null,
      }));
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, []);
  return { opened: openedBy(state.hash), left: state.left };
}
