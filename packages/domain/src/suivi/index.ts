export * from './workflow';
export * from './avancement';
export * from './schemas';
export * from './campagnes';
