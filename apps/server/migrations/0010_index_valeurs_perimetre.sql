-- A perimeter's aggregation reads, commune by commune, one value per indicator and period (the first source).
-- With the period and the source in the index the rows come out in that order, and no sort is needed; the index
-- still serves every lookup of a territory's values that the previous one served.
create index valeurs_territoire_periode on valeurs (territoire_type, territoire_code, indicateur_code, periode, source);
drop index valeurs_territoire;
