import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { coordination, fichesDe, ids, importer, installerBanc, nouveauContrat, serveur, telecharger } from '../../../test/banc-plans';

installerBanc();

/** Our export of the contract with the Indicateurs cell of its first fiche replaced by `indicateurs`. */
async function exportModifie(contratId: string, indicateurs: unknown[]) {
  const x = await telecharger(coordination, `/api/contrats/${contratId}/plan.xlsx`);
  const classeur = new ExcelJS.Workbook();
  await classeur.xlsx.load(x.contenu as unknown as ArrayBuffer);
  const feuille = classeur.getWorksheet('Fiches')!;
  const colonne = (feuille.getRow(1).values as unknown[]).indexOf('Indicateurs');
  feuille.getRow(2).getCell(colonne).value = JSON.stringify(indicateurs);
  return Buffer.from(await classeur.xlsx.writeBuffer());
}

const indicateursDe = async (ficheId: string) =>
  (await serveur.ctx.db.query(`select id, libelle, rang, version from indicateurs_suivi where fiche_id = $1 order by rang`, [ficheId]))
    .rows;
const journal = async (ficheId: string) =>
  (
    await serveur.ctx.db.query(
      `select action from audit_evenements where entite_type = 'indicateur_suivi' and contexte ->> 'ficheId' = $1 order by id`,
      [ficheId],
    )
  ).rows.map((r) => r.action);

describe('les indicateurs d’une fiche, par import de plan', () => {
  it('les écrit comme la fiche : repris par libellé, modifiés, retirés sauf valeurs validées, chaque changement au journal', async () => {
    const contratId = await nouveauContrat();
    const creee = await coordination.post(`/api/contrats/${contratId}/fiches`, {
      intitule: 'Accueillir les internes',
      statut: 'en_cours',
      pilotes: [{ organisationId: ids.ars }],
      indicateurs: [
        { libelle: 'Internes accueillis', type: 'activite', unite: 'internes' },
        { libelle: 'Internes restés', type: 'resultat' },
        { libelle: 'Soirées', type: 'activite' },
      ],
    });
    expect(creee.status, JSON.stringify(creee.body)).toBe(201);
    const ficheId = creee.body.id;
    const [accueillis, restes, soirees] = await indicateursDe(ficheId);
    expect(await journal(ficheId)).toEqual(['creation', 'creation', 'creation']);

    // « Internes restés » has a validated value: the file may not remove it (409, nothing written).
    await serveur.ctx.db.query(`insert into valeurs_suivi (indicateur_id, periode, valeur, etat) values ($1, '2027', 3, 'valide')`, [
      restes.id,
    ]);
    const sansRestes = await importer(
      coordination,
      contratId,
      await exportModifie(contratId, [{ libelle: 'Internes accueillis', type: 'activite', unite: 'internes' }]),
      'plan.xlsx',
    );
    expect(sansRestes.status).toBe(409);
    expect(sansRestes.body.detail).toBe(
      'L’indicateur « Internes restés » a des valeurs validées : elles comptent dans le suivi, il ne peut être retiré.',
    );
    expect(await indicateursDe(ficheId)).toEqual([accueillis, restes, soirees]);

    // An unknown diagnostic indicator rejects the row, naming it, and so the file.
    const inconnu = await importer(
      coordination,
      contratId,
      await exportModifie(contratId, [{ libelle: 'Internes restés', type: 'resultat', indicateurDiagnostic: 'PAS-UN-CODE' }]),
      'plan.xlsx',
    );
    expect(inconnu.status).toBe(422);
    expect(JSON.stringify(inconnu.body)).toContain('Indicateur du diagnostic inconnu');
    expect(await indicateursDe(ficheId)).toEqual([accueillis, restes, soirees]);

    // Reordered, one changed, « Soirées » removed, one created: taken up by label, as the fiche form does.
    const r = await importer(
      coordination,
      contratId,
      await exportModifie(contratId, [
        { libelle: 'Internes restés', type: 'resultat' },
        { libelle: 'Internes accueillis', type: 'activite', unite: 'personnes' },
        { libelle: 'Logements trouvés', type: 'activite' },
      ]),
      'plan.xlsx',
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.resume).toMatchObject({ misAJour: 1, rejetes: 0 });
    const apres = await indicateursDe(ficheId);
    expect(apres.map((i) => [i.libelle, i.rang])).toEqual([
      ['Internes restés', 0],
      ['Internes accueillis', 1],
      ['Logements trouvés', 2],
    ]);
    expect(apres.slice(0, 2).map((i) => i.id)).toEqual([restes.id, accueillis.id]);
    expect(apres[1].version).toBe(accueillis.version + 1);
    expect(await journal(ficheId)).toEqual(['creation', 'creation', 'creation', 'suppression', 'modification', 'modification', 'creation']);
    const fiche = (await coordination.get(`/api/fiches/${ficheId}`)).body;
    expect(fiche.indicateurs.map((i: any) => i.unite)).toEqual([null, 'personnes', null]);
    // The fiche's own audit event, after its indicators', shows them changed.
    const { rows } = await serveur.ctx.db.query(
      `select diff::text as diff from audit_evenements where entite_type = 'fiche' and entite_id = $1 and action = 'modification'`,
      [ficheId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].diff).toContain('Logements trouvés');

    // The same file again changes nothing.
    expect(
      (
        await importer(
          coordination,
          contratId,
          (
            await telecharger(coordination, `/api/contrats/${contratId}/plan.xlsx`)
          ).contenu,
          'plan.xlsx',
        )
      ).body.resume,
    ).toMatchObject({ misAJour: 0, inchanges: 1 });
    expect(await fichesDe(contratId)).toHaveLength(1);
  });
});
