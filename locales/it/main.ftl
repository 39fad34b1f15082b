# rekey: italiano. Ogni messaggio del catalogo di riferimento inglese (en/main.ftl) deve
# esserci, con le stesse variabili. Solo testo semplice: pagine e mail proteggono ciò che mostrano.

## Tutte le pagine

product-name = Gestione autonoma della password
skip-to-content = Vai al contenuto
language-switcher = Lingua
language-apply = Cambia
footer-never-share = Non comunichi mai a nessuno la Sua password o i Suoi codici. L'helpdesk non glieli chiederà mai.
continue = Continua
pow-working = Verifica del browser in corso. Ci vorrà qualche secondo…
start-again = Ricomincia
back-to-start = Torna all'inizio
return-to = Torna alla pagina di provenienza
sign-in = Accedi
steps-label = Avanzamento
step-n-of-m = Passaggio { $now } di { $of }
step-done = Completato:
error-box-title = Si è verificato un problema
done-what-changed = Che cosa è cambiato
done-next = Che cosa fare ora
done-notice-sent = È stata inviata una conferma ai Suoi indirizzi email.
hint-passwords-match = Le due password coincidono.
hint-passwords-differ = Le due password non coincidono ancora.

## Campi

field-username = Nome utente
field-username-hint = Il nome con cui accede al computer o alla posta elettronica.
field-password = Password
field-current-password = Password attuale
field-new-password = Nuova password
field-new-password-hint = Valgono le regole sulle password della Sua organizzazione.
field-new-password-again = Ripeta la nuova password
field-code = Codice
field-email = Indirizzo email
field-email-hint = Usi un indirizzo privato che può consultare anche quando non riesce ad accedere. Le invieremo un codice per verificarlo.

## Passaggi

step-username = Nome utente
step-verify = Verifica dell'identità
step-verify-n = Verifica dell'identità ({ $n } di { $of })
step-new-password = Nuova password
step-unlock = Sblocco
step-sign-in = Accesso
step-methods = Scelta dei metodi
step-confirm = Conferma
step-passwords = Password

## Pagina iniziale

home-title = Gestione della password
home-lead = Scelga che cosa desidera fare.
home-tasks = Attività
home-reset = Ho dimenticato la password
home-reset-text = Dimostri la Sua identità e ne scelga una nuova.
home-unlock = Il mio account è bloccato
home-unlock-text = Dimostri la Sua identità e sblocchi l'account, mantenendo la password.
home-change = Cambia la mia password
home-change-text = Conosce la password attuale e ne desidera una nuova.
home-register = Configura i metodi di recupero
home-register-text = Registri un indirizzo email o un'app di autenticazione per poter reimpostare la password in autonomia.

## Reimpostazione e sblocco

reset-title = Reimpostazione della password
unlock-title = Sblocco dell'account
reset-username-lead = Inserisca il nome utente. Poi dimostrerà la Sua identità con un metodo che ha registrato e sceglierà una nuova password.
unlock-username-lead = Inserisca il nome utente. Poi dimostrerà la Sua identità con un metodo che ha registrato; la password resta invariata.
choose-title = Verifica dell'identità
choose-title-more = Verifica con un altro metodo
choose-lead = Scelga un metodo che ha registrato. Se non ne ha registrato nessuno, non può proseguire qui: contatti l'helpdesk.
choose-email = Inviami un codice via email
choose-totp = Usa un codice della mia app di autenticazione
choose-questions = Rispondi alle mie domande di sicurezza
code-email-title = Inserisca il codice ricevuto via email
code-email-lead = Se questo account ha un indirizzo email registrato, vi abbiamo inviato un codice. È valido per { $minutes ->
        [one] 1 minuto
       *[other] { $minutes } minuti
    }. Potrebbe volerci un minuto prima che arrivi; controlli anche la cartella dello spam.
code-totp-title = Inserisca il codice dell'app di autenticazione
code-totp-lead = Apra l'app che ha registrato e inserisca il codice a 6 cifre che mostra in questo momento.
code-resend = Invia un nuovo codice
code-other-method = Usa un altro metodo
code-wrong = Il codice non è corretto. { code-tries-left }
code-tries-left = { $count ->
        [0] Era l'ultimo tentativo: un altro errore conclude questa procedura.
        [one] Le resta 1 tentativo.
       *[other] Le restano { $count } tentativi.
    }
code-expired = Il codice è scaduto. Ne richieda uno nuovo e inserisca il più recente.
code-not-sent = Non è ancora stato inviato alcun codice. Usi il pulsante qui sotto per riceverne uno.
code-replayed = Questo codice è già stato usato. Attenda che l'app mostri un nuovo codice e inserisca quello.
unlock-ready-title = Ha dimostrato la Sua identità
unlock-ready-lead = Ora può sbloccare il Suo account. La password resta invariata.
unlock-button = Sblocca il mio account
password-title = Scelga una nuova password
password-lead = Valgono le regole sulle password della Sua organizzazione. Una frase lunga, composta da più parole senza legami tra loro, è facile da ricordare e difficile da indovinare.
password-button = Imposta la nuova password
reset-done-title = La Sua password è stata reimpostata
reset-done-password = La password di { $username } è stata sostituita il { $when }. La vecchia password non funziona più.
reset-done-unlocked = Il Suo account è sbloccato.
reset-done-must-change = Al prossimo accesso Le verrà chiesto di scegliere un'altra password.
reset-done-sessions-kept = Altri dispositivi e app potrebbero essere ancora connessi con la vecchia password. Si disconnetta ora da quei dispositivi, oppure chieda all'helpdesk di disconnetterLa ovunque.
reset-done-next = La nuova password funziona già. La usi su tutti i dispositivi con cui accede (app di posta sul telefono, VPN, Wi-Fi). Se non è stato Lei, contatti subito l'helpdesk.
unlock-done-title = Il Suo account è sbloccato
unlock-done-unlocked = { $username } è stato sbloccato il { $when }.
unlock-done-password-kept = La password non è cambiata: acceda come sempre.
unlock-done-next = Se l'account continua a bloccarsi, un dispositivo potrebbe usare ancora una vecchia password. Controlli l'app di posta del telefono e le impostazioni di VPN e Wi-Fi.

## Cambio

change-title = Cambio della password
change-lead = Le serve la password attuale.
change-forgot = L'ha dimenticata? La reimposti.
change-signed-in-as = Accesso effettuato come { $login }.
change-button = Cambia la password
change-done-title = La Sua password è stata cambiata
change-done-password = La password di { $username } è stata cambiata il { $when }. La vecchia password non funziona più.
change-done-next = D'ora in poi usi la nuova password su tutti i dispositivi con cui accede (app di posta sul telefono, VPN, Wi-Fi).
change-done-register = Ha configurato i metodi di recupero? Le permettono di reimpostare una password dimenticata senza l'helpdesk.
change-same-as-old = La nuova password deve essere diversa da quella attuale.
change-expired = La Sua password è scaduta e la directory non la accetta più, nemmeno per cambiarla. Scelga "Ho dimenticato la password" nella pagina iniziale per impostarne una nuova.
password-expires-in-days = La Sua password scade tra { $days } giorni. La cambi prima di allora.
password-expires-in-hours = La Sua password scade tra { $hours ->
        [one] 1 ora
       *[other] { $hours } ore
    }. La cambi ora.
password-grace-logins-left = La Sua password è scaduta. Le permetterà di accedere ancora { $count ->
        [one] 1 volta
       *[other] { $count } volte
    }; la cambi ora.
change-wrong-current = La password attuale non è corretta. La controlli e riprovi.

## Registrazione

register-sign-in-title = Acceda per configurare i metodi di recupero
register-sign-in-lead = Usi il Suo solito nome utente e la Sua password.
register-title = Acceda per registrarsi
methods-title = I Suoi metodi di recupero
methods-lead = Accesso effettuato come { $name }. Questi metodi Le permettono di reimpostare la password o sbloccare l'account in autonomia.
methods-still-needed = { $count ->
        [one] Registri ancora 1 metodo per continuare.
       *[other] Registri ancora { $count } metodi per continuare.
    }
methods-required = { $count ->
        [one] La Sua organizzazione richiede 1 metodo.
       *[other] La Sua organizzazione richiede { $count } metodi diversi.
    }
methods-registered = Registrati
methods-none = Ancora nessuno.
methods-col-method = Metodo
methods-col-added = Aggiunto
methods-col-action = Azione
methods-directory-email = Email: { $address } (dal Suo account)
methods-email = Email: { $address }
methods-totp = App di autenticazione
methods-questions = Domande di sicurezza
methods-remove = Rimuovi
methods-remove-label = Rimuovi { $method }
methods-add-email = Aggiunga un indirizzo email
methods-send-code = Invia un codice a questo indirizzo
methods-add-totp = Aggiunga un'app di autenticazione
methods-add-totp-text = Un'app sul telefono (Microsoft Authenticator, Google Authenticator, FreeOTP…) che mostra un nuovo codice a 6 cifre ogni 30 secondi.
methods-add-totp-button = Configura un'app di autenticazione
methods-finish = Termina ed esci
methods-sign-out = Esci senza terminare
methods-added = Il nuovo metodo è stato registrato.
methods-add-voided = Troppi codici errati: il metodo non è stato aggiunto. Può riprovare.
methods-removed = Il metodo è stato rimosso.
methods-bad-address = Non sembra un indirizzo email. Lo controlli e riprovi.
methods-keep-one = Aggiunga un altro metodo prima di rimuovere questo: deve averne almeno il numero richiesto.
methods-review-title = Sono ancora Suoi?
methods-review-text = Controlli i metodi qui sotto: rimuova gli indirizzi o le app che non ha più e ne aggiunga di nuovi. Poi confermi.
methods-review-button = Sono ancora tutti miei
methods-review-thanks = Grazie: i Suoi metodi sono confermati.
methods-need-more = Deve registrare altri metodi prima di poter terminare.
confirm-email-title = Controlli la Sua posta
confirm-email-lead = Abbiamo inviato un codice a { $address }. Lo inserisca qui sotto per confermare l'indirizzo. Potrebbe volerci un minuto prima che arrivi; controlli anche la cartella dello spam.
confirm-totp-title = Configurazione dell'app di autenticazione
confirm-totp-1 = Apra l'app di autenticazione e scelga di aggiungere un account.
confirm-totp-2 = Scansioni questo codice QR con l'app.
confirm-totp-qr = Codice QR da scansionare con l'app di autenticazione
confirm-totp-3 = Non riesce a scansionarlo? Inserisca invece questa chiave:
confirm-totp-4 = Inserisca il codice a 6 cifre che l'app mostra ora.
confirm-button = Conferma
confirm-cancel = Annulla e torna indietro
confirm-code-expired = Il codice è scaduto. Torni indietro e aggiunga di nuovo l'indirizzo per ricevere un nuovo codice.
confirm-code-unusable = Questo codice non può essere usato. Torni indietro e ricominci.
register-done-title = Tutto pronto
register-done-method = Registrato: { $method }
register-done-signed-out = È stato disconnesso.
register-done-next = Se un giorno dimenticherà la password o l'account verrà bloccato, torni qui e scelga "Ho dimenticato la password" o "Il mio account è bloccato".
sign-in-failed = Non è stato possibile accedere con questo nome utente e questa password. Li controlli entrambi e riprovi. Se ha dimenticato la password, la reimposti; se l'account è bloccato, lo sblocchi.
out-of-scope = La gestione autonoma non è attiva per il Suo account. Contatti l'helpdesk.
must-change = La Sua password è scaduta o deve essere cambiata prima di poter continuare. La cambi prima, poi torni qui.
oidc-continue-title = Accesso in corso

## Nuove password

new-password-empty = Inserisca una nuova password.
new-password-too-long = La nuova password è troppo lunga: usi al massimo 256 caratteri.
new-password-mismatch = Le due nuove password non coincidono. Digiti la stessa password in entrambi i campi.
policy-too-short = La nuova password è troppo corta per le regole della Sua organizzazione. Ne scelga una più lunga.
policy-too-long = La nuova password è più lunga di quanto consentito dalla Sua organizzazione. Ne scelga una più corta.
policy-in-history = Ha usato questa password di recente. Ne scelga una che non ha mai usato.
policy-too-young = La password è stata cambiata troppo di recente per poterla cambiare di nuovo. Riprovi più tardi, oppure usi la pagina di reimpostazione se l'ha dimenticata.
policy-quality = La nuova password non è abbastanza complessa per le regole della Sua organizzazione. Combini lettere maiuscole e minuscole, cifre e simboli, oppure usi una frase più lunga.
policy-not-allowed = La Sua organizzazione non consente di cambiare questa password qui. Contatti l'helpdesk.
policy-old-password-needed = Per questa modifica serve la password attuale.
policy-other = Le regole sulle password della Sua organizzazione hanno rifiutato la nuova password. Ne scelga una diversa e più lunga.

## "Non sono stato io"

disown-title = Non sono stato io
disown-ask-1 = Se non ha fatto Lei ciò che descriveva la mail, qualcun altro potrebbe essere entrato nel Suo account o nei suoi metodi di recupero.
disown-ask-2 = Blocchi ora la gestione autonoma per il Suo account: nessuno potrà più reimpostarne o cambiarne la password, sbloccarlo o aggiungere metodi di recupero qui, e le procedure in corso verranno interrotte. L'helpdesk viene avvisato e può togliere il blocco quando l'account è di nuovo al sicuro.
disown-button = Blocca la gestione autonoma per il mio account
disown-was-me = Ero io, in realtà
disown-done-title = La gestione autonoma è bloccata per il Suo account
disown-done-1 = Nessuno può reimpostare, sbloccare o cambiare la Sua password qui finché l'helpdesk non toglie il blocco. Le procedure in corso sono state interrotte e l'helpdesk è stato avvisato.
disown-done-2 = Contatti ora l'helpdesk, che potrà controllare il Suo account e darLe una nuova password.
disown-spent-title = Questo link non può essere usato
disown-spent-1 = È già stato usato oppure è scaduto. Se pensa ancora che qualcun altro abbia usato il Suo account, contatti subito l'helpdesk.

## Postazione condivisa (kiosk)

kiosk-footer = Questo è un computer condiviso. Quando avrà finito, non verrà conservato nulla di ciò che ha digitato.
kiosk-idle-title = È ancora lì?
kiosk-idle-text = Per la Sua riservatezza questa pagina tornerà all'inizio e dimenticherà ciò che ha digitato.
kiosk-idle-seconds = { $seconds ->
        [one] Manca 1 secondo.
       *[other] Mancano { $seconds } secondi.
    }
kiosk-idle-stay = Sono ancora qui
kiosk-phone-title = Continuare sul telefono
kiosk-phone-text = Scansioni questo codice con la fotocamera del telefono per proseguire sul Suo telefono.
kiosk-phone-qr = Codice QR che apre questa pagina sul telefono
kiosk-done = Ora torni alla schermata di accesso ed effettui l'accesso.
kiosk-finish = Fine

## Errori

error-reference = Riferimento: { $reference } (errore { $status })
error-offer-reset = Reimposta la password
error-unavailable-title = I servizi per le password non sono disponibili al momento
error-unavailable = Non è stato modificato nulla. Il servizio che verifica e cambia le password non risponde al momento. Riprovi tra qualche minuto; se il problema persiste, contatti l'helpdesk.
error-unconfirmed-title = Non è stato possibile confermare la modifica
error-unconfirmed = La modifica è stata inviata, ma non è arrivata alcuna risposta: potrebbe essere stata applicata oppure no. Se ha scelto una nuova password, provi ad accedere con quella; se non funziona, vale ancora la vecchia password: acceda con quella, oppure ricominci. Se nessuna delle due funziona, contatti l'helpdesk. Abbiamo inviato un avviso ai Suoi indirizzi email e la modifica è registrata come non confermata.
error-refused-title = Questo account non può essere modificato qui
error-refused = La Sua organizzazione non consente a questo servizio di modificare questo account (è normale per gli account amministratore). Non è stato modificato nulla e riprovare non servirà. Contatti l'helpdesk.
error-rate-limited-title = Troppi tentativi
error-rate-limited = Per la sicurezza di tutti, il numero di tentativi è limitato. Non è stato modificato nulla.
error-paused-title = La gestione autonoma è sospesa per questo nome utente
error-paused = Nelle ultime 24 ore ci sono stati troppi tentativi di reimpostare la password per questo nome utente, quindi la gestione autonoma è sospesa. Se ha bisogno subito di una nuova password, contatti l'helpdesk.
error-unlock-by-reset-title = Il Suo account non può essere sbloccato qui
error-unlock-by-reset = Il Suo account è gestito in Microsoft Entra ID. Il blocco dovuto a troppe password errate non può essere tolto da qui: termina da solo allo scadere del tempo di blocco. Può però scegliere ora una nuova password, così quella che qualcuno sta provando non funzionerà più. Finora non è stato modificato nulla.
error-expired-title = Questa procedura è terminata
error-expired = È scaduta, è stata completata oppure ci sono stati troppi codici errati. Ricominci.
error-out-of-step-title = Questa pagina non è più aggiornata
error-out-of-step = Potrebbe essere stata aperta in un'altra scheda o essere già stata usata. Ricominci.
error-voided-title = Troppi codici errati
error-voided = Per la Sua sicurezza questa procedura è terminata e non è stato modificato nulla. Può ricominciare; se non ha chiesto un codice, può ignorare questo messaggio.
error-csrf-title = Questo modulo è scaduto
error-csrf = Per la Sua sicurezza il modulo non è stato accettato. Torni indietro, ricarichi la pagina e riprovi.
error-bad-form-title = Non è stato possibile leggere il modulo
error-bad-form = Torni indietro, ricarichi la pagina e riprovi.
error-too-large-title = Sono stati inviati troppi dati
error-too-large = Ciò che ha inviato supera quanto accetta questo modulo. Torni indietro e accorci il testo.
error-internal-title = Si è verificato un errore da parte nostra
error-internal = Non è stato modificato nulla. Riprovi; se il problema persiste, comunichi all'helpdesk il riferimento qui sotto.
error-not-found-title = Pagina non trovata
error-not-found = A questo indirizzo non c'è nessuna pagina. Parta dalla pagina iniziale.
error-timeout-title = L'operazione ha richiesto troppo tempo
error-timeout = Non è stato modificato nulla. Riprovi.
error-method-title = Questa pagina non può essere usata in questo modo
error-method = Parta dalla pagina iniziale.
error-other-title = Non è stato possibile gestire la richiesta
error-other = Parta dalla pagina iniziale.
wait-seconds = Potrà riprovare tra meno di un minuto.
wait-minutes = Potrà riprovare tra { $minutes ->
        [one] circa un minuto
       *[other] circa { $minutes } minuti
    }.
wait-hours = Potrà riprovare tra circa { $hours } ore.
wait-day = Potrà riprovare tra circa un giorno.

## Date

date-time = { $weekday } { $day } { $month } { $year }, ore { $time } { $zone }
date-unknown = un momento sconosciuto
weekday-1 = lunedì
weekday-2 = martedì
weekday-3 = mercoledì
weekday-4 = giovedì
weekday-5 = venerdì
weekday-6 = sabato
weekday-7 = domenica
month-1 = gennaio
month-2 = febbraio
month-3 = marzo
month-4 = aprile
month-5 = maggio
month-6 = giugno
month-7 = luglio
month-8 = agosto
month-9 = settembre
month-10 = ottobre
month-11 = novembre
month-12 = dicembre

## Mail

mail-hello = Buongiorno,
mail-hello-name = Buongiorno { $name },
mail-code-subject = Il Suo codice { $org } per { $action }
mail-code-is = Il Suo codice per { $action } è:
mail-code-action-reset = reimpostare la password
mail-code-action-unlock = sbloccare l'account
mail-code-action-confirm = confermare questo indirizzo email
mail-code-action-sign-in = accedere
mail-code-expiry = { $minutes ->
        [one] Scade tra 1 minuto.
       *[other] Scade tra { $minutes } minuti.
    } Lo inserisca nella pagina in cui lo ha richiesto. Può essere usato una sola volta.
mail-code-not-you = Se non è stato Lei, ignori questa mail: nessuno può usare il codice senza conoscere anche il Suo nome utente. Non comunichi mai questo codice a nessuno, nemmeno all'helpdesk.
mail-changed-subject = La Sua password { $org } è stata cambiata
mail-changed = La password del Suo account { $org } è stata cambiata.
mail-changed-risk = qualcun altro potrebbe conoscere la Sua password
mail-reset-subject = La Sua password { $org } è stata reimpostata
mail-reset = La password del Suo account { $org } è stata reimpostata con il portale di gestione autonoma.
mail-reset-risk = qualcun altro potrebbe essere entrato nel Suo account
mail-unconfirmed-subject = La Sua password { $org } potrebbe essere stata cambiata
mail-unconfirmed = Qualcuno ha chiesto di cambiare la password del Suo account { $org }. La modifica è stata inviata, ma non è arrivata alcuna risposta: potrebbe essere stata applicata oppure no.
mail-unconfirmed-risk = qualcun altro potrebbe aver tentato di entrare nel Suo account
mail-unlocked-subject = Il Suo account { $org } è stato sbloccato
mail-unlocked = Il Suo account { $org } è stato sbloccato con il portale di gestione autonoma. La password non è cambiata.
mail-unlocked-risk = qualcun altro potrebbe tentare di entrare nel Suo account
mail-method-added-subject = Al Suo account { $org } è stato aggiunto un metodo di recupero
mail-method-added = Al Suo account { $org } è stato aggiunto un nuovo modo per dimostrare la Sua identità: { $method }.
mail-method-removed-subject = Dal Suo account { $org } è stato rimosso un metodo di recupero
mail-method-removed = Dal Suo account { $org } è stato rimosso un modo per dimostrare la Sua identità: { $method }.
mail-method-risk = qualcun altro potrebbe tentare di impadronirsi del Suo account
mail-when = Quando
mail-from = Da
mail-unknown-address = un indirizzo sconosciuto
mail-was-you = Se è stato Lei, non deve fare altro.
mail-disown = Se non è stato Lei, blocchi subito la gestione autonoma per il Suo account aprendo questo link (funziona una sola volta): { $link }
mail-not-you = Se non è stato Lei, { $risk }: contatti subito l'helpdesk e segnali questa mail. Il portale di gestione autonoma si trova all'indirizzo { $url }

## Area di amministrazione
error-not-admin-title = Non disponibile per questo account
error-not-admin = L'area di amministrazione è riservata ai membri dei gruppi di amministratori e il Suo account non ne fa parte. Se Le serve l'accesso, lo chieda al team che gestisce questo portale.
admin-sign-in-title = Accesso amministratori
admin-sign-in-lead = Acceda con la password della directory. Poi dimostrerà la Sua identità con un secondo metodo che ha registrato.
admin-sign-in-oidc = Accedi con l'account Microsoft
admin-needs-method = Gli amministratori devono dimostrare la propria identità con un secondo metodo. Registri prima un'app di autenticazione o un indirizzo email, poi torni ad accedere qui.
admin-verify-title = Verifica dell'identità
admin-verify-lead = Usi uno dei metodi che ha registrato.
admin-verify-totp = Codice dell'app di autenticazione
admin-verify-email = Codice via email
admin-verify-send = Invia un codice al mio indirizzo registrato
admin-verify-email-sent = Abbiamo inviato un codice al Suo indirizzo registrato. Potrebbe volerci un minuto prima che arrivi.
admin-nav-label = Area di amministrazione
admin-nav-home = Panoramica
admin-nav-coverage = Registrazione
admin-nav-activity = Attività
admin-nav-audit = Registro di controllo
admin-signed-in-as = Accesso effettuato come { $name }
admin-home-title = Panoramica
admin-status-title = Stato
admin-status-service = Servizio
admin-status-now = Ora
admin-status-last-error = Ultimo errore dall'avvio
admin-status-directory = Directory
admin-status-database = Database
admin-status-mail = Server di posta
admin-status-ok = Risponde
admin-status-unavailable = Non risponde
admin-status-none = Nessuno
admin-agents-title = Agenti di writeback
admin-agents-none = Nessun agente registrato.
admin-agent-name = Agente
admin-agent-host = Host
admin-agent-version = Versione
admin-agent-heartbeat = Ultimo segnale
admin-agent-never = mai
admin-agent-outdated = più vecchio della { $min }, la versione minima supportata da questo portale: va aggiornato
admin-home-period = Dal { $from } al { $to }
admin-see-activity = Attività in dettaglio
admin-see-coverage = Chi si è registrato
admin-activity = Attività
admin-activity-register = Registrazioni
admin-activity-change = Cambi di password
admin-activity-reset = Reimpostazioni di password
admin-activity-unlock = Sblocchi di account
admin-started = Avviate
admin-succeeded = Riuscite
admin-success-rate = Tasso di successo
admin-failed-steps = Passaggi non riusciti
admin-failed = Non riusciti
admin-totals-caption = Totali del periodo
admin-activity-title = Attività
admin-period-shown = Dal { $from } al { $to } (UTC).
admin-bad-period = Le date devono avere la forma 2026-11-30, la prima non successiva alla seconda, al massimo a 366 giorni di distanza. Vengono mostrati invece gli ultimi 30 giorni.
admin-bad-date = Le date devono avere la forma 2026-11-30. La ricerca ha ignorato la data non valida.
admin-from = Dal
admin-to = Al
admin-show = Mostra
admin-last = Ultimi:
admin-n-days = { $days } giorni
admin-download-csv = Scarica in CSV
admin-definitions = Come vengono contati
admin-definition-succeeded = Riuscite: un metodo registrato, una password cambiata, una password reimpostata o un account sbloccato.
admin-definition-started = Avviate: reimpostazioni e sblocchi iniziati (nome utente inserito), tentativi di cambio e accessi alla registrazione. Le registrazioni non hanno un tasso di successo, perché con un solo accesso si possono aggiungere più metodi.
admin-definition-failed = Passaggi non riusciti: ogni passaggio terminato con un errore. Una procedura può fallire più passaggi (un codice errato, poi quello giusto) e riuscire comunque.
admin-per-day = Per giorno
admin-chart-title = Successi per giorno, dal { $from } al { $to }
admin-chart-caption = Successi per giorno e per attività. La tabella qui sotto riporta gli stessi numeri.
admin-per-day-caption = Successi per giorno e per attività, e passaggi non riusciti
admin-date = Data
admin-methods-title = Per metodo
admin-method = Metodo
admin-methods-used = Metodi usati
admin-completed-with = Completate con
admin-nothing-yet = Niente in questo periodo.
admin-method-email = Codice via email
admin-method-totp = App di autenticazione
admin-method-password = Password
admin-method-oidc = Single sign-on
admin-method-questions = Domande di sicurezza
admin-method-sms = Codice via SMS
admin-method-passkey = Passkey
admin-failures-title = Perché i passaggi non sono riusciti
admin-reason = Motivo
admin-reason-codes = I codici dei motivi dietro questi gruppi
admin-failure-wrong-code = Codice o risposta errati, oppure codice scaduto
admin-failure-wrong-password = Password errata
admin-failure-locked-out = Bloccato o sospeso
admin-failure-policy = Rifiutata dai criteri delle password
admin-failure-directory-unavailable = Directory non disponibile
admin-failure-rate-limited = Limite di tentativi raggiunto
admin-failure-not-allowed = Non consentito (fuori ambito, non amministratore)
admin-failure-other = Altro
admin-coverage-title = Registrazione
admin-coverage-directory-error = Non è stato possibile elencare la directory, quindi non si sa chi rientra nell'ambito. La panoramica mostra l'ultimo errore della directory.
admin-coverage-in-scope = Persone nell'ambito
admin-coverage-enough = Registrate a sufficienza ({ $required } o più metodi)
admin-coverage-partly = Registrate in parte, non a sufficienza
admin-coverage-none = Nessun metodo registrato
admin-coverage-truncated = L'elenco della directory si è fermato a admin.max_listed_accounts: le persone sono più di quelle mostrate.
admin-coverage-listed-at = La directory è stata letta il { $time }.
admin-coverage-refresh = Rileggi
admin-coverage-listing = Lettura della directory in corso: { $count ->
    [one] finora 1 account.
   *[other] finora { $count } account.
} Questa pagina si ricarica da sola finché la lettura non è terminata.
admin-coverage-listing-reload = Ricarica ora
admin-coverage-listing-failed = La lettura si è interrotta dopo { $count ->
    [one] 1 account.
   *[other] { $count } account.
}
admin-coverage-listing-retry = Riprova
admin-coverage-show = Mostra
admin-coverage-show-all = Tutti nell'ambito
admin-coverage-show-missing = Non registrati a sufficienza
admin-coverage-show-enough = Registrati a sufficienza
admin-search-person = Nome o nome utente
admin-matching = { $count ->
    [one] 1 risultato
   *[other] { $count } risultati
}
admin-name = Nome
admin-methods-registered = Metodi registrati
admin-registered-when = Prima registrazione
admin-enough = Sufficiente
admin-yes = Sì
admin-no = No
admin-audit-title = Registro di controllo
admin-event = Evento
admin-outcome = Esito
admin-any = Qualsiasi
admin-search = Cerca
admin-time = Ora (UTC)
admin-person = Persona
admin-source = Indirizzo di origine
admin-user-agent = Browser
admin-pages-label = Pagine
admin-page-previous = Pagina precedente
admin-page-next = Pagina successiva
admin-page-n-of-m = Pagina { $page } di { $pages }
admin-sign-out = Esci

## Domande di sicurezza
methods-add-questions = Aggiunga le domande di sicurezza
methods-add-questions-text = Risposte che conosce solo Lei a { $count } domande. Sono conservate in una forma che nessuno può rileggere, nemmeno l'helpdesk.
methods-add-questions-button = Configura le domande di sicurezza
methods-change-questions-button = Cambia le mie domande di sicurezza
methods-questions-not-alone = Per il Suo account, le domande di sicurezza valgono solo insieme a un altro metodo.
questions-register-title = Le Sue domande di sicurezza
questions-register-lead = Scelga { $count } domande diverse e risponda a ciascuna. Quando reimposterà la password o sbloccherà l'account, Le verranno poste alcune di esse.
questions-fix-below = Alcune risposte vanno riviste: veda le note qui sotto.
questions-n = Domanda { $n }
questions-field-question = Domanda
questions-own-option = Scrivo io la domanda
questions-field-own = La Sua domanda
questions-field-own-hint = Solo se sopra ha scelto “Scrivo io la domanda”.
questions-field-answer = Risposta
questions-answer-rules = Ogni risposta deve contenere almeno { $count } lettere o cifre ed essere diversa dalle altre. Maiuscole, accenti e spazi in più non contano.
questions-save = Salva le mie domande
questions-back = Torna ai miei metodi
questions-pick-one = Scelga una delle domande dell'elenco.
questions-own-short = Scriva una domanda di almeno 5 caratteri oppure ne scelga una dall'elenco.
questions-own-long = La domanda è troppo lunga: resti sotto i 200 caratteri.
questions-question-repeated = Ha già scelto questa domanda: ne scelga un'altra.
questions-answer-short = Questa risposta è troppo corta.
questions-answer-repeated = Questa risposta è uguale a un'altra: ogni risposta deve essere diversa.
questions-answer-is-question = Questa risposta ripete soltanto la domanda.
questions-answer-title = Risponda alle domande di sicurezza
questions-answer-lead = Digiti le risposte che ha dato al momento della registrazione. Maiuscole, accenti e spazi in più non contano.
questions-wrong = Una o più risposte non sono corrette. { code-tries-left }
question-first-pet = Come si chiamava il Suo primo animale domestico?
question-birth-city = In quale città o paese è nato/a?
question-first-school = Come si chiamava la Sua prima scuola?
question-childhood-friend = Qual era il nome del Suo migliore amico o della Sua migliore amica d'infanzia?
question-first-car = Quali erano la marca e il modello della Sua prima auto?
question-favourite-teacher = Qual era il cognome del Suo insegnante preferito?
question-first-job = Come si chiamava l'azienda del Suo primo lavoro?
question-parents-met = In quale città o paese si sono conosciuti i Suoi genitori?

## Qualità della password (policy/quality.rs): verificata prima di interpellare la directory

quality-rules = { $classes ->
    [1] Usi almeno { $length } caratteri.
   *[other] Usi almeno { $length } caratteri, con { $classes } di questi tipi: lettere minuscole, lettere maiuscole, cifre, simboli.
} Non il Suo nome, né una parola o una password comune.
quality-refused = Questa nuova password non può essere usata. I motivi sono indicati sotto il campo della nuova password: ne scelga un'altra.
quality-ok = Questa password rispetta le regole verificate qui.
quality-too-short = È troppo corta: usi almeno { $min } caratteri.
quality-classes = Combini almeno { $min } di questi tipi: lettere minuscole, lettere maiuscole, cifre, simboli.
quality-own-name = Contiene il Suo nome o il Suo nome utente.
quality-banned = È composta soprattutto da parole facili da indovinare, come “password”, una stagione o il nome dell'organizzazione. Aggiunga altre parole Sue.
quality-breached = Compare in un elenco di password trapelate in violazioni di dati, che gli aggressori provano per prime.
quality-guessable = Sarebbe troppo facile da indovinare.
quality-warn-keyboard-rows = Le file di tasti consecutivi sono facili da indovinare.
quality-warn-keyboard-short = Le brevi sequenze di tastiera sono facili da indovinare.
quality-warn-repeats = Le ripetizioni come “aaa” sono facili da indovinare.
quality-warn-repeated-groups = Le ripetizioni come “abcabcabc” sono solo di poco più difficili da indovinare di “abc”.
quality-warn-top-10 = È una delle dieci password più comuni.
quality-warn-top-100 = È una delle cento password più comuni.
quality-warn-common = È una password molto comune.
quality-warn-similar = È simile a una password molto usata.
quality-warn-sequences = Le sequenze come “abc” o “6543” sono facili da indovinare.
quality-warn-recent-years = Gli anni recenti sono facili da indovinare.
quality-warn-word = Una parola da sola è facile da indovinare.
quality-warn-dates = Le date sono spesso facili da indovinare.
quality-warn-names = Nomi e cognomi da soli sono facili da indovinare.
quality-warn-common-names = I nomi e i cognomi comuni sono facili da indovinare.
quality-tip-few-words = Usi qualche parola ed eviti le frasi fatte.
quality-tip-no-symbols-needed = Non servono simboli, cifre o lettere maiuscole.
quality-tip-another-word = Aggiunga una o due parole. Meglio se poco comuni.
quality-tip-capitals = Le lettere maiuscole non aiutano molto.
quality-tip-all-capitals = Tutto in maiuscolo è facile da indovinare quasi quanto tutto in minuscolo.
quality-tip-reversed = Le parole scritte al contrario non sono molto più difficili da indovinare.
quality-tip-substitutions = Sostituzioni prevedibili come “@” al posto di “a” non aiutano molto.
quality-tip-keyboard = Usi una sequenza di tastiera più lunga e con più cambi di direzione.
quality-tip-repeats = Eviti parole e caratteri ripetuti.
quality-tip-sequences = Eviti le sequenze.
quality-tip-recent-years = Eviti gli anni recenti.
quality-tip-your-years = Eviti gli anni legati a Lei.
quality-tip-your-dates = Eviti date e anni legati a Lei.

## SMS
sms-code-text = Il Suo codice { $org }: { $code }
choose-sms = Inviami un codice via SMS
code-sms-title = Inserisca il codice ricevuto via SMS
code-sms-lead = Se questo account ha un numero di cellulare registrato, vi abbiamo inviato un codice via SMS. È valido per { $minutes ->
        [one] 1 minuto
       *[other] { $minutes } minuti
    }.
code-sms-failed = Non è stato possibile inviare un SMS in questo momento. Riprovi tra qualche minuto o scelga un altro metodo.
code-resend-sms = Invia un nuovo SMS
methods-sms = SMS: { $number }
methods-add-sms = Aggiunga un numero di cellulare
field-phone = Numero di cellulare
field-phone-hint = Con il prefisso internazionale, per esempio +39 312 3456789. Le invieremo un codice via SMS per verificarlo.
methods-send-text = Invia un codice via SMS a questo numero
methods-bad-number = Non sembra un numero di cellulare. Lo controlli e riprovi.
methods-number-no-country = Aggiunga il prefisso internazionale, che inizia con + (per esempio +39 per l'Italia).
confirm-sms-title = Confermi il numero di cellulare
confirm-sms-lead = Abbiamo inviato un codice via SMS a { $number }. Lo inserisca qui sotto per confermare il numero. Potrebbe volerci un minuto prima che arrivi.
admin-status-sms = Gateway SMS

## Passkey
methods-passkey = Passkey “{ $name }”
methods-add-passkey = Aggiunga una passkey o una chiave di sicurezza
methods-add-passkey-text = Una passkey è conservata sul telefono, sul computer o su una chiave di sicurezza e si sblocca con l'impronta digitale, il volto o un PIN. Funziona solo all'indirizzo di questo portale, quindi un sito che lo imita non può usarla.
field-passkey-name = Nome di questa passkey
field-passkey-name-hint = Per distinguere le Sue passkey, per esempio “Portatile di lavoro” o “Chiave di sicurezza blu”.
methods-add-passkey-button = Crea una passkey
passkey-working = Segua le indicazioni del browser o della chiave di sicurezza.
passkey-cancelled = La passkey non è stata usata: la richiesta è stata annullata o ha richiesto troppo tempo. Riprovi oppure scelga un altro modo.
passkey-failed = Non ha funzionato. Riprovi oppure scelga un altro modo.
passkey-unsupported = Questo browser non può usare le passkey. Scelga un altro modo oppure usi un altro browser.
passkey-needs-script = Le passkey richiedono JavaScript nel browser. Lo attivi oppure scelga un altro modo.
passkey-name-missing = Dia un nome alla passkey, così potrà riconoscerla in seguito.
passkey-registered-already = Questa passkey o chiave di sicurezza è già registrata.
choose-passkey = Usa una passkey o una chiave di sicurezza
passkey-use-title = Usi la Sua passkey
passkey-use-lead = Quando preme il pulsante, il browser Le chiede la passkey. La sblocchi con l'impronta digitale, il volto o un PIN.
passkey-use-button = Usa la mia passkey
passkey-wrong = Questa passkey non è stata accettata. { code-tries-left }

# Per collegare un nuovo metodo ne serve uno esistente
prove-title = Confermi la Sua identità
prove-lead = Ha già un metodo registrato. Prima di aggiungerne o rimuoverne uno, usi uno di quelli che ha: la sola password non basta.
prove-back = Torna ai miei metodi
prove-passed = Grazie: ora può aggiungere o rimuovere metodi.
methods-prove-first = Per aggiungere o rimuovere un metodo, confermi prima la Sua identità con un metodo che ha già.
methods-prove-button = Conferma che sono io
admin-method-too-new = Il Suo secondo metodo è stato registrato troppo di recente per aprire l'area di amministrazione. Riprovi al termine del periodo di attesa, oppure si rivolga a un altro amministratore.

## Le regole sulle password della directory (Active Directory: criterio di dominio o PSO dell'account)
dir-rule-length = La directory della Sua organizzazione richiede almeno { $length } caratteri.
dir-rule-complexity = Deve contenere tre di questi tipi: lettere maiuscole, lettere minuscole, cifre, simboli; e non il nome dell'account o una parte del Suo nome completo.
dir-rule-history = Non deve essere una delle Sue ultime { $count } password.
dir-rule-min-age = { $hours ->
    [one] Dopo un cambio, la password non può essere cambiata di nuovo per 1 ora.
   *[other] Dopo un cambio, la password non può essere cambiata di nuovo per { $hours } ore.
}
dir-rules-most = Queste sono le regole per la maggior parte degli account; le Sue potrebbero essere più severe.
dir-why-too-young = Ha cambiato la password di recente; potrà cambiarla di nuovo dopo il { $when }.
dir-why-too-short = Il Suo account richiede una password di almeno { $length } caratteri.
dir-why-not-complex = Usi tre di questi tipi: lettere maiuscole, lettere minuscole, cifre, simboli.
dir-why-name = Non deve contenere il nome dell'account o una parte del Suo nome completo.
dir-why-history = Non deve essere una delle Sue ultime { $count } password.

choose-email-needs = Le serve: la Sua casella email, su questo o su un altro dispositivo
choose-sms-needs = Le serve: il cellulare che ha registrato, con campo
choose-totp-needs = Le serve: l'app di autenticazione sul Suo telefono
choose-passkey-needs = Le serve: la Sua passkey o chiave di sicurezza, oppure il dispositivo che la contiene
choose-questions-needs = Le serve: le risposte che ha dato al momento della registrazione
contact-title = Helpdesk
contact-phone = Telefono
contact-email = Email
contact-hours = Orari
contact-location = Di persona
contact-url = Web
code-help-summary = Non ha ricevuto il codice?
code-help-email-spam = Di solito i codici arrivano entro un minuto. Controlli anche la cartella dello spam o della posta indesiderata.
code-help-sms-wait = Di solito gli SMS arrivano entro un minuto. Verifichi che il telefono abbia campo e non sia in modalità aereo.
code-help-which = Il codice va solo all'indirizzo o al numero registrato qui per questo account, che potrebbe non essere quello che usa ogni giorno.
code-help-typed = Controlli l'indirizzo o il numero indicato sopra. Se è sbagliato, annulli e lo inserisca di nuovo.
code-help-valid = Un codice è valido per { $minutes ->
        [one] un minuto
       *[other] { $minutes } minuti
    }. Può richiederne uno nuovo qui sopra; funziona solo il più recente.
code-help-never = Se non ha mai registrato qui un metodo di recupero, non arriverà alcun codice: scelga un altro metodo oppure contatti l'helpdesk.
code-help-phone = Può anche proseguire sul telefono all'indirizzo { $url }


## Helpdesk console
helpdesk-sign-in-title = Accesso all'helpdesk
helpdesk-sign-in-lead = Acceda con la password della directory. Poi dimostrerà la Sua identità con un secondo metodo che ha registrato.
error-not-helpdesk-title = Non disponibile per questo account
error-not-helpdesk = La console dell'helpdesk è riservata ai membri dei gruppi dell'helpdesk e il Suo account non ne fa parte. Se Le serve l'accesso, lo chieda al team che gestisce questo portale.
mail-code-action-helpdesk = confermare la Sua identità all'helpdesk
mail-code-not-you-helpdesk = Legga questo codice solo alla persona dell'helpdesk con cui è al telefono, e solo se è stato Lei a chiamare l'helpdesk. Altrimenti non comunichi il codice a nessuno e contatti il Suo helpdesk.
mail-helpdesk-subject = L'helpdesk ha modificato qualcosa nel Suo account { $org }
mail-helpdesk-unlock = L'helpdesk ha sbloccato il Suo account { $org }. La password non è cambiata.
mail-helpdesk-reset-link = L'helpdesk Le ha inviato un link per impostare una nuova password per il Suo account { $org }.
mail-helpdesk-lift-block = L'helpdesk ha riattivato la gestione autonoma (reimpostazione della password e sblocco) per il Suo account { $org }.
mail-helpdesk-clear-methods = L'helpdesk ha rimosso i metodi di recupero del Suo account { $org }. Registri di nuovo i Suoi metodi.
mail-helpdesk-risk = qualcuno potrebbe aver convinto l'helpdesk a farlo
mail-reset-link-subject = Imposti una nuova password per il Suo account { $org }
mail-reset-link = L'helpdesk Le ha inviato questo link per impostare una nuova password per il Suo account { $org }. Lo apra e scelga una nuova password; nessuno dell'helpdesk la vede.
mail-reset-link-expiry = Il link funziona una sola volta e per { $minutes ->
        [one] 1 minuto
       *[other] { $minutes } minuti
    }.
mail-reset-link-not-you = Se non ha chiesto Lei questo link all'helpdesk, non lo apra e contatti il Suo helpdesk.
reset-link-title = Imposti una nuova password
reset-link-ask = L'helpdesk Le ha inviato questo link. Prosegua per scegliere una nuova password.
reset-link-button = Prosegui
reset-link-spent = Questo link è già stato usato oppure è scaduto. Ne chieda uno nuovo all'helpdesk, oppure reimposti la password in autonomia.
reset-link-start-over = Reimposta la mia password
helpdesk-nav-label = Helpdesk
helpdesk-nav-home = Cerca una persona
helpdesk-home-title = Helpdesk
helpdesk-search-label = Nome, nome utente o indirizzo email
helpdesk-search-hint = Almeno due caratteri.
helpdesk-results-title = Persone trovate
helpdesk-no-results = Nessun risultato.
helpdesk-name = Nome
helpdesk-results-truncated = Sono mostrati solo i primi risultati. Scriva di più per restringere la ricerca.
helpdesk-requests-title = Richieste in attesa di una seconda persona
helpdesk-requests-none = Nessuna richiesta in attesa.
helpdesk-action = Azione
helpdesk-requested-by = Richiesta da
helpdesk-reason = Motivo
helpdesk-decision = Decisione
helpdesk-was-verified = chiamante verificato
helpdesk-own-request = La Sua richiesta: deve approvarla un'altra persona
helpdesk-approve = Approva
helpdesk-reject = Rifiuta
helpdesk-reject-reason = Motivo del rifiuto
helpdesk-rejected = Rifiutata: non è stato cambiato nulla. La richiesta è chiusa.
helpdesk-reject-reason-needed = Scrivi un motivo per rifiutare la richiesta.
helpdesk-action-unlock = Sblocca l'account
helpdesk-action-reset-link = Invia un link di reimpostazione
helpdesk-action-lift-block = Riattiva la gestione autonoma
helpdesk-action-clear-methods = Rimuovi tutti i metodi di recupero
helpdesk-person-title = Persona
helpdesk-state-title = Stato dell'account
helpdesk-locked = Bloccato nella directory
helpdesk-not-locked = Non bloccato
helpdesk-disabled = Disattivato nella directory
helpdesk-expired = Password scaduta
helpdesk-must-change = Deve cambiare la password al prossimo accesso
helpdesk-blocked = Gestione autonoma chiusa: { $reason }
helpdesk-not-blocked = Gestione autonoma aperta
helpdesk-paused-until = Reimpostazione della password sospesa fino a { $until }: troppi tentativi oggi. «Riattiva la gestione autonoma» toglie la pausa.
helpdesk-not-paused = Reimpostazione della password non sospesa
helpdesk-methods-title = Metodi registrati
helpdesk-no-methods = Nessun metodo registrato. Ogni azione richiede l'approvazione di una seconda persona dell'helpdesk.
helpdesk-destination = Inviato a
helpdesk-added = Aggiunto
helpdesk-verify-caller = Verifica il chiamante
helpdesk-cooling-off = Aggiunto di recente: non può ancora verificare chi chiama
helpdesk-ask-app-code = Chiedi il codice dell'app
helpdesk-send-code = Invia un codice
helpdesk-check-title = Verifica del chiamante
helpdesk-check-app = Chieda al chiamante il codice che la sua app di autenticazione mostra in questo momento e lo inserisca.
helpdesk-check-read-back = È stato inviato un codice. Chieda al chiamante di leggerLe il codice e lo inserisca. Lei non lo vede mai.
helpdesk-code-read = Codice letto dal chiamante
helpdesk-actions-title = Azioni
helpdesk-verified-until = Chiamante verificato ({ $method }) fino a { $until }.
helpdesk-send-confirm = Invia un link di conferma
helpdesk-confirm-sent = È stato inviato per e-mail un link di conferma alla persona. Chiedi di aprirlo sul proprio dispositivo e di confermare con la passkey, poi aggiorna questa pagina.
helpdesk-confirm-title = Link di conferma
helpdesk-confirm-waiting = Inviato: in attesa che la persona confermi con la passkey, fino alle { $until }.
helpdesk-confirm-confirmed = La persona ha confermato con la passkey alle { $at }.
helpdesk-confirm-ended = Il link è terminato senza conferma. Inviane uno nuovo se chi chiama è ancora in linea.
helpdesk-refresh = Aggiorna
mail-confirm-link-subject = Confermi all'helpdesk di { $org } che è Lei
mail-confirm-link = La persona dell'helpdesk con cui sta parlando Le chiede di confermare che è Lei (il Suo account { $org }). Apra questo link sul Suo dispositivo e confermi con la Sua passkey.
mail-confirm-link-not-you = Se in questo momento non è al telefono con l'helpdesk, non apra il link e contatti il Suo helpdesk.
caller-confirm-title = Confermi all'helpdesk che è Lei
caller-confirm-lead = La persona dell'helpdesk con cui sta parlando Le ha chiesto di confermare che è Lei. Confermi con la Sua passkey su questo dispositivo; l'helpdesk saprà solo che l'ha fatto.
caller-confirm-button = Conferma con la mia passkey
caller-confirm-not-you = Se in questo momento non è al telefono con l'helpdesk, chiuda questa pagina e contatti il Suo helpdesk.
caller-confirm-done = Confermato. Lo dica alla persona dell'helpdesk con cui sta parlando; può chiudere questa pagina.
caller-confirm-refused = La Sua passkey non è stata accettata, quindi questo link è terminato. Ne chieda uno nuovo all'helpdesk.
caller-confirm-spent = Questo link è già stato usato oppure è scaduto. Ne chieda uno nuovo all'helpdesk.
helpdesk-four-eyes-unverifiable = Questa persona non può essere verificata: ogni azione diventa una richiesta che un'altra persona dell'helpdesk deve approvare. Indichi un motivo.
helpdesk-verify-first = Verifichi prima il chiamante.
helpdesk-four-eyes-privileged = Account privilegiato: ogni azione richiede anche l'approvazione di un'altra persona dell'helpdesk. Indichi un motivo.
helpdesk-recent-title = Attività recente
helpdesk-recent-none = Nessuna attività recente.
helpdesk-check-not-allowed = Non può verificare questa persona in questo modo.
helpdesk-verified = Il chiamante è verificato.
helpdesk-check-voided = Troppi codici errati: questa verifica è terminata. Ne avvii una nuova se il chiamante è ancora in linea.
helpdesk-done = Fatto. La persona riceverà una mail al riguardo.
helpdesk-requested = Richiesta inviata. Un'altra persona dell'helpdesk deve approvarla nella propria console.
helpdesk-no-address = Non c'è nessun indirizzo a cui inviare un link di reimpostazione.
helpdesk-approved = Approvata ed eseguita. La persona riceverà una mail al riguardo.
helpdesk-refused-own = Qui non può intervenire sul Suo account. Si rivolga a un'altra persona del team.
helpdesk-refused-out-of-reach = Questo account è fuori dalla portata dell'helpdesk. Si rivolga al team che gestisce questo portale.
helpdesk-refused-not-verified = Verifichi prima il chiamante: non è stato modificato nulla.
helpdesk-reason-needed = Serve l'approvazione di un'altra persona dell'helpdesk: scriva un motivo per chi dovrà approvare.
helpdesk-refused-own-request = La richiesta è Sua: deve approvarla un'altra persona dell'helpdesk.
helpdesk-request-gone = Questa richiesta è già stata decisa oppure è scaduta.

## Promemoria di scadenza e campagna di registrazione (flow/reminders.rs)
mail-expiry-subject = { $days ->
        [one] La tua password { $org } scade entro un giorno
       *[other] La tua password { $org } scade entro { $days } giorni
    }
mail-expiry-body = La tua password { $org } scade il { $when }. Cambiala prima, così potrai continuare ad accedere.
mail-expiry-change = Per cambiarla ora, apri:
mail-expiry-forgot = Se l'hai dimenticata, impostane una nuova qui:
mail-expiry-why = Questo promemoria arriva alcune volte prima della scadenza della password e si ferma quando l'hai cambiata. Non ti chiederemo mai la password per e-mail.
mail-nudge-subject = Configura il recupero della password del tuo account { $org }
mail-nudge-body = Non hai ancora configurato abbastanza modi per dimostrare la tua identità se dimentichi la password { $org }. Bastano pochi minuti; dopo potrai impostare da solo una nuova password in qualsiasi momento, senza chiamare l'helpdesk.
mail-nudge-link = Configurali qui:
mail-nudge-stop = Questi promemoria si fermano appena hai configurato il recupero. Non ti chiederemo mai la password per e-mail.
admin-nav-campaign = Campagna
admin-campaign-title = Campagna di registrazione
admin-campaign-off = La campagna è disattivata. Attivala con enabled = true in [campaign] nella configurazione.
admin-campaign-settings = Un promemoria ogni { $every } giorni, al massimo { $max } per persona, a chi rientra nell'ambito e non ha registrato abbastanza metodi.
admin-campaign-chart = Copertura delle registrazioni per giorno
admin-campaign-day = Giorno
admin-campaign-in-scope = Nell'ambito
admin-campaign-enough = Registrati a sufficienza
admin-campaign-percent = Copertura
admin-campaign-nudges = Promemoria di registrazione inviati negli ultimi 30 giorni
admin-campaign-reminders = Promemoria di scadenza inviati negli ultimi 30 giorni
admin-campaign-missing = Ancora mancanti
admin-campaign-missing-link = Chi non ha registrato abbastanza metodi
admin-campaign-no-data = Non è ancora stato eseguito alcun passaggio: il grafico si riempie giorno per giorno.

# Admin: webhooks (dead letters)
admin-nav-webhooks = Webhook
admin-webhooks-title = Webhook
admin-webhooks-none = Nessun webhook è configurato ([[webhooks]] nella configurazione).
admin-webhooks-endpoints = Gli eventi dell'account vengono inviati a:
admin-webhooks-pending = { $count ->
    [one] 1 consegna in attesa
   *[other] { $count } consegne in attesa
}
admin-webhooks-dead = Consegne non riuscite
admin-webhooks-dead-help = Queste consegne sono fallite tante volte quante il destinatario consente. Correggi il destinatario, poi inviale di nuovo.
admin-webhooks-endpoint = Destinatario
admin-webhooks-attempts = Tentativi
admin-webhooks-last-error = Ultimo errore
admin-webhooks-retry = Invia di nuovo
admin-webhooks-retried = La consegna è di nuovo in coda.
admin-webhooks-not-dead = Quella consegna non è (più) una consegna non riuscita.
