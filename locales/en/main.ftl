# rekey: English, the reference catalogue. Every other language must have every message
# here, with the same variables. Plain text only: pages and mails escape what they show.

## Every page

product-name = Password self-service
skip-to-content = Skip to content
language-switcher = Language
language-apply = Change
footer-never-share = Never share your password or codes. The helpdesk will never ask for them.
continue = Continue
pow-working = Checking your browser. This takes a few seconds…
start-again = Start again
back-to-start = Back to the start
return-to = Go back to where you came from
sign-in = Sign in
steps-label = Progress
step-n-of-m = Step { $now } of { $of }
step-done = Done:
error-box-title = There is a problem
done-what-changed = What changed
done-next = What to do next
done-notice-sent = A confirmation was sent to your email addresses.
hint-passwords-match = The two passwords match.
hint-passwords-differ = The two passwords are not the same yet.

## Fields

field-username = Username
field-username-hint = The name you use to sign in to your computer or email.
field-password = Password
field-current-password = Current password
field-new-password = New password
field-new-password-hint = Your organisation's password rules apply.
field-new-password-again = New password again
field-code = Code
field-email = Email address
field-email-hint = Use a private address you can reach when you cannot sign in. We'll send a code to check it.

## Steps

step-username = Username
step-verify = Prove it's you
step-verify-n = Prove it's you ({ $n } of { $of })
step-new-password = New password
step-unlock = Unlock
step-sign-in = Sign in
step-methods = Choose methods
step-confirm = Confirm
step-passwords = Passwords

## Start page

home-title = Manage your password
home-lead = Choose what you need to do.
home-tasks = Tasks
home-reset = I forgot my password
home-reset-text = Prove it's you and choose a new one.
home-unlock = My account is locked
home-unlock-text = Prove it's you and unlock it, keeping your password.
home-change = Change my password
home-change-text = You know your current password and want a new one.
home-register = Set up recovery methods
home-register-text = Register an email address or an authenticator app so you can reset on your own.

## Reset and unlock

reset-title = Reset your password
unlock-title = Unlock your account
reset-username-lead = Enter your username. Next you'll prove it's you with a method you registered, then choose a new password.
unlock-username-lead = Enter your username. Next you'll prove it's you with a method you registered; your password stays the same.
choose-title = Prove it's you
choose-title-more = Verify with one more method
choose-lead = Choose a method you registered. If you have not registered any, you cannot continue here: contact the helpdesk.
choose-email = Email me a code
choose-totp = Use a code from my authenticator app
choose-questions = Answer my security questions
choose-email-needs = You need: your email, on this or another device
choose-sms-needs = You need: the mobile phone you registered, with signal
choose-totp-needs = You need: the authenticator app on your phone
choose-passkey-needs = You need: your passkey or security key, or the device that holds it
choose-questions-needs = You need: the answers you gave when you registered
contact-title = Helpdesk
contact-phone = Phone
contact-email = Email
contact-hours = Hours
contact-location = In person
contact-url = Web
code-help-summary = Didn't get a code?
code-help-email-spam = Codes usually arrive within a minute. Look in your spam or junk folder too.
code-help-sms-wait = Text messages usually arrive within a minute. Check that your phone has signal and is not in flight mode.
code-help-which = The code goes only to the address or number registered here for this account, which may not be the one you use every day.
code-help-typed = Check the address or number shown above. If it is wrong, cancel and enter it again.
code-help-valid = A code is valid for { $minutes ->
        [one] one minute
       *[other] { $minutes } minutes
    }. You can ask for a new one above; only the newest works.
code-help-never = If you never registered a recovery method here, no code will come: choose another method, or contact the helpdesk.
code-help-phone = You can also continue on your phone at { $url }
code-email-title = Enter the code from your email
code-email-lead = If this account has a registered email address, we sent a code to it. It is valid for { $minutes ->
        [one] 1 minute
       *[other] { $minutes } minutes
    }. It may take a minute to arrive; check your spam folder too.
code-totp-title = Enter the code from your authenticator app
code-totp-lead = Open the app you registered and enter the 6-digit code it shows now.
code-resend = Send a new code
code-other-method = Use a different method
code-wrong = That code is not right. { code-tries-left }
code-tries-left = { $count ->
        [0] This was your last try: one more mistake ends this attempt.
        [one] You have 1 more try.
       *[other] You have { $count } more tries.
    }
code-expired = That code has expired. Ask for a new code and enter the newest one.
code-not-sent = No code has been sent yet. Use the button below to get one.
code-replayed = That code has already been used. Wait for your app to show a new code and enter that.
unlock-ready-title = You have proved it's you
unlock-ready-lead = Unlock your account now. Your password stays the same.
unlock-button = Unlock my account
password-title = Choose a new password
password-lead = Your organisation's password rules apply. A long passphrase of several unrelated words is easy to remember and hard to guess.
password-button = Set new password
reset-done-title = Your password has been reset
reset-done-password = The password of { $username } was replaced on { $when }. Your old password no longer works.
reset-done-unlocked = Your account is unlocked.
reset-done-must-change = You will be asked to choose another password the next time you sign in.
reset-done-sessions-kept = Your other devices and apps may still be signed in with the old password. Sign out of them now, or ask the helpdesk to sign you out everywhere.
reset-done-next = Your new password works now. Use it on every device where you sign in (phone mail apps, VPN, Wi-Fi). If you did not do this, contact the helpdesk at once.
unlock-done-title = Your account is unlocked
unlock-done-unlocked = { $username } was unlocked on { $when }.
unlock-done-password-kept = Your password has not changed: sign in with it as usual.
unlock-done-next = If you keep getting locked out, a device may still be using an old password. Check your phone's mail app, VPN and Wi-Fi settings.

## Change

change-title = Change your password
change-lead = You need your current password.
change-forgot = Forgotten it? Reset it instead.
change-signed-in-as = Signed in as { $login }.
change-button = Change password
change-done-title = Your password has been changed
change-done-password = The password of { $username } was changed on { $when }. Your old password no longer works.
change-done-next = Use your new password from now on, on every device where you sign in (phone mail apps, VPN, Wi-Fi).
change-done-register = Have you set up recovery methods? They let you reset a forgotten password without the helpdesk.
change-same-as-old = The new password must be different from the current one.
change-expired = Your password has expired and the directory no longer accepts it, not even to change it. Choose "I forgot my password" on the start page to set a new one.
password-expires-in-days = Your password expires in { $days } days. Change it before then.
password-expires-in-hours = Your password expires in { $hours ->
        [one] 1 hour
       *[other] { $hours } hours
    }. Change it now.
password-grace-logins-left = Your password has expired. It will sign you in { $count ->
        [one] 1 more time
       *[other] { $count } more times
    }; change it now.
change-wrong-current = Your current password is not right. Check it and try again.

## Register

register-sign-in-title = Sign in to set up recovery methods
register-sign-in-lead = Use your usual username and password.
register-title = Sign in to register
methods-title = Your recovery methods
methods-lead = Signed in as { $name }. These let you reset your password or unlock your account on your own.
methods-still-needed = { $count ->
        [one] Register 1 more method to continue.
       *[other] Register { $count } more methods to continue.
    }
methods-required = { $count ->
        [one] Your organisation requires 1 method.
       *[other] Your organisation requires { $count } different methods.
    }
methods-registered = Registered
methods-none = Nothing yet.
methods-col-method = Method
methods-col-added = Added
methods-col-action = Action
methods-directory-email = Email: { $address } (from your account)
methods-email = Email: { $address }
methods-totp = Authenticator app
methods-questions = Security questions
methods-remove = Remove
methods-remove-label = Remove { $method }
methods-add-email = Add an email address
methods-send-code = Send a code to this address
methods-add-totp = Add an authenticator app
methods-add-totp-text = An app on your phone (Microsoft Authenticator, Google Authenticator, FreeOTP…) that shows a new 6-digit code every 30 seconds.
methods-add-totp-button = Set up an authenticator app
methods-finish = Finish and sign out
methods-sign-out = Sign out without finishing
methods-added = Your new method is registered.
methods-add-voided = Too many wrong codes: that method was not added. You can try again.
methods-removed = The method was removed.
methods-bad-address = That does not look like an email address. Check it and try again.
methods-keep-one = Add another method before removing this one: you need at least the required number.
methods-review-title = Are these still yours?
methods-review-text = Please check the methods below: remove any address or app you no longer have, and add new ones. Then confirm.
methods-review-button = They are all still mine
methods-review-thanks = Thank you: your methods are confirmed.
methods-need-more = You need to register more methods before you can finish.
confirm-email-title = Check your email
confirm-email-lead = We sent a code to { $address }. Enter it below to confirm the address. It may take a minute to arrive; check your spam folder too.
confirm-totp-title = Set up your authenticator app
confirm-totp-1 = Open your authenticator app and choose to add an account.
confirm-totp-2 = Scan this QR code with it.
confirm-totp-qr = QR code to scan with your authenticator app
confirm-totp-3 = Can't scan? Enter this key instead:
confirm-totp-4 = Enter the 6-digit code the app now shows.
confirm-button = Confirm
confirm-cancel = Cancel and go back
confirm-code-expired = That code has expired. Go back and add the address again to get a new code.
confirm-code-unusable = That code cannot be used. Go back and start again.
register-done-title = You're all set
register-done-method = Registered: { $method }
register-done-signed-out = You have been signed out.
register-done-next = If you ever forget your password or get locked out, come back here and choose "I forgot my password" or "My account is locked".
sign-in-failed = We could not sign you in with that username and password. Check both and try again. If you have forgotten your password, reset it; if your account is locked, unlock it.
out-of-scope = Self-service is not enabled for your account. Please contact the helpdesk.
must-change = Your password has expired or must be changed before you can continue. Change it first, then come back.
oidc-continue-title = Signing you in

## New passwords

new-password-empty = Enter a new password.
new-password-too-long = The new password is too long: use at most 256 characters.
new-password-mismatch = The two new passwords are not the same. Type the same password in both fields.
policy-too-short = The new password is too short for your organisation's rules. Choose a longer one.
policy-too-long = The new password is longer than your organisation allows. Choose a shorter one.
policy-in-history = You have used this password recently. Choose one you have not used before.
policy-too-young = Your password was changed too recently to be changed again. Try again later, or use the reset page if you have forgotten it.
policy-quality = The new password is not complex enough for your organisation's rules. Mix upper and lower case letters, digits and symbols, or use a longer passphrase.
policy-not-allowed = Your organisation does not allow this password to be changed here. Contact the helpdesk.
policy-old-password-needed = Your current password is needed to make this change.
policy-other = Your organisation's password rules refused the new password. Choose a different, longer one.

## "This wasn't me"

disown-title = This wasn't me
disown-ask-1 = If you did not do what the mail described, someone else may have got into your account or its recovery methods.
disown-ask-2 = Stop self-service for your account now: nobody will be able to reset, unlock, change its password or add recovery methods here, and attempts in progress end. Your helpdesk is told and can lift the block once your account is safe.
disown-button = Stop self-service for my account
disown-was-me = It was me after all
disown-done-title = Self-service is stopped for your account
disown-done-1 = Nobody can reset, unlock or change your password here until your helpdesk lifts the block. Attempts in progress have ended, and the helpdesk has been told.
disown-done-2 = Contact your helpdesk now so they can check your account and give you a new password.
disown-spent-title = This link cannot be used
disown-spent-1 = It has been used already or has expired. If you still think someone else used your account, contact your helpdesk now.

## Kiosk

kiosk-footer = This is a shared computer. When you are done, nothing you typed is kept.
kiosk-idle-title = Are you still there?
kiosk-idle-text = For your privacy this page will go back to the start and forget what you typed.
kiosk-idle-seconds = { $seconds ->
        [one] 1 second left.
       *[other] { $seconds } seconds left.
    }
kiosk-idle-stay = I'm still here
kiosk-phone-title = Continue on your phone
kiosk-phone-text = Scan this code with your phone's camera to do this on your own phone instead.
kiosk-phone-qr = QR code that opens this page on your phone
kiosk-done = Now go back to the login screen and sign in.
kiosk-finish = Finish

## Errors

error-reference = Reference: { $reference } (error { $status })
error-offer-reset = Reset your password
error-unavailable-title = Password services are unavailable right now
error-unavailable = Nothing was changed. The service that checks and changes passwords is not answering right now. Please try again in a few minutes; if it keeps happening, contact the helpdesk.
error-unconfirmed-title = We could not confirm the change
error-unconfirmed = The change was sent, but no answer came back, so it may or may not have been made. If you chose a new password, try signing in with it; if that does not work, your old password still stands: sign in with it, or start again. If neither works, contact the helpdesk. We sent a notice to your email addresses, and the change is recorded as unconfirmed.
error-refused-title = This account cannot be changed here
error-refused = Your organisation does not allow this service to change this account (this is usual for administrator accounts). Nothing was changed, and trying again will not help. Please contact the helpdesk.
error-rate-limited-title = Too many attempts
error-rate-limited = For everyone's safety there is a limit on how often this can be tried. Nothing was changed.
error-paused-title = Self-service is paused for this username
error-paused = There have been too many password reset attempts for this username in the last 24 hours, so self-service is paused for it. If you need your password reset now, contact the helpdesk.
error-unlock-by-reset-title = Your account cannot be unlocked here
error-unlock-by-reset = Your account is kept in Microsoft Entra ID. Its lockout after too many wrong passwords cannot be lifted from here: it ends by itself when its lockout time is over. You can choose a new password now, so that the one being tried no longer works. Nothing was changed yet.
error-expired-title = This attempt has ended
error-expired = It timed out, was finished, or had too many wrong codes. Please start again.
error-out-of-step-title = This page is out of date
error-out-of-step = It may have been opened in another tab or used already. Please start again.
error-voided-title = Too many wrong codes
error-voided = For your safety this attempt has ended and nothing was changed. You can start again; if you did not ask for a code, you can ignore this.
error-csrf-title = This form has expired
error-csrf = For your safety the form could not be accepted. Go back, reload the page and try again.
error-bad-form-title = The form could not be read
error-bad-form = Go back, reload the page and try again.
error-too-large-title = Too much was sent
error-too-large = What you sent is larger than this form accepts. Go back and shorten what you typed.
error-internal-title = Something went wrong on our side
error-internal = Nothing was changed. Please try again; if it keeps happening, give the helpdesk the reference below.
error-not-found-title = Page not found
error-not-found = There is no page at this address. Start from the home page.
error-timeout-title = That took too long
error-timeout = Nothing was changed. Please try again.
error-method-title = This page cannot be used that way
error-method = Start from the home page.
error-other-title = The request could not be handled
error-other = Start from the home page.
wait-seconds = You can try again in less than a minute.
wait-minutes = You can try again in { $minutes ->
        [one] about a minute
       *[other] about { $minutes } minutes
    }.
wait-hours = You can try again in about { $hours } hours.
wait-day = You can try again in about a day.

## Dates

date-time = { $weekday } { $day } { $month } { $year }, { $time } { $zone }
date-unknown = an unknown time
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Mails

mail-hello = Hello,
mail-hello-name = Hello { $name },
mail-code-subject = Your { $org } code to { $action }
mail-code-is = Your code to { $action } is:
mail-code-action-reset = reset your password
mail-code-action-unlock = unlock your account
mail-code-action-confirm = confirm this email address
mail-code-action-sign-in = sign in
mail-code-expiry = { $minutes ->
        [one] It expires in 1 minute.
       *[other] It expires in { $minutes } minutes.
    } Type it on the page where you asked for it. You can use it only once.
mail-code-not-you = If this wasn't you, ignore this mail; nobody can use the code without also knowing your username. Never tell this code to anyone, not even the helpdesk.
mail-changed-subject = Your { $org } password was changed
mail-changed = The password of your { $org } account was changed.
mail-changed-risk = someone else may know your password
mail-reset-subject = Your { $org } password was reset
mail-reset = The password of your { $org } account was reset with the self-service portal.
mail-reset-risk = someone else may have got into your account
mail-unconfirmed-subject = Your { $org } password may have been changed
mail-unconfirmed = Someone asked to change the password of your { $org } account. The change was sent, but no answer came back, so it may or may not have been made.
mail-unconfirmed-risk = someone else may have tried to get into your account
mail-unlocked-subject = Your { $org } account was unlocked
mail-unlocked = Your { $org } account was unlocked with the self-service portal. Your password did not change.
mail-unlocked-risk = someone else may be trying to get into your account
mail-method-added-subject = A recovery method was added to your { $org } account
mail-method-added = A new way to prove it is you was added to your { $org } account: { $method }.
mail-method-removed-subject = A recovery method was removed from your { $org } account
mail-method-removed = A way to prove it is you was removed from your { $org } account: { $method }.
mail-method-risk = someone else may be trying to take over your account
mail-when = When
mail-from = From
mail-unknown-address = an unknown address
mail-was-you = If this was you, there is nothing more to do.
mail-disown = If this wasn't you, stop self-service for your account at once by opening this link (it works once): { $link }
mail-not-you = If this wasn't you, { $risk }: contact your helpdesk straight away and tell them about this mail. The self-service portal is at { $url }

## Admin area
error-not-admin-title = Not for this account
error-not-admin = The admin area is only for members of the admin groups. Your account is not one of them. If you need access, ask the team that runs this portal.
admin-sign-in-title = Admin sign-in
admin-sign-in-lead = Sign in with your directory password. Then you prove it is you with a second method you registered.
admin-sign-in-oidc = Sign in with your Microsoft account
admin-needs-method = Admins must prove it is them with a second method. Register an authenticator app or an email address first, then sign in here again.
admin-verify-title = Prove it is you
admin-verify-lead = Use one of the methods you registered.
admin-verify-totp = Code from your authenticator app
admin-verify-email = Code by email
admin-verify-send = Send a code to my registered address
admin-verify-email-sent = We sent a code to your registered address. It may take a minute to arrive.
admin-nav-label = Admin area
admin-nav-home = Overview
admin-nav-coverage = Registration
admin-nav-activity = Activity
admin-nav-audit = Audit log
admin-signed-in-as = Signed in as { $name }
admin-home-title = Overview
admin-status-title = Status
admin-status-service = Service
admin-status-now = Now
admin-status-last-error = Last error since start-up
admin-status-directory = Directory
admin-status-database = Database
admin-status-mail = Mail server
admin-status-ok = Answers
admin-status-unavailable = Not answering
admin-status-none = None
admin-agents-title = Writeback agents
admin-agents-none = No agent is enrolled.
admin-agent-name = Agent
admin-agent-host = Host
admin-agent-version = Version
admin-agent-heartbeat = Last heartbeat
admin-agent-never = never
admin-agent-outdated = older than { $min }, the oldest this portal supports: upgrade it
admin-home-period = { $from } to { $to }
admin-see-activity = Activity in detail
admin-see-coverage = Who has registered
admin-activity = Activity
admin-activity-register = Registrations
admin-activity-change = Password changes
admin-activity-reset = Password resets
admin-activity-unlock = Account unlocks
admin-started = Started
admin-succeeded = Succeeded
admin-success-rate = Success rate
admin-failed-steps = Failed steps
admin-failed = Failed
admin-totals-caption = Totals for the period
admin-activity-title = Activity
admin-period-shown = From { $from } to { $to } (UTC).
admin-bad-period = The dates must be like 2026-11-30, the first no later than the second, at most 366 days apart. The last 30 days are shown instead.
admin-bad-date = Dates must be like 2026-11-30. The search ignored the date that was not.
admin-from = From
admin-to = To
admin-show = Show
admin-last = Last:
admin-n-days = { $days } days
admin-download-csv = Download as CSV
admin-definitions = How these are counted
admin-definition-succeeded = Succeeded: a method registered, a password changed, a password reset or an account unlocked.
admin-definition-started = Started: resets and unlocks begun (a username entered), change attempts, and registration sign-ins. Registrations have no success rate, because one sign-in can add several methods.
admin-definition-failed = Failed steps: every step that ended in a failure. One attempt can fail several steps (a wrong code, then the right one) and still succeed.
admin-per-day = Per day
admin-chart-title = Successes per day, { $from } to { $to }
admin-chart-caption = Successes per day by activity. The table below has the same numbers.
admin-per-day-caption = Successes per day by activity, and failed steps
admin-date = Date
admin-methods-title = By method
admin-method = Method
admin-methods-used = Methods used
admin-completed-with = Completed with
admin-nothing-yet = Nothing in this period.
admin-method-email = Email code
admin-method-totp = Authenticator app
admin-method-password = Password
admin-method-oidc = Single sign-on
admin-method-questions = Security questions
admin-method-sms = Text message code
admin-method-passkey = Passkey
admin-failures-title = Why steps failed
admin-reason = Reason
admin-reason-codes = The reason codes behind these groups
admin-failure-wrong-code = Wrong code or answer, or an expired code
admin-failure-wrong-password = Wrong password
admin-failure-locked-out = Locked out or paused
admin-failure-policy = Refused by the password policy
admin-failure-directory-unavailable = Directory unavailable
admin-failure-rate-limited = Rate-limited
admin-failure-not-allowed = Not allowed (out of scope, not an admin)
admin-failure-other = Other
admin-coverage-title = Registration
admin-coverage-directory-error = The directory could not be listed, so who is in scope is unknown. The overview shows the directory's last error.
admin-coverage-in-scope = People in scope
admin-coverage-enough = Registered enough ({ $required } or more methods)
admin-coverage-partly = Registered some, not enough
admin-coverage-none = Registered nothing
admin-coverage-truncated = The directory listing stopped at admin.max_listed_accounts: there are more people than shown.
admin-coverage-listed-at = The directory was read at { $time }.
admin-coverage-refresh = Read it again
admin-coverage-listing = Listing the directory: { $count ->
    [one] 1 account so far.
   *[other] { $count } accounts so far.
} This page reloads itself until the listing is done.
admin-coverage-listing-reload = Reload now
admin-coverage-listing-failed = The listing stopped after { $count ->
    [one] 1 account.
   *[other] { $count } accounts.
}
admin-coverage-listing-retry = Try again
admin-coverage-show = Show
admin-coverage-show-all = Everyone in scope
admin-coverage-show-missing = Not registered enough
admin-coverage-show-enough = Registered enough
admin-search-person = Name or username
admin-matching = { $count ->
    [one] 1 match
   *[other] { $count } matches
}
admin-name = Name
admin-methods-registered = Methods registered
admin-registered-when = First registered
admin-enough = Enough
admin-yes = Yes
admin-no = No
admin-audit-title = Audit log
admin-event = Event
admin-outcome = Outcome
admin-any = Any
admin-search = Search
admin-time = Time (UTC)
admin-person = Person
admin-source = Source address
admin-user-agent = Browser
admin-pages-label = Pages
admin-page-previous = Previous page
admin-page-next = Next page
admin-page-n-of-m = Page { $page } of { $pages }
admin-sign-out = Sign out

## Security questions
methods-add-questions = Add security questions
methods-add-questions-text = Answers that only you know to { $count } questions. They are kept in a form nobody can read back, not even the helpdesk.
methods-add-questions-button = Set up security questions
methods-change-questions-button = Change my security questions
methods-questions-not-alone = For your account, security questions count only together with another method.
questions-register-title = Your security questions
questions-register-lead = Choose { $count } different questions and answer each. When you reset your password or unlock your account, you will be asked some of them.
questions-fix-below = Some answers need another try: see the notes below.
questions-n = Question { $n }
questions-field-question = Question
questions-own-option = Write my own question
questions-field-own = Your own question
questions-field-own-hint = Only if you chose “Write my own question” above.
questions-field-answer = Answer
questions-answer-rules = Each answer needs at least { $count } letters or digits and must differ from the others. Capitals, accents and extra spaces do not matter.
questions-save = Save my questions
questions-back = Back to my methods
questions-pick-one = Choose one of the questions in the list.
questions-own-short = Write a question of at least 5 characters, or choose one from the list.
questions-own-long = Your question is too long: keep it under 200 characters.
questions-question-repeated = You chose this question already: choose a different one.
questions-answer-short = This answer is too short.
questions-answer-repeated = This answer is the same as another one: each answer must be different.
questions-answer-is-question = This answer only repeats the question.
questions-answer-title = Answer your security questions
questions-answer-lead = Type the answers you gave when you registered. Capitals, accents and extra spaces do not matter.
questions-wrong = One or more answers are not right. { code-tries-left }
question-first-pet = What was the name of your first pet?
question-birth-city = In which town or city were you born?
question-first-school = What was the name of your first school?
question-childhood-friend = What was the first name of your best friend as a child?
question-first-car = What was the make and model of your first car?
question-favourite-teacher = What was the surname of your favourite teacher?
question-first-job = What was the name of the company where you had your first job?
question-parents-met = In which town or city did your parents meet?

## Password quality (policy/quality.rs): checked before the directory is asked

quality-rules = { $classes ->
    [1] Use at least { $length } characters.
   *[other] Use at least { $length } characters, with { $classes } of these: lower-case letters, capital letters, digits, symbols.
} Not your name, and not a common word or password.
quality-refused = This new password cannot be used. The reasons are under the new password field: choose a different one.
quality-ok = This password meets the rules checked here.
quality-too-short = It is too short: use at least { $min } characters.
quality-classes = Mix at least { $min } of these: lower-case letters, capital letters, digits, symbols.
quality-own-name = It contains your name or username.
quality-banned = It is mostly made of words that are easy to guess, such as “password”, a season or the organisation's name. Add more of your own.
quality-breached = It is on a list of passwords leaked in data breaches, which attackers try first.
quality-guessable = It would be too easy to guess.
quality-warn-keyboard-rows = Straight rows of keys are easy to guess.
quality-warn-keyboard-short = Short keyboard patterns are easy to guess.
quality-warn-repeats = Repeats like “aaa” are easy to guess.
quality-warn-repeated-groups = Repeats like “abcabcabc” are only slightly harder to guess than “abc”.
quality-warn-top-10 = This is one of the ten most common passwords.
quality-warn-top-100 = This is one of the hundred most common passwords.
quality-warn-common = This is a very common password.
quality-warn-similar = This is similar to a commonly used password.
quality-warn-sequences = Sequences like “abc” or “6543” are easy to guess.
quality-warn-recent-years = Recent years are easy to guess.
quality-warn-word = A word by itself is easy to guess.
quality-warn-dates = Dates are often easy to guess.
quality-warn-names = Names and surnames by themselves are easy to guess.
quality-warn-common-names = Common names and surnames are easy to guess.
quality-tip-few-words = Use a few words, and avoid common phrases.
quality-tip-no-symbols-needed = No need for symbols, digits or capital letters.
quality-tip-another-word = Add another word or two. Uncommon words are better.
quality-tip-capitals = Capital letters do not help very much.
quality-tip-all-capitals = All capitals are almost as easy to guess as all lower case.
quality-tip-reversed = Words spelt backwards are not much harder to guess.
quality-tip-substitutions = Predictable substitutions like “@” for “a” do not help very much.
quality-tip-keyboard = Use a longer keyboard pattern with more turns.
quality-tip-repeats = Avoid repeated words and characters.
quality-tip-sequences = Avoid sequences.
quality-tip-recent-years = Avoid recent years.
quality-tip-your-years = Avoid years that are associated with you.
quality-tip-your-dates = Avoid dates and years that are associated with you.

## Text messages (SMS)
sms-code-text = Your { $org } code: { $code }
choose-sms = Text me a code
code-sms-title = Enter the code from the text message
code-sms-lead = If this account has a registered mobile number, we sent a code to it by text message. It is valid for { $minutes ->
        [one] 1 minute
       *[other] { $minutes } minutes
    }.
code-sms-failed = We could not send a text message just now. Try again in a few minutes or choose another method.
code-resend-sms = Send a new text message
methods-sms = Text message: { $number }
methods-add-sms = Add a mobile number
field-phone = Mobile number
field-phone-hint = With the country code, for example +49 151 23456789. We'll text you a code to check it.
methods-send-text = Text a code to this number
methods-bad-number = That does not look like a mobile number. Check it and try again.
methods-number-no-country = Add the country code, starting with + (for example +49 for Germany).
confirm-sms-title = Confirm your mobile number
confirm-sms-lead = We sent a code to { $number } by text message. Enter it below to confirm the number. It may take a minute to arrive.
admin-status-sms = SMS gateway

## Passkeys
methods-passkey = Passkey “{ $name }”
methods-add-passkey = Add a passkey or security key
methods-add-passkey-text = A passkey is kept on your phone, your computer or a security key, and you unlock it with your fingerprint, your face or a PIN. It works only on this portal's own address, so a look-alike site cannot use it.
field-passkey-name = Name for this passkey
field-passkey-name-hint = So you can tell your passkeys apart, for example “Work laptop” or “Blue security key”.
methods-add-passkey-button = Create a passkey
passkey-working = Follow what your browser or security key asks you to do.
passkey-cancelled = The passkey was not used: the request was cancelled or took too long. Try again, or choose another way.
passkey-failed = That did not work. Try again, or choose another way.
passkey-unsupported = This browser cannot use passkeys. Choose another way, or use another browser.
passkey-needs-script = Passkeys need JavaScript in your browser. Turn it on, or choose another way.
passkey-name-missing = Give the passkey a name, so you can tell it apart later.
passkey-registered-already = This passkey or security key is registered already.
choose-passkey = Use a passkey or security key
passkey-use-title = Use your passkey
passkey-use-lead = When you press the button, your browser asks for your passkey. Unlock it with your fingerprint, your face or a PIN.
passkey-use-button = Use my passkey
passkey-wrong = That passkey was not accepted. { code-tries-left }

# Binding a new method needs an existing one
prove-title = Confirm it's you
prove-lead = You already have a registered method. Before you add or remove one, use one you have: your password alone is not enough.
prove-back = Back to my methods
prove-passed = Thank you: you can now add or remove methods.
methods-prove-first = To add or remove a method, first confirm it's you with a method you already have.
methods-prove-button = Confirm it's me
admin-method-too-new = Your second method was registered too recently to open the admin area. Try again once its waiting period has passed, or ask another admin.

## The directory's own password rules (Active Directory: domain policy or the account's PSO)
dir-rule-length = Your organisation's directory requires at least { $length } characters.
dir-rule-complexity = It must contain three of these: capital letters, small letters, digits, symbols; and not your account name or a part of your full name.
dir-rule-history = It must not be one of your last { $count } passwords.
dir-rule-min-age = { $hours ->
    [one] After a change, a password cannot be changed again for 1 hour.
   *[other] After a change, a password cannot be changed again for { $hours } hours.
}
dir-rules-most = These are the rules for most accounts; yours may be stricter.
dir-why-too-young = You changed your password recently; it can be changed again after { $when }.
dir-why-too-short = Your account needs a password of at least { $length } characters.
dir-why-not-complex = Use three of these: capital letters, small letters, digits, symbols.
dir-why-name = It must not contain your account name or a part of your full name.
dir-why-history = It must not be one of your last { $count } passwords.

## Helpdesk console
helpdesk-sign-in-title = Helpdesk sign-in
helpdesk-sign-in-lead = Sign in with your directory password. Then you prove it is you with a second method you registered.
error-not-helpdesk-title = Not for this account
error-not-helpdesk = The helpdesk console is only for members of the helpdesk groups. Your account is not one of them. If you need access, ask the team that runs this portal.
mail-code-action-helpdesk = confirm it's you to the helpdesk
mail-code-not-you-helpdesk = Read this code only to the helpdesk person you are on a call with, and only if you called the helpdesk yourself. If you did not, tell the code to no one and contact your helpdesk.
mail-helpdesk-subject = The helpdesk changed something on your { $org } account
mail-helpdesk-unlock = The helpdesk unlocked your { $org } account. Your password did not change.
mail-helpdesk-reset-link = The helpdesk sent you a link to set a new password for your { $org } account.
mail-helpdesk-lift-block = The helpdesk reopened self-service (password reset and unlock) for your { $org } account.
mail-helpdesk-clear-methods = The helpdesk removed the recovery methods of your { $org } account. Register your methods again.
mail-helpdesk-risk = someone may have talked the helpdesk into it
mail-reset-link-subject = Set a new password for your { $org } account
mail-reset-link = The helpdesk sent you this link to set a new password for your { $org } account. Open it and choose a new password; nobody at the helpdesk sees it.
mail-reset-link-expiry = The link works once and for { $minutes } minutes.
mail-reset-link-not-you = If you did not ask the helpdesk for this, do not open the link and contact your helpdesk.
reset-link-title = Set a new password
reset-link-ask = The helpdesk sent you this link. Continue to choose a new password.
reset-link-button = Continue
reset-link-spent = This link has been used already or has expired. Ask the helpdesk for a new one, or reset your password yourself.
reset-link-start-over = Reset my password
helpdesk-nav-label = Helpdesk
helpdesk-nav-home = Find a person
helpdesk-home-title = Helpdesk
helpdesk-search-label = Name, username or email address
helpdesk-search-hint = At least two characters.
helpdesk-results-title = People found
helpdesk-no-results = Nobody matches.
helpdesk-name = Name
helpdesk-results-truncated = Only the first matches are shown. Type more to narrow the search.
helpdesk-requests-title = Requests waiting for a second person
helpdesk-requests-none = No requests are waiting.
helpdesk-action = Action
helpdesk-requested-by = Asked by
helpdesk-reason = Reason
helpdesk-decision = Decision
helpdesk-was-verified = caller verified
helpdesk-own-request = Your request: another person must approve it
helpdesk-approve = Approve
helpdesk-reject = Reject
helpdesk-reject-reason = Reason for rejecting
helpdesk-rejected = Rejected: nothing was changed. The request is closed.
helpdesk-reject-reason-needed = Type a reason for rejecting the request.
helpdesk-action-unlock = Unlock the account
helpdesk-action-reset-link = Send a reset link
helpdesk-action-lift-block = Reopen self-service
helpdesk-action-clear-methods = Remove all recovery methods
helpdesk-person-title = Person
helpdesk-state-title = Account state
helpdesk-locked = Locked in the directory
helpdesk-not-locked = Not locked
helpdesk-disabled = Disabled in the directory
helpdesk-expired = Password expired
helpdesk-must-change = Must change the password at next sign-in
helpdesk-blocked = Self-service closed: { $reason }
helpdesk-not-blocked = Self-service open
helpdesk-paused-until = Password reset paused until { $until }: too many attempts today. “Reopen self-service” lifts the pause.
helpdesk-not-paused = Password reset not paused
helpdesk-methods-title = Registered methods
helpdesk-no-methods = Nothing registered. Every action needs a second helpdesk person's approval.
helpdesk-destination = Sent to
helpdesk-added = Added
helpdesk-verify-caller = Verify the caller
helpdesk-cooling-off = Added recently: cannot verify the caller yet
helpdesk-ask-app-code = Ask for the app's code
helpdesk-send-code = Send a code
helpdesk-check-title = Verify the caller
helpdesk-check-app = Ask the caller for the code their authenticator app shows now and type it in.
helpdesk-check-read-back = A code was sent. Ask the caller to read it to you and type it in. You never see it yourself.
helpdesk-code-read = Code the caller reads to you
helpdesk-actions-title = Actions
helpdesk-verified-until = Caller verified ({ $method }) until { $until }.
helpdesk-send-confirm = Send a confirmation link
helpdesk-confirm-sent = A confirmation link was mailed to the person. Ask them to open it on their own device and confirm with their passkey, then refresh this page.
helpdesk-confirm-title = Confirmation link
helpdesk-confirm-waiting = Sent: waiting for the person to confirm with their passkey, until { $until }.
helpdesk-confirm-confirmed = The person confirmed with their passkey at { $at }.
helpdesk-confirm-ended = The link ended without a confirmation. Send a new one if the caller is still there.
helpdesk-refresh = Refresh
mail-confirm-link-subject = Confirm it's you to the { $org } helpdesk
mail-confirm-link = The helpdesk person you are talking to asks you to confirm it's you (your { $org } account). Open this link on your own device and confirm with your passkey.
mail-confirm-link-not-you = If you are not on a call with the helpdesk right now, do not open the link and contact your helpdesk.
caller-confirm-title = Confirm it's you to the helpdesk
caller-confirm-lead = The helpdesk person you are talking to asked you to confirm it's you. Confirm with your passkey on this device; the helpdesk only learns that you did.
caller-confirm-button = Confirm with my passkey
caller-confirm-not-you = If you are not on a call with the helpdesk right now, close this page and contact your helpdesk.
caller-confirm-done = Confirmed. Tell the helpdesk person you are talking to; you can close this page.
caller-confirm-refused = Your passkey was not accepted, so this link has ended. Ask the helpdesk for a new one.
caller-confirm-spent = This link has been used already or has expired. Ask the helpdesk for a new one.
helpdesk-four-eyes-unverifiable = This person cannot be verified: an action becomes a request that another helpdesk person approves. Give a reason.
helpdesk-verify-first = Verify the caller first.
helpdesk-four-eyes-privileged = A privileged account: every action also needs another helpdesk person's approval. Give a reason.
helpdesk-recent-title = Recent activity
helpdesk-recent-none = No recent activity.
helpdesk-check-not-allowed = You cannot verify this person that way.
helpdesk-verified = The caller is verified.
helpdesk-check-voided = Too many wrong codes: this check has ended. Start a new one if the caller is still there.
helpdesk-done = Done. The person gets a mail about it.
helpdesk-requested = Requested. Another helpdesk person must approve it in their console.
helpdesk-no-address = There is no address to send a reset link to.
helpdesk-approved = Approved and done. The person gets a mail about it.
helpdesk-refused-own = You cannot act on your own account here. Ask a colleague.
helpdesk-refused-out-of-reach = This account is out of the helpdesk's reach. Ask the team that runs this portal.
helpdesk-refused-not-verified = Verify the caller first: nothing was changed.
helpdesk-reason-needed = This needs another helpdesk person's approval: type a reason for them.
helpdesk-refused-own-request = You asked for this yourself: another helpdesk person must approve it.
helpdesk-request-gone = This request was decided already or has expired.

## Expiry reminders and the registration campaign (flow/reminders.rs)
mail-expiry-subject = { $days ->
        [one] Your { $org } password expires within a day
       *[other] Your { $org } password expires within { $days } days
    }
mail-expiry-body = Your { $org } password expires on { $when }. Change it before then, so that you can still sign in.
mail-expiry-change = To change it now, open:
mail-expiry-forgot = If you have forgotten it, set a new one here:
mail-expiry-why = This reminder comes a few times before your password expires and stops once you have changed it. We never ask for your password by mail.
mail-nudge-subject = Set up password recovery for your { $org } account
mail-nudge-body = You have not yet set up enough ways to prove it is you if you forget your { $org } password. It takes a few minutes; afterwards you can set a new password yourself at any time, without calling the helpdesk.
mail-nudge-link = Set them up here:
mail-nudge-stop = These reminders stop as soon as you have set up recovery. We never ask for your password by mail.
admin-nav-campaign = Campaign
admin-campaign-title = Registration campaign
admin-campaign-off = The campaign is off. Turn it on with enabled = true under [campaign] in the configuration.
admin-campaign-settings = A nudge every { $every } days, at most { $max } per person, to everyone in scope who has not registered enough methods.
admin-campaign-chart = Registration coverage per day
admin-campaign-day = Day
admin-campaign-in-scope = In scope
admin-campaign-enough = Registered enough
admin-campaign-percent = Coverage
admin-campaign-nudges = Nudges sent in the last 30 days
admin-campaign-reminders = Expiry reminders sent in the last 30 days
admin-campaign-missing = Still missing
admin-campaign-missing-link = Who has not registered enough
admin-campaign-no-data = No pass has run yet: the chart fills in day by day.

# Admin: webhooks (dead letters)
admin-nav-webhooks = Webhooks
admin-webhooks-title = Webhooks
admin-webhooks-none = No webhook is configured ([[webhooks]] in the configuration).
admin-webhooks-endpoints = Account events are sent to:
admin-webhooks-pending = { $count ->
    [one] 1 delivery waiting
   *[other] { $count } deliveries waiting
}
admin-webhooks-dead = Dead letters
admin-webhooks-dead-help = These deliveries failed as many times as the endpoint allows. Fix the endpoint, then send them again.
admin-webhooks-endpoint = Endpoint
admin-webhooks-attempts = Attempts
admin-webhooks-last-error = Last error
admin-webhooks-retry = Send again
admin-webhooks-retried = The delivery is back in the queue.
admin-webhooks-not-dead = That delivery is not a dead letter (any more).
