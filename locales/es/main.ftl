# rekey: Spanish (neutral, for Spain and Latin America), formal "usted".
# Every message of the English reference catalogue, with the same variables.

## Every page

product-name = Autoservicio de contraseñas
skip-to-content = Ir al contenido
language-switcher = Idioma
language-apply = Cambiar
footer-never-share = No comparta nunca su contraseña ni sus códigos. El soporte técnico nunca se los pedirá.
continue = Continuar
pow-working = Comprobando su navegador. Esto tarda unos segundos…
start-again = Empezar de nuevo
back-to-start = Volver al inicio
return-to = Volver a donde estaba
sign-in = Iniciar sesión
steps-label = Progreso
step-n-of-m = Paso { $now } de { $of }
step-done = Completado:
error-box-title = Hay un problema
done-what-changed = Qué ha cambiado
done-next = Qué hacer ahora
done-notice-sent = Se ha enviado una confirmación a sus direcciones de correo electrónico.
hint-passwords-match = Las dos contraseñas coinciden.
hint-passwords-differ = Las dos contraseñas todavía no coinciden.

## Fields

field-username = Nombre de usuario
field-username-hint = El nombre que usa para iniciar sesión en su equipo o en su correo electrónico.
field-password = Contraseña
field-current-password = Contraseña actual
field-new-password = Nueva contraseña
field-new-password-hint = Se aplican las reglas de contraseñas de su organización.
field-new-password-again = Repita la nueva contraseña
field-code = Código
field-email = Dirección de correo electrónico
field-email-hint = Use una dirección personal a la que pueda acceder cuando no pueda iniciar sesión. Le enviaremos un código para comprobarla.

## Steps

step-username = Nombre de usuario
step-verify = Verificar identidad
step-verify-n = Verificar identidad ({ $n } de { $of })
step-new-password = Nueva contraseña
step-unlock = Desbloquear
step-sign-in = Iniciar sesión
step-methods = Elegir métodos
step-confirm = Confirmar
step-passwords = Contraseñas

## Start page

home-title = Gestione su contraseña
home-lead = Elija lo que necesita hacer.
home-tasks = Tareas
home-reset = He olvidado mi contraseña
home-reset-text = Verifique su identidad y elija una nueva.
home-unlock = Mi cuenta está bloqueada
home-unlock-text = Verifique su identidad y desbloquéela sin cambiar su contraseña.
home-change = Cambiar mi contraseña
home-change-text = Conoce su contraseña actual y quiere una nueva.
home-register = Configurar métodos de recuperación
home-register-text = Registre una dirección de correo electrónico o una aplicación de autenticación para poder restablecer su contraseña sin ayuda.

## Reset and unlock

reset-title = Restablecer su contraseña
unlock-title = Desbloquear su cuenta
reset-username-lead = Introduzca su nombre de usuario. Después verificará su identidad con un método que haya registrado y elegirá una nueva contraseña.
unlock-username-lead = Introduzca su nombre de usuario. Después verificará su identidad con un método que haya registrado; su contraseña no cambiará.
choose-title = Verifique su identidad
choose-title-more = Verifique con un método más
choose-lead = Elija un método que haya registrado. Si no ha registrado ninguno, no puede continuar aquí: póngase en contacto con el soporte técnico.
choose-email = Enviarme un código por correo electrónico
choose-totp = Usar un código de mi aplicación de autenticación
choose-questions = Responder a mis preguntas de seguridad
choose-email-needs = Necesita: su correo electrónico, en este u otro dispositivo
choose-sms-needs = Necesita: el teléfono móvil que registró, con cobertura
choose-totp-needs = Necesita: la aplicación de autenticación de su teléfono
choose-passkey-needs = Necesita: su clave de acceso o llave de seguridad, o el dispositivo que la guarda
choose-questions-needs = Necesita: las respuestas que dio al registrarse
contact-title = Soporte técnico
contact-phone = Teléfono
contact-email = Correo electrónico
contact-hours = Horario
contact-location = En persona
contact-url = Web
code-help-summary = ¿No ha recibido ningún código?
code-help-email-spam = Los códigos suelen llegar en un minuto. Mire también en la carpeta de correo no deseado.
code-help-sms-wait = Los SMS suelen llegar en un minuto. Compruebe que su teléfono tiene cobertura y no está en modo avión.
code-help-which = El código solo se envía a la dirección o al número registrados aquí para esta cuenta, que quizá no sean los que usa a diario.
code-help-typed = Compruebe la dirección o el número de arriba. Si no es correcto, cancele y vuelva a introducirlo.
code-help-valid = Un código es válido durante { $minutes ->
        [one] un minuto
       *[other] { $minutes } minutos
    }. Puede pedir uno nuevo arriba; solo vale el más reciente.
code-help-never = Si nunca registró aquí un método de recuperación, no llegará ningún código: elija otro método o póngase en contacto con el soporte técnico.
code-help-phone = También puede continuar en su teléfono en { $url }
code-email-title = Introduzca el código del correo electrónico
code-email-lead = Si esta cuenta tiene una dirección de correo electrónico registrada, le hemos enviado un código. Es válido durante { $minutes ->
        [one] 1 minuto
       *[other] { $minutes } minutos
    }. Puede tardar un minuto en llegar; revise también la carpeta de correo no deseado.
code-totp-title = Introduzca el código de su aplicación de autenticación
code-totp-lead = Abra la aplicación que registró e introduzca el código de 6 dígitos que muestra ahora.
code-resend = Enviar un código nuevo
code-other-method = Usar otro método
code-wrong = Ese código no es correcto. { code-tries-left }
code-tries-left = { $count ->
        [0] Este era su último intento: otro error pondrá fin a este proceso.
        [one] Le queda 1 intento más.
       *[other] Le quedan { $count } intentos más.
    }
code-expired = Ese código ha caducado. Solicite un código nuevo e introduzca el más reciente.
code-not-sent = Todavía no se ha enviado ningún código. Use el botón de abajo para recibir uno.
code-replayed = Ese código ya se ha usado. Espere a que su aplicación muestre un código nuevo e introdúzcalo.
unlock-ready-title = Ha verificado su identidad
unlock-ready-lead = Desbloquee su cuenta ahora. Su contraseña no cambiará.
unlock-button = Desbloquear mi cuenta
password-title = Elija una nueva contraseña
password-lead = Se aplican las reglas de contraseñas de su organización. Una frase de contraseña larga, con varias palabras sin relación entre sí, es fácil de recordar y difícil de adivinar.
password-button = Establecer la nueva contraseña
reset-done-title = Su contraseña se ha restablecido
reset-done-password = La contraseña de { $username } se sustituyó el { $when }. Su contraseña anterior ya no funciona.
reset-done-unlocked = Su cuenta está desbloqueada.
reset-done-must-change = Se le pedirá que elija otra contraseña la próxima vez que inicie sesión.
reset-done-sessions-kept = Es posible que sus otros dispositivos y aplicaciones sigan conectados con la contraseña anterior. Cierre la sesión en ellos ahora o pida al soporte técnico que cierre todas sus sesiones.
reset-done-next = Su nueva contraseña ya funciona. Úsela en todos los dispositivos en los que inicia sesión (aplicaciones de correo del teléfono, VPN, Wi-Fi). Si no ha sido usted, póngase en contacto con el soporte técnico de inmediato.
unlock-done-title = Su cuenta está desbloqueada
unlock-done-unlocked = { $username } se desbloqueó el { $when }.
unlock-done-password-kept = Su contraseña no ha cambiado: inicie sesión con ella como siempre.
unlock-done-next = Si su cuenta se sigue bloqueando, puede que algún dispositivo todavía use una contraseña antigua. Revise la configuración de la aplicación de correo del teléfono, la VPN y la Wi-Fi.

## Change

change-title = Cambiar su contraseña
change-lead = Necesita su contraseña actual.
change-forgot = ¿La ha olvidado? Restablézcala.
change-signed-in-as = Ha iniciado sesión como { $login }.
change-button = Cambiar la contraseña
change-done-title = Su contraseña se ha cambiado
change-done-password = La contraseña de { $username } se cambió el { $when }. Su contraseña anterior ya no funciona.
change-done-next = A partir de ahora, use su nueva contraseña en todos los dispositivos en los que inicia sesión (aplicaciones de correo del teléfono, VPN, Wi-Fi).
change-done-register = ¿Ha configurado métodos de recuperación? Con ellos puede restablecer una contraseña olvidada sin recurrir al soporte técnico.
change-same-as-old = La nueva contraseña debe ser distinta de la actual.
change-expired = Su contraseña ha caducado y el directorio ya no la acepta, ni siquiera para cambiarla. Elija «He olvidado mi contraseña» en la página de inicio para establecer una nueva.
password-expires-in-days = Su contraseña caduca en { $days } días. Cámbiela antes.
password-expires-in-hours = Su contraseña caduca en { $hours ->
        [one] 1 hora
       *[other] { $hours } horas
    }. Cámbiela ahora.
password-grace-logins-left = Su contraseña ha caducado. Podrá iniciar sesión con ella { $count ->
        [one] 1 vez más
       *[other] { $count } veces más
    }; cámbiela ahora.
change-wrong-current = Su contraseña actual no es correcta. Revísela y vuelva a intentarlo.

## Register

register-sign-in-title = Inicie sesión para configurar métodos de recuperación
register-sign-in-lead = Use su nombre de usuario y contraseña habituales.
register-title = Inicie sesión para registrarse
methods-title = Sus métodos de recuperación
methods-lead = Ha iniciado sesión como { $name }. Con estos métodos puede restablecer su contraseña o desbloquear su cuenta sin ayuda.
methods-still-needed = { $count ->
        [one] Registre 1 método más para continuar.
       *[other] Registre { $count } métodos más para continuar.
    }
methods-required = { $count ->
        [one] Su organización exige 1 método.
       *[other] Su organización exige { $count } métodos distintos.
    }
methods-registered = Registrados
methods-none = Todavía ninguno.
methods-col-method = Método
methods-col-added = Agregado
methods-col-action = Acción
methods-directory-email = Correo electrónico: { $address } (de su cuenta)
methods-email = Correo electrónico: { $address }
methods-totp = Aplicación de autenticación
methods-questions = Preguntas de seguridad
methods-remove = Quitar
methods-remove-label = Quitar { $method }
methods-add-email = Agregar una dirección de correo electrónico
methods-send-code = Enviar un código a esta dirección
methods-add-totp = Agregar una aplicación de autenticación
methods-add-totp-text = Una aplicación de su teléfono (Microsoft Authenticator, Google Authenticator, FreeOTP…) que muestra un código nuevo de 6 dígitos cada 30 segundos.
methods-add-totp-button = Configurar una aplicación de autenticación
methods-finish = Finalizar y cerrar sesión
methods-sign-out = Cerrar sesión sin finalizar
methods-added = Su nuevo método está registrado.
methods-add-voided = Demasiados códigos incorrectos: ese método no se ha agregado. Puede volver a intentarlo.
methods-removed = Se ha quitado el método.
methods-bad-address = Eso no parece una dirección de correo electrónico. Revísela y vuelva a intentarlo.
methods-keep-one = Agregue otro método antes de quitar este: necesita al menos el número exigido.
methods-review-title = ¿Siguen siendo suyos?
methods-review-text = Revise los métodos de abajo: elimine cualquier dirección o aplicación que ya no tenga y añada otras nuevas. Después, confírmelo.
methods-review-button = Todos siguen siendo míos
methods-review-thanks = Gracias: sus métodos están confirmados.
methods-need-more = Necesita registrar más métodos para poder finalizar.
confirm-email-title = Revise su correo electrónico
confirm-email-lead = Hemos enviado un código a { $address }. Introdúzcalo a continuación para confirmar la dirección. Puede tardar un minuto en llegar; revise también la carpeta de correo no deseado.
confirm-totp-title = Configure su aplicación de autenticación
confirm-totp-1 = Abra su aplicación de autenticación y elija agregar una cuenta.
confirm-totp-2 = Escanee este código QR con ella.
confirm-totp-qr = Código QR para escanear con su aplicación de autenticación
confirm-totp-3 = ¿No puede escanearlo? Introduzca esta clave:
confirm-totp-4 = Introduzca el código de 6 dígitos que muestra ahora la aplicación.
confirm-button = Confirmar
confirm-cancel = Cancelar y volver
confirm-code-expired = Ese código ha caducado. Vuelva atrás y agregue de nuevo la dirección para recibir un código nuevo.
confirm-code-unusable = Ese código no se puede usar. Vuelva atrás y empiece de nuevo.
register-done-title = Todo listo
register-done-method = Registrado: { $method }
register-done-signed-out = Se ha cerrado su sesión.
register-done-next = Si alguna vez olvida su contraseña o se bloquea su cuenta, vuelva aquí y elija "He olvidado mi contraseña" o "Mi cuenta está bloqueada".
sign-in-failed = No hemos podido iniciar su sesión con ese nombre de usuario y esa contraseña. Revise ambos y vuelva a intentarlo. Si ha olvidado su contraseña, restablézcala; si su cuenta está bloqueada, desbloquéela.
out-of-scope = El autoservicio no está habilitado para su cuenta. Póngase en contacto con el soporte técnico.
must-change = Su contraseña ha caducado o debe cambiarse antes de continuar. Cámbiela primero y luego vuelva aquí.
oidc-continue-title = Iniciando sesión

## New passwords

new-password-empty = Introduzca una nueva contraseña.
new-password-too-long = La nueva contraseña es demasiado larga: use como máximo 256 caracteres.
new-password-mismatch = Las dos contraseñas nuevas no coinciden. Escriba la misma contraseña en ambos campos.
policy-too-short = La nueva contraseña es demasiado corta según las reglas de su organización. Elija una más larga.
policy-too-long = La nueva contraseña es más larga de lo que permite su organización. Elija una más corta.
policy-in-history = Ha usado esta contraseña recientemente. Elija una que no haya usado antes.
policy-too-young = Su contraseña se cambió hace demasiado poco para volver a cambiarla. Vuelva a intentarlo más tarde o, si la ha olvidado, use la página de restablecimiento.
policy-quality = La nueva contraseña no es lo bastante compleja según las reglas de su organización. Combine mayúsculas, minúsculas, números y símbolos, o use una frase de contraseña más larga.
policy-not-allowed = Su organización no permite cambiar esta contraseña aquí. Póngase en contacto con el soporte técnico.
policy-old-password-needed = Se necesita su contraseña actual para hacer este cambio.
policy-other = Las reglas de contraseñas de su organización han rechazado la nueva contraseña. Elija otra distinta y más larga.

## "This wasn't me"

disown-title = No he sido yo
disown-ask-1 = Si usted no hizo lo que se describe en el correo, es posible que otra persona haya entrado en su cuenta o en sus métodos de recuperación.
disown-ask-2 = Detenga ahora el autoservicio para su cuenta: nadie podrá restablecer, desbloquear ni cambiar su contraseña ni agregar métodos de recuperación aquí, y los procesos en curso finalizarán. Se avisará al soporte técnico, que podrá levantar el bloqueo cuando su cuenta esté segura.
disown-button = Detener el autoservicio para mi cuenta
disown-was-me = Sí he sido yo
disown-done-title = El autoservicio está detenido para su cuenta
disown-done-1 = Nadie puede restablecer, desbloquear ni cambiar su contraseña aquí hasta que el soporte técnico levante el bloqueo. Los procesos en curso han finalizado y se ha avisado al soporte técnico.
disown-done-2 = Póngase en contacto ahora con el soporte técnico para que revise su cuenta y le dé una nueva contraseña.
disown-spent-title = Este enlace no se puede usar
disown-spent-1 = Ya se ha usado o ha caducado. Si sigue pensando que otra persona ha usado su cuenta, póngase en contacto ahora con el soporte técnico.

## Kiosk

kiosk-footer = Este es un equipo compartido. Cuando termine, no se guardará nada de lo que haya escrito.
kiosk-idle-title = ¿Sigue ahí?
kiosk-idle-text = Para proteger su privacidad, esta página volverá al inicio y olvidará lo que haya escrito.
kiosk-idle-seconds = { $seconds ->
        [one] Queda 1 segundo.
       *[other] Quedan { $seconds } segundos.
    }
kiosk-idle-stay = Sigo aquí
kiosk-phone-title = Continuar en su teléfono
kiosk-phone-text = Escanee este código con la cámara de su teléfono para hacerlo desde su propio teléfono.
kiosk-phone-qr = Código QR que abre esta página en su teléfono
kiosk-done = Ahora vuelva a la pantalla de inicio de sesión e inicie sesión.
kiosk-finish = Finalizar

## Errors

error-reference = Referencia: { $reference } (error { $status })
error-offer-reset = Restablecer su contraseña
error-unavailable-title = Los servicios de contraseñas no están disponibles en este momento
error-unavailable = No se ha cambiado nada. El servicio que comprueba y cambia las contraseñas no responde en este momento. Vuelva a intentarlo dentro de unos minutos; si el problema continúa, póngase en contacto con el soporte técnico.
error-unconfirmed-title = No hemos podido confirmar el cambio
error-unconfirmed = El cambio se envió, pero no llegó ninguna respuesta, así que no sabemos si se hizo. Si eligió una contraseña nueva, intente iniciar sesión con ella; si no funciona, su contraseña anterior sigue vigente: inicie sesión con ella o empiece de nuevo. Si ninguna funciona, póngase en contacto con el soporte técnico. Hemos enviado un aviso a sus direcciones de correo y el cambio consta como no confirmado.
error-refused-title = Esta cuenta no se puede cambiar aquí
error-refused = Su organización no permite que este servicio cambie esta cuenta (es lo habitual en las cuentas de administrador). No se ha cambiado nada y volver a intentarlo no servirá. Póngase en contacto con el soporte técnico.
error-rate-limited-title = Demasiados intentos
error-rate-limited = Por la seguridad de todos, hay un límite de intentos. No se ha cambiado nada.
error-paused-title = El autoservicio está en pausa para este nombre de usuario
error-paused = Ha habido demasiados intentos de restablecer la contraseña de este nombre de usuario en las últimas 24 horas, así que el autoservicio está en pausa para él. Si necesita restablecer su contraseña ahora, póngase en contacto con el soporte técnico.
error-unlock-by-reset-title = Su cuenta no se puede desbloquear aquí
error-unlock-by-reset = Su cuenta está en Microsoft Entra ID. El bloqueo tras demasiadas contraseñas incorrectas no se puede levantar desde aquí: termina por sí solo cuando pasa su tiempo de bloqueo. Ahora puede elegir una nueva contraseña, para que la que se está probando deje de funcionar. Todavía no se ha cambiado nada.
error-expired-title = Este proceso ha finalizado
error-expired = Se agotó el tiempo, ya se completó o hubo demasiados códigos incorrectos. Empiece de nuevo.
error-out-of-step-title = Esta página no está actualizada
error-out-of-step = Es posible que se haya abierto en otra pestaña o que ya se haya usado. Empiece de nuevo.
error-voided-title = Demasiados códigos incorrectos
error-voided = Por su seguridad, este proceso ha finalizado y no se ha cambiado nada. Puede empezar de nuevo; si no solicitó ningún código, puede ignorar este mensaje.
error-csrf-title = Este formulario ha caducado
error-csrf = Por su seguridad, no se ha podido aceptar el formulario. Vuelva atrás, recargue la página y vuelva a intentarlo.
error-bad-form-title = No se ha podido leer el formulario
error-bad-form = Vuelva atrás, recargue la página y vuelva a intentarlo.
error-too-large-title = Se ha enviado demasiado contenido
error-too-large = Lo que ha enviado supera lo que admite este formulario. Vuelva atrás y acorte lo que ha escrito.
error-internal-title = Algo ha fallado por nuestra parte
error-internal = No se ha cambiado nada. Vuelva a intentarlo; si el problema continúa, facilite al soporte técnico la referencia que aparece abajo.
error-not-found-title = No se ha encontrado la página
error-not-found = No hay ninguna página en esta dirección. Empiece desde la página de inicio.
error-timeout-title = Ha tardado demasiado
error-timeout = No se ha cambiado nada. Vuelva a intentarlo.
error-method-title = Esta página no se puede usar de esa forma
error-method = Empiece desde la página de inicio.
error-other-title = No se ha podido procesar la solicitud
error-other = Empiece desde la página de inicio.
wait-seconds = Puede volver a intentarlo en menos de un minuto.
wait-minutes = Puede volver a intentarlo en { $minutes ->
        [one] aproximadamente un minuto
       *[other] unos { $minutes } minutos
    }.
wait-hours = Puede volver a intentarlo en unas { $hours } horas.
wait-day = Puede volver a intentarlo en aproximadamente un día.

## Dates

date-time = { $weekday }, { $day } de { $month } de { $year }, { $time } { $zone }
date-unknown = día desconocido
weekday-1 = lunes
weekday-2 = martes
weekday-3 = miércoles
weekday-4 = jueves
weekday-5 = viernes
weekday-6 = sábado
weekday-7 = domingo
month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre

## Mails

mail-hello = Hola:
mail-hello-name = Hola, { $name }:
mail-code-subject = Su código de { $org } para { $action }
mail-code-is = Su código para { $action } es:
mail-code-action-reset = restablecer su contraseña
mail-code-action-unlock = desbloquear su cuenta
mail-code-action-confirm = confirmar esta dirección de correo electrónico
mail-code-action-sign-in = iniciar sesión
mail-code-expiry = { $minutes ->
        [one] Caduca en 1 minuto.
       *[other] Caduca en { $minutes } minutos.
    } Introdúzcalo en la página en la que lo solicitó. Solo puede usarlo una vez.
mail-code-not-you = Si no ha sido usted, ignore este correo; nadie puede usar el código sin conocer también su nombre de usuario. No comunique nunca este código a nadie, ni siquiera al soporte técnico.
mail-changed-subject = Se ha cambiado su contraseña de { $org }
mail-changed = Se ha cambiado la contraseña de su cuenta de { $org }.
mail-changed-risk = es posible que otra persona conozca su contraseña
mail-reset-subject = Se ha restablecido su contraseña de { $org }
mail-reset = La contraseña de su cuenta de { $org } se ha restablecido con el portal de autoservicio.
mail-reset-risk = es posible que otra persona haya entrado en su cuenta
mail-unconfirmed-subject = Es posible que se haya cambiado su contraseña de { $org }
mail-unconfirmed = Alguien pidió cambiar la contraseña de su cuenta de { $org }. El cambio se envió, pero no llegó ninguna respuesta, así que no sabemos si se hizo.
mail-unconfirmed-risk = es posible que otra persona haya intentado entrar en su cuenta
mail-unlocked-subject = Se ha desbloqueado su cuenta de { $org }
mail-unlocked = Su cuenta de { $org } se ha desbloqueado con el portal de autoservicio. Su contraseña no ha cambiado.
mail-unlocked-risk = es posible que otra persona esté intentando entrar en su cuenta
mail-method-added-subject = Se ha agregado un método de recuperación a su cuenta de { $org }
mail-method-added = Se ha agregado una nueva forma de verificar su identidad a su cuenta de { $org }: { $method }.
mail-method-removed-subject = Se ha quitado un método de recuperación de su cuenta de { $org }
mail-method-removed = Se ha quitado una forma de verificar su identidad de su cuenta de { $org }: { $method }.
mail-method-risk = es posible que otra persona esté intentando apoderarse de su cuenta
mail-when = Cuándo
mail-from = Desde
mail-unknown-address = una dirección desconocida
mail-was-you = Si ha sido usted, no tiene que hacer nada más.
mail-disown = Si no ha sido usted, detenga de inmediato el autoservicio para su cuenta abriendo este enlace (solo funciona una vez): { $link }
mail-not-you = Si no ha sido usted, { $risk }: póngase en contacto de inmediato con el soporte técnico y mencione este correo. El portal de autoservicio está en { $url }

## Admin area

error-not-admin-title = No disponible para esta cuenta
error-not-admin = El área de administración es solo para los miembros de los grupos de administradores. Su cuenta no pertenece a ninguno de ellos. Si necesita acceso, pídalo al equipo que gestiona este portal.
admin-sign-in-title = Inicio de sesión de administrador
admin-sign-in-lead = Inicie sesión con la contraseña de su cuenta del directorio. Después verificará su identidad con un segundo método que haya registrado.
admin-sign-in-oidc = Iniciar sesión con su cuenta de Microsoft
admin-needs-method = Los administradores deben verificar su identidad con un segundo método. Registre primero una aplicación de autenticación o una dirección de correo electrónico y luego vuelva a iniciar sesión aquí.
admin-verify-title = Verifique su identidad
admin-verify-lead = Use uno de los métodos que ha registrado.
admin-verify-totp = Código de su aplicación de autenticación
admin-verify-email = Código por correo electrónico
admin-verify-send = Enviar un código a mi dirección registrada
admin-verify-email-sent = Hemos enviado un código a su dirección registrada. Puede tardar un minuto en llegar.
admin-nav-label = Área de administración
admin-nav-home = Resumen
admin-nav-coverage = Registro de métodos
admin-nav-activity = Actividad
admin-nav-audit = Registro de auditoría
admin-signed-in-as = Ha iniciado sesión como { $name }
admin-home-title = Resumen
admin-status-title = Estado
admin-status-service = Servicio
admin-status-now = Ahora
admin-status-last-error = Último error desde el arranque
admin-status-directory = Directorio
admin-status-database = Base de datos
admin-status-mail = Servidor de correo
admin-status-ok = Responde
admin-status-unavailable = No responde
admin-status-none = Ninguno
admin-agents-title = Agentes de escritura diferida
admin-agents-none = No hay ningún agente registrado.
admin-agent-name = Agente
admin-agent-host = Host
admin-agent-version = Versión
admin-agent-heartbeat = Última señal de actividad
admin-agent-never = nunca
admin-agent-outdated = anterior a { $min }, la más antigua que admite este portal: actualícelo
admin-home-period = Del { $from } al { $to }
admin-see-activity = Actividad en detalle
admin-see-coverage = Quién se ha registrado
admin-activity = Actividad
admin-activity-register = Registros
admin-activity-change = Cambios de contraseña
admin-activity-reset = Restablecimientos de contraseña
admin-activity-unlock = Desbloqueos de cuenta
admin-started = Iniciados
admin-succeeded = Con éxito
admin-success-rate = Tasa de éxito
admin-failed-steps = Pasos fallidos
admin-failed = Fallidos
admin-totals-caption = Totales del período
admin-activity-title = Actividad
admin-period-shown = Del { $from } al { $to } (UTC).
admin-bad-period = Las fechas deben tener el formato 2026-11-30, la primera no puede ser posterior a la segunda y entre ambas no puede haber más de 366 días. En su lugar se muestran los últimos 30 días.
admin-bad-date = Las fechas deben tener el formato 2026-11-30. La búsqueda ha ignorado la fecha que no lo tenía.
admin-from = Desde
admin-to = Hasta
admin-show = Mostrar
admin-last = Últimos:
admin-n-days = { $days } días
admin-download-csv = Descargar como CSV
admin-definitions = Cómo se cuentan
admin-definition-succeeded = Con éxito: un método registrado, una contraseña cambiada, una contraseña restablecida o una cuenta desbloqueada.
admin-definition-started = Iniciados: restablecimientos y desbloqueos comenzados (se introdujo un nombre de usuario), intentos de cambio e inicios de sesión para registrar métodos. Los registros no tienen tasa de éxito, porque en un solo inicio de sesión se pueden agregar varios métodos.
admin-definition-failed = Pasos fallidos: cada paso que terminó en un fallo. Un mismo intento puede tener varios pasos fallidos (un código incorrecto y luego el correcto) y aun así completarse con éxito.
admin-per-day = Por día
admin-chart-title = Operaciones con éxito por día, del { $from } al { $to }
admin-chart-caption = Operaciones con éxito por día y por actividad. La tabla de abajo contiene las mismas cifras.
admin-per-day-caption = Operaciones con éxito por día y por actividad, y pasos fallidos
admin-date = Fecha
admin-methods-title = Por método
admin-method = Método
admin-methods-used = Métodos usados
admin-completed-with = Completado con
admin-nothing-yet = Nada en este período.
admin-method-email = Código por correo electrónico
admin-method-totp = Aplicación de autenticación
admin-method-password = Contraseña
admin-method-oidc = Inicio de sesión único (SSO)
admin-method-questions = Preguntas de seguridad
admin-method-sms = Código por SMS
admin-method-passkey = Llave de acceso
admin-failures-title = Por qué fallaron los pasos
admin-reason = Motivo
admin-reason-codes = Los códigos de motivo que forman estos grupos
admin-failure-wrong-code = Código o respuesta incorrectos, o código caducado
admin-failure-wrong-password = Contraseña incorrecta
admin-failure-locked-out = Cuenta bloqueada o autoservicio en pausa
admin-failure-policy = Rechazado por las reglas de contraseñas
admin-failure-directory-unavailable = Directorio no disponible
admin-failure-rate-limited = Límite de intentos alcanzado
admin-failure-not-allowed = No permitido (fuera del ámbito, no es administrador)
admin-failure-other = Otro
admin-coverage-title = Registro de métodos
admin-coverage-directory-error = No se ha podido listar el directorio, así que no se sabe quién está dentro del ámbito. El resumen muestra el último error del directorio.
admin-coverage-in-scope = Personas dentro del ámbito
admin-coverage-enough = Suficientes métodos registrados ({ $required } o más)
admin-coverage-partly = Algún método registrado, pero no suficientes
admin-coverage-none = Ningún método registrado
admin-coverage-truncated = El listado del directorio se detuvo en admin.max_listed_accounts: hay más personas de las que se muestran.
admin-coverage-show = Mostrar
admin-coverage-show-all = Todas las personas del ámbito
admin-coverage-show-missing = Sin suficientes métodos registrados
admin-coverage-show-enough = Con suficientes métodos registrados
admin-search-person = Nombre o nombre de usuario
admin-matching = { $count ->
        [one] 1 coincidencia
       *[other] { $count } coincidencias
    }
admin-name = Nombre
admin-methods-registered = Métodos registrados
admin-registered-when = Primer registro
admin-enough = Suficiente
admin-yes = Sí
admin-no = No
admin-audit-title = Registro de auditoría
admin-event = Evento
admin-outcome = Resultado
admin-any = Cualquiera
admin-search = Buscar
admin-time = Fecha y hora (UTC)
admin-person = Persona
admin-source = Dirección de origen
admin-user-agent = Navegador
admin-pages-label = Páginas
admin-page-previous = Página anterior
admin-page-next = Página siguiente
admin-page-n-of-m = Página { $page } de { $pages }
admin-sign-out = Cerrar sesión
admin-coverage-listed-at = El directorio se leyó a las { $time }.
admin-coverage-refresh = Volver a leerlo
admin-coverage-listing = Leyendo el directorio: { $count ->
        [one] 1 cuenta hasta ahora.
       *[other] { $count } cuentas hasta ahora.
    } Esta página se recarga sola hasta que termine la lectura.
admin-coverage-listing-reload = Recargar ahora
admin-coverage-listing-failed = La lectura se detuvo después de { $count ->
        [one] 1 cuenta.
       *[other] { $count } cuentas.
    }
admin-coverage-listing-retry = Volver a intentarlo

## Security questions
methods-add-questions = Agregar preguntas de seguridad
methods-add-questions-text = { $count ->
        [one] Responderá a 1 pregunta con una respuesta que solo usted conoce. La respuesta se guarda de forma que nadie puede recuperarla, ni siquiera el soporte técnico.
       *[other] Responderá a { $count } preguntas con respuestas que solo usted conoce. Las respuestas se guardan de forma que nadie puede recuperarlas, ni siquiera el soporte técnico.
    }
methods-add-questions-button = Configurar preguntas de seguridad
methods-change-questions-button = Cambiar mis preguntas de seguridad
methods-questions-not-alone = Para su cuenta, las preguntas de seguridad solo cuentan junto con otro método.
questions-register-title = Sus preguntas de seguridad
questions-register-lead = { $count ->
        [one] Elija 1 pregunta y respóndala. Cuando restablezca su contraseña o desbloquee su cuenta, se le hará esa pregunta.
       *[other] Elija { $count } preguntas distintas y responda a cada una. Cuando restablezca su contraseña o desbloquee su cuenta, se le harán algunas de ellas.
    }
questions-fix-below = Debe corregir algunas respuestas: consulte las indicaciones de abajo.
questions-n = Pregunta { $n }
questions-field-question = Pregunta
questions-own-option = Escribir mi propia pregunta
questions-field-own = Su propia pregunta
questions-field-own-hint = Solo si arriba eligió “Escribir mi propia pregunta”.
questions-field-answer = Respuesta
questions-answer-rules = Cada respuesta debe tener al menos { $count ->
        [one] 1 letra o dígito
       *[other] { $count } letras o dígitos
    } y ser distinta de las demás. No importan las mayúsculas, los acentos ni los espacios de más.
questions-save = Guardar mis preguntas
questions-back = Volver a mis métodos
questions-pick-one = Elija una de las preguntas de la lista.
questions-own-short = Escriba una pregunta de al menos 5 caracteres o elija una de la lista.
questions-own-long = Su pregunta es demasiado larga: use como máximo 200 caracteres.
questions-question-repeated = Ya eligió esta pregunta: elija otra distinta.
questions-answer-short = Esta respuesta es demasiado corta.
questions-answer-repeated = Esta respuesta es igual que otra: cada respuesta debe ser distinta.
questions-answer-is-question = Esta respuesta solo repite la pregunta.
questions-answer-title = Responda a sus preguntas de seguridad
questions-answer-lead = Escriba las respuestas que dio al registrar sus preguntas. No importan las mayúsculas, los acentos ni los espacios de más.
questions-wrong = Una o más respuestas no son correctas. { code-tries-left }
question-first-pet = ¿Cómo se llamaba su primera mascota?
question-birth-city = ¿En qué ciudad nació?
question-first-school = ¿Cómo se llamaba su primera escuela?
question-childhood-friend = ¿Cuál es el nombre de su mejor amigo o amiga de la infancia?
question-first-car = ¿Cuál fue la marca y el modelo de su primer automóvil?
question-favourite-teacher = ¿Cuál era el apellido de su profesor favorito o de su profesora favorita?
question-first-job = ¿En qué empresa tuvo su primer empleo?
question-parents-met = ¿En qué ciudad se conocieron sus padres?

## Password quality (policy/quality.rs): checked before the directory is asked

quality-rules = { $classes ->
    [1] Use al menos { $length } caracteres.
   *[other] Use al menos { $length } caracteres, con { $classes } de estos tipos: minúsculas, mayúsculas, números, símbolos.
} Ni su nombre, ni una palabra o contraseña habitual.
quality-refused = Esta nueva contraseña no se puede usar. Los motivos aparecen bajo el campo de la nueva contraseña: elija otra.
quality-ok = Esta contraseña cumple las reglas que se comprueban aquí.
quality-too-short = Es demasiado corta: use al menos { $min } caracteres.
quality-classes = Combine al menos { $min } de estos tipos: minúsculas, mayúsculas, números, símbolos.
quality-own-name = Contiene su nombre o su nombre de usuario.
quality-banned = Está hecha sobre todo de palabras fáciles de adivinar, como «contraseña», una estación del año o el nombre de la organización. Añada más de su cosecha.
quality-breached = Está en una lista de contraseñas filtradas en brechas de datos, que los atacantes prueban primero.
quality-guessable = Sería demasiado fácil de adivinar.
quality-warn-keyboard-rows = Las filas seguidas de teclas son fáciles de adivinar.
quality-warn-keyboard-short = Los patrones cortos de teclado son fáciles de adivinar.
quality-warn-repeats = Las repeticiones como «aaa» son fáciles de adivinar.
quality-warn-repeated-groups = Las repeticiones como «abcabcabc» son apenas más difíciles de adivinar que «abc».
quality-warn-top-10 = Es una de las diez contraseñas más comunes.
quality-warn-top-100 = Es una de las cien contraseñas más comunes.
quality-warn-common = Es una contraseña muy común.
quality-warn-similar = Se parece a una contraseña muy usada.
quality-warn-sequences = Las secuencias como «abc» o «6543» son fáciles de adivinar.
quality-warn-recent-years = Los años recientes son fáciles de adivinar.
quality-warn-word = Una palabra sola es fácil de adivinar.
quality-warn-dates = Las fechas suelen ser fáciles de adivinar.
quality-warn-names = Los nombres y apellidos por sí solos son fáciles de adivinar.
quality-warn-common-names = Los nombres y apellidos comunes son fáciles de adivinar.
quality-tip-few-words = Use varias palabras y evite frases hechas.
quality-tip-no-symbols-needed = No hacen falta símbolos, números ni mayúsculas.
quality-tip-another-word = Añada una o dos palabras más. Las palabras poco comunes son mejores.
quality-tip-capitals = Las mayúsculas no ayudan mucho.
quality-tip-all-capitals = Todo en mayúsculas es casi tan fácil de adivinar como todo en minúsculas.
quality-tip-reversed = Las palabras escritas al revés apenas son más difíciles de adivinar.
quality-tip-substitutions = Las sustituciones previsibles como «@» en lugar de «a» no ayudan mucho.
quality-tip-keyboard = Use un patrón de teclado más largo y con más giros.
quality-tip-repeats = Evite repetir palabras y caracteres.
quality-tip-sequences = Evite las secuencias.
quality-tip-recent-years = Evite los años recientes.
quality-tip-your-years = Evite los años relacionados con usted.
quality-tip-your-dates = Evite las fechas y años relacionados con usted.

## Text messages (SMS)
sms-code-text = Su código de { $org }: { $code }
choose-sms = Enviarme un código por SMS
code-sms-title = Introduzca el código del SMS
code-sms-lead = Si esta cuenta tiene un número de móvil registrado, le hemos enviado un código por SMS. Es válido durante { $minutes ->
        [one] 1 minuto
       *[other] { $minutes } minutos
    }.
code-sms-failed = No hemos podido enviar un SMS en este momento. Inténtelo de nuevo dentro de unos minutos o elija otro método.
code-resend-sms = Enviar un SMS nuevo
methods-sms = SMS: { $number }
methods-add-sms = Añadir un número de móvil
field-phone = Número de móvil
field-phone-hint = Con el prefijo del país, por ejemplo +34 612 34 56 78. Le enviaremos un código por SMS para comprobarlo.
methods-send-text = Enviar un código por SMS a este número
methods-bad-number = Eso no parece un número de móvil. Compruébelo e inténtelo de nuevo.
methods-number-no-country = Añada el prefijo del país, empezando por + (por ejemplo +34 para España).
confirm-sms-title = Confirme su número de móvil
confirm-sms-lead = Le hemos enviado un código por SMS al { $number }. Introdúzcalo abajo para confirmar el número. Puede tardar un minuto en llegar.
admin-status-sms = Pasarela de SMS

## Passkeys
methods-passkey = Llave de acceso «{ $name }»
methods-add-passkey = Añadir una llave de acceso o una llave de seguridad
methods-add-passkey-text = Una llave de acceso se guarda en su teléfono, su ordenador o una llave de seguridad, y se desbloquea con su huella, su cara o un PIN. Solo funciona en la dirección de este portal, así que un sitio que lo imite no puede usarla.
field-passkey-name = Nombre de esta llave de acceso
field-passkey-name-hint = Para distinguir sus llaves de acceso, por ejemplo «Portátil del trabajo» o «Llave de seguridad azul».
methods-add-passkey-button = Crear una llave de acceso
passkey-working = Siga lo que le pida su navegador o su llave de seguridad.
passkey-cancelled = No se usó la llave de acceso: la solicitud se canceló o tardó demasiado. Inténtelo de nuevo o elija otra forma.
passkey-failed = No ha funcionado. Inténtelo de nuevo o elija otra forma.
passkey-unsupported = Este navegador no puede usar llaves de acceso. Elija otra forma u otro navegador.
passkey-needs-script = Las llaves de acceso necesitan JavaScript en su navegador. Actívelo o elija otra forma.
passkey-name-missing = Dé un nombre a la llave de acceso para reconocerla más tarde.
passkey-registered-already = Esta llave de acceso o llave de seguridad ya está registrada.
choose-passkey = Usar una llave de acceso o una llave de seguridad
passkey-use-title = Usar su llave de acceso
passkey-use-lead = Al pulsar el botón, su navegador le pedirá su llave de acceso. Desbloquéela con su huella, su cara o un PIN.
passkey-use-button = Usar mi llave de acceso
passkey-wrong = No se aceptó esa llave de acceso. { code-tries-left }

# Binding a new method needs an existing one
prove-title = Confirme que es usted
prove-lead = Ya tiene un método registrado. Antes de añadir o quitar uno, use uno que ya tenga: su contraseña sola no basta.
prove-back = Volver a mis métodos
prove-passed = Gracias: ahora puede añadir o quitar métodos.
methods-prove-first = Para añadir o quitar un método, confirme primero que es usted con un método que ya tenga.
methods-prove-button = Confirmar que soy yo
admin-method-too-new = Su segundo método se registró hace demasiado poco para abrir el área de administración. Vuelva a intentarlo cuando haya pasado el período de espera o pida ayuda a otro administrador.

## The directory's own password rules (Active Directory: domain policy or the account's PSO)
dir-rule-length = El directorio de su organización exige al menos { $length } caracteres.
dir-rule-complexity = Debe contener tres de estos tipos: mayúsculas, minúsculas, números, símbolos; y no su nombre de cuenta ni una parte de su nombre completo.
dir-rule-history = No puede ser una de sus últimas { $count } contraseñas.
dir-rule-min-age = { $hours ->
    [one] Tras un cambio, una contraseña no se puede volver a cambiar durante 1 hora.
   *[other] Tras un cambio, una contraseña no se puede volver a cambiar durante { $hours } horas.
}
dir-rules-most = Estas son las reglas de la mayoría de las cuentas; las de la suya pueden ser más estrictas.
dir-why-too-young = Ha cambiado su contraseña hace poco; podrá cambiarla de nuevo después del { $when }.
dir-why-too-short = Su cuenta necesita una contraseña de al menos { $length } caracteres.
dir-why-not-complex = Use tres de estos tipos: mayúsculas, minúsculas, números, símbolos.
dir-why-name = No puede contener su nombre de cuenta ni una parte de su nombre completo.
dir-why-history = No puede ser una de sus últimas { $count } contraseñas.

## Helpdesk console
helpdesk-sign-in-title = Inicio de sesión del servicio de asistencia
helpdesk-sign-in-lead = Inicie sesión con la contraseña de su cuenta del directorio. Después verificará su identidad con un segundo método que haya registrado.
error-not-helpdesk-title = No disponible para esta cuenta
error-not-helpdesk = La consola del servicio de asistencia es solo para los miembros de sus grupos. Su cuenta no pertenece a ninguno de ellos. Si necesita acceso, pídalo al equipo que gestiona este portal.
mail-code-action-helpdesk = confirmar su identidad ante el servicio de asistencia
mail-code-not-you-helpdesk = Lea este código solo a la persona del servicio de asistencia con la que está hablando, y solo si usted mismo llamó al servicio de asistencia. Si no, no se lo diga a nadie y contacte con su servicio de asistencia.
mail-helpdesk-subject = El servicio de asistencia ha cambiado algo en su cuenta de { $org }
mail-helpdesk-unlock = El servicio de asistencia ha desbloqueado su cuenta de { $org }. Su contraseña no ha cambiado.
mail-helpdesk-reset-link = El servicio de asistencia le ha enviado un enlace para elegir una nueva contraseña para su cuenta de { $org }.
mail-helpdesk-lift-block = El servicio de asistencia ha vuelto a abrir el autoservicio (restablecer la contraseña y desbloquear) para su cuenta de { $org }.
mail-helpdesk-clear-methods = El servicio de asistencia ha eliminado los métodos de recuperación de su cuenta de { $org }. Vuelva a registrar sus métodos.
mail-helpdesk-risk = alguien puede haber convencido al servicio de asistencia
mail-reset-link-subject = Elija una nueva contraseña para su cuenta de { $org }
mail-reset-link = El servicio de asistencia le ha enviado este enlace para elegir una nueva contraseña para su cuenta de { $org }. Ábralo y elija una nueva contraseña; nadie del servicio de asistencia la verá.
mail-reset-link-expiry = El enlace funciona una sola vez y durante { $minutes } minutos.
mail-reset-link-not-you = Si no lo pidió al servicio de asistencia, no abra el enlace y contacte con su servicio de asistencia.
reset-link-title = Elegir una nueva contraseña
reset-link-ask = El servicio de asistencia le ha enviado este enlace. Continúe para elegir una nueva contraseña.
reset-link-button = Continuar
reset-link-spent = Este enlace ya se ha usado o ha caducado. Pida uno nuevo al servicio de asistencia o restablezca usted mismo su contraseña.
reset-link-start-over = Restablecer mi contraseña
helpdesk-nav-label = Servicio de asistencia
helpdesk-nav-home = Buscar a una persona
helpdesk-home-title = Servicio de asistencia
helpdesk-search-label = Nombre, usuario o correo electrónico
helpdesk-search-hint = Al menos dos caracteres.
helpdesk-results-title = Personas encontradas
helpdesk-no-results = Nadie coincide.
helpdesk-name = Nombre
helpdesk-results-truncated = Solo se muestran las primeras coincidencias. Escriba más para acotar la búsqueda.
helpdesk-requests-title = Solicitudes a la espera de una segunda persona
helpdesk-requests-none = No hay solicitudes en espera.
helpdesk-action = Acción
helpdesk-requested-by = Solicitada por
helpdesk-reason = Motivo
helpdesk-decision = Decisión
helpdesk-was-verified = llamante verificado
helpdesk-own-request = Su solicitud: otra persona debe aprobarla
helpdesk-approve = Aprobar
helpdesk-reject = Rechazar
helpdesk-reject-reason = Motivo del rechazo
helpdesk-rejected = Rechazada: no se cambió nada. La solicitud está cerrada.
helpdesk-reject-reason-needed = Escriba un motivo para rechazar la solicitud.
helpdesk-action-unlock = Desbloquear la cuenta
helpdesk-action-reset-link = Enviar un enlace de restablecimiento
helpdesk-action-lift-block = Volver a abrir el autoservicio
helpdesk-action-clear-methods = Eliminar todos los métodos de recuperación
helpdesk-person-title = Persona
helpdesk-state-title = Estado de la cuenta
helpdesk-locked = Bloqueada en el directorio
helpdesk-not-locked = No bloqueada
helpdesk-disabled = Desactivada en el directorio
helpdesk-expired = Contraseña caducada
helpdesk-must-change = Debe cambiar la contraseña en el próximo inicio de sesión
helpdesk-blocked = Autoservicio cerrado: { $reason }
helpdesk-not-blocked = Autoservicio abierto
helpdesk-paused-until = Restablecimiento de contraseña en pausa hasta { $until }: demasiados intentos hoy. «Volver a abrir el autoservicio» levanta la pausa.
helpdesk-not-paused = Restablecimiento de contraseña sin pausa
helpdesk-methods-title = Métodos registrados
helpdesk-no-methods = Nada registrado. Toda acción necesita la aprobación de una segunda persona del servicio de asistencia.
helpdesk-destination = Enviado a
helpdesk-added = Añadido
helpdesk-verify-caller = Verificar al llamante
helpdesk-cooling-off = Añadido hace poco: aún no sirve para verificar a quien llama
helpdesk-ask-app-code = Pedir el código de la aplicación
helpdesk-send-code = Enviar un código
helpdesk-check-title = Verificar al llamante
helpdesk-check-app = Pida al llamante el código que muestra ahora su aplicación de autenticación y escríbalo.
helpdesk-check-read-back = Se ha enviado un código. Pida al llamante que se lo lea y escríbalo. Usted nunca lo ve.
helpdesk-code-read = Código que le lee el llamante
helpdesk-actions-title = Acciones
helpdesk-verified-until = Llamante verificado ({ $method }) hasta { $until }.
helpdesk-send-confirm = Enviar un enlace de confirmación
helpdesk-confirm-sent = Se ha enviado un enlace de confirmación a la persona. Pídale que lo abra en su propio dispositivo y confirme con su llave de acceso; después actualice esta página.
helpdesk-confirm-title = Enlace de confirmación
helpdesk-confirm-waiting = Enviado: esperando a que la persona confirme con su llave de acceso, hasta { $until }.
helpdesk-confirm-confirmed = La persona confirmó con su llave de acceso a las { $at }.
helpdesk-confirm-ended = El enlace terminó sin confirmación. Envíe uno nuevo si quien llama sigue ahí.
helpdesk-refresh = Actualizar
mail-confirm-link-subject = Confirme al servicio de asistencia de { $org } que es usted
mail-confirm-link = La persona del servicio de asistencia con quien habla le pide que confirme que es usted (su cuenta de { $org }). Abra este enlace en su propio dispositivo y confirme con su llave de acceso.
mail-confirm-link-not-you = Si ahora no está hablando con el servicio de asistencia, no abra el enlace y contacte con su servicio de asistencia.
caller-confirm-title = Confirme al servicio de asistencia que es usted
caller-confirm-lead = La persona del servicio de asistencia con quien habla le ha pedido que confirme que es usted. Confirme con su llave de acceso en este dispositivo; el servicio de asistencia solo sabrá que lo hizo.
caller-confirm-button = Confirmar con mi llave de acceso
caller-confirm-not-you = Si ahora no está hablando con el servicio de asistencia, cierre esta página y contacte con su servicio de asistencia.
caller-confirm-done = Confirmado. Dígaselo a la persona del servicio de asistencia con quien habla; puede cerrar esta página.
caller-confirm-refused = Su llave de acceso no fue aceptada, así que este enlace ha terminado. Pida uno nuevo al servicio de asistencia.
caller-confirm-spent = Este enlace ya se ha usado o ha caducado. Pida uno nuevo al servicio de asistencia.
helpdesk-four-eyes-unverifiable = No se puede verificar a esta persona: una acción se convierte en una solicitud que aprueba otra persona del servicio de asistencia. Indique un motivo.
helpdesk-verify-first = Verifique primero al llamante.
helpdesk-four-eyes-privileged = Una cuenta privilegiada: toda acción necesita además la aprobación de otra persona del servicio de asistencia. Indique un motivo.
helpdesk-recent-title = Actividad reciente
helpdesk-recent-none = Sin actividad reciente.
helpdesk-check-not-allowed = No puede verificar a esta persona de esa forma.
helpdesk-verified = El llamante está verificado.
helpdesk-check-voided = Demasiados códigos incorrectos: esta verificación ha terminado. Empiece otra si el llamante sigue ahí.
helpdesk-done = Hecho. La persona recibe un correo al respecto.
helpdesk-requested = Solicitado. Otra persona del servicio de asistencia debe aprobarlo en su consola.
helpdesk-no-address = No hay ninguna dirección a la que enviar un enlace de restablecimiento.
helpdesk-approved = Aprobado y hecho. La persona recibe un correo al respecto.
helpdesk-refused-own = Aquí no puede actuar sobre su propia cuenta. Pídaselo a un compañero.
helpdesk-refused-out-of-reach = Esta cuenta está fuera del alcance del servicio de asistencia. Pídaselo al equipo que gestiona este portal.
helpdesk-refused-not-verified = Verifique primero al llamante: no se ha cambiado nada.
helpdesk-reason-needed = Esto necesita la aprobación de otra persona del servicio de asistencia: escriba un motivo para ella.
helpdesk-refused-own-request = Usted mismo lo solicitó: otra persona del servicio de asistencia debe aprobarlo.
helpdesk-request-gone = Esta solicitud ya se decidió o ha caducado.

## Recordatorios de caducidad y campaña de registro (flow/reminders.rs)
mail-expiry-subject = { $days ->
        [one] Su contraseña de { $org } caduca en menos de un día
       *[other] Su contraseña de { $org } caduca en menos de { $days } días
    }
mail-expiry-body = Su contraseña de { $org } caduca el { $when }. Cámbiela antes para poder seguir iniciando sesión.
mail-expiry-change = Para cambiarla ahora, abra:
mail-expiry-forgot = Si la ha olvidado, establezca una nueva aquí:
mail-expiry-why = Este recordatorio llega varias veces antes de que caduque su contraseña y deja de llegar cuando la cambia. Nunca le pediremos su contraseña por correo.
mail-nudge-subject = Configure la recuperación de contraseña de su cuenta de { $org }
mail-nudge-body = Todavía no ha configurado suficientes formas de demostrar que es usted si olvida su contraseña de { $org }. Se tarda unos minutos; después podrá establecer usted mismo una contraseña nueva en cualquier momento, sin llamar al servicio de asistencia.
mail-nudge-link = Configúrelas aquí:
mail-nudge-stop = Estos recordatorios terminan en cuanto haya configurado la recuperación. Nunca le pediremos su contraseña por correo.
admin-nav-campaign = Campaña
admin-campaign-title = Campaña de registro
admin-campaign-off = La campaña está desactivada. Actívela con enabled = true en [campaign] en la configuración.
admin-campaign-settings = Un recordatorio cada { $every } días, como máximo { $max } por persona, a todas las personas incluidas que no han registrado suficientes métodos.
admin-campaign-chart = Cobertura de registro por día
admin-campaign-day = Día
admin-campaign-in-scope = Incluidas
admin-campaign-enough = Con registro suficiente
admin-campaign-percent = Cobertura
admin-campaign-nudges = Recordatorios de registro enviados en los últimos 30 días
admin-campaign-reminders = Recordatorios de caducidad enviados en los últimos 30 días
admin-campaign-missing = Aún pendientes
admin-campaign-missing-link = Quién no ha registrado suficientes métodos
admin-campaign-no-data = Todavía no se ha ejecutado ninguna pasada: el gráfico se completa día a día.

# Admin: webhooks (dead letters)
admin-nav-webhooks = Webhooks
admin-webhooks-title = Webhooks
admin-webhooks-none = No hay ningún webhook configurado ([[webhooks]] en la configuración).
admin-webhooks-endpoints = Los eventos de cuenta se envían a:
admin-webhooks-pending = { $count ->
    [one] 1 entrega pendiente
   *[other] { $count } entregas pendientes
}
admin-webhooks-dead = Mensajes fallidos
admin-webhooks-dead-help = Estas entregas fallaron tantas veces como permite el destino. Corrija el destino y vuelva a enviarlas.
admin-webhooks-endpoint = Destino
admin-webhooks-attempts = Intentos
admin-webhooks-last-error = Último error
admin-webhooks-retry = Enviar de nuevo
admin-webhooks-retried = La entrega ha vuelto a la cola.
admin-webhooks-not-dead = Esa entrega ya no es un mensaje fallido.
