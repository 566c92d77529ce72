/**
 * Grading on every core: a pool of worker_threads, one per core by default (`--jobs N`), each
 * taking the next job as soon as it is free. Results are put back in job order, so the output
 * does not depend on which thread finished first; each job is deterministic (grade-job.ts), so
 * any N gives the same rows as one. This thread is one of the N (it grades between messages),
 * so --jobs 2 starts one worker; with one job, or --jobs 1, no worker is started (a worker
 * costs a second or more to load and warm up). The pool lives in the CLI: sim-core stays free of Node.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { GradeRow } from '../commands/grade';
import { runGradeJob, type GradeJob } from './grade-job';

/** Threads to use: `--jobs` when given, else the cores of the machine. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

export async function gradeInPool(jobs: readonly GradeJob[], threads: number): Promise<GradeRow[]> {
  const count = Math.max(1, Math.min(threads, jobs.length));
  if (count <= 1) return jobs.map(runGradeJob);
  const rows: GradeRow[] = new Array<GradeRow>(jobs.length);
  let next = 0;
  const workers = Array.from({ length: count - 1 }, () => new Worker(new URL('./grade-worker.mjs', import.meta.url)));
  // This thread takes a job, grades it, and lets the event loop hand out work to the workers between jobs.
  const here = new Promise<void>((resolve, reject) => {
    const step = (): void => {
      if (next >= jobs.length) {
        resolve();
        return;
      }
      const id = next;
      next += 1;
      try {
        rows[id] = runGradeJob(jobs[id]!);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      setImmediate(step);
    };
    setImmediate(step);
  });
  try {
    await Promise.all([
      here,
      ...workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const take = (): void => {
              if (next >= jobs.length) {
                resolve();
                return;
              }
              const id = next;
              next += 1;
              worker.postMessage({ id, job: jobs[id] });
            };
            worker.on('message', (message: { readonly id: number; readonly row?: GradeRow; readonly error?: string }) => {
              if (message.error !== undefined || message.row === undefined) {
                reject(new Error(`grading ${jobs[message.id]?.work.path ?? message.id} failed in a worker: ${message.error ?? 'no result'}`));
                return;
              }
              rows[message.id] = message.row;
              take();
            });
            worker.on('error', reject);
            take();
          }),
      ),
    ]);
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return rows;
}
