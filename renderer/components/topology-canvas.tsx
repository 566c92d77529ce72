/**
 * The cytoscape adapter: one cytoscape instance, created when the component mounts and
 * destroyed when it unmounts. React renders the container once and never again (memo, no
 * props); later, store changes will be turned into cytoscape calls here and cytoscape's native
 * events into store actions, without going through React renders.
 */
import cytoscape, { type Core } from 'cytoscape';
import { memo, useEffect, useRef } from 'react';

/** The canvas look, matched to the app's light theme (styles/app.css). */
const canvasStyle: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      'background-color': '#ffffff',
      'border-color': '#3b6fd8',
      'border-width': 1.5,
      label: 'data(label)',
      color: '#1f2933',
      'font-size': 12,
      'text-valign': 'bottom',
      'text-margin-y': 6,
      width: 44,
      height: 44,
    },
  },
  { selector: 'edge', style: { width: 2, 'line-color': '#8a97a8', 'curve-style': 'bezier' } },
  { selector: ':selected', style: { 'border-color': '#1747a6', 'border-width': 3, 'line-color': '#1747a6' } },
];

function TopologyCanvasView({ onReady }: { onReady?: (cy: Core) => void }) {
  const containerRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const cy = cytoscape({
      container,
      elements: [],
      style: canvasStyle,
      minZoom: 0.25,
      maxZoom: 4,
      wheelSensitivity: 0.3,
      boxSelectionEnabled: true,
    });
    // Keep the drawing surface in step with the layout (window resize, palette width).
    const observer = new ResizeObserver(() => cy.resize());
    observer.observe(container);
    onReady?.(cy);
    return () => {
      observer.disconnect();
      cy.destroy();
    };
    // Created once: onReady is read at mount only.
  }, []);

  return <div ref={containerRef} className="topology-canvas__surface" data-testid="topology-canvas" />;
}

export const TopologyCanvas = memo(TopologyCanvasView, () => true);
