export * from './workflow';
export * from './avancement';
export * from './schemas';
