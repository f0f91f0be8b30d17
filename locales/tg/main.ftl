# Матнҳои интерфейси сомонаи ҷамъиятӣ ба забони тоҷикӣ.
# Ҳар як калид бояд дар ҳамаи забонҳо бошад (санҷиш инро тафтиш мекунад).

skip-to-content = Гузаштан ба матни асосӣ
site-navigation = Паймоиши сомона
language-switcher = Забон
language-name = Тоҷикӣ
language-nearest-page = Ин саҳифа ҳанӯз тарҷума нашудааст: пайванд ба саҳифаи наздиктарин бо ин забон мебарад
breadcrumbs = Занҷири паймоиш
home = Саҳифаи асосӣ
read-more = Муфассалтар
read-more-about = Муфассалтар: { $title }
by-author = Муаллиф: { $author }
published-on = Санаи нашр: { $date }
category = Бахш
tags = Барчаспҳо
tag-page-title = Маводҳо бо барчаспи «{ $tag }»
featured = Муҳимтарин
no-items = Ҳоло дар ин ҷо ягон мавод нашр нашудааст.
pagination = Саҳифаҳо
page-previous = Саҳифаи қаблӣ
page-next = Саҳифаи баъдӣ
page-of = Саҳифаи { $page } аз { $pages }
page-number = Саҳифаи { $page }
page-title-with-number = { $title } — саҳифаи { $page }

kind-article = Мақола
kind-op-ed = Нуқтаи назар
kind-facts = Далелҳо ва рақамҳо
kind-event = Чорабинӣ
kind-photo-story = Фотогузориш

source = Манбаъ
source-published = { $publisher }, { $date }
event-details = Дар бораи чорабинӣ
event-dates = Санаҳои баргузорӣ
event-venue = Ҷои баргузорӣ
event-deadline = Анҷоми қабули дархостҳо
event-deadline-days-left = { $days ->
    [0] рӯзи охирин
   *[other] { $days } рӯз монд
}
event-deadline-closed = қабул ба анҷом расид
event-register = Сабти ном ё пешниҳоди дархост
event-add-to-calendar = Ба тақвим илова кунед
gallery = Галереяи аксҳо
photo-credit = Акс: { $credit }

contact-title = Тамос бо мо
contact-office = Дафтари мо
contact-address = Суроға
contact-hours = Соатҳои корӣ
contact-phone = Телефон
contact-fax = Факс
contact-email = Почтаи электронӣ
contact-email-needs-script = Суроғаи почтаи электронии мо дар ин ҷо вақте намоён мешавад, ки JavaScript фаъол бошад. Инчунин метавонед тавассути шакли зерин ба мо нависед.
contact-form-title = Ба мо паём фиристед
contact-form-intro = Пур кардани ҳамаи майдонҳо ҳатмист. Мо бо почтаи электронӣ, одатан дар давоми се рӯзи корӣ, ҷавоб медиҳем.
contact-name = Номи шумо
contact-your-email = Суроғаи почтаи электронии шумо
contact-message = Паёми шумо
contact-honeypot = Ин майдонро холӣ гузоред
contact-send = Фиристодани паём
contact-errors-title = Лутфан, нуктаҳои зеринро ислоҳ кунед:
contact-thanks-title = Ташаккур барои паёми шумо
contact-thanks-body = Мо паёми шуморо гирифтем ва ҳарчи зудтар бо почтаи электронӣ ҷавоб медиҳем.
contact-back = Бозгашт ба саҳифаи асосӣ
contact-rate-limited-title = Паёмҳо аз ҳад зиёданд
contact-rate-limited-body = Шумо дар муддати кӯтоҳ якчанд паём фиристодед. Лутфан, як соат интизор шавед ва аз нав кӯшиш кунед ё ба мо занг занед.

error-name-missing = Лутфан, номи худро ворид кунед.
error-name-too-long = Номи шумо хеле дароз аст (на зиёда аз 200 аломат).
error-name-invalid = Дар ном аломатҳои ғайриҷоиз ҳастанд.
error-email-missing = Лутфан, суроғаи почтаи электронии худро ворид кунед, то мо ба шумо ҷавоб дода тавонем.
error-email-invalid = Ин ба суроғаи почтаи электронӣ монанд нест (намуна: name@example.org).
error-message-too-short = Лутфан, паёми на камтар аз 10 аломат нависед.
error-message-too-long = Паёми шумо хеле дароз аст (на зиёда аз 5000 аломат).

error-400-title = Дархости нодуруст
error-400-body = Суроға ё маълумоти шаклро коркард кардан имконнопазир буд. Лутфан, онҳоро санҷед ва аз нав кӯшиш кунед.
error-404-title = Саҳифа ёфт нашуд
error-404-body = Дар ин суроға саҳифае нест. Шояд он ба ҷои дигар кӯчонида шудааст ё суроға бо хато навишта шудааст.
error-405-title = Амали ғайриҷоиз
error-405-body = Ин саҳифаро ба ин тарз истифода бурдан мумкин нест.
error-413-title = Маълумот аз ҳад зиёд аст
error-413-body = Маълумоти фиристодашуда аз ҳаҷме, ки ин сомона қабул мекунад, калонтар аст.
error-414-title = Суроға хеле дароз аст
error-414-body = Суроғаи ин саҳифа хеле дароз аст.
error-429-title = Дархостҳо аз ҳад зиёданд
error-429-body = Лутфан, каме интизор шавед ва аз нав кӯшиш кунед.
error-500-title = Хатогӣ рух дод
error-500-body = Бинобар хатогӣ аз ҷониби мо сомона ин саҳифаро нишон дода натавонист. Лутфан, баъдтар аз нав кӯшиш кунед.
error-503-title = Муваққатан дастнорас
error-503-body = Сомона ҳоло банд аст ё дар он корҳои техникӣ гузаронида мешаванд. Лутфан, пас аз чанд дақиқа аз нав кӯшиш кунед.
error-go-home = Гузаштан ба саҳифаи асосӣ

footer-rights = © { $year } { $site }
footer-contact = Тамос

date-format = { $day } { $month }и { $year }
month-1 = январ
month-2 = феврал
month-3 = март
month-4 = апрел
month-5 = май
month-6 = июн
month-7 = июл
month-8 = август
month-9 = сентябр
month-10 = октябр
month-11 = ноябр
month-12 = декабр

search-title = Ҷустуҷӯ
search-title-for = Ҷустуҷӯ: { $query }
search-label = Чиро ҷустуҷӯ кунем
search-type = Навъ
search-any-type = Ҳар навъ
search-any-category = Ҳар бахш
search-submit = Ҷустан
search-results-count = { $count ->
    [0] Ҳеҷ чиз ёфт нашуд
   *[other] { $count } мавод ёфт шуд
}
search-no-results = Ягон мавод ба ин калимаҳо мувофиқ нест. Камтар ё дигар калимаҳоро, ё забони дигарро санҷед.

fallback-note = Ҳоло ба забони тоҷикӣ дастрас нест; бо забони аслӣ нишон дода шудааст.
search-site = Ҷустуҷӯ дар сайт
menu = Меню
footer-key-pages = Саҳифаҳои асосӣ
footer-social = Моро пайгирӣ кунед
footer-email-on-contact-page = дар саҳифаи тамос
language-switcher-footer = Забон (поёни саҳифа)
front-featured = Муҳимтарин
front-section-news = Хабарҳо
front-section-opinion = Андешаҳо
front-section-facts = Далелҳо ва рақамҳо
front-section-events = Чорабиниҳои наздик
front-section-photo-stories = Ҳикояҳои аксӣ
front-section-more-news = Хабарҳои дигар
front-more-in = Боз дар бахши «{ $category }»
front-older-items = Маводҳои пештара
share = Мубодила кардан
share-email = Почтаи электронӣ
related = Маводҳои марбут
gallery-close = Пӯшидан
gallery-previous = Акси қаблӣ
gallery-next = Акси навбатӣ
footnotes = Эзоҳҳо
