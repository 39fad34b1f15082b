# rekey: polski. Każdy komunikat z angielskiego katalogu wzorcowego (en/main.ftl) musi tu być,
# z tymi samymi zmiennymi. Tylko zwykły tekst: strony i maile same zabezpieczają to, co wyświetlają.
# Liczebniki: [one] 1, [few] 2–4, 22–24…, *[many] 0, 5–21, 25–31…

## Każda strona

product-name = Samoobsługa haseł
skip-to-content = Przejdź do treści
language-switcher = Język
language-apply = Zmień
footer-never-share = Nigdy nikomu nie podawaj hasła ani kodów. Pomoc techniczna nigdy o nie nie poprosi.
continue = Dalej
pow-working = Sprawdzamy Twoją przeglądarkę. To potrwa kilka sekund…
start-again = Zacznij od nowa
back-to-start = Wróć na początek
return-to = Wróć do poprzedniej strony
sign-in = Zaloguj się
steps-label = Postęp
step-n-of-m = Krok { $now } z { $of }
step-done = Ukończono:
error-box-title = Wystąpił problem
done-what-changed = Co się zmieniło
done-next = Co dalej
done-notice-sent = Potwierdzenie wysłaliśmy na Twoje adresy e-mail.
hint-passwords-match = Oba hasła są takie same.
hint-passwords-differ = Hasła jeszcze się różnią.

## Pola

field-username = Nazwa użytkownika
field-username-hint = Nazwa, której używasz do logowania się do komputera lub poczty.
field-password = Hasło
field-current-password = Obecne hasło
field-new-password = Nowe hasło
field-new-password-hint = Obowiązują zasady haseł Twojej organizacji.
field-new-password-again = Powtórz nowe hasło
field-code = Kod
field-email = Adres e-mail
field-email-hint = Podaj prywatny adres, do którego masz dostęp także wtedy, gdy nie możesz się zalogować. Wyślemy na niego kod, żeby go sprawdzić.

## Kroki

step-username = Nazwa użytkownika
step-verify = Potwierdzenie tożsamości
step-verify-n = Potwierdzenie tożsamości ({ $n } z { $of })
step-new-password = Nowe hasło
step-unlock = Odblokowanie
step-sign-in = Logowanie
step-methods = Wybór metod
step-confirm = Potwierdzenie
step-passwords = Hasła

## Strona startowa

home-title = Zarządzanie hasłem
home-lead = Wybierz, co chcesz zrobić.
home-tasks = Zadania
home-reset = Nie pamiętam hasła
home-reset-text = Potwierdź swoją tożsamość i wybierz nowe hasło.
home-unlock = Moje konto jest zablokowane
home-unlock-text = Potwierdź swoją tożsamość i odblokuj konto, zachowując dotychczasowe hasło.
home-change = Zmień hasło
home-change-text = Znasz obecne hasło i chcesz ustawić nowe.
home-register = Skonfiguruj metody odzyskiwania
home-register-text = Zarejestruj adres e-mail lub aplikację uwierzytelniającą, aby samodzielnie resetować hasło.

## Resetowanie i odblokowanie

reset-title = Resetowanie hasła
unlock-title = Odblokowanie konta
reset-username-lead = Wpisz nazwę użytkownika. Następnie potwierdzisz swoją tożsamość zarejestrowaną metodą i wybierzesz nowe hasło.
unlock-username-lead = Wpisz nazwę użytkownika. Następnie potwierdzisz swoją tożsamość zarejestrowaną metodą; hasło pozostanie bez zmian.
choose-title = Potwierdzenie tożsamości
choose-title-more = Potwierdź jeszcze jedną metodą
choose-lead = Wybierz zarejestrowaną metodę. Jeśli nie masz żadnej zarejestrowanej metody, nie możesz tu kontynuować: skontaktuj się z pomocą techniczną.
choose-email = Wyślij mi kod e-mailem
choose-totp = Użyj kodu z aplikacji uwierzytelniającej
choose-questions = Odpowiedz na moje pytania zabezpieczające
code-email-title = Wpisz kod z wiadomości e-mail
code-email-lead = Jeśli to konto ma zarejestrowany adres e-mail, wysłaliśmy na niego kod. Jest ważny przez { $minutes ->
        [one] 1 minutę
        [few] { $minutes } minuty
       *[many] { $minutes } minut
    }. Wiadomość może dotrzeć dopiero po minucie; sprawdź też folder spamu.
code-totp-title = Wpisz kod z aplikacji uwierzytelniającej
code-totp-lead = Otwórz zarejestrowaną aplikację i wpisz 6-cyfrowy kod, który teraz wyświetla.
code-resend = Wyślij nowy kod
code-other-method = Użyj innej metody
code-wrong = Ten kod jest nieprawidłowy. { code-tries-left }
code-tries-left = { $count ->
        [0] To była ostatnia próba: kolejny błąd zakończy tę procedurę.
        [one] Masz jeszcze 1 próbę.
        [few] Masz jeszcze { $count } próby.
       *[many] Masz jeszcze { $count } prób.
    }
code-expired = Ten kod wygasł. Poproś o nowy kod i wpisz najnowszy.
code-not-sent = Nie wysłano jeszcze żadnego kodu. Użyj przycisku poniżej, aby go otrzymać.
code-replayed = Ten kod został już użyty. Poczekaj, aż aplikacja pokaże nowy kod, i wpisz go.
unlock-ready-title = Twoja tożsamość została potwierdzona
unlock-ready-lead = Możesz teraz odblokować konto. Hasło pozostanie bez zmian.
unlock-button = Odblokuj moje konto
password-title = Wybierz nowe hasło
password-lead = Obowiązują zasady haseł Twojej organizacji. Długie hasło złożone z kilku niezwiązanych ze sobą słów łatwo zapamiętać i trudno odgadnąć.
password-button = Ustaw nowe hasło
reset-done-title = Hasło zostało zresetowane
reset-done-password = Hasło użytkownika { $username } zostało zmienione: { $when }. Stare hasło już nie działa.
reset-done-unlocked = Twoje konto jest odblokowane.
reset-done-must-change = Przy następnym logowaniu trzeba będzie wybrać kolejne hasło.
reset-done-sessions-kept = Inne urządzenia i aplikacje mogą być nadal zalogowane starym hasłem. Wyloguj się z nich teraz albo poproś pomoc techniczną o wylogowanie Cię wszędzie.
reset-done-next = Nowe hasło już działa. Używaj go na wszystkich urządzeniach, na których się logujesz (aplikacje pocztowe w telefonie, VPN, Wi-Fi). Jeśli to nie Ty, natychmiast skontaktuj się z pomocą techniczną.
unlock-done-title = Twoje konto jest odblokowane
unlock-done-unlocked = Konto { $username } zostało odblokowane: { $when }.
unlock-done-password-kept = Hasło się nie zmieniło: zaloguj się nim jak zwykle.
unlock-done-next = Jeśli konto wciąż się blokuje, jakieś urządzenie może nadal używać starego hasła. Sprawdź aplikację pocztową w telefonie oraz ustawienia VPN i Wi-Fi.

## Zmiana

change-title = Zmiana hasła
change-lead = Potrzebujesz obecnego hasła.
change-forgot = Nie pamiętasz go? Zresetuj je.
change-signed-in-as = Zalogowano jako { $login }.
change-button = Zmień hasło
change-done-title = Hasło zostało zmienione
change-done-password = Hasło użytkownika { $username } zostało zmienione: { $when }. Stare hasło już nie działa.
change-done-next = Od teraz używaj nowego hasła na wszystkich urządzeniach, na których się logujesz (aplikacje pocztowe w telefonie, VPN, Wi-Fi).
change-done-register = Czy masz skonfigurowane metody odzyskiwania? Dzięki nim zresetujesz zapomniane hasło bez pomocy technicznej.
change-same-as-old = Nowe hasło musi się różnić od obecnego.
change-expired = Twoje hasło wygasło i katalog już go nie przyjmuje, nawet do zmiany. Aby ustawić nowe, wybierz na stronie startowej „Nie pamiętam hasła”.
password-expires-in-days = Twoje hasło wygaśnie za { $days ->
        [one] 1 dzień
       *[other] { $days } dni
    }. Zmień je wcześniej.
password-expires-in-hours = Twoje hasło wygaśnie za { $hours ->
        [one] 1 godzinę
        [few] { $hours } godziny
       *[many] { $hours } godzin
    }. Zmień je teraz.
password-grace-logins-left = Twoje hasło wygasło. Pozwoli Ci się zalogować jeszcze { $count ->
        [one] 1 raz
       *[other] { $count } razy
    }; zmień je teraz.
change-wrong-current = Obecne hasło jest nieprawidłowe. Sprawdź je i spróbuj ponownie.

## Rejestracja

register-sign-in-title = Zaloguj się, aby skonfigurować metody odzyskiwania
register-sign-in-lead = Użyj swojej zwykłej nazwy użytkownika i hasła.
register-title = Zaloguj się, aby się zarejestrować
methods-title = Twoje metody odzyskiwania
methods-lead = Zalogowano jako { $name }. Dzięki tym metodom samodzielnie zresetujesz hasło lub odblokujesz konto.
methods-still-needed = { $count ->
        [one] Zarejestruj jeszcze 1 metodę, aby kontynuować.
        [few] Zarejestruj jeszcze { $count } metody, aby kontynuować.
       *[many] Zarejestruj jeszcze { $count } metod, aby kontynuować.
    }
methods-required = { $count ->
        [one] Twoja organizacja wymaga 1 metody.
       *[other] Twoja organizacja wymaga { $count } różnych metod.
    }
methods-registered = Zarejestrowane
methods-none = Jeszcze nic.
methods-col-method = Metoda
methods-col-added = Dodano
methods-col-action = Działanie
methods-directory-email = E-mail: { $address } (z Twojego konta)
methods-email = E-mail: { $address }
methods-totp = Aplikacja uwierzytelniająca
methods-questions = Pytania zabezpieczające
methods-remove = Usuń
methods-remove-label = Usuń: { $method }
methods-add-email = Dodaj adres e-mail
methods-send-code = Wyślij kod na ten adres
methods-add-totp = Dodaj aplikację uwierzytelniającą
methods-add-totp-text = Aplikacja w telefonie (Microsoft Authenticator, Google Authenticator, FreeOTP…), która co 30 sekund pokazuje nowy 6-cyfrowy kod.
methods-add-totp-button = Skonfiguruj aplikację uwierzytelniającą
methods-finish = Zakończ i wyloguj się
methods-sign-out = Wyloguj się bez kończenia
methods-added = Nowa metoda została zarejestrowana.
methods-add-voided = Zbyt wiele błędnych kodów: metoda nie została dodana. Możesz spróbować ponownie.
methods-removed = Metoda została usunięta.
methods-bad-address = To nie wygląda na adres e-mail. Sprawdź go i spróbuj ponownie.
methods-keep-one = Zanim usuniesz tę metodę, dodaj inną: potrzebujesz co najmniej wymaganej liczby metod.
methods-review-title = Czy to nadal Twoje?
methods-review-text = Sprawdź poniższe metody: usuń adresy lub aplikacje, których już nie masz, i dodaj nowe. Następnie potwierdź.
methods-review-button = Wszystkie są nadal moje
methods-review-thanks = Dziękujemy: Twoje metody zostały potwierdzone.
methods-need-more = Zanim zakończysz, musisz zarejestrować więcej metod.
confirm-email-title = Sprawdź pocztę
confirm-email-lead = Wysłaliśmy kod na adres { $address }. Wpisz go poniżej, aby potwierdzić adres. Wiadomość może dotrzeć dopiero po minucie; sprawdź też folder spamu.
confirm-totp-title = Konfiguracja aplikacji uwierzytelniającej
confirm-totp-1 = Otwórz aplikację uwierzytelniającą i wybierz dodanie konta.
confirm-totp-2 = Zeskanuj nią ten kod QR.
confirm-totp-qr = Kod QR do zeskanowania aplikacją uwierzytelniającą
confirm-totp-3 = Nie możesz zeskanować? Wpisz zamiast tego ten klucz:
confirm-totp-4 = Wpisz 6-cyfrowy kod, który teraz pokazuje aplikacja.
confirm-button = Potwierdź
confirm-cancel = Anuluj i wróć
confirm-code-expired = Ten kod wygasł. Wróć i dodaj adres ponownie, aby otrzymać nowy kod.
confirm-code-unusable = Tego kodu nie można użyć. Wróć i zacznij od nowa.
register-done-title = Wszystko gotowe
register-done-method = Zarejestrowano: { $method }
register-done-signed-out = Nastąpiło wylogowanie.
register-done-next = Jeśli kiedyś zapomnisz hasła lub konto zostanie zablokowane, wróć tutaj i wybierz „Nie pamiętam hasła” albo „Moje konto jest zablokowane”.
sign-in-failed = Nie udało się zalogować przy użyciu tej nazwy użytkownika i hasła. Sprawdź oba i spróbuj ponownie. Jeśli nie pamiętasz hasła, zresetuj je; jeśli konto jest zablokowane, odblokuj je.
out-of-scope = Samoobsługa nie jest włączona dla Twojego konta. Skontaktuj się z pomocą techniczną.
must-change = Twoje hasło wygasło lub musi zostać zmienione, zanim przejdziesz dalej. Najpierw je zmień, a potem wróć tutaj.
oidc-continue-title = Trwa logowanie

## Nowe hasła

new-password-empty = Wpisz nowe hasło.
new-password-too-long = Nowe hasło jest za długie: może mieć najwyżej 256 znaków.
new-password-mismatch = Nowe hasła się różnią. Wpisz to samo hasło w obu polach.
policy-too-short = Nowe hasło jest za krótkie według zasad Twojej organizacji. Wybierz dłuższe.
policy-too-long = Nowe hasło jest dłuższe, niż pozwala Twoja organizacja. Wybierz krótsze.
policy-in-history = To hasło było niedawno używane. Wybierz hasło, którego jeszcze nie używano.
policy-too-young = Hasło zostało zmienione zbyt niedawno, aby można je było znów zmienić. Spróbuj później lub skorzystaj z resetowania, jeśli go nie pamiętasz.
policy-quality = Nowe hasło nie jest wystarczająco złożone według zasad Twojej organizacji. Połącz wielkie i małe litery, cyfry i symbole albo użyj dłuższego hasła złożonego ze słów.
policy-not-allowed = Twoja organizacja nie pozwala zmienić tutaj tego hasła. Skontaktuj się z pomocą techniczną.
policy-old-password-needed = Do tej zmiany potrzebne jest obecne hasło.
policy-other = Zasady haseł Twojej organizacji odrzuciły nowe hasło. Wybierz inne, dłuższe.

## „To nie ja”

disown-title = To nie ja
disown-ask-1 = Jeśli działanie opisane w wiadomości nie pochodzi od Ciebie, ktoś inny mógł uzyskać dostęp do Twojego konta lub jego metod odzyskiwania.
disown-ask-2 = Zablokuj teraz samoobsługę dla swojego konta: nikt nie będzie mógł tu zresetować ani zmienić jego hasła, odblokować go ani dodać metod odzyskiwania, a trwające procedury zostaną przerwane. Pomoc techniczna zostanie powiadomiona i może zdjąć blokadę, gdy konto będzie bezpieczne.
disown-button = Zablokuj samoobsługę dla mojego konta
disown-was-me = To jednak ja
disown-done-title = Samoobsługa dla Twojego konta jest zablokowana
disown-done-1 = Nikt nie może tu zresetować, odblokować ani zmienić Twojego hasła, dopóki pomoc techniczna nie zdejmie blokady. Trwające procedury zostały przerwane, a pomoc techniczna została powiadomiona.
disown-done-2 = Skontaktuj się teraz z pomocą techniczną, aby sprawdzono Twoje konto i nadano Ci nowe hasło.
disown-spent-title = Tego linku nie można użyć
disown-spent-1 = Został już użyty albo wygasł. Jeśli nadal uważasz, że ktoś inny użył Twojego konta, natychmiast skontaktuj się z pomocą techniczną.

## Kiosk

kiosk-footer = To jest komputer współdzielony. Gdy skończysz, nic z tego, co wpisano, nie zostanie zachowane.
kiosk-idle-title = Czy nadal tu jesteś?
kiosk-idle-text = Dla ochrony Twojej prywatności ta strona wróci na początek i zapomni wszystko, co wpisano.
kiosk-idle-seconds = { $seconds ->
        [one] Została 1 sekunda.
        [few] Zostały { $seconds } sekundy.
       *[many] Zostało { $seconds } sekund.
    }
kiosk-idle-stay = Nadal tu jestem
kiosk-phone-title = Kontynuuj w telefonie
kiosk-phone-text = Zeskanuj ten kod aparatem telefonu, aby zrobić to na własnym telefonie.
kiosk-phone-qr = Kod QR, który otwiera tę stronę w telefonie
kiosk-done = Wróć teraz do ekranu logowania i zaloguj się.
kiosk-finish = Zakończ

## Błędy

error-reference = Numer referencyjny: { $reference } (błąd { $status })
error-offer-reset = Zresetuj hasło
error-unavailable-title = Usługi haseł są teraz niedostępne
error-unavailable = Nic nie zostało zmienione. Usługa, która sprawdza i zmienia hasła, teraz nie odpowiada. Spróbuj ponownie za kilka minut; jeśli problem będzie się powtarzał, skontaktuj się z pomocą techniczną.
error-unconfirmed-title = Nie udało się potwierdzić zmiany
error-unconfirmed = Zmiana została wysłana, ale nie nadeszła odpowiedź, więc mogła zostać wprowadzona lub nie. Jeśli wybrano nowe hasło, spróbuj się nim zalogować; jeśli to nie zadziała, nadal obowiązuje stare hasło: zaloguj się nim albo zacznij od nowa. Jeśli żadne nie działa, skontaktuj się z pomocą techniczną. Wysłaliśmy powiadomienie na Twoje adresy e-mail, a zmiana została zapisana jako niepotwierdzona.
error-refused-title = Tego konta nie można tu zmienić
error-refused = Twoja organizacja nie pozwala tej usłudze zmieniać tego konta (zwykle dotyczy to kont administratorów). Nic nie zostało zmienione, a ponowna próba nic nie da. Skontaktuj się z pomocą techniczną.
error-rate-limited-title = Zbyt wiele prób
error-rate-limited = Dla bezpieczeństwa wszystkich liczba prób jest ograniczona. Nic nie zostało zmienione.
error-paused-title = Samoobsługa jest wstrzymana dla tej nazwy użytkownika
error-paused = W ciągu ostatnich 24 godzin było zbyt wiele prób zresetowania hasła dla tej nazwy użytkownika, więc samoobsługa została dla niej wstrzymana. Jeśli hasło musi zostać zresetowane od razu, skontaktuj się z pomocą techniczną.
error-unlock-by-reset-title = Tutaj nie można odblokować Twojego konta
error-unlock-by-reset = Twoje konto jest przechowywane w Microsoft Entra ID. Blokady po zbyt wielu błędnych hasłach nie można zdjąć stąd: kończy się sama po upływie czasu blokady. Możesz teraz wybrać nowe hasło, aby to, które ktoś próbuje, przestało działać. Na razie nic nie zostało zmienione.
error-expired-title = Ta procedura się zakończyła
error-expired = Upłynął jej czas, została ukończona albo podano zbyt wiele błędnych kodów. Zacznij od nowa.
error-out-of-step-title = Ta strona jest nieaktualna
error-out-of-step = Mogła zostać otwarta w innej karcie albo już użyta. Zacznij od nowa.
error-voided-title = Zbyt wiele błędnych kodów
error-voided = Dla Twojego bezpieczeństwa ta procedura została zakończona i nic nie zostało zmienione. Możesz zacząć od nowa; jeśli prośba o kod nie pochodziła od Ciebie, możesz to zignorować.
error-csrf-title = Ten formularz wygasł
error-csrf = Dla Twojego bezpieczeństwa formularz nie mógł zostać przyjęty. Wróć, odśwież stronę i spróbuj ponownie.
error-bad-form-title = Nie udało się odczytać formularza
error-bad-form = Wróć, odśwież stronę i spróbuj ponownie.
error-too-large-title = Wysłano zbyt dużo danych
error-too-large = Przesłane dane przekraczają rozmiar przyjmowany przez ten formularz. Wróć i skróć wpisany tekst.
error-internal-title = Coś poszło nie tak po naszej stronie
error-internal = Nic nie zostało zmienione. Spróbuj ponownie; jeśli problem będzie się powtarzał, podaj pomocy technicznej poniższy numer referencyjny.
error-not-found-title = Nie znaleziono strony
error-not-found = Pod tym adresem nie ma żadnej strony. Zacznij od strony startowej.
error-timeout-title = Trwało to zbyt długo
error-timeout = Nic nie zostało zmienione. Spróbuj ponownie.
error-method-title = Tej strony nie można użyć w ten sposób
error-method = Zacznij od strony startowej.
error-other-title = Nie udało się obsłużyć żądania
error-other = Zacznij od strony startowej.
wait-seconds = Możesz spróbować ponownie za niecałą minutę.
wait-minutes = Możesz spróbować ponownie za { $minutes ->
        [one] około minutę
        [few] około { $minutes } minuty
       *[many] około { $minutes } minut
    }.
wait-hours = Możesz spróbować ponownie za około { $hours ->
        [one] godzinę
        [few] { $hours } godziny
       *[many] { $hours } godzin
    }.
wait-day = Możesz spróbować ponownie za około dobę.

## Daty

date-time = { $weekday }, { $day } { $month } { $year }, godz. { $time } { $zone }
date-unknown = nieznany czas
weekday-1 = poniedziałek
weekday-2 = wtorek
weekday-3 = środa
weekday-4 = czwartek
weekday-5 = piątek
weekday-6 = sobota
weekday-7 = niedziela
# Dopełniacz: „25 listopada”.
month-1 = stycznia
month-2 = lutego
month-3 = marca
month-4 = kwietnia
month-5 = maja
month-6 = czerwca
month-7 = lipca
month-8 = sierpnia
month-9 = września
month-10 = października
month-11 = listopada
month-12 = grudnia

## Maile

mail-hello = Dzień dobry,
mail-hello-name = Dzień dobry { $name },
mail-code-subject = Twój kod { $org }: { $action }
mail-code-is = Twój kod ({ $action }) to:
mail-code-action-reset = resetowanie hasła
mail-code-action-unlock = odblokowanie konta
mail-code-action-confirm = potwierdzenie tego adresu e-mail
mail-code-action-sign-in = logowanie
mail-code-expiry = { $minutes ->
        [one] Wygasa za 1 minutę.
        [few] Wygasa za { $minutes } minuty.
       *[many] Wygasa za { $minutes } minut.
    } Wpisz go na stronie, na której poproszono o kod. Można go użyć tylko raz.
mail-code-not-you = Jeśli to nie Ty, zignoruj tę wiadomość; nikt nie użyje kodu, jeśli nie zna też Twojej nazwy użytkownika. Nigdy nikomu nie podawaj tego kodu, nawet pomocy technicznej.
mail-changed-subject = Twoje hasło { $org } zostało zmienione
mail-changed = Hasło Twojego konta { $org } zostało zmienione.
mail-changed-risk = ktoś inny może znać Twoje hasło
mail-reset-subject = Twoje hasło { $org } zostało zresetowane
mail-reset = Hasło Twojego konta { $org } zostało zresetowane w portalu samoobsługi.
mail-reset-risk = ktoś inny mógł uzyskać dostęp do Twojego konta
mail-unconfirmed-subject = Twoje hasło { $org } mogło zostać zmienione
mail-unconfirmed = Ktoś poprosił o zmianę hasła Twojego konta { $org }. Zmiana została wysłana, ale nie nadeszła odpowiedź, więc mogła zostać wprowadzona lub nie.
mail-unconfirmed-risk = ktoś inny mógł próbować uzyskać dostęp do Twojego konta
mail-unlocked-subject = Twoje konto { $org } zostało odblokowane
mail-unlocked = Twoje konto { $org } zostało odblokowane w portalu samoobsługi. Hasło się nie zmieniło.
mail-unlocked-risk = ktoś inny może próbować uzyskać dostęp do Twojego konta
mail-method-added-subject = Do Twojego konta { $org } dodano metodę odzyskiwania
mail-method-added = Do Twojego konta { $org } dodano nowy sposób potwierdzania tożsamości: { $method }.
mail-method-removed-subject = Z Twojego konta { $org } usunięto metodę odzyskiwania
mail-method-removed = Z Twojego konta { $org } usunięto sposób potwierdzania tożsamości: { $method }.
mail-method-risk = ktoś inny może próbować przejąć Twoje konto
mail-when = Kiedy
mail-from = Skąd
mail-unknown-address = nieznany adres
mail-was-you = Jeśli to Ty, nie musisz nic więcej robić.
mail-disown = Jeśli to nie Ty, natychmiast zablokuj samoobsługę dla swojego konta, otwierając ten link (działa jeden raz): { $link }
mail-not-you = Jeśli to nie Ty, { $risk }: od razu skontaktuj się z pomocą techniczną i powiedz o tej wiadomości. Portal samoobsługi jest pod adresem { $url }

## Panel administracyjny
error-not-admin-title = Nie dla tego konta
error-not-admin = Panel administracyjny jest tylko dla członków grup administratorów, a Twoje konto do nich nie należy. Jeśli potrzebujesz dostępu, poproś zespół, który prowadzi ten portal.
admin-sign-in-title = Logowanie administratora
admin-sign-in-lead = Zaloguj się hasłem z katalogu. Następnie potwierdzisz swoją tożsamość drugą zarejestrowaną metodą.
admin-sign-in-oidc = Zaloguj się kontem Microsoft
admin-needs-method = Administratorzy muszą potwierdzać tożsamość drugą metodą. Najpierw zarejestruj aplikację uwierzytelniającą lub adres e-mail, a potem zaloguj się tu ponownie.
admin-verify-title = Potwierdź swoją tożsamość
admin-verify-lead = Użyj jednej z zarejestrowanych metod.
admin-verify-totp = Kod z aplikacji uwierzytelniającej
admin-verify-email = Kod e-mailem
admin-verify-send = Wyślij kod na mój zarejestrowany adres
admin-verify-email-sent = Wysłaliśmy kod na Twój zarejestrowany adres. Wiadomość może dotrzeć dopiero po minucie.
admin-nav-label = Panel administracyjny
admin-nav-home = Przegląd
admin-nav-coverage = Rejestracja
admin-nav-activity = Aktywność
admin-nav-audit = Dziennik audytu
admin-signed-in-as = Zalogowano jako { $name }
admin-home-title = Przegląd
admin-status-title = Stan
admin-status-service = Usługa
admin-status-now = Teraz
admin-status-last-error = Ostatni błąd od uruchomienia
admin-status-directory = Katalog
admin-status-database = Baza danych
admin-status-mail = Serwer poczty
admin-status-ok = Odpowiada
admin-status-unavailable = Nie odpowiada
admin-status-none = Brak
admin-agents-title = Agenci zapisu zwrotnego
admin-agents-none = Nie zarejestrowano żadnego agenta.
admin-agent-name = Agent
admin-agent-host = Host
admin-agent-version = Wersja
admin-agent-heartbeat = Ostatni sygnał
admin-agent-never = nigdy
admin-agent-outdated = starszy niż { $min }, najstarsza wersja obsługiwana przez ten portal: zaktualizuj go
admin-home-period = Od { $from } do { $to }
admin-see-activity = Szczegóły aktywności
admin-see-coverage = Kto się zarejestrował
admin-activity = Aktywność
admin-activity-register = Rejestracje
admin-activity-change = Zmiany haseł
admin-activity-reset = Resetowania haseł
admin-activity-unlock = Odblokowania kont
admin-started = Rozpoczęte
admin-succeeded = Udane
admin-success-rate = Skuteczność
admin-failed-steps = Nieudane kroki
admin-failed = Nieudane
admin-totals-caption = Sumy za okres
admin-activity-title = Aktywność
admin-period-shown = Od { $from } do { $to } (UTC).
admin-bad-period = Daty muszą mieć postać 2026-11-30, pierwsza nie późniejsza niż druga, najwyżej 366 dni od siebie. Zamiast tego pokazano ostatnie 30 dni.
admin-bad-date = Daty muszą mieć postać 2026-11-30. Wyszukiwanie pominęło nieprawidłową datę.
admin-from = Od
admin-to = Do
admin-show = Pokaż
admin-last = Ostatnie:
admin-n-days = { $days } dni
admin-download-csv = Pobierz jako CSV
admin-definitions = Jak to liczymy
admin-definition-succeeded = Udane: zarejestrowana metoda, zmienione hasło, zresetowane hasło lub odblokowane konto.
admin-definition-started = Rozpoczęte: rozpoczęte resetowania i odblokowania (wpisana nazwa użytkownika), próby zmiany i logowania do rejestracji. Rejestracje nie mają skuteczności, bo jedno logowanie może dodać kilka metod.
admin-definition-failed = Nieudane kroki: każdy krok zakończony błędem. Jedna procedura może mieć kilka nieudanych kroków (błędny kod, potem właściwy) i mimo to się udać.
admin-per-day = Dziennie
admin-chart-title = Udane operacje dziennie, od { $from } do { $to }
admin-chart-caption = Udane operacje dziennie według rodzaju aktywności. Tabela poniżej zawiera te same liczby.
admin-per-day-caption = Udane operacje dziennie według rodzaju aktywności oraz nieudane kroki
admin-date = Data
admin-methods-title = Według metody
admin-method = Metoda
admin-methods-used = Użyte metody
admin-completed-with = Ukończone metodą
admin-nothing-yet = Nic w tym okresie.
admin-method-email = Kod e-mailem
admin-method-totp = Aplikacja uwierzytelniająca
admin-method-password = Hasło
admin-method-oidc = Logowanie jednokrotne (SSO)
admin-method-questions = Pytania zabezpieczające
admin-method-sms = Kod SMS
admin-method-passkey = Klucz dostępu
admin-failures-title = Dlaczego kroki się nie udały
admin-reason = Przyczyna
admin-reason-codes = Kody przyczyn w tych grupach
admin-failure-wrong-code = Błędny kod lub odpowiedź albo wygasły kod
admin-failure-wrong-password = Błędne hasło
admin-failure-locked-out = Zablokowane lub wstrzymane
admin-failure-policy = Odrzucone przez zasady haseł
admin-failure-directory-unavailable = Katalog niedostępny
admin-failure-rate-limited = Przekroczony limit prób
admin-failure-not-allowed = Niedozwolone (poza zakresem, nie administrator)
admin-failure-other = Inne
admin-coverage-title = Rejestracja
admin-coverage-directory-error = Nie udało się wyświetlić zawartości katalogu, więc nie wiadomo, kto jest objęty zakresem. Przegląd pokazuje ostatni błąd katalogu.
admin-coverage-in-scope = Osoby objęte zakresem
admin-coverage-enough = Wystarczająco zarejestrowane ({ $required } lub więcej metod)
admin-coverage-partly = Częściowo zarejestrowane, za mało
admin-coverage-none = Nic niezarejestrowane
admin-coverage-truncated = Lista z katalogu zatrzymała się na admin.max_listed_accounts: osób jest więcej, niż pokazano.
admin-coverage-listed-at = Katalog odczytano: { $time }.
admin-coverage-refresh = Odczytaj ponownie
admin-coverage-listing = Odczytywanie katalogu: { $count ->
    [one] na razie 1 konto.
    [few] na razie { $count } konta.
   *[many] na razie { $count } kont.
} Ta strona sama się odświeża, dopóki odczyt się nie zakończy.
admin-coverage-listing-reload = Odśwież teraz
admin-coverage-listing-failed = Odczyt zatrzymał się po { $count ->
    [one] 1 koncie.
   *[other] { $count } kontach.
}
admin-coverage-listing-retry = Spróbuj ponownie
admin-coverage-show = Pokaż
admin-coverage-show-all = Wszyscy objęci zakresem
admin-coverage-show-missing = Niewystarczająco zarejestrowani
admin-coverage-show-enough = Wystarczająco zarejestrowani
admin-search-person = Imię i nazwisko lub nazwa użytkownika
admin-matching = { $count ->
    [one] 1 wynik
    [few] { $count } wyniki
   *[many] { $count } wyników
}
admin-name = Imię i nazwisko
admin-methods-registered = Zarejestrowane metody
admin-registered-when = Pierwsza rejestracja
admin-enough = Wystarczająco
admin-yes = Tak
admin-no = Nie
admin-audit-title = Dziennik audytu
admin-event = Zdarzenie
admin-outcome = Wynik
admin-any = Dowolny
admin-search = Szukaj
admin-time = Czas (UTC)
admin-person = Osoba
admin-source = Adres źródłowy
admin-user-agent = Przeglądarka
admin-pages-label = Strony
admin-page-previous = Poprzednia strona
admin-page-next = Następna strona
admin-page-n-of-m = Strona { $page } z { $pages }
admin-sign-out = Wyloguj się

## Pytania zabezpieczające
methods-add-questions = Dodaj pytania zabezpieczające
methods-add-questions-text = Odpowiedzi na { $count ->
        [one] 1 pytanie
        [few] { $count } pytania
       *[many] { $count } pytań
    }, które znasz tylko Ty. Są przechowywane w postaci, której nikt nie może odczytać, nawet pomoc techniczna.
methods-add-questions-button = Skonfiguruj pytania zabezpieczające
methods-change-questions-button = Zmień moje pytania zabezpieczające
methods-questions-not-alone = W przypadku Twojego konta pytania zabezpieczające liczą się tylko razem z inną metodą.
questions-register-title = Twoje pytania zabezpieczające
questions-register-lead = Wybierz { $count ->
        [one] 1 pytanie
        [few] { $count } różne pytania
       *[many] { $count } różnych pytań
    } i odpowiedz na każde. Przy resetowaniu hasła lub odblokowywaniu konta zadamy Ci niektóre z nich.
questions-fix-below = Niektóre odpowiedzi trzeba poprawić: zobacz uwagi poniżej.
questions-n = Pytanie { $n }
questions-field-question = Pytanie
questions-own-option = Napiszę własne pytanie
questions-field-own = Twoje własne pytanie
questions-field-own-hint = Tylko jeśli powyżej wybrano „Napiszę własne pytanie”.
questions-field-answer = Odpowiedź
questions-answer-rules = Każda odpowiedź musi mieć co najmniej { $count ->
        [one] 1 literę lub cyfrę
        [few] { $count } litery lub cyfry
       *[many] { $count } liter lub cyfr
    } i różnić się od pozostałych. Wielkość liter, znaki diakrytyczne i dodatkowe spacje nie mają znaczenia.
questions-save = Zapisz moje pytania
questions-back = Wróć do moich metod
questions-pick-one = Wybierz jedno z pytań z listy.
questions-own-short = Napisz pytanie o długości co najmniej 5 znaków albo wybierz jedno z listy.
questions-own-long = Twoje pytanie jest za długie: nie przekraczaj 200 znaków.
questions-question-repeated = To pytanie już wybrano: wybierz inne.
questions-answer-short = Ta odpowiedź jest za krótka.
questions-answer-repeated = Ta odpowiedź jest taka sama jak inna: każda odpowiedź musi być inna.
questions-answer-is-question = Ta odpowiedź tylko powtarza pytanie.
questions-answer-title = Odpowiedz na pytania zabezpieczające
questions-answer-lead = Wpisz odpowiedzi podane przy rejestracji. Wielkość liter, znaki diakrytyczne i dodatkowe spacje nie mają znaczenia.
questions-wrong = Co najmniej jedna odpowiedź jest nieprawidłowa. { code-tries-left }
question-first-pet = Jak miało na imię Twoje pierwsze zwierzę domowe?
question-birth-city = Jaka jest Twoja miejscowość urodzenia?
question-first-school = Jak nazywała się Twoja pierwsza szkoła?
question-childhood-friend = Jak miał na imię Twój najlepszy przyjaciel lub Twoja najlepsza przyjaciółka z dzieciństwa?
question-first-car = Jakiej marki i modelu był Twój pierwszy samochód?
question-favourite-teacher = Jak brzmiało nazwisko Twojego ulubionego nauczyciela?
question-first-job = Jak nazywała się firma, w której była Twoja pierwsza praca?
question-parents-met = W jakiej miejscowości poznali się Twoi rodzice?

## Jakość hasła (policy/quality.rs): sprawdzana przed zapytaniem katalogu

quality-rules = { $classes ->
    [1] Minimalna liczba znaków: { $length }.
   *[other] Minimalna liczba znaków: { $length }, w tym co najmniej { $classes } z tych rodzajów: małe litery, wielkie litery, cyfry, symbole.
} Nie Twoje imię ani popularne słowo czy hasło.
quality-refused = Tego nowego hasła nie można użyć. Przyczyny są pod polem nowego hasła: wybierz inne.
quality-ok = To hasło spełnia sprawdzane tutaj zasady.
quality-too-short = Jest za krótkie: minimalna liczba znaków to { $min }.
quality-classes = Użyj co najmniej { $min } z tych rodzajów znaków: małe litery, wielkie litery, cyfry, symbole.
quality-own-name = Zawiera Twoje imię lub nazwę użytkownika.
quality-banned = Składa się głównie ze słów łatwych do odgadnięcia, takich jak „hasło”, pora roku czy nazwa organizacji. Dodaj więcej własnych słów.
quality-breached = Jest na liście haseł, które wyciekły w wyniku naruszeń danych; atakujący próbują ich w pierwszej kolejności.
quality-guessable = Byłoby zbyt łatwe do odgadnięcia.
quality-warn-keyboard-rows = Rzędy sąsiednich klawiszy łatwo odgadnąć.
quality-warn-keyboard-short = Krótkie układy klawiszy łatwo odgadnąć.
quality-warn-repeats = Powtórzenia takie jak „aaa” łatwo odgadnąć.
quality-warn-repeated-groups = Powtórzenia takie jak „abcabcabc” są tylko trochę trudniejsze do odgadnięcia niż „abc”.
quality-warn-top-10 = To jedno z dziesięciu najpopularniejszych haseł.
quality-warn-top-100 = To jedno ze stu najpopularniejszych haseł.
quality-warn-common = To bardzo popularne hasło.
quality-warn-similar = To hasło jest podobne do często używanego hasła.
quality-warn-sequences = Ciągi takie jak „abc” czy „6543” łatwo odgadnąć.
quality-warn-recent-years = Ostatnie lata łatwo odgadnąć.
quality-warn-word = Samo słowo łatwo odgadnąć.
quality-warn-dates = Daty często łatwo odgadnąć.
quality-warn-names = Same imiona i nazwiska łatwo odgadnąć.
quality-warn-common-names = Popularne imiona i nazwiska łatwo odgadnąć.
quality-tip-few-words = Użyj kilku słów i unikaj popularnych zwrotów.
quality-tip-no-symbols-needed = Symbole, cyfry i wielkie litery nie są potrzebne.
quality-tip-another-word = Dodaj jedno lub dwa słowa. Im mniej popularne, tym lepiej.
quality-tip-capitals = Wielkie litery niewiele pomagają.
quality-tip-all-capitals = Same wielkie litery odgadnąć prawie tak łatwo jak same małe.
quality-tip-reversed = Słowa pisane wspak nie są dużo trudniejsze do odgadnięcia.
quality-tip-substitutions = Przewidywalne zamiany, np. „@” zamiast „a”, niewiele pomagają.
quality-tip-keyboard = Użyj dłuższego układu klawiszy z większą liczbą zakrętów.
quality-tip-repeats = Unikaj powtarzających się słów i znaków.
quality-tip-sequences = Unikaj ciągów.
quality-tip-recent-years = Unikaj ostatnich lat.
quality-tip-your-years = Unikaj lat związanych z Tobą.
quality-tip-your-dates = Unikaj dat i lat związanych z Tobą.

## SMS
sms-code-text = Twój kod { $org }: { $code }
choose-sms = Wyślij mi kod SMS-em
code-sms-title = Wpisz kod z SMS-a
code-sms-lead = Jeśli to konto ma zarejestrowany numer telefonu komórkowego, wysłaliśmy na niego kod SMS-em. Jest ważny przez { $minutes ->
        [one] 1 minutę
        [few] { $minutes } minuty
       *[many] { $minutes } minut
    }.
code-sms-failed = Nie udało się teraz wysłać SMS-a. Spróbuj ponownie za kilka minut lub wybierz inną metodę.
code-resend-sms = Wyślij nowy SMS
methods-sms = SMS: { $number }
methods-add-sms = Dodaj numer telefonu komórkowego
field-phone = Numer telefonu komórkowego
field-phone-hint = Z numerem kierunkowym kraju, na przykład +48 512 345 678. Wyślemy SMS z kodem, żeby go sprawdzić.
methods-send-text = Wyślij kod SMS-em na ten numer
methods-bad-number = To nie wygląda na numer telefonu komórkowego. Sprawdź go i spróbuj ponownie.
methods-number-no-country = Dodaj numer kierunkowy kraju, zaczynający się od + (na przykład +48 dla Polski).
confirm-sms-title = Potwierdź numer telefonu komórkowego
confirm-sms-lead = Wysłaliśmy kod SMS-em na numer { $number }. Wpisz go poniżej, aby potwierdzić numer. Wiadomość może dotrzeć dopiero po minucie.
admin-status-sms = Bramka SMS

## Klucze dostępu
methods-passkey = Klucz dostępu „{ $name }”
methods-add-passkey = Dodaj klucz dostępu lub klucz bezpieczeństwa
methods-add-passkey-text = Klucz dostępu jest przechowywany w telefonie, komputerze lub na kluczu bezpieczeństwa, a odblokowujesz go odciskiem palca, twarzą lub kodem PIN. Działa tylko pod adresem tego portalu, więc podrobiona strona nie może go użyć.
field-passkey-name = Nazwa tego klucza dostępu
field-passkey-name-hint = Aby odróżnić swoje klucze dostępu, na przykład „Laptop służbowy” albo „Niebieski klucz bezpieczeństwa”.
methods-add-passkey-button = Utwórz klucz dostępu
passkey-working = Postępuj zgodnie z tym, o co prosi przeglądarka lub klucz bezpieczeństwa.
passkey-cancelled = Klucz dostępu nie został użyty: żądanie anulowano lub trwało zbyt długo. Spróbuj ponownie albo wybierz inny sposób.
passkey-failed = To nie zadziałało. Spróbuj ponownie albo wybierz inny sposób.
passkey-unsupported = Ta przeglądarka nie obsługuje kluczy dostępu. Wybierz inny sposób albo użyj innej przeglądarki.
passkey-needs-script = Klucze dostępu wymagają JavaScriptu w przeglądarce. Włącz go albo wybierz inny sposób.
passkey-name-missing = Nadaj kluczowi dostępu nazwę, aby później go rozpoznać.
passkey-registered-already = Ten klucz dostępu lub klucz bezpieczeństwa jest już zarejestrowany.
choose-passkey = Użyj klucza dostępu lub klucza bezpieczeństwa
passkey-use-title = Użyj klucza dostępu
passkey-use-lead = Po naciśnięciu przycisku przeglądarka poprosi o klucz dostępu. Odblokuj go odciskiem palca, twarzą lub kodem PIN.
passkey-use-button = Użyj mojego klucza dostępu
passkey-wrong = Ten klucz dostępu nie został zaakceptowany. { code-tries-left }

# Dodanie nowej metody wymaga użycia istniejącej
prove-title = Potwierdź, że to Ty
prove-lead = Masz już zarejestrowaną metodę. Zanim dodasz lub usuniesz metodę, użyj jednej z tych, które masz: samo hasło nie wystarczy.
prove-back = Wróć do moich metod
prove-passed = Dziękujemy: możesz teraz dodawać i usuwać metody.
methods-prove-first = Aby dodać lub usunąć metodę, najpierw potwierdź swoją tożsamość metodą, którą już masz.
methods-prove-button = Potwierdź, że to ja
admin-method-too-new = Twoja druga metoda została zarejestrowana zbyt niedawno, aby otworzyć panel administracyjny. Spróbuj ponownie po upływie okresu oczekiwania albo poproś innego administratora.

## Zasady haseł w katalogu (Active Directory: zasady domeny lub PSO konta)
dir-rule-length = Katalog Twojej organizacji wymaga haseł o minimalnej liczbie znaków { $length }.
dir-rule-complexity = Musi zawierać trzy z tych rodzajów znaków: wielkie litery, małe litery, cyfry, symbole; i nie może zawierać nazwy konta ani części imienia i nazwiska.
dir-rule-history = Nie może być jednym z Twoich ostatnich haseł (pamiętanych: { $count }).
dir-rule-min-age = { $hours ->
    [one] Po zmianie hasła nie można go ponownie zmienić przez 1 godzinę.
    [few] Po zmianie hasła nie można go ponownie zmienić przez { $hours } godziny.
   *[many] Po zmianie hasła nie można go ponownie zmienić przez { $hours } godzin.
}
dir-rules-most = To zasady dla większości kont; Twoje mogą być surowsze.
dir-why-too-young = Hasło zostało niedawno zmienione; można je ponownie zmienić po: { $when }.
dir-why-too-short = Twoje konto wymaga hasła o minimalnej liczbie znaków { $length }.
dir-why-not-complex = Użyj trzech z tych rodzajów znaków: wielkie litery, małe litery, cyfry, symbole.
dir-why-name = Nie może zawierać nazwy konta ani części imienia i nazwiska.
dir-why-history = Nie może być jednym z Twoich ostatnich haseł (pamiętanych: { $count }).

choose-email-needs = Potrzebujesz: swojej poczty e-mail, na tym lub innym urządzeniu
choose-sms-needs = Potrzebujesz: zarejestrowanego telefonu komórkowego z zasięgiem
choose-totp-needs = Potrzebujesz: aplikacji uwierzytelniającej w telefonie
choose-passkey-needs = Potrzebujesz: klucza dostępu lub klucza bezpieczeństwa albo urządzenia, na którym jest zapisany
choose-questions-needs = Potrzebujesz: odpowiedzi podanych podczas rejestracji
contact-title = Pomoc techniczna
contact-phone = Telefon
contact-email = E-mail
contact-hours = Godziny pracy
contact-location = Osobiście
contact-url = Strona internetowa
code-help-summary = Kod nie dotarł?
code-help-email-spam = Kody zwykle docierają w ciągu minuty. Sprawdź też folder spamu lub wiadomości-śmieci.
code-help-sms-wait = SMS-y zwykle docierają w ciągu minuty. Sprawdź, czy telefon ma zasięg i nie jest w trybie samolotowym.
code-help-which = Kod trafia tylko na adres lub numer zarejestrowany tutaj dla tego konta, a to może nie być ten, którego używasz na co dzień.
code-help-typed = Sprawdź adres lub numer widoczny powyżej. Jeśli jest błędny, anuluj i wpisz go ponownie.
code-help-valid = Kod jest ważny przez { $minutes ->
        [one] minutę
        [few] { $minutes } minuty
        [many] { $minutes } minut
       *[other] { $minutes } minuty
    }. Powyżej możesz poprosić o nowy; działa tylko najnowszy.
code-help-never = Jeśli nie zarejestrowano tu żadnej metody odzyskiwania, kod nie przyjdzie: wybierz inną metodę lub skontaktuj się z pomocą techniczną.
code-help-phone = Możesz też kontynuować na telefonie: { $url }


## Helpdesk console
helpdesk-sign-in-title = Logowanie do konsoli pomocy technicznej
helpdesk-sign-in-lead = Zaloguj się hasłem z katalogu. Następnie potwierdzisz swoją tożsamość drugą zarejestrowaną metodą.
error-not-helpdesk-title = Nie dla tego konta
error-not-helpdesk = Konsola pomocy technicznej jest tylko dla członków grup pomocy technicznej, a Twoje konto do nich nie należy. Jeśli potrzebujesz dostępu, poproś zespół, który prowadzi ten portal.
mail-code-action-helpdesk = potwierdzenie tożsamości dla pomocy technicznej
mail-code-not-you-helpdesk = Odczytaj ten kod tylko osobie z pomocy technicznej, z którą właśnie rozmawiasz przez telefon, i tylko wtedy, gdy połączenie było z Twojej inicjatywy. W przeciwnym razie nie podawaj kodu nikomu i skontaktuj się ze swoją pomocą techniczną.
mail-helpdesk-subject = Pomoc techniczna zmieniła coś na Twoim koncie { $org }
mail-helpdesk-unlock = Pomoc techniczna odblokowała Twoje konto { $org }. Hasło się nie zmieniło.
mail-helpdesk-reset-link = Pomoc techniczna wysłała Ci link do ustawienia nowego hasła do Twojego konta { $org }.
mail-helpdesk-lift-block = Pomoc techniczna ponownie włączyła samoobsługę (resetowanie hasła i odblokowanie) dla Twojego konta { $org }.
mail-helpdesk-clear-methods = Pomoc techniczna usunęła metody odzyskiwania z Twojego konta { $org }. Zarejestruj swoje metody ponownie.
mail-helpdesk-risk = ktoś mógł nakłonić do tego pomoc techniczną
mail-reset-link-subject = Ustaw nowe hasło do swojego konta { $org }
mail-reset-link = Pomoc techniczna wysłała Ci ten link do ustawienia nowego hasła do Twojego konta { $org }. Otwórz go i wybierz nowe hasło; nikt z pomocy technicznej go nie zobaczy.
mail-reset-link-expiry = Link działa jeden raz i przez { $minutes ->
        [one] { $minutes } minutę
        [few] { $minutes } minuty
        [many] { $minutes } minut
       *[other] { $minutes } minuty
    }.
mail-reset-link-not-you = Jeśli nie było to na Twoją prośbę, nie otwieraj linku i skontaktuj się ze swoją pomocą techniczną.
reset-link-title = Ustaw nowe hasło
reset-link-ask = Pomoc techniczna wysłała Ci ten link. Kontynuuj, aby wybrać nowe hasło.
reset-link-button = Kontynuuj
reset-link-spent = Ten link został już użyty lub wygasł. Poproś pomoc techniczną o nowy albo zresetuj hasło samodzielnie.
reset-link-start-over = Zresetuj moje hasło
helpdesk-nav-label = Pomoc techniczna
helpdesk-nav-home = Znajdź osobę
helpdesk-home-title = Pomoc techniczna
helpdesk-search-label = Imię i nazwisko, nazwa użytkownika lub adres e-mail
helpdesk-search-hint = Co najmniej dwa znaki.
helpdesk-results-title = Znalezione osoby
helpdesk-no-results = Nikogo nie znaleziono.
helpdesk-name = Imię i nazwisko
helpdesk-results-truncated = Wyświetlane są tylko pierwsze wyniki. Wpisz więcej, aby zawęzić wyszukiwanie.
helpdesk-requests-title = Wnioski czekające na drugą osobę
helpdesk-requests-none = Żadne wnioski nie czekają.
helpdesk-action = Działanie
helpdesk-requested-by = Złożony przez
helpdesk-reason = Przyczyna
helpdesk-decision = Decyzja
helpdesk-was-verified = tożsamość osoby dzwoniącej potwierdzona
helpdesk-own-request = Twój wniosek: musi go zatwierdzić inna osoba
helpdesk-approve = Zatwierdź
helpdesk-reject = Odrzuć
helpdesk-reject-reason = Powód odrzucenia
helpdesk-rejected = Odrzucono: nic nie zostało zmienione. Prośba jest zamknięta.
helpdesk-reject-reason-needed = Wpisz powód odrzucenia prośby.
helpdesk-action-unlock = Odblokuj konto
helpdesk-action-reset-link = Wyślij link do resetowania hasła
helpdesk-action-lift-block = Włącz ponownie samoobsługę
helpdesk-action-clear-methods = Usuń wszystkie metody odzyskiwania
helpdesk-person-title = Osoba
helpdesk-state-title = Stan konta
helpdesk-locked = Zablokowane w katalogu
helpdesk-not-locked = Niezablokowane
helpdesk-disabled = Wyłączone w katalogu
helpdesk-expired = Hasło wygasło
helpdesk-must-change = Przy następnym logowaniu trzeba zmienić hasło
helpdesk-blocked = Samoobsługa zablokowana: { $reason }
helpdesk-not-blocked = Samoobsługa dostępna
helpdesk-paused-until = Resetowanie hasła wstrzymane do { $until }: dziś było zbyt wiele prób. „Włącz ponownie samoobsługę” znosi wstrzymanie.
helpdesk-not-paused = Resetowanie hasła nie jest wstrzymane
helpdesk-methods-title = Zarejestrowane metody
helpdesk-no-methods = Nic nie zarejestrowano. Każde działanie wymaga zatwierdzenia przez drugą osobę z pomocy technicznej.
helpdesk-destination = Wysłano do
helpdesk-added = Dodano
helpdesk-verify-caller = Potwierdź tożsamość osoby dzwoniącej
helpdesk-cooling-off = Dodano niedawno: nie można jeszcze nim zweryfikować dzwoniącego
helpdesk-ask-app-code = Poproś o kod z aplikacji
helpdesk-send-code = Wyślij kod
helpdesk-check-title = Potwierdzenie tożsamości osoby dzwoniącej
helpdesk-check-app = Poproś osobę dzwoniącą o kod, który teraz pokazuje jej aplikacja uwierzytelniająca, i wpisz go.
helpdesk-check-read-back = Kod został wysłany. Poproś osobę dzwoniącą, aby Ci go odczytała, i wpisz go. Ty nigdy go nie widzisz.
helpdesk-code-read = Kod odczytany przez osobę dzwoniącą
helpdesk-actions-title = Działania
helpdesk-verified-until = Tożsamość osoby dzwoniącej potwierdzona ({ $method }), ważne do: { $until }.
helpdesk-send-confirm = Wyślij link potwierdzający
helpdesk-confirm-sent = Do osoby wysłano e-mailem link potwierdzający. Poproś, by otworzyła go na własnym urządzeniu i potwierdziła kluczem dostępu, a potem odśwież tę stronę.
helpdesk-confirm-title = Link potwierdzający
helpdesk-confirm-waiting = Wysłano: czeka na potwierdzenie kluczem dostępu do { $until }.
helpdesk-confirm-confirmed = Osoba potwierdziła kluczem dostępu o { $at }.
helpdesk-confirm-ended = Link wygasł bez potwierdzenia. Wyślij nowy, jeśli dzwoniący nadal czeka.
helpdesk-refresh = Odśwież
mail-confirm-link-subject = Potwierdź pomocy technicznej { $org }, że to Ty
mail-confirm-link = Osoba z pomocy technicznej, z którą rozmawiasz, prosi o potwierdzenie, że to Ty (Twoje konto { $org }). Otwórz ten link na własnym urządzeniu i potwierdź kluczem dostępu.
mail-confirm-link-not-you = Jeśli teraz nie rozmawiasz z pomocą techniczną, nie otwieraj linku i skontaktuj się ze swoją pomocą techniczną.
caller-confirm-title = Potwierdź pomocy technicznej, że to Ty
caller-confirm-lead = Osoba z pomocy technicznej, z którą rozmawiasz, poprosiła o potwierdzenie, że to Ty. Potwierdź kluczem dostępu na tym urządzeniu; pomoc techniczna dowie się tylko, że to zrobiłeś.
caller-confirm-button = Potwierdź moim kluczem dostępu
caller-confirm-not-you = Jeśli teraz nie rozmawiasz z pomocą techniczną, zamknij tę stronę i skontaktuj się ze swoją pomocą techniczną.
caller-confirm-done = Potwierdzono. Powiedz o tym osobie z pomocy technicznej, z którą rozmawiasz; możesz zamknąć tę stronę.
caller-confirm-refused = Twój klucz dostępu nie został przyjęty, więc ten link wygasł. Poproś pomoc techniczną o nowy.
caller-confirm-spent = Ten link został już użyty lub wygasł. Poproś pomoc techniczną o nowy.
helpdesk-four-eyes-unverifiable = Tożsamości tej osoby nie można potwierdzić: każde działanie staje się wnioskiem, który musi zatwierdzić inna osoba z pomocy technicznej. Podaj przyczynę.
helpdesk-verify-first = Najpierw potwierdź tożsamość osoby dzwoniącej.
helpdesk-four-eyes-privileged = Konto uprzywilejowane: każde działanie wymaga też zatwierdzenia przez inną osobę z pomocy technicznej. Podaj przyczynę.
helpdesk-recent-title = Ostatnia aktywność
helpdesk-recent-none = Brak ostatniej aktywności.
helpdesk-check-not-allowed = Nie możesz w ten sposób potwierdzić tożsamości tej osoby.
helpdesk-verified = Tożsamość osoby dzwoniącej jest potwierdzona.
helpdesk-check-voided = Zbyt wiele błędnych kodów: to sprawdzenie zostało zakończone. Jeśli osoba dzwoniąca wciąż jest na linii, rozpocznij nowe.
helpdesk-done = Gotowe. Ta osoba otrzyma o tym wiadomość e-mail.
helpdesk-requested = Wniosek złożony. Musi go zatwierdzić w swojej konsoli inna osoba z pomocy technicznej.
helpdesk-no-address = Nie ma adresu, na który można wysłać link do resetowania hasła.
helpdesk-approved = Zatwierdzono i wykonano. Ta osoba otrzyma o tym wiadomość e-mail.
helpdesk-refused-own = Tutaj nie możesz wykonywać działań na własnym koncie. Poproś kogoś z zespołu.
helpdesk-refused-out-of-reach = To konto jest poza zasięgiem pomocy technicznej. Poproś zespół, który prowadzi ten portal.
helpdesk-refused-not-verified = Najpierw potwierdź tożsamość osoby dzwoniącej: nic nie zostało zmienione.
helpdesk-reason-needed = To wymaga zatwierdzenia przez inną osobę z pomocy technicznej: wpisz dla niej przyczynę.
helpdesk-refused-own-request = To Twój własny wniosek: musi go zatwierdzić inna osoba z pomocy technicznej.
helpdesk-request-gone = Ten wniosek został już rozpatrzony lub wygasł.

## Przypomnienia o wygasaniu haseł i kampania rejestracji (flow/reminders.rs)
mail-expiry-subject = { $days ->
        [one] Twoje hasło { $org } wygasa w ciągu doby
        [few] Twoje hasło { $org } wygasa w ciągu { $days } dni
       *[many] Twoje hasło { $org } wygasa w ciągu { $days } dni
    }
mail-expiry-body = Twoje hasło { $org } wygasa { $when }. Zmień je wcześniej, aby nadal móc się logować.
mail-expiry-change = Aby zmienić je teraz, otwórz:
mail-expiry-forgot = Jeśli go nie pamiętasz, ustaw nowe tutaj:
mail-expiry-why = To przypomnienie przychodzi kilka razy przed wygaśnięciem hasła i przestaje, gdy je zmienisz. Nigdy nie prosimy o hasło w wiadomości e-mail.
mail-nudge-subject = Skonfiguruj odzyskiwanie hasła do konta { $org }
mail-nudge-body = Nie skonfigurowano jeszcze wystarczająco wielu sposobów potwierdzenia tożsamości na wypadek, gdybyś zapomniał hasła { $org }. Zajmie to kilka minut; potem w każdej chwili samodzielnie ustawisz nowe hasło, bez dzwonienia do pomocy technicznej.
mail-nudge-link = Skonfiguruj je tutaj:
mail-nudge-stop = Te przypomnienia ustaną, gdy tylko skonfigurujesz odzyskiwanie. Nigdy nie prosimy o hasło w wiadomości e-mail.
admin-nav-campaign = Kampania
admin-campaign-title = Kampania rejestracji
admin-campaign-off = Kampania jest wyłączona. Włącz ją ustawieniem enabled = true w sekcji [campaign] konfiguracji.
admin-campaign-settings = Przypomnienie co { $every } dni, najwyżej { $max } na osobę, do wszystkich objętych zakresem, którzy nie zarejestrowali wystarczającej liczby metod.
admin-campaign-chart = Pokrycie rejestracji dziennie
admin-campaign-day = Dzień
admin-campaign-in-scope = W zakresie
admin-campaign-enough = Zarejestrowani wystarczająco
admin-campaign-percent = Pokrycie
admin-campaign-nudges = Przypomnienia o rejestracji wysłane w ostatnich 30 dniach
admin-campaign-reminders = Przypomnienia o wygasaniu wysłane w ostatnich 30 dniach
admin-campaign-missing = Nadal brakuje
admin-campaign-missing-link = Kto nie zarejestrował wystarczającej liczby metod
admin-campaign-no-data = Nie wykonano jeszcze żadnego przebiegu: wykres wypełnia się dzień po dniu.

# Admin: webhooks (dead letters)
admin-nav-webhooks = Webhooki
admin-webhooks-title = Webhooki
admin-webhooks-none = Nie skonfigurowano żadnego webhooka ([[webhooks]] w konfiguracji).
admin-webhooks-endpoints = Zdarzenia kont są wysyłane do:
admin-webhooks-pending = { $count ->
    [one] 1 doręczenie czeka
    [few] { $count } doręczenia czekają
   *[many] { $count } doręczeń czeka
}
admin-webhooks-dead = Niedoręczone
admin-webhooks-dead-help = Te doręczenia nie powiodły się tyle razy, ile pozwala punkt odbioru. Napraw punkt odbioru, a potem wyślij je ponownie.
admin-webhooks-endpoint = Punkt odbioru
admin-webhooks-attempts = Próby
admin-webhooks-last-error = Ostatni błąd
admin-webhooks-retry = Wyślij ponownie
admin-webhooks-retried = Doręczenie wróciło do kolejki.
admin-webhooks-not-dead = To doręczenie nie jest (już) niedoręczone.
