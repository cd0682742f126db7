import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { demarrerServeurDeTest, type ServeurDeTest } from '../../test/harness';
import { lireEnTete, sauvegarder, sauvegarderDans } from './sauvegarde';
import { ErreurSauvegarde, nomDeSauvegarde, trouverSauvegarde } from './sauvegarde-fichiers';

let serveur: ServeurDeTest;
let dossier: string;
beforeAll(async () => {
  serveur = await demarrerServeurDeTest({ demo: false });
  dossier = await fs.mkdtemp(path.join(os.tmpdir(), 'maillage-sauvegardes-'));
});
afterAll(async () => {
  vi.useRealTimers();
  await serveur?.fermer();
  await fs.rm(dossier, { recursive: true, force: true });
});

describe('fichiers de sauvegarde', () => {
  it('nomme une sauvegarde à la seconde, en heure locale, avec un rang au-delà de la première', () => {
    const date = new Date(2026, 2, 5, 14, 7, 9);
    expect(nomDeSauvegarde(date)).toBe('maillage-2026-03-05T14h07m09s.sauvegarde.gz');
    expect(nomDeSauvegarde(date, 2)).toBe('maillage-2026-03-05T14h07m09s-2.sauvegarde.gz');
  });

  it('deux sauvegardes dans la même seconde donnent deux fichiers ; un fichier existant n’est jamais remplacé', async () => {
    // The clock stands still: both backups are taken "in the same second", whatever the machine's speed.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 2, 5, 14, 7, 9, 100));
    const premiere = await sauvegarderDans(serveur.ctx.db, dossier);
    const seconde = await sauvegarderDans(serveur.ctx.db, dossier);
    vi.useRealTimers();
    expect(path.basename(premiere.fichier)).toBe('maillage-2026-03-05T14h07m09s.sauvegarde.gz');
    expect(path.basename(seconde.fichier)).toBe('maillage-2026-03-05T14h07m09s-2.sauvegarde.gz');
    expect((await fs.readdir(dossier)).sort()).toEqual([path.basename(premiere.fichier), path.basename(seconde.fichier)].sort());
    expect((await lireEnTete(premiere.fichier)).tables.length).toBeGreaterThan(10);

    const avant = await fs.readFile(premiere.fichier);
    const refus = await sauvegarder(serveur.ctx.db, premiere.fichier).catch((e) => e);
    expect(refus).toBeInstanceOf(ErreurSauvegarde);
    expect(refus.message).toContain('existe déjà : une sauvegarde n’en remplace jamais une autre');
    expect(await fs.readFile(premiere.fichier)).toEqual(avant);
    // No scratch file left behind.
    expect(await fs.readdir(dossier)).toHaveLength(2);
  });

  it('trouve une sauvegarde par son nom, sans son extension, ou par un chemin ; sinon liste celles qui existent', async () => {
    const nom = 'maillage-2026-03-05T14h07m09s.sauvegarde.gz';
    const chemin = path.join(dossier, nom);
    expect(await trouverSauvegarde(nom, dossier, '/')).toBe(chemin);
    expect(await trouverSauvegarde('maillage-2026-03-05T14h07m09s', dossier, '/')).toBe(chemin);
    expect(await trouverSauvegarde(chemin, '/nulle-part', '/')).toBe(chemin);
    expect(await trouverSauvegarde(`./${nom}`, '/nulle-part', dossier)).toBe(chemin);
    const inconnue = await trouverSauvegarde('maillage-1999', dossier, '/').catch((e) => e);
    expect(inconnue).toBeInstanceOf(ErreurSauvegarde);
    expect(inconnue.message).toContain('Sauvegarde introuvable : « maillage-1999 »');
    expect(inconnue.message).toContain(`Sauvegardes disponibles dans ${dossier} :`);
    expect(inconnue.message).toContain('maillage-2026-03-05T14h07m09s-2.sauvegarde.gz');
  });

  it('un fichier qui n’est pas une sauvegarde est refusé par un message en français', async () => {
    const faux = path.join(dossier, 'faux.gz');
    await fs.writeFile(faux, 'pas du gzip');
    await expect(lireEnTete(faux)).rejects.toThrow(/faux.gz n’est pas une sauvegarde de Maillage, ou elle est abîmée/);
    await expect(lireEnTete(path.join(dossier, 'absent.gz'))).rejects.toThrow(/absent.gz est introuvable/);
  });
});
