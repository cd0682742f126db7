/** One contract per route: each route's request and response schemas, once (server validation and OpenAPI, web types). */
export * from './contrats';
export * from './fiches';
export * from './documents';
export * from './plans';
export * from './suivi';
export * from './gouvernance';
export * from './comptes';
export * from './territoires';
export * from './audit';
export * from './portefeuille';
export * from './public';
export * from './bibliotheque';
export * from './indicateurs';
export * from './diagnostics';
export * from './diagnostic-contrat';
export * from './ressources';
