import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RACINE } from '../../config';
import { signature, verifierSignature } from './envoi';

/** The worked example of docs/api.md (section Webhooks) must be right: a data team checks its code against it. */
describe('signature des livraisons', () => {
  const doc = fs.readFileSync(path.join(RACINE, 'docs/api.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## Webhooks'));
  const secret = /secret : `(whsec_[^`]+)`/.exec(section)![1];
  const [, t, v1] = /Maillage-Signature: t=(\d+),v1=([0-9a-f]{64})/.exec(section)!;
  const corps = /```json\n(.+)\n```/.exec(section)![1];

  it('l’exemple chiffré de docs/api.md se vérifie', () => {
    expect(signature(secret, Number(t), corps)).toBe(v1);
    expect(verifierSignature(secret, `t=${t},v1=${v1}`, corps, 300, Number(t) * 1000)).toBe(true);
  });

  it('refuse un corps réécrit, un autre secret, un horodatage trop ancien', () => {
    expect(verifierSignature(secret, `t=${t},v1=${v1}`, corps.replace('signe', 'rompu'), 300, Number(t) * 1000)).toBe(false);
    expect(verifierSignature('whsec_autre', `t=${t},v1=${v1}`, corps, 300, Number(t) * 1000)).toBe(false);
    expect(verifierSignature(secret, `t=${t},v1=${v1}`, corps, 300, (Number(t) + 301) * 1000)).toBe(false);
  });
});
