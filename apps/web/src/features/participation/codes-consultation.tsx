import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { pluriel } from '@maillage/domain';
import type { ConsultationVue } from '@maillage/domain/api';
import { useState } from 'react';
import { useGenerationCodes } from '../../api/participation';
import { AlerteErreur } from '../../components/alerte-erreur';

/**
 * One-time codes, for a consultation distributed on paper: generated in batches, shown once (the server keeps only
 * their fingerprint), printed from here.
 */
export function CodesConsultation({ consultation: c, editable }: { consultation: ConsultationVue; editable: boolean }) {
  const generation = useGenerationCodes(c.id);
  const [nombre, setNombre] = useState('50');
  const codes = generation.data?.codes ?? [];
  return (
    <section aria-labelledby="diffusion-codes" className={fr.cx('fr-mb-4w')}>
      <h3 id="diffusion-codes">Codes à usage unique</h3>
      <p>
        Chaque réponse demande un code, distribué sur papier ; un code ne sert qu’une fois.{' '}
        {pluriel(c.codes.total, 'code généré', 'codes générés')}, dont{' '}
        {c.codes.utilises === 0 ? 'aucun utilisé' : pluriel(c.codes.utilises, 'utilisé', 'utilisés')}.
      </p>
      {editable && (
        <form
          className={fr.cx('fr-mb-2w')}
          onSubmit={(e) => {
            e.preventDefault();
            generation.mutate(Number(nombre));
          }}
        >
          {generation.error && <AlerteErreur erreur={generation.error} as="h4" titre="Les codes n’ont pas été générés" />}
          <Input
            label="Nombre de codes à générer"
            hintText="2 000 au plus à la fois."
            nativeInputProps={{
              type: 'number',
              min: 1,
              max: 2000,
              value: nombre,
              onChange: (e) => setNombre(e.target.value),
              required: true,
            }}
          />
          <Button type="submit" priority="secondary" iconId="ri-key-2-line" disabled={generation.isPending}>
            Générer les codes
          </Button>
        </form>
      )}
      {codes.length > 0 && (
        <div className="maillage-codes-imprimables">
          <p role="status">
            {pluriel(codes.length, 'code généré', 'codes générés')} : ils ne seront plus jamais affichés. Imprimez-les maintenant.
          </p>
          <Button type="button" iconId="fr-icon-printer-line" onClick={() => window.print()} className={fr.cx('fr-mb-2w')}>
            Imprimer les codes
          </Button>
          <ul className="maillage-liste-codes">
            {codes.map((code) => (
              <li key={code}>
                <code>{code}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
