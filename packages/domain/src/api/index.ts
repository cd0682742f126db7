/** One contract per route: request and response schemas, shared by the server's routes and the web client. */
export * from './contrats';
export * from './fiches';
export * from './documents';
export * from './plans';
export * from './suivi';
export * from './gouvernance';
