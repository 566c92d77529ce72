/**
 * A splitter between two panes: drag it (pointer capture, so a fast drag never loses it) or
 * focus it and press the arrow keys to move it by 16 px, Home/End for its ends. It reports the
 * move as a distance from where the drag started plus the size of its container along the
 * axis, and the owner turns that into a size in the layout (pixels or a share).
 */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

export const SPLITTER_KEY_STEP_PX = 16;

interface Props {
  /** 'x': a vertical bar dragged left/right; 'y': a horizontal bar dragged up/down. */
  readonly axis: 'x' | 'y';
  readonly label: string;
  readonly className?: string;
  readonly testId?: string;
  /** Called with the distance from the drag's start (px, right/down positive) and the container's size along the axis. */
  onMove(deltaPx: number, containerPx: number, phase: 'start' | 'move' | 'end'): void;
  /** Home/End: the smallest or largest size. */
  onExtreme?(end: 'min' | 'max'): void;
}

export function Splitter({ axis, label, className, testId, onMove, onExtreme }: Props) {
  const drag = useRef<{ start: number; container: number } | null>(null);
  const containerSize = (element: HTMLElement) => {
    const box = (element.parentElement ?? element).getBoundingClientRect();
    return axis === 'x' ? box.width : box.height;
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    drag.current = { start: axis === 'x' ? event.clientX : event.clientY, container: containerSize(event.currentTarget) };
    event.currentTarget.setPointerCapture(event.pointerId);
    onMove(0, drag.current.container, 'start');
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current === null) return;
    onMove((axis === 'x' ? event.clientX : event.clientY) - drag.current.start, drag.current.container, 'move');
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current === null) return;
    onMove((axis === 'x' ? event.clientX : event.clientY) - drag.current.start, drag.current.container, 'end');
    drag.current = null;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const back = axis === 'x' ? 'ArrowLeft' : 'ArrowUp';
    const forward = axis === 'x' ? 'ArrowRight' : 'ArrowDown';
    if (event.key !== back && event.key !== forward && event.key !== 'Home' && event.key !== 'End') return;
    event.preventDefault();
    if (event.key === 'Home' || event.key === 'End') {
      onExtreme?.(event.key === 'Home' ? 'min' : 'max');
      return;
    }
    const container = containerSize(event.currentTarget);
    onMove(0, container, 'start');
    onMove(event.key === forward ? SPLITTER_KEY_STEP_PX : -SPLITTER_KEY_STEP_PX, container, 'end');
  };
  return (
    <div
      className={`splitter splitter--${axis}${className ? ` ${className}` : ''}`}
      role="separator"
      aria-orientation={axis === 'x' ? 'vertical' : 'horizontal'}
      aria-label={label}
      title={label}
      tabIndex={0}
      data-testid={testId}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}

/**
 * Turns a splitter's moves into a size: `measure` gives the pane's size when the drag starts
 * (a pane that follows the window has no stored size until it is dragged), `sign` says whether
 * a move right/down grows it (+1) or shrinks it (−1), and `apply` stores the new size.
 */
export function useSplitterDrag(measure: () => number, sign: 1 | -1, apply: (sizePx: number, containerPx: number) => void): Props['onMove'] {
  const start = useRef(0);
  return (deltaPx, containerPx, phase) => {
    if (phase === 'start') start.current = measure();
    apply(start.current + sign * deltaPx, containerPx);
  };
}
