import { Component, type ReactNode } from 'react';

type Props = { fallback: (message: string) => ReactNode; children: ReactNode };
type State = { message: string | null };

/**
 * Market data can be incomplete (a region a pack does not know yet); one panel failing must never take
 * the whole case view, and the agent's draft with it, down.
 */
export class PanelErrorBoundary extends Component<Props, State> {
  override state: State = { message: null };

  static getDerivedStateFromError(error: unknown): State {
    return { message: error instanceof Error ? error.message : String(error) };
  }

  override render(): ReactNode {
    return this.state.message === null ? this.props.children : this.props.fallback(this.state.message);
  }
}
