export * from './valeurs';
export * from './bornes';
export * from './agregation';
export * from './vulnerabilite';
export * from './catalogue';
export * from './qualitatif';
export * from './fichiers-observatoire';
export * from './sans-resultat';
