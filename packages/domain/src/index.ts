export * from './texte';
export * from './territoires';
export * from './identifiants';
export * from './organisations';
export * from './permissions';
export * from './comptes';
export * from './audit';
export * from './contrats';
