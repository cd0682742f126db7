import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OPTIONS_NODE_SERVEUR } from './options-node';

describe('options de Node du serveur', () => {
  it('`npm start` lance le serveur avec les mêmes options que le banc et la suite de robustesse', () => {
    const paquet = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../package.json');
    const demarrage: string = JSON.parse(fs.readFileSync(paquet, 'utf8')).scripts.start;
    expect(demarrage.split(/\s+/).slice(0, 1 + OPTIONS_NODE_SERVEUR.length)).toEqual(['node', ...OPTIONS_NODE_SERVEUR]);
  });
});
