/**
 * The body of a grading worker thread (started through grade-worker.mjs): answers each
 * `{ id, job }` message with `{ id, row }`, or `{ id, error }` when grading threw (a V6Lab bug).
 */
import { parentPort } from 'node:worker_threads';
import { runGradeJob, type GradeJob } from './grade-job';

parentPort?.on('message', (message: { readonly id: number; readonly job: GradeJob }) => {
  try {
    parentPort?.postMessage({ id: message.id, row: runGradeJob(message.job) });
  } catch (error) {
    parentPort?.postMessage({ id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
