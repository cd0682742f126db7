export * from './alertes';
export * from './schemas';
export * from './moyens';
export * from './financements';
