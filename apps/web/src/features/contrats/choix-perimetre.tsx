// Moved to components/ so that the resource directory shares it (decision 0022: features share through components/).
export * from '../../components/choix-perimetre';
