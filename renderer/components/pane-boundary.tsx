/**
 * A React error boundary around one pane (canvas, consoles, packet inspector, scenario pane,
 * simulation panel): a bug that throws while a pane renders leaves the rest of the app running
 * and the lab untouched, and the pane shows what happened in both languages with a button that
 * draws it again. The error goes to the console for a bug report; nothing is sent anywhere.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type PaneName = 'canvas' | 'console' | 'inspector' | 'scenario' | 'simulation';

interface Props {
  readonly pane: PaneName;
  readonly children: ReactNode;
  /** Extra class for the message box (so it fills the pane's place in the layout). */
  readonly className?: string;
}

interface State {
  readonly error: Error | null;
  /** Bumped by Try again: the children mount afresh. */
  readonly attempt: number;
}

function PaneFailure({ pane, error, onRetry, className }: { pane: PaneName; error: Error; onRetry: () => void; className?: string }) {
  const { t, i18n } = useTranslation();
  // Both languages, the current one first: a trainee and the instructor helping both read it.
  const languages = i18n.language === 'en' ? (['en', 'vi'] as const) : (['vi', 'en'] as const);
  return (
    <div className={`pane-failure${className ? ` ${className}` : ''}`} role="alert" data-testid={`pane-failure-${pane}`}>
      {languages.map((lng) => (
        <p key={lng} lang={lng} className="pane-failure__message">
          <strong>{t('pane.failed', { lng, pane: t(`pane.${pane}`, { lng }) })}</strong> {t('pane.failedDetail', { lng })}
        </p>
      ))}
      <p className="pane-failure__detail">{error.message}</p>
      <button type="button" className="button button--primary" onClick={onRetry} data-testid={`pane-retry-${pane}`}>
        {t('pane.retry')}
      </button>
    </div>
  );
}

export class PaneBoundary extends Component<Props, State> {
  override state: State = { error: null, attempt: 0 };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.warn(`V6Lab: the ${this.props.pane} pane failed`, error, info.componentStack);
  }

  private readonly retry = () => this.setState((state) => ({ error: null, attempt: state.attempt + 1 }));

  override render(): ReactNode {
    if (this.state.error !== null) return <PaneFailure pane={this.props.pane} error={this.state.error} onRetry={this.retry} className={this.props.className} />;
    return <PaneAttempt key={this.state.attempt}>{this.props.children}</PaneAttempt>;
  }
}

function PaneAttempt({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
