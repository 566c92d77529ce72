/**
 * The simulation controls' icons as inline SVG (no icon font: nothing is fetched, and the
 * system fonts lack the media-control glyphs on some machines).
 */
const common = { width: 14, height: 14, viewBox: '0 0 14 14', 'aria-hidden': true, focusable: false } as const;

export function StepBackIcon() {
  return (
    <svg {...common}>
      <rect x="1.5" y="2" width="2" height="10" rx="0.5" fill="currentColor" />
      <path d="M12.5 2.5v9L5 7z" fill="currentColor" />
    </svg>
  );
}

export function StepForwardIcon() {
  return (
    <svg {...common}>
      <path d="M1.5 2.5v9L9 7z" fill="currentColor" />
      <rect x="10.5" y="2" width="2" height="10" rx="0.5" fill="currentColor" />
    </svg>
  );
}

export function PlayIcon() {
  return (
    <svg {...common}>
      <path d="M3 1.8v10.4L12 7z" fill="currentColor" />
    </svg>
  );
}

export function PauseIcon() {
  return (
    <svg {...common}>
      <rect x="2.5" y="2" width="3" height="10" rx="0.6" fill="currentColor" />
      <rect x="8.5" y="2" width="3" height="10" rx="0.6" fill="currentColor" />
    </svg>
  );
}
