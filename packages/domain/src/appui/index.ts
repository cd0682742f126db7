export * from './vocabulaire';
export * from './regles';
