import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';

/*
 * A real S3-compatible server (s3rver) on 127.0.0.1 for the tests: in this process, its objects in a
 * folder of its own. `startS3()` gives one with a bucket and the environment an app needs to use it
 * (STORAGE=s3 …); `SINOVIK_TEST_STORAGE=s3` makes every `createTestApp` use one (test/helpers/app.ts).
 */

export interface S3Server {
  /** STORAGE=s3 and the S3_… variables for `createTestApp({ env })` / `loadConfig`. */
  env: Record<string, string>;
  bucket: string;
  port: number;
  directory: string;
  /** A client of the server, for a test to look into the bucket. */
  client: S3Client;
  /** Another bucket on the same server, with its environment. */
  newBucket(): Promise<{ bucket: string; env: Record<string, string> }>;
  /** Stops the server; its objects stay in `directory` (unless `removeFiles`). */
  close(opts?: { removeFiles?: boolean }): Promise<void>;
}

const KEYS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export const randomBucket = () => `sinovik-t-${crypto.randomBytes(5).toString('hex')}`;

/** The client options s3rver and real providers need (docs stack-notes.md "S3-compatible local server"). */
export function s3Client(endpoint: string): S3Client {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  return new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: KEYS,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/**
 * Starts s3rver on 127.0.0.1 (`port` 0: any free port) with a bucket. Give the `directory` and `port` of a
 * closed one to bring the same store back (its objects and bucket as they were).
 */
export async function startS3(
  opts: { directory?: string; port?: number; bucket?: string } = {},
): Promise<S3Server> {
  const directory = opts.directory ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sinovik-s3-'));
  const bucket = opts.bucket ?? randomBucket();
  const server = new S3rver({
    address: '127.0.0.1',
    port: opts.port ?? 0,
    directory,
    silent: true,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  answerPutsOnceWritten(server);
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = s3Client(endpoint);
  const envOf = (b: string) => ({
    STORAGE: 's3',
    S3_ENDPOINT: endpoint,
    S3_REGION: 'us-east-1',
    S3_BUCKET: b,
    S3_ACCESS_KEY_ID: KEYS.accessKeyId,
    S3_SECRET_ACCESS_KEY: KEYS.secretAccessKey,
    S3_FORCE_PATH_STYLE: 'true',
  });
  return {
    env: envOf(bucket),
    bucket,
    port,
    directory,
    client,
    async newBucket() {
      const b = randomBucket();
      await client.send(new CreateBucketCommand({ Bucket: b }));
      return { bucket: b, env: envOf(b) };
    },
    async close({ removeFiles = false } = {}) {
      client.destroy();
      await server.close();
      if (removeFiles) fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}

let shared: { server: Promise<S3Server>; users: number } | null = null;

/**
 * For `SINOVIK_TEST_STORAGE=s3`: a bucket of its own on the test file's s3rver (started on first use, stopped
 * when the last app using it lets go). Returns the app's environment and its release.
 */
export async function sharedS3Bucket(): Promise<{
  env: Record<string, string>;
  release: () => Promise<void>;
}> {
  if (!shared) shared = { server: startS3(), users: 0 };
  const mine = shared;
  mine.users++;
  const server = await mine.server;
  const { env } = await server.newBucket();
  return {
    env,
    release: async () => {
      if (--mine.users > 0) return;
      if (shared === mine) shared = null;
      await server.close({ removeFiles: true });
    },
  };
}

/**
 * Makes an object look written at `at` (its LastModified): s3rver reads it from its object file's mtime.
 * For the sweep's tests, which need blobs older than an hour.
 */
export function backdateObject(server: Pick<S3Server, 'directory'>, bucket: string, key: string, at: Date) {
  const parts = key.split('/');
  const file = path.join(server.directory, bucket, ...parts.slice(0, -1), `${parts.at(-1)}._S3rver_object`);
  fs.utimesSync(file, at, at);
}

interface S3rverStore {
  putObject(object: { bucket: string; key: string }): Promise<{ size: number; md5: string }>;
  getResourcePath(bucket: string, key: string, resource: string): string;
}

/**
 * s3rver 3.7.1 answers a PUT (and a multipart upload's completion) once the object's bytes were handed to its
 * file stream, not once they are in the file (`stores/filesystem.js` putObject resolves before the stream
 * finishes): under load a read right after the upload found the file missing or short. Real stores answer
 * once the object is stored, so this server is made to as well: its answer waits until the object's file
 * has every byte. (A fix of the test server, not of Sinovik: nothing of the app is changed.)
 */
function answerPutsOnceWritten(server: S3rver): void {
  const store = (server as unknown as { store: S3rverStore }).store;
  const putObject = store.putObject.bind(store);
  store.putObject = async (object) => {
    const stored = await putObject(object);
    const file = store.getResourcePath(object.bucket, object.key, 'object');
    for (let waited = 0; waited < 10_000; waited += 2) {
      const stat = await fs.promises.stat(file).catch(() => null);
      if (stat && stat.size === stored.size) break;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    return stored;
  };
}
