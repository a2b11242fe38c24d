/**
 * A list that is one Tab stop: arrow keys move inside it (up/down between items, left/right
 * between an item's controls, Home/End), and only the current control is tabbable.
 */
import { useCallback, useRef, useState, type KeyboardEvent } from "react";

interface Position {
  item: number;
  sub: number;
}

export function useRovingFocus<T extends HTMLElement>(itemCount: number, resetKey: unknown) {
  const listRef = useRef<T>(null);
  const [state, setState] = useState<Position & { key: unknown }>({ item: 0, sub: 0, key: resetKey });
  // A new page or filter starts at its first item.
  const pos: Position = state.key === resetKey ? state : { item: 0, sub: 0 };
  const setPos = useCallback((p: Position) => setState({ ...p, key: resetKey }), [resetKey]);

  const elementAt = (item: number, sub: number) => listRef.current?.querySelector<HTMLElement>(`[data-rove="${item}:${sub}"]`) ?? null;
  const focusAt = useCallback((item: number, sub: number) => {
    const el = listRef.current?.querySelector<HTMLElement>(`[data-rove="${item}:${sub}"]`);
    if (!el) return;
    setPos({ item, sub });
    el.focus();
    el.scrollIntoView?.({ block: "nearest" });
  }, [setPos]);

  const onKeyDown = (e: KeyboardEvent) => {
    const last = itemCount - 1;
    const moves: Record<string, () => Position> = {
      ArrowDown: () => ({ item: Math.min(pos.item + 1, last), sub: 0 }),
      ArrowUp: () => ({ item: Math.max(pos.item - 1, 0), sub: 0 }),
      Home: () => ({ item: 0, sub: 0 }),
      End: () => ({ item: last, sub: 0 }),
      ArrowRight: () => ({ item: pos.item, sub: elementAt(pos.item, pos.sub + 1) ? pos.sub + 1 : pos.sub }),
      ArrowLeft: () => ({ item: pos.item, sub: Math.max(pos.sub - 1, 0) }),
    };
    const move = moves[e.key];
    if (!move || itemCount === 0) return;
    e.preventDefault();
    const next = move();
    focusAt(next.item, next.sub);
  };

  /** Props of the control `sub` of item `item`. */
  const rove = (item: number, sub: number) => ({
    "data-rove": `${item}:${sub}`,
    tabIndex: pos.item === item && pos.sub === sub ? 0 : -1,
    onFocus: () => setPos({ item, sub }),
  });

  /** Focus and show the first item (after paging). */
  const focusFirst = useCallback(() => {
    const el = listRef.current?.querySelector<HTMLElement>(`[data-rove="0:0"]`);
    if (!el) return;
    setPos({ item: 0, sub: 0 });
    el.focus({ preventScroll: true });
    el.scrollIntoView?.({ block: "start" });
  }, [setPos]);

  return { listRef, onKeyDown, rove, focusFirst };
}
