# Панели идоракунии муҳаррирон. Калидҳо бо admin- (ё барои хатоҳои боргузории файлҳо бо media-) оғоз мешаванд.

language-name-en = Англисӣ
language-name-ru = Русӣ
language-name-tg = Тоҷикӣ

admin-title = Панели идоракунӣ
admin-navigation = Қисмҳои панели идоракунӣ
admin-view-site = Кушодани сомона
admin-nav-dashboard = Шарҳи умумӣ
admin-nav-items = Маводҳо
admin-nav-media = Медиафайлҳо
admin-nav-categories = Бахшҳо
admin-nav-tags = Барчаспҳо
admin-nav-settings = Танзимот
admin-nav-users = Корбарон
admin-nav-audit = Феҳристи амалҳо
admin-nav-account = Ҳисоби ман
admin-sign-out = Баромадан
admin-back-to-dashboard = Бозгашт ба шарҳи умумӣ
admin-back-to-item = Бозгашт ба мавод

admin-role-administrator = маъмур
admin-role-editor = муҳаррир
admin-role-author = муаллиф
admin-role-translator = тарҷумон

admin-kind-article = Мақола
admin-kind-op-ed = Нуқтаи назар
admin-kind-facts = Далелҳо ва рақамҳо
admin-kind-event = Чорабинӣ
admin-kind-photo-story = Фотогузориш

admin-state-new = нав
admin-state-draft = пешнавис
admin-state-review = дар интизори санҷиш
admin-state-published = нашршуда
admin-state-archived = дар бойгонӣ
admin-state-trashed = дар сабад

admin-action-save = Захира кардан
admin-action-submit = Барои санҷиш фиристодан
admin-action-publish = Нашр кардан
admin-action-unpublish = Ба пешнавис баргардондан
admin-action-archive = Ба бойгонӣ гузоштан
admin-action-trash = Ба сабад гузоштан
admin-action-restore = Аз сабад барқарор кардан

admin-signin-title = Воридшавӣ
admin-email = Суроғаи почтаи электронӣ
admin-password = Рамз
admin-sign-in = Ворид шудан
admin-signin-refused = Суроғаи почтаи электронӣ ё рамз нодуруст аст.
admin-signin-throttled = Кӯшишҳои нокоми воридшавӣ аз ҳад зиёданд. Лутфан, пас аз { $minutes } дақиқа аз нав кӯшиш кунед.
admin-code-title = Тасдиқ кунед, ки ин шумоед
admin-code-help = Коди шашрақамаеро, ки барномаи аутентификатори шумо нишон медиҳад, ё яке аз кодҳои барқарорсозии худро ворид кунед.
admin-code = Код
admin-code-submit = Тасдиқ кардан
admin-signin-code-refused = Ин код нодуруст аст. Кодҳо ҳар 30 сония иваз мешаванд; коди ҳозираро ворид кунед.

admin-error-forbidden = Нақши шумо ба ин амал иҷозат намедиҳад
admin-error-not-found = Ёфт нашуд
admin-error-csrf = Мӯҳлати ин шакл гузаштааст. Ба қафо баргардед, саҳифаро аз нав бор кунед ва шаклро боз фиристед.
admin-error-cross-site = Ин дархост аз сайти дигар омад ва рад карда шуд. Панели идоракуниро бо суроғаи худаш кушоед ва боз кӯшиш кунед.
admin-error-invalid = Ин амалро иҷро кардан имконнопазир аст
admin-error-internal = Дар сервер хатогӣ рух дод. Чизе, ки шумо ворид кардед, захира нашуд; лутфан, аз нав кӯшиш кунед.
admin-error-internal-id = Агар ин боз рух диҳад, ба маъмурони сайт рақами хаторо диҳед: { $id }

admin-notice-saved = Захира шуд.
admin-none = нест
admin-any = ҳама
admin-any-but-bin = ҳама (ба ҷуз сабад)
admin-anyone = ҳама
admin-me = ман
admin-choose = Интихоб кунед…
admin-save = Захира кардан
admin-filter = Филтр кардан
admin-filter-text = Калимаҳо дар сарлавҳа
admin-sort = Тартиб
admin-sort-updated = аввал охирин тағйирёфтаҳо
admin-sort-published = аввал охирин нашршудаҳо
admin-sort-title = аз рӯи сарлавҳа
admin-items-found = { $count } мавод
admin-scheduled-for = аз { $at }
admin-dashboard-review = Дар интизори санҷиш
admin-dashboard-mine = Маводҳои охирини ман
admin-dashboard-recent = Ба наздикӣ тағйирёфта
admin-new-item = Маводи нав
admin-edit-item = Таҳрири мавод
admin-version = версияи { $version }
admin-version-column = Версия
admin-preview-as-reader = Пешнамоиш ҳамчун хонанда
admin-revisions = Версияҳо
admin-view-public = Дидан дар сомона
admin-old-site-hits = дар сомонаи пешина { $count } бор хонда шуд
admin-translations = Забонҳо
admin-translate-into = Тарҷума ба { $lang }

admin-field = Майдон
admin-field-title = Сарлавҳа
admin-field-lang = Забон
admin-field-kind = Навъ
admin-field-state = Ҳолат
admin-field-author = Муаллиф
admin-field-updated = Санаи тағйир
admin-field-category = Бахш
admin-field-slug = Суроға (slug)
admin-field-byline = Имзои муаллиф
admin-field-dateline = Ҷой ва сана
admin-field-teaser = Муаррифии кӯтоҳ
admin-field-teaser-above-body = Муаррифии кӯтоҳро дар саҳифаи мавод болои матн нишон додан
admin-teaser-help = Дар рӯйхати маводҳо нишон дода мешавад. Агар он оғози мақола бошад, қуттии поёнро қайд кунед, то дар саҳифаи он низ намоён шавад.
admin-field-body = Матн
admin-field-source-title = Номи манбаъ
admin-field-source-publisher = Ношир
admin-field-source-url = Суроғаи манбаъ
admin-field-source-date = Санаи манбаъ
admin-field-event-starts = Оғоз
admin-field-event-ends = Анҷом
admin-field-event-venue = Ҷои баргузорӣ
admin-field-event-deadline = Анҷоми қабули дархостҳо
admin-field-event-registration = Суроға барои сабти ном
admin-field-image = Тасвири асосӣ
admin-field-gallery = Тасвирҳои галерея
admin-field-publish-up = Нашр аз
admin-field-publish-down = Нашр то
admin-field-featured = Дар саҳифаи асосӣ нишон додан
admin-field-featured-order = Ҷой дар саҳифаи асосӣ
admin-field-featured-until = Дар саҳифаи асосӣ то
admin-field-name = Ном
admin-field-role = Нақш
admin-slug-help = Ҳарфҳои хурди лотинии a-z, рақамҳо ва дефисҳо. Агар холӣ гузоред, суроға аз сарлавҳа сохта мешавад.
admin-dateline-help = Ҷой ва санае, ки матн бо онҳо оғоз мешавад, масалан: ДУШАНБЕ, 28 ноябр.
admin-markdown-help = Markdown: **ғафс**, *курсив*, [пайванд](https://…), ## сарлавҳа, - рӯйхат.
admin-times-zone = Вақт бо минтақаи вақти сайт ({ $zone }) нишон дода мешавад; он дар танзимоти сайт муқаррар карда мешавад.
admin-section-content = Мундариҷа
admin-section-source = Манбаъ (далелҳо ва рақамҳо)
admin-section-event = Чорабинӣ
admin-section-images = Тасвирҳо
admin-section-tags = Барчаспҳо
admin-section-publishing = Нашр
admin-media-upload-link = Тасвирҳоро ба медиатека бор кунед

admin-edit-conflict = Ҳангоме ки шумо ин маводро таҳрир мекардед, корбари дигар онро захира кард. Тағйироти шумо ҳанӯз захира нашудааст: тағйироти ӯ дар ҷойҳое, ки бо тағйироти шумо бархӯрд надоранд, ба шакли шумо илова шуданд. Санҷед ва захира кунед.
admin-conflict-title = Корбари дигар захира кардааст: версияи { $version }, { $at }

admin-revisions-caption = Ҳамаи версияҳои захирашуда, аввал навтаринҳо
admin-compare = Муқоиса кардан
admin-compare-from = Кӯҳнатар
admin-compare-to = Навтар
admin-compare-title = Муқоисаи версияи { $from } бо версияи { $to }
admin-compare-caption = Тағйирот аз рӯи майдонҳо
admin-diff-removed = ҳазф шуд
admin-diff-added = илова шуд
admin-restore-version = Барқарор кардани версияи { $version }

admin-language-title = Забони панели идоракунӣ
admin-language-label = Забони интерфейс
admin-password-title = Иваз кардани рамз
admin-password-current = Рамзи ҳозира
admin-password-new = Рамзи нав
admin-password-repeat = Рамзи навро такрор кунед
admin-password-rule = Ақаллан 12 аломат. Якчанд калимаи паси ҳам ба осонӣ дар хотир мемонанд ва тахмин кардани онҳо душвор аст.
admin-password-change = Иваз кардани рамз
admin-password-mismatch = Ду рамзи нав ба ҳам мувофиқат намекунанд.

admin-mfa-title = Воридшавии дуқадама
admin-mfa-on = фаъол
admin-mfa-off = ғайрифаъол
admin-mfa-required = Дар ин сомона воридшавии дуқадама барои ҳама ҳатмист. Барои идома додан онро танзим кунед.
admin-mfa-step-scan = Ин кодро бо барномаи аутентификатор скан кунед (масалан, FreeOTP, Aegis ё Google Authenticator).
admin-mfa-step-manual = Ё ин калидро дастӣ ба барнома ворид кунед:
admin-mfa-step-code = Коди шашрақамаеро, ки ҳоло барнома нишон медиҳад, ворид кунед.
admin-mfa-qr-alt = QR-код барои барномаи аутентификатори шумо
admin-mfa-enable = Фаъол кардани воридшавии дуқадама
admin-mfa-codes-title = Кодҳои барқарорсозии шумо
admin-mfa-codes-help = Агар телефони шумо гум шавад, ҳар яке аз ин кодҳо танҳо як бор кор мекунад. Онҳоро чоп кунед ё дар ҷои бехатар нигоҳ доред: онҳо танҳо ҳозир нишон дода мешаванд.
admin-mfa-disable-password = Рамзи шумо
admin-mfa-disable = Ғайрифаъол кардани воридшавии дуқадама

admin-users-caption = Ҳамаи онҳое, ки метавонанд ворид шаванд
admin-disabled = Ғайрифаъол
admin-user-end-sessions = Баромадан аз ҳама дастгоҳҳо
admin-user-add = Илова кардани корбар
admin-user-created = Акнун { $email } метавонад бо ин рамз ворид шавад (он танҳо як бор нишон дода мешавад):

admin-audit-caption = Тағйирот, аввал навтаринҳо
admin-audit-when = Кай
admin-audit-action = Амал
admin-audit-subject = Объект
admin-audit-detail = Тафсилот
admin-audit-from = Аз куҷо

admin-category-add = Илова кардани бахш
admin-category-parent = Дар дохили бахши
admin-category-top = (сатҳи болоӣ)
admin-tag-add = Илова кардани барчасп

admin-settings-site = Сомона
admin-settings-name = Номи сомона
admin-settings-tagline = Шиор
admin-settings-address = Суроғаи дафтар
admin-settings-hours = Соатҳои корӣ
admin-settings-languages = Забонҳо
admin-settings-languages-help = Кодҳои забонҳо бо ҳамон тартибе, ки хонандагон мебинанд, масалан: en, ru, tg.
admin-settings-default-lang = Забони пешфарз
admin-settings-front-page-size = Шумораи маводҳо дар саҳифаи асосӣ
admin-settings-time-zone = Минтақаи вақт
admin-settings-time-zone-help = Санаҳо ва вақт дар сайт ва дар идоракунӣ дар ҳамин минтақа нишон дода ва ворид карда мешаванд.
admin-settings-time-zone-unknown = { $zone } минтақаи вақти пойгоҳи tz нест, масалан Asia/Dushanbe.
admin-settings-feed-full-text = Дар лентаҳо матни пурра фиристода шавад
admin-settings-mfa-required = Воридшавии дуқадама барои ҳама ҳатмист
admin-settings-contact = Тамос
admin-settings-phones = Рақамҳои телефон, ҳар кадом дар сатри алоҳида
admin-settings-fax = Факс

admin-media-upload = Бор кардани тасвир
admin-media-file = Файли тасвир
admin-media-file-help = Тасвирҳо (JPEG, PNG, WebP ё GIF, то 20 МБ; расмҳои SVG, масалан логотипҳо, то 1 МБ), аудио, видео ва ҳуҷҷатҳо (PDF, Word, Excel, PowerPoint, OpenDocument; то 200 МБ).
admin-media-alt = Матни ивазкунанда (дар тасвир чӣ нишон дода шудааст)
admin-media-caption = Тавзеҳи тасвир
admin-media-credit = Муаллиф ё манбаъ
admin-media-decorative = Ороишӣ: барномаи хониши экран дар бораи он чизе гуфтанӣ нест
admin-media-decorative-short = ороишӣ
admin-media-library = Медиатека
admin-media-delete = Нест кардан
admin-media-no-file = Барои боргузорӣ файли тасвирро интихоб кунед.

media-error-format = pamir ин файлро қабул намекунад: тасвир (JPEG, PNG, WebP, GIF), аудио, видео ё ҳуҷҷате лозим аст, ки мундариҷааш ба номаш мувофиқ бошад.
media-error-polyglot = Бо сабабҳои амниятӣ рад карда шуд.
media-error-file-too-big = Файл хеле калон аст.
media-error-too-large = Андозаи тасвир хеле калон аст.
media-error-corrupt = Тасвирро хондан имконнопазир буд.
media-error-encode = Тасвирро захира кардан имконнопазир буд.

admin-autosave-found = Дар ин браузер тағйироти ин мавод боқӣ мондааст, ки захира нашудаанд.
admin-autosave-restore = Барқарор кардан
admin-autosave-discard = Рад кардан
admin-preview = Пешнамоиш
admin-preview-offline = Барои пешнамоиш пайвастшавӣ лозим аст. Матни шумо дар ин браузер нигоҳ дошта шудааст.
admin-toolbar-tools = Ғафс|Курсив|Сарлавҳа|Пайванд|Рӯйхат|Иқтибос

admin-taxonomy-edit-categories = Таҳрири бахш
admin-taxonomy-edit-tags = Таҳрири барчасп
admin-category-position = Мавқеъ
admin-category-position-help = Дар байни бахшҳои як сатҳ рақамҳои хурдтар аввал меоянд.
admin-slug-change-help = Агар суроғаро (slug) иваз кунед, суроғаи ҳамаи саҳифаҳои зери он иваз мешавад; пайвандҳои кӯҳна дигар кор намекунанд.
admin-settings-fallbacks = Забонҳои эҳтиётӣ
admin-settings-fallbacks-help = Агар мавод ҳоло тарҷума нашуда бошад, онро бо забони дигар бо ишора нишон диҳед. Масалан «tg: ru en; ru: en». Агар лозим набошад, холӣ гузоред.

admin-nav-redirects = Равонакуниҳо
admin-redirects-missing = Суроғаҳое, ки хонандагон наёфтанд
admin-redirects-missing-help = Пайвандҳои кӯҳна ба саҳифаҳое, ки дар ин ҷо нестанд; аввал серталабтаринҳо. Барои ҳар кадом суроғаи навро нишон диҳед, то хонандагон ба он ҷо раванд.
admin-redirects-missing-caption = Суроғаҳои номаълум
admin-redirects-old = Суроғаи кӯҳна
admin-redirects-new = Суроғаи нав
admin-redirects-hits = Дархостҳо
admin-redirects-last = Дархости охирин
admin-redirects-map = Ба он ҷо равона кардан
admin-redirects-add = Илова кардани равонакунӣ
admin-redirects-list = Равонакуниҳо
admin-redirects-origin = Аз куҷо
admin-redirects-find = Ҷустуҷӯи суроғаи кӯҳна ё нав
admin-redirects-found = { $count } интиқол

# Майдони шакл, ки хонда нашуд.
admin-field-translation-group = Гурӯҳи тарҷумаҳо
admin-form-choose = Дар майдони «{ $field }» қиматеро интихоб кунед.
admin-form-not-a-number = Майдони «{ $field }» рақам талаб мекунад.
admin-form-not-a-date = Майдони «{ $field }» сана ва вақтро талаб мекунад, масалан 2026-11-28T14:30.
admin-settings-identity = Намуди сайт
admin-settings-organisation = Ташкилот (болои номи сайт)
admin-settings-key-pages = Саҳифаҳои асосӣ дар поёни сайт
admin-settings-links-help = Дар ҳар сатр як пайванд: сарлавҳа, хати амудӣ, баъд суроға, масалан «Тамос | /tg/contact» ё «Facebook | https://facebook.com/саҳифаи-шумо».
admin-settings-brand-colour = Ранги бренд
admin-settings-brand-colour-help = Ранге мисли #0e4a5c барои сарлавҳа, тугмаҳо ва пайвандҳо. Барои ранги худи мавзӯъ холӣ гузоред. Ранги аз ҳад равшан барои матни сафед қабул намешавад.
admin-settings-logo = Логотип
admin-settings-no-logo = Бе логотип
admin-settings-social = Саҳифаҳо дар шабакаҳои иҷтимоӣ
admin-settings-front-sections = Бахшҳои саҳифаи асосӣ
admin-settings-front-sections-help = Ҷойи ҳар бахш дар зери маводҳои асосӣ (1 — аввал); 0 ё холӣ бахшро пинҳон мекунад. Бахшҳои холӣ нишон дода намешаванд.
admin-settings-colour-unreadable = «{ $colour }» ранг нест: # ва шаш рақами шонздаҳӣ нависед, масалан #0e4a5c.
admin-settings-logo-unknown = Логотипро аз рӯйхат интихоб кунед.
admin-settings-link-line = Дар ин сатр сарлавҳа, хати амудӣ ва суроға лозим аст: «{ $line }».
admin-settings-section-position = Ҷойи бахши «{ $section }» рақам нест.
admin-field-key-figure = Рақами асосӣ
admin-field-key-figure-label = Рақам чиро нишон медиҳад
admin-field-key-figure-help = Дар корт ва саҳифаи мавод калон нишон дода мешавад, масалан «4,6 миллиард доллар» ва «муҳоҷирон соли 2025 ба ватан фиристоданд».
media-error-svg = Расми SVG қабул нашуд.
admin-checks-title = Пеш аз нашр
admin-checks-found = { $count ->
    [one] Як чиз хондани ин саҳифаро душвор мекунад. Нашр кардан мумкин аст.
   *[other] { $count } чиз хондани ин саҳифаро душвор мекунанд. Нашр кардан мумкин аст.
}
admin-checks-none = Чизе, ки хондани саҳифаро душвор кунад, ёфт нашуд.
check-teaser-long = Дар муқаддима { $about } аломат аст, дар корт тақрибан 300 ҷой мегирад. Кӯтоҳтар кунед.
check-page-weight = Дар телефон ин саҳифа бо { $count } тасвир тақрибан { $about } вазн дорад, ки аз { $budget } зиёд аст; интернети сусти мобилӣ ин қадарро тақрибан дар даҳ сония бор мекунад. Тасвирҳои камтар ё хурдтар кӯмак мекунанд.
check-heading-skipped = Сарлавҳаи «{ $about }» як сатҳро мегузаронад: корбарони хонандаҳои экран аз рӯи сатҳҳо ҳаракат мекунанд.
check-image-alt = Тасвир ({ $about }) барои касоне, ки онро намебинанд, матни алтернативӣ надорад.
check-link-vague = Матни пайванди «{ $about }» намегӯяд, ки ба куҷо мебарад: масалан номи саҳифаро нависед.
check-link-empty = Пайванд матн надорад: ҳеҷ кас намефаҳмад, ки ба куҷо мебарад.
check-table-header = Ҷадвал сатри сарлавҳа надорад: нависед, ки дар ҳар сутун чист.
check-all-caps = Сархат пурра бо ҳарфҳои калон навишта шудааст («{ $about }…»): хонданаш душвор аст ва баъзе хонандаҳои экран онро ҳарф ба ҳарф мехонанд.
check-translation-missing = Версияи { $about } ҳоло нест.
check-image-alt-html = Тасвир дар коди HTML-и матн барои касоне, ки онро намебинанд, матни алтернативӣ надорад.

## The rich-text editor's words
editor-toolbar = Форматкунӣ
editor-bold = Ғафс
editor-italic = Курсив
editor-link = Пайванд
editor-heading = Сарлавҳа
editor-subheading = Зерсарлавҳа
editor-bullets = Рӯйхати нуқтадор
editor-numbers = Рӯйхати рақамдор
editor-quote = Иқтибос
editor-image = Тасвир
editor-table = Ҷадвал
editor-row = Сатр илова кардан
editor-column = Сутун илова кардан
editor-delete-row = Сатрро нест кардан
editor-delete-column = Сутунро нест кардан
editor-rule = Хати ҷудокунанда
editor-undo = Бекор кардан
editor-redo = Такрор кардан
editor-markdown = Markdown-ро нишон додан
editor-raw = Айнан тавре ки навишта шудааст нигоҳ дошта шуд (HTML аз сомонаи кӯҳна): онро тавассути «Markdown-ро нишон додан» таҳрир кунед.
editor-pasted-images = Баъзе тасвирҳои матни гузошташуда оварда нашуданд (тасвирҳо аз сомонаҳои дигар ё файлҳое, ки браузер хонда наметавонад): ҳар якро захира кунед ва бо тугмаи «Тасвир» илова кунед, то ки дар ин ҷо бо матни алтернативиаш нигоҳ дошта шавад.
editor-ok = Хуб
editor-cancel = Бекор
editor-link-address = Суроғаи саҳифа
editor-image-file = Файли тасвир
editor-alt = Матни алтернативӣ
editor-alt-help = Дар тасвир чӣ нишон дода шудааст, барои хонандагоне, ки онро дида наметавонанд.
editor-decorative = Ороишӣ: ба матн чизе илова намекунад
editor-uploading = Боргузорӣ
editor-upload-failed = Боргузорӣ анҷом наёфт. Пайвастро санҷед ва бори дигар кӯшиш кунед.
editor-alt-needed = Тасвирро дар матни алтернативӣ тавсиф кунед ё онро ороишӣ қайд кунед.
editor-item-link = Пайванд ба мавод
editor-find-item = Маводро аз рӯи сарлавҳааш ёбед
editor-items-found = Маводҳои ёфтшуда
editor-no-items = Маводе бо ин калимаҳо нест.
editor-link-unsafe = Пайванд ба суроғаи веб (https://…), почтаи электронӣ (mailto:…), рақами телефон (tel:…) ё саҳифаи ҳамин сомона (/…) мебарад.

## The items list's filter by the checks
admin-filter-checks = Санҷишҳо пеш аз нашр
admin-filter-checks-any = Чизе барои дидан ҳаст
admin-filter-check-all-caps = Сарсатр бо ҳарфҳои калон
admin-filter-check-heading-skipped = Сатҳи сарлавҳа гузаронида шудааст
admin-filter-check-image-alt = Тасвир бе матни алтернативӣ
admin-filter-check-image-alt-html = Тасвир дар HTML бе матни алтернативӣ
admin-filter-check-link-empty = Пайванд бе матн
admin-filter-check-link-vague = Пайванде, ки намегӯяд ба куҷо мебарад
admin-filter-check-table-header = Ҷадвал бе сатри сарлавҳа
admin-filter-check-teaser-long = Муқаддима барои корт дароз аст

## Drafts kept on the server, and who else is at work on an item
admin-draft-found = Тағйиротҳои нигоҳнадоштаи шумо дар ин мавод соати { $at } дар сервер нигоҳ дошта шуданд.
admin-draft-restore = Онҳоро барқарор кунед
admin-draft-discard = Онҳоро рад кунед
admin-notice-draft-restored = Тағйиротҳои нигоҳнадошта боз дар шакл ҳастанд: барои нигоҳ доштан онро захира кунед.
admin-draft-kept = Соати { $at } дар сервер нигоҳ дошта шуд.
admin-draft-not-kept = Дар сервер нигоҳ дошта нашуд (пайвастшавӣ нест); то он вақт ин браузер онро нигоҳ медорад.
admin-draft-others = { $count ->
    [one] { $names } низ дар ин мавод кор мекунад: зудтар захира кунед; агар ӯ чизеро тағйир диҳад, шумо онро пеш аз иваз шудан мебинед.
   *[other] { $names } низ дар ин мавод кор мекунанд: зудтар захира кунед; агар онҳо чизеро тағйир диҳанд, шумо онро пеш аз иваз шудан мебинед.
}
admin-conflict-taken = Аз версияи ӯ гирифта шуд (шумо инро тағйир надода будед): { $fields }.
admin-conflict-joined = Ҳардуи шумо инро дар ҷойҳои гуногун тағйир додед; ҳарду тағйирот акнун дар шакли шумост: { $fields }.
admin-conflict-both = Ҳардуи шумо як қисми инҳоро тағйир додед. Версияи шумо дар шакл аст, аз ӯ дар паҳлӯяш. Якеро нигоҳ доред ё онҳоро якҷоя кунед, баъд захира кунед.
admin-conflict-merged = Бархӯрд нашуд: акнун дар шакли шумо ҳам тағйироти шумо ва ҳам аз ӯ ҳаст.
admin-conflict-theirs = Версияи ӯ (захирашуда)
admin-conflict-yours = Версияи шумо (дар шакл)
admin-conflict-use-theirs = Версияи ӯро гиред

## The cover picture and the gallery
editor-cover-upload = Боргузории тасвир…
editor-gallery-empty = Ҳоло тасвир нест: онҳоро аз медиатека илова кунед ё ба ин ҷо кашед.
editor-gallery-add-label = Тасвир аз медиатека
editor-gallery-add = Ба галерея илова кунед
editor-gallery-upload = Боргузории тасвирҳо…
editor-move-up = { $name }-ро боло баред
editor-move-down = { $name }-ро поён баред
editor-remove = Хориҷ кунед
editor-remove-named = { $name }-ро аз галерея хориҷ кунед
editor-picture-moved = { $name } акнун тасвири { $position } аз { $count } аст.
editor-picture-removed = { $name } дигар дар галерея нест.
editor-decorative-short = (ороишӣ)

## Sound and film from the library
editor-media = Садо ё видео
editor-media-kind = Навъ
editor-audio = Садо
editor-video = Видео
editor-media-found = Дар медиатека
editor-no-media = Дар медиатека чунин файл нест: аввал онро ба медиатека бор кунед.
editor-find-media = Файлро аз рӯи ном ё калимаҳояш ёбед
editor-caption = Тавзеҳ
editor-image-caption = Тавзеҳ (дар зери тасвир нишон дода мешавад)
editor-image-credit = Муаллиф ё манбаи акс
editor-footnote = Эзоҳ
editor-footnote-text = Матни эзоҳ
editor-footnote-empty = Матни эзоҳро нависед.
