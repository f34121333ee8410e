/*
 * One thread of the export pool (pool.ts). The tasks are TypeScript, so tsx compiles them in this thread,
 * whatever started the process: `npm start` (tsx) or the tests (Vitest). The pool starts its threads
 * without the parent's node flags, so tsx is registered here exactly once.
 *
 * Exports are background work: the thread lowers its own scheduling priority (nice EXPORT_NICE), so that
 * on a busy machine the event loop that answers people gets the CPU first and an export waits instead (on
 * Linux the nice value belongs to the thread; elsewhere, where it would lower the whole process, it is left).
 */
import os from 'node:os';
import { register } from 'tsx/esm/api';

export const EXPORT_NICE = 10;
if (process.platform === 'linux') os.setPriority(EXPORT_NICE);

register();
const tasks = await import('./tasks.ts');

export default tasks.runExportTask;
