/**
 * A plan of `n` fiches in Maillage's format, as a coordinator would send it: ten axes with three objectifs each,
 * pilotes among the demo's organisations and a few new ones, a description, a statut and a financing line.
 * `variante` changes the description of one row in `variante`, so that a second import updates some fiches;
 * `premier` is the first fiche's number.
 */
export function lignesPlanGenere(n: number, options: { variante?: number; premier?: number } = {}): (string | number)[][] {
  const pilotes = [
    'Redon Agglomération',
    'CPAM d’Ille-et-Vilaine',
    'Centre hospitalier de Redon',
    'Association Essai n° 1',
    'Association Essai n° 2',
  ];
  const lignes: (string | number)[][] = [['Numéro', 'Axe', 'Objectif', 'Intitulé', 'Pilotes', 'Description', 'Statut', 'Financements']];
  const premier = options.premier ?? 1;
  for (let i = premier; i < premier + n; i++) {
    const axe = (i % 10) + 1;
    const objectif = (i % 3) + 1;
    const modifiee = options.variante && i % options.variante === 0 ? ' (revue)' : '';
    lignes.push([
      i,
      `${axe}. Axe stratégique ${axe}`,
      `${axe}.${objectif}. Objectif ${objectif} de l’axe ${axe}`,
      `Fiche action n° ${i}`,
      pilotes[i % pilotes.length],
      `Agir sur le déterminant ${(i * 7919) % 10007} dans le quartier ${(i * 31) % 997}${modifiee}`,
      i % 4 === 0 ? 'En cours' : 'À venir',
      JSON.stringify([
        {
          financeur: pilotes[i % 3],
          dispositif: 'FIR',
          annee: 2028,
          montantCentimes: 100_000 + i,
          nature: 'fonctionnement',
          statut: 'prevu',
        },
      ]),
    ]);
  }
  return lignes;
}

/** The same plan as a CSV file (semicolons, as our export writes it). */
export function planGenere(n: number, options: { variante?: number; premier?: number } = {}): Buffer {
  const cellule = (v: string | number) => (/[;"\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  return Buffer.from(
    lignesPlanGenere(n, options)
      .map((l) => l.map(cellule).join(';'))
      .join('\n') + '\n',
  );
}
