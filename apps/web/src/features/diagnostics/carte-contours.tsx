// Moved to components/ so that the resource map shares it (decision 0022: features share through components/).
export * from '../../components/carte-contours';
