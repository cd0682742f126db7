export * from './vocabulaire';
export * from './regles';
export * from './plan';
export * from './suivi';
export * from './secret';
export * from './periodes';
export * from './activite';
