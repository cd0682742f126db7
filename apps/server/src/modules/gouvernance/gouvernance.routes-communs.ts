import * as api from '@maillage/domain/api';
import { probleme } from '../../platform/openapi';

/** What the governance route files share: the error answers, the path id and the XLSX media type. */
export const erreurs = { 400: probleme, 401: probleme, 403: probleme, 404: probleme, 409: probleme };
export const id = api.cheminId;
/** Until the services return the domain's types, the schema, checked when the response is serialised, is the contract. */
export const lu = <T>(resultat: Promise<unknown>) => resultat as Promise<T>;
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
