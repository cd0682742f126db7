export * from './alertes';
export * from './schemas';
