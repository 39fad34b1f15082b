# rekey: Nederlands. Elke melding uit de Engelse referentiecatalogus staat hier, met dezelfde
# variabelen. Alleen platte tekst: pagina's en e-mails escapen wat ze tonen.
# Aanspreekvorm: altijd "u", nooit "je/jij".

## Elke pagina

product-name = Selfservice voor wachtwoorden
skip-to-content = Direct naar de inhoud
language-switcher = Taal
language-apply = Wijzigen
footer-never-share = Deel uw wachtwoord of codes nooit. De helpdesk zal er nooit om vragen.
continue = Doorgaan
pow-working = Uw browser wordt gecontroleerd. Dit duurt een paar seconden…
start-again = Opnieuw beginnen
back-to-start = Terug naar het begin
return-to = Terug naar waar u vandaan kwam
sign-in = Aanmelden
steps-label = Voortgang
step-n-of-m = Stap { $now } van { $of }
step-done = Voltooid:
error-box-title = Er is een probleem
done-what-changed = Wat is er gewijzigd
done-next = Wat u nu moet doen
done-notice-sent = Er is een bevestiging naar uw e-mailadressen gestuurd.
hint-passwords-match = De twee wachtwoorden komen overeen.
hint-passwords-differ = De twee wachtwoorden zijn nog niet hetzelfde.

## Velden

field-username = Gebruikersnaam
field-username-hint = De naam waarmee u zich aanmeldt bij uw computer of e-mail.
field-password = Wachtwoord
field-current-password = Huidig wachtwoord
field-new-password = Nieuw wachtwoord
field-new-password-hint = De wachtwoordregels van uw organisatie zijn van toepassing.
field-new-password-again = Nieuw wachtwoord herhalen
field-code = Code
field-email = E-mailadres
field-email-hint = Gebruik een privéadres dat u kunt bereiken als u zich niet kunt aanmelden. We sturen een code om het te controleren.

## Stappen

step-username = Gebruikersnaam
step-verify = Identiteit bevestigen
step-verify-n = Identiteit bevestigen ({ $n } van { $of })
step-new-password = Nieuw wachtwoord
step-unlock = Ontgrendelen
step-sign-in = Aanmelden
step-methods = Methoden kiezen
step-confirm = Bevestigen
step-passwords = Wachtwoorden

## Startpagina

home-title = Uw wachtwoord beheren
home-lead = Kies wat u wilt doen.
home-tasks = Taken
home-reset = Ik ben mijn wachtwoord vergeten
home-reset-text = Bevestig dat u het bent en kies een nieuw wachtwoord.
home-unlock = Mijn account is vergrendeld
home-unlock-text = Bevestig dat u het bent en ontgrendel uw account. Uw wachtwoord blijft hetzelfde.
home-change = Mijn wachtwoord wijzigen
home-change-text = U kent uw huidige wachtwoord en wilt een nieuw wachtwoord.
home-register = Herstelmethoden instellen
home-register-text = Registreer een e-mailadres of een authenticator-app, zodat u uw wachtwoord zelf opnieuw kunt instellen.

## Opnieuw instellen en ontgrendelen

reset-title = Uw wachtwoord opnieuw instellen
unlock-title = Uw account ontgrendelen
reset-username-lead = Voer uw gebruikersnaam in. Daarna bevestigt u dat u het bent met een methode die u hebt geregistreerd. Vervolgens kiest u een nieuw wachtwoord.
unlock-username-lead = Voer uw gebruikersnaam in. Daarna bevestigt u dat u het bent met een methode die u hebt geregistreerd. Uw wachtwoord blijft hetzelfde.
choose-title = Bevestig dat u het bent
choose-title-more = Bevestig met nog een methode
choose-lead = Kies een methode die u hebt geregistreerd. Hebt u geen methode geregistreerd, dan kunt u hier niet verder: neem contact op met de helpdesk.
choose-email = Code per e-mail ontvangen
choose-totp = Code uit mijn authenticator-app gebruiken
choose-questions = Mijn beveiligingsvragen beantwoorden
choose-email-needs = U hebt nodig: uw e-mail, op dit of een ander apparaat
choose-sms-needs = U hebt nodig: de geregistreerde mobiele telefoon, met bereik
choose-totp-needs = U hebt nodig: de authenticator-app op uw telefoon
choose-passkey-needs = U hebt nodig: uw passkey of beveiligingssleutel, of het apparaat waarop die staat
choose-questions-needs = U hebt nodig: de antwoorden die u bij het registreren gaf
contact-title = Helpdesk
contact-phone = Telefoon
contact-email = E-mail
contact-hours = Bereikbaar
contact-location = Ter plaatse
contact-url = Web
code-help-summary = Geen code ontvangen?
code-help-email-spam = Codes komen meestal binnen een minuut aan. Kijk ook in uw map met spam of ongewenste e-mail.
code-help-sms-wait = Sms'jes komen meestal binnen een minuut aan. Controleer of uw telefoon bereik heeft en niet in vliegtuigmodus staat.
code-help-which = De code gaat alleen naar het adres of nummer dat hier voor dit account is geregistreerd; dat is misschien niet het adres dat u dagelijks gebruikt.
code-help-typed = Controleer het adres of nummer hierboven. Klopt het niet, annuleer dan en voer het opnieuw in.
code-help-valid = Een code is { $minutes ->
        [one] één minuut
       *[other] { $minutes } minuten
    } geldig. Hierboven kunt u een nieuwe aanvragen; alleen de nieuwste werkt.
code-help-never = Hebt u hier nooit een herstelmethode geregistreerd, dan komt er geen code: kies een andere methode of neem contact op met de helpdesk.
code-help-phone = U kunt ook verdergaan op uw telefoon via { $url }
code-email-title = Voer de code uit uw e-mail in
code-email-lead = Als dit account een geregistreerd e-mailadres heeft, hebben we daar een code naartoe gestuurd. De code is { $minutes ->
        [one] 1 minuut
       *[other] { $minutes } minuten
    } geldig. Het kan een minuut duren voordat de e-mail binnenkomt. Kijk ook in uw spammap.
code-totp-title = Voer de code uit uw authenticator-app in
code-totp-lead = Open de app die u hebt geregistreerd en voer de 6-cijferige code in die de app nu toont.
code-resend = Nieuwe code sturen
code-other-method = Een andere methode gebruiken
code-wrong = Die code is niet juist. { code-tries-left }
code-tries-left = { $count ->
        [0] Dit was uw laatste kans: bij nog een fout wordt deze poging beëindigd.
        [one] U kunt het nog 1 keer proberen.
       *[other] U kunt het nog { $count } keer proberen.
    }
code-expired = Die code is verlopen. Vraag een nieuwe code aan en voer de nieuwste in.
code-not-sent = Er is nog geen code verstuurd. Gebruik de knop hieronder om een code te ontvangen.
code-replayed = Die code is al gebruikt. Wacht tot uw app een nieuwe code toont en voer die in.
unlock-ready-title = U hebt bevestigd dat u het bent
unlock-ready-lead = Ontgrendel nu uw account. Uw wachtwoord blijft hetzelfde.
unlock-button = Mijn account ontgrendelen
password-title = Kies een nieuw wachtwoord
password-lead = De wachtwoordregels van uw organisatie zijn van toepassing. Een lange wachtwoordzin van enkele losse woorden is makkelijk te onthouden en moeilijk te raden.
password-button = Nieuw wachtwoord instellen
reset-done-title = Uw wachtwoord is opnieuw ingesteld
reset-done-password = Het wachtwoord van { $username } is vervangen op { $when }. Uw oude wachtwoord werkt niet meer.
reset-done-unlocked = Uw account is ontgrendeld.
reset-done-must-change = De volgende keer dat u zich aanmeldt, wordt u gevraagd een ander wachtwoord te kiezen.
reset-done-sessions-kept = Uw andere apparaten en apps zijn mogelijk nog aangemeld met het oude wachtwoord. Meld u daar nu af, of vraag de helpdesk u overal af te melden.
reset-done-next = Uw nieuwe wachtwoord werkt nu. Gebruik het op elk apparaat waarop u zich aanmeldt (e-mailapps op uw telefoon, VPN, wifi). Hebt u dit niet zelf gedaan? Neem dan direct contact op met de helpdesk.
unlock-done-title = Uw account is ontgrendeld
unlock-done-unlocked = { $username } is ontgrendeld op { $when }.
unlock-done-password-kept = Uw wachtwoord is niet gewijzigd. Meld u er zoals gewoonlijk mee aan.
unlock-done-next = Wordt uw account steeds opnieuw vergrendeld? Dan gebruikt een apparaat mogelijk nog een oud wachtwoord. Controleer de instellingen van de e-mailapp op uw telefoon, de VPN en de wifi.

## Wijzigen

change-title = Uw wachtwoord wijzigen
change-lead = U hebt uw huidige wachtwoord nodig.
change-forgot = Vergeten? Stel het dan opnieuw in.
change-signed-in-as = Aangemeld als { $login }.
change-button = Wachtwoord wijzigen
change-done-title = Uw wachtwoord is gewijzigd
change-done-password = Het wachtwoord van { $username } is gewijzigd op { $when }. Uw oude wachtwoord werkt niet meer.
change-done-next = Gebruik vanaf nu uw nieuwe wachtwoord, op elk apparaat waarop u zich aanmeldt (e-mailapps op uw telefoon, VPN, wifi).
change-done-register = Hebt u herstelmethoden ingesteld? Daarmee kunt u een vergeten wachtwoord opnieuw instellen zonder de helpdesk.
change-same-as-old = Het nieuwe wachtwoord moet anders zijn dan het huidige.
change-expired = Uw wachtwoord is verlopen en de directory accepteert het niet meer, ook niet om het te wijzigen. Kies op de startpagina "Ik ben mijn wachtwoord vergeten" om een nieuw wachtwoord in te stellen.
password-expires-in-days = Uw wachtwoord verloopt over { $days } dagen. Wijzig het voor die tijd.
password-expires-in-hours = Uw wachtwoord verloopt over { $hours ->
        [one] 1 uur
       *[other] { $hours } uur
    }. Wijzig het nu.
password-grace-logins-left = Uw wachtwoord is verlopen. U kunt er nog { $count ->
        [one] 1 keer
       *[other] { $count } keer
    } mee aanmelden; wijzig het nu.
change-wrong-current = Uw huidige wachtwoord is niet juist. Controleer het en probeer het opnieuw.

## Registreren

register-sign-in-title = Meld u aan om herstelmethoden in te stellen
register-sign-in-lead = Gebruik uw gewone gebruikersnaam en wachtwoord.
register-title = Aanmelden om te registreren
methods-title = Uw herstelmethoden
methods-lead = Aangemeld als { $name }. Met deze methoden kunt u zelf uw wachtwoord opnieuw instellen of uw account ontgrendelen.
methods-still-needed = { $count ->
        [one] Registreer nog 1 methode om door te gaan.
       *[other] Registreer nog { $count } methoden om door te gaan.
    }
methods-required = { $count ->
        [one] Uw organisatie vereist 1 methode.
       *[other] Uw organisatie vereist { $count } verschillende methoden.
    }
methods-registered = Geregistreerd
methods-none = Nog geen.
methods-col-method = Methode
methods-col-added = Toegevoegd
methods-col-action = Actie
methods-directory-email = E-mail: { $address } (uit uw account)
methods-email = E-mail: { $address }
methods-totp = Authenticator-app
methods-questions = Beveiligingsvragen
methods-remove = Verwijderen
methods-remove-label = { $method } verwijderen
methods-add-email = Een e-mailadres toevoegen
methods-send-code = Een code naar dit adres sturen
methods-add-totp = Een authenticator-app toevoegen
methods-add-totp-text = Een app op uw telefoon (Microsoft Authenticator, Google Authenticator, FreeOTP…) die elke 30 seconden een nieuwe 6-cijferige code toont.
methods-add-totp-button = Een authenticator-app instellen
methods-finish = Voltooien en afmelden
methods-sign-out = Afmelden zonder te voltooien
methods-added = Uw nieuwe methode is geregistreerd.
methods-add-voided = Te veel onjuiste codes: die methode is niet toegevoegd. U kunt het opnieuw proberen.
methods-removed = De methode is verwijderd.
methods-bad-address = Dat lijkt geen e-mailadres te zijn. Controleer het en probeer het opnieuw.
methods-keep-one = Voeg eerst een andere methode toe voordat u deze verwijdert: u hebt minstens het vereiste aantal nodig.
methods-review-title = Zijn deze nog van u?
methods-review-text = Controleer de methoden hieronder: verwijder adressen of apps die u niet meer hebt en voeg nieuwe toe. Bevestig daarna.
methods-review-button = Ze zijn allemaal nog van mij
methods-review-thanks = Bedankt: uw methoden zijn bevestigd.
methods-need-more = U moet meer methoden registreren voordat u kunt voltooien.
confirm-email-title = Controleer uw e-mail
confirm-email-lead = We hebben een code gestuurd naar { $address }. Voer de code hieronder in om het adres te bevestigen. Het kan een minuut duren voordat de e-mail binnenkomt. Kijk ook in uw spammap.
confirm-totp-title = Uw authenticator-app instellen
confirm-totp-1 = Open uw authenticator-app en kies ervoor een account toe te voegen.
confirm-totp-2 = Scan deze QR-code met de app.
confirm-totp-qr = QR-code om te scannen met uw authenticator-app
confirm-totp-3 = Lukt scannen niet? Voer dan deze sleutel in:
confirm-totp-4 = Voer de 6-cijferige code in die de app nu toont.
confirm-button = Bevestigen
confirm-cancel = Annuleren en teruggaan
confirm-code-expired = Die code is verlopen. Ga terug en voeg het adres opnieuw toe om een nieuwe code te ontvangen.
confirm-code-unusable = Die code kan niet worden gebruikt. Ga terug en begin opnieuw.
register-done-title = Alles is ingesteld
register-done-method = Geregistreerd: { $method }
register-done-signed-out = U bent afgemeld.
register-done-next = Bent u ooit uw wachtwoord vergeten of is uw account vergrendeld? Kom dan hier terug en kies "Ik ben mijn wachtwoord vergeten" of "Mijn account is vergrendeld".
sign-in-failed = We konden u niet aanmelden met deze gebruikersnaam en dit wachtwoord. Controleer beide en probeer het opnieuw. Bent u uw wachtwoord vergeten, stel het dan opnieuw in. Is uw account vergrendeld, ontgrendel het dan.
out-of-scope = Selfservice is niet ingeschakeld voor uw account. Neem contact op met de helpdesk.
must-change = Uw wachtwoord is verlopen of moet worden gewijzigd voordat u verder kunt. Wijzig het eerst en kom dan terug.
oidc-continue-title = U wordt aangemeld

## Nieuwe wachtwoorden

new-password-empty = Voer een nieuw wachtwoord in.
new-password-too-long = Het nieuwe wachtwoord is te lang: gebruik maximaal 256 tekens.
new-password-mismatch = De twee nieuwe wachtwoorden zijn niet hetzelfde. Typ in beide velden hetzelfde wachtwoord.
policy-too-short = Het nieuwe wachtwoord is te kort volgens de regels van uw organisatie. Kies een langer wachtwoord.
policy-too-long = Het nieuwe wachtwoord is langer dan uw organisatie toestaat. Kies een korter wachtwoord.
policy-in-history = U hebt dit wachtwoord onlangs gebruikt. Kies een wachtwoord dat u nog niet eerder hebt gebruikt.
policy-too-young = Uw wachtwoord is te kort geleden gewijzigd om het nu opnieuw te wijzigen. Probeer het later opnieuw. Bent u het vergeten? Stel het dan opnieuw in via de startpagina.
policy-quality = Het nieuwe wachtwoord is niet complex genoeg volgens de regels van uw organisatie. Combineer hoofdletters, kleine letters, cijfers en symbolen, of gebruik een langere wachtwoordzin.
policy-not-allowed = Uw organisatie staat niet toe dat dit wachtwoord hier wordt gewijzigd. Neem contact op met de helpdesk.
policy-old-password-needed = Uw huidige wachtwoord is nodig om deze wijziging uit te voeren.
policy-other = De wachtwoordregels van uw organisatie hebben het nieuwe wachtwoord geweigerd. Kies een ander, langer wachtwoord.

## "Dit was ik niet"

disown-title = Dit was ik niet
disown-ask-1 = Als u niet hebt gedaan wat in de e-mail stond, heeft iemand anders mogelijk toegang gekregen tot uw account of tot de herstelmethoden ervan.
disown-ask-2 = Stop nu de selfservice voor uw account. Niemand kan hier dan nog het wachtwoord opnieuw instellen of wijzigen, het account ontgrendelen of herstelmethoden toevoegen, en lopende pogingen worden beëindigd. Uw helpdesk wordt op de hoogte gebracht en kan de blokkade opheffen zodra uw account veilig is.
disown-button = Selfservice voor mijn account stoppen
disown-was-me = Ik was het toch zelf
disown-done-title = Selfservice is gestopt voor uw account
disown-done-1 = Niemand kan hier uw wachtwoord opnieuw instellen of wijzigen of uw account ontgrendelen, totdat uw helpdesk de blokkade opheft. Lopende pogingen zijn beëindigd en de helpdesk is op de hoogte gebracht.
disown-done-2 = Neem nu contact op met uw helpdesk. De helpdesk kan dan uw account controleren en u een nieuw wachtwoord geven.
disown-spent-title = Deze link kan niet worden gebruikt
disown-spent-1 = De link is al gebruikt of is verlopen. Denkt u nog steeds dat iemand anders uw account heeft gebruikt? Neem dan nu contact op met uw helpdesk.

## Kiosk

kiosk-footer = Dit is een gedeelde computer. Als u klaar bent, wordt niets bewaard van wat u hebt getypt.
kiosk-idle-title = Bent u er nog?
kiosk-idle-text = Voor uw privacy gaat deze pagina terug naar het begin en wordt gewist wat u hebt getypt.
kiosk-idle-seconds = { $seconds ->
        [one] Nog 1 seconde.
       *[other] Nog { $seconds } seconden.
    }
kiosk-idle-stay = Ik ben er nog
kiosk-phone-title = Doorgaan op uw telefoon
kiosk-phone-text = Scan deze code met de camera van uw telefoon om dit op uw eigen telefoon te doen.
kiosk-phone-qr = QR-code die deze pagina op uw telefoon opent
kiosk-done = Ga nu terug naar het aanmeldscherm en meld u aan.
kiosk-finish = Klaar

## Fouten

error-reference = Referentie: { $reference } (fout { $status })
error-offer-reset = Uw wachtwoord opnieuw instellen
error-unavailable-title = Wachtwoordservices zijn momenteel niet beschikbaar
error-unavailable = Er is niets gewijzigd. De service die wachtwoorden controleert en wijzigt, reageert momenteel niet. Probeer het over een paar minuten opnieuw. Blijft dit gebeuren? Neem dan contact op met de helpdesk.
error-unconfirmed-title = We konden de wijziging niet bevestigen
error-unconfirmed = De wijziging is verstuurd, maar er kwam geen antwoord, dus het is niet zeker of ze is doorgevoerd. Hebt u een nieuw wachtwoord gekozen, meld u dan daarmee aan; lukt dat niet, dan geldt uw oude wachtwoord nog: meld u daarmee aan of begin opnieuw. Werkt geen van beide, neem dan contact op met de helpdesk. We hebben een melding naar uw e-mailadressen gestuurd en de wijziging is vastgelegd als onbevestigd.
error-refused-title = Dit account kan hier niet worden gewijzigd
error-refused = Uw organisatie staat niet toe dat deze service dit account wijzigt (dat is gebruikelijk voor beheerdersaccounts). Er is niets gewijzigd en opnieuw proberen helpt niet. Neem contact op met de helpdesk.
error-rate-limited-title = Te veel pogingen
error-rate-limited = Voor ieders veiligheid is er een limiet aan hoe vaak dit kan worden geprobeerd. Er is niets gewijzigd.
error-paused-title = Selfservice is gepauzeerd voor deze gebruikersnaam
error-paused = Er zijn in de afgelopen 24 uur te veel pogingen gedaan om het wachtwoord van deze gebruikersnaam opnieuw in te stellen. Daarom is selfservice hiervoor gepauzeerd. Moet uw wachtwoord nu opnieuw worden ingesteld? Neem dan contact op met de helpdesk.
error-unlock-by-reset-title = Uw account kan hier niet worden ontgrendeld
error-unlock-by-reset = Uw account staat in Microsoft Entra ID. De vergrendeling na te veel onjuiste wachtwoorden kan hier niet worden opgeheven: die eindigt vanzelf als de vergrendelingstijd voorbij is. U kunt nu een nieuw wachtwoord kiezen, zodat het wachtwoord dat wordt geprobeerd niet meer werkt. Er is nog niets gewijzigd.
error-expired-title = Deze poging is beëindigd
error-expired = De tijd is verstreken, de poging is al afgerond of er zijn te veel onjuiste codes ingevoerd. Begin opnieuw.
error-out-of-step-title = Deze pagina is verouderd
error-out-of-step = De pagina is mogelijk in een ander tabblad geopend of al gebruikt. Begin opnieuw.
error-voided-title = Te veel onjuiste codes
error-voided = Voor uw veiligheid is deze poging beëindigd en is er niets gewijzigd. U kunt opnieuw beginnen. Hebt u geen code aangevraagd, dan kunt u dit negeren.
error-csrf-title = Dit formulier is verlopen
error-csrf = Voor uw veiligheid kon het formulier niet worden geaccepteerd. Ga terug, laad de pagina opnieuw en probeer het nog eens.
error-bad-form-title = Het formulier kon niet worden gelezen
error-bad-form = Ga terug, laad de pagina opnieuw en probeer het nog eens.
error-too-large-title = Er is te veel verzonden
error-too-large = Wat u hebt verzonden, is groter dan dit formulier accepteert. Ga terug en maak uw invoer korter.
error-internal-title = Er is bij ons iets misgegaan
error-internal = Er is niets gewijzigd. Probeer het opnieuw. Blijft dit gebeuren? Geef dan de referentie hieronder door aan de helpdesk.
error-not-found-title = Pagina niet gevonden
error-not-found = Er is geen pagina op dit adres. Begin op de startpagina.
error-timeout-title = Dat duurde te lang
error-timeout = Er is niets gewijzigd. Probeer het opnieuw.
error-method-title = Deze pagina kan niet op die manier worden gebruikt
error-method = Begin op de startpagina.
error-other-title = Het verzoek kon niet worden verwerkt
error-other = Begin op de startpagina.
wait-seconds = U kunt het over minder dan een minuut opnieuw proberen.
wait-minutes = U kunt het over { $minutes ->
        [one] ongeveer een minuut
       *[other] ongeveer { $minutes } minuten
    } opnieuw proberen.
wait-hours = U kunt het over ongeveer { $hours } uur opnieuw proberen.
wait-day = U kunt het over ongeveer een dag opnieuw proberen.

## Datums

date-time = { $weekday } { $day } { $month } { $year }, { $time } { $zone }
date-unknown = een onbekend tijdstip
weekday-1 = maandag
weekday-2 = dinsdag
weekday-3 = woensdag
weekday-4 = donderdag
weekday-5 = vrijdag
weekday-6 = zaterdag
weekday-7 = zondag
month-1 = januari
month-2 = februari
month-3 = maart
month-4 = april
month-5 = mei
month-6 = juni
month-7 = juli
month-8 = augustus
month-9 = september
month-10 = oktober
month-11 = november
month-12 = december

## E-mails

mail-hello = Goedendag,
mail-hello-name = Beste { $name },
mail-code-subject = Uw code van { $org } om { $action }
mail-code-is = Uw code om { $action } is:
mail-code-action-reset = uw wachtwoord opnieuw in te stellen
mail-code-action-unlock = uw account te ontgrendelen
mail-code-action-confirm = dit e-mailadres te bevestigen
mail-code-action-sign-in = u aan te melden
mail-code-expiry = { $minutes ->
        [one] De code verloopt over 1 minuut.
       *[other] De code verloopt over { $minutes } minuten.
    } Typ de code op de pagina waar u erom hebt gevraagd. U kunt de code maar één keer gebruiken.
mail-code-not-you = Als u dit niet was, kunt u deze e-mail negeren; niemand kan de code gebruiken zonder ook uw gebruikersnaam te kennen. Geef deze code nooit aan iemand door, ook niet aan de helpdesk.
mail-changed-subject = Uw wachtwoord voor { $org } is gewijzigd
mail-changed = Het wachtwoord van uw account bij { $org } is gewijzigd.
mail-changed-risk = kent iemand anders mogelijk uw wachtwoord
mail-reset-subject = Uw wachtwoord voor { $org } is opnieuw ingesteld
mail-reset = Het wachtwoord van uw account bij { $org } is opnieuw ingesteld via de selfserviceportal.
mail-reset-risk = heeft iemand anders mogelijk toegang gekregen tot uw account
mail-unconfirmed-subject = Uw wachtwoord voor { $org } is mogelijk gewijzigd
mail-unconfirmed = Iemand heeft gevraagd het wachtwoord van uw account bij { $org } te wijzigen. De wijziging is verstuurd, maar er kwam geen antwoord, dus het is niet zeker of ze is doorgevoerd.
mail-unconfirmed-risk = heeft iemand anders mogelijk geprobeerd toegang te krijgen tot uw account
mail-unlocked-subject = Uw account bij { $org } is ontgrendeld
mail-unlocked = Uw account bij { $org } is ontgrendeld via de selfserviceportal. Uw wachtwoord is niet gewijzigd.
mail-unlocked-risk = probeert iemand anders mogelijk toegang te krijgen tot uw account
mail-method-added-subject = Er is een herstelmethode toegevoegd aan uw account bij { $org }
mail-method-added = Er is een nieuwe manier om te bevestigen dat u het bent toegevoegd aan uw account bij { $org }: { $method }.
mail-method-removed-subject = Er is een herstelmethode verwijderd uit uw account bij { $org }
mail-method-removed = Er is een manier om te bevestigen dat u het bent verwijderd uit uw account bij { $org }: { $method }.
mail-method-risk = probeert iemand anders mogelijk uw account over te nemen
mail-when = Wanneer
mail-from = Vanaf
mail-unknown-address = een onbekend adres
mail-was-you = Als u dit zelf was, hoeft u verder niets te doen.
mail-disown = Als u dit niet was, stop dan direct de selfservice voor uw account door deze link te openen (de link werkt één keer): { $link }
mail-not-you = Als u dit niet was, { $risk }: neem direct contact op met uw helpdesk en meld deze e-mail. De selfserviceportal vindt u op { $url }

## Admin area

error-not-admin-title = Niet voor dit account
error-not-admin = De beheeromgeving is alleen voor leden van de beheerdersgroepen. Uw account hoort daar niet bij. Hebt u toegang nodig? Vraag het dan aan het team dat deze portal beheert.
admin-sign-in-title = Aanmelden als beheerder
admin-sign-in-lead = Meld u aan met het wachtwoord van uw account in de directory. Daarna bevestigt u dat u het bent met een tweede methode die u hebt geregistreerd.
admin-sign-in-oidc = Aanmelden met uw Microsoft-account
admin-needs-method = Beheerders moeten met een tweede methode bevestigen dat zij het zijn. Registreer eerst een authenticator-app of een e-mailadres en meld u daarna hier opnieuw aan.
admin-verify-title = Bevestig dat u het bent
admin-verify-lead = Gebruik een van de methoden die u hebt geregistreerd.
admin-verify-totp = Code uit uw authenticator-app
admin-verify-email = Code per e-mail
admin-verify-send = Een code naar mijn geregistreerde adres sturen
admin-verify-email-sent = We hebben een code naar uw geregistreerde adres gestuurd. Het kan een minuut duren voordat de e-mail binnenkomt.
admin-nav-label = Beheeromgeving
admin-nav-home = Overzicht
admin-nav-coverage = Registratie
admin-nav-activity = Activiteit
admin-nav-audit = Auditlogboek
admin-signed-in-as = Aangemeld als { $name }
admin-home-title = Overzicht
admin-status-title = Status
admin-status-service = Service
admin-status-now = Nu
admin-status-last-error = Laatste fout sinds het opstarten
admin-status-directory = Directory
admin-status-database = Database
admin-status-mail = Mailserver
admin-status-ok = Reageert
admin-status-unavailable = Reageert niet
admin-status-none = Geen
admin-agents-title = Writeback-agents
admin-agents-none = Er is geen agent geregistreerd.
admin-agent-name = Agent
admin-agent-host = Host
admin-agent-version = Versie
admin-agent-heartbeat = Laatste levensteken
admin-agent-never = nooit
admin-agent-outdated = ouder dan { $min }, de oudste versie die dit portaal ondersteunt: werk hem bij
admin-home-period = { $from } tot en met { $to }
admin-see-activity = Activiteit in detail
admin-see-coverage = Wie heeft zich geregistreerd
admin-activity = Activiteit
admin-activity-register = Registraties
admin-activity-change = Wachtwoordwijzigingen
admin-activity-reset = Wachtwoordherstel
admin-activity-unlock = Accountontgrendelingen
admin-started = Gestart
admin-succeeded = Geslaagd
admin-success-rate = Slagingspercentage
admin-failed-steps = Mislukte stappen
admin-failed = Mislukt
admin-totals-caption = Totalen voor de periode
admin-activity-title = Activiteit
admin-period-shown = Van { $from } tot en met { $to } (UTC).
admin-bad-period = De datums moeten de vorm 2026-11-30 hebben, de eerste mag niet later zijn dan de tweede en ze mogen hooguit 366 dagen uit elkaar liggen. In plaats daarvan worden de laatste 30 dagen getoond.
admin-bad-date = Datums moeten de vorm 2026-11-30 hebben. Een datum in een andere vorm is bij het zoeken genegeerd.
admin-from = Van
admin-to = Tot en met
admin-show = Tonen
admin-last = Laatste:
admin-n-days = { $days } dagen
admin-download-csv = Downloaden als CSV
admin-definitions = Hoe dit wordt geteld
admin-definition-succeeded = Geslaagd: een methode geregistreerd, een wachtwoord gewijzigd, een wachtwoord opnieuw ingesteld of een account ontgrendeld.
admin-definition-started = Gestart: begonnen pogingen om een wachtwoord opnieuw in te stellen of een account te ontgrendelen (er is een gebruikersnaam ingevoerd), pogingen om een wachtwoord te wijzigen en aanmeldingen om te registreren. Registraties hebben geen slagingspercentage, omdat er bij één aanmelding meerdere methoden kunnen worden toegevoegd.
admin-definition-failed = Mislukte stappen: elke stap die is mislukt. Bij één poging kunnen meerdere stappen mislukken (een onjuiste code, daarna de juiste) terwijl de poging toch slaagt.
admin-per-day = Per dag
admin-chart-title = Geslaagde acties per dag, { $from } tot en met { $to }
admin-chart-caption = Geslaagde acties per dag, per activiteit. De tabel hieronder bevat dezelfde aantallen.
admin-per-day-caption = Geslaagde acties per dag, per activiteit, en mislukte stappen
admin-date = Datum
admin-methods-title = Per methode
admin-method = Methode
admin-methods-used = Gebruikte methoden
admin-completed-with = Voltooid met
admin-nothing-yet = Niets in deze periode.
admin-method-email = Code per e-mail
admin-method-totp = Authenticator-app
admin-method-password = Wachtwoord
admin-method-oidc = Eenmalige aanmelding (SSO)
admin-method-questions = Beveiligingsvragen
admin-method-sms = Code per sms
admin-method-passkey = Passkey
admin-failures-title = Waarom stappen mislukten
admin-reason = Reden
admin-reason-codes = De redencodes achter deze groepen
admin-failure-wrong-code = Onjuiste code of onjuist antwoord, of verlopen code
admin-failure-wrong-password = Onjuist wachtwoord
admin-failure-locked-out = Account vergrendeld of selfservice gepauzeerd
admin-failure-policy = Geweigerd door de wachtwoordregels
admin-failure-directory-unavailable = Directory niet beschikbaar
admin-failure-rate-limited = Limiet voor pogingen bereikt
admin-failure-not-allowed = Niet toegestaan (buiten het bereik, geen beheerder)
admin-failure-other = Overig
admin-coverage-title = Registratie
admin-coverage-directory-error = De directory kon niet worden uitgelezen, dus het is niet bekend wie binnen het bereik valt. Het overzicht toont de laatste fout van de directory.
admin-coverage-in-scope = Personen binnen het bereik
admin-coverage-enough = Genoeg methoden geregistreerd ({ $required } of meer)
admin-coverage-partly = Wel methoden geregistreerd, maar niet genoeg
admin-coverage-none = Niets geregistreerd
admin-coverage-truncated = De lijst uit de directory is gestopt bij admin.max_listed_accounts: er zijn meer personen dan hier getoond.
admin-coverage-show = Tonen
admin-coverage-show-all = Iedereen binnen het bereik
admin-coverage-show-missing = Niet genoeg geregistreerd
admin-coverage-show-enough = Genoeg geregistreerd
admin-search-person = Naam of gebruikersnaam
admin-matching = { $count ->
        [one] 1 resultaat
       *[other] { $count } resultaten
    }
admin-name = Naam
admin-methods-registered = Geregistreerde methoden
admin-registered-when = Eerste registratie
admin-enough = Genoeg
admin-yes = Ja
admin-no = Nee
admin-audit-title = Auditlogboek
admin-event = Gebeurtenis
admin-outcome = Uitkomst
admin-any = Alle
admin-search = Zoeken
admin-time = Tijdstip (UTC)
admin-person = Persoon
admin-source = Bronadres
admin-user-agent = Browser
admin-pages-label = Pagina's
admin-page-previous = Vorige pagina
admin-page-next = Volgende pagina
admin-page-n-of-m = Pagina { $page } van { $pages }
admin-sign-out = Afmelden
admin-coverage-listed-at = De directory is gelezen om { $time }.
admin-coverage-refresh = Opnieuw lezen
admin-coverage-listing = De directory wordt uitgelezen: { $count ->
        [one] tot nu toe 1 account.
       *[other] tot nu toe { $count } accounts.
    } Deze pagina laadt zichzelf opnieuw tot het uitlezen klaar is.
admin-coverage-listing-reload = Nu opnieuw laden
admin-coverage-listing-failed = Het uitlezen stopte na { $count ->
        [one] 1 account.
       *[other] { $count } accounts.
    }
admin-coverage-listing-retry = Opnieuw proberen

## Beveiligingsvragen
methods-add-questions = Beveiligingsvragen toevoegen
methods-add-questions-text = { $count ->
        [one] U beantwoordt 1 vraag met een antwoord dat alleen u kent. Het antwoord wordt zo bewaard dat niemand het kan teruglezen, ook de helpdesk niet.
       *[other] U beantwoordt { $count } vragen met antwoorden die alleen u kent. De antwoorden worden zo bewaard dat niemand ze kan teruglezen, ook de helpdesk niet.
    }
methods-add-questions-button = Beveiligingsvragen instellen
methods-change-questions-button = Mijn beveiligingsvragen wijzigen
methods-questions-not-alone = Voor uw account tellen beveiligingsvragen alleen mee samen met een andere methode.
questions-register-title = Uw beveiligingsvragen
questions-register-lead = { $count ->
        [one] Kies 1 vraag en beantwoord die. Als u uw wachtwoord opnieuw instelt of uw account ontgrendelt, moet u die vraag beantwoorden.
       *[other] Kies { $count } verschillende vragen en beantwoord ze allemaal. Als u uw wachtwoord opnieuw instelt of uw account ontgrendelt, moet u een aantal daarvan beantwoorden.
    }
questions-fix-below = Een paar antwoorden moeten nog worden aangepast: zie de opmerkingen hieronder.
questions-n = Vraag { $n }
questions-field-question = Vraag
questions-own-option = Zelf een vraag bedenken
questions-field-own = Uw eigen vraag
questions-field-own-hint = Alleen als u hierboven “Zelf een vraag bedenken” hebt gekozen.
questions-field-answer = Antwoord
questions-answer-rules = Elk antwoord moet minstens { $count ->
        [one] 1 letter of cijfer
       *[other] { $count } letters of cijfers
    } bevatten en moet anders zijn dan de andere antwoorden. Hoofdletters, accenten en extra spaties maken niet uit.
questions-save = Mijn vragen opslaan
questions-back = Terug naar mijn methoden
questions-pick-one = Kies een van de vragen uit de lijst.
questions-own-short = Schrijf een vraag van minstens 5 tekens, of kies een vraag uit de lijst.
questions-own-long = Uw vraag is te lang: gebruik maximaal 200 tekens.
questions-question-repeated = U hebt deze vraag al gekozen: kies een andere vraag.
questions-answer-short = Dit antwoord is te kort.
questions-answer-repeated = Dit antwoord is hetzelfde als een ander antwoord: elk antwoord moet anders zijn.
questions-answer-is-question = Dit antwoord herhaalt alleen de vraag.
questions-answer-title = Beantwoord uw beveiligingsvragen
questions-answer-lead = Typ de antwoorden die u bij het registreren hebt gegeven. Hoofdletters, accenten en extra spaties maken niet uit.
questions-wrong = Een of meer antwoorden zijn niet juist. { code-tries-left }
question-first-pet = Hoe heette uw eerste huisdier?
question-birth-city = In welke plaats bent u geboren?
question-first-school = Hoe heette uw eerste school?
question-childhood-friend = Wat is de voornaam van uw beste jeugdvriend of jeugdvriendin?
question-first-car = Wat was het merk en model van uw eerste auto?
question-favourite-teacher = Wat was de achternaam van uw favoriete leraar of lerares?
question-first-job = Bij welk bedrijf had u uw eerste baan?
question-parents-met = In welke plaats hebben uw ouders elkaar ontmoet?

## Password quality (policy/quality.rs): checked before the directory is asked

quality-rules = { $classes ->
    [1] Gebruik minstens { $length } tekens.
   *[other] Gebruik minstens { $length } tekens, met { $classes } van deze soorten: kleine letters, hoofdletters, cijfers, symbolen.
} Niet uw naam, en geen veelgebruikt woord of wachtwoord.
quality-refused = Dit nieuwe wachtwoord kan niet worden gebruikt. De redenen staan onder het veld voor het nieuwe wachtwoord: kies een ander.
quality-ok = Dit wachtwoord voldoet aan de regels die hier worden gecontroleerd.
quality-too-short = Het is te kort: gebruik minstens { $min } tekens.
quality-classes = Combineer minstens { $min } van deze soorten: kleine letters, hoofdletters, cijfers, symbolen.
quality-own-name = Het bevat uw naam of gebruikersnaam.
quality-banned = Het bestaat vooral uit woorden die makkelijk te raden zijn, zoals "wachtwoord", een seizoen of de naam van de organisatie. Voeg meer van uzelf toe.
quality-breached = Het staat op een lijst van wachtwoorden uit datalekken, die aanvallers als eerste proberen.
quality-guessable = Het zou te makkelijk te raden zijn.
quality-warn-keyboard-rows = Rechte rijen toetsen zijn makkelijk te raden.
quality-warn-keyboard-short = Korte toetsenbordpatronen zijn makkelijk te raden.
quality-warn-repeats = Herhalingen zoals "aaa" zijn makkelijk te raden.
quality-warn-repeated-groups = Herhalingen zoals "abcabcabc" zijn nauwelijks moeilijker te raden dan "abc".
quality-warn-top-10 = Dit is een van de tien meest gebruikte wachtwoorden.
quality-warn-top-100 = Dit is een van de honderd meest gebruikte wachtwoorden.
quality-warn-common = Dit is een zeer veelgebruikt wachtwoord.
quality-warn-similar = Dit lijkt op een veelgebruikt wachtwoord.
quality-warn-sequences = Reeksen zoals "abc" of "6543" zijn makkelijk te raden.
quality-warn-recent-years = Recente jaartallen zijn makkelijk te raden.
quality-warn-word = Een los woord is makkelijk te raden.
quality-warn-dates = Datums zijn vaak makkelijk te raden.
quality-warn-names = Voor- en achternamen op zichzelf zijn makkelijk te raden.
quality-warn-common-names = Veelvoorkomende voor- en achternamen zijn makkelijk te raden.
quality-tip-few-words = Gebruik een paar woorden en vermijd bekende uitdrukkingen.
quality-tip-no-symbols-needed = Symbolen, cijfers of hoofdletters zijn niet nodig.
quality-tip-another-word = Voeg nog een of twee woorden toe. Ongewone woorden zijn beter.
quality-tip-capitals = Hoofdletters helpen niet veel.
quality-tip-all-capitals = Alleen hoofdletters is bijna even makkelijk te raden als alleen kleine letters.
quality-tip-reversed = Achterstevoren geschreven woorden zijn nauwelijks moeilijker te raden.
quality-tip-substitutions = Voorspelbare vervangingen zoals "@" voor "a" helpen niet veel.
quality-tip-keyboard = Gebruik een langer toetsenbordpatroon met meer bochten.
quality-tip-repeats = Vermijd herhaalde woorden en tekens.
quality-tip-sequences = Vermijd reeksen.
quality-tip-recent-years = Vermijd recente jaartallen.
quality-tip-your-years = Vermijd jaartallen die met u te maken hebben.
quality-tip-your-dates = Vermijd datums en jaartallen die met u te maken hebben.

## Text messages (SMS)
sms-code-text = Uw { $org }-code: { $code }
choose-sms = Stuur mij een code per sms
code-sms-title = Voer de code uit de sms in
code-sms-lead = Als er voor dit account een mobiel nummer is geregistreerd, hebben we daar een code per sms naartoe gestuurd. Die is { $minutes ->
        [one] 1 minuut
       *[other] { $minutes } minuten
    } geldig.
code-sms-failed = We konden nu geen sms versturen. Probeer het over een paar minuten opnieuw of kies een andere methode.
code-resend-sms = Stuur een nieuwe sms
methods-sms = Sms: { $number }
methods-add-sms = Een mobiel nummer toevoegen
field-phone = Mobiel nummer
field-phone-hint = Met landnummer, bijvoorbeeld +31 6 12345678. We sturen u een code per sms om het te controleren.
methods-send-text = Stuur een code per sms naar dit nummer
methods-bad-number = Dat lijkt geen mobiel nummer. Controleer het en probeer het opnieuw.
methods-number-no-country = Voeg het landnummer toe, beginnend met + (bijvoorbeeld +31 voor Nederland).
confirm-sms-title = Bevestig uw mobiele nummer
confirm-sms-lead = We hebben een code per sms naar { $number } gestuurd. Voer die hieronder in om het nummer te bevestigen. Het kan een minuut duren voordat hij aankomt.
admin-status-sms = Sms-gateway

## Passkeys
methods-passkey = Passkey ‘{ $name }’
methods-add-passkey = Een passkey of beveiligingssleutel toevoegen
methods-add-passkey-text = Een passkey staat op uw telefoon, uw computer of een beveiligingssleutel, en u ontgrendelt hem met uw vingerafdruk, uw gezicht of een pincode. Hij werkt alleen op het adres van dit portaal, dus een nagemaakte site kan hem niet gebruiken.
field-passkey-name = Naam voor deze passkey
field-passkey-name-hint = Zodat u uw passkeys uit elkaar kunt houden, bijvoorbeeld ‘Werklaptop’ of ‘Blauwe beveiligingssleutel’.
methods-add-passkey-button = Passkey maken
passkey-working = Volg wat uw browser of beveiligingssleutel vraagt.
passkey-cancelled = De passkey is niet gebruikt: het verzoek is geannuleerd of duurde te lang. Probeer het opnieuw of kies een andere manier.
passkey-failed = Dat is niet gelukt. Probeer het opnieuw of kies een andere manier.
passkey-unsupported = Deze browser kan geen passkeys gebruiken. Kies een andere manier of een andere browser.
passkey-needs-script = Passkeys hebben JavaScript in uw browser nodig. Zet het aan of kies een andere manier.
passkey-name-missing = Geef de passkey een naam, zodat u hem later herkent.
passkey-registered-already = Deze passkey of beveiligingssleutel is al geregistreerd.
choose-passkey = Een passkey of beveiligingssleutel gebruiken
passkey-use-title = Uw passkey gebruiken
passkey-use-lead = Als u op de knop drukt, vraagt uw browser om uw passkey. Ontgrendel hem met uw vingerafdruk, uw gezicht of een pincode.
passkey-use-button = Mijn passkey gebruiken
passkey-wrong = Die passkey is niet geaccepteerd. { code-tries-left }

# Binding a new method needs an existing one
prove-title = Bevestig dat u het bent
prove-lead = U hebt al een geregistreerde methode. Gebruik er een die u hebt voordat u er een toevoegt of verwijdert: uw wachtwoord alleen is niet genoeg.
prove-back = Terug naar mijn methoden
prove-passed = Dank u: u kunt nu methoden toevoegen of verwijderen.
methods-prove-first = Bevestig eerst met een methode die u al hebt dat u het bent, om een methode toe te voegen of te verwijderen.
methods-prove-button = Bevestigen dat ik het ben
admin-method-too-new = Uw tweede methode is te kort geleden geregistreerd om het beheergedeelte te openen. Probeer het opnieuw na de wachttijd, of vraag een andere beheerder.

## The directory's own password rules (Active Directory: domain policy or the account's PSO)
dir-rule-length = De directory van uw organisatie vereist minstens { $length } tekens.
dir-rule-complexity = Het moet drie van deze soorten bevatten: hoofdletters, kleine letters, cijfers, symbolen; en niet uw accountnaam of een deel van uw volledige naam.
dir-rule-history = Het mag niet een van uw laatste { $count } wachtwoorden zijn.
dir-rule-min-age = { $hours ->
    [one] Na een wijziging kan een wachtwoord 1 uur lang niet opnieuw worden gewijzigd.
   *[other] Na een wijziging kan een wachtwoord { $hours } uur lang niet opnieuw worden gewijzigd.
}
dir-rules-most = Dit zijn de regels voor de meeste accounts; voor het uwe kunnen strengere gelden.
dir-why-too-young = U hebt uw wachtwoord kort geleden gewijzigd; u kunt het weer wijzigen na { $when }.
dir-why-too-short = Uw account heeft een wachtwoord van minstens { $length } tekens nodig.
dir-why-not-complex = Gebruik drie van deze soorten: hoofdletters, kleine letters, cijfers, symbolen.
dir-why-name = Het mag niet uw accountnaam of een deel van uw volledige naam bevatten.
dir-why-history = Het mag niet een van uw laatste { $count } wachtwoorden zijn.

## Helpdesk console
helpdesk-sign-in-title = Aanmelden bij de helpdesk
helpdesk-sign-in-lead = Meld u aan met het wachtwoord van uw account in de directory. Daarna bevestigt u dat u het bent met een tweede methode die u hebt geregistreerd.
error-not-helpdesk-title = Niet voor dit account
error-not-helpdesk = De helpdeskconsole is alleen voor leden van de helpdeskgroepen. Uw account hoort daar niet bij. Hebt u toegang nodig? Vraag het dan aan het team dat deze portal beheert.
mail-code-action-helpdesk = te bevestigen dat u het bent aan de helpdesk
mail-code-not-you-helpdesk = Lees deze code alleen voor aan de helpdeskmedewerker met wie u belt, en alleen als u de helpdesk zelf hebt gebeld. Anders geeft u de code aan niemand en neemt u contact op met uw helpdesk.
mail-helpdesk-subject = De helpdesk heeft iets gewijzigd aan uw account bij { $org }
mail-helpdesk-unlock = De helpdesk heeft uw account bij { $org } ontgrendeld. Uw wachtwoord is niet gewijzigd.
mail-helpdesk-reset-link = De helpdesk heeft u een link gestuurd om een nieuw wachtwoord te kiezen voor uw account bij { $org }.
mail-helpdesk-lift-block = De helpdesk heeft de selfservice (wachtwoord herstellen en ontgrendelen) voor uw account bij { $org } weer geopend.
mail-helpdesk-clear-methods = De helpdesk heeft de herstelmethoden van uw account bij { $org } verwijderd. Registreer uw methoden opnieuw.
mail-helpdesk-risk = iemand heeft de helpdesk misschien overgehaald
mail-reset-link-subject = Kies een nieuw wachtwoord voor uw account bij { $org }
mail-reset-link = De helpdesk heeft u deze link gestuurd om een nieuw wachtwoord te kiezen voor uw account bij { $org }. Open hem en kies een nieuw wachtwoord; niemand bij de helpdesk ziet het.
mail-reset-link-expiry = De link werkt één keer en { $minutes } minuten lang.
mail-reset-link-not-you = Hebt u de helpdesk hier niet om gevraagd? Open de link dan niet en neem contact op met uw helpdesk.
reset-link-title = Een nieuw wachtwoord kiezen
reset-link-ask = De helpdesk heeft u deze link gestuurd. Ga verder om een nieuw wachtwoord te kiezen.
reset-link-button = Verder
reset-link-spent = Deze link is al gebruikt of verlopen. Vraag de helpdesk om een nieuwe, of herstel uw wachtwoord zelf.
reset-link-start-over = Mijn wachtwoord herstellen
helpdesk-nav-label = Helpdesk
helpdesk-nav-home = Iemand zoeken
helpdesk-home-title = Helpdesk
helpdesk-search-label = Naam, gebruikersnaam of e-mailadres
helpdesk-search-hint = Minstens twee tekens.
helpdesk-results-title = Gevonden personen
helpdesk-no-results = Niemand gevonden.
helpdesk-name = Naam
helpdesk-results-truncated = Alleen de eerste resultaten worden getoond. Typ meer om de zoekopdracht te verfijnen.
helpdesk-requests-title = Verzoeken die op een tweede persoon wachten
helpdesk-requests-none = Er wachten geen verzoeken.
helpdesk-action = Actie
helpdesk-requested-by = Gevraagd door
helpdesk-reason = Reden
helpdesk-decision = Beslissing
helpdesk-was-verified = beller bevestigd
helpdesk-own-request = Uw verzoek: iemand anders moet het goedkeuren
helpdesk-approve = Goedkeuren
helpdesk-reject = Afwijzen
helpdesk-reject-reason = Reden van afwijzing
helpdesk-rejected = Afgewezen: er is niets gewijzigd. Het verzoek is gesloten.
helpdesk-reject-reason-needed = Typ een reden om het verzoek af te wijzen.
helpdesk-action-unlock = Het account ontgrendelen
helpdesk-action-reset-link = Een herstellink sturen
helpdesk-action-lift-block = Selfservice weer openen
helpdesk-action-clear-methods = Alle herstelmethoden verwijderen
helpdesk-person-title = Persoon
helpdesk-state-title = Staat van het account
helpdesk-locked = Vergrendeld in de directory
helpdesk-not-locked = Niet vergrendeld
helpdesk-disabled = Uitgeschakeld in de directory
helpdesk-expired = Wachtwoord verlopen
helpdesk-must-change = Moet het wachtwoord bij de volgende aanmelding wijzigen
helpdesk-blocked = Selfservice gesloten: { $reason }
helpdesk-not-blocked = Selfservice open
helpdesk-paused-until = Wachtwoordherstel gepauzeerd tot { $until }: vandaag te veel pogingen. ‘Selfservice weer openen’ heft de pauze op.
helpdesk-not-paused = Wachtwoordherstel niet gepauzeerd
helpdesk-methods-title = Geregistreerde methoden
helpdesk-no-methods = Niets geregistreerd. Elke actie vraagt de goedkeuring van een tweede helpdeskmedewerker.
helpdesk-destination = Verstuurd naar
helpdesk-added = Toegevoegd
helpdesk-verify-caller = De beller bevestigen
helpdesk-cooling-off = Pas toegevoegd: kan de beller nog niet bevestigen
helpdesk-ask-app-code = Om de code van de app vragen
helpdesk-send-code = Een code sturen
helpdesk-check-title = De beller bevestigen
helpdesk-check-app = Vraag de beller om de code die de authenticator-app nu toont en typ die in.
helpdesk-check-read-back = Er is een code verstuurd. Vraag de beller hem voor te lezen en typ hem in. U ziet hem zelf nooit.
helpdesk-code-read = Code die de beller voorleest
helpdesk-actions-title = Acties
helpdesk-verified-until = Beller bevestigd ({ $method }) tot { $until }.
helpdesk-send-confirm = Bevestigingslink sturen
helpdesk-confirm-sent = Er is een bevestigingslink naar de persoon gemaild. Vraag hem die op het eigen apparaat te openen en met de passkey te bevestigen, en vernieuw dan deze pagina.
helpdesk-confirm-title = Bevestigingslink
helpdesk-confirm-waiting = Verstuurd: wacht tot { $until } tot de persoon met de passkey bevestigt.
helpdesk-confirm-confirmed = De persoon heeft om { $at } met de passkey bevestigd.
helpdesk-confirm-ended = De link is zonder bevestiging beëindigd. Stuur een nieuwe als de beller er nog is.
helpdesk-refresh = Vernieuwen
mail-confirm-link-subject = Bevestig aan de helpdesk van { $org } dat u het bent
mail-confirm-link = De helpdeskmedewerker met wie u spreekt vraagt u te bevestigen dat u het bent (uw account bij { $org }). Open deze link op uw eigen apparaat en bevestig met uw passkey.
mail-confirm-link-not-you = Belt u nu niet met de helpdesk? Open de link dan niet en neem contact op met uw helpdesk.
caller-confirm-title = Bevestig aan de helpdesk dat u het bent
caller-confirm-lead = De helpdeskmedewerker met wie u spreekt heeft u gevraagd te bevestigen dat u het bent. Bevestig met uw passkey op dit apparaat; de helpdesk ziet alleen dát u het deed.
caller-confirm-button = Bevestigen met mijn passkey
caller-confirm-not-you = Belt u nu niet met de helpdesk? Sluit deze pagina dan en neem contact op met uw helpdesk.
caller-confirm-done = Bevestigd. Zeg het tegen de helpdeskmedewerker met wie u spreekt; u kunt deze pagina sluiten.
caller-confirm-refused = Uw passkey werd niet geaccepteerd, dus deze link is beëindigd. Vraag de helpdesk om een nieuwe.
caller-confirm-spent = Deze link is al gebruikt of verlopen. Vraag de helpdesk om een nieuwe.
helpdesk-four-eyes-unverifiable = Deze persoon kan niet bevestigd worden: een actie wordt een verzoek dat een andere helpdeskmedewerker goedkeurt. Geef een reden.
helpdesk-verify-first = Bevestig eerst de beller.
helpdesk-four-eyes-privileged = Een account met bijzondere rechten: elke actie vraagt ook de goedkeuring van een andere helpdeskmedewerker. Geef een reden.
helpdesk-recent-title = Recente activiteit
helpdesk-recent-none = Geen recente activiteit.
helpdesk-check-not-allowed = U kunt deze persoon niet op die manier bevestigen.
helpdesk-verified = De beller is bevestigd.
helpdesk-check-voided = Te veel verkeerde codes: deze controle is beëindigd. Begin een nieuwe als de beller er nog is.
helpdesk-done = Gedaan. De persoon krijgt er een e-mail over.
helpdesk-requested = Gevraagd. Een andere helpdeskmedewerker moet het in de eigen console goedkeuren.
helpdesk-no-address = Er is geen adres om een herstellink naartoe te sturen.
helpdesk-approved = Goedgekeurd en gedaan. De persoon krijgt er een e-mail over.
helpdesk-refused-own = U kunt hier niet aan uw eigen account werken. Vraag het een collega.
helpdesk-refused-out-of-reach = Dit account valt buiten het bereik van de helpdesk. Vraag het aan het team dat deze portal beheert.
helpdesk-refused-not-verified = Bevestig eerst de beller: er is niets gewijzigd.
helpdesk-reason-needed = Hiervoor is de goedkeuring van een andere helpdeskmedewerker nodig: typ een reden voor hen.
helpdesk-refused-own-request = U hebt dit zelf gevraagd: een andere helpdeskmedewerker moet het goedkeuren.
helpdesk-request-gone = Over dit verzoek is al beslist of het is verlopen.

## Herinneringen bij verlopende wachtwoorden en de registratiecampagne (flow/reminders.rs)
mail-expiry-subject = { $days ->
        [one] Uw { $org }-wachtwoord verloopt binnen een dag
       *[other] Uw { $org }-wachtwoord verloopt binnen { $days } dagen
    }
mail-expiry-body = Uw { $org }-wachtwoord verloopt op { $when }. Wijzig het vóór die tijd, zodat u kunt blijven inloggen.
mail-expiry-change = Om het nu te wijzigen, opent u:
mail-expiry-forgot = Bent u het vergeten, stel dan hier een nieuw in:
mail-expiry-why = Deze herinnering komt een paar keer voordat uw wachtwoord verloopt en stopt zodra u het hebt gewijzigd. Wij vragen nooit per e-mail naar uw wachtwoord.
mail-nudge-subject = Stel wachtwoordherstel in voor uw { $org }-account
mail-nudge-body = U hebt nog niet genoeg manieren ingesteld om te bewijzen dat u het bent als u uw { $org }-wachtwoord vergeet. Het kost een paar minuten; daarna kunt u altijd zelf een nieuw wachtwoord instellen, zonder de helpdesk te bellen.
mail-nudge-link = Stel ze hier in:
mail-nudge-stop = Deze herinneringen stoppen zodra u herstel hebt ingesteld. Wij vragen nooit per e-mail naar uw wachtwoord.
admin-nav-campaign = Campagne
admin-campaign-title = Registratiecampagne
admin-campaign-off = De campagne staat uit. Zet haar aan met enabled = true onder [campaign] in de configuratie.
admin-campaign-settings = Elke { $every } dagen een herinnering, hoogstens { $max } per persoon, aan iedereen binnen het bereik die niet genoeg methoden heeft geregistreerd.
admin-campaign-chart = Registratiedekking per dag
admin-campaign-day = Dag
admin-campaign-in-scope = Binnen bereik
admin-campaign-enough = Genoeg geregistreerd
admin-campaign-percent = Dekking
admin-campaign-nudges = Registratieherinneringen in de afgelopen 30 dagen
admin-campaign-reminders = Verloopherinneringen in de afgelopen 30 dagen
admin-campaign-missing = Nog niet geregistreerd
admin-campaign-missing-link = Wie nog niet genoeg heeft geregistreerd
admin-campaign-no-data = Er is nog geen ronde gedraaid: de grafiek vult zich dag na dag.

# Admin: webhooks (dead letters)
admin-nav-webhooks = Webhooks
admin-webhooks-title = Webhooks
admin-webhooks-none = Er is geen webhook ingesteld ([[webhooks]] in de configuratie).
admin-webhooks-endpoints = Accountgebeurtenissen worden verzonden naar:
admin-webhooks-pending = { $count ->
    [one] 1 bezorging wacht
   *[other] { $count } bezorgingen wachten
}
admin-webhooks-dead = Onbestelbare berichten
admin-webhooks-dead-help = Deze bezorgingen zijn zo vaak mislukt als het eindpunt toestaat. Herstel het eindpunt en verstuur ze dan opnieuw.
admin-webhooks-endpoint = Eindpunt
admin-webhooks-attempts = Pogingen
admin-webhooks-last-error = Laatste fout
admin-webhooks-retry = Opnieuw versturen
admin-webhooks-retried = De bezorging staat weer in de wachtrij.
admin-webhooks-not-dead = Die bezorging is (niet meer) onbestelbaar.
