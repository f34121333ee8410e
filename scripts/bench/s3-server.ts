import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { StorageSetup } from '../../src/platform/storage-create.js';

/*
 * `--s3`: an S3-compatible store for the bench's Sinovik (s3rver, as the tests use), in a child process of
 * its own so that serving the objects does not take the load generator's event loop. Run as a script it
 * starts the store and prints its environment on one line; `startBenchS3` is the bench's side.
 */

export interface BenchS3 {
  /** STORAGE=s3 and the S3_… variables for the server. */
  env: Record<string, string>;
  /** The same bucket as the bench reads it back (the lost-writes check). */
  storage: StorageSetup['storage'];
  pid: number;
  /** Its port and bucket: give them back to `startBenchS3` to bring the same store up again. */
  port: number;
  bucket: string;
  stop: () => Promise<void>;
}

/**
 * Starts the store in `directory`; with `again` (the port and bucket of one stopped before over the same
 * folder) the same store comes back with its objects, at the address the server already uses.
 */
export async function startBenchS3(
  directory: string,
  again?: { port: number; bucket: string },
): Promise<BenchS3> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    env: {
      ...process.env,
      BENCH_S3_DIR: directory,
      ...(again ? { BENCH_S3_PORT: String(again.port), BENCH_S3_BUCKET: again.bucket } : {}),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    const rl = readline.createInterface({ input: child.stdout! });
    rl.once('line', (l) => {
      rl.close();
      resolve(l);
    });
    child.once('exit', (code) => reject(new Error(`the bench's S3 store exited with ${code}`)));
  });
  const env = (JSON.parse(line) as { env: Record<string, string> }).env;
  return {
    env,
    storage: {
      kind: 's3',
      endpoint: env.S3_ENDPOINT!,
      region: env.S3_REGION!,
      bucket: env.S3_BUCKET!,
      accessKeyId: env.S3_ACCESS_KEY_ID!,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
      forcePathStyle: true,
      prefix: '',
    },
    pid: child.pid!,
    port: Number(new URL(env.S3_ENDPOINT!).port),
    bucket: env.S3_BUCKET!,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { startS3 } = await import('../../test/helpers/s3.js');
  const s3 = await startS3({
    directory: process.env.BENCH_S3_DIR,
    ...(process.env.BENCH_S3_PORT ? { port: Number(process.env.BENCH_S3_PORT) } : {}),
    ...(process.env.BENCH_S3_BUCKET ? { bucket: process.env.BENCH_S3_BUCKET } : {}),
  });
  process.stdout.write(`${JSON.stringify({ env: s3.env })}\n`);
  process.on('SIGTERM', () => {
    void s3.close().then(() => process.exit(0));
  });
}
