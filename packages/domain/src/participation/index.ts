export * from './vocabulaire';
export * from './questionnaire';
export * from './reponses';
