import type { Rule } from '../types';

const rule: Rule = {
  id: 'nom-absent',
  sections: 'fiche',
  defaultSeverity: 'warning',
  fixable: false,
  description: 'Le service n’a pas de nom (ni `title:`, ni titre de niveau 1, ni « Grâce à <Nom> »).',
  explanation: [
    '**Donnez un nom au service.** La méthode demande de décrire la solution « en trouvant un nom » : un nom',
    'accrocheur rend le service réel pour le lecteur et permet d’écrire « Grâce à <Nom>, … ».',
    '',
    'Indiquez-le dans l’en-tête (`title: Welcome in France`) ou en titre de niveau 1 (`# Welcome in France`).',
    '',
    '- À éviter : « Grâce à ce site, les usagers… »',
    '- Mieux : « Grâce à Welcome in France, obtenez votre permis de travail en ligne en moins de 3 mois. »',
  ].join('\n'),
  check({ document }) {
    if (document.name) {
      return [];
    }
    const start = document.bodyStart;
    const firstLineEnd = document.text.slice(start).search(/\r|\n|$/);
    return [
      {
        start,
        end: start + Math.max(0, firstLineEnd),
        message: 'Nommez le service : ajoutez `title: <Nom>` en en-tête ou un titre « # <Nom> ».',
      },
    ];
  },
};

export default rule;
