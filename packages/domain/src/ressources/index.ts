export * from './vocabulaire';
export * from './regles';
export * from './ror';
