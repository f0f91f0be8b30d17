# Строки интерфейса публичного сайта на русском языке.
# Каждый ключ здесь должен быть во всех языках (это проверяет тест).

skip-to-content = Перейти к основному содержанию
site-navigation = Навигация по сайту
language-switcher = Язык
language-name = Русский
language-nearest-page = У этой страницы пока нет перевода: ссылка ведёт на ближайшую страницу на этом языке
breadcrumbs = Навигационная цепочка
home = Главная
read-more = Подробнее
read-more-about = Подробнее: { $title }
by-author = Автор: { $author }
published-on = Опубликовано { $date }
category = Рубрика
tags = Теги
tag-page-title = Материалы с тегом «{ $tag }»
featured = Главное
no-items = Здесь пока ничего не опубликовано.
pagination = Страницы
page-previous = Предыдущая страница
page-next = Следующая страница
page-of = Страница { $page } из { $pages }
page-number = Страница { $page }
page-title-with-number = { $title } — страница { $page }

kind-article = Статья
kind-op-ed = Авторская колонка
kind-facts = Факты и цифры
kind-event = Мероприятие
kind-photo-story = Фоторепортаж

source = Источник
source-published = { $publisher }, { $date }
event-details = О мероприятии
event-dates = Даты проведения
event-venue = Место проведения
event-deadline = Окончание приёма заявок
event-deadline-days-left = { $days ->
    [0] последний день
    [one] остался { $days } день
    [few] осталось { $days } дня
   *[many] осталось { $days } дней
}
event-deadline-closed = приём завершён
event-register = Зарегистрироваться или подать заявку
event-add-to-calendar = Добавить в календарь
gallery = Фотогалерея
photo-credit = Фото: { $credit }

contact-title = Связаться с нами
contact-office = Наш офис
contact-address = Адрес
contact-hours = Часы работы
contact-phone = Телефон
contact-fax = Факс
contact-email = Электронная почта
contact-email-needs-script = Наш адрес электронной почты появится здесь, если в браузере включён JavaScript. Вы также можете написать нам через форму ниже.
contact-form-title = Напишите нам
contact-form-intro = Все поля обязательны для заполнения. Мы отвечаем по электронной почте, обычно в течение трёх рабочих дней.
contact-name = Ваше имя
contact-your-email = Ваш адрес электронной почты
contact-message = Ваше сообщение
contact-honeypot = Оставьте это поле пустым
contact-send = Отправить сообщение
contact-errors-title = Пожалуйста, исправьте следующее:
contact-thanks-title = Спасибо за ваше сообщение
contact-thanks-body = Мы получили ваше сообщение и ответим по электронной почте как можно скорее.
contact-back = Вернуться на главную страницу
contact-rate-limited-title = Слишком много сообщений
contact-rate-limited-body = Вы отправили несколько сообщений за короткое время. Пожалуйста, подождите час и попробуйте снова или позвоните нам.

error-name-missing = Пожалуйста, укажите ваше имя.
error-name-too-long = Имя слишком длинное (не более 200 символов).
error-name-invalid = В имени есть недопустимые символы.
error-email-missing = Пожалуйста, укажите адрес электронной почты, чтобы мы могли вам ответить.
error-email-invalid = Это не похоже на адрес электронной почты (пример: name@example.org).
error-message-too-short = Пожалуйста, напишите сообщение не короче 10 символов.
error-message-too-long = Сообщение слишком длинное (не более 5000 символов).

error-400-title = Неверный запрос
error-400-body = Не удалось разобрать адрес или данные формы. Пожалуйста, проверьте их и попробуйте снова.
error-404-title = Страница не найдена
error-404-body = По этому адресу страницы нет. Возможно, она была перемещена или в адресе допущена опечатка.
error-405-title = Недопустимое действие
error-405-body = Эту страницу нельзя использовать таким образом.
error-413-title = Слишком много данных
error-413-body = Объём отправленных данных превышает допустимый для этого сайта.
error-414-title = Слишком длинный адрес
error-414-body = Адрес этой страницы слишком длинный.
error-429-title = Слишком много запросов
error-429-body = Пожалуйста, подождите немного и попробуйте снова.
error-500-title = Что-то пошло не так
error-500-body = Сайт не смог показать эту страницу из-за ошибки на нашей стороне. Пожалуйста, повторите попытку позже.
error-503-title = Временно недоступно
error-503-body = Сайт перегружен или на нём ведутся технические работы. Пожалуйста, повторите попытку через несколько минут.
error-go-home = Перейти на главную страницу

footer-rights = © { $year } { $site }
footer-contact = Контакты

date-format = { $day } { $month } { $year } г.
month-1 = января
month-2 = февраля
month-3 = марта
month-4 = апреля
month-5 = мая
month-6 = июня
month-7 = июля
month-8 = августа
month-9 = сентября
month-10 = октября
month-11 = ноября
month-12 = декабря

search-title = Поиск
search-title-for = Поиск: { $query }
search-label = Что искать
search-type = Тип
search-any-type = Любой тип
search-any-category = Любая рубрика
search-submit = Найти
search-results-count = { $count ->
    [0] Ничего не найдено
    [one] Найден { $count } материал
    [few] Найдено { $count } материала
    [many] Найдено { $count } материалов
   *[other] Найдено { $count } материала
}
search-no-results = Ни один материал не подходит под эти слова. Попробуйте меньше слов, другие слова или другой язык.

fallback-note = Пока не переведено на русский язык; показано на языке оригинала.
search-site = Поиск по сайту
menu = Меню
footer-key-pages = Важные страницы
footer-social = Мы в соцсетях
footer-email-on-contact-page = на странице контактов
language-switcher-footer = Язык (внизу страницы)
front-featured = Главное
front-section-news = Новости
front-section-opinion = Мнения
front-section-facts = Факты и цифры
front-section-events = Ближайшие мероприятия
front-section-photo-stories = Фотоистории
front-section-more-news = Другие новости
front-more-in = Ещё в разделе «{ $category }»
front-older-items = Более ранние материалы
share = Поделиться
share-email = Эл. почта
related = По теме
gallery-close = Закрыть
gallery-previous = Предыдущее фото
gallery-next = Следующее фото
footnotes = Примечания
