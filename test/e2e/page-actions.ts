/**
 * What a trainee's hands do in the end-to-end tests: click a point of the topology canvas,
 * type lines at the focused terminal, read what a device's terminal shows. One copy for every
 * e2e file that drives the canvas and the consoles.
 */
import type { Page } from 'playwright-core';

/** A canvas-relative point in pixels. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Clicks (or double-clicks) `point` of the topology canvas. */
export async function clickCanvas(page: Page, point: Point, options: { double?: boolean } = {}): Promise<void> {
  const box = await page.getByTestId('topology-canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  if (options.double) await page.mouse.dblclick(box.x + point.x, box.y + point.y);
  else await page.mouse.click(box.x + point.x, box.y + point.y);
}

/** What a device's terminal shows (xterm's DOM rows), lines joined with '\n'. */
export async function screenText(page: Page, device: string): Promise<string> {
  const rows = await page.locator(`[data-testid="terminal-${device}"] .xterm-rows > div`).allTextContents();
  return rows.map((row) => row.replace(/\u00a0/g, ' ').trimEnd()).join('\n');
}

/** Types lines at the focused terminal, Enter after each (`delayMs` between keys). */
export async function typeLines(page: Page, lines: readonly string[], delayMs = 5): Promise<void> {
  for (const line of lines) {
    await page.keyboard.type(line, { delay: delayMs });
    await page.keyboard.press('Enter');
  }
}
