# rekey : français. Même liste de messages que le catalogue de référence anglais (en/main.ftl),
# avec les mêmes variables. Texte brut uniquement : les pages et les e-mails échappent ce qu'ils affichent.

## Toutes les pages

product-name = Mot de passe en libre-service
skip-to-content = Aller au contenu principal
language-switcher = Langue
language-apply = Changer
footer-never-share = Ne communiquez jamais votre mot de passe ni vos codes. Le support technique ne vous les demandera jamais.
continue = Continuer
pow-working = Vérification de votre navigateur. Cela prend quelques secondes…
start-again = Recommencer
back-to-start = Retour à l'accueil
return-to = Revenir là où vous étiez
sign-in = Se connecter
steps-label = Progression
step-n-of-m = Étape { $now } sur { $of }
step-done = Terminé :
error-box-title = Un problème est survenu
done-what-changed = Ce qui a changé
done-next = Que faire maintenant
done-notice-sent = Une confirmation a été envoyée à vos adresses e-mail.
hint-passwords-match = Les deux mots de passe sont identiques.
hint-passwords-differ = Les deux mots de passe ne sont pas encore identiques.

## Champs

field-username = Nom d'utilisateur
field-username-hint = Le nom que vous utilisez pour vous connecter à votre ordinateur ou à votre messagerie.
field-password = Mot de passe
field-current-password = Mot de passe actuel
field-new-password = Nouveau mot de passe
field-new-password-hint = Les règles de mot de passe de votre organisation s'appliquent.
field-new-password-again = Confirmer le nouveau mot de passe
field-code = Code
field-email = Adresse e-mail
field-email-hint = Utilisez une adresse personnelle que vous pouvez consulter même quand vous ne pouvez pas vous connecter. Nous vous enverrons un code pour la vérifier.

## Étapes

step-username = Nom d'utilisateur
step-verify = Vérification d'identité
step-verify-n = Vérification d'identité ({ $n } sur { $of })
step-new-password = Nouveau mot de passe
step-unlock = Déverrouillage
step-sign-in = Connexion
step-methods = Choix des méthodes
step-confirm = Confirmation
step-passwords = Mots de passe

## Page d'accueil

home-title = Gérer votre mot de passe
home-lead = Choisissez ce que vous souhaitez faire.
home-tasks = Tâches
home-reset = J'ai oublié mon mot de passe
home-reset-text = Prouvez votre identité et choisissez-en un nouveau.
home-unlock = Mon compte est verrouillé
home-unlock-text = Prouvez votre identité et déverrouillez votre compte, en conservant votre mot de passe.
home-change = Changer mon mot de passe
home-change-text = Vous connaissez votre mot de passe actuel et souhaitez en changer.
home-register = Configurer des méthodes de récupération
home-register-text = Enregistrez une adresse e-mail ou une application d'authentification pour pouvoir réinitialiser votre mot de passe vous-même.

## Réinitialisation et déverrouillage

reset-title = Réinitialiser votre mot de passe
unlock-title = Déverrouiller votre compte
reset-username-lead = Saisissez votre nom d'utilisateur. Vous prouverez ensuite votre identité avec une méthode que vous avez enregistrée, puis vous choisirez un nouveau mot de passe.
unlock-username-lead = Saisissez votre nom d'utilisateur. Vous prouverez ensuite votre identité avec une méthode que vous avez enregistrée ; votre mot de passe ne change pas.
choose-title = Prouvez votre identité
choose-title-more = Vérifiez avec une autre méthode
choose-lead = Choisissez une méthode que vous avez enregistrée. Si vous n'en avez enregistré aucune, vous ne pouvez pas continuer ici : contactez le support technique.
choose-email = M'envoyer un code par e-mail
choose-totp = Utiliser un code de mon application d'authentification
choose-questions = Répondre à mes questions de sécurité
choose-email-needs = Il vous faut : votre messagerie, sur cet appareil ou un autre
choose-sms-needs = Il vous faut : le téléphone mobile enregistré, avec du réseau
choose-totp-needs = Il vous faut : l'application d'authentification de votre téléphone
choose-passkey-needs = Il vous faut : votre clé d'accès ou clé de sécurité, ou l'appareil qui la contient
choose-questions-needs = Il vous faut : les réponses données lors de l'enregistrement
contact-title = Support technique
contact-phone = Téléphone
contact-email = E-mail
contact-hours = Horaires
contact-location = Sur place
contact-url = Web
code-help-summary = Pas reçu de code ?
code-help-email-spam = Les codes arrivent en général en moins d'une minute. Regardez aussi dans vos courriers indésirables.
code-help-sms-wait = Les SMS arrivent en général en moins d'une minute. Vérifiez que votre téléphone capte le réseau et n'est pas en mode avion.
code-help-which = Le code part uniquement à l'adresse ou au numéro enregistré ici pour ce compte, qui n'est peut-être pas celui que vous utilisez tous les jours.
code-help-typed = Vérifiez l'adresse ou le numéro affiché ci-dessus. S'il est faux, annulez et saisissez-le à nouveau.
code-help-valid = Un code est valable { $minutes ->
        [one] une minute
       *[other] { $minutes } minutes
    }. Vous pouvez en demander un nouveau ci-dessus ; seul le plus récent fonctionne.
code-help-never = Si vous n'avez jamais enregistré de méthode de récupération ici, aucun code n'arrivera : choisissez une autre méthode ou contactez le support technique.
code-help-phone = Vous pouvez aussi continuer sur votre téléphone : { $url }
code-email-title = Saisissez le code reçu par e-mail
code-email-lead = Si une adresse e-mail est enregistrée pour ce compte, nous y avons envoyé un code. Il est valable { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }. Il peut mettre une minute à arriver ; vérifiez aussi votre dossier de courrier indésirable.
code-totp-title = Saisissez le code de votre application d'authentification
code-totp-lead = Ouvrez l'application que vous avez enregistrée et saisissez le code à 6 chiffres qu'elle affiche en ce moment.
code-resend = Envoyer un nouveau code
code-other-method = Utiliser une autre méthode
code-wrong = Ce code est incorrect. { code-tries-left }
code-tries-left = { $count ->
        [0] Dernier essai : une nouvelle erreur mettra fin à cette tentative.
        [one] Il vous reste { $count } essai.
       *[other] Il vous reste { $count } essais.
    }
code-expired = Ce code a expiré. Demandez un nouveau code et saisissez le plus récent.
code-not-sent = Aucun code n'a encore été envoyé. Utilisez le bouton ci-dessous pour en obtenir un.
code-replayed = Ce code a déjà été utilisé. Attendez que votre application affiche un nouveau code, puis saisissez-le.
unlock-ready-title = Votre identité est vérifiée
unlock-ready-lead = Déverrouillez votre compte maintenant. Votre mot de passe ne change pas.
unlock-button = Déverrouiller mon compte
password-title = Choisissez un nouveau mot de passe
password-lead = Les règles de mot de passe de votre organisation s'appliquent. Une longue phrase secrète composée de plusieurs mots sans rapport entre eux est facile à retenir et difficile à deviner.
password-button = Définir le nouveau mot de passe
reset-done-title = Votre mot de passe a été réinitialisé
reset-done-password = Le mot de passe de { $username } a été remplacé le { $when }. Votre ancien mot de passe ne fonctionne plus.
reset-done-unlocked = Votre compte est déverrouillé.
reset-done-must-change = Vous devrez choisir un autre mot de passe lors de votre prochaine connexion.
reset-done-sessions-kept = Vos autres appareils et applications sont peut-être encore connectés avec l'ancien mot de passe. Déconnectez-vous-en maintenant, ou demandez au support technique de vous déconnecter partout.
reset-done-next = Votre nouveau mot de passe fonctionne dès maintenant. Utilisez-le sur chaque appareil où vous vous connectez (messagerie du téléphone, VPN, Wi-Fi). Si vous n'êtes pas à l'origine de cette opération, contactez immédiatement le support technique.
unlock-done-title = Votre compte est déverrouillé
unlock-done-unlocked = Le compte { $username } a été déverrouillé le { $when }.
unlock-done-password-kept = Votre mot de passe n'a pas changé : connectez-vous avec celui-ci comme d'habitude.
unlock-done-next = Si votre compte continue d'être verrouillé, un appareil utilise peut-être encore un ancien mot de passe. Vérifiez les paramètres de messagerie, de VPN et de Wi-Fi de votre téléphone.

## Changement

change-title = Changer votre mot de passe
change-lead = Vous avez besoin de votre mot de passe actuel.
change-forgot = Vous l'avez oublié ? Réinitialisez-le plutôt.
change-signed-in-as = Connecté en tant que { $login }.
change-button = Changer le mot de passe
change-done-title = Votre mot de passe a été changé
change-done-password = Le mot de passe de { $username } a été changé le { $when }. Votre ancien mot de passe ne fonctionne plus.
change-done-next = Utilisez désormais votre nouveau mot de passe, sur chaque appareil où vous vous connectez (messagerie du téléphone, VPN, Wi-Fi).
change-done-register = Avez-vous configuré des méthodes de récupération ? Elles vous permettent de réinitialiser un mot de passe oublié sans passer par le support technique.
change-same-as-old = Le nouveau mot de passe doit être différent du mot de passe actuel.
change-expired = Votre mot de passe a expiré et l'annuaire ne l'accepte plus, même pour le changer. Choisissez « J'ai oublié mon mot de passe » sur la page d'accueil pour en définir un nouveau.
password-expires-in-days = Votre mot de passe expire dans { $days } jours. Changez-le d'ici là.
password-expires-in-hours = Votre mot de passe expire dans { $hours ->
        [one] 1 heure
       *[other] { $hours } heures
    }. Changez-le maintenant.
password-grace-logins-left = Votre mot de passe a expiré. Il vous connectera encore { $count ->
        [one] 1 fois
       *[other] { $count } fois
    } ; changez-le maintenant.
change-wrong-current = Votre mot de passe actuel est incorrect. Vérifiez-le et réessayez.

## Enregistrement

register-sign-in-title = Connectez-vous pour configurer vos méthodes de récupération
register-sign-in-lead = Utilisez votre nom d'utilisateur et votre mot de passe habituels.
register-title = Connectez-vous pour enregistrer vos méthodes
methods-title = Vos méthodes de récupération
methods-lead = Connecté en tant que { $name }. Ces méthodes vous permettent de réinitialiser votre mot de passe ou de déverrouiller votre compte vous-même.
methods-still-needed = { $count ->
        [one] Enregistrez encore { $count } méthode pour continuer.
       *[other] Enregistrez encore { $count } méthodes pour continuer.
    }
methods-required = { $count ->
        [one] Votre organisation exige { $count } méthode.
       *[other] Votre organisation exige { $count } méthodes différentes.
    }
methods-registered = Enregistrées
methods-none = Aucune pour l'instant.
methods-col-method = Méthode
methods-col-added = Ajoutée le
methods-col-action = Action
methods-directory-email = E-mail : { $address } (issu de votre compte)
methods-email = E-mail : { $address }
methods-totp = Application d'authentification
methods-questions = Questions de sécurité
methods-remove = Supprimer
methods-remove-label = Supprimer { $method }
methods-add-email = Ajouter une adresse e-mail
methods-send-code = Envoyer un code à cette adresse
methods-add-totp = Ajouter une application d'authentification
methods-add-totp-text = Une application sur votre téléphone (Microsoft Authenticator, Google Authenticator, FreeOTP…) qui affiche un nouveau code à 6 chiffres toutes les 30 secondes.
methods-add-totp-button = Configurer une application d'authentification
methods-finish = Terminer et se déconnecter
methods-sign-out = Se déconnecter sans terminer
methods-added = Votre nouvelle méthode est enregistrée.
methods-add-voided = Trop de codes incorrects : cette méthode n'a pas été ajoutée. Vous pouvez réessayer.
methods-removed = La méthode a été supprimée.
methods-bad-address = Cette adresse e-mail ne semble pas valide. Vérifiez-la et réessayez.
methods-keep-one = Ajoutez une autre méthode avant de supprimer celle-ci : vous devez conserver au moins le nombre de méthodes exigé.
methods-review-title = Ces méthodes sont-elles toujours les vôtres ?
methods-review-text = Vérifiez les méthodes ci-dessous : supprimez toute adresse ou application que vous n'avez plus, et ajoutez-en de nouvelles. Puis confirmez.
methods-review-button = Elles sont toutes encore à moi
methods-review-thanks = Merci : vos méthodes sont confirmées.
methods-need-more = Vous devez enregistrer d'autres méthodes avant de pouvoir terminer.
confirm-email-title = Consultez vos e-mails
confirm-email-lead = Nous avons envoyé un code à { $address }. Saisissez-le ci-dessous pour confirmer l'adresse. Il peut mettre une minute à arriver ; vérifiez aussi votre dossier de courrier indésirable.
confirm-totp-title = Configurez votre application d'authentification
confirm-totp-1 = Ouvrez votre application d'authentification et choisissez d'ajouter un compte.
confirm-totp-2 = Scannez ce code QR avec l'application.
confirm-totp-qr = Code QR à scanner avec votre application d'authentification
confirm-totp-3 = Impossible de scanner ? Saisissez plutôt cette clé :
confirm-totp-4 = Saisissez le code à 6 chiffres que l'application affiche maintenant.
confirm-button = Confirmer
confirm-cancel = Annuler et revenir en arrière
confirm-code-expired = Ce code a expiré. Revenez en arrière et ajoutez de nouveau l'adresse pour obtenir un nouveau code.
confirm-code-unusable = Ce code ne peut pas être utilisé. Revenez en arrière et recommencez.
register-done-title = Tout est prêt
register-done-method = Enregistrée : { $method }
register-done-signed-out = Vous avez été déconnecté.
register-done-next = Si un jour vous oubliez votre mot de passe ou si votre compte est verrouillé, revenez ici et choisissez « J'ai oublié mon mot de passe » ou « Mon compte est verrouillé ».
sign-in-failed = Impossible de vous connecter avec ce nom d'utilisateur et ce mot de passe. Vérifiez-les et réessayez. Si vous avez oublié votre mot de passe, réinitialisez-le ; si votre compte est verrouillé, déverrouillez-le.
out-of-scope = Le libre-service n'est pas activé pour votre compte. Veuillez contacter le support technique.
must-change = Votre mot de passe a expiré ou doit être changé avant que vous puissiez continuer. Changez-le d'abord, puis revenez ici.
oidc-continue-title = Connexion en cours

## Nouveaux mots de passe

new-password-empty = Saisissez un nouveau mot de passe.
new-password-too-long = Le nouveau mot de passe est trop long : 256 caractères au maximum.
new-password-mismatch = Les deux nouveaux mots de passe ne sont pas identiques. Saisissez le même mot de passe dans les deux champs.
policy-too-short = Le nouveau mot de passe est trop court pour les règles de votre organisation. Choisissez-en un plus long.
policy-too-long = Le nouveau mot de passe dépasse la longueur autorisée par votre organisation. Choisissez-en un plus court.
policy-in-history = Vous avez utilisé ce mot de passe récemment. Choisissez-en un que vous n'avez jamais utilisé.
policy-too-young = Votre mot de passe a été changé trop récemment pour pouvoir être changé de nouveau. Réessayez plus tard, ou utilisez la page de réinitialisation si vous l'avez oublié.
policy-quality = Le nouveau mot de passe n'est pas assez complexe pour les règles de votre organisation. Mélangez majuscules, minuscules, chiffres et symboles, ou utilisez une phrase secrète plus longue.
policy-not-allowed = Votre organisation n'autorise pas le changement de ce mot de passe ici. Contactez le support technique.
policy-old-password-needed = Votre mot de passe actuel est nécessaire pour effectuer ce changement.
policy-other = Les règles de mot de passe de votre organisation ont refusé le nouveau mot de passe. Choisissez-en un autre, plus long.

## « Ce n'était pas moi »

disown-title = Ce n'était pas moi
disown-ask-1 = Si vous n'avez pas effectué l'opération décrite dans l'e-mail, quelqu'un d'autre a peut-être accédé à votre compte ou à ses méthodes de récupération.
disown-ask-2 = Bloquez dès maintenant le libre-service pour votre compte : plus personne ne pourra ici réinitialiser, déverrouiller ou changer son mot de passe, ni y ajouter des méthodes de récupération, et les tentatives en cours prendront fin. Votre support technique en sera informé et pourra lever le blocage une fois votre compte sécurisé.
disown-button = Bloquer le libre-service pour mon compte
disown-was-me = C'était bien moi
disown-done-title = Le libre-service est bloqué pour votre compte
disown-done-1 = Personne ne peut réinitialiser, déverrouiller ou changer votre mot de passe ici tant que votre support technique n'a pas levé le blocage. Les tentatives en cours ont pris fin et le support technique a été informé.
disown-done-2 = Contactez dès maintenant votre support technique pour qu'il vérifie votre compte et vous donne un nouveau mot de passe.
disown-spent-title = Ce lien ne peut pas être utilisé
disown-spent-1 = Il a déjà été utilisé ou a expiré. Si vous pensez toujours que quelqu'un d'autre a utilisé votre compte, contactez dès maintenant votre support technique.

## Borne

kiosk-footer = Cet ordinateur est partagé. Quand vous aurez terminé, rien de ce que vous avez saisi ne sera conservé.
kiosk-idle-title = Êtes-vous toujours là ?
kiosk-idle-text = Pour protéger votre confidentialité, cette page va revenir au début et effacer ce que vous avez saisi.
kiosk-idle-seconds = { $seconds ->
        [one] { $seconds } seconde restante.
       *[other] { $seconds } secondes restantes.
    }
kiosk-idle-stay = Je suis toujours là
kiosk-phone-title = Continuer sur votre téléphone
kiosk-phone-text = Scannez ce code avec l'appareil photo de votre téléphone pour effectuer cette opération sur votre propre téléphone.
kiosk-phone-qr = Code QR qui ouvre cette page sur votre téléphone
kiosk-done = Revenez maintenant à l'écran de connexion et connectez-vous.
kiosk-finish = Terminer

## Erreurs

error-reference = Référence : { $reference } (erreur { $status })
error-offer-reset = Réinitialiser votre mot de passe
error-unavailable-title = Les services de mot de passe sont indisponibles pour le moment
error-unavailable = Rien n'a été modifié. Le service qui vérifie et modifie les mots de passe ne répond pas pour le moment. Veuillez réessayer dans quelques minutes ; si le problème persiste, contactez le support technique.
error-unconfirmed-title = Impossible de confirmer le changement
error-unconfirmed = Le changement a été envoyé, mais aucune réponse n'est revenue : il a pu être effectué ou non. Si vous avez choisi un nouveau mot de passe, essayez de vous connecter avec ; si cela ne fonctionne pas, votre ancien mot de passe reste valable : connectez-vous avec, ou recommencez. Si aucun des deux ne fonctionne, contactez le support technique. Un avis a été envoyé à vos adresses e-mail et le changement est enregistré comme non confirmé.
error-refused-title = Ce compte ne peut pas être modifié ici
error-refused = Votre organisation ne permet pas à ce service de modifier ce compte (c'est habituel pour les comptes d'administrateur). Rien n'a été changé et réessayer n'y changera rien. Veuillez contacter le support technique.
error-rate-limited-title = Trop de tentatives
error-rate-limited = Pour la sécurité de tous, le nombre d'essais est limité. Rien n'a été modifié.
error-paused-title = Le libre-service est suspendu pour ce nom d'utilisateur
error-paused = Il y a eu trop de tentatives de réinitialisation du mot de passe pour ce nom d'utilisateur au cours des dernières 24 heures : le libre-service est donc suspendu pour celui-ci. Si vous avez besoin de réinitialiser votre mot de passe maintenant, contactez le support technique.
error-unlock-by-reset-title = Votre compte ne peut pas être déverrouillé ici
error-unlock-by-reset = Votre compte est géré dans Microsoft Entra ID. Le verrouillage après trop de mots de passe erronés ne peut pas être levé d'ici : il prend fin de lui-même à l'issue de sa durée. Vous pouvez choisir maintenant un nouveau mot de passe, pour que celui qui est essayé ne fonctionne plus. Rien n'a encore été modifié.
error-expired-title = Cette tentative a pris fin
error-expired = Le délai a expiré, la tentative était déjà terminée ou il y a eu trop de codes incorrects. Veuillez recommencer.
error-out-of-step-title = Cette page n'est plus à jour
error-out-of-step = Elle a peut-être été ouverte dans un autre onglet ou déjà utilisée. Veuillez recommencer.
error-voided-title = Trop de codes incorrects
error-voided = Pour votre sécurité, cette tentative a pris fin et rien n'a été modifié. Vous pouvez recommencer ; si vous n'avez pas demandé de code, vous pouvez ignorer ce message.
error-csrf-title = Ce formulaire a expiré
error-csrf = Pour votre sécurité, le formulaire n'a pas pu être accepté. Revenez en arrière, rechargez la page et réessayez.
error-bad-form-title = Le formulaire n'a pas pu être lu
error-bad-form = Revenez en arrière, rechargez la page et réessayez.
error-too-large-title = Trop de données envoyées
error-too-large = Ce que vous avez envoyé dépasse la taille acceptée par ce formulaire. Revenez en arrière et raccourcissez votre saisie.
error-internal-title = Un problème est survenu de notre côté
error-internal = Rien n'a été modifié. Veuillez réessayer ; si le problème persiste, communiquez au support technique la référence ci-dessous.
error-not-found-title = Page introuvable
error-not-found = Il n'y a aucune page à cette adresse. Repartez de la page d'accueil.
error-timeout-title = Le délai a été dépassé
error-timeout = Rien n'a été modifié. Veuillez réessayer.
error-method-title = Cette page ne peut pas être utilisée de cette façon
error-method = Repartez de la page d'accueil.
error-other-title = La demande n'a pas pu être traitée
error-other = Repartez de la page d'accueil.
wait-seconds = Vous pourrez réessayer dans moins d'une minute.
wait-minutes = Vous pourrez réessayer dans { $minutes ->
        [one] environ une minute
       *[other] environ { $minutes } minutes
    }.
wait-hours = Vous pourrez réessayer dans environ { $hours } heures.
wait-day = Vous pourrez réessayer dans environ un jour.

## Dates

date-time = { $weekday } { $day ->
        [1] 1er
       *[other] { $day }
    } { $month } { $year } à { $time } { $zone }
date-unknown = une date inconnue
weekday-1 = lundi
weekday-2 = mardi
weekday-3 = mercredi
weekday-4 = jeudi
weekday-5 = vendredi
weekday-6 = samedi
weekday-7 = dimanche
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre

## E-mails

mail-hello = Bonjour,
mail-hello-name = Bonjour { $name },
mail-code-subject = Votre code { $org } pour { $action }
mail-code-is = Votre code pour { $action } est :
mail-code-action-reset = réinitialiser votre mot de passe
mail-code-action-unlock = déverrouiller votre compte
mail-code-action-confirm = confirmer cette adresse e-mail
mail-code-action-sign-in = vous connecter
mail-code-expiry = { $minutes ->
        [one] Il expire dans { $minutes } minute.
       *[other] Il expire dans { $minutes } minutes.
    } Saisissez-le sur la page où vous l'avez demandé. Il n'est utilisable qu'une seule fois.
mail-code-not-you = Si vous n'êtes pas à l'origine de cette demande, ignorez cet e-mail : personne ne peut utiliser ce code sans connaître aussi votre nom d'utilisateur. Ne communiquez jamais ce code à personne, pas même au support technique.
mail-changed-subject = Votre mot de passe { $org } a été changé
mail-changed = Le mot de passe de votre compte { $org } a été changé.
mail-changed-risk = quelqu'un d'autre connaît peut-être votre mot de passe
mail-reset-subject = Votre mot de passe { $org } a été réinitialisé
mail-reset = Le mot de passe de votre compte { $org } a été réinitialisé via le portail libre-service.
mail-reset-risk = quelqu'un d'autre a peut-être accédé à votre compte
mail-unconfirmed-subject = Votre mot de passe { $org } a peut-être été changé
mail-unconfirmed = Quelqu'un a demandé à changer le mot de passe de votre compte { $org }. Le changement a été envoyé, mais aucune réponse n'est revenue : il a pu être effectué ou non.
mail-unconfirmed-risk = quelqu'un d'autre a peut-être tenté d'accéder à votre compte
mail-unlocked-subject = Votre compte { $org } a été déverrouillé
mail-unlocked = Votre compte { $org } a été déverrouillé via le portail libre-service. Votre mot de passe n'a pas changé.
mail-unlocked-risk = quelqu'un d'autre essaie peut-être d'accéder à votre compte
mail-method-added-subject = Une méthode de récupération a été ajoutée à votre compte { $org }
mail-method-added = Un nouveau moyen de prouver votre identité a été ajouté à votre compte { $org } : { $method }.
mail-method-removed-subject = Une méthode de récupération a été supprimée de votre compte { $org }
mail-method-removed = Un moyen de prouver votre identité a été supprimé de votre compte { $org } : { $method }.
mail-method-risk = quelqu'un d'autre essaie peut-être de prendre le contrôle de votre compte
mail-when = Date
mail-from = Provenance
mail-unknown-address = adresse inconnue
mail-was-you = Si c'était bien vous, vous n'avez rien d'autre à faire.
mail-disown = Si vous n'êtes pas à l'origine de cette opération, bloquez immédiatement le libre-service pour votre compte en ouvrant ce lien (utilisable une seule fois) : { $link }
mail-not-you = Si vous n'êtes pas à l'origine de cette opération, { $risk } : contactez immédiatement votre support technique et signalez-lui cet e-mail. Le portail libre-service est accessible à l'adresse { $url }

## Admin area

error-not-admin-title = Ce compte n'a pas accès à cet espace
error-not-admin = L'espace d'administration est réservé aux membres des groupes d'administrateurs. Votre compte n'en fait pas partie. Si vous avez besoin d'y accéder, adressez-vous à l'équipe qui gère ce portail.
admin-sign-in-title = Connexion administrateur
admin-sign-in-lead = Connectez-vous avec le mot de passe de votre compte d'annuaire. Vous prouverez ensuite votre identité avec une deuxième méthode que vous avez enregistrée.
admin-sign-in-oidc = Se connecter avec votre compte Microsoft
admin-needs-method = Les administrateurs doivent prouver leur identité avec une deuxième méthode. Enregistrez d'abord une application d'authentification ou une adresse e-mail, puis reconnectez-vous ici.
admin-verify-title = Prouvez votre identité
admin-verify-lead = Utilisez l'une des méthodes que vous avez enregistrées.
admin-verify-totp = Code de votre application d'authentification
admin-verify-email = Code par e-mail
admin-verify-send = Envoyer un code à mon adresse enregistrée
admin-verify-email-sent = Nous avons envoyé un code à votre adresse enregistrée. Il peut mettre une minute à arriver.
admin-nav-label = Espace d'administration
admin-nav-home = Vue d'ensemble
admin-nav-coverage = Enregistrement
admin-nav-activity = Activité
admin-nav-audit = Journal d'audit
admin-signed-in-as = Connecté en tant que { $name }
admin-home-title = Vue d'ensemble
admin-status-title = État
admin-status-service = Service
admin-status-now = Actuellement
admin-status-last-error = Dernière erreur depuis le démarrage
admin-status-directory = Annuaire
admin-status-database = Base de données
admin-status-mail = Serveur de messagerie
admin-status-ok = Répond
admin-status-unavailable = Ne répond pas
admin-status-none = Aucune
admin-agents-title = Agents de réécriture
admin-agents-none = Aucun agent n'est enregistré.
admin-agent-name = Agent
admin-agent-host = Hôte
admin-agent-version = Version
admin-agent-heartbeat = Dernier signal de vie
admin-agent-never = jamais
admin-agent-outdated = antérieure à { $min }, la plus ancienne que ce portail prend en charge : mettez-le à jour
admin-home-period = Du { $from } au { $to }
admin-see-activity = Activité en détail
admin-see-coverage = Qui s'est enregistré
admin-activity = Activité
admin-activity-register = Enregistrements
admin-activity-change = Changements de mot de passe
admin-activity-reset = Réinitialisations de mot de passe
admin-activity-unlock = Déverrouillages de compte
admin-started = Commencés
admin-succeeded = Réussis
admin-success-rate = Taux de réussite
admin-failed-steps = Étapes échouées
admin-failed = Échoués
admin-totals-caption = Totaux pour la période
admin-activity-title = Activité
admin-period-shown = Du { $from } au { $to } (UTC).
admin-bad-period = Les dates doivent être au format 2026-11-30, la première ne doit pas être postérieure à la seconde, et elles ne doivent pas être espacées de plus de 366 jours. Les 30 derniers jours sont affichés à la place.
admin-bad-date = Les dates doivent être au format 2026-11-30. La recherche a ignoré la date qui n'était pas dans ce format.
admin-from = Du
admin-to = Au
admin-show = Afficher
admin-last = Derniers :
admin-n-days = { $days } jours
admin-download-csv = Télécharger au format CSV
admin-definitions = Comment ces chiffres sont comptés
admin-definition-succeeded = Réussis : une méthode enregistrée, un mot de passe changé, un mot de passe réinitialisé ou un compte déverrouillé.
admin-definition-started = Commencés : réinitialisations et déverrouillages entamés (un nom d'utilisateur a été saisi), tentatives de changement et connexions pour enregistrer des méthodes. Les enregistrements n'ont pas de taux de réussite, car une seule connexion peut ajouter plusieurs méthodes.
admin-definition-failed = Étapes échouées : chaque étape qui s'est terminée par un échec. Une même tentative peut comporter plusieurs étapes échouées (un code incorrect, puis le bon) et réussir malgré tout.
admin-per-day = Par jour
admin-chart-title = Réussites par jour, du { $from } au { $to }
admin-chart-caption = Réussites par jour et par activité. Le tableau ci-dessous contient les mêmes chiffres.
admin-per-day-caption = Réussites par jour et par activité, et étapes échouées
admin-date = Date
admin-methods-title = Par méthode
admin-method = Méthode
admin-methods-used = Méthodes utilisées
admin-completed-with = Terminé avec
admin-nothing-yet = Rien sur cette période.
admin-method-email = Code par e-mail
admin-method-totp = Application d'authentification
admin-method-password = Mot de passe
admin-method-oidc = Authentification unique (SSO)
admin-method-questions = Questions de sécurité
admin-method-sms = Code par SMS
admin-method-passkey = Clé d'accès
admin-failures-title = Pourquoi des étapes ont échoué
admin-reason = Motif
admin-reason-codes = Les codes de motif qui composent ces groupes
admin-failure-wrong-code = Code ou réponse incorrects, ou code expiré
admin-failure-wrong-password = Mot de passe incorrect
admin-failure-locked-out = Compte verrouillé ou libre-service suspendu
admin-failure-policy = Refusé par les règles de mot de passe
admin-failure-directory-unavailable = Annuaire indisponible
admin-failure-rate-limited = Limite de tentatives atteinte
admin-failure-not-allowed = Non autorisé (hors périmètre, pas administrateur)
admin-failure-other = Autre
admin-coverage-title = Enregistrement
admin-coverage-directory-error = Le contenu de l'annuaire n'a pas pu être listé : on ne sait donc pas qui fait partie du périmètre. La vue d'ensemble affiche la dernière erreur de l'annuaire.
admin-coverage-in-scope = Personnes dans le périmètre
admin-coverage-enough = Assez de méthodes enregistrées ({ $required } ou plus)
admin-coverage-partly = Des méthodes enregistrées, mais pas assez
admin-coverage-none = Aucune méthode enregistrée
admin-coverage-truncated = La liste de l'annuaire s'est arrêtée à admin.max_listed_accounts : il y a plus de personnes que celles affichées.
admin-coverage-show = Afficher
admin-coverage-show-all = Toutes les personnes du périmètre
admin-coverage-show-missing = Pas assez de méthodes enregistrées
admin-coverage-show-enough = Assez de méthodes enregistrées
admin-search-person = Nom ou nom d'utilisateur
admin-matching = { $count ->
        [one] { $count } résultat
       *[other] { $count } résultats
    }
admin-name = Nom
admin-methods-registered = Méthodes enregistrées
admin-registered-when = Premier enregistrement
admin-enough = Suffisant
admin-yes = Oui
admin-no = Non
admin-audit-title = Journal d'audit
admin-event = Événement
admin-outcome = Issue
admin-any = Indifférent
admin-search = Rechercher
admin-time = Date et heure (UTC)
admin-person = Personne
admin-source = Adresse d'origine
admin-user-agent = Navigateur
admin-pages-label = Pages
admin-page-previous = Page précédente
admin-page-next = Page suivante
admin-page-n-of-m = Page { $page } sur { $pages }
admin-sign-out = Se déconnecter
admin-coverage-listed-at = L'annuaire a été lu à { $time }.
admin-coverage-refresh = Le relire
admin-coverage-listing = Lecture de l'annuaire : { $count ->
        [one] { $count } compte jusqu'ici.
       *[other] { $count } comptes jusqu'ici.
    } Cette page se recharge d'elle-même jusqu'à la fin de la lecture.
admin-coverage-listing-reload = Recharger maintenant
admin-coverage-listing-failed = La lecture s'est arrêtée après { $count ->
        [one] { $count } compte.
       *[other] { $count } comptes.
    }
admin-coverage-listing-retry = Réessayer

## Questions de sécurité
methods-add-questions = Ajouter des questions de sécurité
methods-add-questions-text = { $count ->
        [one] Vous répondez à { $count } question par une réponse que personne d'autre que vous ne connaît. Elle est conservée sous une forme que personne ne peut relire, pas même le support technique.
       *[other] Vous répondez à { $count } questions par des réponses que personne d'autre que vous ne connaît. Elles sont conservées sous une forme que personne ne peut relire, pas même le support technique.
    }
methods-add-questions-button = Configurer des questions de sécurité
methods-change-questions-button = Modifier mes questions de sécurité
methods-questions-not-alone = Pour votre compte, les questions de sécurité ne comptent qu'associées à une autre méthode.
questions-register-title = Vos questions de sécurité
questions-register-lead = { $count ->
        [one] Choisissez une question et répondez-y. Quand vous réinitialiserez votre mot de passe ou déverrouillerez votre compte, elle vous sera posée.
       *[other] Choisissez { $count } questions différentes et répondez à chacune. Quand vous réinitialiserez votre mot de passe ou déverrouillerez votre compte, certaines d'entre elles vous seront posées.
    }
questions-fix-below = Certaines réponses sont à revoir : consultez les remarques ci-dessous.
questions-n = Question { $n }
questions-field-question = Question
questions-own-option = Rédiger ma propre question
questions-field-own = Votre propre question
questions-field-own-hint = Uniquement si vous avez choisi « Rédiger ma propre question » ci-dessus.
questions-field-answer = Réponse
questions-answer-rules = Chaque réponse doit comporter au moins { $count ->
        [one] { $count } lettre ou chiffre
       *[other] { $count } lettres ou chiffres
    } et être différente des autres. Les majuscules, les accents et les espaces en trop ne comptent pas.
questions-save = Enregistrer mes questions
questions-back = Revenir à mes méthodes
questions-pick-one = Choisissez l'une des questions de la liste.
questions-own-short = Rédigez une question d'au moins 5 caractères, ou choisissez-en une dans la liste.
questions-own-long = Votre question est trop longue : 200 caractères au maximum.
questions-question-repeated = Vous avez déjà choisi cette question : choisissez-en une autre.
questions-answer-short = Cette réponse est trop courte.
questions-answer-repeated = Cette réponse est identique à une autre : chaque réponse doit être différente.
questions-answer-is-question = Cette réponse ne fait que répéter la question.
questions-answer-title = Répondez à vos questions de sécurité
questions-answer-lead = Saisissez les réponses que vous avez données lors de l'enregistrement. Les majuscules, les accents et les espaces en trop ne comptent pas.
questions-wrong = Une ou plusieurs réponses sont incorrectes. { code-tries-left }
question-first-pet = Quel était le nom de votre premier animal de compagnie ?
question-birth-city = Quelle est votre ville de naissance ?
question-first-school = Comment s'appelait votre première école ?
question-childhood-friend = Quel est le prénom de votre meilleur ami ou de votre meilleure amie d'enfance ?
question-first-car = Quelles étaient la marque et le modèle de votre première voiture ?
question-favourite-teacher = Quel était le nom de famille de votre professeur préféré ?
question-first-job = Dans quelle entreprise avez-vous eu votre premier emploi ?
question-parents-met = Dans quelle ville vos parents se sont-ils rencontrés ?

## Password quality (policy/quality.rs): checked before the directory is asked

quality-rules = { $classes ->
    [1] Utilisez au moins { $length } caractères.
   *[other] Utilisez au moins { $length } caractères, avec { $classes } de ces types : minuscules, majuscules, chiffres, symboles.
} Ni votre nom, ni un mot ou un mot de passe courant.
quality-refused = Ce nouveau mot de passe ne peut pas être utilisé. Les raisons sont indiquées sous le champ du nouveau mot de passe : choisissez-en un autre.
quality-ok = Ce mot de passe respecte les règles vérifiées ici.
quality-too-short = Il est trop court : utilisez au moins { $min } caractères.
quality-classes = Mélangez au moins { $min } de ces types : minuscules, majuscules, chiffres, symboles.
quality-own-name = Il contient votre nom ou votre identifiant.
quality-banned = Il est surtout fait de mots faciles à deviner, comme « motdepasse », une saison ou le nom de l'organisation. Ajoutez davantage d'éléments personnels.
quality-breached = Il figure sur une liste de mots de passe divulgués lors de fuites de données, que les attaquants essaient en premier.
quality-guessable = Il serait trop facile à deviner.
quality-warn-keyboard-rows = Les rangées de touches sont faciles à deviner.
quality-warn-keyboard-short = Les courts motifs de clavier sont faciles à deviner.
quality-warn-repeats = Les répétitions comme « aaa » sont faciles à deviner.
quality-warn-repeated-groups = Les répétitions comme « abcabcabc » sont à peine plus difficiles à deviner que « abc ».
quality-warn-top-10 = C'est l'un des dix mots de passe les plus courants.
quality-warn-top-100 = C'est l'un des cent mots de passe les plus courants.
quality-warn-common = C'est un mot de passe très courant.
quality-warn-similar = Il ressemble à un mot de passe très utilisé.
quality-warn-sequences = Les suites comme « abc » ou « 6543 » sont faciles à deviner.
quality-warn-recent-years = Les années récentes sont faciles à deviner.
quality-warn-word = Un mot seul est facile à deviner.
quality-warn-dates = Les dates sont souvent faciles à deviner.
quality-warn-names = Les prénoms et noms seuls sont faciles à deviner.
quality-warn-common-names = Les prénoms et noms courants sont faciles à deviner.
quality-tip-few-words = Utilisez quelques mots et évitez les expressions courantes.
quality-tip-no-symbols-needed = Les symboles, chiffres et majuscules ne sont pas nécessaires.
quality-tip-another-word = Ajoutez un ou deux mots. Les mots peu courants sont meilleurs.
quality-tip-capitals = Les majuscules n'aident pas beaucoup.
quality-tip-all-capitals = Tout en majuscules est presque aussi facile à deviner que tout en minuscules.
quality-tip-reversed = Les mots écrits à l'envers ne sont guère plus difficiles à deviner.
quality-tip-substitutions = Les substitutions prévisibles comme « @ » pour « a » n'aident pas beaucoup.
quality-tip-keyboard = Utilisez un motif de clavier plus long, avec plus de changements de direction.
quality-tip-repeats = Évitez les mots et caractères répétés.
quality-tip-sequences = Évitez les suites.
quality-tip-recent-years = Évitez les années récentes.
quality-tip-your-years = Évitez les années qui vous sont associées.
quality-tip-your-dates = Évitez les dates et années qui vous sont associées.

## Text messages (SMS)
sms-code-text = Votre code { $org } : { $code }
choose-sms = M’envoyer un code par SMS
code-sms-title = Saisissez le code reçu par SMS
code-sms-lead = Si un numéro de mobile est enregistré pour ce compte, nous y avons envoyé un code par SMS. Il est valable { $minutes ->
        [one] 1 minute
       *[other] { $minutes } minutes
    }.
code-sms-failed = Nous n’avons pas pu envoyer de SMS pour le moment. Réessayez dans quelques minutes ou choisissez une autre méthode.
code-resend-sms = Envoyer un nouveau SMS
methods-sms = SMS : { $number }
methods-add-sms = Ajouter un numéro de mobile
field-phone = Numéro de mobile
field-phone-hint = Avec l’indicatif du pays, par exemple +33 6 12 34 56 78. Nous vous enverrons un code par SMS pour le vérifier.
methods-send-text = Envoyer un code par SMS à ce numéro
methods-bad-number = Cela ne ressemble pas à un numéro de mobile. Vérifiez-le et réessayez.
methods-number-no-country = Ajoutez l’indicatif du pays, commençant par + (par exemple +33 pour la France).
confirm-sms-title = Confirmez votre numéro de mobile
confirm-sms-lead = Nous avons envoyé un code par SMS au { $number }. Saisissez-le ci-dessous pour confirmer le numéro. Il peut mettre une minute à arriver.
admin-status-sms = Passerelle SMS

## Passkeys
methods-passkey = Clé d'accès « { $name } »
methods-add-passkey = Ajouter une clé d'accès ou une clé de sécurité
methods-add-passkey-text = Une clé d'accès est conservée sur votre téléphone, votre ordinateur ou une clé de sécurité, et vous la déverrouillez avec votre empreinte, votre visage ou un code PIN. Elle ne fonctionne qu'à l'adresse de ce portail : un site imitant celui-ci ne peut pas l'utiliser.
field-passkey-name = Nom de cette clé d'accès
field-passkey-name-hint = Pour distinguer vos clés d'accès, par exemple « Portable du travail » ou « Clé de sécurité bleue ».
methods-add-passkey-button = Créer une clé d'accès
passkey-working = Suivez les instructions de votre navigateur ou de votre clé de sécurité.
passkey-cancelled = La clé d'accès n'a pas été utilisée : la demande a été annulée ou a pris trop de temps. Réessayez ou choisissez un autre moyen.
passkey-failed = Cela n'a pas fonctionné. Réessayez ou choisissez un autre moyen.
passkey-unsupported = Ce navigateur ne peut pas utiliser de clés d'accès. Choisissez un autre moyen ou un autre navigateur.
passkey-needs-script = Les clés d'accès nécessitent JavaScript dans votre navigateur. Activez-le ou choisissez un autre moyen.
passkey-name-missing = Donnez un nom à la clé d'accès pour la reconnaître plus tard.
passkey-registered-already = Cette clé d'accès ou clé de sécurité est déjà enregistrée.
choose-passkey = Utiliser une clé d'accès ou une clé de sécurité
passkey-use-title = Utiliser votre clé d'accès
passkey-use-lead = Lorsque vous appuyez sur le bouton, votre navigateur demande votre clé d'accès. Déverrouillez-la avec votre empreinte, votre visage ou un code PIN.
passkey-use-button = Utiliser ma clé d'accès
passkey-wrong = Cette clé d'accès n'a pas été acceptée. { code-tries-left }

# Binding a new method needs an existing one
prove-title = Confirmez que c'est bien vous
prove-lead = Vous avez déjà une méthode enregistrée. Avant d'en ajouter ou d'en retirer une, utilisez celle que vous avez : votre mot de passe seul ne suffit pas.
prove-back = Retour à mes méthodes
prove-passed = Merci : vous pouvez maintenant ajouter ou retirer des méthodes.
methods-prove-first = Pour ajouter ou retirer une méthode, confirmez d'abord que c'est bien vous avec une méthode que vous avez déjà.
methods-prove-button = Confirmer que c'est moi
admin-method-too-new = Votre deuxième méthode a été enregistrée trop récemment pour ouvrir l'espace d'administration. Réessayez une fois le délai d'attente écoulé, ou demandez à un autre administrateur.

## The directory's own password rules (Active Directory: domain policy or the account's PSO)
dir-rule-length = L'annuaire de votre organisation exige au moins { $length } caractères.
dir-rule-complexity = Il doit contenir trois de ces types : majuscules, minuscules, chiffres, symboles ; et ni votre nom de compte ni une partie de votre nom complet.
dir-rule-history = Il ne doit pas être l'un de vos { $count } derniers mots de passe.
dir-rule-min-age = { $hours ->
    [one] Après un changement, un mot de passe ne peut pas être changé de nouveau pendant 1 heure.
   *[other] Après un changement, un mot de passe ne peut pas être changé de nouveau pendant { $hours } heures.
}
dir-rules-most = Ce sont les règles de la plupart des comptes ; celles du vôtre peuvent être plus strictes.
dir-why-too-young = Vous avez changé votre mot de passe récemment ; vous pourrez le changer de nouveau après le { $when }.
dir-why-too-short = Votre compte exige un mot de passe d'au moins { $length } caractères.
dir-why-not-complex = Utilisez trois de ces types : majuscules, minuscules, chiffres, symboles.
dir-why-name = Il ne doit contenir ni votre nom de compte ni une partie de votre nom complet.
dir-why-history = Il ne doit pas être l'un de vos { $count } derniers mots de passe.

## Helpdesk console
helpdesk-sign-in-title = Connexion au support
helpdesk-sign-in-lead = Connectez-vous avec le mot de passe de votre compte d'annuaire. Vous prouverez ensuite votre identité avec une deuxième méthode que vous avez enregistrée.
error-not-helpdesk-title = Ce compte n'a pas accès à cet espace
error-not-helpdesk = La console du support est réservée aux membres des groupes du support. Votre compte n'en fait pas partie. Si vous avez besoin d'y accéder, adressez-vous à l'équipe qui gère ce portail.
mail-code-action-helpdesk = confirmer votre identité auprès du support
mail-code-not-you-helpdesk = Ne lisez ce code qu'à la personne du support avec qui vous êtes en ligne, et seulement si vous avez appelé le support vous-même. Sinon, ne le donnez à personne et contactez votre support.
mail-helpdesk-subject = Le support a modifié votre compte { $org }
mail-helpdesk-unlock = Le support a déverrouillé votre compte { $org }. Votre mot de passe n'a pas changé.
mail-helpdesk-reset-link = Le support vous a envoyé un lien pour choisir un nouveau mot de passe pour votre compte { $org }.
mail-helpdesk-lift-block = Le support a rouvert le libre-service (réinitialisation du mot de passe et déverrouillage) pour votre compte { $org }.
mail-helpdesk-clear-methods = Le support a supprimé les méthodes de récupération de votre compte { $org }. Enregistrez à nouveau vos méthodes.
mail-helpdesk-risk = quelqu'un a peut-être convaincu le support de le faire
mail-reset-link-subject = Choisissez un nouveau mot de passe pour votre compte { $org }
mail-reset-link = Le support vous a envoyé ce lien pour choisir un nouveau mot de passe pour votre compte { $org }. Ouvrez-le et choisissez un nouveau mot de passe ; personne au support ne le voit.
mail-reset-link-expiry = Le lien fonctionne une seule fois, pendant { $minutes } minutes.
mail-reset-link-not-you = Si vous n'avez rien demandé au support, n'ouvrez pas le lien et contactez votre support.
reset-link-title = Choisir un nouveau mot de passe
reset-link-ask = Le support vous a envoyé ce lien. Continuez pour choisir un nouveau mot de passe.
reset-link-button = Continuer
reset-link-spent = Ce lien a déjà servi ou a expiré. Demandez-en un nouveau au support, ou réinitialisez votre mot de passe vous-même.
reset-link-start-over = Réinitialiser mon mot de passe
helpdesk-nav-label = Support
helpdesk-nav-home = Trouver une personne
helpdesk-home-title = Support
helpdesk-search-label = Nom, identifiant ou adresse e-mail
helpdesk-search-hint = Au moins deux caractères.
helpdesk-results-title = Personnes trouvées
helpdesk-no-results = Personne ne correspond.
helpdesk-name = Nom
helpdesk-results-truncated = Seuls les premiers résultats sont affichés. Précisez la recherche.
helpdesk-requests-title = Demandes en attente d'une deuxième personne
helpdesk-requests-none = Aucune demande en attente.
helpdesk-action = Action
helpdesk-requested-by = Demandée par
helpdesk-reason = Motif
helpdesk-decision = Décision
helpdesk-was-verified = appelant vérifié
helpdesk-own-request = Votre demande : une autre personne doit l'approuver
helpdesk-approve = Approuver
helpdesk-reject = Refuser
helpdesk-reject-reason = Motif du refus
helpdesk-rejected = Refusée : rien n’a été modifié. La demande est close.
helpdesk-reject-reason-needed = Saisissez un motif pour refuser la demande.
helpdesk-action-unlock = Déverrouiller le compte
helpdesk-action-reset-link = Envoyer un lien de réinitialisation
helpdesk-action-lift-block = Rouvrir le libre-service
helpdesk-action-clear-methods = Supprimer toutes les méthodes de récupération
helpdesk-person-title = Personne
helpdesk-state-title = État du compte
helpdesk-locked = Verrouillé dans l'annuaire
helpdesk-not-locked = Non verrouillé
helpdesk-disabled = Désactivé dans l'annuaire
helpdesk-expired = Mot de passe expiré
helpdesk-must-change = Doit changer de mot de passe à la prochaine connexion
helpdesk-blocked = Libre-service fermé : { $reason }
helpdesk-not-blocked = Libre-service ouvert
helpdesk-paused-until = Réinitialisation du mot de passe suspendue jusqu’à { $until } : trop de tentatives aujourd’hui. « Rouvrir le libre-service » lève la pause.
helpdesk-not-paused = Réinitialisation du mot de passe non suspendue
helpdesk-methods-title = Méthodes enregistrées
helpdesk-no-methods = Rien d'enregistré. Chaque action demande l'approbation d'une deuxième personne du support.
helpdesk-destination = Envoyé à
helpdesk-added = Ajoutée le
helpdesk-verify-caller = Vérifier l'appelant
helpdesk-cooling-off = Ajouté récemment : ne permet pas encore de vérifier l’appelant
helpdesk-ask-app-code = Demander le code de l'application
helpdesk-send-code = Envoyer un code
helpdesk-check-title = Vérifier l'appelant
helpdesk-check-app = Demandez à l'appelant le code que son application d'authentification affiche maintenant et saisissez-le.
helpdesk-check-read-back = Un code a été envoyé. Demandez à l'appelant de vous le lire et saisissez-le. Vous ne le voyez jamais vous-même.
helpdesk-code-read = Code que l'appelant vous lit
helpdesk-actions-title = Actions
helpdesk-verified-until = Appelant vérifié ({ $method }) jusqu'à { $until }.
helpdesk-send-confirm = Envoyer un lien de confirmation
helpdesk-confirm-sent = Un lien de confirmation a été envoyé par e-mail à la personne. Demandez-lui de l’ouvrir sur son propre appareil et de confirmer avec sa clé d’accès, puis actualisez cette page.
helpdesk-confirm-title = Lien de confirmation
helpdesk-confirm-waiting = Envoyé : en attente de la confirmation par clé d’accès, jusqu’à { $until }.
helpdesk-confirm-confirmed = La personne a confirmé avec sa clé d’accès à { $at }.
helpdesk-confirm-ended = Le lien a pris fin sans confirmation. Envoyez-en un nouveau si l’appelant est toujours là.
helpdesk-refresh = Actualiser
mail-confirm-link-subject = Confirmez au support de { $org } que c’est bien vous
mail-confirm-link = La personne du support avec qui vous parlez vous demande de confirmer que c’est bien vous (votre compte { $org }). Ouvrez ce lien sur votre propre appareil et confirmez avec votre clé d’accès.
mail-confirm-link-not-you = Si vous n’êtes pas en ligne avec le support en ce moment, n’ouvrez pas le lien et contactez votre support.
caller-confirm-title = Confirmer au support que c’est bien vous
caller-confirm-lead = La personne du support avec qui vous parlez vous a demandé de confirmer que c’est bien vous. Confirmez avec votre clé d’accès sur cet appareil ; le support apprend seulement que vous l’avez fait.
caller-confirm-button = Confirmer avec ma clé d’accès
caller-confirm-not-you = Si vous n’êtes pas en ligne avec le support en ce moment, fermez cette page et contactez votre support.
caller-confirm-done = Confirmé. Dites-le à la personne du support avec qui vous parlez ; vous pouvez fermer cette page.
caller-confirm-refused = Votre clé d’accès n’a pas été acceptée, ce lien a donc pris fin. Demandez-en un nouveau au support.
caller-confirm-spent = Ce lien a déjà servi ou a expiré. Demandez-en un nouveau au support.
helpdesk-four-eyes-unverifiable = Cette personne ne peut pas être vérifiée : une action devient une demande qu'une autre personne du support approuve. Indiquez un motif.
helpdesk-verify-first = Vérifiez d'abord l'appelant.
helpdesk-four-eyes-privileged = Un compte privilégié : chaque action demande aussi l'approbation d'une autre personne du support. Indiquez un motif.
helpdesk-recent-title = Activité récente
helpdesk-recent-none = Aucune activité récente.
helpdesk-check-not-allowed = Vous ne pouvez pas vérifier cette personne de cette façon.
helpdesk-verified = L'appelant est vérifié.
helpdesk-check-voided = Trop de codes erronés : cette vérification est terminée. Commencez-en une nouvelle si l'appelant est encore là.
helpdesk-done = C'est fait. La personne en est informée par e-mail.
helpdesk-requested = Demandé. Une autre personne du support doit l'approuver dans sa console.
helpdesk-no-address = Il n'y a aucune adresse où envoyer un lien de réinitialisation.
helpdesk-approved = Approuvé et fait. La personne en est informée par e-mail.
helpdesk-refused-own = Vous ne pouvez pas agir ici sur votre propre compte. Demandez à un collègue.
helpdesk-refused-out-of-reach = Ce compte est hors de portée du support. Adressez-vous à l'équipe qui gère ce portail.
helpdesk-refused-not-verified = Vérifiez d'abord l'appelant : rien n'a été modifié.
helpdesk-reason-needed = Cela demande l'approbation d'une autre personne du support : saisissez un motif à son intention.
helpdesk-refused-own-request = Vous l'avez demandé vous-même : une autre personne du support doit l'approuver.
helpdesk-request-gone = Cette demande a déjà été tranchée ou a expiré.

## Rappels d'expiration et campagne d'inscription (flow/reminders.rs)
mail-expiry-subject = { $days ->
        [one] Votre mot de passe { $org } expire dans moins d'un jour
       *[other] Votre mot de passe { $org } expire dans moins de { $days } jours
    }
mail-expiry-body = Votre mot de passe { $org } expire le { $when }. Changez-le avant cette date pour pouvoir continuer à vous connecter.
mail-expiry-change = Pour le changer maintenant, ouvrez :
mail-expiry-forgot = Si vous l'avez oublié, choisissez-en un nouveau ici :
mail-expiry-why = Ce rappel est envoyé quelques fois avant l'expiration de votre mot de passe et s'arrête dès que vous l'avez changé. Nous ne vous demandons jamais votre mot de passe par e-mail.
mail-nudge-subject = Configurez la récupération du mot de passe de votre compte { $org }
mail-nudge-body = Vous n'avez pas encore configuré assez de moyens de prouver votre identité si vous oubliez votre mot de passe { $org }. Cela prend quelques minutes ; ensuite, vous pourrez choisir vous-même un nouveau mot de passe à tout moment, sans appeler le support.
mail-nudge-link = Configurez-les ici :
mail-nudge-stop = Ces rappels s'arrêtent dès que vous avez configuré la récupération. Nous ne vous demandons jamais votre mot de passe par e-mail.
admin-nav-campaign = Campagne
admin-campaign-title = Campagne d'inscription
admin-campaign-off = La campagne est désactivée. Activez-la avec enabled = true sous [campaign] dans la configuration.
admin-campaign-settings = Un rappel tous les { $every } jours, au plus { $max } par personne, à toutes les personnes concernées qui n'ont pas inscrit assez de méthodes.
admin-campaign-chart = Couverture des inscriptions par jour
admin-campaign-day = Jour
admin-campaign-in-scope = Concernées
admin-campaign-enough = Assez inscrites
admin-campaign-percent = Couverture
admin-campaign-nudges = Rappels d'inscription envoyés ces 30 derniers jours
admin-campaign-reminders = Rappels d'expiration envoyés ces 30 derniers jours
admin-campaign-missing = Encore manquants
admin-campaign-missing-link = Qui n'a pas inscrit assez de méthodes
admin-campaign-no-data = Aucun passage n'a encore eu lieu : le graphique se remplit jour après jour.

# Admin: webhooks (dead letters)
admin-nav-webhooks = Webhooks
admin-webhooks-title = Webhooks
admin-webhooks-none = Aucun webhook n'est configuré ([[webhooks]] dans la configuration).
admin-webhooks-endpoints = Les événements de compte sont envoyés à :
admin-webhooks-pending = { $count ->
    [one] 1 envoi en attente
   *[other] { $count } envois en attente
}
admin-webhooks-dead = Envois abandonnés
admin-webhooks-dead-help = Ces envois ont échoué autant de fois que le point de réception le permet. Corrigez-le, puis renvoyez-les.
admin-webhooks-endpoint = Point de réception
admin-webhooks-attempts = Tentatives
admin-webhooks-last-error = Dernière erreur
admin-webhooks-retry = Renvoyer
admin-webhooks-retried = L'envoi est de nouveau dans la file d'attente.
admin-webhooks-not-dead = Cet envoi n'est pas (ou plus) abandonné.
