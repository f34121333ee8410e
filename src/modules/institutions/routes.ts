import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const institutionRoutes: FastifyPluginAsyncZod = async (_app) => {};
