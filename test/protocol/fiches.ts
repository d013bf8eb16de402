// Fiche texts for the protocol tests, written like real beta.gouv.fr fiches.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../helpers/lsp';

/** A fiche with a named service, a quantified problem and a Solution in the future tense (shared with the browser test). */
export const FICHE_FUTUR = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'lsp', 'futur.fiche.md'), 'utf8');

/** The same fiche written as the method asks: no finding expected. */
export const FICHE_PROPRE = `---
title: Aidants Connect
---

## Problème

Chaque année, 13 millions de Français peinent à faire leurs démarches en ligne et confient leurs identifiants à des aidants, sans aucun cadre.

## Solution

Grâce à Aidants Connect, les aidants professionnels font les démarches d'un usager en toute sécurité, plutôt que de noter ses mots de passe dans un cahier.

## Stratégie

Nous commençons avec dix structures volontaires dans deux départements, puis nous ouvrons le service aux autres départements avec le réseau France services.
`;

/** The whole template of the snippet file, expanded with its placeholders' defaults. */
export function expandedTemplate(): string {
  const file = path.join(ROOT, 'snippets', 'fiche.code-snippets');
  const snippets = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, { body: string[] }>;
  return snippets['Fiche produit complète'].body
    .join('\n')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '');
}
