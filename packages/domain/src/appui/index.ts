export * from './vocabulaire';
export * from './regles';
export * from './secret';
export * from './periodes';
export * from './activite';
export * from './plan';
export * from './suivi';
