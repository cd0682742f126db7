/**
 * The reference data every database needs, demo or not, loaded at each start before anything else runs (main.ts,
 * cli.ts and the tests' template database use this one list): the référentiel géographique, then the published
 * typologies of EPCIs (which name the régions' EPCIs).
 */
import { preparerTypologies } from './modules/diagnostics/typologies.service';
import { preparerReferentiel } from './modules/territoires/territoires.loader';
import type { DonneesDeReference } from './platform/demarrage';

export const preparerDonneesDeReference: DonneesDeReference = async (db, journal) => {
  await preparerReferentiel(db, journal);
  await preparerTypologies(db, journal);
};
