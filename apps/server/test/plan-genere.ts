/**
 * A plan of `n` fiches in Maillage's CSV format, as a coordinator would send it: ten axes with three objectifs each,
 * pilotes among the demo's organisations and a few new ones, a description, a statut and a financing line.
 * `variante` changes the description of one row in `variante`, so that a second import updates some fiches.
 */
export function planGenere(n: number, options: { variante?: number; premier?: number } = {}): Buffer {
  const cellule = (v: string) => (/[;"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const pilotes = ['Redon Agglomération', 'CPAM d’Ille-et-Vilaine', 'Centre hospitalier de Redon', 'Association Essai n° 1', 'Association Essai n° 2'];
  const lignes = [['Numéro', 'Axe', 'Objectif', 'Intitulé', 'Pilotes', 'Description', 'Statut', 'Financements'].join(';')];
  for (let i = options.premier ?? 1; i < (options.premier ?? 1) + n; i++) {
    const axe = (i % 10) + 1;
    const objectif = (i % 3) + 1;
    const modifiee = options.variante && i % options.variante === 0 ? ' (revue)' : '';
    const financement = JSON.stringify([{ financeur: pilotes[i % 3], dispositif: 'FIR', annee: 2028, montantCentimes: 100_000 + i, nature: 'fonctionnement', statut: 'prevu' }]);
    lignes.push(
      [
        String(i),
        `${axe}. Axe stratégique ${axe}`,
        `${axe}.${objectif}. Objectif ${objectif} de l’axe ${axe}`,
        `Fiche action n° ${i}`,
        pilotes[i % pilotes.length],
        `Agir sur le déterminant ${(i * 7919) % 10007} dans le quartier ${(i * 31) % 997}${modifiee}`,
        i % 4 === 0 ? 'En cours' : 'À venir',
        financement,
      ]
        .map(cellule)
        .join(';'),
    );
  }
  return Buffer.from(lignes.join('\n') + '\n');
}
