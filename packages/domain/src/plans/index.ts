export * from './lecture';
