/**
 * The event list's rows, outside React: batches append here (one version bump per batch), a
 * reset cuts the rows back, and views subscribe to the version and read the rows they show.
 * Rows are kept up to a cap (the oldest are forgotten); `seq` numbers stay those of the trace.
 */
import type { RowClass, TraceRow } from './sim-protocol';

export const MAX_TIMELINE_ROWS = 100_000;

export class TimelineBuffer {
  private rows: TraceRow[] = [];
  private listeners = new Set<() => void>();
  private versionNumber = 0;
  /** Rows the worker made but did not send (floods). */
  omitted = 0;
  /** The last step's rows: [firstSeq, endSeq). */
  lastStep: { readonly firstSeq: number; readonly endSeq: number } | null = null;

  constructor(private readonly maxRows = MAX_TIMELINE_ROWS) {}

  get version(): number {
    return this.versionNumber;
  }

  get size(): number {
    return this.rows.length;
  }

  all(): readonly TraceRow[] {
    return this.rows;
  }

  append(rows: readonly TraceRow[], omitted = 0, step?: { readonly firstSeq: number; readonly endSeq: number }): void {
    if (rows.length === 0 && omitted === 0 && step === undefined) return;
    for (const row of rows) this.rows.push(row);
    if (this.rows.length > this.maxRows) this.rows = this.rows.slice(this.rows.length - this.maxRows);
    this.omitted += omitted;
    if (step !== undefined) this.lastStep = step;
    this.bump();
  }

  /** Forgets rows from `seq` on (a replay or a new session). */
  truncate(seq: number): void {
    const index = this.rows.findIndex((row) => row.seq >= seq);
    if (index >= 0) this.rows = this.rows.slice(0, index);
    if (seq === 0) this.omitted = 0;
    this.lastStep = null;
    this.bump();
  }

  /** The row numbered `seq`, if kept. */
  find(seq: number): TraceRow | undefined {
    const first = this.rows[0];
    if (first === undefined) return undefined;
    const guess = this.rows[seq - first.seq];
    if (guess?.seq === seq) return guess;
    return this.rows.find((row) => row.seq === seq);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private bump(): void {
    this.versionNumber++;
    for (const listener of this.listeners) listener();
  }
}

/** The rows a filter lets through (hidden classes removed), in order. */
export function filterRows(rows: readonly TraceRow[], hidden: readonly RowClass[]): TraceRow[] {
  if (hidden.length === 0) return rows.slice();
  const hiddenSet = new Set(hidden);
  return rows.filter((row) => !hiddenSet.has(row.frameClass));
}
