# rekey: svenska. Varje meddelande i den engelska referenskatalogen (en/main.ftl) måste finnas
# här, med samma variabler. Bara ren text: sidor och mejl skyddar själva det de visar.

## Alla sidor

product-name = Lösenordstjänst
skip-to-content = Hoppa till innehållet
language-switcher = Språk
language-apply = Byt
footer-never-share = Dela aldrig ditt lösenord eller dina koder. It-supporten kommer aldrig att be om dem.
continue = Fortsätt
pow-working = Din webbläsare kontrolleras. Det tar några sekunder…
start-again = Börja om
back-to-start = Tillbaka till början
return-to = Gå tillbaka dit du kom ifrån
sign-in = Logga in
steps-label = Förlopp
step-n-of-m = Steg { $now } av { $of }
step-done = Klart:
error-box-title = Något är fel
done-what-changed = Vad som ändrades
done-next = Vad du gör nu
done-notice-sent = En bekräftelse har skickats till dina e-postadresser.
hint-passwords-match = De två lösenorden stämmer överens.
hint-passwords-differ = De två lösenorden är inte likadana än.

## Fält

field-username = Användarnamn
field-username-hint = Namnet du använder för att logga in på datorn eller i e-posten.
field-password = Lösenord
field-current-password = Nuvarande lösenord
field-new-password = Nytt lösenord
field-new-password-hint = Din organisations lösenordsregler gäller.
field-new-password-again = Upprepa det nya lösenordet
field-code = Kod
field-email = E-postadress
field-email-hint = Använd en privat adress som du kommer åt även när du inte kan logga in. Vi skickar en kod för att kontrollera den.

## Steg

step-username = Användarnamn
step-verify = Bekräfta att det är du
step-verify-n = Bekräfta att det är du ({ $n } av { $of })
step-new-password = Nytt lösenord
step-unlock = Lås upp
step-sign-in = Logga in
step-methods = Välj metoder
step-confirm = Bekräfta
step-passwords = Lösenord

## Startsida

home-title = Hantera ditt lösenord
home-lead = Välj vad du vill göra.
home-tasks = Uppgifter
home-reset = Jag har glömt mitt lösenord
home-reset-text = Bekräfta att det är du och välj ett nytt.
home-unlock = Mitt konto är låst
home-unlock-text = Bekräfta att det är du och lås upp kontot, med samma lösenord som förut.
home-change = Byt mitt lösenord
home-change-text = Du vet ditt nuvarande lösenord och vill ha ett nytt.
home-register = Konfigurera återställningsmetoder
home-register-text = Registrera en e-postadress eller en autentiseringsapp så att du kan återställa lösenordet på egen hand.

## Återställa och låsa upp

reset-title = Återställ ditt lösenord
unlock-title = Lås upp ditt konto
reset-username-lead = Ange ditt användarnamn. Sedan bekräftar du att det är du med en metod du har registrerat och väljer ett nytt lösenord.
unlock-username-lead = Ange ditt användarnamn. Sedan bekräftar du att det är du med en metod du har registrerat; ditt lösenord förblir detsamma.
choose-title = Bekräfta att det är du
choose-title-more = Bekräfta med ytterligare en metod
choose-lead = Välj en metod som du har registrerat. Om du inte har registrerat någon kan du inte fortsätta här: kontakta it-supporten.
choose-email = Mejla mig en kod
choose-totp = Använd en kod från min autentiseringsapp
choose-questions = Svara på mina säkerhetsfrågor
code-email-title = Ange koden från mejlet
code-email-lead = Om det här kontot har en registrerad e-postadress har vi skickat en kod dit. Den gäller i { $minutes ->
        [one] 1 minut
       *[other] { $minutes } minuter
    }. Det kan ta en minut innan den kommer; titta även i skräpposten.
code-totp-title = Ange koden från din autentiseringsapp
code-totp-lead = Öppna appen du har registrerat och ange den sexsiffriga kod som den visar just nu.
code-resend = Skicka en ny kod
code-other-method = Använd en annan metod
code-wrong = Koden är inte rätt. { code-tries-left }
code-tries-left = { $count ->
        [0] Det var ditt sista försök: ett fel till avslutar det här försöket.
        [one] Du har 1 försök kvar.
       *[other] Du har { $count } försök kvar.
    }
code-expired = Koden har gått ut. Be om en ny kod och ange den senaste.
code-not-sent = Ingen kod har skickats än. Använd knappen nedan för att få en.
code-replayed = Koden har redan använts. Vänta tills appen visar en ny kod och ange den.
unlock-ready-title = Du har bekräftat att det är du
unlock-ready-lead = Lås upp ditt konto nu. Ditt lösenord förblir detsamma.
unlock-button = Lås upp mitt konto
password-title = Välj ett nytt lösenord
password-lead = Din organisations lösenordsregler gäller. En lång lösenfras av flera orelaterade ord är lätt att komma ihåg och svår att gissa.
password-button = Spara det nya lösenordet
reset-done-title = Ditt lösenord har återställts
reset-done-password = Lösenordet för { $username } byttes ut { $when }. Ditt gamla lösenord fungerar inte längre.
reset-done-unlocked = Ditt konto är upplåst.
reset-done-must-change = Du kommer att få välja ett annat lösenord nästa gång du loggar in.
reset-done-sessions-kept = Dina andra enheter och appar kan fortfarande vara inloggade med det gamla lösenordet. Logga ut från dem nu, eller be it-supporten att logga ut dig överallt.
reset-done-next = Ditt nya lösenord fungerar nu. Använd det på alla enheter där du loggar in (e-postappar i mobilen, VPN, wifi). Om det inte var du, kontakta it-supporten genast.
unlock-done-title = Ditt konto är upplåst
unlock-done-unlocked = { $username } låstes upp { $when }.
unlock-done-password-kept = Ditt lösenord har inte ändrats: logga in med det som vanligt.
unlock-done-next = Om kontot fortsätter att låsas kan en enhet fortfarande använda ett gammalt lösenord. Kontrollera e-postappen i mobilen och inställningarna för VPN och wifi.

## Byta

change-title = Byt ditt lösenord
change-lead = Du behöver ditt nuvarande lösenord.
change-forgot = Har du glömt det? Återställ det i stället.
change-signed-in-as = Inloggad som { $login }.
change-button = Byt lösenord
change-done-title = Ditt lösenord har bytts
change-done-password = Lösenordet för { $username } byttes { $when }. Ditt gamla lösenord fungerar inte längre.
change-done-next = Använd ditt nya lösenord från och med nu, på alla enheter där du loggar in (e-postappar i mobilen, VPN, wifi).
change-done-register = Har du konfigurerat återställningsmetoder? Med dem kan du återställa ett glömt lösenord utan it-supporten.
change-same-as-old = Det nya lösenordet måste skilja sig från det nuvarande.
change-expired = Ditt lösenord har gått ut och katalogen godtar det inte längre, inte ens för att byta det. Välj "Jag har glömt mitt lösenord" på startsidan för att välja ett nytt.
password-expires-in-days = Ditt lösenord går ut om { $days } dagar. Byt det innan dess.
password-expires-in-hours = Ditt lösenord går ut om { $hours ->
        [one] 1 timme
       *[other] { $hours } timmar
    }. Byt det nu.
password-grace-logins-left = Ditt lösenord har gått ut. Du kan logga in med det { $count ->
        [one] 1 gång till
       *[other] { $count } gånger till
    }; byt det nu.
change-wrong-current = Ditt nuvarande lösenord är inte rätt. Kontrollera det och försök igen.

## Registrera

register-sign-in-title = Logga in för att konfigurera återställningsmetoder
register-sign-in-lead = Använd ditt vanliga användarnamn och lösenord.
register-title = Logga in för att registrera
methods-title = Dina återställningsmetoder
methods-lead = Inloggad som { $name }. Med dem kan du själv återställa ditt lösenord eller låsa upp ditt konto.
methods-still-needed = { $count ->
        [one] Registrera 1 metod till för att fortsätta.
       *[other] Registrera { $count } metoder till för att fortsätta.
    }
methods-required = { $count ->
        [one] Din organisation kräver 1 metod.
       *[other] Din organisation kräver { $count } olika metoder.
    }
methods-registered = Registrerade
methods-none = Inget än.
methods-col-method = Metod
methods-col-added = Tillagd
methods-col-action = Åtgärd
methods-directory-email = E-post: { $address } (från ditt konto)
methods-email = E-post: { $address }
methods-totp = Autentiseringsapp
methods-questions = Säkerhetsfrågor
methods-remove = Ta bort
methods-remove-label = Ta bort { $method }
methods-add-email = Lägg till en e-postadress
methods-send-code = Skicka en kod till den här adressen
methods-add-totp = Lägg till en autentiseringsapp
methods-add-totp-text = En app i mobilen (Microsoft Authenticator, Google Authenticator, FreeOTP…) som visar en ny sexsiffrig kod var 30:e sekund.
methods-add-totp-button = Konfigurera en autentiseringsapp
methods-finish = Slutför och logga ut
methods-sign-out = Logga ut utan att slutföra
methods-added = Din nya metod är registrerad.
methods-add-voided = För många felaktiga koder: metoden lades inte till. Du kan försöka igen.
methods-removed = Metoden har tagits bort.
methods-bad-address = Det ser inte ut som en e-postadress. Kontrollera den och försök igen.
methods-keep-one = Lägg till en annan metod innan du tar bort den här: du behöver minst det antal som krävs.
methods-review-title = Är de fortfarande dina?
methods-review-text = Kontrollera metoderna nedan: ta bort adresser eller appar som du inte längre har och lägg till nya. Bekräfta sedan.
methods-review-button = De är fortfarande mina
methods-review-thanks = Tack: dina metoder är bekräftade.
methods-need-more = Du behöver registrera fler metoder innan du kan slutföra.
confirm-email-title = Titta i din e-post
confirm-email-lead = Vi har skickat en kod till { $address }. Ange den nedan för att bekräfta adressen. Det kan ta en minut innan den kommer; titta även i skräpposten.
confirm-totp-title = Konfigurera din autentiseringsapp
confirm-totp-1 = Öppna din autentiseringsapp och välj att lägga till ett konto.
confirm-totp-2 = Skanna den här QR-koden med appen.
confirm-totp-qr = QR-kod att skanna med din autentiseringsapp
confirm-totp-3 = Går det inte att skanna? Ange den här nyckeln i stället:
confirm-totp-4 = Ange den sexsiffriga kod som appen nu visar.
confirm-button = Bekräfta
confirm-cancel = Avbryt och gå tillbaka
confirm-code-expired = Koden har gått ut. Gå tillbaka och lägg till adressen igen för att få en ny kod.
confirm-code-unusable = Koden kan inte användas. Gå tillbaka och börja om.
register-done-title = Nu är allt klart
register-done-method = Registrerad: { $method }
register-done-signed-out = Du har loggats ut.
register-done-next = Om du någon gång glömmer ditt lösenord eller blir utelåst, kom tillbaka hit och välj "Jag har glömt mitt lösenord" eller "Mitt konto är låst".
sign-in-failed = Vi kunde inte logga in dig med det användarnamnet och lösenordet. Kontrollera båda och försök igen. Om du har glömt ditt lösenord, återställ det; om ditt konto är låst, lås upp det.
out-of-scope = Självbetjäning är inte aktiverad för ditt konto. Kontakta it-supporten.
must-change = Ditt lösenord har gått ut eller måste bytas innan du kan fortsätta. Byt det först och kom sedan tillbaka.
oidc-continue-title = Du loggas in

## Nya lösenord

new-password-empty = Ange ett nytt lösenord.
new-password-too-long = Det nya lösenordet är för långt: använd högst 256 tecken.
new-password-mismatch = De två nya lösenorden är inte likadana. Skriv samma lösenord i båda fälten.
policy-too-short = Det nya lösenordet är för kort enligt din organisations regler. Välj ett längre.
policy-too-long = Det nya lösenordet är längre än din organisation tillåter. Välj ett kortare.
policy-in-history = Du har använt det här lösenordet nyligen. Välj ett som du inte har använt förut.
policy-too-young = Ditt lösenord byttes för nyligen för att kunna bytas igen. Försök igen senare, eller använd återställningssidan om du har glömt det.
policy-quality = Det nya lösenordet är inte tillräckligt komplext enligt din organisations regler. Blanda stora och små bokstäver, siffror och symboler, eller använd en längre lösenfras.
policy-not-allowed = Din organisation tillåter inte att det här lösenordet byts här. Kontakta it-supporten.
policy-old-password-needed = Ditt nuvarande lösenord behövs för den här ändringen.
policy-other = Din organisations lösenordsregler godtog inte det nya lösenordet. Välj ett annat, längre.

## "Det var inte jag"

disown-title = Det var inte jag
disown-ask-1 = Om det inte var du som gjorde det som mejlet beskrev kan någon annan ha tagit sig in på ditt konto eller i dess återställningsmetoder.
disown-ask-2 = Stoppa självbetjäningen för ditt konto nu: ingen kommer att kunna återställa, låsa upp eller byta dess lösenord eller lägga till återställningsmetoder här, och pågående försök avslutas. It-supporten får veta det och kan häva spärren när ditt konto är säkert.
disown-button = Stoppa självbetjäningen för mitt konto
disown-was-me = Det var jag ändå
disown-done-title = Självbetjäningen är stoppad för ditt konto
disown-done-1 = Ingen kan återställa, låsa upp eller byta ditt lösenord här förrän it-supporten häver spärren. Pågående försök har avslutats och it-supporten har fått veta det.
disown-done-2 = Kontakta it-supporten nu så att de kan kontrollera ditt konto och ge dig ett nytt lösenord.
disown-spent-title = Den här länken kan inte användas
disown-spent-1 = Den har redan använts eller har gått ut. Om du fortfarande tror att någon annan har använt ditt konto, kontakta it-supporten nu.

## Kiosk

kiosk-footer = Det här är en delad dator. När du är klar sparas inget av det du har skrivit.
kiosk-idle-title = Är du kvar?
kiosk-idle-text = För att skydda din integritet går den här sidan tillbaka till början och glömmer det du har skrivit.
kiosk-idle-seconds = { $seconds ->
        [one] 1 sekund kvar.
       *[other] { $seconds } sekunder kvar.
    }
kiosk-idle-stay = Jag är kvar
kiosk-phone-title = Fortsätt i mobilen
kiosk-phone-text = Skanna den här koden med mobilens kamera om du hellre vill göra det här i din egen mobil.
kiosk-phone-qr = QR-kod som öppnar den här sidan i din mobil
kiosk-done = Gå nu tillbaka till inloggningsskärmen och logga in.
kiosk-finish = Klar

## Fel

error-reference = Referens: { $reference } (fel { $status })
error-offer-reset = Återställ ditt lösenord
error-unavailable-title = Lösenordstjänsterna är inte tillgängliga just nu
error-unavailable = Inget har ändrats. Tjänsten som kontrollerar och byter lösenord svarar inte just nu. Försök igen om några minuter; om det fortsätter, kontakta it-supporten.
error-unconfirmed-title = Vi kunde inte bekräfta ändringen
error-unconfirmed = Ändringen skickades, men inget svar kom tillbaka, så den kan ha genomförts eller inte. Om du valde ett nytt lösenord, försök logga in med det; om det inte fungerar gäller ditt gamla lösenord fortfarande: logga in med det eller börja om. Om inget av dem fungerar, kontakta it-supporten. Vi har skickat ett meddelande till dina e-postadresser, och ändringen är registrerad som obekräftad.
error-refused-title = Det här kontot kan inte ändras här
error-refused = Din organisation tillåter inte att den här tjänsten ändrar det här kontot (det är vanligt för administratörskonton). Inget har ändrats, och det hjälper inte att försöka igen. Kontakta it-supporten.
error-rate-limited-title = För många försök
error-rate-limited = För allas säkerhet finns det en gräns för hur ofta detta kan prövas. Inget har ändrats.
error-paused-title = Självbetjäningen är pausad för det här användarnamnet
error-paused = Det har gjorts för många försök att återställa lösenordet för det här användarnamnet de senaste 24 timmarna, så självbetjäningen är pausad för det. Om du behöver få ditt lösenord återställt nu, kontakta it-supporten.
error-unlock-by-reset-title = Ditt konto kan inte låsas upp här
error-unlock-by-reset = Ditt konto finns i Microsoft Entra ID. Utelåsningen efter för många felaktiga lösenord kan inte hävas härifrån: den upphör av sig själv när utelåsningstiden är slut. Du kan välja ett nytt lösenord nu, så att det som prövas inte längre fungerar. Inget har ändrats än.
error-expired-title = Det här försöket har avslutats
error-expired = Tiden tog slut, det slutfördes eller så angavs för många felaktiga koder. Börja om.
error-out-of-step-title = Den här sidan är inaktuell
error-out-of-step = Den kan ha öppnats i en annan flik eller redan ha använts. Börja om.
error-voided-title = För många felaktiga koder
error-voided = För din säkerhet har det här försöket avslutats och inget har ändrats. Du kan börja om; om du inte har bett om någon kod kan du bortse från detta.
error-csrf-title = Formuläret har gått ut
error-csrf = För din säkerhet kunde formuläret inte tas emot. Gå tillbaka, ladda om sidan och försök igen.
error-bad-form-title = Formuläret kunde inte läsas
error-bad-form = Gå tillbaka, ladda om sidan och försök igen.
error-too-large-title = För mycket skickades
error-too-large = Det du skickade är större än vad formuläret tar emot. Gå tillbaka och korta ner det du skrev.
error-internal-title = Något gick fel hos oss
error-internal = Inget har ändrats. Försök igen; om det fortsätter, ge it-supporten referensen nedan.
error-not-found-title = Sidan hittades inte
error-not-found = Det finns ingen sida på den här adressen. Börja från startsidan.
error-timeout-title = Det tog för lång tid
error-timeout = Inget har ändrats. Försök igen.
error-method-title = Sidan kan inte användas på det sättet
error-method = Börja från startsidan.
error-other-title = Begäran kunde inte hanteras
error-other = Börja från startsidan.
wait-seconds = Du kan försöka igen om mindre än en minut.
wait-minutes = Du kan försöka igen om { $minutes ->
        [one] ungefär en minut
       *[other] ungefär { $minutes } minuter
    }.
wait-hours = Du kan försöka igen om ungefär { $hours } timmar.
wait-day = Du kan försöka igen om ungefär ett dygn.

## Datum

date-time = { $weekday } { $day } { $month } { $year } kl. { $time } { $zone }
date-unknown = en okänd tidpunkt
weekday-1 = måndag
weekday-2 = tisdag
weekday-3 = onsdag
weekday-4 = torsdag
weekday-5 = fredag
weekday-6 = lördag
weekday-7 = söndag
month-1 = januari
month-2 = februari
month-3 = mars
month-4 = april
month-5 = maj
month-6 = juni
month-7 = juli
month-8 = augusti
month-9 = september
month-10 = oktober
month-11 = november
month-12 = december

## Mejl

mail-hello = Hej!
mail-hello-name = Hej { $name }!
mail-code-subject = Din kod från { $org } för att { $action }
mail-code-is = Din kod för att { $action } är:
mail-code-action-reset = återställa ditt lösenord
mail-code-action-unlock = låsa upp ditt konto
mail-code-action-confirm = bekräfta den här e-postadressen
mail-code-action-sign-in = logga in
mail-code-expiry = { $minutes ->
        [one] Den går ut om 1 minut.
       *[other] Den går ut om { $minutes } minuter.
    } Skriv in den på sidan där du bad om den. Den kan bara användas en gång.
mail-code-not-you = Om det inte var du kan du bortse från det här mejlet; ingen kan använda koden utan att också känna till ditt användarnamn. Berätta aldrig koden för någon, inte ens för it-supporten.
mail-changed-subject = Ditt lösenord hos { $org } har bytts
mail-changed = Lösenordet för ditt konto hos { $org } har bytts.
mail-changed-risk = kan någon annan känna till ditt lösenord
mail-reset-subject = Ditt lösenord hos { $org } har återställts
mail-reset = Lösenordet för ditt konto hos { $org } har återställts via självbetjäningsportalen.
mail-reset-risk = kan någon annan ha tagit sig in på ditt konto
mail-unconfirmed-subject = Ditt lösenord hos { $org } kan ha bytts
mail-unconfirmed = Någon bad om att byta lösenordet för ditt konto hos { $org }. Ändringen skickades, men inget svar kom tillbaka, så den kan ha genomförts eller inte.
mail-unconfirmed-risk = kan någon annan ha försökt ta sig in på ditt konto
mail-unlocked-subject = Ditt konto hos { $org } har låsts upp
mail-unlocked = Ditt konto hos { $org } har låsts upp via självbetjäningsportalen. Ditt lösenord har inte ändrats.
mail-unlocked-risk = kan någon annan försöka ta sig in på ditt konto
mail-method-added-subject = En återställningsmetod har lagts till på ditt konto hos { $org }
mail-method-added = Ett nytt sätt att bekräfta att det är du har lagts till på ditt konto hos { $org }: { $method }.
mail-method-removed-subject = En återställningsmetod har tagits bort från ditt konto hos { $org }
mail-method-removed = Ett sätt att bekräfta att det är du har tagits bort från ditt konto hos { $org }: { $method }.
mail-method-risk = kan någon annan försöka ta över ditt konto
mail-when = När
mail-from = Från
mail-unknown-address = en okänd adress
mail-was-you = Om det var du behöver du inte göra något mer.
mail-disown = Om det inte var du, stoppa självbetjäningen för ditt konto genast genom att öppna den här länken (den fungerar en gång): { $link }
mail-not-you = Om det inte var du { $risk }: kontakta it-supporten direkt och berätta om det här mejlet. Självbetjäningsportalen finns på { $url }

## Administration
error-not-admin-title = Inte för det här kontot
error-not-admin = Administrationen är bara till för medlemmar i administratörsgrupperna. Ditt konto är inte med i någon av dem. Om du behöver åtkomst, be teamet som driver portalen.
admin-sign-in-title = Inloggning för administratörer
admin-sign-in-lead = Logga in med ditt lösenord i katalogen. Sedan bekräftar du att det är du med en andra metod som du har registrerat.
admin-sign-in-oidc = Logga in med ditt Microsoft-konto
admin-needs-method = Administratörer måste bekräfta att det är de med en andra metod. Registrera först en autentiseringsapp eller en e-postadress och logga sedan in här igen.
admin-verify-title = Bekräfta att det är du
admin-verify-lead = Använd en av metoderna du har registrerat.
admin-verify-totp = Kod från din autentiseringsapp
admin-verify-email = Kod via e-post
admin-verify-send = Skicka en kod till min registrerade adress
admin-verify-email-sent = Vi har skickat en kod till din registrerade adress. Det kan ta en minut innan den kommer.
admin-nav-label = Administration
admin-nav-home = Översikt
admin-nav-coverage = Registrering
admin-nav-activity = Aktivitet
admin-nav-audit = Granskningslogg
admin-signed-in-as = Inloggad som { $name }
admin-home-title = Översikt
admin-status-title = Status
admin-status-service = Tjänst
admin-status-now = Nu
admin-status-last-error = Senaste fel sedan start
admin-status-directory = Katalog
admin-status-database = Databas
admin-status-mail = E-postserver
admin-status-ok = Svarar
admin-status-unavailable = Svarar inte
admin-status-none = Inget
admin-agents-title = Återskrivningsagenter
admin-agents-none = Ingen agent är registrerad.
admin-agent-name = Agent
admin-agent-host = Värd
admin-agent-version = Version
admin-agent-heartbeat = Senaste livstecken
admin-agent-never = aldrig
admin-agent-outdated = äldre än { $min }, den äldsta som portalen stöder: uppgradera den
admin-home-period = { $from } till { $to }
admin-see-activity = Aktivitet i detalj
admin-see-coverage = Vilka som har registrerat sig
admin-activity = Aktivitet
admin-activity-register = Registreringar
admin-activity-change = Lösenordsbyten
admin-activity-reset = Lösenordsåterställningar
admin-activity-unlock = Upplåsta konton
admin-started = Påbörjade
admin-succeeded = Lyckade
admin-success-rate = Andel lyckade
admin-failed-steps = Misslyckade steg
admin-failed = Misslyckade
admin-totals-caption = Totalt för perioden
admin-activity-title = Aktivitet
admin-period-shown = Från { $from } till { $to } (UTC).
admin-bad-period = Datumen måste skrivas som 2026-11-30, det första får inte vara senare än det andra och de får ligga högst 366 dagar isär. De senaste 30 dagarna visas i stället.
admin-bad-date = Datum måste skrivas som 2026-11-30. Sökningen bortsåg från datumet som inte var det.
admin-from = Från
admin-to = Till
admin-show = Visa
admin-last = Senaste:
admin-n-days = { $days } dagar
admin-download-csv = Ladda ned som CSV
admin-definitions = Hur de räknas
admin-definition-succeeded = Lyckade: en registrerad metod, ett bytt lösenord, ett återställt lösenord eller ett upplåst konto.
admin-definition-started = Påbörjade: återställningar och upplåsningar som har påbörjats (ett användarnamn har angetts), försök att byta lösenord och inloggningar för registrering. Registreringar har ingen andel lyckade, eftersom en inloggning kan lägga till flera metoder.
admin-definition-failed = Misslyckade steg: varje steg som slutade med ett fel. Ett försök kan misslyckas i flera steg (en felaktig kod, sedan den rätta) och ändå lyckas.
admin-per-day = Per dag
admin-chart-title = Lyckade per dag, { $from } till { $to }
admin-chart-caption = Lyckade per dag efter aktivitet. Tabellen nedan har samma siffror.
admin-per-day-caption = Lyckade per dag efter aktivitet, och misslyckade steg
admin-date = Datum
admin-methods-title = Per metod
admin-method = Metod
admin-methods-used = Använda metoder
admin-completed-with = Slutförda med
admin-nothing-yet = Inget under den här perioden.
admin-method-email = Kod via e-post
admin-method-totp = Autentiseringsapp
admin-method-password = Lösenord
admin-method-oidc = Enkel inloggning (SSO)
admin-method-questions = Säkerhetsfrågor
admin-method-sms = Kod via sms
admin-method-passkey = Lösennyckel
admin-failures-title = Varför steg misslyckades
admin-reason = Orsak
admin-reason-codes = Orsakskoderna bakom de här grupperna
admin-failure-wrong-code = Fel kod eller svar, eller en kod som har gått ut
admin-failure-wrong-password = Fel lösenord
admin-failure-locked-out = Utelåst eller pausad
admin-failure-policy = Avvisat av lösenordsreglerna
admin-failure-directory-unavailable = Katalogen inte tillgänglig
admin-failure-rate-limited = Gränsen för antal försök nådd
admin-failure-not-allowed = Inte tillåtet (utanför omfattningen, inte administratör)
admin-failure-other = Övrigt
admin-coverage-title = Registrering
admin-coverage-directory-error = Katalogen kunde inte listas, så det är okänt vilka som omfattas. Översikten visar katalogens senaste fel.
admin-coverage-in-scope = Personer som omfattas
admin-coverage-enough = Har registrerat tillräckligt ({ $required } metoder eller fler)
admin-coverage-partly = Har registrerat något, men inte tillräckligt
admin-coverage-none = Har inte registrerat något
admin-coverage-truncated = Listningen av katalogen stannade vid admin.max_listed_accounts: det finns fler personer än som visas.
admin-coverage-listed-at = Katalogen lästes { $time }.
admin-coverage-refresh = Läs den igen
admin-coverage-listing = Katalogen listas: { $count ->
    [one] 1 konto hittills.
   *[other] { $count } konton hittills.
} Sidan laddas om av sig själv tills listningen är klar.
admin-coverage-listing-reload = Ladda om nu
admin-coverage-listing-failed = Listningen stannade efter { $count ->
    [one] 1 konto.
   *[other] { $count } konton.
}
admin-coverage-listing-retry = Försök igen
admin-coverage-show = Visa
admin-coverage-show-all = Alla som omfattas
admin-coverage-show-missing = Inte tillräckligt registrerade
admin-coverage-show-enough = Tillräckligt registrerade
admin-search-person = Namn eller användarnamn
admin-matching = { $count ->
    [one] 1 träff
   *[other] { $count } träffar
}
admin-name = Namn
admin-methods-registered = Registrerade metoder
admin-registered-when = Först registrerad
admin-enough = Tillräckligt
admin-yes = Ja
admin-no = Nej
admin-audit-title = Granskningslogg
admin-event = Händelse
admin-outcome = Utfall
admin-any = Alla
admin-search = Sök
admin-time = Tid (UTC)
admin-person = Person
admin-source = Källadress
admin-user-agent = Webbläsare
admin-pages-label = Sidor
admin-page-previous = Föregående sida
admin-page-next = Nästa sida
admin-page-n-of-m = Sida { $page } av { $pages }
admin-sign-out = Logga ut

## Säkerhetsfrågor
methods-add-questions = Lägg till säkerhetsfrågor
methods-add-questions-text = Svar som bara du känner till på { $count } frågor. De sparas i en form som ingen kan läsa tillbaka, inte ens it-supporten.
methods-add-questions-button = Konfigurera säkerhetsfrågor
methods-change-questions-button = Ändra mina säkerhetsfrågor
methods-questions-not-alone = För ditt konto räknas säkerhetsfrågor bara tillsammans med en annan metod.
questions-register-title = Dina säkerhetsfrågor
questions-register-lead = Välj { $count } olika frågor och svara på var och en. När du återställer ditt lösenord eller låser upp ditt konto får du svara på några av dem.
questions-fix-below = Några svar behöver göras om: se anvisningarna nedan.
questions-n = Fråga { $n }
questions-field-question = Fråga
questions-own-option = Skriv en egen fråga
questions-field-own = Din egen fråga
questions-field-own-hint = Bara om du valde ”Skriv en egen fråga” ovan.
questions-field-answer = Svar
questions-answer-rules = Varje svar måste ha minst { $count } bokstäver eller siffror och skilja sig från de andra. Stora bokstäver, accenter och extra mellanslag spelar ingen roll.
questions-save = Spara mina frågor
questions-back = Tillbaka till mina metoder
questions-pick-one = Välj en av frågorna i listan.
questions-own-short = Skriv en fråga på minst 5 tecken, eller välj en i listan.
questions-own-long = Din fråga är för lång: håll den under 200 tecken.
questions-question-repeated = Du har redan valt den här frågan: välj en annan.
questions-answer-short = Svaret är för kort.
questions-answer-repeated = Svaret är detsamma som ett annat: varje svar måste vara olika.
questions-answer-is-question = Svaret upprepar bara frågan.
questions-answer-title = Svara på dina säkerhetsfrågor
questions-answer-lead = Skriv de svar du gav när du registrerade dig. Stora bokstäver, accenter och extra mellanslag spelar ingen roll.
questions-wrong = Ett eller flera svar är inte rätt. { code-tries-left }
question-first-pet = Vad hette ditt första husdjur?
question-birth-city = I vilken ort föddes du?
question-first-school = Vad hette din första skola?
question-childhood-friend = Vad hette din bästa vän i barndomen i förnamn?
question-first-car = Vilket märke och vilken modell var din första bil?
question-favourite-teacher = Vad hette din favoritlärare i efternamn?
question-first-job = Vad hette företaget där du hade ditt första jobb?
question-parents-met = I vilken ort träffades dina föräldrar?

## Lösenordskvalitet (policy/quality.rs): kontrolleras innan katalogen tillfrågas

quality-rules = { $classes ->
    [1] Använd minst { $length } tecken.
   *[other] Använd minst { $length } tecken, med { $classes } av dessa: små bokstäver, stora bokstäver, siffror, symboler.
} Inte ditt namn, och inte ett vanligt ord eller lösenord.
quality-refused = Det här nya lösenordet kan inte användas. Orsakerna står under fältet för det nya lösenordet: välj ett annat.
quality-ok = Lösenordet uppfyller reglerna som kontrolleras här.
quality-too-short = Det är för kort: använd minst { $min } tecken.
quality-classes = Blanda minst { $min } av dessa: små bokstäver, stora bokstäver, siffror, symboler.
quality-own-name = Det innehåller ditt namn eller användarnamn.
quality-banned = Det består mest av ord som är lätta att gissa, till exempel ”lösenord”, en årstid eller organisationens namn. Lägg till fler egna ord.
quality-breached = Det finns på en lista över lösenord som har läckt ut vid dataintrång, och sådana provar angripare först.
quality-guessable = Det skulle vara för lätt att gissa.
quality-warn-keyboard-rows = Raka rader av tangenter är lätta att gissa.
quality-warn-keyboard-short = Korta tangentbordsmönster är lätta att gissa.
quality-warn-repeats = Upprepningar som ”aaa” är lätta att gissa.
quality-warn-repeated-groups = Upprepningar som ”abcabcabc” är bara lite svårare att gissa än ”abc”.
quality-warn-top-10 = Det här är ett av de tio vanligaste lösenorden.
quality-warn-top-100 = Det här är ett av de hundra vanligaste lösenorden.
quality-warn-common = Det här är ett mycket vanligt lösenord.
quality-warn-similar = Det här liknar ett vanligt lösenord.
quality-warn-sequences = Sekvenser som ”abc” eller ”6543” är lätta att gissa.
quality-warn-recent-years = Årtal från de senaste åren är lätta att gissa.
quality-warn-word = Ett ensamt ord är lätt att gissa.
quality-warn-dates = Datum är ofta lätta att gissa.
quality-warn-names = Förnamn och efternamn för sig är lätta att gissa.
quality-warn-common-names = Vanliga förnamn och efternamn är lätta att gissa.
quality-tip-few-words = Använd några ord och undvik vanliga fraser.
quality-tip-no-symbols-needed = Symboler, siffror och stora bokstäver behövs inte.
quality-tip-another-word = Lägg till ett eller två ord till. Ovanliga ord är bättre.
quality-tip-capitals = Stora bokstäver hjälper inte särskilt mycket.
quality-tip-all-capitals = Bara stora bokstäver är nästan lika lätt att gissa som bara små.
quality-tip-reversed = Ord som stavas baklänges är inte mycket svårare att gissa.
quality-tip-substitutions = Förutsägbara utbyten som ”@” i stället för ”a” hjälper inte särskilt mycket.
quality-tip-keyboard = Använd ett längre tangentbordsmönster med fler svängar.
quality-tip-repeats = Undvik upprepade ord och tecken.
quality-tip-sequences = Undvik sekvenser.
quality-tip-recent-years = Undvik årtal från de senaste åren.
quality-tip-your-years = Undvik årtal som har med dig att göra.
quality-tip-your-dates = Undvik datum och årtal som har med dig att göra.

## Sms
sms-code-text = Din kod från { $org }: { $code }
choose-sms = Sms:a mig en kod
code-sms-title = Ange koden från sms:et
code-sms-lead = Om det här kontot har ett registrerat mobilnummer har vi skickat en kod dit med sms. Den gäller i { $minutes ->
        [one] 1 minut
       *[other] { $minutes } minuter
    }.
code-sms-failed = Vi kunde inte skicka något sms just nu. Försök igen om några minuter eller välj en annan metod.
code-resend-sms = Skicka ett nytt sms
methods-sms = Sms: { $number }
methods-add-sms = Lägg till ett mobilnummer
field-phone = Mobilnummer
field-phone-hint = Med landsnummer, till exempel +46 70 123 45 67. Vi skickar en kod med sms för att kontrollera det.
methods-send-text = Sms:a en kod till det här numret
methods-bad-number = Det ser inte ut som ett mobilnummer. Kontrollera det och försök igen.
methods-number-no-country = Lägg till landsnumret, som börjar med + (till exempel +46 för Sverige).
confirm-sms-title = Bekräfta ditt mobilnummer
confirm-sms-lead = Vi har skickat en kod till { $number } med sms. Ange den nedan för att bekräfta numret. Det kan ta en minut innan den kommer.
admin-status-sms = Sms-gateway

## Lösennycklar
methods-passkey = Lösennyckel ”{ $name }”
methods-add-passkey = Lägg till en lösennyckel eller säkerhetsnyckel
methods-add-passkey-text = En lösennyckel sparas i din mobil, din dator eller en säkerhetsnyckel, och du låser upp den med fingeravtryck, ansikte eller pinkod. Den fungerar bara på portalens egen adress, så en falsk webbplats kan inte använda den.
field-passkey-name = Namn på lösennyckeln
field-passkey-name-hint = Så att du kan skilja dina lösennycklar åt, till exempel ”Jobbdatorn” eller ”Blå säkerhetsnyckel”.
methods-add-passkey-button = Skapa en lösennyckel
passkey-working = Gör som din webbläsare eller säkerhetsnyckel ber dig.
passkey-cancelled = Lösennyckeln användes inte: begäran avbröts eller tog för lång tid. Försök igen eller välj ett annat sätt.
passkey-failed = Det fungerade inte. Försök igen eller välj ett annat sätt.
passkey-unsupported = Den här webbläsaren kan inte använda lösennycklar. Välj ett annat sätt eller använd en annan webbläsare.
passkey-needs-script = Lösennycklar kräver JavaScript i webbläsaren. Slå på det eller välj ett annat sätt.
passkey-name-missing = Ge lösennyckeln ett namn, så att du kan känna igen den senare.
passkey-registered-already = Den här lösennyckeln eller säkerhetsnyckeln är redan registrerad.
choose-passkey = Använd en lösennyckel eller säkerhetsnyckel
passkey-use-title = Använd din lösennyckel
passkey-use-lead = När du trycker på knappen ber webbläsaren om din lösennyckel. Lås upp den med fingeravtryck, ansikte eller pinkod.
passkey-use-button = Använd min lösennyckel
passkey-wrong = Lösennyckeln godtogs inte. { code-tries-left }

# En ny metod kräver att en befintlig används först
prove-title = Bekräfta att det är du
prove-lead = Du har redan en registrerad metod. Innan du lägger till eller tar bort en metod, använd en som du har: bara lösenordet räcker inte.
prove-back = Tillbaka till mina metoder
prove-passed = Tack: nu kan du lägga till eller ta bort metoder.
methods-prove-first = För att lägga till eller ta bort en metod måste du först bekräfta att det är du med en metod du redan har.
methods-prove-button = Bekräfta att det är jag
admin-method-too-new = Din andra metod registrerades för nyligen för att du ska kunna öppna administrationen. Försök igen när väntetiden har gått, eller be en annan administratör.

## Katalogens egna lösenordsregler (Active Directory: domänprincip eller kontots PSO)
dir-rule-length = Din organisations katalog kräver minst { $length } tecken.
dir-rule-complexity = Det måste innehålla tre av dessa: stora bokstäver, små bokstäver, siffror, symboler; och inte ditt kontonamn eller en del av ditt fullständiga namn.
dir-rule-history = Det får inte vara något av dina { $count } senaste lösenord.
dir-rule-min-age = { $hours ->
    [one] Efter ett byte kan lösenordet inte bytas igen på 1 timme.
   *[other] Efter ett byte kan lösenordet inte bytas igen på { $hours } timmar.
}
dir-rules-most = Det här är reglerna för de flesta konton; dina kan vara strängare.
dir-why-too-young = Du bytte lösenord nyligen; det kan bytas igen efter { $when }.
dir-why-too-short = Ditt konto kräver ett lösenord på minst { $length } tecken.
dir-why-not-complex = Använd tre av dessa: stora bokstäver, små bokstäver, siffror, symboler.
dir-why-name = Det får inte innehålla ditt kontonamn eller en del av ditt fullständiga namn.
dir-why-history = Det får inte vara något av dina { $count } senaste lösenord.

choose-email-needs = Du behöver: din e-post, på den här eller en annan enhet
choose-sms-needs = Du behöver: mobilen som du har registrerat, med täckning
choose-totp-needs = Du behöver: autentiseringsappen i din mobil
choose-passkey-needs = Du behöver: din lösennyckel eller säkerhetsnyckel, eller enheten som har den
choose-questions-needs = Du behöver: svaren som du gav när du registrerade dig
contact-title = It-supporten
contact-phone = Telefon
contact-email = E-post
contact-hours = Öppettider
contact-location = Besök
contact-url = Webb
code-help-summary = Fick du ingen kod?
code-help-email-spam = Koder brukar komma inom en minut. Titta även i skräpposten.
code-help-sms-wait = Sms brukar komma inom en minut. Kontrollera att mobilen har täckning och inte är i flygplansläge.
code-help-which = Koden skickas bara till den adress eller det nummer som är registrerat här för kontot, och det är kanske inte det du använder varje dag.
code-help-typed = Kontrollera adressen eller numret som visas ovan. Om det är fel, avbryt och ange det igen.
code-help-valid = En kod gäller i { $minutes ->
        [one] en minut
       *[other] { $minutes } minuter
    }. Du kan be om en ny ovan; bara den senaste fungerar.
code-help-never = Om du aldrig har registrerat någon återställningsmetod här kommer ingen kod: välj en annan metod eller kontakta it-supporten.
code-help-phone = Du kan också fortsätta i mobilen på { $url }


## Helpdesk console
helpdesk-sign-in-title = Inloggning för it-supporten
helpdesk-sign-in-lead = Logga in med ditt lösenord i katalogen. Sedan bekräftar du att det är du med en andra metod som du har registrerat.
error-not-helpdesk-title = Inte för det här kontot
error-not-helpdesk = It-supportens konsol är bara till för medlemmar i it-supportens grupper. Ditt konto är inte med i någon av dem. Om du behöver åtkomst, be teamet som driver portalen.
mail-code-action-helpdesk = bekräfta för it-supporten att det är du
mail-code-not-you-helpdesk = Läs bara upp den här koden för den person på it-supporten som du pratar med i telefon, och bara om det var du som ringde it-supporten. Om inte, berätta inte koden för någon och kontakta din it-support.
mail-helpdesk-subject = It-supporten har ändrat något på ditt konto hos { $org }
mail-helpdesk-unlock = It-supporten har låst upp ditt konto hos { $org }. Ditt lösenord har inte ändrats.
mail-helpdesk-reset-link = It-supporten har skickat en länk till dig så att du kan välja ett nytt lösenord för ditt konto hos { $org }.
mail-helpdesk-lift-block = It-supporten har öppnat självbetjäningen (återställning av lösenord och upplåsning) igen för ditt konto hos { $org }.
mail-helpdesk-clear-methods = It-supporten har tagit bort återställningsmetoderna för ditt konto hos { $org }. Registrera dina metoder igen.
mail-helpdesk-risk = kan någon ha övertalat it-supporten att göra det
mail-reset-link-subject = Välj ett nytt lösenord för ditt konto hos { $org }
mail-reset-link = It-supporten har skickat den här länken till dig så att du kan välja ett nytt lösenord för ditt konto hos { $org }. Öppna den och välj ett nytt lösenord; ingen på it-supporten ser det.
mail-reset-link-expiry = Länken fungerar en gång och i { $minutes ->
        [one] 1 minut
       *[other] { $minutes } minuter
    }.
mail-reset-link-not-you = Om du inte har bett it-supporten om det här, öppna inte länken och kontakta din it-support.
reset-link-title = Välj ett nytt lösenord
reset-link-ask = It-supporten har skickat den här länken till dig. Fortsätt för att välja ett nytt lösenord.
reset-link-button = Fortsätt
reset-link-spent = Länken har redan använts eller har gått ut. Be it-supporten om en ny, eller återställ ditt lösenord själv.
reset-link-start-over = Återställ mitt lösenord
helpdesk-nav-label = It-supporten
helpdesk-nav-home = Hitta en person
helpdesk-home-title = It-supporten
helpdesk-search-label = Namn, användarnamn eller e-postadress
helpdesk-search-hint = Minst två tecken.
helpdesk-results-title = Personer som hittades
helpdesk-no-results = Ingen matchar.
helpdesk-name = Namn
helpdesk-results-truncated = Bara de första träffarna visas. Skriv mer för att begränsa sökningen.
helpdesk-requests-title = Begäranden som väntar på en andra person
helpdesk-requests-none = Inga begäranden väntar.
helpdesk-action = Åtgärd
helpdesk-requested-by = Begärd av
helpdesk-reason = Orsak
helpdesk-decision = Beslut
helpdesk-was-verified = den som ringde bekräftad
helpdesk-own-request = Din begäran: en annan person måste godkänna den
helpdesk-approve = Godkänn
helpdesk-reject = Avslå
helpdesk-reject-reason = Skäl att avslå
helpdesk-rejected = Avslagen: inget ändrades. Begäran är stängd.
helpdesk-reject-reason-needed = Skriv ett skäl att avslå begäran.
helpdesk-action-unlock = Lås upp kontot
helpdesk-action-reset-link = Skicka en återställningslänk
helpdesk-action-lift-block = Öppna självbetjäningen igen
helpdesk-action-clear-methods = Ta bort alla återställningsmetoder
helpdesk-person-title = Person
helpdesk-state-title = Kontots status
helpdesk-locked = Låst i katalogen
helpdesk-not-locked = Inte låst
helpdesk-disabled = Inaktiverat i katalogen
helpdesk-expired = Lösenordet har gått ut
helpdesk-must-change = Måste byta lösenord vid nästa inloggning
helpdesk-blocked = Självbetjäningen stängd: { $reason }
helpdesk-not-blocked = Självbetjäningen öppen
helpdesk-paused-until = Lösenordsåterställning pausad till { $until }: för många försök i dag. ”Öppna självbetjäningen igen” häver pausen.
helpdesk-not-paused = Lösenordsåterställning inte pausad
helpdesk-methods-title = Registrerade metoder
helpdesk-no-methods = Inget registrerat. Varje åtgärd måste godkännas av en andra person på it-supporten.
helpdesk-destination = Skickas till
helpdesk-added = Tillagd
helpdesk-verify-caller = Bekräfta den som ringer
helpdesk-cooling-off = Nyligen tillagd: kan inte bekräfta den som ringer än
helpdesk-ask-app-code = Fråga efter appens kod
helpdesk-send-code = Skicka en kod
helpdesk-check-title = Bekräfta den som ringer
helpdesk-check-app = Be den som ringer om koden som autentiseringsappen visar just nu och skriv in den.
helpdesk-check-read-back = En kod har skickats. Be den som ringer att läsa upp den för dig och skriv in den. Du ser den aldrig själv.
helpdesk-code-read = Koden som den som ringer läser upp
helpdesk-actions-title = Åtgärder
helpdesk-verified-until = Den som ringer är bekräftad ({ $method }) till { $until }.
helpdesk-send-confirm = Skicka en bekräftelselänk
helpdesk-confirm-sent = En bekräftelselänk har mejlats till personen. Be hen öppna den på sin egen enhet och bekräfta med sin lösennyckel, och uppdatera sedan den här sidan.
helpdesk-confirm-title = Bekräftelselänk
helpdesk-confirm-waiting = Skickad: väntar på att personen bekräftar med sin lösennyckel, till { $until }.
helpdesk-confirm-confirmed = Personen bekräftade med sin lösennyckel { $at }.
helpdesk-confirm-ended = Länken upphörde utan bekräftelse. Skicka en ny om den som ringer fortfarande är kvar.
helpdesk-refresh = Uppdatera
mail-confirm-link-subject = Bekräfta för it-supporten på { $org } att det är du
mail-confirm-link = Personen på it-supporten som du pratar med ber dig bekräfta att det är du (ditt konto hos { $org }). Öppna länken på din egen enhet och bekräfta med din lösennyckel.
mail-confirm-link-not-you = Om du inte pratar med it-supporten just nu, öppna inte länken och kontakta din it-support.
caller-confirm-title = Bekräfta för it-supporten att det är du
caller-confirm-lead = Personen på it-supporten som du pratar med har bett dig bekräfta att det är du. Bekräfta med din lösennyckel på den här enheten; it-supporten får bara veta att du gjorde det.
caller-confirm-button = Bekräfta med min lösennyckel
caller-confirm-not-you = Om du inte pratar med it-supporten just nu, stäng den här sidan och kontakta din it-support.
caller-confirm-done = Bekräftat. Säg det till personen på it-supporten som du pratar med; du kan stänga den här sidan.
caller-confirm-refused = Din lösennyckel godtogs inte, så länken har upphört. Be it-supporten om en ny.
caller-confirm-spent = Länken har redan använts eller har gått ut. Be it-supporten om en ny.
helpdesk-four-eyes-unverifiable = Den här personen kan inte bekräftas: en åtgärd blir en begäran som en annan person på it-supporten godkänner. Ange en orsak.
helpdesk-verify-first = Bekräfta den som ringer först.
helpdesk-four-eyes-privileged = Ett privilegierat konto: varje åtgärd måste också godkännas av en annan person på it-supporten. Ange en orsak.
helpdesk-recent-title = Senaste aktivitet
helpdesk-recent-none = Ingen aktivitet nyligen.
helpdesk-check-not-allowed = Du kan inte bekräfta den här personen på det sättet.
helpdesk-verified = Den som ringer är bekräftad.
helpdesk-check-voided = För många felaktiga koder: den här kontrollen har avslutats. Starta en ny om den som ringer fortfarande är kvar.
helpdesk-done = Klart. Personen får ett mejl om det.
helpdesk-requested = Begärt. En annan person på it-supporten måste godkänna det i sin konsol.
helpdesk-no-address = Det finns ingen adress att skicka en återställningslänk till.
helpdesk-approved = Godkänt och klart. Personen får ett mejl om det.
helpdesk-refused-own = Du kan inte göra ändringar på ditt eget konto här. Be en kollega.
helpdesk-refused-out-of-reach = Det här kontot ligger utanför it-supportens räckvidd. Be teamet som driver portalen.
helpdesk-refused-not-verified = Bekräfta den som ringer först: ingenting har ändrats.
helpdesk-reason-needed = Det här måste godkännas av en annan person på it-supporten: skriv en orsak till den personen.
helpdesk-refused-own-request = Du har själv begärt det här: en annan person på it-supporten måste godkänna det.
helpdesk-request-gone = Den här begäran har redan avgjorts eller har gått ut.

## Påminnelser om lösenord som löper ut och registreringskampanjen (flow/reminders.rs)
mail-expiry-subject = { $days ->
        [one] Ditt lösenord för { $org } löper ut inom en dag
       *[other] Ditt lösenord för { $org } löper ut inom { $days } dagar
    }
mail-expiry-body = Ditt lösenord för { $org } löper ut { $when }. Byt det innan dess så att du fortfarande kan logga in.
mail-expiry-change = Öppna den här länken för att byta det nu:
mail-expiry-forgot = Om du har glömt det kan du välja ett nytt här:
mail-expiry-why = Den här påminnelsen kommer några gånger innan lösenordet löper ut och upphör när du har bytt det. Vi ber aldrig om ditt lösenord via e-post.
mail-nudge-subject = Konfigurera lösenordsåterställning för ditt { $org }-konto
mail-nudge-body = Du har ännu inte konfigurerat tillräckligt många sätt att visa att det är du om du glömmer ditt lösenord för { $org }. Det tar några minuter; sedan kan du själv välja ett nytt lösenord när som helst, utan att ringa supporten.
mail-nudge-link = Konfigurera dem här:
mail-nudge-stop = Påminnelserna upphör så snart du har konfigurerat återställning. Vi ber aldrig om ditt lösenord via e-post.
admin-nav-campaign = Kampanj
admin-campaign-title = Registreringskampanj
admin-campaign-off = Kampanjen är avstängd. Slå på den med enabled = true under [campaign] i konfigurationen.
admin-campaign-settings = En påminnelse var { $every }:e dag, högst { $max } per person, till alla som omfattas och inte har registrerat tillräckligt många metoder.
admin-campaign-chart = Registreringstäckning per dag
admin-campaign-day = Dag
admin-campaign-in-scope = Omfattas
admin-campaign-enough = Tillräckligt registrerade
admin-campaign-percent = Täckning
admin-campaign-nudges = Registreringspåminnelser skickade de senaste 30 dagarna
admin-campaign-reminders = Utgångspåminnelser skickade de senaste 30 dagarna
admin-campaign-missing = Saknas fortfarande
admin-campaign-missing-link = Vilka som inte har registrerat tillräckligt
admin-campaign-no-data = Ingen körning har gjorts ännu: diagrammet fylls på dag för dag.

# Admin: webhooks (dead letters)
admin-nav-webhooks = Webhooks
admin-webhooks-title = Webhooks
admin-webhooks-none = Ingen webhook är konfigurerad ([[webhooks]] i konfigurationen).
admin-webhooks-endpoints = Kontohändelser skickas till:
admin-webhooks-pending = { $count ->
    [one] 1 leverans väntar
   *[other] { $count } leveranser väntar
}
admin-webhooks-dead = Olevererade
admin-webhooks-dead-help = Dessa leveranser misslyckades så många gånger som mottagaren tillåter. Åtgärda mottagaren och skicka dem sedan igen.
admin-webhooks-endpoint = Mottagare
admin-webhooks-attempts = Försök
admin-webhooks-last-error = Senaste fel
admin-webhooks-retry = Skicka igen
admin-webhooks-retried = Leveransen är tillbaka i kön.
admin-webhooks-not-dead = Den leveransen är inte (längre) olevererad.
