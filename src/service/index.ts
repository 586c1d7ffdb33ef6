// HTTP service: see ./server.ts (routes, limits, and why there is no framework dependency).
export { createServer, startServer, type ServiceOptions, type Service, type RunningService } from './server.js';
