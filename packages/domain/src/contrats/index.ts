export * from './statuts';
export * from './numerotation';
export * from './doctrine';
export * from './taxonomies';
export * from './schemas';
export * from './avenants';
export * from './confirmations';
export * from './verrou';
