import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { actionFor, type ShortcutAction } from './keymap';
import { ShortcutsDialog } from './components/ShortcutsDialog';

/** Returns false when the action means nothing where it is registered now, so an older registration gets it. */
type Handler = () => void | boolean;
type Registry = { register(action: ShortcutAction, handler: Handler): () => void; openHelp(): void };

const ShortcutsContext = createContext<Registry | null>(null);

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
  return target.isContentEditable || target instanceof HTMLTextAreaElement;
}

/**
 * One keydown listener for the app. Screens register what an action means where they are (the newest
 * registration wins, so the case view's "reply" beats nothing registered by the queue).
 */
export function ShortcutsProvider({ children }: { children: ReactNode }) {
  const handlers = useRef(new Map<ShortcutAction, Handler[]>());
  const [isHelpOpen, setHelpOpen] = useState(false);
  // The closed dialog renders nothing but costs its components' work in the queue's first render (issue
  // 6): it mounts on first open and stays mounted so later closes keep their exit transition.
  const [hasHelpOpened, setHelpOpened] = useState(false);
  if (isHelpOpen && !hasHelpOpened) setHelpOpened(true);

  const register = useCallback((action: ShortcutAction, handler: Handler) => {
    const list = handlers.current.get(action) ?? [];
    handlers.current.set(action, [...list, handler]);
    return () => {
      const current = handlers.current.get(action) ?? [];
      handlers.current.set(
        action,
        current.filter((candidate) => candidate !== handler),
      );
    };
  }, []);
  const openHelp = useCallback(() => setHelpOpen(true), []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const action = actionFor(event, isTextField(event.target));
      if (action === null) return;
      if (action === 'help') {
        event.preventDefault();
        setHelpOpen(true);
        return;
      }
      // Newest first: a parent registers after its children mount, so "newest" is not always "innermost".
      for (const handler of [...(handlers.current.get(action) ?? [])].reverse()) {
        if (handler() !== false) {
          event.preventDefault();
          return;
        }
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const value = useMemo(() => ({ register, openHelp }), [register, openHelp]);
  return (
    <ShortcutsContext.Provider value={value}>
      {children}
      {(isHelpOpen || hasHelpOpened) && <ShortcutsDialog open={isHelpOpen} onClose={() => setHelpOpen(false)} />}
    </ShortcutsContext.Provider>
  );
}

/** Binds an action to a handler while the calling component is mounted. */
export function useShortcut(action: ShortcutAction, handler: Handler): void {
  const registry = useContext(ShortcutsContext);
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => registry?.register(action, () => latest.current()), [registry, action]);
}

export function useShortcutHelp(): () => void {
  return useContext(ShortcutsContext)?.openHelp ?? (() => undefined);
}
