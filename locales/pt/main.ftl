# rekey: português (do Brasil). Cada mensagem do catálogo de referência em inglês (en/main.ftl)
# deve estar aqui, com as mesmas variáveis. Apenas texto simples: páginas e e-mails escapam o que mostram.

## Todas as páginas

product-name = Autoatendimento de senhas
skip-to-content = Ir para o conteúdo
language-switcher = Idioma
language-apply = Alterar
footer-never-share = Nunca compartilhe sua senha nem seus códigos. O suporte técnico nunca vai pedi-los.
continue = Continuar
pow-working = Verificando seu navegador. Isso leva alguns segundos…
start-again = Começar de novo
back-to-start = Voltar ao início
return-to = Voltar para onde você estava
sign-in = Entrar
steps-label = Progresso
step-n-of-m = Etapa { $now } de { $of }
step-done = Concluída:
error-box-title = Há um problema
done-what-changed = O que mudou
done-next = O que fazer agora
done-notice-sent = Enviamos uma confirmação para seus endereços de e-mail.
hint-passwords-match = As duas senhas são iguais.
hint-passwords-differ = As duas senhas ainda não são iguais.

## Campos

field-username = Nome de usuário
field-username-hint = O nome que você usa para entrar no computador ou no e-mail.
field-password = Senha
field-current-password = Senha atual
field-new-password = Nova senha
field-new-password-hint = Valem as regras de senha da sua organização.
field-new-password-again = Repita a nova senha
field-code = Código
field-email = Endereço de e-mail
field-email-hint = Use um endereço pessoal que você consiga acessar quando não puder entrar. Vamos enviar um código para confirmá-lo.

## Etapas

step-username = Nome de usuário
step-verify = Confirmar identidade
step-verify-n = Confirmar identidade ({ $n } de { $of })
step-new-password = Nova senha
step-unlock = Desbloqueio
step-sign-in = Entrar
step-methods = Escolher métodos
step-confirm = Confirmar
step-passwords = Senhas

## Página inicial

home-title = Gerencie sua senha
home-lead = Escolha o que você precisa fazer.
home-tasks = Tarefas
home-reset = Esqueci minha senha
home-reset-text = Confirme sua identidade e escolha uma nova senha.
home-unlock = Minha conta está bloqueada
home-unlock-text = Confirme sua identidade e desbloqueie a conta, mantendo a senha.
home-change = Alterar minha senha
home-change-text = Você sabe sua senha atual e quer uma nova.
home-register = Configurar métodos de recuperação
home-register-text = Cadastre um endereço de e-mail ou um aplicativo autenticador para poder redefinir a senha por conta própria.

## Redefinição e desbloqueio

reset-title = Redefinir sua senha
unlock-title = Desbloquear sua conta
reset-username-lead = Digite seu nome de usuário. Em seguida, você confirma sua identidade com um método cadastrado e escolhe uma nova senha.
unlock-username-lead = Digite seu nome de usuário. Em seguida, você confirma sua identidade com um método cadastrado; sua senha continua a mesma.
choose-title = Confirme sua identidade
choose-title-more = Confirme com mais um método
choose-lead = Escolha um método que você cadastrou. Se você não cadastrou nenhum, não é possível continuar aqui: entre em contato com o suporte técnico.
choose-email = Enviar um código por e-mail
choose-totp = Usar um código do meu aplicativo autenticador
choose-questions = Responder às minhas perguntas de segurança
code-email-title = Digite o código recebido por e-mail
code-email-lead = Se esta conta tiver um endereço de e-mail cadastrado, enviamos um código para ele. O código vale por { $minutes ->
        [one] 1 minuto
       *[other] { $minutes } minutos
    }. Ele pode levar um minuto para chegar; confira também a pasta de spam.
code-totp-title = Digite o código do aplicativo autenticador
code-totp-lead = Abra o aplicativo que você cadastrou e digite o código de 6 dígitos que ele mostra agora.
code-resend = Enviar um novo código
code-other-method = Usar outro método
code-wrong = Esse código não está correto. { code-tries-left }
code-tries-left = { $count ->
        [0] Esta foi sua última tentativa: mais um erro encerra este processo.
        [one] Você tem mais 1 tentativa.
       *[other] Você tem mais { $count } tentativas.
    }
code-expired = Esse código expirou. Peça um novo código e digite o mais recente.
code-not-sent = Nenhum código foi enviado ainda. Use o botão abaixo para receber um.
code-replayed = Esse código já foi usado. Espere o aplicativo mostrar um novo código e digite esse.
unlock-ready-title = Sua identidade foi confirmada
unlock-ready-lead = Desbloqueie sua conta agora. Sua senha continua a mesma.
unlock-button = Desbloquear minha conta
password-title = Escolha uma nova senha
password-lead = Valem as regras de senha da sua organização. Uma frase longa, com várias palavras sem relação entre si, é fácil de lembrar e difícil de adivinhar.
password-button = Definir a nova senha
reset-done-title = Sua senha foi redefinida
reset-done-password = A senha de { $username } foi substituída em { $when }. A senha antiga não funciona mais.
reset-done-unlocked = Sua conta está desbloqueada.
reset-done-must-change = Na próxima vez que você entrar, será preciso escolher outra senha.
reset-done-sessions-kept = Seus outros dispositivos e aplicativos ainda podem estar conectados com a senha antiga. Saia deles agora ou peça ao suporte técnico para desconectar você de todos os lugares.
reset-done-next = Sua nova senha já funciona. Use-a em todos os dispositivos em que você entra (aplicativos de e-mail no celular, VPN, Wi-Fi). Se não foi você, entre em contato imediatamente com o suporte técnico.
unlock-done-title = Sua conta está desbloqueada
unlock-done-unlocked = { $username } foi desbloqueado em { $when }.
unlock-done-password-kept = Sua senha não mudou: entre com ela normalmente.
unlock-done-next = Se sua conta continuar sendo bloqueada, algum dispositivo pode ainda estar usando uma senha antiga. Verifique o aplicativo de e-mail do celular e as configurações de VPN e Wi-Fi.

## Alteração

change-title = Alterar sua senha
change-lead = Você precisa da sua senha atual.
change-forgot = Esqueceu? Redefina a senha.
change-signed-in-as = Conectado como { $login }.
change-button = Alterar senha
change-done-title = Sua senha foi alterada
change-done-password = A senha de { $username } foi alterada em { $when }. A senha antiga não funciona mais.
change-done-next = A partir de agora, use a nova senha em todos os dispositivos em que você entra (aplicativos de e-mail no celular, VPN, Wi-Fi).
change-done-register = Você já configurou métodos de recuperação? Com eles, você redefine uma senha esquecida sem precisar do suporte técnico.
change-same-as-old = A nova senha precisa ser diferente da atual.
change-expired = Sua senha expirou e o diretório não a aceita mais, nem mesmo para alterá-la. Escolha "Esqueci minha senha" na página inicial para definir uma nova.
password-expires-in-days = Sua senha expira em { $days } dias. Altere-a antes disso.
password-expires-in-hours = Sua senha expira em { $hours ->
        [one] 1 hora
       *[other] { $hours } horas
    }. Altere-a agora.
password-grace-logins-left = Sua senha expirou. Ela ainda permite entrar { $count ->
        [one] mais 1 vez
       *[other] mais { $count } vezes
    }; altere-a agora.
change-wrong-current = Sua senha atual não está correta. Verifique e tente de novo.

## Cadastro

register-sign-in-title = Entre para configurar os métodos de recuperação
register-sign-in-lead = Use seu nome de usuário e sua senha de sempre.
register-title = Entre para fazer o cadastro
methods-title = Seus métodos de recuperação
methods-lead = Conectado como { $name }. Com estes métodos, você redefine sua senha ou desbloqueia sua conta por conta própria.
methods-still-needed = { $count ->
        [one] Cadastre mais 1 método para continuar.
       *[other] Cadastre mais { $count } métodos para continuar.
    }
methods-required = { $count ->
        [one] Sua organização exige 1 método.
       *[other] Sua organização exige { $count } métodos diferentes.
    }
methods-registered = Cadastrados
methods-none = Nada ainda.
methods-col-method = Método
methods-col-added = Adicionado em
methods-col-action = Ação
methods-directory-email = E-mail: { $address } (da sua conta)
methods-email = E-mail: { $address }
methods-totp = Aplicativo autenticador
methods-questions = Perguntas de segurança
methods-remove = Remover
methods-remove-label = Remover { $method }
methods-add-email = Adicionar um endereço de e-mail
methods-send-code = Enviar um código para este endereço
methods-add-totp = Adicionar um aplicativo autenticador
methods-add-totp-text = Um aplicativo no celular (Microsoft Authenticator, Google Authenticator, FreeOTP…) que mostra um novo código de 6 dígitos a cada 30 segundos.
methods-add-totp-button = Configurar um aplicativo autenticador
methods-finish = Concluir e sair
methods-sign-out = Sair sem concluir
methods-added = Seu novo método foi cadastrado.
methods-add-voided = Códigos incorretos demais: o método não foi adicionado. Você pode tentar de novo.
methods-removed = O método foi removido.
methods-bad-address = Isso não parece um endereço de e-mail. Verifique e tente de novo.
methods-keep-one = Adicione outro método antes de remover este: você precisa ter pelo menos o número exigido.
methods-review-title = Estes ainda são seus?
methods-review-text = Confira os métodos abaixo: remova os endereços ou aplicativos que você não tem mais e adicione novos. Depois, confirme.
methods-review-button = Todos ainda são meus
methods-review-thanks = Obrigado: seus métodos foram confirmados.
methods-need-more = Você precisa cadastrar mais métodos antes de concluir.
confirm-email-title = Confira seu e-mail
confirm-email-lead = Enviamos um código para { $address }. Digite-o abaixo para confirmar o endereço. Ele pode levar um minuto para chegar; confira também a pasta de spam.
confirm-totp-title = Configure seu aplicativo autenticador
confirm-totp-1 = Abra o aplicativo autenticador e escolha adicionar uma conta.
confirm-totp-2 = Leia este QR code com ele.
confirm-totp-qr = QR code para ler com o aplicativo autenticador
confirm-totp-3 = Não consegue ler? Digite esta chave:
confirm-totp-4 = Digite o código de 6 dígitos que o aplicativo mostra agora.
confirm-button = Confirmar
confirm-cancel = Cancelar e voltar
confirm-code-expired = Esse código expirou. Volte e adicione o endereço de novo para receber um novo código.
confirm-code-unusable = Esse código não pode ser usado. Volte e comece de novo.
register-done-title = Tudo pronto
register-done-method = Cadastrado: { $method }
register-done-signed-out = Você saiu da sua conta.
register-done-next = Se algum dia você esquecer a senha ou sua conta for bloqueada, volte aqui e escolha "Esqueci minha senha" ou "Minha conta está bloqueada".
sign-in-failed = Não foi possível entrar com esse nome de usuário e essa senha. Verifique os dois e tente de novo. Se você esqueceu a senha, redefina-a; se sua conta está bloqueada, desbloqueie-a.
out-of-scope = O autoatendimento não está ativado para sua conta. Entre em contato com o suporte técnico.
must-change = Sua senha expirou ou precisa ser alterada antes de continuar. Altere-a primeiro e depois volte aqui.
oidc-continue-title = Conectando você

## Novas senhas

new-password-empty = Digite uma nova senha.
new-password-too-long = A nova senha é longa demais: use no máximo 256 caracteres.
new-password-mismatch = As duas novas senhas não são iguais. Digite a mesma senha nos dois campos.
policy-too-short = A nova senha é curta demais para as regras da sua organização. Escolha uma mais longa.
policy-too-long = A nova senha é mais longa do que sua organização permite. Escolha uma mais curta.
policy-in-history = Você usou esta senha recentemente. Escolha uma que ainda não tenha usado.
policy-too-young = Sua senha foi alterada há muito pouco tempo para ser alterada de novo. Tente mais tarde ou use a página de redefinição se a esqueceu.
policy-quality = A nova senha não é complexa o suficiente para as regras da sua organização. Misture letras maiúsculas e minúsculas, números e símbolos, ou use uma frase mais longa.
policy-not-allowed = Sua organização não permite alterar esta senha aqui. Entre em contato com o suporte técnico.
policy-old-password-needed = Sua senha atual é necessária para fazer esta alteração.
policy-other = As regras de senha da sua organização recusaram a nova senha. Escolha outra, mais longa.

## "Não fui eu"

disown-title = Não fui eu
disown-ask-1 = Se não foi você quem fez o que o e-mail descreve, outra pessoa pode ter acessado sua conta ou seus métodos de recuperação.
disown-ask-2 = Bloqueie agora o autoatendimento para sua conta: ninguém poderá redefinir, desbloquear ou alterar a senha dela nem adicionar métodos de recuperação aqui, e os processos em andamento serão encerrados. O suporte técnico será avisado e poderá retirar o bloqueio quando sua conta estiver segura.
disown-button = Bloquear o autoatendimento para minha conta
disown-was-me = Na verdade, fui eu
disown-done-title = O autoatendimento está bloqueado para sua conta
disown-done-1 = Ninguém pode redefinir, desbloquear ou alterar sua senha aqui até que o suporte técnico retire o bloqueio. Os processos em andamento foram encerrados e o suporte técnico foi avisado.
disown-done-2 = Entre em contato agora com o suporte técnico para que verifiquem sua conta e lhe deem uma nova senha.
disown-spent-title = Este link não pode ser usado
disown-spent-1 = Ele já foi usado ou expirou. Se você ainda acha que outra pessoa usou sua conta, entre em contato agora com o suporte técnico.

## Quiosque

kiosk-footer = Este é um computador compartilhado. Quando você terminar, nada do que digitou será guardado.
kiosk-idle-title = Você ainda está aí?
kiosk-idle-text = Para proteger sua privacidade, esta página vai voltar ao início e esquecer o que você digitou.
kiosk-idle-seconds = { $seconds ->
        [one] Falta 1 segundo.
       *[other] Faltam { $seconds } segundos.
    }
kiosk-idle-stay = Ainda estou aqui
kiosk-phone-title = Continue no seu celular
kiosk-phone-text = Leia este código com a câmera do celular para fazer isso no seu próprio aparelho.
kiosk-phone-qr = QR code que abre esta página no seu celular
kiosk-done = Agora volte para a tela de login e entre.
kiosk-finish = Concluir

## Erros

error-reference = Referência: { $reference } (erro { $status })
error-offer-reset = Redefinir sua senha
error-unavailable-title = Os serviços de senha estão indisponíveis no momento
error-unavailable = Nada foi alterado. O serviço que verifica e altera senhas não está respondendo agora. Tente de novo em alguns minutos; se o problema continuar, entre em contato com o suporte técnico.
error-unconfirmed-title = Não foi possível confirmar a alteração
error-unconfirmed = A alteração foi enviada, mas não houve resposta, então ela pode ou não ter sido feita. Se você escolheu uma nova senha, tente entrar com ela; se não funcionar, sua senha antiga continua valendo: entre com ela ou comece de novo. Se nenhuma funcionar, entre em contato com o suporte técnico. Enviamos um aviso para seus endereços de e-mail, e a alteração foi registrada como não confirmada.
error-refused-title = Esta conta não pode ser alterada aqui
error-refused = Sua organização não permite que este serviço altere esta conta (o que é comum em contas de administrador). Nada foi alterado, e tentar de novo não vai adiantar. Entre em contato com o suporte técnico.
error-rate-limited-title = Tentativas demais
error-rate-limited = Para a segurança de todos, há um limite de tentativas. Nada foi alterado.
error-paused-title = O autoatendimento está suspenso para este nome de usuário
error-paused = Houve tentativas demais de redefinir a senha deste nome de usuário nas últimas 24 horas, por isso o autoatendimento foi suspenso para ele. Se você precisa redefinir sua senha agora, entre em contato com o suporte técnico.
error-unlock-by-reset-title = Sua conta não pode ser desbloqueada aqui
error-unlock-by-reset = Sua conta fica no Microsoft Entra ID. O bloqueio por excesso de senhas incorretas não pode ser retirado daqui: ele termina sozinho quando o tempo de bloqueio acaba. Você pode escolher uma nova senha agora, para que a senha que estão tentando deixe de funcionar. Nada foi alterado ainda.
error-expired-title = Este processo foi encerrado
error-expired = O tempo acabou, o processo foi concluído ou houve códigos incorretos demais. Comece de novo.
error-out-of-step-title = Esta página está desatualizada
error-out-of-step = Ela pode ter sido aberta em outra aba ou já ter sido usada. Comece de novo.
error-voided-title = Códigos incorretos demais
error-voided = Para sua segurança, este processo foi encerrado e nada foi alterado. Você pode começar de novo; se não pediu um código, pode ignorar isto.
error-csrf-title = Este formulário expirou
error-csrf = Para sua segurança, o formulário não pôde ser aceito. Volte, recarregue a página e tente de novo.
error-bad-form-title = Não foi possível ler o formulário
error-bad-form = Volte, recarregue a página e tente de novo.
error-too-large-title = Dados demais enviados
error-too-large = O que você enviou é maior do que este formulário aceita. Volte e reduza o que digitou.
error-internal-title = Algo deu errado do nosso lado
error-internal = Nada foi alterado. Tente de novo; se o problema continuar, informe ao suporte técnico a referência abaixo.
error-not-found-title = Página não encontrada
error-not-found = Não há nenhuma página neste endereço. Comece pela página inicial.
error-timeout-title = Isso demorou demais
error-timeout = Nada foi alterado. Tente de novo.
error-method-title = Esta página não pode ser usada dessa forma
error-method = Comece pela página inicial.
error-other-title = Não foi possível processar a solicitação
error-other = Comece pela página inicial.
wait-seconds = Você pode tentar de novo em menos de um minuto.
wait-minutes = Você pode tentar de novo em { $minutes ->
        [one] cerca de um minuto
       *[other] cerca de { $minutes } minutos
    }.
wait-hours = Você pode tentar de novo em cerca de { $hours } horas.
wait-day = Você pode tentar de novo em cerca de um dia.

## Datas

date-time = { $weekday }, { $day } de { $month } de { $year }, { $time } { $zone }
date-unknown = um momento desconhecido
weekday-1 = segunda-feira
weekday-2 = terça-feira
weekday-3 = quarta-feira
weekday-4 = quinta-feira
weekday-5 = sexta-feira
weekday-6 = sábado
weekday-7 = domingo
month-1 = janeiro
month-2 = fevereiro
month-3 = março
month-4 = abril
month-5 = maio
month-6 = junho
month-7 = julho
month-8 = agosto
month-9 = setembro
month-10 = outubro
month-11 = novembro
month-12 = dezembro

## E-mails

mail-hello = Olá,
mail-hello-name = Olá, { $name },
mail-code-subject = Seu código { $org } para { $action }
mail-code-is = Seu código para { $action } é:
mail-code-action-reset = redefinir sua senha
mail-code-action-unlock = desbloquear sua conta
mail-code-action-confirm = confirmar este endereço de e-mail
mail-code-action-sign-in = entrar
mail-code-expiry = { $minutes ->
        [one] Ele expira em 1 minuto.
       *[other] Ele expira em { $minutes } minutos.
    } Digite-o na página em que você o pediu. Ele só pode ser usado uma vez.
mail-code-not-you = Se não foi você, ignore este e-mail; ninguém pode usar o código sem saber também seu nome de usuário. Nunca informe este código a ninguém, nem mesmo ao suporte técnico.
mail-changed-subject = Sua senha { $org } foi alterada
mail-changed = A senha da sua conta { $org } foi alterada.
mail-changed-risk = outra pessoa pode saber sua senha
mail-reset-subject = Sua senha { $org } foi redefinida
mail-reset = A senha da sua conta { $org } foi redefinida pelo portal de autoatendimento.
mail-reset-risk = outra pessoa pode ter acessado sua conta
mail-unconfirmed-subject = Sua senha { $org } pode ter sido alterada
mail-unconfirmed = Alguém pediu para alterar a senha da sua conta { $org }. A alteração foi enviada, mas não houve resposta, então ela pode ou não ter sido feita.
mail-unconfirmed-risk = outra pessoa pode ter tentado acessar sua conta
mail-unlocked-subject = Sua conta { $org } foi desbloqueada
mail-unlocked = Sua conta { $org } foi desbloqueada pelo portal de autoatendimento. Sua senha não mudou.
mail-unlocked-risk = outra pessoa pode estar tentando acessar sua conta
mail-method-added-subject = Um método de recuperação foi adicionado à sua conta { $org }
mail-method-added = Uma nova forma de confirmar sua identidade foi adicionada à sua conta { $org }: { $method }.
mail-method-removed-subject = Um método de recuperação foi removido da sua conta { $org }
mail-method-removed = Uma forma de confirmar sua identidade foi removida da sua conta { $org }: { $method }.
mail-method-risk = outra pessoa pode estar tentando tomar sua conta
mail-when = Quando
mail-from = De
mail-unknown-address = um endereço desconhecido
mail-was-you = Se foi você, não é preciso fazer mais nada.
mail-disown = Se não foi você, bloqueie imediatamente o autoatendimento para sua conta abrindo este link (ele funciona uma vez): { $link }
mail-not-you = Se não foi você, { $risk }: entre em contato imediatamente com o suporte técnico e fale sobre este e-mail. O portal de autoatendimento fica em { $url }

## Área de administração
error-not-admin-title = Não disponível para esta conta
error-not-admin = A área de administração é só para membros dos grupos de administradores, e sua conta não faz parte deles. Se você precisa de acesso, peça à equipe que mantém este portal.
admin-sign-in-title = Entrada de administradores
admin-sign-in-lead = Entre com sua senha do diretório. Depois, confirme sua identidade com um segundo método que você cadastrou.
admin-sign-in-oidc = Entrar com sua conta Microsoft
admin-needs-method = Administradores precisam confirmar a identidade com um segundo método. Cadastre primeiro um aplicativo autenticador ou um endereço de e-mail e depois entre aqui de novo.
admin-verify-title = Confirme sua identidade
admin-verify-lead = Use um dos métodos que você cadastrou.
admin-verify-totp = Código do aplicativo autenticador
admin-verify-email = Código por e-mail
admin-verify-send = Enviar um código para meu endereço cadastrado
admin-verify-email-sent = Enviamos um código para seu endereço cadastrado. Ele pode levar um minuto para chegar.
admin-nav-label = Área de administração
admin-nav-home = Visão geral
admin-nav-coverage = Cadastro
admin-nav-activity = Atividade
admin-nav-audit = Registro de auditoria
admin-signed-in-as = Conectado como { $name }
admin-home-title = Visão geral
admin-status-title = Status
admin-status-service = Serviço
admin-status-now = Agora
admin-status-last-error = Último erro desde a inicialização
admin-status-directory = Diretório
admin-status-database = Banco de dados
admin-status-mail = Servidor de e-mail
admin-status-ok = Responde
admin-status-unavailable = Não responde
admin-status-none = Nenhum
admin-agents-title = Agentes de write-back
admin-agents-none = Nenhum agente registrado.
admin-agent-name = Agente
admin-agent-host = Host
admin-agent-version = Versão
admin-agent-heartbeat = Último sinal
admin-agent-never = nunca
admin-agent-outdated = mais antigo que a { $min }, a versão mais antiga que este portal suporta: atualize-o
admin-home-period = De { $from } a { $to }
admin-see-activity = Atividade em detalhes
admin-see-coverage = Quem se cadastrou
admin-activity = Atividade
admin-activity-register = Cadastros
admin-activity-change = Alterações de senha
admin-activity-reset = Redefinições de senha
admin-activity-unlock = Desbloqueios de conta
admin-started = Iniciados
admin-succeeded = Concluídos
admin-success-rate = Taxa de sucesso
admin-failed-steps = Etapas com falha
admin-failed = Com falha
admin-totals-caption = Totais do período
admin-activity-title = Atividade
admin-period-shown = De { $from } a { $to } (UTC).
admin-bad-period = As datas devem ter o formato 2026-11-30, a primeira não pode ser posterior à segunda, e a distância máxima é de 366 dias. Em vez disso, são mostrados os últimos 30 dias.
admin-bad-date = As datas devem ter o formato 2026-11-30. A busca ignorou a data que não estava nesse formato.
admin-from = De
admin-to = Até
admin-show = Mostrar
admin-last = Últimos:
admin-n-days = { $days } dias
admin-download-csv = Baixar como CSV
admin-definitions = Como contamos
admin-definition-succeeded = Concluídos: um método cadastrado, uma senha alterada, uma senha redefinida ou uma conta desbloqueada.
admin-definition-started = Iniciados: redefinições e desbloqueios começados (nome de usuário informado), tentativas de alteração e entradas para cadastro. Cadastros não têm taxa de sucesso, porque uma entrada pode adicionar vários métodos.
admin-definition-failed = Etapas com falha: cada etapa que terminou em falha. Um processo pode falhar em várias etapas (um código errado, depois o certo) e mesmo assim ser concluído.
admin-per-day = Por dia
admin-chart-title = Sucessos por dia, de { $from } a { $to }
admin-chart-caption = Sucessos por dia e por atividade. A tabela abaixo tem os mesmos números.
admin-per-day-caption = Sucessos por dia e por atividade, e etapas com falha
admin-date = Data
admin-methods-title = Por método
admin-method = Método
admin-methods-used = Métodos usados
admin-completed-with = Concluídos com
admin-nothing-yet = Nada neste período.
admin-method-email = Código por e-mail
admin-method-totp = Aplicativo autenticador
admin-method-password = Senha
admin-method-oidc = Login único (SSO)
admin-method-questions = Perguntas de segurança
admin-method-sms = Código por SMS
admin-method-passkey = Chave de acesso
admin-failures-title = Por que as etapas falharam
admin-reason = Motivo
admin-reason-codes = Os códigos de motivo por trás destes grupos
admin-failure-wrong-code = Código ou resposta errados, ou código expirado
admin-failure-wrong-password = Senha errada
admin-failure-locked-out = Bloqueado ou suspenso
admin-failure-policy = Recusada pela política de senhas
admin-failure-directory-unavailable = Diretório indisponível
admin-failure-rate-limited = Limite de tentativas atingido
admin-failure-not-allowed = Não permitido (fora do escopo, não é administrador)
admin-failure-other = Outros
admin-coverage-title = Cadastro
admin-coverage-directory-error = Não foi possível listar o diretório, então não se sabe quem está no escopo. A visão geral mostra o último erro do diretório.
admin-coverage-in-scope = Pessoas no escopo
admin-coverage-enough = Cadastro suficiente ({ $required } métodos ou mais)
admin-coverage-partly = Cadastro parcial, insuficiente
admin-coverage-none = Nada cadastrado
admin-coverage-truncated = A listagem do diretório parou em admin.max_listed_accounts: há mais pessoas do que as mostradas.
admin-coverage-listed-at = O diretório foi lido em { $time }.
admin-coverage-refresh = Ler de novo
admin-coverage-listing = Listando o diretório: { $count ->
    [one] 1 conta até agora.
   *[other] { $count } contas até agora.
} Esta página é recarregada automaticamente até a listagem terminar.
admin-coverage-listing-reload = Recarregar agora
admin-coverage-listing-failed = A listagem parou depois de { $count ->
    [one] 1 conta.
   *[other] { $count } contas.
}
admin-coverage-listing-retry = Tentar de novo
admin-coverage-show = Mostrar
admin-coverage-show-all = Todos no escopo
admin-coverage-show-missing = Cadastro insuficiente
admin-coverage-show-enough = Cadastro suficiente
admin-search-person = Nome ou nome de usuário
admin-matching = { $count ->
    [one] 1 resultado
   *[other] { $count } resultados
}
admin-name = Nome
admin-methods-registered = Métodos cadastrados
admin-registered-when = Primeiro cadastro
admin-enough = Suficiente
admin-yes = Sim
admin-no = Não
admin-audit-title = Registro de auditoria
admin-event = Evento
admin-outcome = Resultado
admin-any = Qualquer
admin-search = Pesquisar
admin-time = Horário (UTC)
admin-person = Pessoa
admin-source = Endereço de origem
admin-user-agent = Navegador
admin-pages-label = Páginas
admin-page-previous = Página anterior
admin-page-next = Próxima página
admin-page-n-of-m = Página { $page } de { $pages }
admin-sign-out = Sair

## Perguntas de segurança
methods-add-questions = Adicionar perguntas de segurança
methods-add-questions-text = Respostas que só você sabe para { $count } perguntas. Elas são guardadas de um jeito que ninguém consegue ler de volta, nem mesmo o suporte técnico.
methods-add-questions-button = Configurar perguntas de segurança
methods-change-questions-button = Alterar minhas perguntas de segurança
methods-questions-not-alone = Na sua conta, as perguntas de segurança só valem junto com outro método.
questions-register-title = Suas perguntas de segurança
questions-register-lead = Escolha { $count } perguntas diferentes e responda a cada uma. Quando você redefinir a senha ou desbloquear a conta, algumas delas serão feitas a você.
questions-fix-below = Algumas respostas precisam ser refeitas: veja as observações abaixo.
questions-n = Pergunta { $n }
questions-field-question = Pergunta
questions-own-option = Escrever minha própria pergunta
questions-field-own = Sua própria pergunta
questions-field-own-hint = Só se você escolheu “Escrever minha própria pergunta” acima.
questions-field-answer = Resposta
questions-answer-rules = Cada resposta precisa ter pelo menos { $count } letras ou números e ser diferente das outras. Maiúsculas, acentos e espaços extras não importam.
questions-save = Salvar minhas perguntas
questions-back = Voltar aos meus métodos
questions-pick-one = Escolha uma das perguntas da lista.
questions-own-short = Escreva uma pergunta de pelo menos 5 caracteres ou escolha uma da lista.
questions-own-long = Sua pergunta é longa demais: use menos de 200 caracteres.
questions-question-repeated = Você já escolheu esta pergunta: escolha outra.
questions-answer-short = Esta resposta é curta demais.
questions-answer-repeated = Esta resposta é igual a outra: cada resposta precisa ser diferente.
questions-answer-is-question = Esta resposta só repete a pergunta.
questions-answer-title = Responda às suas perguntas de segurança
questions-answer-lead = Digite as respostas que você deu no cadastro. Maiúsculas, acentos e espaços extras não importam.
questions-wrong = Uma ou mais respostas não estão corretas. { code-tries-left }
question-first-pet = Qual era o nome do seu primeiro animal de estimação?
question-birth-city = Em que cidade você nasceu?
question-first-school = Qual era o nome da sua primeira escola?
question-childhood-friend = Qual era o primeiro nome do seu melhor amigo ou da sua melhor amiga de infância?
question-first-car = Qual era a marca e o modelo do seu primeiro carro?
question-favourite-teacher = Qual era o sobrenome do seu professor ou da sua professora favorita?
question-first-job = Qual era o nome da empresa do seu primeiro emprego?
question-parents-met = Em que cidade seus pais se conheceram?

## Qualidade da senha (policy/quality.rs): verificada antes de consultar o diretório

quality-rules = { $classes ->
    [1] Use pelo menos { $length } caracteres.
   *[other] Use pelo menos { $length } caracteres, com { $classes } destes tipos: letras minúsculas, letras maiúsculas, números, símbolos.
} Não use seu nome nem uma palavra ou senha comum.
quality-refused = Esta nova senha não pode ser usada. Os motivos estão abaixo do campo da nova senha: escolha outra.
quality-ok = Esta senha atende às regras verificadas aqui.
quality-too-short = É curta demais: use pelo menos { $min } caracteres.
quality-classes = Misture pelo menos { $min } destes tipos: letras minúsculas, letras maiúsculas, números, símbolos.
quality-own-name = Contém seu nome ou seu nome de usuário.
quality-banned = É formada principalmente por palavras fáceis de adivinhar, como “senha”, uma estação do ano ou o nome da organização. Acrescente mais palavras suas.
quality-breached = Está em uma lista de senhas vazadas em violações de dados, que os atacantes tentam primeiro.
quality-guessable = Seria fácil demais de adivinhar.
quality-warn-keyboard-rows = Sequências retas de teclas são fáceis de adivinhar.
quality-warn-keyboard-short = Padrões curtos de teclado são fáceis de adivinhar.
quality-warn-repeats = Repetições como “aaa” são fáceis de adivinhar.
quality-warn-repeated-groups = Repetições como “abcabcabc” são só um pouco mais difíceis de adivinhar do que “abc”.
quality-warn-top-10 = Esta é uma das dez senhas mais comuns.
quality-warn-top-100 = Esta é uma das cem senhas mais comuns.
quality-warn-common = Esta é uma senha muito comum.
quality-warn-similar = Esta senha é parecida com uma senha muito usada.
quality-warn-sequences = Sequências como “abc” ou “6543” são fáceis de adivinhar.
quality-warn-recent-years = Anos recentes são fáceis de adivinhar.
quality-warn-word = Uma palavra sozinha é fácil de adivinhar.
quality-warn-dates = Datas costumam ser fáceis de adivinhar.
quality-warn-names = Nomes e sobrenomes sozinhos são fáceis de adivinhar.
quality-warn-common-names = Nomes e sobrenomes comuns são fáceis de adivinhar.
quality-tip-few-words = Use algumas palavras e evite frases comuns.
quality-tip-no-symbols-needed = Não é preciso usar símbolos, números ou letras maiúsculas.
quality-tip-another-word = Acrescente mais uma ou duas palavras. Palavras pouco comuns são melhores.
quality-tip-capitals = Letras maiúsculas não ajudam muito.
quality-tip-all-capitals = Tudo em maiúsculas é quase tão fácil de adivinhar quanto tudo em minúsculas.
quality-tip-reversed = Palavras escritas de trás para frente não são muito mais difíceis de adivinhar.
quality-tip-substitutions = Trocas previsíveis, como “@” no lugar de “a”, não ajudam muito.
quality-tip-keyboard = Use um padrão de teclado mais longo e com mais mudanças de direção.
quality-tip-repeats = Evite palavras e caracteres repetidos.
quality-tip-sequences = Evite sequências.
quality-tip-recent-years = Evite anos recentes.
quality-tip-your-years = Evite anos ligados a você.
quality-tip-your-dates = Evite datas e anos ligados a você.

## SMS
sms-code-text = Seu código { $org }: { $code }
choose-sms = Enviar um código por SMS
code-sms-title = Digite o código recebido por SMS
code-sms-lead = Se esta conta tiver um número de celular cadastrado, enviamos um código por SMS para ele. O código vale por { $minutes ->
        [one] 1 minuto
       *[other] { $minutes } minutos
    }.
code-sms-failed = Não foi possível enviar um SMS agora. Tente de novo em alguns minutos ou escolha outro método.
code-resend-sms = Enviar um novo SMS
methods-sms = SMS: { $number }
methods-add-sms = Adicionar um número de celular
field-phone = Número de celular
field-phone-hint = Com o código do país, por exemplo +55 11 91234 5678. Vamos enviar um código por SMS para confirmá-lo.
methods-send-text = Enviar um código por SMS para este número
methods-bad-number = Isso não parece um número de celular. Verifique e tente de novo.
methods-number-no-country = Acrescente o código do país, começando com + (por exemplo +55 para o Brasil).
confirm-sms-title = Confirme seu número de celular
confirm-sms-lead = Enviamos um código por SMS para { $number }. Digite-o abaixo para confirmar o número. Ele pode levar um minuto para chegar.
admin-status-sms = Gateway de SMS

## Chaves de acesso
methods-passkey = Chave de acesso “{ $name }”
methods-add-passkey = Adicionar uma chave de acesso ou chave de segurança
methods-add-passkey-text = Uma chave de acesso fica guardada no seu celular, no seu computador ou em uma chave de segurança, e você a desbloqueia com sua impressão digital, seu rosto ou um PIN. Ela só funciona no endereço deste portal, então um site falso não consegue usá-la.
field-passkey-name = Nome desta chave de acesso
field-passkey-name-hint = Para você distinguir suas chaves de acesso, por exemplo “Notebook do trabalho” ou “Chave de segurança azul”.
methods-add-passkey-button = Criar uma chave de acesso
passkey-working = Siga as instruções do seu navegador ou da sua chave de segurança.
passkey-cancelled = A chave de acesso não foi usada: o pedido foi cancelado ou demorou demais. Tente de novo ou escolha outra forma.
passkey-failed = Não funcionou. Tente de novo ou escolha outra forma.
passkey-unsupported = Este navegador não pode usar chaves de acesso. Escolha outra forma ou use outro navegador.
passkey-needs-script = As chaves de acesso precisam de JavaScript no navegador. Ative-o ou escolha outra forma.
passkey-name-missing = Dê um nome à chave de acesso, para reconhecê-la depois.
passkey-registered-already = Esta chave de acesso ou chave de segurança já está cadastrada.
choose-passkey = Usar uma chave de acesso ou chave de segurança
passkey-use-title = Use sua chave de acesso
passkey-use-lead = Quando você apertar o botão, o navegador vai pedir sua chave de acesso. Desbloqueie-a com sua impressão digital, seu rosto ou um PIN.
passkey-use-button = Usar minha chave de acesso
passkey-wrong = Essa chave de acesso não foi aceita. { code-tries-left }

# Vincular um novo método exige um que já existe
prove-title = Confirme que é você
prove-lead = Você já tem um método cadastrado. Antes de adicionar ou remover um, use um dos que você tem: só a senha não basta.
prove-back = Voltar aos meus métodos
prove-passed = Obrigado: agora você pode adicionar ou remover métodos.
methods-prove-first = Para adicionar ou remover um método, confirme primeiro que é você com um método que você já tem.
methods-prove-button = Confirmar que sou eu
admin-method-too-new = Seu segundo método foi cadastrado há muito pouco tempo para abrir a área de administração. Tente de novo quando o período de espera terminar ou peça a outro administrador.

## As regras de senha do próprio diretório (Active Directory: política do domínio ou PSO da conta)
dir-rule-length = O diretório da sua organização exige pelo menos { $length } caracteres.
dir-rule-complexity = Ela precisa conter três destes tipos: letras maiúsculas, letras minúsculas, números, símbolos; e não pode conter o nome da sua conta nem parte do seu nome completo.
dir-rule-history = Ela não pode ser uma das suas últimas { $count } senhas.
dir-rule-min-age = { $hours ->
    [one] Depois de uma alteração, a senha não pode ser alterada de novo durante 1 hora.
   *[other] Depois de uma alteração, a senha não pode ser alterada de novo durante { $hours } horas.
}
dir-rules-most = Estas são as regras para a maioria das contas; as suas podem ser mais rígidas.
dir-why-too-young = Você alterou sua senha recentemente; ela pode ser alterada de novo depois de { $when }.
dir-why-too-short = Sua conta precisa de uma senha com pelo menos { $length } caracteres.
dir-why-not-complex = Use três destes tipos: letras maiúsculas, letras minúsculas, números, símbolos.
dir-why-name = Ela não pode conter o nome da sua conta nem parte do seu nome completo.
dir-why-history = Ela não pode ser uma das suas últimas { $count } senhas.

choose-email-needs = Você precisa ter: seu e-mail, neste ou em outro dispositivo
choose-sms-needs = Você precisa ter: o celular que você cadastrou, com sinal
choose-totp-needs = Você precisa ter: o aplicativo autenticador no seu celular
choose-passkey-needs = Você precisa ter: sua chave de acesso ou chave de segurança, ou o dispositivo que a guarda
choose-questions-needs = Você precisa ter: as respostas que você deu no cadastro
contact-title = Suporte técnico
contact-phone = Telefone
contact-email = E-mail
contact-hours = Horário
contact-location = Presencial
contact-url = Site
code-help-summary = Não recebeu o código?
code-help-email-spam = Os códigos costumam chegar em até um minuto. Confira também a pasta de spam ou lixo eletrônico.
code-help-sms-wait = As mensagens SMS costumam chegar em até um minuto. Confira se o celular tem sinal e não está no modo avião.
code-help-which = O código vai só para o endereço ou número cadastrado aqui para esta conta, que talvez não seja o que você usa no dia a dia.
code-help-typed = Confira o endereço ou número mostrado acima. Se estiver errado, cancele e digite de novo.
code-help-valid = Um código vale por { $minutes ->
        [one] um minuto
       *[other] { $minutes } minutos
    }. Você pode pedir um novo acima; só o mais recente funciona.
code-help-never = Se você nunca cadastrou um método de recuperação aqui, nenhum código vai chegar: escolha outro método ou entre em contato com o suporte técnico.
code-help-phone = Você também pode continuar no celular em { $url }


## Helpdesk console
helpdesk-sign-in-title = Entrada do suporte técnico
helpdesk-sign-in-lead = Entre com sua senha do diretório. Depois, confirme sua identidade com um segundo método que você cadastrou.
error-not-helpdesk-title = Não disponível para esta conta
error-not-helpdesk = O console do suporte técnico é só para membros dos grupos do suporte técnico, e sua conta não faz parte deles. Se você precisa de acesso, peça à equipe que mantém este portal.
mail-code-action-helpdesk = confirmar sua identidade para o suporte técnico
mail-code-not-you-helpdesk = Leia este código somente para a pessoa do suporte técnico com quem você está falando ao telefone, e somente se foi você quem ligou para o suporte técnico. Se não foi, não informe o código a ninguém e entre em contato com o seu suporte técnico.
mail-helpdesk-subject = O suporte técnico alterou algo na sua conta { $org }
mail-helpdesk-unlock = O suporte técnico desbloqueou sua conta { $org }. Sua senha não mudou.
mail-helpdesk-reset-link = O suporte técnico enviou a você um link para definir uma nova senha para sua conta { $org }.
mail-helpdesk-lift-block = O suporte técnico reabriu o autoatendimento (redefinição de senha e desbloqueio) para sua conta { $org }.
mail-helpdesk-clear-methods = O suporte técnico removeu os métodos de recuperação da sua conta { $org }. Cadastre seus métodos de novo.
mail-helpdesk-risk = alguém pode ter convencido o suporte técnico a fazer isso
mail-reset-link-subject = Defina uma nova senha para sua conta { $org }
mail-reset-link = O suporte técnico enviou a você este link para definir uma nova senha para sua conta { $org }. Abra o link e escolha uma nova senha; ninguém do suporte técnico a vê.
mail-reset-link-expiry = O link funciona uma única vez e por { $minutes ->
        [one] 1 minuto
       *[other] { $minutes } minutos
    }.
mail-reset-link-not-you = Se você não pediu isso ao suporte técnico, não abra o link e entre em contato com o seu suporte técnico.
reset-link-title = Defina uma nova senha
reset-link-ask = O suporte técnico enviou este link a você. Continue para escolher uma nova senha.
reset-link-button = Continuar
reset-link-spent = Este link já foi usado ou expirou. Peça um novo ao suporte técnico ou redefina sua senha por conta própria.
reset-link-start-over = Redefinir minha senha
helpdesk-nav-label = Suporte técnico
helpdesk-nav-home = Buscar uma pessoa
helpdesk-home-title = Suporte técnico
helpdesk-search-label = Nome, nome de usuário ou endereço de e-mail
helpdesk-search-hint = Pelo menos dois caracteres.
helpdesk-results-title = Pessoas encontradas
helpdesk-no-results = Ninguém encontrado.
helpdesk-name = Nome
helpdesk-results-truncated = Só os primeiros resultados são mostrados. Digite mais para refinar a busca.
helpdesk-requests-title = Solicitações aguardando uma segunda pessoa
helpdesk-requests-none = Nenhuma solicitação aguardando.
helpdesk-action = Ação
helpdesk-requested-by = Solicitado por
helpdesk-reason = Motivo
helpdesk-decision = Decisão
helpdesk-was-verified = identidade de quem ligou confirmada
helpdesk-own-request = Sua solicitação: outra pessoa precisa aprová-la
helpdesk-approve = Aprovar
helpdesk-reject = Recusar
helpdesk-reject-reason = Motivo da recusa
helpdesk-rejected = Recusada: nada foi alterado. A solicitação está encerrada.
helpdesk-reject-reason-needed = Digite um motivo para recusar a solicitação.
helpdesk-action-unlock = Desbloquear a conta
helpdesk-action-reset-link = Enviar um link de redefinição
helpdesk-action-lift-block = Reabrir o autoatendimento
helpdesk-action-clear-methods = Remover todos os métodos de recuperação
helpdesk-person-title = Pessoa
helpdesk-state-title = Situação da conta
helpdesk-locked = Bloqueada no diretório
helpdesk-not-locked = Não bloqueada
helpdesk-disabled = Desativada no diretório
helpdesk-expired = Senha expirada
helpdesk-must-change = Precisa alterar a senha na próxima entrada
helpdesk-blocked = Autoatendimento fechado: { $reason }
helpdesk-not-blocked = Autoatendimento aberto
helpdesk-paused-until = Redefinição de senha em pausa até { $until }: tentativas demais hoje. “Reabrir o autoatendimento” levanta a pausa.
helpdesk-not-paused = Redefinição de senha sem pausa
helpdesk-methods-title = Métodos cadastrados
helpdesk-no-methods = Nada cadastrado. Toda ação precisa da aprovação de uma segunda pessoa do suporte técnico.
helpdesk-destination = Enviado para
helpdesk-added = Adicionado em
helpdesk-verify-caller = Confirmar a identidade de quem ligou
helpdesk-cooling-off = Adicionado há pouco: ainda não serve para verificar quem liga
helpdesk-ask-app-code = Pedir o código do aplicativo
helpdesk-send-code = Enviar um código
helpdesk-check-title = Confirmar a identidade de quem ligou
helpdesk-check-app = Peça a quem ligou o código que o aplicativo autenticador dessa pessoa mostra agora e digite-o.
helpdesk-check-read-back = Um código foi enviado. Peça a quem ligou que leia o código para você e digite-o. Você nunca o vê.
helpdesk-code-read = Código que quem ligou lê para você
helpdesk-actions-title = Ações
helpdesk-verified-until = Identidade de quem ligou confirmada ({ $method }) até { $until }.
helpdesk-send-confirm = Enviar um link de confirmação
helpdesk-confirm-sent = Um link de confirmação foi enviado por e-mail à pessoa. Peça que ela o abra no próprio dispositivo e confirme com a chave de acesso; depois atualize esta página.
helpdesk-confirm-title = Link de confirmação
helpdesk-confirm-waiting = Enviado: aguardando a pessoa confirmar com a chave de acesso, até { $until }.
helpdesk-confirm-confirmed = A pessoa confirmou com a chave de acesso às { $at }.
helpdesk-confirm-ended = O link terminou sem confirmação. Envie um novo se quem ligou ainda estiver na linha.
helpdesk-refresh = Atualizar
mail-confirm-link-subject = Confirme ao suporte técnico de { $org } que é você
mail-confirm-link = A pessoa do suporte técnico com quem você está falando pede que você confirme que é você (sua conta { $org }). Abra este link no seu próprio dispositivo e confirme com sua chave de acesso.
mail-confirm-link-not-you = Se você não está em uma ligação com o suporte técnico agora, não abra o link e entre em contato com o seu suporte técnico.
caller-confirm-title = Confirme ao suporte técnico que é você
caller-confirm-lead = A pessoa do suporte técnico com quem você está falando pediu que você confirme que é você. Confirme com sua chave de acesso neste dispositivo; o suporte técnico só fica sabendo que você confirmou.
caller-confirm-button = Confirmar com minha chave de acesso
caller-confirm-not-you = Se você não está em uma ligação com o suporte técnico agora, feche esta página e entre em contato com o seu suporte técnico.
caller-confirm-done = Confirmado. Avise a pessoa do suporte técnico com quem está falando; você pode fechar esta página.
caller-confirm-refused = Sua chave de acesso não foi aceita, então este link terminou. Peça um novo ao suporte técnico.
caller-confirm-spent = Este link já foi usado ou expirou. Peça um novo ao suporte técnico.
helpdesk-four-eyes-unverifiable = Não é possível confirmar a identidade desta pessoa: cada ação vira uma solicitação que outra pessoa do suporte técnico aprova. Informe um motivo.
helpdesk-verify-first = Primeiro confirme a identidade de quem ligou.
helpdesk-four-eyes-privileged = Conta privilegiada: toda ação também precisa da aprovação de outra pessoa do suporte técnico. Informe um motivo.
helpdesk-recent-title = Atividade recente
helpdesk-recent-none = Nenhuma atividade recente.
helpdesk-check-not-allowed = Você não pode confirmar a identidade desta pessoa dessa forma.
helpdesk-verified = A identidade de quem ligou está confirmada.
helpdesk-check-voided = Códigos incorretos demais: esta verificação foi encerrada. Comece uma nova se a pessoa ainda estiver na linha.
helpdesk-done = Pronto. A pessoa vai receber um e-mail sobre isso.
helpdesk-requested = Solicitado. Outra pessoa do suporte técnico precisa aprovar no console dela.
helpdesk-no-address = Não há endereço para onde enviar um link de redefinição.
helpdesk-approved = Aprovado e feito. A pessoa vai receber um e-mail sobre isso.
helpdesk-refused-own = Você não pode agir na sua própria conta aqui. Peça a alguém da equipe.
helpdesk-refused-out-of-reach = Esta conta está fora do alcance do suporte técnico. Peça à equipe que mantém este portal.
helpdesk-refused-not-verified = Primeiro confirme a identidade de quem ligou: nada foi alterado.
helpdesk-reason-needed = Isto precisa da aprovação de outra pessoa do suporte técnico: digite um motivo para ela.
helpdesk-refused-own-request = Foi você quem pediu isso: outra pessoa do suporte técnico precisa aprovar.
helpdesk-request-gone = Esta solicitação já foi decidida ou expirou.

## Lembretes de expiração e campanha de registo (flow/reminders.rs)
mail-expiry-subject = { $days ->
        [one] A sua palavra-passe { $org } expira dentro de um dia
       *[other] A sua palavra-passe { $org } expira dentro de { $days } dias
    }
mail-expiry-body = A sua palavra-passe { $org } expira a { $when }. Altere-a antes disso para continuar a iniciar sessão.
mail-expiry-change = Para a alterar agora, abra:
mail-expiry-forgot = Se a esqueceu, defina uma nova aqui:
mail-expiry-why = Este lembrete chega algumas vezes antes de a palavra-passe expirar e para assim que a alterar. Nunca pedimos a sua palavra-passe por e-mail.
mail-nudge-subject = Configure a recuperação da palavra-passe da sua conta { $org }
mail-nudge-body = Ainda não configurou formas suficientes de provar que é você caso se esqueça da palavra-passe { $org }. Demora alguns minutos; depois pode definir uma nova palavra-passe sozinho, a qualquer momento, sem ligar para o suporte.
mail-nudge-link = Configure-as aqui:
mail-nudge-stop = Estes lembretes param assim que configurar a recuperação. Nunca pedimos a sua palavra-passe por e-mail.
admin-nav-campaign = Campanha
admin-campaign-title = Campanha de registo
admin-campaign-off = A campanha está desligada. Ligue-a com enabled = true em [campaign] na configuração.
admin-campaign-settings = Um lembrete a cada { $every } dias, no máximo { $max } por pessoa, a todos no âmbito que não registaram métodos suficientes.
admin-campaign-chart = Cobertura de registo por dia
admin-campaign-day = Dia
admin-campaign-in-scope = No âmbito
admin-campaign-enough = Registo suficiente
admin-campaign-percent = Cobertura
admin-campaign-nudges = Lembretes de registo enviados nos últimos 30 dias
admin-campaign-reminders = Lembretes de expiração enviados nos últimos 30 dias
admin-campaign-missing = Ainda em falta
admin-campaign-missing-link = Quem não registou métodos suficientes
admin-campaign-no-data = Ainda não correu nenhuma passagem: o gráfico preenche-se dia a dia.

# Admin: webhooks (dead letters)
admin-nav-webhooks = Webhooks
admin-webhooks-title = Webhooks
admin-webhooks-none = Nenhum webhook está configurado ([[webhooks]] na configuração).
admin-webhooks-endpoints = Os eventos de conta são enviados para:
admin-webhooks-pending = { $count ->
    [one] 1 entrega pendente
   *[other] { $count } entregas pendentes
}
admin-webhooks-dead = Entregas falhadas
admin-webhooks-dead-help = Estas entregas falharam tantas vezes quantas o destino permite. Corrija o destino e envie-as novamente.
admin-webhooks-endpoint = Destino
admin-webhooks-attempts = Tentativas
admin-webhooks-last-error = Último erro
admin-webhooks-retry = Enviar novamente
admin-webhooks-retried = A entrega voltou à fila.
admin-webhooks-not-dead = Essa entrega não é (mais) uma entrega falhada.
