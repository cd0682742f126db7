import { describe, expect, it } from 'vitest';
import { adresseNonPublique, delaiAvantNouvelleTentative, doitMettreEnPause, refusUrl } from '.';

const production = { httpLocal: false, reseauxPrives: false };
const test = { httpLocal: true, reseauxPrives: true };

describe('webhooks : adresses acceptées', () => {
  it('accepte une adresse https publique, refuse http hors localhost', () => {
    expect(refusUrl('https://recepteur.exemple.fr/maillage', production)).toBeNull();
    expect(refusUrl('http://recepteur.exemple.fr/maillage', production)).toMatch(/https:\/\//);
    expect(refusUrl('http://recepteur.exemple.fr/maillage', test)).toMatch(/localhost/);
    expect(refusUrl('http://127.0.0.1:4000/recu', test)).toBeNull();
    expect(refusUrl('ftp://exemple.fr', test)).toMatch(/https/);
    expect(refusUrl('pas une url', test)).toMatch(/invalide/);
    expect(refusUrl('https://moi:secret@exemple.fr', test)).toMatch(/identifiant/);
  });

  it('refuse les réseaux privés en production (SSRF)', () => {
    for (const hote of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '[::1]', '[fd00::1]', 'localhost'])
      expect(refusUrl(`https://${hote}/x`, production), hote).toMatch(/réseau privé/);
    expect(refusUrl('https://172.32.0.1/x', production)).toBeNull();
    expect(refusUrl('https://127.0.0.1/x', test)).toBeNull();
    expect(adresseNonPublique('8.8.8.8')).toBe(false);
    expect(adresseNonPublique('100.64.0.1')).toBe(true);
  });
});

describe('webhooks : nouvelles tentatives', () => {
  it('suit le calendrier puis s’arrête', () => {
    const delais = [60, 300];
    expect(delaiAvantNouvelleTentative(1, delais)).toBe(60);
    expect(delaiAvantNouvelleTentative(2, delais)).toBe(300);
    expect(delaiAvantNouvelleTentative(3, delais)).toBeNull();
    expect(doitMettreEnPause(9, 10)).toBe(false);
    expect(doitMettreEnPause(10, 10)).toBe(true);
  });
});
