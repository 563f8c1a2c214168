/**
 * The French catalogue is the source: every other language must provide exactly these keys
 * (the type system checks it) with the same ICU arguments, of the same kinds (a test checks it).
 * The parameters `translate` requires are read from these texts by the type checker.
 */
export const fr = {
  'common.yes': 'oui',
  'common.no': 'non',
  'common.cancel': 'Annuler',

  'role.mentor': 'Mentor',
  'role.mentee': 'Mentoré·e',
  'role.referent': 'Référent·e',
  'role.coordinator': 'Coordination',

  'wishedSector.academic': 'Académique',
  'wishedSector.private': 'Privé',
  'wishedSector.any': 'Peu importe',
  'phdStatus.none': 'Pas de doctorat',
  'phdStatus.in-progress': 'Doctorat en cours',
  'phdStatus.defended': 'Thèse soutenue',
  'format.remote': 'À distance',
  'format.in-person': 'En présentiel',
  'format.both': 'Les deux',

  'command.mentorat.overview.description': 'Découvrir le programme de mentorat en binôme',
  'command.mentorat.pillars.description': 'Les piliers du mentorat',
  'command.mentorat.role.description': "Ce qu'est un mentor, et ce qu'il n'est pas",
  'command.mentorat.actors.description': 'Qui fait quoi : mentors, mentoré·es, référent·es, coordination',
  'command.mentorat.benefits.description': 'Ce que le mentorat apporte à chacun',
  'command.mentorat.reporting.description': 'Comment signaler une difficulté en toute confidentialité',
  'command.mentorat.enrol.description': "S'inscrire comme mentor ou mentoré·e (ou mettre à jour son inscription)",
  'command.mentorat.profile.description': 'Voir et modifier mon inscription',
  'command.mentorat.withdraw.description': 'Me retirer du programme',
  'command.mentorat.myData.description': 'Recevoir toutes mes données (fichier JSON)',
  'command.mentorat.erase.description': 'Effacer toutes mes données',
  'command.mentorat.help.description': 'Les commandes que je peux utiliser',
  'command.admin.enrolled.description': 'Les inscrit·es, par rôle, avec un export CSV',
  'option.benefits.role.description': 'Pour qui ? (mentor ou mentoré·e)',
  'option.help.command.description': 'Une commande à détailler, par exemple inscription',
  'command.error.controlCharacters':
    'L’option « {option} » contient un caractère de contrôle invisible ({character}), refusé ici : retirez-le.',
  'command.error.unknownKeys':
    'Rien n’a été fait : {keys} ne correspond à aucune option de cette commande (possibles : {accepted}). Pour écrire « mot:texte » dans un texte, mettez ce texte entre guillemets.',
  'command.error.invalidOption': "L'option « {option} » n'accepte que : {choices}.",
  'command.unknown': 'Je ne connais pas cette commande. Tapez `/mentorat aide` pour voir celles qui existent.',

  'access.coordinatorsOnly':
    'Cette commande est réservée à la coordination du programme. Si vous pensez en faire partie, demandez-lui de vous ajouter.',
  'access.referentsOnly': 'Cette commande est réservée aux référent·es et à la coordination du programme.',
  'button.notForYou': "Ce bouton a été proposé à quelqu'un d'autre : seule la personne qui a lancé la commande peut l'utiliser.",
  'button.unknown': "Ce bouton n'est plus valable. Relancez la commande pour en obtenir un nouveau.",
  'confirm.expired': 'Cette confirmation a expiré : la situation a changé entre-temps. Relancez la commande si vous le souhaitez toujours.',
  'confirm.cancelled': "D'accord : rien n'a été fait.",
  'error.unexpected':
    "Quelque chose s'est mal passé de notre côté. Rien n'a été enregistré à moitié ; réessayez dans un instant. Si cela se reproduit, donnez cette référence à la coordination : {reference}.",
  'error.storeUnavailable':
    "Le stockage est momentanément indisponible : rien n'a été enregistré. Réessayez dans quelques minutes (référence {reference}).",

  'content.pillars.title': '**Les {count} piliers du mentorat**',
  'content.role.is': 'Un mentor est un conseiller',
  'content.role.isNotCsi': "Un mentor n'est pas le comité de suivi individuel (CSI)",
  'content.role.isNotDirector': "Un mentor n'est pas le directeur ou la directrice de recherche",
  'content.actors.title': '**Les acteurs du programme**',
  'content.benefits.mentor': 'Ce que le mentorat apporte aux mentors',
  'content.benefits.mentee': 'Ce que le mentorat apporte aux mentoré·es',
  'content.reporting.title': 'Signaler une difficulté',

  'form.enrol.title': 'Inscription au mentorat',
  'form.enrol.role.label': 'Rôle dans le programme',
  'form.enrol.role.hint': 'mentor (vous accompagnez) ou mentoré·e (vous êtes accompagné·e)',
  'form.enrol.name.label': 'Nom et prénom',
  'form.enrol.name.hint': 'Tel que votre binôme le verra',
  'form.enrol.affiliation.label': 'Laboratoire, entreprise ou structure',
  'form.enrol.affiliation.hint': 'Sert à ne pas vous apparier avec un collègue direct',
  'form.enrol.sector.label': 'Votre secteur',
  'form.enrol.sector.hint': "Là où s'exerce votre expérience",
  'form.enrol.wishedSector.label': 'Secteur qui vous intéresse',
  'form.enrol.wishedSector.hint': 'Le secteur où vous aimeriez être conseillé·e',
  'form.enrol.phdStatus.label': 'Où en êtes-vous du doctorat ?',
  'form.enrol.phdStatus.hint': 'Sert uniquement à vérifier votre éligibilité',
  'form.enrol.phdStatus.name': 'Situation doctorale',
  'form.enrol.phdDate.label': 'Date de soutenance de thèse',
  'form.enrol.phdDate.hint': 'AAAA-MM-JJ ou JJ/MM/AAAA',
  'form.enrol.birthDate.label': 'Date de naissance',
  'form.enrol.birthDate.hint': 'AAAA-MM-JJ ou JJ/MM/AAAA ; sert uniquement à vérifier votre éligibilité',
  'form.enrol.fields.label': "Domaines d'expertise ou d'intérêt",
  'form.enrol.fields.hint': 'Plusieurs choix possibles',
  'form.enrol.languages.label': 'Langues de travail',
  'form.enrol.languages.hint': 'Votre binôme partagera au moins une de ces langues',
  'form.enrol.format.label': 'Format des rencontres',
  'form.enrol.format.hint': 'À distance, en présentiel, ou les deux',
  'form.enrol.region.label': 'Région',
  'form.enrol.region.hint': 'Utile pour se rencontrer en présentiel',
  'form.enrol.offers.label': 'Ce que vous pouvez apporter',
  'form.enrol.offers.hint': 'Les sujets sur lesquels vous pouvez conseiller',
  'form.enrol.capacity.label': 'Combien de mentoré·es pouvez-vous suivre ?',
  'form.enrol.capacity.hint': 'Un nombre entier',
  'form.enrol.capacity.name': 'Mentoré·es que vous pouvez suivre',
  'form.enrol.expectations.label': 'Vos attentes',
  'form.enrol.expectations.hint': 'Les sujets sur lesquels vous aimeriez être conseillé·e',
  'form.enrol.excluded.label': 'Personnes à ne pas vous proposer',
  'form.enrol.excluded.hint': 'Noms séparés par un point-virgule : directeur·rice de thèse, membres du CSI…',
  'form.enrol.about.label': 'Un mot sur vous (facultatif)',
  'form.enrol.about.hint': 'Votre parcours, ce que vous cherchez : affiché à votre binôme dans votre salon privé',
  'form.enrol.about.name': 'Un mot sur vous',
  'form.enrol.consentPillars.label': 'Engagement sur les piliers',
  'form.enrol.consentPillars.hint': 'Voir /mentorat piliers',
  'form.enrol.consentPillars.statement': "J'ai lu les piliers du mentorat et je m'engage à les respecter.",
  'form.enrol.consentData.label': 'Utilisation de vos données',
  'form.enrol.consentData.hint': 'Notice sur vos données',
  'form.enrol.consentData.statement': "J'accepte que mes réponses soient utilisées pour former les binômes et suivre le programme.",

  'form.error.line': '« {label} » ({key}) : {problem}',
  'form.error.required': 'ce champ est obligatoire.',
  'form.error.invalid': "cette valeur n'est pas valable.",
  'form.error.notText': 'un texte est attendu.',
  'form.error.tooShort': 'au moins {min, plural, one {# caractère} other {# caractères}}.',
  'form.error.tooLong': 'au plus {max, plural, one {# caractère} other {# caractères}}.',
  'form.error.invalidDate': 'une date réelle est attendue, au format AAAA-MM-JJ ou JJ/MM/AAAA.',
  'form.error.notWholeNumber': 'un nombre entier est attendu.',
  'form.error.numberOutOfRange': 'un nombre entre {min} et {max} est attendu.',
  'form.error.notAChoice': '« {value} » ne fait pas partie des choix ; choisissez parmi : {choices}.',
  'form.error.tooFewItems': 'choisissez-en au moins {min}.',
  'form.error.tooManyItems': 'au plus {max, plural, one {# élément} other {# éléments}}.',
  'form.error.duplicateItems': 'le même choix apparaît deux fois.',
  'form.error.controlCharacters': 'contient un caractère de contrôle invisible ({character}), refusé ici : retirez-le.',
  'form.error.itemTooLong': 'chaque élément fait au plus {itemMax, plural, one {# caractère} other {# caractères}}.',
  'form.error.consentRequired': 'votre accord est nécessaire pour participer.',
  'form.error.notYesNo': 'répondez par oui ou par non.',

  'enrol.error.phdDateInFuture':
    "une thèse soutenue ne peut pas avoir une date future. Si vous ne l'avez pas encore soutenue, choisissez « Doctorat en cours ».",
  'enrol.error.birthDateInFuture': 'cette date est dans le futur.',
  'enrol.error.birthDateImplausible': 'cette date de naissance semble erronée ; vérifiez l’année.',
  'enrol.ineligible':
    "le programme accompagne les mentoré·es de moins de {maxAge} ans, les doctorant·es, et les docteur·es jusqu'à {maxYears} ans après la thèse. D'après vos réponses, vous n'êtes pas dans ce cas : vous pouvez en revanche vous inscrire comme mentor.",
  'enrol.rejected.invalid':
    "**Inscription non enregistrée** : corrigez ces points puis relancez `/mentorat inscription` (rien n'a été enregistré).",
  'enrol.rejected.ineligible': "**Inscription non enregistrée** : vous n'êtes pas éligible comme mentoré·e (rien n'a été enregistré).",
  'enrol.saved.mentor': '**Merci, votre inscription comme mentor est enregistrée !**',
  'enrol.saved.mentee': '**Merci, votre inscription comme mentoré·e est enregistrée !**',
  'enrol.updated': '**Votre inscription est mise à jour.**',
  'enrol.refused.stillMentor':
    '**Inscription non modifiée** : vous êtes mentor dans un binôme en cours, vous ne pouvez donc pas changer de rôle. Demandez d’abord à la coordination de mettre fin à vos binômes, ou retirez-vous avec `/mentorat quitter` (vos binômes prendront fin), puis réinscrivez-vous. Rien n’a été enregistré.',
  'enrol.refused.stillMentee':
    '**Inscription non modifiée** : vous êtes mentoré·e dans un binôme en cours, vous ne pouvez donc pas changer de rôle. Demandez d’abord à la coordination de mettre fin à votre binôme, ou retirez-vous avec `/mentorat quitter` (votre binôme prendra fin), puis réinscrivez-vous. Rien n’a été enregistré.',
  'enrol.refused.capacity':
    '**Inscription non modifiée** : vous suivez {held} mentoré·es dans des binômes en cours, votre capacité ne peut donc pas descendre à {capacity}. Indiquez au moins {held}, ou demandez d’abord à la coordination de mettre fin à un binôme. Rien n’a été enregistré.',
  'enrol.rejoined': '**Vous revoilà : votre inscription est de nouveau active.**',
  'enrol.nextSteps':
    "La coordination vous écrira lors de la formation des binômes. D'ici là : `/mentorat profil` pour relire ou modifier, `/mentorat quitter` pour vous retirer.",

  'profile.title': '**Votre inscription**',
  'profile.line': '- **{label}** : {value}',
  'profile.status.active': 'Statut : active (mise à jour le {date})',
  'profile.status.withdrawn': 'Statut : retirée le {date}',
  'profile.howToChange': 'Pour la modifier : le bouton ci-dessous, ou `/mentorat inscription`. Pour vous retirer : `/mentorat quitter`.',
  'profile.howToReturn':
    'Pour revenir dans le programme : le bouton ci-dessous, ou `/mentorat inscription`. Pour tout effacer : `/mentorat effacer`.',
  'profile.button.edit': 'Modifier',
  'profile.notEnrolled': "Vous n'êtes pas inscrit·e au programme. `/mentorat inscription` pour le faire.",

  'withdraw.alreadyWithdrawn': 'Vous vous êtes déjà retiré·e du programme. `/mentorat inscription` pour revenir.',
  'withdraw.confirm.question':
    "Voulez-vous vraiment vous retirer du programme ? Vous ne serez plus proposé·e pour un binôme. Vos données restent conservées jusqu'à ce que vous les effaciez (`/mentorat effacer`).",
  'withdraw.confirm.yes': 'Oui, me retirer',
  'withdraw.done':
    'Vous vous êtes retiré·e du programme. Merci pour votre participation ! Vous pouvez revenir à tout moment avec `/mentorat inscription`.',

  'myData.ready': 'Voici tout ce que le programme conserve à votre sujet, en JSON.',
  'myData.nothingStored': 'Le programme ne conserve aucune donnée à votre sujet ; le fichier le confirme.',
  'erase.confirm.question':
    'Voulez-vous vraiment effacer toutes vos données du programme (inscription comprise) ? Cette action est définitive.',
  'erase.confirm.yes': 'Oui, tout effacer',
  'erase.done': 'Vos données ont été effacées.',
  'erase.nothingStored': "Il n'y avait aucune donnée à votre sujet : il n'y a rien à effacer.",

  'enrolled.counts':
    '**Inscriptions actives** — mentors : {mentors} · places de mentorat : {slots} · mentoré·es : {mentees} · retraits : {withdrawn}',
  'enrolled.capacity': ', places : {capacity}',
  'enrolled.more': '… et {count, plural, one {# autre} other {# autres}} : voir le fichier CSV.',
  'enrolled.none': "Personne n'est encore inscrit·e.",

  'help.title': '**Commandes disponibles**',
  'help.entry': '- `{usage}` — {description}',
  'help.more': '`/mentorat aide commande:<commande>` détaille une commande et les champs de son formulaire.',
  'help.noForm': "Cette commande n'a pas de formulaire.",
  'help.options': 'Options :',
  'help.form': 'Champs du formulaire (`clé:valeur` sur la ligne de commande, sinon demandés un par un) :',
  'help.field': '- `{key}` — {label} — {rules}',
  'help.rule.required': 'obligatoire',
  'help.rule.optional': 'facultatif',
  'help.rule.when': 'si {field} = {values}',
  'help.rule.text': '{min} à {max} caractères',
  'help.rule.date': 'date AAAA-MM-JJ ou JJ/MM/AAAA',
  'help.rule.integer': 'nombre de {min} à {max}',
  'help.rule.choice': 'un choix parmi : {choices}',
  'help.rule.multiChoice': '{min} à {max} choix parmi : {choices}',
  'help.rule.list':
    'jusqu’à {max, plural, one {# élément} other {# éléments séparés par ;}} ({itemMax, plural, one {# caractère} other {# caractères}} chacun)',
  'help.rule.consent': 'oui pour accepter',
  'help.unknownCommand': 'Je ne connais pas « {name} ». Tapez `/help` pour la liste.',

  'terminal.welcome':
    'Chat du programme de mentorat (terminal). Vous êtes **{user}**. Tapez `/help` pour les commandes, `/quit` pour sortir.',
  'terminal.commands':
    'Commandes du terminal : `/help [commande]` (cette aide, ou une commande en détail), `/as <nom>` (changer de personne), `/lang fr|en`, `/press <bouton>`, `/wait <durée>` (faire passer le temps, en démo lancée avec MENTORAT_NOW : `2w`, `3d`, `73h`), `/cancel` (abandonner un formulaire), `/quit`.',
  'terminal.nowActingAs': 'Vous êtes maintenant **{user}**{roles}.',
  'terminal.roles': ' ({roles})',
  'terminal.languageSet': 'Langue : français.',
  'terminal.unknownLanguage': 'Langues disponibles : fr, en.',
  'terminal.asUsage': 'Usage : `/as <nom>` (lettres, chiffres, . _ -).',
  'terminal.notACommand': 'Tapez une commande qui commence par `/` (`/help` pour la liste).',
  'terminal.noButtons': "Aucun bouton n'est affiché pour {user}.",
  'terminal.unknownButton': 'Boutons disponibles : {buttons}.',
  'terminal.pressHint': '(boutons : {buttons} — tapez `/press <bouton>`)',
  'terminal.wait.notInDemo':
    'Le temps ne se déplace que dans une démo lancée avec MENTORAT_NOW (par exemple `MENTORAT_NOW=2026-09-07T08:00:00Z npm start`) : rien n’a changé.',
  'terminal.wait.usage':
    'Usage : `/wait <durée>`, en semaines (w), jours (d ou j), heures (h) ou minutes (m), par exemple `/wait 2w`, `/wait 73h`, `/wait 1d12h` ; au plus 366 jours.',
  'terminal.wait.done': '— {duration} plus tard : nous sommes le {now} (UTC). —',
  'terminal.form.intro': 'Répondez champ par champ ; Entrée garde la valeur proposée, `/cancel` abandonne.',
  'terminal.form.optional': 'facultatif, Entrée pour passer',
  'terminal.form.current': 'actuel : {value}',
  'terminal.form.clear': '(- pour effacer)',
  'terminal.form.choices': 'choix : {choices}',
  'terminal.form.draftKept':
    'Pour corriger, retapez la commande seule, sans valeurs : vos réponses vous seront reproposées une à une. Une commande tapée avec ses valeurs repart de zéro.',
  'terminal.form.cancelled': "Formulaire abandonné : rien n'a été enregistré.",
  'terminal.file': 'fichier {name}',
  'terminal.bye': 'À bientôt !',
  'terminal.imageSaved': '(image {name}, {width} × {height} px, {kilobytes} ko, enregistrée dans {path})',
  'terminal.fileSaved': '(fichier {name}, {kilobytes} ko, enregistré dans {path})',
  'list.separator': ' ; ',

  'command.admin.propose.description': 'Proposer les binômes : scores, raisons, référent·es, et qui reste sans binôme',
  'propose.none': 'Personne à apparier : aucun·e mentoré·e inscrit·e.',
  'propose.title':
    '**Proposition de binômes** : {matched, plural, one {# mentoré·e apparié·e} other {# mentoré·es apparié·es}} sur {mentees}, score total {total}',
  'propose.pair': '- **{mentee}** ↔ **{mentor}** — score {score} ({reasons}){referent}',
  'propose.referent': ' — référent·e : {name}',
  'propose.unmatchedTitle': '**Sans binôme ({count})**',
  'propose.unmatched': '- **{mentee}** : {reasons}',

  'match.reason.sharedFields': '{count, plural, one {# domaine} other {# domaines}} en commun : {items}',
  'match.reason.wishedSector': 'secteur souhaité : {wished}, secteur du mentor : {sector} ✓',
  'match.reason.mentorSector': 'secteur du mentor : {sector} ✓',
  'match.reason.offeredTopics': '{count, plural, one {# attente couverte} other {# attentes couvertes}} : {items}',
  'match.reason.sameRegion': 'rencontres en présentiel possibles : {region}',
  'match.reason.compatibleFormat': 'format compatible',
  'match.reason.languages': 'langue : {items}',
  'match.reason.pinned': 'épinglé par la coordination',
  'match.unmatched.noMentor': 'aucun mentor inscrit',
  'match.unmatched.full': '{count, plural, one {le seul mentor compatible est complet} other {les # mentors compatibles sont complets}}',
  'match.unmatched.no-shared-language': 'aucune langue en commun avec {count, plural, one {le seul mentor} other {les # mentors}}',
  'match.unmatched.excluded': 'a exclu {count, plural, one {# mentor} other {# mentors}}',
  'match.unmatched.no-way-to-meet':
    'aucun moyen de se rencontrer (ni à distance, ni en présentiel dans la même région) avec {count, plural, one {# mentor} other {# mentors}}',
  'match.unmatched.same-affiliation': 'même structure que {count, plural, one {# mentor} other {# mentors}}',
  'match.unmatched.forbidden': '{count, plural, one {# binôme écarté} other {# binômes écartés}} par la coordination',

  'form.submit': 'Envoyer',
  'slack.form.loading': 'Un instant…',
  'slack.fileSentByDm':
    'Le fichier {name} vous a été envoyé en message privé (Slack ne joint pas de fichier à un message visible de vous seul).',
  'slack.fileNotSent': "Le fichier {name} n'a pas pu vous être envoyé en message privé : {problem}",

  'chat.problem.dmsClosed':
    "Cette personne n'accepte pas les messages privés du bot : prévenez-la autrement, ou demandez-lui d'ouvrir ses messages privés pour ce serveur.",
  'chat.problem.unreachable': "Cette personne n'a pas pu être jointe (elle n'est plus membre, ou son compte est désactivé) : {detail}.",
  'chat.problem.missingPermission':
    'Le bot n’a pas une permission dont il a besoin : « {detail} ». Accordez-la (Discord : paramètres du serveur → Rôles → le rôle du bot ; Slack : la page de l’app, OAuth & Permissions ou App Home, puis réinstallez-la), puis recommencez.',
  'chat.problem.limitReached':
    'La limite de la plateforme est atteinte ({detail}) : libérez de la place (archivez d’anciens salons), puis recommencez.',
  'chat.problem.missingCategory':
    'La catégorie « {detail} » n’existe pas sur le serveur : créez-la (ou changez son nom dans la section spaces de la configuration), donnez au bot « Gérer les salons » dessus, puis recommencez.',

  'command.group.mentorat.description': 'Le programme de mentorat en binôme : découvrir, s’inscrire, retrouver son binôme',
  'command.group.mentorat-admin.description': 'Coordination du programme de mentorat (réservé à la coordination)',

  'steps.progress': 'Étape {step} sur {total}',
  'steps.continue': 'Continuer',
  'steps.fix': 'Corriger',
  'steps.retry': 'Réessayer',
  'steps.keptForRetry': 'Vos réponses sont gardées : « Réessayer » reprend là où vous en étiez.',
  'steps.cancel': 'Abandonner',
  'steps.open': 'Remplir',
  'steps.choose': 'Choisissez dans les menus ci-dessous, puis « Continuer ».',
  'steps.nextIsText': 'Étape suivante : quelques réponses à écrire. Cliquez sur « Remplir ».',
  'steps.missing': 'Il manque encore : {fields}.',
  'steps.optional': 'facultatif',
  'steps.consent.accept': "Oui, j'accepte",
  'steps.consent.decline': "Non, je n'accepte pas",
  'steps.cancelled': "Formulaire abandonné : rien n'a été enregistré.",
  'steps.expired':
    'Ce formulaire a expiré ou a déjà été envoyé. Relancez la commande pour recommencer : vos dernières réponses vous seront proposées.',
  'steps.fixHint': 'Vos réponses sont gardées : « Corriger » rouvre seulement les étapes concernées.',

  'command.error.missingOption': 'Il manque l’option « {option} ».',
  'people.notEnrolled': "Personne n'est inscrit·e sous « {name} » : donnez son nom d'inscription ou mentionnez la personne.",
  'people.withdrawn': "« {name} » s'est retiré·e du programme.",
  'people.ambiguous': "{count} personnes inscrites s'appellent « {name} » : mentionnez la bonne.",
  'people.notAMentor': "{name} n'est pas inscrit·e comme mentor.",
  'people.notAMentee': "{name} n'est pas inscrit·e comme mentoré·e.",
  'people.unknownUser': "Je ne reconnais pas « {name} » : mentionnez la personne (@…) ou donnez son nom d'inscription.",
  'option.person.mentee.description': 'Le ou la mentoré·e (mention ou nom d’inscription)',
  'option.person.mentor.description': 'Le mentor (mention ou nom d’inscription)',
  'option.person.referent.description': 'Le ou la référent·e (mention)',
  'option.person.person.description': 'La personne concernée (mention)',
  'option.referents.action.description': 'Lister, ajouter ou retirer (liste par défaut)',
  'option.binome.action.description': 'Créer un binôme ou le dissoudre',
  'option.action.list': 'lister',
  'option.action.add': 'ajouter',
  'option.action.remove': 'retirer',
  'option.action.create': 'créer',
  'option.action.dissolve': 'dissoudre',

  'command.admin.referents.description': 'Les référent·es : lister, ajouter, retirer',
  'command.admin.pin.description': 'Imposer un binôme dans les prochaines propositions',
  'command.admin.forbid.description': 'Écarter un binôme des prochaines propositions',
  'command.admin.release.description': 'Lever une épingle ou une interdiction sur un binôme',
  'command.admin.setReferent.description': 'Choisir le ou la référent·e du binôme d’un·e mentoré·e',
  'command.admin.confirm.description': 'Confirmer la dernière proposition : les paires deviennent des binômes',
  'command.admin.announce.description': 'Annoncer les binômes confirmés : salon privé, message d’accueil, messages privés',
  'command.admin.binome.description': 'Créer un binôme à la main, ou en dissoudre un',
  'command.mentorat.binome.description': 'Mon binôme, mon ou ma référent·e, notre espace privé et le dernier point d’étape',

  'referents.title': '**Référent·es ({count})**',
  'referents.entry': '- {person} — suit {count, plural, one {# binôme} other {# binômes}} ({source})',
  'referents.source.config': 'configuration',
  'referents.source.chat': 'ajouté·e dans le chat',
  'referents.none':
    "Aucun·e référent·e pour l'instant : les binômes n'en auront pas. Ajoutez-en avec `/mentorat-admin referents action:ajouter personne:@…`.",
  'referents.roles':
    'Les membres du rôle {roles} peuvent utiliser les commandes des référent·es ; ajoutez-les ici pour leur confier des binômes.',
  'referents.personRequired': 'Indiquez la personne : `personne:@…`.',
  'referents.added': '{person} est maintenant référent·e : les prochains binômes pourront lui être confiés.',
  'referents.alreadyAdded': '{person} est déjà référent·e.',
  'referents.alreadyInConfig': '{person} est déjà référent·e (nommé·e dans la configuration).',
  'referents.removeFromConfig': '{person} est référent·e dans la configuration (access.referents.users) : retirez-l·a de ce fichier.',
  'referents.removed': "{person} n'est plus référent·e : aucun nouveau binôme ne lui sera confié.",
  'referents.stillFollows':
    'Cette personne suit encore {count, plural, one {# binôme} other {# binômes}} : choisissez-leur un·e autre référent·e avec `/mentorat-admin changer-referent`.',
  'referents.notAReferent': "{person} n'était pas référent·e : rien n'a changé.",

  'propose.everyonePaired':
    'Tous les mentoré·es inscrit·es ont déjà un binôme ({count, plural, one {# binôme confirmé} other {# binômes confirmés}}) : personne à apparier.',
  'propose.noReferent': ' — ⚠️ sans référent·e : ses signalements iraient à la coordination',
  'propose.morePairs': '… et {count, plural, one {# autre paire} other {# autres paires}} : voir le fichier CSV.',
  'propose.decisions':
    'Décisions de la coordination appliquées : {pins, plural, one {# épinglé} other {# épinglés}}, {forbids, plural, one {# écarté} other {# écartés}}, {referents, plural, one {# choix de référent·e} other {# choix de référent·es}}.',
  'propose.alreadyPaired':
    '{count, plural, one {# binôme déjà confirmé reste tel quel et n’est pas recalculé} other {# binômes déjà confirmés restent tels quels et ne sont pas recalculés}}.',
  'propose.noReferents': "Aucun·e référent·e n'est désigné·e : ajoutez-en avec `/mentorat-admin referents` avant de confirmer si possible.",
  'propose.pairsWithoutReferent':
    '⚠️ {count, plural, one {# paire n’a pas de référent·e : ses signalements iraient} other {# paires n’ont pas de référent·e : leurs signalements iraient}} directement à la coordination. Choisissez-en avec `/mentorat-admin changer-referent` avant de confirmer si possible.',
  'propose.howToConfirm':
    "Rien n'est encore confirmé. Ajustez avec `/mentorat-admin epingler`, `interdire` ou `changer-referent` puis relancez `apparier` ; confirmez avec le bouton ci-dessous ou `/mentorat-admin valider`.",
  'propose.nothingToConfirm': "Aucune paire n'est possible pour l'instant : il n'y a rien à confirmer.",
  'propose.button.confirm': '{count, plural, one {Confirmer ce binôme} other {Confirmer ces # binômes}}',

  'match.notice.noMentor': "aucun mentor n'était inscrit à ce tour",
  'match.notice.full': 'les mentors compatibles avec votre profil avaient déjà toutes leurs places prises',
  'match.notice.no-shared-language': 'aucun mentor disponible ne partageait une de vos langues de travail',
  'match.notice.excluded': 'les mentors disponibles faisaient partie des personnes que vous avez demandé à éviter',
  'match.notice.no-way-to-meet':
    'aucun mentor disponible ne pouvait vous rencontrer : la distance ne convenait pas à l’un de vous deux, et le présentiel aurait été dans une autre région',
  'match.notice.same-affiliation': 'les mentors disponibles travaillent dans la même structure que vous',
  'match.notice.forbidden': "la coordination n'a pas retenu les possibilités restantes",
  'match.rule.no-shared-language': 'aucune langue en commun',
  'match.rule.excluded': 'exclu par le ou la mentoré·e',
  'match.rule.no-way-to-meet': 'aucun moyen de se rencontrer',
  'match.rule.same-affiliation': 'même structure',
  'match.rule.forbidden': 'écarté par la coordination',

  'decision.alreadyPaired': 'Ce ou cette mentoré·e a déjà un binôme : {pair}. Dissolvez-le d’abord si besoin.',
  'decision.mentorFull': "{person} n'a plus de place à épingler : capacité {capacity}, binômes en cours et épingles comprises.",
  'decision.excludedByMentee': 'Impossible : le ou la mentoré·e a demandé à ne pas être apparié·e avec ce mentor ({pair}).',
  'decision.pinned':
    'Épinglé : {pair} sera proposé à chaque calcul, jusqu’à la prochaine confirmation. Relancez `/mentorat-admin apparier`.',
  'decision.forbidden': 'Écarté : {pair} ne sera plus proposé, jusqu’à la prochaine confirmation. Relancez `/mentorat-admin apparier`.',
  'decision.released': 'Plus aucune décision sur {pair}. Relancez `/mentorat-admin apparier`.',
  'decision.nothingToRelease': "Il n'y avait ni épingle ni interdiction sur {pair}.",
  'decision.notAReferent':
    "{person} n'est pas référent·e : ajoutez-l·a d’abord avec `/mentorat-admin referents action:ajouter personne:@…`.",
  'decision.referentIsMember': 'Un·e référent·e ne peut pas suivre un binôme dont il ou elle fait partie.',
  'decision.referentChosen': '{person} suivra le binôme de {mentee} dès sa formation. Relancez `/mentorat-admin apparier` pour le voir.',
  'decision.referentChanged': '{person} est maintenant référent·e de {pair}.',
  'decision.alreadyAnnounced':
    'Le binôme {pair} est déjà annoncé : son salon privé a déjà ses membres. Dissolvez-le et recréez-le avec le bon ou la bonne référent·e.',

  'confirm.noProposal': 'Aucune proposition à confirmer : lancez d’abord `/mentorat-admin apparier`.',
  'confirm.outdatedProposal':
    "Cette proposition n'est plus la dernière : une autre a été calculée depuis. Confirmez la plus récente, ou relancez `/mentorat-admin apparier`.",
  'confirm.alreadyConfirmed':
    'Cette proposition est déjà confirmée ({count, plural, one {# binôme} other {# binômes}}). Étape suivante : `/mentorat-admin annoncer`.',
  'confirm.changedSince':
    'Des choses ont changé depuis cette proposition (inscriptions, retraits, épingles, binômes…) : relancez `/mentorat-admin apparier`, relisez, puis confirmez.',
  'confirm.done': '**{count, plural, one {# binôme confirmé} other {# binômes confirmés}}.**',
  'confirm.more': '… et {count, plural, one {# autre} other {# autres}}.',
  'confirm.waitlisted':
    '{count, plural, one {# mentoré·e sans binôme passe sur la liste d’attente ; il ou elle sera prévenu·e} other {# mentoré·es sans binôme passent sur la liste d’attente ; ils et elles seront prévenu·es}} à l’annonce.',
  'confirm.next': "Personne n'est encore prévenu·e. Étape suivante : le bouton ci-dessous ou `/mentorat-admin annoncer`.",
  'confirm.button.announce': 'Annoncer maintenant',

  'announce.alreadyRunning': 'Une annonce est déjà en cours pour cette communauté : attendez son résumé.',
  'announce.nothingConfirmed': 'Aucun binôme confirmé à annoncer : `/mentorat-admin apparier`, puis `valider`.',
  'announce.nothingLeft':
    'Rien de nouveau à annoncer : {count, plural, one {le binôme confirmé est déjà annoncé} other {les # binômes confirmés sont déjà annoncés}}.',
  'announce.progress': 'Annonce en cours : {done}/{total}…',
  'announce.summary':
    '**Annonce terminée** : {announced}/{total, plural, one {# binôme annoncé} other {# binômes annoncés}} (salon privé et message d’accueil).',
  'announce.messagesSent': '{count, plural, one {# message privé envoyé} other {# messages privés envoyés}}.',
  'announce.noticesSent': '{count, plural, one {# mentoré·e sans binôme prévenu·e} other {# mentoré·es sans binôme prévenu·es}}.',
  'announce.spaceFailures': '**Binômes non annoncés ({count})** :',
  'announce.messageFailures': '**Messages privés non remis ({count})** :',
  'announce.moreFailures': '… et {count, plural, one {# autre} other {# autres}} du même genre.',
  'announce.willRetry': '(essai {attempt} ; nouvel essai à la prochaine annonce)',
  'announce.givenUp': '(abandonné après plusieurs essais ; le salon du binôme contient le message)',
  'announce.busy':
    '{count, plural, one {# étape est en cours ailleurs ou a été interrompue} other {# étapes sont en cours ailleurs ou ont été interrompues}} il y a moins de 5 minutes.',
  'announce.runAgain': 'Relancez `/mentorat-admin annoncer` pour terminer : rien ne sera envoyé deux fois.',
  'announce.stoppedPlatform': '**Annonce interrompue** : {problem}',
  'announce.stoppedShutdown': '**Annonce interrompue** : le bot s’arrête.',
  'announce.interrupted':
    '**Annonce interrompue** : le stockage ne répond plus. Déjà fait et enregistré : {announced, plural, =0 {aucun binôme annoncé} one {# binôme annoncé} other {# binômes annoncés}}. Reste à faire : la suite pour {binomesLeft, plural, =0 {aucun binôme} one {# binôme} other {# binômes}} et {noticesLeft, plural, =0 {aucun message} one {# message} other {# messages}} aux mentoré·es sans binôme. Le bot reprendra seul dans quelques minutes.',
  'announce.problem.error': 'erreur de la plateforme ({detail})',

  'announce.resumed':
    '**Annonce reprise et terminée** : le bot s’était arrêté pendant l’annonce que vous aviez lancée ; il a fait ce qui restait.',
  'announce.welcome.title': '**Bienvenue dans votre binôme de mentorat !**',
  'announce.welcome.private': 'Ce salon est privé : seul·es vous trois (et le bot) le voyez.',
  'announce.welcome.privatePair': 'Ce salon est privé : seul·es vous deux (et le bot) le voyez.',
  'announce.who.mentee': '- **Mentoré·e** : {person}',
  'announce.who.mentor': '- **Mentor** : {person}',
  'announce.who.referent': '- **Référent·e** : {person}',
  'announce.who.noReferent': '- **Référent·e** : aucun·e pour ce binôme ; ses signalements vont directement à la coordination.',
  'announce.welcome.pillars': '**Les piliers du programme**',
  'announce.welcome.referentRole': '**Le rôle du ou de la référent·e**',
  'announce.welcome.firstSteps': '**Pour commencer**',
  'announce.welcome.reporting':
    '**En cas de difficulté** : `/mentorat signaler`, à taper ici ou n’importe où, ouvre un formulaire privé ; votre signalement va à votre référent·e (ou à la coordination), jamais à l’autre membre du binôme. `/mentorat signalement` explique la suite.',
  'announce.dm.mentee': '**Votre binôme de mentorat est formé !** Votre mentor : {partner}.',
  'announce.dm.mentor': '**Votre binôme de mentorat est formé !** Vous accompagnez : {partner}.',
  'announce.dm.referent': '**Un binôme vous est confié** : {mentee} (mentoré·e) et {mentor} (mentor).',
  'announce.dm.space': 'Votre salon privé : {space}.',
  'announce.dm.noSpace': 'Votre salon privé arrive bientôt.',
  'announce.dm.yourReferent': 'Référent·e : {person}',
  'announce.dm.more': '`/mentorat binome` retrouve ces informations à tout moment.',
  'announce.waitlist.title': '**Pas de binôme pour vous à ce tour**',
  'announce.waitlist.why': 'Pourquoi : {reasons}.',

  'binome.mine.title': '**Votre binôme**',
  'binome.mine.yourMentor': 'Votre mentor : {person}',
  'binome.mine.yourMentee': 'Vous accompagnez : {person}',
  'binome.mine.follows': 'Vous suivez : {mentee} ↔ {mentor}',
  'binome.mine.space': 'Salon privé : {space}',
  'binome.mine.since': 'Depuis le {date}',
  'binome.mine.pending': 'Votre binôme est formé ; la coordination l’annoncera très bientôt, avec votre salon privé.',
  'binome.mine.waitlisted': "Vous n'avez pas de binôme pour l'instant : vous êtes sur la liste d’attente pour le prochain tour.",
  'binome.mine.none': "Vous n'avez pas encore de binôme : la coordination vous écrira lors de la formation des binômes.",
  'binome.mine.notEnrolled': "Vous n'êtes pas inscrit·e au programme. `/mentorat inscription` pour le faire.",
  'binome.mine.nothingToFollow':
    'Vous ne suivez encore aucun binôme annoncé : la coordination vous en confiera lors des prochaines annonces.',
  'binome.mentorFull': '{person} suit déjà {capacity, plural, one {# mentoré·e} other {# mentoré·es}}, sa capacité.',
  'binome.otherRole':
    '{person} est déjà dans un binôme en cours comme {role} : personne n’est mentor et mentoré·e à la fois. Mettez d’abord fin à ce binôme avec `/mentorat-admin binome action:dissoudre mentore:@…`.',
  'binome.created': '**Binôme créé** : {pair}.',
  'binome.createdScore': 'Score {score} ({reasons}).',
  'binome.createdDespite': 'Attention, une règle habituelle n’est pas respectée : {rule}.',
  'binome.announceNext': "Personne n'est encore prévenu·e : `/mentorat-admin annoncer` l’annoncera.",
  'binome.noneToDissolve': "{name} n'a pas de binôme en cours.",
  'binome.dissolve.question':
    'Dissoudre le binôme {pair} ? {referent, select, yes {Les deux membres et le ou la référent·e seront prévenu·es en privé.} other {Ses deux membres seront prévenu·es en privé (il n’a pas de référent·e).}}',
  'binome.dissolve.questionUnannounced': 'Dissoudre le binôme {pair} ? Il n’a pas encore été annoncé : personne ne sera prévenu·e.',
  'binome.dissolve.yes': 'Oui, dissoudre',
  'binome.dissolve.done': 'Le binôme {pair} est dissous.',
  'binome.dissolve.notAnnounced':
    "Il n'avait pas encore été annoncé : personne n'est prévenu·e, ses membres pourront être apparié·es de nouveau.",
  'binome.dissolve.told': 'Prévenu·es : {people}.',
  'binome.dissolve.notReached': 'Non joignables en privé : {people}.',
  'binome.dissolved.byCoordinator': 'Le binôme {pair} a été dissous par la coordination.',
  'binome.dissolved.memberLeft': 'Le binôme {pair} prend fin : un de ses membres a quitté le programme.',
  'binome.dissolved.next':
    'Merci pour ce qui a été partagé. Si vous restez inscrit·e, vous pourrez être apparié·e de nouveau au prochain tour ; la coordination reste disponible pour toute question.',
  'binome.ended.spaceNotice':
    '**Ce binôme a pris fin.** Merci à chacun·e pour ce qui a été partagé ici. Pour toute question, la coordination reste disponible.',
  'binome.space.noticeFailed': 'Le message de fin n’a pas pu être publié dans {space}.',
  'binome.space.removeFailed': 'La personne partie n’a pas pu être retirée de {space}.',
  'binome.space.archiveFailed': 'Le salon {space} n’a pas pu être archivé ; le bot réessaiera.',
  'binome.space.gaveUp': 'Le bot a cessé de réessayer : faites-le à la main sur la plateforme.',
  'binome.space.platformError': 'La plateforme a répondu par une erreur ({detail}) : faites-le à la main si besoin.',
  'binome.space.problemsTitle': '**Fin d’un binôme : une action n’a pas pu être faite**',

  'withdraw.confirm.inBinome':
    '{count, plural, one {Votre binôme prendra fin} other {Vos # binômes prendront fin}} : {referent, select, yes {{count, plural, one {l’autre membre et votre référent·e en seront prévenu·es} other {les autres membres et leurs référent·es en seront prévenu·es}}} other {{count, plural, one {l’autre membre en sera prévenu·e} other {les autres membres en seront prévenu·es}}}}.',
  'withdraw.confirm.losesSpace':
    '{count, plural, one {Vous n’aurez plus accès à son salon privé.} other {Vous n’aurez plus accès à leurs salons privés.}}',
  'withdraw.binomesEnded':
    '{count, plural, one {# binôme a pris fin} other {# binômes ont pris fin}} ; les autres personnes concernées ont été prévenues.',

  'command.mentorat.report.description': 'Signaler une difficulté, en privé, à votre référent·e',
  'command.mentorat.myReports.description': 'Mes signalements : leur statut et nos échanges',
  'command.mentorat.followUp.description': 'Mes binômes suivis et les signalements que je traite (référent·es)',
  'command.mentorat.reportTake.description': 'Prendre en charge un signalement',
  'command.mentorat.reportReply.description': 'Répondre au sujet d’un signalement (via le bot)',
  'command.mentorat.reportNote.description': 'Ajouter une note interne à un signalement (jamais envoyée à son auteur·e)',
  'command.mentorat.reportResolve.description': 'Clore un signalement, avec une note de résolution',
  'command.mentorat.reportEscalate.description': 'Transmettre un signalement à la coordination, avec une raison',
  'command.admin.reports.description': 'Tous les signalements : filtres, décomptes et export CSV sans les textes',
  'command.admin.report.description': 'Un signalement et son historique ; le confier à un·e référent·e',
  'option.report.reference.description': 'La référence du signalement, par exemple SIG-0007',
  'option.reports.status.description': 'Seulement ceux de ce statut',
  'option.reports.category.description': 'Seulement ceux de cette catégorie (son identifiant)',

  'report.status.received': 'Reçu',
  'report.status.in-progress': 'En cours de traitement',
  'report.status.resolved': 'Résolu',

  'report.form.title': 'Signaler une difficulté',
  'report.form.category': 'Catégorie',
  'report.form.binome': 'Binôme concerné (nom de l’autre membre)',
  'report.form.binomeHint': 'Seulement si vous avez plusieurs binômes ; « aucun » pour le programme en général',
  'report.form.description': 'Que se passe-t-il ?',
  'report.form.descriptionHint': 'Décrivez la situation (10 à 2 000 caractères)',
  'report.form.contact': 'Être recontacté·e',
  'report.form.contactStatement': 'Je souhaite que mon ou ma référent·e me recontacte.',
  'report.form.error.whichBinome':
    'Vous avez plusieurs binômes : écrivez le nom de l’autre membre de celui qui est concerné ({names}), ou « aucun ».',
  'report.form.error.unknownBinome': 'Aucun de vos binômes ne correspond à ce nom. Vos binômes : {names} ; ou « aucun ».',
  'report.form.noBinomes': 'aucun pour l’instant',
  'report.rejected': 'Votre signalement n’est pas encore envoyé : corrigez ce qui est indiqué, puis validez à nouveau.',
  'report.notEnrolled':
    'Pour faire un signalement avec le bot, il faut être inscrit·e au programme. En attendant, écrivez directement à l’équipe de coordination : elle vous répondra en toute confidentialité.',
  'report.tooMany':
    'Vous avez déjà envoyé {count, plural, one {# signalement} other {# signalements}} dans l’heure : c’est la limite. Réessayez un peu plus tard ; en cas d’urgence, écrivez directement à la coordination.',
  'report.notSaved':
    'Votre signalement n’a pas pu être enregistré (problème technique momentané) : rien n’a été envoyé. Réessayez dans un instant ; ce que vous avez écrit est conservé si votre plateforme le permet.',
  'report.filed': '**Signalement {reference} enregistré.** Merci de nous avoir écrit.',
  'report.filed.toReferent':
    'Il est transmis en privé au ou à la référent·e de votre binôme. Vous serez prévenu·e quand il sera pris en charge, puis résolu ; les réponses vous arriveront en message privé.',
  'report.filed.toCoordinators':
    'Il est transmis en privé à l’équipe de coordination. Vous serez prévenu·e quand il sera pris en charge, puis résolu ; les réponses vous arriveront en message privé.',
  'report.filed.private':
    'L’autre membre de votre binôme n’en saura rien. Retrouvez-le à tout moment avec `/mentorat mes-signalements reference:{reference}`.',
  'report.notFound': 'Aucun signalement {reference} ne vous est accessible.',
  'report.alreadyResolved': 'Le signalement {reference} est résolu : il n’accepte plus de réponse ni d’action.',
  'report.handledBy': 'Le signalement {reference} est déjà pris en charge par {person}.',
  'report.reporterErased': 'L’auteur·e du signalement {reference} a effacé ses données : on ne peut plus lui écrire.',
  'report.take.done': 'Vous prenez en charge le signalement {reference}. Son auteur·e en est informé·e.',
  'report.take.already': 'Vous traitez déjà le signalement {reference}.',
  'report.reply.sentToReporter': 'Votre réponse au signalement {reference} est envoyée à son auteur·e, en privé.',
  'report.reply.sentToHandler': 'Votre message au sujet de {reference} est transmis en privé à la personne qui le traite.',
  'report.note.done': 'Note interne ajoutée au signalement {reference} (l’auteur·e ne la verra pas).',
  'report.resolve.done': 'Le signalement {reference} est résolu ; son auteur·e reçoit votre note de résolution.',
  'report.escalate.done': 'Le signalement {reference} est transmis à l’équipe de coordination, avec votre raison.',
  'report.reassign.done': 'Le signalement {reference} est confié à {person}, qui le reçoit en message privé.',
  'report.reassign.notReferent':
    '{person} n’est pas référent·e : ajoutez cette personne avec `/mentorat-admin referents action:ajouter personne:@…`, puis confiez-lui le signalement.',
  'report.reassign.toReporter': 'On ne peut pas confier un signalement à la personne qui l’a fait.',
  'report.reassign.toConcerned': 'Ce signalement concerne cette personne : il ne peut pas lui être confié.',

  'report.textForm.reference': 'Référence du signalement',
  'report.textForm.rejected': 'Rien n’est envoyé : corrigez ce qui est indiqué.',
  'report.textForm.reply.title': 'Répondre',
  'report.textForm.reply.label': 'Votre message',
  'report.textForm.note.title': 'Note interne',
  'report.textForm.note.label': 'Note (jamais envoyée à l’auteur·e)',
  'report.textForm.resolve.title': 'Clore le signalement',
  'report.textForm.resolve.label': 'Note de résolution (envoyée à l’auteur·e)',
  'report.textForm.escalate.title': 'Transmettre',
  'report.textForm.escalate.label': 'Pourquoi le transmettre à la coordination ?',

  'report.button.take': 'Prendre en charge',
  'report.button.reply': 'Répondre',
  'report.button.note': 'Note interne',
  'report.button.resolve': 'Clore',
  'report.button.escalate': 'Transmettre à la coordination',

  'report.view.title': '**Signalement {reference}**',
  'report.view.category': 'Catégorie : {category}',
  'report.view.reporter': 'Auteur·e : {person}',
  'report.view.reporterErased': 'Auteur·e : données effacées',
  'report.view.binome': 'Binôme : {mentee} ↔ {mentor}',
  'report.view.noBinome': 'Binôme : aucun (le programme en général)',
  'report.view.contactYes': 'Souhaite être recontacté·e : oui',
  'report.view.contactNo': 'Souhaite être recontacté·e : non',
  'report.view.status': 'Statut : {status} (envoyé le {date})',
  'report.view.handler': 'Pris en charge par : {person}',
  'report.view.noHandler': 'Pris en charge par : personne pour l’instant',
  'report.view.textErased': '_Le texte a été effacé._',
  'report.view.resolution': '**Résolution**',
  'report.thread.fromReporter': '**Auteur·e**, le {date} :',
  'report.thread.fromHandler': '**Réponse**, le {date} :',
  'report.thread.note': '**Note interne** de {person}, le {date} :',

  'report.notice.taken': 'Votre signalement {reference} est pris en charge. Statut : {status}.',
  'report.notice.reply': '**Réponse à votre signalement {reference}**',
  'report.notice.replyHint': 'Pour répondre : le bouton ci-dessous, ou `/mentorat repondre reference:{reference}`.',
  'report.notice.resolved': 'Votre signalement {reference} est clos. Statut : {status}. Note de résolution :',
  'report.notice.escalated': 'Votre signalement {reference} est désormais suivi par l’équipe de coordination.',
  'report.notice.reassigned': 'Votre signalement {reference} est confié à un·e autre référent·e, qui le suivra désormais.',

  'report.handling.new': '**Nouveau signalement {reference}** : il vous est adressé en tant que référent·e de ce binôme.',
  'report.handling.escalated.button': '**Signalement {reference} transmis à la coordination** par {person}.',
  'report.handling.escalated.deadline':
    '**Signalement {reference} transmis à la coordination** : personne ne l’a pris en charge dans les délais.',
  'report.handling.escalated.unreachable':
    '**Signalement {reference} pour la coordination** : son ou sa référent·e ne peut pas être joint·e en privé.',
  'report.handling.escalated.delivery-failed':
    '**Signalement {reference} pour la coordination** : il n’a pas pu être remis à son ou sa référent·e.',
  'report.handling.escalated.category': '**Nouveau signalement {reference} pour la coordination** : il concerne un·e référent·e.',
  'report.handling.escalated.no-binome':
    '**Nouveau signalement {reference} pour la coordination** : il ne concerne pas un binôme en particulier.',
  'report.handling.escalated.no-referent': '**Nouveau signalement {reference} pour la coordination** : ce binôme n’a pas de référent·e.',
  'report.handling.escalated.referent-involved':
    '**Nouveau signalement {reference} pour la coordination** : le ou la référent·e de ce binôme y est impliqué·e.',
  'report.handling.openIt':
    'Son texte n’est pas affiché ici, car il concerne un·e référent·e : ouvrez-le avec `/mentorat-admin signalement reference:{reference}`.',
  'report.handling.reason': 'Raison donnée :',
  'report.handling.taken': 'Le signalement {reference} est pris en charge par {person}.',
  'report.handling.reporterReplied': '**Nouveau message de l’auteur·e du signalement {reference}** :',
  'report.handling.reassigned': '**Le signalement {reference} vous est confié** par la coordination.',
  'report.handling.reminder': '**Rappel : le signalement {reference} attend toujours d’être pris en charge.**',
  'report.handling.closedByErasure':
    'Le signalement {reference} est clos : son auteur·e a effacé ses données, ses textes ont été supprimés.',

  'report.mine.title': '**Mes signalements**',
  'report.mine.none': 'Vous n’avez fait aucun signalement. `/mentorat signaler` si quelque chose vous préoccupe.',
  'report.mine.hint': 'Le détail et nos échanges : `/mentorat mes-signalements reference:SIG-…`.',
  'report.list.untaken': 'non pris en charge',
  'report.followUp.binomes': '**Binômes que je suis : {count}**',
  'report.followUp.binome': '- {mentee} ↔ {mentor}, depuis le {date}',
  'report.followUp.reports': '**Signalements ouverts que je traite ou peux prendre : {count}**',
  'report.followUp.hint': 'Le détail d’un signalement, avec ses boutons : `/mentorat suivi reference:SIG-…`.',
  'report.admin.counts': '**Signalements : {total}** — reçus : {received}, en cours : {inProgress}, résolus : {resolved}',
  'report.admin.none': 'Aucun signalement ne correspond.',
  'report.admin.more': '… et {count, plural, one {# de plus (il est} other {# de plus (tous sont}} dans le fichier CSV).',
  'report.admin.hint': 'Le détail et l’historique : `/mentorat-admin signalement reference:SIG-…` ; le confier : ajoutez `referent:@…`.',
  'report.history.nobody': 'le bot',
  'report.history.title': '**Historique**',
  'report.history.line': '- {date} {time} · {event} · {who} {detail}',
  'report.event.filed': 'envoyé',
  'report.event.received': 'reçu',
  'report.event.shown': 'texte affiché',
  'report.event.taken': 'pris en charge',
  'report.event.replied': 'réponse à l’auteur·e',
  'report.event.reporter-replied': 'message de l’auteur·e',
  'report.event.noted': 'note interne',
  'report.event.escalated': 'transmis à la coordination',
  'report.event.reassigned': 'confié',
  'report.event.reminded': 'rappel',
  'report.event.resolved': 'résolu',
  'report.event.closed-by-erasure': 'clos (données effacées)',
  'report.event.purged': 'textes purgés',
  'report.detail.dm': 'par message privé',
  'report.detail.command': 'par une commande',
  'report.detail.coordination': 'dans l’espace de coordination',
  'report.detail.first': 'première prise en charge',
  'report.detail.button': 'par un·e référent·e',
  'report.detail.deadline': 'délai dépassé',
  'report.detail.unreachable': 'référent·e injoignable',
  'report.detail.delivery-failed': 'remise impossible',
  'report.detail.category': 'selon la catégorie',
  'report.detail.no-binome': 'sans binôme',
  'report.detail.no-referent': 'binôme sans référent·e',
  'report.detail.referent-involved': 'référent·e impliqué·e',

  'chart.title': 'Cycle {cycle}',
  'chart.funnel.title': 'Du début à la fin du cycle',
  'chart.funnel.axis': 'Personnes',
  'chart.funnel.enrolled': 'Inscrit·es',
  'chart.funnel.matched': 'En binôme',
  'chart.funnel.met': 'Première rencontre faite',
  'chart.funnel.feedback': 'Retour donné',
  'chart.funnel.feedbackHidden': 'Avis (moins de 3, non montrés)',
  'chart.checkIns.title': 'Réponses aux points d’étape',
  'chart.checkIns.period': 'Point d’étape',
  'chart.checkIns.axis': 'Réponses',
  'chart.checkIns.legend': 'Réponse',
  'chart.checkIns.met': 'Rencontré·es',
  'chart.checkIns.notYet': 'Pas encore',
  'chart.checkIns.needHelp': 'Besoin d’aide',
  'chart.checkIns.noAnswer': 'Sans réponse',
  'chart.checkIns.empty': 'Aucun point d’étape pour l’instant.',
  'command.mentorat.feedback.description': 'Donner mon avis sur le cycle terminé (anonyme)',
  'feedback.form.title': 'Votre avis sur le cycle',
  'feedback.form.satisfaction': 'Satisfaction, de 1 (pas du tout) à 5 (très)',
  'feedback.form.level.one': '1 — pas du tout satisfait·e',
  'feedback.form.level.two': '2 — peu satisfait·e',
  'feedback.form.level.three': '3 — moyennement satisfait·e',
  'feedback.form.level.four': '4 — satisfait·e',
  'feedback.form.level.five': '5 — très satisfait·e',
  'feedback.form.recommend': 'Recommanderiez-vous le programme ?',
  'feedback.form.comment': 'Un commentaire (facultatif)',
  'feedback.form.commentHint': 'Anonyme : ne vous nommez pas, ne nommez personne',
  'feedback.ask':
    'Le cycle **{cycle}** de {programme} est terminé : merci d’y avoir pris part ! Trois questions, moins d’une minute, et vos réponses restent anonymes : elles ne sont gardées qu’avec celles des autres, jamais avec votre nom. Si ce message se perd, `/mentorat avis` ouvre le même formulaire pendant 8 semaines.',
  'feedback.button': 'Donner mon avis',
  'feedback.notOpen':
    'Aucun avis à donner en ce moment : le formulaire s’ouvre à la fin d’un cycle où vous étiez en binôme, pour 8 semaines.',
  'feedback.alreadyAnswered':
    'Vous avez déjà donné votre avis sur le cycle {cycle}, merci ! Comme il est anonyme, il ne peut être ni relu ni modifié.',
  'feedback.rejected': 'Votre avis n’est pas enregistré : corrigez les champs indiqués.',
  'feedback.thanks':
    'Merci ! Votre avis sur le cycle {cycle} est enregistré, sans votre nom. Seuls des chiffres d’ensemble en sont montrés, à partir de 3 réponses.',

  'command.admin.stats.description': 'Les chiffres d’un cycle : inscrit·es, binômes, points d’étape, avis',
  'option.stats.cycle.description': 'Le nom d’un cycle passé, par exemple 2025-2026 (sinon le cycle en cours)',
  'stats.title': '**Statistiques du cycle {cycle}** ({state})',
  'stats.state.enrolment-open': 'inscriptions ouvertes',
  'stats.state.enrolment-closed': 'inscriptions closes',
  'stats.state.closed': 'terminé',
  'stats.enrolled.current':
    '- Inscrit·es actifs aujourd’hui : {mentors, plural, one {# mentor} other {# mentors}} et {mentees, plural, one {# mentoré·e} other {# mentoré·es}}',
  'stats.enrolled.past':
    '- Participant·es du cycle (binômes et liste d’attente) : {mentors, plural, one {# mentor} other {# mentors}} et {mentees, plural, one {# mentoré·e} other {# mentoré·es}}',
  'stats.binomes': '- Binômes : {active, plural, one {# en cours} other {# en cours}}, {ended, plural, one {# terminé} other {# terminés}}',
  'stats.waiting.current':
    '- Sans binôme : {unmatched, plural, one {# mentoré·e} other {# mentoré·es}}, dont {waiting, plural, one {# sur la liste d’attente} other {# sur la liste d’attente}}',
  'stats.waiting.past': '- Restés sur la liste d’attente : {waiting, plural, one {# mentoré·e} other {# mentoré·es}}',
  'stats.checkIns':
    '- Points d’étape : {answered, plural, one {# répondu} other {# répondus}} sur {posted, plural, one {# posé} other {# posés}} ({rate} %)',
  'stats.meetings':
    '- Rencontres : {rounds, plural, one {# point d’étape « on s’est vus »} other {# points d’étape « on s’est vus »}} ; {binomes, plural, one {# binôme s’est vu} other {# binômes se sont vus}} au moins une fois',
  'stats.pauses':
    '- Pauses commencées pendant le cycle : {started, plural, one {# pause} other {# pauses}}, dont {noAnswer, plural, one {# faute de réponse} other {# faute de réponse}}',
  'stats.fit':
    '- « Pas le bon binôme » : {said, plural, one {# fois} other {# fois}}, pour {binomes, plural, one {# binôme} other {# binômes}}',
  'stats.reports': '- Signalements : {total, plural, one {# signalement} other {# signalements}}',
  'stats.reports.category':
    '  - {category} : {received, plural, one {# reçu} other {# reçus}}, {inProgress, plural, one {# en cours} other {# en cours}}, {resolved, plural, one {# résolu} other {# résolus}}',
  'stats.feedback':
    '- Avis : satisfaction moyenne {mean} sur 5 ; {recommend} % recommanderaient le programme ({answers, plural, one {# réponse} other {# réponses}})',
  'stats.feedback.hidden': '- Avis : moins de 3 réponses, non montrés',
  'stats.feedback.privacy': '_Les avis sont anonymes : seuls ces chiffres d’ensemble en sont montrés, jamais un commentaire ni un nom._',
  'stats.unknownCycle': 'Aucun cycle ne s’appelle « {cycle} ». Cycles connus : {names}.',
  'stats.chartUnavailable': '_Le graphique n’a pas pu être dessiné cette fois ; les chiffres ci-dessus sont complets._',
  'stats.chart.round': 'Point {round}',

  'digest.title': '**Le point de la semaine** (depuis le {since})',
  'digest.enrolments':
    '- Nouvelles inscriptions : {mentors, plural, one {# mentor} other {# mentors}} et {mentees, plural, one {# mentoré·e} other {# mentoré·es}}',
  'digest.atRisk': '- Binômes à risque : {count, plural, one {# binôme} other {# binômes}}',
  'digest.pair': '  - {mentee} ↔ {mentor}',
  'digest.overdue.none': '- Signalements en retard : aucun',
  'digest.overdue':
    '- Signalements en retard (personne ne les a pris) : {count, plural, one {# signalement} other {# signalements}} : {references}',
  'digest.hint': 'Les chiffres du cycle : `/mentorat-admin stats` ; les binômes et leur état : `/mentorat-admin binomes`.',
  'digest.hint.report': 'Pour ouvrir un signalement : `/mentorat suivi reference:{reference}`.',
  'checkIn.post.title': '**Point d’étape n°{round}**',
  'checkIn.post.question': '{people}, vous êtes-vous rencontré·es depuis le dernier point ? Une réponse suffit, d’un clic.',
  'checkIn.button.met': 'On s’est vu·es',
  'checkIn.button.notYet': 'Pas encore',
  'checkIn.button.help': 'J’ai besoin d’aide',
  'checkIn.answered.met':
    'Merci, c’est noté : vous vous êtes rencontré·es (point n°{round}). Vous pouvez changer de réponse tant que le point suivant n’est pas posé.',
  'checkIn.answered.notYet':
    'Merci, c’est noté : pas encore de rencontre (point n°{round}). Un message à votre binôme pour proposer un moment suffit souvent.',
  'checkIn.notAMember':
    'Ce point d’étape s’adresse aux deux membres du binôme : votre clic n’a rien enregistré. Merci de votre attention !',
  'checkIn.ended': 'Ce binôme a pris fin : ce point d’étape n’attend plus de réponse.',
  'checkIn.unknownRound': 'Ce point d’étape est introuvable.',
  'checkIn.closedRound':
    'Ce point d’étape (n°{round}) est clos : un point plus récent (n°{latest}) a été posé dans votre espace, répondez plutôt à celui-là.',
  'checkIn.latest': 'Dernier point d’étape de votre binôme avec {partner} (n°{round}) : vous êtes-vous rencontré·es ?',
  'checkIn.alert.title': '**Point d’étape : un binôme à suivre**',
  'checkIn.alert.seen':
    'Le binôme de {mentee} et {mentor} n’a pas signalé de rencontre lors des {count, plural, one {# dernier point d’étape} other {# derniers points d’étape}} : {notYet, plural, =0 {} one {# « pas encore »} other {# « pas encore »}}{both, select, yes {, } other {}}{silent, plural, =0 {} one {# point sans réponse} other {# points sans réponse}}.',
  'checkIn.alert.todo':
    'Vous pourriez leur écrire, leur proposer un premier rendez-vous ou demander à la coordination de l’aide. Les membres du binôme ne sont pas prévenus de ce message.',
  'checkIn.alert.noReferent': 'Ce binôme n’a pas de référent·e : ce message arrive donc à la coordination.',
  'checkIn.alert.referentUnreachable':
    'Le message n’a pas pu parvenir à son référent ou sa référente ({referent}) : il arrive donc à la coordination.',
  'checkIn.paused.dm':
    'Vous n’avez pas répondu aux {count, plural, one {# dernier point d’étape} other {# derniers points d’étape}} de votre binôme avec {partner} : votre participation est mise en pause, et vous ne recevrez plus de relance.',
  'checkIn.paused.resume':
    'Pour reprendre quand vous le souhaitez, tapez `/mentorat reprendre`. Si quelque chose ne va pas, `/mentorat signaler` reste ouvert.',
  'command.mentorat.pause.description': 'Faire une pause : plus de nouveau binôme ni de relance pour un temps',
  'command.mentorat.resume.description': 'Reprendre le programme après une pause',
  'command.mentorat.notAFit.description': 'Dire en privé que mon binôme ne fonctionne pas',
  'command.admin.pairs.description': 'Les binômes du cycle, leur santé et la liste d’attente, avec exports CSV',
  'option.pause.weeks.description': 'Combien de semaines (1 à 52) ; sans rien, jusqu’à nouvel ordre',
  'option.pairs.cycle.description': 'Le nom d’un cycle (par défaut, le cycle en cours)',

  'pause.until': 'jusqu’au {date}',
  'pause.untilFurtherNotice': 'jusqu’à nouvel ordre',
  'pause.notEnrolled':
    'Vous n’êtes pas inscrit·e au programme : pause et reprise ne concernent que les inscrit·es. `/mentorat inscription` pour vous inscrire.',
  'pause.invalidWeeks':
    '« {typed} » n’est pas un nombre de semaines possible : de 1 à {max}, ou rien pour une pause jusqu’à nouvel ordre. Par exemple : `/mentorat pause semaines:4`.',
  'pause.already': 'Vous êtes déjà en pause ({length}). `/mentorat reprendre` pour revenir plus tôt.',
  'pause.done.timed':
    '**Vous êtes en pause {length}.** Pendant ce temps, on ne vous propose pas de nouveau binôme et vous ne recevez pas de relance.{binome, select, yes { Votre binôme continue d’exister ; sa ou son référent·e est prévenu·e.} other {}} La pause se terminera d’elle-même et vous le dira ; `/mentorat reprendre` pour revenir plus tôt.',
  'pause.done.open':
    '**Vous êtes en pause {length}.** Pendant ce temps, on ne vous propose pas de nouveau binôme et vous ne recevez pas de relance.{binome, select, yes { Votre binôme continue d’exister ; sa ou son référent·e est prévenu·e.} other {}} `/mentorat reprendre` quand vous voulez revenir.',
  'pause.notPaused': "Vous n'êtes pas en pause : il n'y a rien à reprendre. `/mentorat pause` si vous avez besoin d'en faire une.",
  'pause.resumed':
    '**Bon retour !** Votre pause est finie : vous pouvez de nouveau être proposé·e pour un binôme et recevoir les points d’étape.{binome, select, yes { La ou le référent·e de votre binôme est prévenu·e.} other {}}',
  'pause.expired':
    '**Votre pause est terminée.** Vous pouvez de nouveau être proposé·e pour un binôme et recevoir les points d’étape ; si vous avez un binôme, sa ou son référent·e le sait. Besoin de plus de temps ? `/mentorat pause`.',
  'pause.referent.started':
    '{because, select, noAnswer {{person} est mis·e en pause ({length}) après plusieurs points d’étape sans réponse, dans un binôme que vous suivez} other {{person} se met en pause ({length}) dans un binôme que vous suivez}} : pas de nouveau binôme ni de relance pour elle ou lui pendant ce temps.',
  'pause.referent.ended': '{person} reprend le programme : sa pause est finie.',
  'pause.pinRefused':
    '{person} est en pause ({length}) : impossible de l’épingler, une personne en pause n’est jamais proposée. Attendez la fin de la pause, ou qu’elle ou il reprenne avec `/mentorat reprendre`.',
  'pause.proposal.title':
    '**En pause, laissé·es de côté ({count})** : {count, plural, one {cette personne n’est pas proposée} other {ces personnes ne sont pas proposées}} tant que dure la pause.',
  'pause.manualWarning': 'Attention : {person} est en pause ({length}) ; pas de relance pour elle ou lui tant qu’elle dure.',
  'pause.proposal.person': '- {person} : en pause {length}',

  'match.reason.firstInLine': 'en tête de la liste d’attente (binôme précédent dissous)',

  'fit.noBinome':
    "Vous n'avez pas de binôme en cours : il n'y a rien à signaler ici. Pour une difficulté, `/mentorat signaler` la transmet en toute confidentialité.",
  'fit.notMetYet':
    'Le programme demande de se rencontrer au moins une fois avant de juger un binôme : vous pourrez le dire ici après un premier « on s’est vus » à un point d’étape. Si quelque chose vous inquiète d’ici là, `/mentorat signaler` est fait pour ça, en toute confidentialité.',
  'fit.alreadySaid': 'Vous l’avez déjà dit pour ce binôme : la coordination est prévenue et décidera de la suite.',
  'fit.choose': 'Vous avez plusieurs binômes. Lequel ne fonctionne pas ?',
  'fit.button.with': 'Avec {name}',
  'fit.binomeEnded': 'Ce binôme a pris fin entre-temps : il n’y a plus rien à signaler.',
  'fit.confirm.question':
    'Dire que votre binôme avec {other} ne fonctionne pas ? Votre référent·e et la coordination seront prévenu·es, en privé ; {other} ne sera pas prévenu·e. La coordination pourra dissoudre le binôme ou le garder.',
  'fit.confirm.questionNoReferent':
    'Dire que votre binôme avec {other} ne fonctionne pas ? La coordination sera prévenue, en privé (votre binôme n’a pas de référent·e) ; {other} ne sera pas prévenu·e. La coordination pourra dissoudre le binôme ou le garder.',
  'fit.confirm.yes': 'Oui, le dire',
  'fit.done.referent': 'C’est noté. {referent} et la coordination sont prévenu·es, en privé ; l’autre membre ne l’est pas.',
  'fit.done.noReferent': 'C’est noté. La coordination est prévenue, en privé ; l’autre membre ne l’est pas.',
  'fit.done.coordinationUnreachable':
    'L’espace de la coordination n’a pas pu être joint pour l’instant : votre avis est enregistré et apparaît dans la liste des binômes qu’elle consulte.',
  'fit.referent.dm':
    '**Binôme à revoir** : {person} dit en privé que le binôme {pair}, que vous suivez, ne fonctionne pas. La coordination peut le dissoudre ; l’autre membre n’a pas été prévenu·e, merci de ne pas le lui dire.',
  'fit.noReferent': 'aucun·e',
  'fit.coordination.post':
    '**Binôme à revoir** : {person} dit en privé que le binôme {pair} (référent·e : {referent}) ne fonctionne pas. L’autre membre n’a pas été prévenu·e.\nDissoudre le binôme remet {mentee} sur la liste d’attente, en tête pour le prochain tour ; le garder ne change rien.',
  'fit.button.dissolve': 'Dissoudre le binôme',
  'fit.button.keep': 'Garder le binôme',
  'fit.unknown': 'Ce binôme ou cet avis n’existe plus.',
  'fit.alreadyResolved': 'C’est déjà fait : le binôme a été {resolution, select, dissolved {dissous} other {gardé}} le {date}.',
  'fit.dissolved': '**Binôme dissous** : {pair}. Ses membres et sa ou son référent·e sont prévenu·es, sans la raison.',
  'fit.dissolved.firstInLine': '{mentee} est sur la liste d’attente, en tête pour le prochain tour (`/mentorat-admin apparier`).',
  'fit.kept': 'Binôme gardé : {pair}. Rien ne change, personne n’est prévenu.',
  'fit.mentee.firstInLine':
    'Vous êtes sur la liste d’attente, **en tête** pour le prochain tour : la coordination vous proposera un·e autre mentor dès que possible.',

  'pairs.unknownCycle': 'Aucun cycle ne s’appelle « {name} ». Cycles connus : {names}.',
  'pairs.title':
    '**Binômes du cycle {cycle}** : {count, plural, one {# binôme} other {# binômes}}, dont {active, plural, one {# en cours} other {# en cours}} ({atRisk, plural, one {# à risque} other {# à risque}})',
  'pairs.none': 'Aucun binôme dans ce cycle pour l’instant.',
  'pairs.line': '- {mentee} ↔ {mentor} · référent·e : {referent} · {state}{facts}',
  'pairs.noReferent': 'aucun·e',
  'pairs.health.on-track': 'en bonne voie',
  'pairs.health.needs-check-in': 'point d’étape à relancer',
  'pairs.health.at-risk': '**à risque**',
  'pairs.ended':
    'terminé le {date} ({because, select, coordinator {dissous par la coordination} withdrawal {un membre s’est retiré} erasure {un membre a effacé ses données} cycleClosed {fin du cycle} other {fin du binôme}})',
  'pairs.fact.paused': ' · {count, plural, one {# membre en pause} other {# membres en pause}}',
  'pairs.fact.notAFit': ' · {count, plural, one {# « pas compatible » ouvert} other {# « pas compatible » ouverts}}',
  'pairs.fact.reports': ' · {count, plural, one {# signalement ouvert} other {# signalements ouverts}}',
  'pairs.fact.noCheckIn': ' · pas encore de point d’étape',
  'pairs.fact.checkIns':
    ' · {count, plural, one {# point d’étape} other {# points d’étape}}{met, select, yes {, rencontre confirmée} other {, pas encore de rencontre}}',
  'pairs.more': '… et {count} de plus : voir le fichier CSV.',
  'pairs.waitlist.title': '**Liste d’attente ({count})**',
  'pairs.waitlist.empty': 'Liste d’attente : personne.',
  'pairs.waitlist.line':
    '{position}. {person} · depuis le {since}{firstInLine, select, yes { · **en tête (binôme précédent dissous)**} other {}}{paused, select, yes { · en pause} other {}}',
  'command.admin.cycle.description': 'Voir le cycle en cours, clore ses inscriptions, le clore, ouvrir le suivant',
  'option.cycle.action.description': 'Ce qu’il faut faire du cycle (sans action : le voir)',
  'option.cycle.action.open-next': 'ouvrir le suivant',
  'option.cycle.action.close-enrolment': 'clore les inscriptions',
  'option.cycle.action.close': 'clore le cycle',
  'option.cycle.name.description': 'Nom du nouveau cycle, par exemple 2027-2028',
  'cycle.state.enrolment-open': 'inscriptions ouvertes',
  'cycle.state.enrolment-closed': 'inscriptions closes',
  'cycle.state.closed': 'clos',
  'cycle.show.title': '**Cycle {name}** : {state}',
  'cycle.show.opened': 'Ouvert le {date}.',
  'cycle.show.enrolmentClosed': 'Inscriptions closes le {date}.',
  'cycle.show.closed': 'Clos le {date}.',
  'cycle.show.counts':
    '{enrolled, plural, one {# inscrit·e} other {# inscrit·es}} · {binomes, plural, one {# binôme en cours} other {# binômes en cours}} · {waiting, plural, one {# mentoré·e en attente} other {# mentoré·es en attente}}',
  'cycle.meaning.enrolment-open':
    'Chacun·e peut s’inscrire ou modifier son profil, et les tours d’appariement ont lieu avec `/mentorat-admin apparier`. Quand les inscriptions doivent s’arrêter : `/mentorat-admin cycle action:close-enrolment`.',
  'cycle.meaning.enrolment-closed':
    'Plus de nouvelle inscription ; les inscrit·es peuvent encore modifier leur profil, et les tours d’appariement continuent pour celles et ceux qui attendent. En fin de programme : `/mentorat-admin cycle action:close` met fin aux binômes et envoie le formulaire de retour.',
  'cycle.meaning.closed':
    'Ce cycle est terminé : ses binômes ont pris fin et restent dans l’historique. Pour recommencer : `/mentorat-admin cycle action:open-next` (nom par défaut : l’année universitaire suivante).',
  'cycle.question.open-next':
    'Ouvrir le cycle **{name}**, après {previous} ? Les inscriptions y seront ouvertes tout de suite ; les personnes déjà inscrites le restent et pourront être appariées dès le premier tour.',
  'cycle.question.close-enrolment':
    'Clore les inscriptions du cycle **{name}** ({enrolled, plural, one {# inscrit·e} other {# inscrit·es}}, {binomes, plural, one {# binôme} other {# binômes}}, {waiting, plural, one {# mentoré·e en attente} other {# mentoré·es en attente}}) ? Plus personne ne pourra s’inscrire ; les tours d’appariement continuent.',
  'cycle.question.close':
    'Clore le cycle **{name}** ? {binomes, plural, =0 {Aucun binôme n’y est en cours,} one {Son binôme en cours prendra fin (ses membres seront remercié·es en privé et recevront le formulaire de retour),} other {Ses # binômes en cours prendront fin (leurs membres seront remercié·es en privé et recevront le formulaire de retour),}} et plus aucun tour d’appariement n’aura lieu dans ce cycle. {enrolled, plural, one {# personne inscrite le reste} other {# personnes inscrites le restent}} pour le cycle suivant ; {waiting, plural, one {# mentoré·e en attente le sera} other {# mentoré·es en attente le seront}} au premier tour du suivant. C’est définitif.',
  'cycle.button.open-next': 'Ouvrir le cycle',
  'cycle.button.close-enrolment': 'Clore les inscriptions',
  'cycle.button.close': 'Clore le cycle',
  'cycle.done.open-next': 'Le cycle **{name}** est ouvert : les inscriptions sont possibles dès maintenant.',
  'cycle.done.close-enrolment':
    'Les inscriptions du cycle **{name}** sont closes. Les tours d’appariement continuent (`/mentorat-admin apparier`) ; `/mentorat-admin cycle action:close` clôturera le cycle.',
  'cycle.done.close':
    'Le cycle **{name}** est clos. {binomes, plural, =0 {Il n’avait aucun binôme en cours.} one {Son binôme en cours prend fin maintenant (ses membres sont remercié·es en privé s’il avait été annoncé).} other {Ses # binômes en cours prennent fin maintenant (les membres des binômes annoncés sont remercié·es en privé).}} {participants, plural, =0 {Aucun formulaire de retour à envoyer.} one {Le formulaire de retour part à # participant·e.} other {Le formulaire de retour part aux # participant·es.}} Pour la suite : `/mentorat-admin cycle action:open-next`.',
  'cycle.open.badName':
    '« {name} » ne peut pas nommer un cycle : 1 à 32 lettres, chiffres, points, tirets ou soulignés, par exemple `/mentorat-admin cycle action:open-next nom:2027-2028`.',
  'cycle.open.nameTaken': 'Un cycle s’appelle déjà « {name} » dans cette communauté : choisissez un autre nom avec `nom:`.',
  'cycle.open.notClosed':
    'Le cycle {name} est encore en cours : clôturez-le d’abord avec `/mentorat-admin cycle action:close`, puis ouvrez le suivant.',
  'cycle.move.wrongState': 'Impossible : le cycle {name} est déjà à l’état « {state} ». `/mentorat-admin cycle` montre où il en est.',
  'cycle.changedMeanwhile':
    'Le cycle a changé depuis la question (le cycle en cours est {name}) : rien n’a été fait. `/mentorat-admin cycle` montre où il en est.',
  'cycle.enrolmentRefused.enrolmentClosed':
    'Les inscriptions du cycle {name} sont closes : rien n’a été enregistré. Écrivez à la coordination du programme ; elle vous dira quand le prochain cycle ouvre, ou vous inscrira si c’est encore possible.',
  'cycle.enrolmentRefused.closed':
    'Le cycle {name} est terminé et le suivant n’est pas encore ouvert : rien n’a été enregistré. Écrivez à la coordination du programme ; elle vous dira quand les inscriptions rouvrent.',
  'cycle.matchingRefused':
    'Le cycle {name} est clos : plus aucun binôme ne s’y forme. Ouvrez le cycle suivant avec `/mentorat-admin cycle action:open-next`, puis lancez un tour.',
  'binome.dissolved.cycleClosed':
    'Le cycle du programme se termine, et avec lui le binôme {pair}. Merci à vous pour ce temps partagé ! Un court formulaire de retour va vous parvenir en privé ; vos réponses aident à préparer le cycle suivant. Votre salon privé reste lisible, mais ne reçoit plus de messages.',
  'binome.dissolved.cycleClosed.referent':
    'Le cycle du programme se termine, et avec lui le binôme {pair} que vous suiviez. Merci pour votre accompagnement ! Son salon privé reste lisible, mais ne reçoit plus de messages.',
  'match.reason.pairedBefore': 'déjà en binôme au cycle {cycle}',
  'match.reason.askedAgain': 'déjà en binôme au cycle {cycle}, et tous deux ont demandé à l’être de nouveau',
  'match.unmatched.paired-before':
    '{count, plural, one {# mentor déjà en binôme avec cette personne} other {# mentors déjà en binôme avec cette personne}} lors d’un cycle précédent',
  'match.notice.paired-before': 'les mentors restants vous ont déjà accompagné·e lors d’un cycle précédent',
  'match.rule.paired-before': 'déjà en binôme lors d’un cycle précédent',
  'form.enrol.pairAgain.label': 'Retrouver votre binôme précédent ?',
  'form.enrol.pairAgain.hint': 'Après un cycle en binôme : être réunis si l’autre le veut aussi (sinon, jamais reproposés)',
  'form.enrol.pairAgain.name': 'Retrouver le binôme précédent',
  'pairAgain.yes': 'oui, si possible',
  'pairAgain.no': 'non',
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof fr;
