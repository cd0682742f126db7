export * from './alertes';
