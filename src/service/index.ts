// The `vietnlp/server` entry point: the HTTP service (see ./server.ts for the request lifecycle and its limits,
// ./routes.ts for the route table). Kept apart from the main entry so that the NLP typings need no @types/node.
export { createServer, startServer, type ServiceOptions, type Service, type RunningService } from './server.js';
