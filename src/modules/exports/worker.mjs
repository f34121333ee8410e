/*
 * One thread of the export pool (pool.ts). The tasks are TypeScript, so tsx compiles them in this thread,
 * whatever started the process: `npm start` (tsx) or the tests (Vitest). The pool starts its threads
 * without the parent's node flags, so tsx is registered here exactly once.
 */
import { register } from 'tsx/esm/api';

register();
const tasks = await import('./tasks.ts');

export default tasks.runExportTask;
