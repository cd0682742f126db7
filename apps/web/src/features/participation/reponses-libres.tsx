import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { pluriel } from '@maillage/domain';
import type { ResultatQuestion } from '@maillage/domain/api';
import { useState } from 'react';
import { Link } from 'react-router';
import { useConversionVerbatims } from '../../api/participation';
import { AlerteErreur } from '../../components/alerte-erreur';

interface Props {
  consultationId: string;
  contratId: string;
  resultat: ResultatQuestion;
  editable: boolean;
}

/**
 * The free-text answers of a question: each one can become a verbatim of the diagnostic (with the consultation as
 * its source), one by one or the ticked ones together; a verbatim then leads to a new constat citing it.
 */
export function ReponsesLibres({ consultationId, contratId, resultat: r, editable }: Props) {
  const conversion = useConversionVerbatims(consultationId);
  const [coches, setCoches] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState('');
  const restantes = r.textes.filter((t) => !t.verbatimId);
  const transformer = (reponses: string[]) =>
    conversion.mutate(
      { reponses },
      {
        onSuccess: (res) => {
          setCoches(new Set());
          setMessage(
            `${pluriel(res.crees.length, 'verbatim ajouté au diagnostic', 'verbatims ajoutés au diagnostic')}${res.ignorees ? ` ; ${pluriel(res.ignorees, 'réponse trop courte laissée', 'réponses trop courtes laissées')}` : ''}.`,
          );
        },
      },
    );
  const cocher = (id: string, oui: boolean) =>
    setCoches((c) => {
      const s = new Set(c);
      if (oui) s.add(id);
      else s.delete(id);
      return s;
    });
  if (r.textes.length === 0) return <p>Aucune réponse écrite.</p>;
  return (
    <>
      {conversion.error && <AlerteErreur erreur={conversion.error} as="h4" titre="Les verbatims n’ont pas été créés" />}
      <ul className="maillage-reponses-libres">
        {r.textes.map((t, i) => (
          <li key={t.id} className={fr.cx('fr-p-2w', 'fr-mb-1w')}>
            {editable && !t.verbatimId ? (
              <Checkbox
                small
                className={fr.cx('fr-mb-1w')}
                options={[
                  {
                    label: t.texte,
                    nativeInputProps: { checked: coches.has(t.id), onChange: (e) => cocher(t.id, e.target.checked) },
                  },
                ]}
              />
            ) : (
              <p className={fr.cx('fr-mb-1w') + ' maillage-texte-long'}>{t.texte}</p>
            )}
            <div className="maillage-actions">
              {t.verbatimId ? (
                <>
                  <span className={fr.cx('fr-text--sm', 'fr-mb-0')}>Verbatim du diagnostic.</span>
                  {editable && (
                    <Link
                      className={fr.cx('fr-link', 'fr-text--sm')}
                      to={`/contrats/${contratId}?onglet=diagnostic&constatDepuis=${t.verbatimId}`}
                    >
                      Formuler un constat à partir de ce verbatim<span className={fr.cx('fr-sr-only')}> (réponse {i + 1})</span>
                    </Link>
                  )}
                </>
              ) : (
                editable && (
                  <Button
                    type="button"
                    size="small"
                    priority="tertiary"
                    iconId="fr-icon-quote-line"
                    disabled={conversion.isPending}
                    onClick={() => transformer([t.id])}
                  >
                    Transformer en verbatim<span className={fr.cx('fr-sr-only')}> la réponse {i + 1}</span>
                  </Button>
                )
              )}
            </div>
          </li>
        ))}
      </ul>
      {editable && restantes.length > 0 && (
        <div className="maillage-actions">
          <Button
            type="button"
            size="small"
            priority="secondary"
            iconId="fr-icon-quote-line"
            disabled={coches.size === 0 || conversion.isPending}
            onClick={() => transformer([...coches])}
          >
            Transformer la sélection en verbatims ({coches.size})
          </Button>
          <Button
            type="button"
            size="small"
            priority="tertiary"
            disabled={conversion.isPending}
            onClick={() => transformer(restantes.map((t) => t.id))}
          >
            {restantes.length > 1 ? `Transformer les ${restantes.length} réponses restantes` : 'Transformer la réponse restante'}
          </Button>
        </div>
      )}
      <p role="status" className={fr.cx('fr-text--sm', 'fr-mt-1w')}>
        {message}
      </p>
    </>
  );
}
