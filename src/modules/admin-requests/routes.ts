import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const adminRequestRoutes: FastifyPluginAsyncZod = async (_app) => {};
