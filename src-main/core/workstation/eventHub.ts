import type { EventName, EventPayload } from '../../../src-shared/contract/workstation';
import type { EmitEvent } from './syncConnection';

type Listener = (payload: unknown) => void;

/** The workstation's events for the renderer: one instance per workstation, no globals, so it can live in a worker. */
export function createEventHub() {
  const listeners = new Map<EventName, Set<Listener>>();

  const emit: EmitEvent = (event, payload) => {
    for (const listener of listeners.get(event) ?? []) {
      try {
        listener(payload);
      } catch {
        // A failing listener must not break the write that caused the event, nor other listeners.
      }
    }
  };

  function subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    const set = listeners.get(event) ?? new Set<Listener>();
    listeners.set(event, set);
    const wrapped: Listener = (payload) => listener(payload as EventPayload<E>);
    set.add(wrapped);
    return () => {
      set.delete(wrapped);
    };
  }

  return { emit, subscribe, clear: () => listeners.clear() };
}
