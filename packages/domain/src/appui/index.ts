export * from './vocabulaire';
export * from './regles';
export * from './plan';
export * from './suivi';
