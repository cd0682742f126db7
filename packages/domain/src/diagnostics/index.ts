export * from './valeurs';
export * from './agregation';
export * from './vulnerabilite';
