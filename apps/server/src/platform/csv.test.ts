import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ecrireCsv, retirerNeutralisation } from './csv';

const lire = (texte: string, delimiter = ',') => parse(texte, { delimiter, bom: true, relax_column_count: true }) as string[][];

describe('ecrireCsv : les cellules qui ressemblent à une formule', () => {
  const hostiles = [
    '=HYPERLINK("http://x","clic")',
    '+1+1',
    '-1+1',
    '@SOMME(A1)',
    '\t=1+1',
    '\r=1+1',
    '\uFF1D1+1',
    '\uFF0B1',
    '\uFF0D1',
    '\uFF20A1',
  ];

  it('préfixe d’une apostrophe tout texte qui commence par =, +, -, @, tabulation ou retour chariot (et leurs formes pleine chasse)', () => {
    const [ligne] = lire(ecrireCsv([hostiles], { separateur: ',' }));
    expect(ligne).toEqual(hostiles.map((h) => `'${h}`));
  });

  it('laisse un nombre négatif être un nombre, mais neutralise un texte qui y ressemble', () => {
    const francais = { separateur: ';' as const, nombre: (n: number) => String(n).replace('.', ',') };
    expect(ecrireCsv([[-3.5, '-3,5', 0, -12]], francais)).toBe("-3,5;'-3,5;0;-12\r\n");
    expect(ecrireCsv([[-3.5, '-3.5']], { separateur: ',' })).toBe("-3.5,'-3.5\r\n");
    // -Infinity is no number a reader can use: it is text, and quoted.
    expect(ecrireCsv([[Number.NEGATIVE_INFINITY]], { separateur: ',' })).toBe("'-Infinity\r\n");
  });

  it('ne touche pas au texte ordinaire, aux dates, aux booléens ni aux cellules vides', () => {
    const texte = ecrireCsv([['Accès aux soins', 'a=b', ' =1', new Date('2026-03-04T00:00:00Z'), true, null, undefined]], {
      separateur: ';',
      bom: true,
      date: (d) => d.toISOString().slice(0, 10),
      booleen: (b) => (b ? 'Oui' : 'Non'),
    });
    expect(texte).toBe('\uFEFFAccès aux soins;a=b; =1;2026-03-04;Oui;;\r\n');
  });

  it('reste un CSV valide : la cellule neutralisée garde ses guillemets et ses sauts de ligne', () => {
    const cellule = '=HYPERLINK("http://x";"clic")\nsuite';
    const texte = ecrireCsv([[cellule, 'b']], { separateur: ';' });
    expect(lire(texte, ';')).toEqual([[`'${cellule}`, 'b']]);
  });

  it('retirerNeutralisation rend le texte d’origine, et seulement une apostrophe ajoutée par l’export', () => {
    for (const h of hostiles) expect(retirerNeutralisation(`'${h}`)).toBe(h);
    expect(retirerNeutralisation("'Accès")).toBe("'Accès");
    expect(retirerNeutralisation('=1')).toBe('=1');
  });
});

describe('ecrireCsv : les sauts de ligne', () => {
  it('met entre guillemets une cellule qui contient un \\n ou un \\r seul, sans quoi un tableur coupe la ligne', () => {
    expect(ecrireCsv([['a\nb', 'c\rd', 'e']], { separateur: ';' })).toBe('"a\nb";"c\rd";e\r\n');
  });
});
