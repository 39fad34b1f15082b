# rekey: Deutsch. Jede Nachricht aus dem englischen Referenzkatalog (en/main.ftl) muss hier
# mit denselben Variablen vorhanden sein. Nur reiner Text: Seiten und Mails maskieren, was sie anzeigen.

## Every page

product-name = Passwort-Self-Service
skip-to-content = Zum Inhalt springen
language-switcher = Sprache
language-apply = Wechseln
footer-never-share = Geben Sie Ihr Passwort und Ihre Codes niemals weiter. Der Helpdesk wird Sie nie danach fragen.
continue = Weiter
pow-working = Ihr Browser wird geprüft. Das dauert einige Sekunden …
start-again = Neu beginnen
back-to-start = Zurück zum Anfang
return-to = Zurück zur vorherigen Seite
sign-in = Anmelden
steps-label = Fortschritt
step-n-of-m = Schritt { $now } von { $of }
step-done = Erledigt:
error-box-title = Es ist ein Problem aufgetreten
done-what-changed = Was sich geändert hat
done-next = Wie es weitergeht
done-notice-sent = Eine Bestätigung wurde an Ihre E-Mail-Adressen gesendet.
hint-passwords-match = Die beiden Passwörter stimmen überein.
hint-passwords-differ = Die beiden Passwörter stimmen noch nicht überein.

## Fields

field-username = Benutzername
field-username-hint = Der Name, mit dem Sie sich an Ihrem Computer oder bei Ihrer E-Mail anmelden.
field-password = Passwort
field-current-password = Aktuelles Passwort
field-new-password = Neues Passwort
field-new-password-hint = Es gelten die Passwortregeln Ihrer Organisation.
field-new-password-again = Neues Passwort wiederholen
field-code = Code
field-email = E-Mail-Adresse
field-email-hint = Verwenden Sie eine private Adresse, die Sie auch erreichen, wenn Sie sich nicht anmelden können. Wir senden einen Code an diese Adresse, um sie zu prüfen.

## Steps

step-username = Benutzername
step-verify = Identität bestätigen
step-verify-n = Identität bestätigen ({ $n } von { $of })
step-new-password = Neues Passwort
step-unlock = Entsperren
step-sign-in = Anmelden
step-methods = Methoden wählen
step-confirm = Bestätigen
step-passwords = Passwörter

## Start page

home-title = Passwort verwalten
home-lead = Wählen Sie aus, was Sie tun möchten.
home-tasks = Aufgaben
home-reset = Ich habe mein Passwort vergessen
home-reset-text = Bestätigen Sie Ihre Identität und wählen Sie ein neues Passwort.
home-unlock = Mein Konto ist gesperrt
home-unlock-text = Bestätigen Sie Ihre Identität und entsperren Sie Ihr Konto. Ihr Passwort bleibt erhalten.
home-change = Mein Passwort ändern
home-change-text = Sie kennen Ihr aktuelles Passwort und möchten ein neues.
home-register = Wiederherstellungsmethoden einrichten
home-register-text = Registrieren Sie eine E-Mail-Adresse oder eine Authenticator-App, damit Sie Ihr Passwort selbst zurücksetzen können.

## Reset and unlock

reset-title = Passwort zurücksetzen
unlock-title = Konto entsperren
reset-username-lead = Geben Sie Ihren Benutzernamen ein. Danach bestätigen Sie Ihre Identität mit einer registrierten Methode und wählen ein neues Passwort.
unlock-username-lead = Geben Sie Ihren Benutzernamen ein. Danach bestätigen Sie Ihre Identität mit einer registrierten Methode. Ihr Passwort bleibt erhalten.
choose-title = Identität bestätigen
choose-title-more = Mit einer weiteren Methode bestätigen
choose-lead = Wählen Sie eine Methode, die Sie registriert haben. Wenn Sie keine registriert haben, können Sie hier nicht fortfahren. Wenden Sie sich dann an den Helpdesk.
choose-email = Code per E-Mail senden
choose-totp = Code aus meiner Authenticator-App verwenden
choose-questions = Meine Sicherheitsfragen beantworten
choose-email-needs = Sie brauchen: Ihr E-Mail-Postfach, auf diesem oder einem anderen Gerät
choose-sms-needs = Sie brauchen: das registrierte Mobiltelefon, mit Empfang
choose-totp-needs = Sie brauchen: die Authenticator-App auf Ihrem Telefon
choose-passkey-needs = Sie brauchen: Ihren Passkey oder Sicherheitsschlüssel oder das Gerät, auf dem er liegt
choose-questions-needs = Sie brauchen: die Antworten, die Sie bei der Registrierung gegeben haben
contact-title = Helpdesk
contact-phone = Telefon
contact-email = E-Mail
contact-hours = Erreichbar
contact-location = Vor Ort
contact-url = Web
code-help-summary = Keinen Code erhalten?
code-help-email-spam = Codes kommen meist innerhalb einer Minute an. Sehen Sie auch im Spam- oder Junk-Ordner nach.
code-help-sms-wait = SMS kommen meist innerhalb einer Minute an. Prüfen Sie, ob Ihr Telefon Empfang hat und nicht im Flugmodus ist.
code-help-which = Der Code geht nur an die Adresse oder Nummer, die hier für dieses Konto registriert ist – das ist vielleicht nicht die, die Sie täglich nutzen.
code-help-typed = Prüfen Sie die oben angezeigte Adresse oder Nummer. Ist sie falsch, brechen Sie ab und geben Sie sie neu ein.
code-help-valid = Ein Code ist { $minutes ->
        [one] eine Minute
       *[other] { $minutes } Minuten
    } gültig. Oben können Sie einen neuen anfordern; nur der neueste gilt.
code-help-never = Wenn Sie hier nie eine Wiederherstellungsmethode registriert haben, kommt kein Code: Wählen Sie eine andere Methode oder wenden Sie sich an den Helpdesk.
code-help-phone = Sie können auch auf Ihrem Telefon weitermachen: { $url }
code-email-title = Code aus der E-Mail eingeben
code-email-lead = Falls für dieses Konto eine E-Mail-Adresse registriert ist, haben wir einen Code an diese Adresse gesendet. Er ist { $minutes ->
        [one] 1 Minute
       *[other] { $minutes } Minuten
    } gültig. Es kann etwa eine Minute dauern, bis er ankommt. Prüfen Sie auch Ihren Spam-Ordner.
code-totp-title = Code aus der Authenticator-App eingeben
code-totp-lead = Öffnen Sie die registrierte App und geben Sie den 6-stelligen Code ein, der jetzt angezeigt wird.
code-resend = Neuen Code senden
code-other-method = Andere Methode verwenden
code-wrong = Dieser Code ist nicht richtig. { code-tries-left }
code-tries-left = { $count ->
        [0] Das war Ihr letzter Versuch: Ein weiterer Fehler beendet diesen Vorgang.
        [one] Sie haben noch 1 Versuch.
       *[other] Sie haben noch { $count } Versuche.
    }
code-expired = Dieser Code ist abgelaufen. Fordern Sie einen neuen Code an und geben Sie den neuesten ein.
code-not-sent = Es wurde noch kein Code gesendet. Fordern Sie mit der Schaltfläche unten einen Code an.
code-replayed = Dieser Code wurde bereits verwendet. Warten Sie, bis Ihre App einen neuen Code anzeigt, und geben Sie diesen ein.
unlock-ready-title = Ihre Identität ist bestätigt
unlock-ready-lead = Entsperren Sie jetzt Ihr Konto. Ihr Passwort bleibt erhalten.
unlock-button = Mein Konto entsperren
password-title = Neues Passwort wählen
password-lead = Es gelten die Passwortregeln Ihrer Organisation. Eine lange Passphrase aus mehreren Wörtern, die nichts miteinander zu tun haben, ist leicht zu merken und schwer zu erraten.
password-button = Neues Passwort festlegen
reset-done-title = Ihr Passwort wurde zurückgesetzt
reset-done-password = Das Passwort von { $username } wurde am { $when } ersetzt. Ihr altes Passwort funktioniert nicht mehr.
reset-done-unlocked = Ihr Konto ist entsperrt.
reset-done-must-change = Bei der nächsten Anmeldung werden Sie aufgefordert, ein anderes Passwort zu wählen.
reset-done-sessions-kept = Ihre anderen Geräte und Apps sind möglicherweise noch mit dem alten Passwort angemeldet. Melden Sie sich dort jetzt ab oder bitten Sie den Helpdesk, Sie überall abzumelden.
reset-done-next = Ihr neues Passwort gilt ab sofort. Verwenden Sie es auf allen Geräten, auf denen Sie sich anmelden (Mail-Apps auf dem Smartphone, VPN, WLAN). Wenn Sie das nicht selbst waren, wenden Sie sich sofort an den Helpdesk.
unlock-done-title = Ihr Konto ist entsperrt
unlock-done-unlocked = { $username } wurde am { $when } entsperrt.
unlock-done-password-kept = Ihr Passwort hat sich nicht geändert. Melden Sie sich wie gewohnt damit an.
unlock-done-next = Wenn Ihr Konto immer wieder gesperrt wird, verwendet möglicherweise noch ein Gerät ein altes Passwort. Prüfen Sie die Einstellungen der Mail-App auf Ihrem Smartphone sowie für VPN und WLAN.

## Change

change-title = Passwort ändern
change-lead = Sie benötigen Ihr aktuelles Passwort.
change-forgot = Passwort vergessen? Setzen Sie es stattdessen zurück.
change-signed-in-as = Angemeldet als { $login }.
change-button = Passwort ändern
change-done-title = Ihr Passwort wurde geändert
change-done-password = Das Passwort von { $username } wurde am { $when } geändert. Ihr altes Passwort funktioniert nicht mehr.
change-done-next = Verwenden Sie ab jetzt Ihr neues Passwort, auf allen Geräten, auf denen Sie sich anmelden (Mail-Apps auf dem Smartphone, VPN, WLAN).
change-done-register = Haben Sie Wiederherstellungsmethoden eingerichtet? Damit können Sie ein vergessenes Passwort ohne den Helpdesk zurücksetzen.
change-same-as-old = Das neue Passwort muss sich vom aktuellen unterscheiden.
change-expired = Ihr Passwort ist abgelaufen und wird vom Verzeichnis nicht mehr angenommen, auch nicht zum Ändern. Wählen Sie auf der Startseite „Ich habe mein Passwort vergessen“, um ein neues festzulegen.
password-expires-in-days = Ihr Passwort läuft in { $days } Tagen ab. Ändern Sie es vorher.
password-expires-in-hours = Ihr Passwort läuft in { $hours ->
        [one] 1 Stunde
       *[other] { $hours } Stunden
    } ab. Ändern Sie es jetzt.
password-grace-logins-left = Ihr Passwort ist abgelaufen. Sie können sich damit noch { $count ->
        [one] 1 Mal
       *[other] { $count } Mal
    } anmelden; ändern Sie es jetzt.
change-wrong-current = Ihr aktuelles Passwort ist nicht richtig. Prüfen Sie es und versuchen Sie es erneut.

## Register

register-sign-in-title = Anmelden, um Wiederherstellungsmethoden einzurichten
register-sign-in-lead = Verwenden Sie Ihren gewohnten Benutzernamen und Ihr Passwort.
register-title = Zum Registrieren anmelden
methods-title = Ihre Wiederherstellungsmethoden
methods-lead = Angemeldet als { $name }. Damit können Sie Ihr Passwort selbst zurücksetzen oder Ihr Konto selbst entsperren.
methods-still-needed = { $count ->
        [one] Registrieren Sie 1 weitere Methode, um fortzufahren.
       *[other] Registrieren Sie { $count } weitere Methoden, um fortzufahren.
    }
methods-required = { $count ->
        [one] Ihre Organisation verlangt 1 Methode.
       *[other] Ihre Organisation verlangt { $count } verschiedene Methoden.
    }
methods-registered = Registriert
methods-none = Noch keine.
methods-col-method = Methode
methods-col-added = Hinzugefügt
methods-col-action = Aktion
methods-directory-email = E-Mail: { $address } (aus Ihrem Konto)
methods-email = E-Mail: { $address }
methods-totp = Authenticator-App
methods-questions = Sicherheitsfragen
methods-remove = Entfernen
methods-remove-label = { $method } entfernen
methods-add-email = E-Mail-Adresse hinzufügen
methods-send-code = Code an diese Adresse senden
methods-add-totp = Authenticator-App hinzufügen
methods-add-totp-text = Eine App auf Ihrem Smartphone (Microsoft Authenticator, Google Authenticator, FreeOTP…), die alle 30 Sekunden einen neuen 6-stelligen Code anzeigt.
methods-add-totp-button = Authenticator-App einrichten
methods-finish = Fertigstellen und abmelden
methods-sign-out = Abmelden, ohne fertigzustellen
methods-added = Ihre neue Methode ist registriert.
methods-add-voided = Zu viele falsche Codes: Die Methode wurde nicht hinzugefügt. Sie können es erneut versuchen.
methods-removed = Die Methode wurde entfernt.
methods-bad-address = Das sieht nicht wie eine E-Mail-Adresse aus. Prüfen Sie die Eingabe und versuchen Sie es erneut.
methods-keep-one = Fügen Sie eine weitere Methode hinzu, bevor Sie diese entfernen. Sie benötigen mindestens die vorgeschriebene Anzahl.
methods-review-title = Gehören diese noch Ihnen?
methods-review-text = Bitte prüfen Sie die Methoden unten: Entfernen Sie Adressen oder Apps, die Sie nicht mehr haben, und fügen Sie neue hinzu. Bestätigen Sie dann.
methods-review-button = Sie gehören alle noch mir
methods-review-thanks = Danke: Ihre Methoden sind bestätigt.
methods-need-more = Sie müssen weitere Methoden registrieren, bevor Sie fertigstellen können.
confirm-email-title = Prüfen Sie Ihre E-Mails
confirm-email-lead = Wir haben einen Code an { $address } gesendet. Geben Sie ihn unten ein, um die Adresse zu bestätigen. Es kann etwa eine Minute dauern, bis er ankommt. Prüfen Sie auch Ihren Spam-Ordner.
confirm-totp-title = Authenticator-App einrichten
confirm-totp-1 = Öffnen Sie Ihre Authenticator-App und wählen Sie, dass Sie ein Konto hinzufügen möchten.
confirm-totp-2 = Scannen Sie damit diesen QR-Code.
confirm-totp-qr = QR-Code zum Scannen mit Ihrer Authenticator-App
confirm-totp-3 = Scannen funktioniert nicht? Geben Sie stattdessen diesen Schlüssel ein:
confirm-totp-4 = Geben Sie den 6-stelligen Code ein, den die App jetzt anzeigt.
confirm-button = Bestätigen
confirm-cancel = Abbrechen und zurück
confirm-code-expired = Dieser Code ist abgelaufen. Gehen Sie zurück und fügen Sie die Adresse erneut hinzu, um einen neuen Code zu erhalten.
confirm-code-unusable = Dieser Code kann nicht verwendet werden. Gehen Sie zurück und beginnen Sie neu.
register-done-title = Alles erledigt
register-done-method = Registriert: { $method }
register-done-signed-out = Sie wurden abgemeldet.
register-done-next = Wenn Sie Ihr Passwort einmal vergessen oder Ihr Konto gesperrt wird, kommen Sie hierher zurück und wählen Sie „Ich habe mein Passwort vergessen“ oder „Mein Konto ist gesperrt“.
sign-in-failed = Mit diesem Benutzernamen und Passwort konnten wir Sie nicht anmelden. Prüfen Sie beides und versuchen Sie es erneut. Wenn Sie Ihr Passwort vergessen haben, setzen Sie es zurück. Wenn Ihr Konto gesperrt ist, entsperren Sie es.
out-of-scope = Der Self-Service ist für Ihr Konto nicht aktiviert. Bitte wenden Sie sich an den Helpdesk.
must-change = Ihr Passwort ist abgelaufen oder muss geändert werden, bevor Sie fortfahren können. Ändern Sie es zuerst und kommen Sie dann hierher zurück.
oidc-continue-title = Sie werden angemeldet

## New passwords

new-password-empty = Geben Sie ein neues Passwort ein.
new-password-too-long = Das neue Passwort ist zu lang. Verwenden Sie höchstens 256 Zeichen.
new-password-mismatch = Die beiden neuen Passwörter stimmen nicht überein. Geben Sie in beiden Feldern dasselbe Passwort ein.
policy-too-short = Das neue Passwort ist für die Regeln Ihrer Organisation zu kurz. Wählen Sie ein längeres.
policy-too-long = Das neue Passwort ist länger, als Ihre Organisation erlaubt. Wählen Sie ein kürzeres.
policy-in-history = Sie haben dieses Passwort vor Kurzem verwendet. Wählen Sie eines, das Sie noch nicht verwendet haben.
policy-too-young = Ihr Passwort wurde vor zu kurzer Zeit geändert und kann noch nicht erneut geändert werden. Versuchen Sie es später noch einmal oder verwenden Sie die Seite zum Zurücksetzen, wenn Sie es vergessen haben.
policy-quality = Das neue Passwort ist für die Regeln Ihrer Organisation nicht komplex genug. Kombinieren Sie Groß- und Kleinbuchstaben, Ziffern und Sonderzeichen oder verwenden Sie eine längere Passphrase.
policy-not-allowed = Ihre Organisation erlaubt nicht, dieses Passwort hier zu ändern. Wenden Sie sich an den Helpdesk.
policy-old-password-needed = Für diese Änderung wird Ihr aktuelles Passwort benötigt.
policy-other = Die Passwortregeln Ihrer Organisation haben das neue Passwort abgelehnt. Wählen Sie ein anderes, längeres Passwort.

## "This wasn't me"

disown-title = Das war ich nicht
disown-ask-1 = Wenn Sie das, was in der E-Mail beschrieben wurde, nicht selbst getan haben, hat möglicherweise jemand anderes Zugriff auf Ihr Konto oder Ihre Wiederherstellungsmethoden erlangt.
disown-ask-2 = Sperren Sie jetzt den Self-Service für Ihr Konto: Dann kann hier niemand mehr das Passwort zurücksetzen, das Konto entsperren, das Passwort ändern oder Wiederherstellungsmethoden hinzufügen. Laufende Vorgänge werden beendet. Ihr Helpdesk wird informiert und kann die Sperre aufheben, sobald Ihr Konto sicher ist.
disown-button = Self-Service für mein Konto sperren
disown-was-me = Es war doch ich
disown-done-title = Der Self-Service für Ihr Konto ist gesperrt
disown-done-1 = Niemand kann Ihr Passwort hier zurücksetzen, Ihr Konto entsperren oder Ihr Passwort ändern, bis Ihr Helpdesk die Sperre aufhebt. Laufende Vorgänge wurden beendet und der Helpdesk wurde informiert.
disown-done-2 = Wenden Sie sich jetzt an Ihren Helpdesk, damit Ihr Konto geprüft wird und Sie ein neues Passwort erhalten.
disown-spent-title = Dieser Link kann nicht verwendet werden
disown-spent-1 = Er wurde bereits verwendet oder ist abgelaufen. Wenn Sie weiterhin vermuten, dass jemand anderes Ihr Konto verwendet hat, wenden Sie sich jetzt an Ihren Helpdesk.

## Kiosk

kiosk-footer = Dies ist ein gemeinsam genutzter Computer. Wenn Sie fertig sind, wird nichts von dem gespeichert, was Sie eingegeben haben.
kiosk-idle-title = Sind Sie noch da?
kiosk-idle-text = Zum Schutz Ihrer Daten kehrt diese Seite zum Anfang zurück und vergisst Ihre Eingaben.
kiosk-idle-seconds = { $seconds ->
        [one] Noch 1 Sekunde.
       *[other] Noch { $seconds } Sekunden.
    }
kiosk-idle-stay = Ich bin noch da
kiosk-phone-title = Auf dem Smartphone fortfahren
kiosk-phone-text = Scannen Sie diesen Code mit der Kamera Ihres Smartphones, um den Vorgang stattdessen auf Ihrem eigenen Smartphone durchzuführen.
kiosk-phone-qr = QR-Code, der diese Seite auf Ihrem Smartphone öffnet
kiosk-done = Kehren Sie jetzt zum Anmeldebildschirm zurück und melden Sie sich an.
kiosk-finish = Fertig

## Errors

error-reference = Referenz: { $reference } (Fehler { $status })
error-offer-reset = Passwort zurücksetzen
error-unavailable-title = Die Passwortdienste sind derzeit nicht verfügbar
error-unavailable = Es wurde nichts geändert. Der Dienst, der Passwörter prüft und ändert, antwortet gerade nicht. Bitte versuchen Sie es in einigen Minuten erneut. Wenn das Problem weiterhin besteht, wenden Sie sich an den Helpdesk.
error-unconfirmed-title = Wir konnten die Änderung nicht bestätigen
error-unconfirmed = Die Änderung wurde gesendet, aber es kam keine Antwort; sie wurde daher möglicherweise vorgenommen, möglicherweise aber auch nicht. Wenn Sie ein neues Passwort gewählt haben, melden Sie sich damit an; funktioniert das nicht, gilt Ihr altes Passwort weiter: Melden Sie sich damit an oder beginnen Sie neu. Funktioniert keines, wenden Sie sich an den Helpdesk. Wir haben eine Benachrichtigung an Ihre E-Mail-Adressen gesendet, und die Änderung ist als unbestätigt protokolliert.
error-refused-title = Dieses Konto kann hier nicht geändert werden
error-refused = Ihre Organisation erlaubt diesem Dienst nicht, dieses Konto zu ändern (das ist bei Administratorkonten üblich). Es wurde nichts geändert, und ein neuer Versuch hilft nicht. Bitte wenden Sie sich an den Helpdesk.
error-rate-limited-title = Zu viele Versuche
error-rate-limited = Zur Sicherheit aller ist begrenzt, wie oft dies versucht werden kann. Es wurde nichts geändert.
error-paused-title = Der Self-Service ist für diesen Benutzernamen pausiert
error-paused = In den letzten 24 Stunden gab es zu viele Versuche, das Passwort für diesen Benutzernamen zurückzusetzen. Deshalb ist der Self-Service dafür pausiert. Wenn Ihr Passwort jetzt zurückgesetzt werden muss, wenden Sie sich an den Helpdesk.
error-unlock-by-reset-title = Ihr Konto kann hier nicht entsperrt werden
error-unlock-by-reset = Ihr Konto wird in Microsoft Entra ID verwaltet. Die Sperre nach zu vielen falschen Passwörtern lässt sich hier nicht aufheben: Sie endet von selbst, wenn ihre Sperrdauer abgelaufen ist. Sie können jetzt ein neues Passwort wählen, damit das ausprobierte nicht mehr funktioniert. Bisher wurde nichts geändert.
error-expired-title = Dieser Vorgang ist beendet
error-expired = Die Zeit ist abgelaufen, der Vorgang wurde abgeschlossen oder es wurden zu viele falsche Codes eingegeben. Bitte beginnen Sie neu.
error-out-of-step-title = Diese Seite ist nicht mehr aktuell
error-out-of-step = Sie wurde möglicherweise in einem anderen Tab geöffnet oder bereits verwendet. Bitte beginnen Sie neu.
error-voided-title = Zu viele falsche Codes
error-voided = Zu Ihrer Sicherheit wurde dieser Vorgang beendet. Es wurde nichts geändert. Sie können neu beginnen. Wenn Sie keinen Code angefordert haben, können Sie diese Meldung ignorieren.
error-csrf-title = Dieses Formular ist abgelaufen
error-csrf = Zu Ihrer Sicherheit konnte das Formular nicht angenommen werden. Gehen Sie zurück, laden Sie die Seite neu und versuchen Sie es erneut.
error-bad-form-title = Das Formular konnte nicht gelesen werden
error-bad-form = Gehen Sie zurück, laden Sie die Seite neu und versuchen Sie es erneut.
error-too-large-title = Es wurden zu viele Daten gesendet
error-too-large = Ihre Eingabe ist größer, als dieses Formular zulässt. Gehen Sie zurück und kürzen Sie Ihre Eingabe.
error-internal-title = Bei uns ist ein Fehler aufgetreten
error-internal = Es wurde nichts geändert. Bitte versuchen Sie es erneut. Wenn das Problem weiterhin besteht, nennen Sie dem Helpdesk die unten stehende Referenz.
error-not-found-title = Seite nicht gefunden
error-not-found = Unter dieser Adresse gibt es keine Seite. Beginnen Sie auf der Startseite.
error-timeout-title = Das hat zu lange gedauert
error-timeout = Es wurde nichts geändert. Bitte versuchen Sie es erneut.
error-method-title = Diese Seite kann so nicht verwendet werden
error-method = Beginnen Sie auf der Startseite.
error-other-title = Die Anfrage konnte nicht bearbeitet werden
error-other = Beginnen Sie auf der Startseite.
wait-seconds = Sie können es in weniger als einer Minute erneut versuchen.
wait-minutes = Sie können es in { $minutes ->
        [one] etwa einer Minute
       *[other] etwa { $minutes } Minuten
    } erneut versuchen.
wait-hours = Sie können es in etwa { $hours } Stunden erneut versuchen.
wait-day = Sie können es in etwa einem Tag erneut versuchen.

## Dates

date-time = { $weekday }, { $day }. { $month } { $year }, { $time } { $zone }
date-unknown = unbekannt
weekday-1 = Montag
weekday-2 = Dienstag
weekday-3 = Mittwoch
weekday-4 = Donnerstag
weekday-5 = Freitag
weekday-6 = Samstag
weekday-7 = Sonntag
month-1 = Januar
month-2 = Februar
month-3 = März
month-4 = April
month-5 = Mai
month-6 = Juni
month-7 = Juli
month-8 = August
month-9 = September
month-10 = Oktober
month-11 = November
month-12 = Dezember

## Mails

mail-hello = Guten Tag,
mail-hello-name = Guten Tag { $name },
mail-code-subject = Ihr Code von { $org }, um { $action }
mail-code-is = Ihr Code, um { $action }, lautet:
mail-code-action-reset = Ihr Passwort zurückzusetzen
mail-code-action-unlock = Ihr Konto zu entsperren
mail-code-action-confirm = diese E-Mail-Adresse zu bestätigen
mail-code-action-sign-in = sich anzumelden
mail-code-expiry = { $minutes ->
        [one] Er läuft in 1 Minute ab.
       *[other] Er läuft in { $minutes } Minuten ab.
    } Geben Sie ihn auf der Seite ein, auf der Sie ihn angefordert haben. Sie können ihn nur einmal verwenden.
mail-code-not-you = Wenn Sie das nicht waren, ignorieren Sie diese E-Mail. Ohne Ihren Benutzernamen kann niemand den Code verwenden. Geben Sie diesen Code niemals weiter, auch nicht an den Helpdesk.
mail-changed-subject = Ihr Passwort für { $org } wurde geändert
mail-changed = Das Passwort Ihres Kontos bei { $org } wurde geändert.
mail-changed-risk = kennt möglicherweise jemand anderes Ihr Passwort
mail-reset-subject = Ihr Passwort für { $org } wurde zurückgesetzt
mail-reset = Das Passwort Ihres Kontos bei { $org } wurde über das Self-Service-Portal zurückgesetzt.
mail-reset-risk = hat sich möglicherweise jemand anderes Zugriff auf Ihr Konto verschafft
mail-unconfirmed-subject = Ihr Passwort für { $org } wurde möglicherweise geändert
mail-unconfirmed = Jemand hat angefordert, das Passwort Ihres Kontos bei { $org } zu ändern. Die Änderung wurde gesendet, aber es kam keine Antwort; sie wurde daher möglicherweise vorgenommen, möglicherweise aber auch nicht.
mail-unconfirmed-risk = hat möglicherweise jemand anderes versucht, sich Zugriff auf Ihr Konto zu verschaffen
mail-unlocked-subject = Ihr Konto bei { $org } wurde entsperrt
mail-unlocked = Ihr Konto bei { $org } wurde über das Self-Service-Portal entsperrt. Ihr Passwort hat sich nicht geändert.
mail-unlocked-risk = versucht möglicherweise jemand anderes, auf Ihr Konto zuzugreifen
mail-method-added-subject = Eine Wiederherstellungsmethode wurde zu Ihrem Konto bei { $org } hinzugefügt
mail-method-added = Zu Ihrem Konto bei { $org } wurde eine neue Methode zur Bestätigung Ihrer Identität hinzugefügt: { $method }.
mail-method-removed-subject = Eine Wiederherstellungsmethode wurde aus Ihrem Konto bei { $org } entfernt
mail-method-removed = Aus Ihrem Konto bei { $org } wurde eine Methode zur Bestätigung Ihrer Identität entfernt: { $method }.
mail-method-risk = versucht möglicherweise jemand anderes, Ihr Konto zu übernehmen
mail-when = Wann
mail-from = Von
mail-unknown-address = unbekannte Adresse
mail-was-you = Wenn Sie das waren, müssen Sie nichts weiter tun.
mail-disown = Wenn Sie das nicht waren, sperren Sie sofort den Self-Service für Ihr Konto, indem Sie diesen Link öffnen (er funktioniert nur einmal): { $link }
mail-not-you = Wenn Sie das nicht waren, { $risk }: Wenden Sie sich sofort an Ihren Helpdesk und informieren Sie ihn über diese E-Mail. Das Self-Service-Portal finden Sie unter { $url }

## Admin area

error-not-admin-title = Nicht für dieses Konto
error-not-admin = Der Administrationsbereich ist nur für Mitglieder der Administratorgruppen. Ihr Konto gehört keiner dieser Gruppen an. Wenn Sie Zugriff benötigen, wenden Sie sich an das Team, das dieses Portal betreibt.
admin-sign-in-title = Anmeldung für Administratoren
admin-sign-in-lead = Melden Sie sich mit dem Passwort Ihres Verzeichniskontos an. Danach bestätigen Sie Ihre Identität mit einer zweiten Methode, die Sie registriert haben.
admin-sign-in-oidc = Mit Ihrem Microsoft-Konto anmelden
admin-needs-method = Administratoren müssen ihre Identität mit einer zweiten Methode bestätigen. Registrieren Sie zuerst eine Authenticator-App oder eine E-Mail-Adresse und melden Sie sich dann hier erneut an.
admin-verify-title = Identität bestätigen
admin-verify-lead = Verwenden Sie eine der Methoden, die Sie registriert haben.
admin-verify-totp = Code aus Ihrer Authenticator-App
admin-verify-email = Code per E-Mail
admin-verify-send = Code an meine registrierte Adresse senden
admin-verify-email-sent = Wir haben einen Code an Ihre registrierte Adresse gesendet. Es kann etwa eine Minute dauern, bis er ankommt.
admin-nav-label = Administrationsbereich
admin-nav-home = Übersicht
admin-nav-coverage = Registrierung
admin-nav-activity = Aktivität
admin-nav-audit = Auditprotokoll
admin-signed-in-as = Angemeldet als { $name }
admin-home-title = Übersicht
admin-status-title = Status
admin-status-service = Dienst
admin-status-now = Jetzt
admin-status-last-error = Letzter Fehler seit dem Start
admin-status-directory = Verzeichnis
admin-status-database = Datenbank
admin-status-mail = Mailserver
admin-status-ok = Antwortet
admin-status-unavailable = Antwortet nicht
admin-status-none = Keiner
admin-agents-title = Writeback-Agenten
admin-agents-none = Es ist kein Agent registriert.
admin-agent-name = Agent
admin-agent-host = Host
admin-agent-version = Version
admin-agent-heartbeat = Letztes Lebenszeichen
admin-agent-never = nie
admin-agent-outdated = älter als { $min }, die älteste Version, die dieses Portal unterstützt: bitte aktualisieren
admin-home-period = { $from } bis { $to }
admin-see-activity = Aktivität im Detail
admin-see-coverage = Wer sich registriert hat
admin-activity = Aktivität
admin-activity-register = Registrierungen
admin-activity-change = Passwortänderungen
admin-activity-reset = Passwortrücksetzungen
admin-activity-unlock = Kontoentsperrungen
admin-started = Begonnen
admin-succeeded = Erfolgreich
admin-success-rate = Erfolgsquote
admin-failed-steps = Fehlgeschlagene Schritte
admin-failed = Fehlgeschlagen
admin-totals-caption = Summen für den Zeitraum
admin-activity-title = Aktivität
admin-period-shown = Vom { $from } bis zum { $to } (UTC).
admin-bad-period = Beide Daten müssen die Form 2026-11-30 haben, das erste darf nicht nach dem zweiten liegen und der Abstand darf höchstens 366 Tage betragen. Stattdessen werden die letzten 30 Tage angezeigt.
admin-bad-date = Daten müssen die Form 2026-11-30 haben. Ein Datum in anderer Form wurde bei der Suche ignoriert.
admin-from = Von
admin-to = Bis
admin-show = Anzeigen
admin-last = Letzte:
admin-n-days = { $days } Tage
admin-download-csv = Als CSV herunterladen
admin-definitions = So wird gezählt
admin-definition-succeeded = Erfolgreich: eine Methode registriert, ein Passwort geändert, ein Passwort zurückgesetzt oder ein Konto entsperrt.
admin-definition-started = Begonnen: begonnene Zurücksetzungen und Entsperrungen (ein Benutzername wurde eingegeben), Änderungsversuche und Anmeldungen zur Registrierung. Für Registrierungen gibt es keine Erfolgsquote, weil bei einer Anmeldung mehrere Methoden hinzugefügt werden können.
admin-definition-failed = Fehlgeschlagene Schritte: jeder Schritt, der mit einem Fehler endete. Bei einem Versuch können mehrere Schritte fehlschlagen (ein falscher Code, dann der richtige) und er kann trotzdem erfolgreich sein.
admin-per-day = Pro Tag
admin-chart-title = Erfolge pro Tag, { $from } bis { $to }
admin-chart-caption = Erfolge pro Tag nach Aktivität. Die Tabelle darunter enthält dieselben Zahlen.
admin-per-day-caption = Erfolge pro Tag nach Aktivität sowie fehlgeschlagene Schritte
admin-date = Datum
admin-methods-title = Nach Methode
admin-method = Methode
admin-methods-used = Verwendete Methoden
admin-completed-with = Abgeschlossen mit
admin-nothing-yet = In diesem Zeitraum gibt es nichts.
admin-method-email = E-Mail-Code
admin-method-totp = Authenticator-App
admin-method-password = Passwort
admin-method-oidc = Single Sign-On
admin-method-questions = Sicherheitsfragen
admin-method-sms = SMS-Code
admin-method-passkey = Passkey
admin-failures-title = Warum Schritte fehlgeschlagen sind
admin-reason = Grund
admin-reason-codes = Die Ursachencodes hinter diesen Gruppen
admin-failure-wrong-code = Falscher Code, falsche Antwort oder abgelaufener Code
admin-failure-wrong-password = Falsches Passwort
admin-failure-locked-out = Konto gesperrt oder Self-Service pausiert
admin-failure-policy = Von den Passwortregeln abgelehnt
admin-failure-directory-unavailable = Verzeichnis nicht verfügbar
admin-failure-rate-limited = Zu viele Versuche (Limit erreicht)
admin-failure-not-allowed = Nicht erlaubt (außerhalb des Geltungsbereichs, kein Administrator)
admin-failure-other = Sonstige
admin-coverage-title = Registrierung
admin-coverage-directory-error = Das Verzeichnis konnte nicht aufgelistet werden, daher ist nicht bekannt, wer zum Geltungsbereich gehört. Die Übersicht zeigt den letzten Fehler des Verzeichnisses.
admin-coverage-in-scope = Personen im Geltungsbereich
admin-coverage-enough = Genug Methoden registriert ({ $required } oder mehr)
admin-coverage-partly = Einige registriert, aber nicht genug
admin-coverage-none = Nichts registriert
admin-coverage-truncated = Die Auflistung des Verzeichnisses wurde bei admin.max_listed_accounts beendet: Es gibt mehr Personen als angezeigt.
admin-coverage-show = Anzeigen
admin-coverage-show-all = Alle im Geltungsbereich
admin-coverage-show-missing = Nicht genug registriert
admin-coverage-show-enough = Genug registriert
admin-search-person = Name oder Benutzername
admin-matching = { $count ->
        [one] 1 Treffer
       *[other] { $count } Treffer
    }
admin-name = Name
admin-methods-registered = Registrierte Methoden
admin-registered-when = Erstmals registriert
admin-enough = Genug
admin-yes = Ja
admin-no = Nein
admin-audit-title = Auditprotokoll
admin-event = Ereignis
admin-outcome = Ergebnis
admin-any = Alle
admin-search = Suchen
admin-time = Zeitpunkt (UTC)
admin-person = Person
admin-source = Quelladresse
admin-user-agent = Browser
admin-pages-label = Seiten
admin-page-previous = Vorherige Seite
admin-page-next = Nächste Seite
admin-page-n-of-m = Seite { $page } von { $pages }
admin-sign-out = Abmelden
admin-coverage-listed-at = Das Verzeichnis wurde um { $time } gelesen.
admin-coverage-refresh = Erneut lesen
admin-coverage-listing = Das Verzeichnis wird gelesen: { $count ->
        [one] bisher 1 Konto.
       *[other] bisher { $count } Konten.
    } Diese Seite lädt sich neu, bis das Lesen abgeschlossen ist.
admin-coverage-listing-reload = Jetzt neu laden
admin-coverage-listing-failed = Das Lesen brach nach { $count ->
        [one] 1 Konto ab.
       *[other] { $count } Konten ab.
    }
admin-coverage-listing-retry = Erneut versuchen

## Security questions
methods-add-questions = Sicherheitsfragen hinzufügen
methods-add-questions-text = { $count ->
        [one] Sie beantworten 1 Frage mit einer Antwort, die nur Sie kennen. Die Antwort wird so gespeichert, dass niemand sie wieder auslesen kann, auch nicht der Helpdesk.
       *[other] Sie beantworten { $count } Fragen mit Antworten, die nur Sie kennen. Die Antworten werden so gespeichert, dass niemand sie wieder auslesen kann, auch nicht der Helpdesk.
    }
methods-add-questions-button = Sicherheitsfragen einrichten
methods-change-questions-button = Meine Sicherheitsfragen ändern
methods-questions-not-alone = Für Ihr Konto zählen Sicherheitsfragen nur zusammen mit einer weiteren Methode.
questions-register-title = Ihre Sicherheitsfragen
questions-register-lead = { $count ->
        [one] Wählen Sie 1 Frage und beantworten Sie sie. Wenn Sie Ihr Passwort zurücksetzen oder Ihr Konto entsperren, wird Ihnen diese Frage gestellt.
       *[other] Wählen Sie { $count } verschiedene Fragen und beantworten Sie jede davon. Wenn Sie Ihr Passwort zurücksetzen oder Ihr Konto entsperren, werden Ihnen einige davon gestellt.
    }
questions-fix-below = Einige Antworten müssen Sie noch einmal eingeben. Die Hinweise dazu finden Sie unten.
questions-n = Frage { $n }
questions-field-question = Frage
questions-own-option = Eigene Frage formulieren
questions-field-own = Ihre eigene Frage
questions-field-own-hint = Nur wenn Sie oben „Eigene Frage formulieren“ gewählt haben.
questions-field-answer = Antwort
questions-answer-rules = Jede Antwort muss mindestens { $count ->
        [one] einen Buchstaben oder eine Ziffer
       *[other] { $count } Buchstaben oder Ziffern
    } enthalten und sich von den anderen unterscheiden. Groß- und Kleinschreibung, Akzente und zusätzliche Leerzeichen spielen keine Rolle.
questions-save = Meine Fragen speichern
questions-back = Zurück zu meinen Methoden
questions-pick-one = Wählen Sie eine der Fragen aus der Liste.
questions-own-short = Formulieren Sie eine Frage mit mindestens 5 Zeichen oder wählen Sie eine aus der Liste.
questions-own-long = Ihre Frage ist zu lang: Verwenden Sie höchstens 200 Zeichen.
questions-question-repeated = Diese Frage haben Sie bereits gewählt. Wählen Sie eine andere.
questions-answer-short = Diese Antwort ist zu kurz.
questions-answer-repeated = Diese Antwort haben Sie bereits bei einer anderen Frage gegeben: Jede Antwort muss anders sein.
questions-answer-is-question = Diese Antwort wiederholt nur die Frage.
questions-answer-title = Sicherheitsfragen beantworten
questions-answer-lead = Geben Sie die Antworten ein, die Sie bei der Registrierung festgelegt haben. Groß- und Kleinschreibung, Akzente und zusätzliche Leerzeichen spielen keine Rolle.
questions-wrong = Mindestens eine Antwort ist nicht richtig. { code-tries-left }
question-first-pet = Wie hieß Ihr erstes Haustier?
question-birth-city = In welchem Ort wurden Sie geboren?
question-first-school = Wie hieß Ihre erste Schule?
question-childhood-friend = Wie lautet der Vorname Ihres besten Freundes oder Ihrer besten Freundin aus Kindertagen?
question-first-car = Welche Marke und welches Modell war Ihr erstes Auto?
question-favourite-teacher = Wie lautet der Nachname Ihrer Lieblingslehrerin oder Ihres Lieblingslehrers?
question-first-job = Bei welcher Firma hatten Sie Ihre erste Arbeitsstelle?
question-parents-met = In welchem Ort haben sich Ihre Eltern kennengelernt?

## Password quality (policy/quality.rs): checked before the directory is asked

quality-rules = { $classes ->
    [1] Verwenden Sie mindestens { $length } Zeichen.
   *[other] Verwenden Sie mindestens { $length } Zeichen und { $classes } dieser Arten: Kleinbuchstaben, Großbuchstaben, Ziffern, Sonderzeichen.
} Nicht Ihren Namen und kein gängiges Wort oder Passwort.
quality-refused = Dieses neue Passwort kann nicht verwendet werden. Die Gründe stehen unter dem Feld für das neue Passwort: Wählen Sie ein anderes.
quality-ok = Dieses Passwort erfüllt die hier geprüften Regeln.
quality-too-short = Es ist zu kurz: Verwenden Sie mindestens { $min } Zeichen.
quality-classes = Kombinieren Sie mindestens { $min } dieser Arten: Kleinbuchstaben, Großbuchstaben, Ziffern, Sonderzeichen.
quality-own-name = Es enthält Ihren Namen oder Benutzernamen.
quality-banned = Es besteht vor allem aus leicht zu erratenden Wörtern wie „Passwort“, einer Jahreszeit oder dem Namen der Organisation. Fügen Sie mehr Eigenes hinzu.
quality-breached = Es steht auf einer Liste von Passwörtern aus Datenlecks, die Angreifer zuerst ausprobieren.
quality-guessable = Es wäre zu leicht zu erraten.
quality-warn-keyboard-rows = Gerade Tastenreihen sind leicht zu erraten.
quality-warn-keyboard-short = Kurze Tastaturmuster sind leicht zu erraten.
quality-warn-repeats = Wiederholungen wie „aaa“ sind leicht zu erraten.
quality-warn-repeated-groups = Wiederholungen wie „abcabcabc“ sind kaum schwerer zu erraten als „abc“.
quality-warn-top-10 = Dies ist eines der zehn häufigsten Passwörter.
quality-warn-top-100 = Dies ist eines der hundert häufigsten Passwörter.
quality-warn-common = Dies ist ein sehr häufiges Passwort.
quality-warn-similar = Dies ähnelt einem häufig verwendeten Passwort.
quality-warn-sequences = Folgen wie „abc“ oder „6543“ sind leicht zu erraten.
quality-warn-recent-years = Jahreszahlen der letzten Zeit sind leicht zu erraten.
quality-warn-word = Ein einzelnes Wort ist leicht zu erraten.
quality-warn-dates = Datumsangaben sind oft leicht zu erraten.
quality-warn-names = Vor- und Nachnamen allein sind leicht zu erraten.
quality-warn-common-names = Häufige Vor- und Nachnamen sind leicht zu erraten.
quality-tip-few-words = Verwenden Sie einige Wörter und vermeiden Sie gängige Redewendungen.
quality-tip-no-symbols-needed = Sonderzeichen, Ziffern oder Großbuchstaben sind nicht nötig.
quality-tip-another-word = Fügen Sie ein oder zwei Wörter hinzu. Ungewöhnliche Wörter sind besser.
quality-tip-capitals = Großbuchstaben helfen nicht viel.
quality-tip-all-capitals = Nur Großbuchstaben sind fast so leicht zu erraten wie nur Kleinbuchstaben.
quality-tip-reversed = Rückwärts geschriebene Wörter sind kaum schwerer zu erraten.
quality-tip-substitutions = Vorhersehbare Ersetzungen wie „@“ statt „a“ helfen nicht viel.
quality-tip-keyboard = Verwenden Sie ein längeres Tastaturmuster mit mehr Richtungswechseln.
quality-tip-repeats = Vermeiden Sie wiederholte Wörter und Zeichen.
quality-tip-sequences = Vermeiden Sie Folgen.
quality-tip-recent-years = Vermeiden Sie Jahreszahlen der letzten Zeit.
quality-tip-your-years = Vermeiden Sie Jahreszahlen, die mit Ihnen zu tun haben.
quality-tip-your-dates = Vermeiden Sie Daten und Jahreszahlen, die mit Ihnen zu tun haben.

## Text messages (SMS)
sms-code-text = Ihr { $org }-Code: { $code }
choose-sms = Code per SMS senden
code-sms-title = Code aus der SMS eingeben
code-sms-lead = Falls für dieses Konto eine Mobilnummer registriert ist, haben wir einen Code per SMS an sie gesendet. Er ist { $minutes ->
        [one] 1 Minute
       *[other] { $minutes } Minuten
    } gültig.
code-sms-failed = Wir konnten gerade keine SMS senden. Versuchen Sie es in ein paar Minuten noch einmal oder wählen Sie eine andere Methode.
code-resend-sms = Neue SMS senden
methods-sms = SMS: { $number }
methods-add-sms = Mobilnummer hinzufügen
field-phone = Mobilnummer
field-phone-hint = Mit Ländervorwahl, zum Beispiel +49 151 23456789. Wir senden Ihnen einen Code per SMS, um sie zu prüfen.
methods-send-text = Code per SMS an diese Nummer senden
methods-bad-number = Das sieht nicht wie eine Mobilnummer aus. Prüfen Sie sie und versuchen Sie es noch einmal.
methods-number-no-country = Geben Sie die Ländervorwahl mit + an (zum Beispiel +49 für Deutschland).
confirm-sms-title = Mobilnummer bestätigen
confirm-sms-lead = Wir haben einen Code per SMS an { $number } gesendet. Geben Sie ihn unten ein, um die Nummer zu bestätigen. Es kann etwa eine Minute dauern, bis er ankommt.
admin-status-sms = SMS-Gateway

## Passkeys
methods-passkey = Passkey „{ $name }“
methods-add-passkey = Passkey oder Sicherheitsschlüssel hinzufügen
methods-add-passkey-text = Ein Passkey liegt auf Ihrem Telefon, Ihrem Computer oder einem Sicherheitsschlüssel, und Sie entsperren ihn mit Fingerabdruck, Gesicht oder PIN. Er funktioniert nur unter der Adresse dieses Portals, eine nachgemachte Seite kann ihn nicht verwenden.
field-passkey-name = Name für diesen Passkey
field-passkey-name-hint = Damit Sie Ihre Passkeys unterscheiden können, zum Beispiel „Arbeitslaptop“ oder „Blauer Sicherheitsschlüssel“.
methods-add-passkey-button = Passkey erstellen
passkey-working = Folgen Sie den Anweisungen Ihres Browsers oder Sicherheitsschlüssels.
passkey-cancelled = Der Passkey wurde nicht verwendet: Die Anfrage wurde abgebrochen oder hat zu lange gedauert. Versuchen Sie es noch einmal oder wählen Sie einen anderen Weg.
passkey-failed = Das hat nicht funktioniert. Versuchen Sie es noch einmal oder wählen Sie einen anderen Weg.
passkey-unsupported = Dieser Browser kann keine Passkeys verwenden. Wählen Sie einen anderen Weg oder einen anderen Browser.
passkey-needs-script = Passkeys brauchen JavaScript im Browser. Schalten Sie es ein oder wählen Sie einen anderen Weg.
passkey-name-missing = Geben Sie dem Passkey einen Namen, damit Sie ihn später wiedererkennen.
passkey-registered-already = Dieser Passkey oder Sicherheitsschlüssel ist bereits registriert.
choose-passkey = Passkey oder Sicherheitsschlüssel verwenden
passkey-use-title = Passkey verwenden
passkey-use-lead = Wenn Sie auf die Schaltfläche drücken, fragt Ihr Browser nach Ihrem Passkey. Entsperren Sie ihn mit Fingerabdruck, Gesicht oder PIN.
passkey-use-button = Meinen Passkey verwenden
passkey-wrong = Dieser Passkey wurde nicht angenommen. { code-tries-left }

# Binding a new method needs an existing one
prove-title = Bestätigen Sie, dass Sie es sind
prove-lead = Sie haben bereits eine registrierte Methode. Bevor Sie eine hinzufügen oder entfernen, verwenden Sie eine vorhandene: Ihr Passwort allein genügt nicht.
prove-back = Zurück zu meinen Methoden
prove-passed = Danke: Sie können jetzt Methoden hinzufügen oder entfernen.
methods-prove-first = Um eine Methode hinzuzufügen oder zu entfernen, bestätigen Sie zuerst mit einer vorhandenen Methode, dass Sie es sind.
methods-prove-button = Ich bin es – bestätigen
admin-method-too-new = Ihre zweite Methode wurde zu kürzlich registriert, um den Admin-Bereich zu öffnen. Versuchen Sie es nach Ablauf der Wartezeit erneut oder wenden Sie sich an einen anderen Admin.

## The directory's own password rules (Active Directory: domain policy or the account's PSO)
dir-rule-length = Der Verzeichnisdienst Ihrer Organisation verlangt mindestens { $length } Zeichen.
dir-rule-complexity = Es muss drei dieser Arten enthalten: Großbuchstaben, Kleinbuchstaben, Ziffern, Sonderzeichen; und weder Ihren Kontonamen noch einen Teil Ihres vollen Namens.
dir-rule-history = Es darf keines Ihrer letzten { $count } Passwörter sein.
dir-rule-min-age = { $hours ->
    [one] Nach einer Änderung kann ein Passwort 1 Stunde lang nicht erneut geändert werden.
   *[other] Nach einer Änderung kann ein Passwort { $hours } Stunden lang nicht erneut geändert werden.
}
dir-rules-most = Das sind die Regeln für die meisten Konten; für Ihres können strengere gelten.
dir-why-too-young = Sie haben Ihr Passwort vor Kurzem geändert; Sie können es ab { $when } wieder ändern.
dir-why-too-short = Ihr Konto braucht ein Passwort mit mindestens { $length } Zeichen.
dir-why-not-complex = Verwenden Sie drei dieser Arten: Großbuchstaben, Kleinbuchstaben, Ziffern, Sonderzeichen.
dir-why-name = Es darf weder Ihren Kontonamen noch einen Teil Ihres vollen Namens enthalten.
dir-why-history = Es darf keines Ihrer letzten { $count } Passwörter sein.

## Helpdesk console
helpdesk-sign-in-title = Anmeldung für den Helpdesk
helpdesk-sign-in-lead = Melden Sie sich mit dem Passwort Ihres Verzeichniskontos an. Danach bestätigen Sie Ihre Identität mit einer zweiten Methode, die Sie registriert haben.
error-not-helpdesk-title = Nicht für dieses Konto
error-not-helpdesk = Die Helpdesk-Konsole ist nur für Mitglieder der Helpdesk-Gruppen. Ihr Konto gehört keiner dieser Gruppen an. Wenn Sie Zugriff benötigen, wenden Sie sich an das Team, das dieses Portal betreibt.
mail-code-action-helpdesk = sich gegenüber dem Helpdesk auszuweisen
mail-code-not-you-helpdesk = Lesen Sie diesen Code nur der Person am Helpdesk vor, mit der Sie gerade telefonieren, und nur, wenn Sie den Helpdesk selbst angerufen haben. Sonst geben Sie den Code niemandem weiter und wenden Sie sich an Ihren Helpdesk.
mail-helpdesk-subject = Der Helpdesk hat etwas an Ihrem Konto bei { $org } geändert
mail-helpdesk-unlock = Der Helpdesk hat Ihr Konto bei { $org } entsperrt. Ihr Passwort wurde nicht geändert.
mail-helpdesk-reset-link = Der Helpdesk hat Ihnen einen Link geschickt, mit dem Sie ein neues Passwort für Ihr Konto bei { $org } festlegen.
mail-helpdesk-lift-block = Der Helpdesk hat die Selbstbedienung (Passwort zurücksetzen und entsperren) für Ihr Konto bei { $org } wieder geöffnet.
mail-helpdesk-clear-methods = Der Helpdesk hat die Wiederherstellungsmethoden Ihres Kontos bei { $org } entfernt. Registrieren Sie Ihre Methoden erneut.
mail-helpdesk-risk = jemand hat den Helpdesk womöglich dazu überredet
mail-reset-link-subject = Neues Passwort für Ihr Konto bei { $org } festlegen
mail-reset-link = Der Helpdesk hat Ihnen diesen Link geschickt, damit Sie ein neues Passwort für Ihr Konto bei { $org } festlegen. Öffnen Sie ihn und wählen Sie ein neues Passwort; niemand beim Helpdesk sieht es.
mail-reset-link-expiry = Der Link funktioniert einmal und { $minutes } Minuten lang.
mail-reset-link-not-you = Wenn Sie den Helpdesk nicht darum gebeten haben, öffnen Sie den Link nicht und wenden Sie sich an Ihren Helpdesk.
reset-link-title = Neues Passwort festlegen
reset-link-ask = Der Helpdesk hat Ihnen diesen Link geschickt. Fahren Sie fort, um ein neues Passwort zu wählen.
reset-link-button = Weiter
reset-link-spent = Dieser Link wurde bereits verwendet oder ist abgelaufen. Bitten Sie den Helpdesk um einen neuen oder setzen Sie Ihr Passwort selbst zurück.
reset-link-start-over = Mein Passwort zurücksetzen
helpdesk-nav-label = Helpdesk
helpdesk-nav-home = Person suchen
helpdesk-home-title = Helpdesk
helpdesk-search-label = Name, Benutzername oder E-Mail-Adresse
helpdesk-search-hint = Mindestens zwei Zeichen.
helpdesk-results-title = Gefundene Personen
helpdesk-no-results = Niemand passt zur Suche.
helpdesk-name = Name
helpdesk-results-truncated = Es werden nur die ersten Treffer gezeigt. Geben Sie mehr ein, um die Suche einzugrenzen.
helpdesk-requests-title = Anfragen, die auf eine zweite Person warten
helpdesk-requests-none = Keine Anfragen warten.
helpdesk-action = Aktion
helpdesk-requested-by = Angefragt von
helpdesk-reason = Grund
helpdesk-decision = Entscheidung
helpdesk-was-verified = Anrufer bestätigt
helpdesk-own-request = Ihre Anfrage: eine andere Person muss sie freigeben
helpdesk-approve = Freigeben
helpdesk-reject = Ablehnen
helpdesk-reject-reason = Grund der Ablehnung
helpdesk-rejected = Abgelehnt: Nichts wurde geändert. Die Anfrage ist geschlossen.
helpdesk-reject-reason-needed = Geben Sie einen Grund für die Ablehnung ein.
helpdesk-action-unlock = Konto entsperren
helpdesk-action-reset-link = Link zum Zurücksetzen senden
helpdesk-action-lift-block = Selbstbedienung wieder öffnen
helpdesk-action-clear-methods = Alle Wiederherstellungsmethoden entfernen
helpdesk-person-title = Person
helpdesk-state-title = Zustand des Kontos
helpdesk-locked = Im Verzeichnis gesperrt
helpdesk-not-locked = Nicht gesperrt
helpdesk-disabled = Im Verzeichnis deaktiviert
helpdesk-expired = Passwort abgelaufen
helpdesk-must-change = Muss das Passwort bei der nächsten Anmeldung ändern
helpdesk-blocked = Selbstbedienung geschlossen: { $reason }
helpdesk-not-blocked = Selbstbedienung offen
helpdesk-paused-until = Zurücksetzen des Passworts pausiert bis { $until }: heute zu viele Versuche. „Selbstbedienung wieder öffnen“ hebt die Pause auf.
helpdesk-not-paused = Zurücksetzen des Passworts nicht pausiert
helpdesk-methods-title = Registrierte Methoden
helpdesk-no-methods = Nichts registriert. Jede Aktion braucht die Freigabe einer zweiten Person am Helpdesk.
helpdesk-destination = Gesendet an
helpdesk-added = Hinzugefügt
helpdesk-verify-caller = Anrufer bestätigen
helpdesk-cooling-off = Erst kürzlich hinzugefügt: kann den Anrufer noch nicht bestätigen
helpdesk-ask-app-code = Nach dem Code der App fragen
helpdesk-send-code = Code senden
helpdesk-check-title = Anrufer bestätigen
helpdesk-check-app = Fragen Sie den Anrufer nach dem Code, den seine Authenticator-App gerade zeigt, und geben Sie ihn ein.
helpdesk-check-read-back = Ein Code wurde gesendet. Bitten Sie den Anrufer, ihn vorzulesen, und geben Sie ihn ein. Sie selbst sehen ihn nie.
helpdesk-code-read = Code, den der Anrufer vorliest
helpdesk-actions-title = Aktionen
helpdesk-verified-until = Anrufer bestätigt ({ $method }) bis { $until }.
helpdesk-send-confirm = Bestätigungslink senden
helpdesk-confirm-sent = Der Person wurde ein Bestätigungslink gemailt. Bitten Sie sie, ihn auf ihrem eigenen Gerät zu öffnen und mit ihrem Passkey zu bestätigen, und laden Sie dann diese Seite neu.
helpdesk-confirm-title = Bestätigungslink
helpdesk-confirm-waiting = Gesendet: wartet bis { $until } darauf, dass die Person mit ihrem Passkey bestätigt.
helpdesk-confirm-confirmed = Die Person hat um { $at } mit ihrem Passkey bestätigt.
helpdesk-confirm-ended = Der Link ist ohne Bestätigung abgelaufen. Senden Sie einen neuen, wenn der Anrufer noch da ist.
helpdesk-refresh = Neu laden
mail-confirm-link-subject = Bestätigen Sie dem Helpdesk von { $org }, dass Sie es sind
mail-confirm-link = Die Person vom Helpdesk, mit der Sie sprechen, bittet Sie zu bestätigen, dass Sie es sind (Ihr Konto bei { $org }). Öffnen Sie diesen Link auf Ihrem eigenen Gerät und bestätigen Sie mit Ihrem Passkey.
mail-confirm-link-not-you = Wenn Sie gerade nicht mit dem Helpdesk telefonieren, öffnen Sie den Link nicht und wenden Sie sich an Ihren Helpdesk.
caller-confirm-title = Dem Helpdesk bestätigen, dass Sie es sind
caller-confirm-lead = Die Person vom Helpdesk, mit der Sie sprechen, hat Sie gebeten zu bestätigen, dass Sie es sind. Bestätigen Sie mit Ihrem Passkey auf diesem Gerät; der Helpdesk erfährt nur, dass Sie es getan haben.
caller-confirm-button = Mit meinem Passkey bestätigen
caller-confirm-not-you = Wenn Sie gerade nicht mit dem Helpdesk telefonieren, schließen Sie diese Seite und wenden Sie sich an Ihren Helpdesk.
caller-confirm-done = Bestätigt. Sagen Sie es der Person vom Helpdesk, mit der Sie sprechen; Sie können diese Seite schließen.
caller-confirm-refused = Ihr Passkey wurde nicht angenommen, daher ist dieser Link beendet. Bitten Sie den Helpdesk um einen neuen.
caller-confirm-spent = Dieser Link wurde bereits verwendet oder ist abgelaufen. Bitten Sie den Helpdesk um einen neuen.
helpdesk-four-eyes-unverifiable = Diese Person kann nicht bestätigt werden: Eine Aktion wird zu einer Anfrage, die eine andere Person am Helpdesk freigibt. Geben Sie einen Grund an.
helpdesk-verify-first = Bestätigen Sie zuerst den Anrufer.
helpdesk-four-eyes-privileged = Ein privilegiertes Konto: Jede Aktion braucht zusätzlich die Freigabe einer anderen Person am Helpdesk. Geben Sie einen Grund an.
helpdesk-recent-title = Letzte Aktivität
helpdesk-recent-none = Keine Aktivität in letzter Zeit.
helpdesk-check-not-allowed = Sie können diese Person auf diesem Weg nicht bestätigen.
helpdesk-verified = Der Anrufer ist bestätigt.
helpdesk-check-voided = Zu viele falsche Codes: Diese Prüfung ist beendet. Beginnen Sie eine neue, wenn der Anrufer noch da ist.
helpdesk-done = Erledigt. Die Person erhält darüber eine E-Mail.
helpdesk-requested = Angefragt. Eine andere Person am Helpdesk muss sie in ihrer Konsole freigeben.
helpdesk-no-address = Es gibt keine Adresse, an die ein Link zum Zurücksetzen gehen kann.
helpdesk-approved = Freigegeben und erledigt. Die Person erhält darüber eine E-Mail.
helpdesk-refused-own = Hier können Sie nicht an Ihrem eigenen Konto handeln. Fragen Sie eine Kollegin oder einen Kollegen.
helpdesk-refused-out-of-reach = Dieses Konto liegt außerhalb der Reichweite des Helpdesks. Wenden Sie sich an das Team, das dieses Portal betreibt.
helpdesk-refused-not-verified = Bestätigen Sie zuerst den Anrufer: Es wurde nichts geändert.
helpdesk-reason-needed = Dafür braucht es die Freigabe einer anderen Person am Helpdesk: Geben Sie einen Grund für sie ein.
helpdesk-refused-own-request = Sie haben das selbst angefragt: Eine andere Person am Helpdesk muss es freigeben.
helpdesk-request-gone = Über diese Anfrage wurde bereits entschieden, oder sie ist abgelaufen.

## Erinnerungen an ablaufende Passwörter und die Registrierungskampagne (flow/reminders.rs)
mail-expiry-subject = { $days ->
        [one] Ihr { $org }-Passwort läuft innerhalb eines Tages ab
       *[other] Ihr { $org }-Passwort läuft innerhalb von { $days } Tagen ab
    }
mail-expiry-body = Ihr { $org }-Passwort läuft am { $when } ab. Ändern Sie es vorher, damit Sie sich weiterhin anmelden können.
mail-expiry-change = Um es jetzt zu ändern, öffnen Sie:
mail-expiry-forgot = Falls Sie es vergessen haben, legen Sie hier ein neues fest:
mail-expiry-why = Diese Erinnerung kommt einige Male vor dem Ablauf Ihres Passworts und endet, sobald Sie es geändert haben. Wir fragen nie per E-Mail nach Ihrem Passwort.
mail-nudge-subject = Richten Sie die Passwort-Wiederherstellung für Ihr { $org }-Konto ein
mail-nudge-body = Sie haben noch nicht genügend Möglichkeiten eingerichtet, um sich auszuweisen, falls Sie Ihr { $org }-Passwort vergessen. Das dauert wenige Minuten; danach können Sie jederzeit selbst ein neues Passwort festlegen, ohne den Helpdesk anzurufen.
mail-nudge-link = Hier richten Sie sie ein:
mail-nudge-stop = Diese Erinnerungen enden, sobald Sie die Wiederherstellung eingerichtet haben. Wir fragen nie per E-Mail nach Ihrem Passwort.
admin-nav-campaign = Kampagne
admin-campaign-title = Registrierungskampagne
admin-campaign-off = Die Kampagne ist aus. Schalten Sie sie mit enabled = true unter [campaign] in der Konfiguration ein.
admin-campaign-settings = Alle { $every } Tage eine Erinnerung, höchstens { $max } pro Person, an alle im Geltungsbereich, die nicht genügend Methoden registriert haben.
admin-campaign-chart = Registrierungsabdeckung pro Tag
admin-campaign-day = Tag
admin-campaign-in-scope = Im Geltungsbereich
admin-campaign-enough = Genügend registriert
admin-campaign-percent = Abdeckung
admin-campaign-nudges = Erinnerungen zur Registrierung in den letzten 30 Tagen
admin-campaign-reminders = Erinnerungen an ablaufende Passwörter in den letzten 30 Tagen
admin-campaign-missing = Noch offen
admin-campaign-missing-link = Wer noch nicht genügend registriert hat
admin-campaign-no-data = Es ist noch kein Durchlauf gelaufen: Das Diagramm füllt sich Tag für Tag.

# Admin: webhooks (dead letters)
admin-nav-webhooks = Webhooks
admin-webhooks-title = Webhooks
admin-webhooks-none = Kein Webhook ist eingerichtet ([[webhooks]] in der Konfiguration).
admin-webhooks-endpoints = Kontoereignisse werden gesendet an:
admin-webhooks-pending = { $count ->
    [one] 1 Zustellung wartet
   *[other] { $count } Zustellungen warten
}
admin-webhooks-dead = Unzustellbare Meldungen
admin-webhooks-dead-help = Diese Zustellungen sind so oft gescheitert, wie der Endpunkt es erlaubt. Beheben Sie das Problem am Endpunkt und senden Sie sie dann erneut.
admin-webhooks-endpoint = Endpunkt
admin-webhooks-attempts = Versuche
admin-webhooks-last-error = Letzter Fehler
admin-webhooks-retry = Erneut senden
admin-webhooks-retried = Die Zustellung ist wieder in der Warteschlange.
admin-webhooks-not-dead = Diese Zustellung ist (nicht mehr) unzustellbar.
