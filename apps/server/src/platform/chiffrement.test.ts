import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ajouterCleAuFichier,
  chargerTrousseau,
  chiffrer,
  cleDuChiffre,
  dechiffrer,
  ErreurChiffrement,
  FICHIER_CLES,
  idDeCle,
  retirerAnciennesCles,
} from './chiffrement';

const dossier = () => fs.mkdtemp(path.join(os.tmpdir(), 'maillage-cles-'));

describe('chiffrement des données de santé', () => {
  it('génère la clé au premier usage dans DATA_DIR (0600), la relit ensuite, chiffre et déchiffre', async () => {
    const d = await dossier();
    const t = await chargerTrousseau(d);
    expect((await fs.stat(path.join(d, FICHIER_CLES))).mode & 0o777).toBe(0o600);
    expect((await chargerTrousseau(d)).active.id).toBe(t.active.id);
    const c = chiffrer(t, 'Yvonne Lebrun', 'appui_personnes.identite_chiffree:1');
    expect(c.toString('latin1')).not.toContain('Yvonne');
    expect(cleDuChiffre(c)).toBe(t.active.id);
    expect(dechiffrer(t, c, 'appui_personnes.identite_chiffree:1')).toBe('Yvonne Lebrun');
  });

  it('refuse un chiffré altéré, déplacé ou d’une clé inconnue, sans citer la donnée', async () => {
    const t = await chargerTrousseau(await dossier());
    const c = chiffrer(t, 'secret médical', 'a:1');
    expect(() => dechiffrer(t, c, 'a:2')).toThrow(ErreurChiffrement);
    const altere = Buffer.from(c);
    altere[altere.length - 1] ^= 1;
    expect(() => dechiffrer(t, altere, 'a:1')).toThrow(/altérée ou déplacée/);
    const autre = await chargerTrousseau(await dossier());
    expect(() => dechiffrer(autre, c, 'a:1')).toThrow(/clé absente/);
  });

  it('prend la clé de l’environnement (base64 ou hex) et garde les anciennes pour lire', async () => {
    const d = await dossier();
    const [ancienne, nouvelle] = [randomBytes(32), randomBytes(32)];
    const avant = await chargerTrousseau(d, { cle: ancienne.toString('base64') });
    const c = chiffrer(avant, 'x', 'a:1');
    const apres = await chargerTrousseau(d, { cle: nouvelle.toString('hex'), anciennes: ancienne.toString('base64') });
    expect(apres.active.id).toBe(idDeCle(nouvelle));
    expect(dechiffrer(apres, c, 'a:1')).toBe('x');
    await expect(chargerTrousseau(d, { cle: 'trop-court' })).rejects.toThrow(/32 octets/);
  });

  it('rotation par fichier : nouvelle clé active, anciennes retirées à la fin', async () => {
    const d = await dossier();
    const t0 = await chargerTrousseau(d);
    const id = await ajouterCleAuFichier(d);
    const t1 = await chargerTrousseau(d);
    expect(t1.active.id).toBe(id);
    expect(t1.cles.has(t0.active.id)).toBe(true);
    expect(await retirerAnciennesCles(d)).toBe(1);
    expect((await chargerTrousseau(d)).cles.size).toBe(1);
  });
});
