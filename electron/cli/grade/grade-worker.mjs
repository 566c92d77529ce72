// A grading worker thread: register tsx so the worker can load the TypeScript module, then run it.
import { register } from 'tsx/esm/api';

register();
await import(new URL('./grade-worker-main.ts', import.meta.url).href);
