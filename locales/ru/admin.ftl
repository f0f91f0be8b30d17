# Панель управления для редакторов. Ключи начинаются с admin- (или с media- для ошибок при загрузке файлов).

language-name-en = Английский
language-name-ru = Русский
language-name-tg = Таджикский

admin-title = Панель управления
admin-navigation = Разделы панели управления
admin-view-site = Открыть сайт
admin-nav-dashboard = Обзор
admin-nav-items = Материалы
admin-nav-media = Медиафайлы
admin-nav-categories = Рубрики
admin-nav-tags = Теги
admin-nav-settings = Настройки
admin-nav-users = Пользователи
admin-nav-audit = Журнал действий
admin-nav-account = Моя учётная запись
admin-sign-out = Выйти
admin-back-to-dashboard = Вернуться к обзору
admin-back-to-item = Вернуться к материалу

admin-role-administrator = администратор
admin-role-editor = редактор
admin-role-author = автор
admin-role-translator = переводчик

admin-kind-article = Статья
admin-kind-op-ed = Авторская колонка
admin-kind-facts = Факты и цифры
admin-kind-event = Мероприятие
admin-kind-photo-story = Фоторепортаж

admin-state-new = новый
admin-state-draft = черновик
admin-state-review = ожидает проверки
admin-state-published = опубликован
admin-state-archived = в архиве
admin-state-trashed = в корзине

admin-action-save = Сохранить
admin-action-submit = Отправить на проверку
admin-action-publish = Опубликовать
admin-action-unpublish = Вернуть в черновики
admin-action-archive = Перенести в архив
admin-action-trash = Переместить в корзину
admin-action-restore = Восстановить из корзины

admin-signin-title = Вход
admin-email = Адрес электронной почты
admin-password = Пароль
admin-sign-in = Войти
admin-signin-refused = Неверный адрес электронной почты или пароль.
admin-signin-throttled = { $minutes ->
    [one] Слишком много неудачных попыток. Повторите попытку через { $minutes } минуту.
    [few] Слишком много неудачных попыток. Повторите попытку через { $minutes } минуты.
    [many] Слишком много неудачных попыток. Повторите попытку через { $minutes } минут.
   *[other] Слишком много неудачных попыток. Повторите попытку через { $minutes } минуты.
}
admin-code-title = Подтвердите, что это вы
admin-code-help = Введите шестизначный код из приложения-аутентификатора или один из ваших резервных кодов.
admin-code = Код
admin-code-submit = Подтвердить
admin-signin-code-refused = Неверный код. Коды меняются каждые 30 секунд; введите текущий.

admin-error-forbidden = Ваша роль не позволяет это сделать
admin-error-not-found = Не найдено
admin-error-csrf = Срок действия этой формы истёк. Вернитесь назад, обновите страницу и отправьте форму ещё раз.
admin-error-cross-site = Этот запрос пришёл с другого сайта и отклонён. Откройте панель управления по её собственному адресу и попробуйте ещё раз.
admin-error-invalid = Это действие невозможно
admin-error-internal = На сервере произошла ошибка. Введённые вами данные не сохранены; пожалуйста, попробуйте ещё раз.
admin-error-internal-id = Если это повторится, сообщите администраторам сайта номер ошибки: { $id }

admin-notice-saved = Сохранено.
admin-none = нет
admin-any = все
admin-any-but-bin = все (кроме корзины)
admin-anyone = все
admin-me = я
admin-choose = Выберите…
admin-save = Сохранить
admin-filter = Применить фильтр
admin-filter-text = Слова в заголовке
admin-sort = Порядок
admin-sort-updated = сначала недавно изменённые
admin-sort-published = сначала недавно опубликованные
admin-sort-title = по заголовку
admin-items-found = { $count ->
    [one] { $count } материал
    [few] { $count } материала
    [many] { $count } материалов
   *[other] { $count } материала
}
admin-scheduled-for = с { $at }
admin-dashboard-review = Ожидают проверки
admin-dashboard-mine = Мои последние материалы
admin-dashboard-recent = Недавно изменённые
admin-new-item = Новый материал
admin-edit-item = Редактирование материала
admin-version = версия { $version }
admin-version-column = Версия
admin-preview-as-reader = Посмотреть глазами читателя
admin-revisions = Версии
admin-view-public = Посмотреть на сайте
admin-old-site-hits = { $count ->
    [one] прочитан { $count } раз на старом сайте
    [few] прочитан { $count } раза на старом сайте
    [many] прочитан { $count } раз на старом сайте
   *[other] прочитан { $count } раза на старом сайте
}
admin-translations = Языки
admin-translate-into = Перевести на { $lang }

admin-field = Поле
admin-field-title = Заголовок
admin-field-lang = Язык
admin-field-kind = Тип
admin-field-state = Статус
admin-field-author = Автор
admin-field-updated = Изменено
admin-field-category = Рубрика
admin-field-slug = Адрес (slug)
admin-field-byline = Подпись автора
admin-field-dateline = Место и дата
admin-field-teaser = Анонс
admin-field-teaser-above-body = Показывать анонс над текстом на странице материала
admin-teaser-help = Показывается в списках материалов. Отметьте поле ниже, если анонс — начало статьи, чтобы он был и на её странице.
admin-field-body = Текст
admin-field-source-title = Название источника
admin-field-source-publisher = Издатель
admin-field-source-url = Адрес источника
admin-field-source-date = Дата источника
admin-field-event-starts = Начало
admin-field-event-ends = Окончание
admin-field-event-venue = Место проведения
admin-field-event-deadline = Окончание приёма заявок
admin-field-event-registration = Адрес для регистрации
admin-field-image = Главное изображение
admin-field-gallery = Изображения для галереи
admin-field-publish-up = Публиковать с
admin-field-publish-down = Публиковать до
admin-field-featured = Показывать на главной странице
admin-field-featured-order = Позиция на главной странице
admin-field-featured-until = На главной странице до
admin-field-name = Имя
admin-field-role = Роль
admin-slug-help = Строчные латинские буквы a-z, цифры и дефисы. Оставьте поле пустым, чтобы адрес был создан из заголовка.
admin-dateline-help = Место и дата, с которых начинается текст, например: ДУШАНБЕ, 28 ноября.
admin-markdown-help = Markdown: **жирный**, *курсив*, [ссылка](https://…), ## заголовок, - список.
admin-times-zone = Время указывается в часовом поясе сайта ({ $zone }); он задаётся в настройках сайта.
admin-section-content = Содержание
admin-section-source = Источник (факты и цифры)
admin-section-event = Мероприятие
admin-section-images = Изображения
admin-section-tags = Теги
admin-section-publishing = Публикация
admin-media-upload-link = Загрузить изображения в медиатеку

admin-edit-conflict = Пока вы редактировали этот материал, его сохранил другой пользователь. Ваши изменения ещё не сохранены: его правки перенесены в вашу форму там, где они не пересекаются с вашими. Проверьте и сохраните.
admin-conflict-title = Сохранено другим пользователем: версия { $version }, { $at }

admin-revisions-caption = Все сохранённые версии, сначала новые
admin-compare = Сравнить
admin-compare-from = Старая
admin-compare-to = Новая
admin-compare-title = Сравнение версии { $from } с версией { $to }
admin-compare-caption = Изменения по полям
admin-diff-removed = удалено
admin-diff-added = добавлено
admin-restore-version = Восстановить версию { $version }

admin-language-title = Язык панели управления
admin-language-label = Язык интерфейса
admin-password-title = Смена пароля
admin-password-current = Текущий пароль
admin-password-new = Новый пароль
admin-password-repeat = Повторите новый пароль
admin-password-rule = Не менее 12 символов. Несколько слов подряд легко запомнить и трудно подобрать.
admin-password-change = Сменить пароль
admin-password-mismatch = Новые пароли не совпадают.

admin-mfa-title = Двухэтапный вход
admin-mfa-on = включён
admin-mfa-off = выключен
admin-mfa-required = На этом сайте двухэтапный вход обязателен для всех. Настройте его, чтобы продолжить.
admin-mfa-step-scan = Отсканируйте этот код приложением-аутентификатором (например, FreeOTP, Aegis или Google Authenticator).
admin-mfa-step-manual = Или введите этот ключ в приложение вручную:
admin-mfa-step-code = Введите шестизначный код, который сейчас показывает приложение.
admin-mfa-qr-alt = QR-код для приложения-аутентификатора
admin-mfa-enable = Включить двухэтапный вход
admin-mfa-codes-title = Ваши резервные коды
admin-mfa-codes-help = Если вы потеряете телефон, каждый из этих кодов можно использовать один раз. Распечатайте их или сохраните в надёжном месте: они показываются только сейчас.
admin-mfa-disable-password = Ваш пароль
admin-mfa-disable = Выключить двухэтапный вход

admin-users-caption = Все, кто может войти в систему
admin-disabled = Отключён
admin-user-end-sessions = Выйти на всех устройствах
admin-user-add = Добавить пользователя
admin-user-created = Теперь { $email } может войти с этим паролем (он показан только один раз):

admin-audit-caption = Изменения, сначала новые
admin-audit-when = Когда
admin-audit-action = Действие
admin-audit-subject = Объект
admin-audit-detail = Подробности
admin-audit-from = Откуда

admin-category-add = Добавить рубрику
admin-category-parent = Внутри рубрики
admin-category-top = (верхний уровень)
admin-tag-add = Добавить тег

admin-settings-site = Сайт
admin-settings-name = Название сайта
admin-settings-tagline = Слоган
admin-settings-address = Адрес офиса
admin-settings-hours = Часы работы
admin-settings-languages = Языки
admin-settings-languages-help = Коды языков в том порядке, в котором их видят читатели, например: en, ru, tg.
admin-settings-default-lang = Язык по умолчанию
admin-settings-front-page-size = Число материалов на главной странице
admin-settings-time-zone = Часовой пояс
admin-settings-time-zone-help = Даты и время на сайте и в админке показываются и вводятся в этом поясе.
admin-settings-time-zone-unknown = { $zone } — не часовой пояс базы tz, например Asia/Dushanbe.
admin-settings-feed-full-text = Передавать в лентах полные тексты
admin-settings-mfa-required = Двухэтапный вход обязателен для всех
admin-settings-contact = Контакты
admin-settings-phones = Номера телефонов, по одному в строке
admin-settings-fax = Факс

admin-media-upload = Загрузить изображение
admin-media-file = Файл изображения
admin-media-file-help = Изображения (JPEG, PNG, WebP или GIF, не более 20 МБ; SVG-рисунки, например логотипы, не более 1 МБ), аудио, видео и документы (PDF, Word, Excel, PowerPoint, OpenDocument; не более 200 МБ).
admin-media-alt = Альтернативный текст (что изображено)
admin-media-caption = Подпись к изображению
admin-media-credit = Автор или источник
admin-media-decorative = Декоративное: программе чтения с экрана нечего о нём сообщать
admin-media-decorative-short = декоративное
admin-media-library = Медиатека
admin-media-delete = Удалить
admin-media-no-file = Выберите файл изображения для загрузки.

media-error-format = pamir не принимает этот файл: нужно изображение (JPEG, PNG, WebP, GIF), аудио, видео или документ, содержимое которого соответствует его имени.
media-error-polyglot = Отклонено из соображений безопасности.
media-error-file-too-big = Файл слишком большой.
media-error-too-large = Размеры изображения слишком велики.
media-error-corrupt = Не удалось прочитать изображение.
media-error-encode = Не удалось сохранить изображение.

admin-autosave-found = В этом браузере остались несохранённые изменения этого материала.
admin-autosave-restore = Восстановить их
admin-autosave-discard = Отбросить их
admin-preview = Предпросмотр
admin-preview-offline = Для предпросмотра нужно соединение. Ваш текст сохранён в этом браузере.
admin-toolbar-tools = Жирный|Курсив|Заголовок|Ссылка|Список|Цитата

admin-taxonomy-edit-categories = Изменить рубрику
admin-taxonomy-edit-tags = Изменить тег
admin-category-position = Позиция
admin-category-position-help = Среди рубрик одного уровня меньшие числа идут первыми.
admin-slug-change-help = Если изменить адрес (slug), изменятся адреса всех страниц под ним; старые ссылки перестанут работать.
admin-settings-fallbacks = Запасные языки
admin-settings-fallbacks-help = Если материал ещё не переведён, показывать его на другом языке с пометкой. Например «tg: ru en; ru: en». Оставьте пустым, если не нужно.

admin-nav-redirects = Перенаправления
admin-redirects-missing = Адреса, которые читатели не нашли
admin-redirects-missing-help = Старые ссылки на страницы, которых здесь нет, — сначала самые частые. Укажите для каждой новый адрес, и читатели попадут туда.
admin-redirects-missing-caption = Неизвестные адреса
admin-redirects-old = Старый адрес
admin-redirects-new = Новый адрес
admin-redirects-hits = Запросы
admin-redirects-last = Последний запрос
admin-redirects-map = Направлять туда
admin-redirects-add = Добавить перенаправление
admin-redirects-list = Перенаправления
admin-redirects-origin = Откуда
admin-redirects-find = Найти старый или новый адрес
admin-redirects-found = { $count ->
    [one] { $count } перенаправление
    [few] { $count } перенаправления
    [many] { $count } перенаправлений
   *[other] { $count } перенаправления
}

# Поле формы, которое не удалось прочитать.
admin-field-translation-group = Группа переводов
admin-form-choose = Выберите значение в поле «{ $field }».
admin-form-not-a-number = В поле «{ $field }» нужно число.
admin-form-not-a-date = В поле «{ $field }» нужны дата и время, например 2026-11-28T14:30.
admin-settings-identity = Внешний вид сайта
admin-settings-organisation = Организация (над названием сайта)
admin-settings-key-pages = Важные страницы в нижней части сайта
admin-settings-links-help = Одна ссылка в строке: подпись, вертикальная черта, затем адрес, например «Контакты | /ru/contact» или «Facebook | https://facebook.com/вашастраница».
admin-settings-brand-colour = Фирменный цвет
admin-settings-brand-colour-help = Цвет вроде #0e4a5c для шапки, кнопок и ссылок. Оставьте пустым, чтобы взять цвет темы. Слишком светлый для белого текста цвет не принимается.
admin-settings-logo = Логотип
admin-settings-no-logo = Без логотипа
admin-settings-social = Страницы в соцсетях
admin-settings-front-sections = Разделы главной страницы
admin-settings-front-sections-help = Место каждого раздела под главными материалами (1 — первый); 0 или пусто — раздел скрыт. Пустые разделы не показываются.
admin-settings-colour-unreadable = «{ $colour }» — не цвет: напишите # и шесть шестнадцатеричных цифр, например #0e4a5c.
admin-settings-logo-unknown = Выберите логотип из списка.
admin-settings-link-line = В строке нужны подпись, вертикальная черта и адрес: «{ $line }».
admin-settings-section-position = Место раздела «{ $section }» — не число.
admin-field-key-figure = Ключевая цифра
admin-field-key-figure-label = Что означает цифра
admin-field-key-figure-help = Крупно на карточке и странице материала, например «4,6 млрд долларов» и «перевели домой мигранты в 2025 году».
media-error-svg = SVG-рисунок не принят.
admin-checks-title = Перед публикацией
admin-checks-found = { $count ->
    [one] { $count } недочёт затруднит чтение страницы. Публиковать всё равно можно.
    [few] { $count } недочёта затруднят чтение страницы. Публиковать всё равно можно.
   *[other] { $count } недочётов затруднят чтение страницы. Публиковать всё равно можно.
}
admin-checks-none = Ничего, что затруднило бы чтение страницы, не найдено.
check-teaser-long = В анонсе { $about } символов, а на карточке помещается около 300. Сократите его.
check-page-weight = На телефоне эта страница весит около { $about } вместе с { $count ->
    [one] { $count } изображением
   *[other] { $count } изображениями
} — больше { $budget }, которые медленная мобильная связь загружает примерно за десять секунд. Помогут меньше изображений или изображения поменьше.
check-heading-skipped = Заголовок «{ $about }» пропускает уровень: пользователи экранных дикторов переходят по уровням.
check-image-alt = У изображения ({ $about }) нет альтернативного текста для тех, кто его не видит.
check-link-vague = Текст ссылки «{ $about }» не говорит, куда она ведёт: напишите, например, название страницы.
check-link-empty = У ссылки нет текста: никто не поймёт, куда она ведёт.
check-table-header = У таблицы нет строки заголовков: укажите, что в каждом столбце.
check-all-caps = Абзац написан заглавными буквами («{ $about }…»): его трудно читать, а некоторые экранные дикторы читают его по буквам.
check-translation-missing = Версии на языке «{ $about }» пока нет.
check-image-alt-html = У изображения в HTML-коде текста нет альтернативного текста для тех, кто его не видит.

## The rich-text editor's words
editor-toolbar = Форматирование
editor-bold = Жирный
editor-italic = Курсив
editor-link = Ссылка
editor-heading = Заголовок
editor-subheading = Подзаголовок
editor-bullets = Маркированный список
editor-numbers = Нумерованный список
editor-quote = Цитата
editor-image = Изображение
editor-table = Таблица
editor-row = Добавить строку
editor-column = Добавить столбец
editor-delete-row = Удалить строку
editor-delete-column = Удалить столбец
editor-rule = Разделительная линия
editor-undo = Отменить
editor-redo = Повторить
editor-markdown = Показать Markdown
editor-raw = Сохранено в точности как написано (HTML со старого сайта): правьте через «Показать Markdown».
editor-pasted-images = Некоторые изображения из вставленного текста не удалось перенести (изображения с других сайтов или файлы, которые браузер не может прочитать): сохраните каждое и добавьте кнопкой «Изображение», чтобы оно хранилось здесь со своим альтернативным текстом.
editor-ok = ОК
editor-cancel = Отмена
editor-link-address = Адрес страницы
editor-image-file = Файл изображения
editor-alt = Альтернативный текст
editor-alt-help = Что изображено, для читателей, которые не видят изображение.
editor-decorative = Декоративное: ничего не добавляет к тексту
editor-uploading = Загрузка
editor-upload-failed = Загрузка не удалась. Проверьте соединение и попробуйте снова.
editor-alt-needed = Опишите изображение в альтернативном тексте или отметьте его как декоративное.
editor-item-link = Ссылка на материал
editor-find-item = Найдите материал по заголовку
editor-items-found = Найденные материалы
editor-no-items = Нет материалов с этими словами.
editor-link-unsafe = Ссылка ведёт на веб-адрес (https://…), адрес электронной почты (mailto:…), номер телефона (tel:…) или страницу этого сайта (/…).

## The items list's filter by the checks
admin-filter-checks = Проверки перед публикацией
admin-filter-checks-any = Есть что проверить
admin-filter-check-all-caps = Абзац заглавными буквами
admin-filter-check-heading-skipped = Пропущен уровень заголовка
admin-filter-check-image-alt = Изображение без альтернативного текста
admin-filter-check-image-alt-html = Изображение в HTML без альтернативного текста
admin-filter-check-link-empty = Ссылка без текста
admin-filter-check-link-vague = Ссылка, не говорящая, куда ведёт
admin-filter-check-table-header = Таблица без строки заголовков
admin-filter-check-teaser-long = Анонс слишком длинный для карточки

## Drafts kept on the server, and who else is at work on an item
admin-draft-found = Несохранённые изменения этого материала были сохранены на сервере в { $at }.
admin-draft-restore = Восстановить их
admin-draft-discard = Отбросить их
admin-notice-draft-restored = Несохранённые изменения снова в форме: сохраните, чтобы их не потерять.
admin-draft-kept = Сохранено на сервере в { $at }.
admin-draft-not-kept = Не сохранено на сервере (нет связи); пока текст хранится в этом браузере.
admin-draft-others = { $count ->
    [one] { $names } тоже работает над этим материалом: сохраняйте почаще; если он что-то изменит, вы увидите это до того, как ваши правки их заменят.
   *[other] { $names } тоже работают над этим материалом: сохраняйте почаще; если они что-то изменят, вы увидите это до того, как ваши правки их заменят.
}
admin-conflict-taken = Взято из его версии (вы это не меняли): { $fields }.
admin-conflict-joined = Вы оба изменили это в разных местах; обе правки теперь в вашей форме: { $fields }.
admin-conflict-both = Вы оба изменили одно и то же место здесь. Ваш вариант — в форме, его — рядом. Оставьте один или объедините их, затем сохраните.
admin-conflict-merged = Правки не пересеклись: в вашей форме теперь и ваши, и его изменения.
admin-conflict-theirs = Его версия (сохранена)
admin-conflict-yours = Ваша версия (в форме)
admin-conflict-use-theirs = Взять его версию

## The cover picture and the gallery
editor-cover-upload = Загрузить изображение…
editor-gallery-empty = Изображений пока нет: добавьте их из медиатеки или перетащите сюда.
editor-gallery-add-label = Изображение из медиатеки
editor-gallery-add = Добавить в галерею
editor-gallery-upload = Загрузить изображения…
editor-move-up = Переместить { $name } выше
editor-move-down = Переместить { $name } ниже
editor-remove = Убрать
editor-remove-named = Убрать { $name } из галереи
editor-picture-moved = { $name } теперь на месте { $position } из { $count }.
editor-picture-removed = { $name } больше нет в галерее.
editor-decorative-short = (декоративное)

## Sound and film from the library
editor-media = Звук или видео
editor-media-kind = Вид
editor-audio = Звук
editor-video = Видео
editor-media-found = В медиатеке
editor-no-media = В медиатеке нет такого файла: сначала загрузите его туда.
editor-find-media = Найдите файл по имени или словам
editor-caption = Подпись
editor-image-caption = Подпись (видна под изображением)
editor-image-credit = Автор или источник снимка
editor-footnote = Сноска
editor-footnote-text = Текст сноски
editor-footnote-empty = Напишите текст сноски.
