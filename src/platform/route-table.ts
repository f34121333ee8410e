import type { FastifyInstance, FastifySchema, RouteOptions } from 'fastify';

/** One registered route: what the access matrix and the fuzzing tests walk over. */
export interface RouteEntry {
  method: string;
  url: string;
  schema: FastifySchema | undefined;
  /** multipart/form-data routes declare it in their schema. */
  multipart: boolean;
  /** Declared open to signed-out callers (`config: { public: true }`; see platform/auth.ts). */
  readonly public: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route of the app, as registered (HEAD, the mirror of each GET, left out). */
    routeTable: RouteEntry[];
  }
}

/** Records every route registered after this call. Call it first, before any plugin. */
export function recordRoutes(app: FastifyInstance): void {
  const table: RouteEntry[] = [];
  app.decorate('routeTable', table);
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const consumes = (route.schema as { consumes?: string[] } | undefined)?.consumes ?? [];
    for (const method of methods) {
      if (method === 'HEAD') continue; // the mirror of a GET
      table.push({
        method,
        url: route.url,
        schema: route.schema,
        multipart: consumes.includes('multipart/form-data'),
        // Read when asked: a plugin's own onRoute hook (the docs') may set the config after this one ran.
        get public() {
          return route.config?.public === true;
        },
      });
    }
  });
}
