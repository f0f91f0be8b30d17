# Interface strings of the public site, in English.
# Every key here must exist in every language (a test checks it).

skip-to-content = Skip to content
site-navigation = Site navigation
language-switcher = Language
language-name = English
language-nearest-page = This page has no translation yet: this goes to the nearest page in that language
breadcrumbs = Breadcrumbs
home = Home
read-more = Read more
read-more-about = Read more: { $title }
by-author = By { $author }
published-on = Published { $date }
category = Category
tags = Tags
tag-page-title = Tagged “{ $tag }”
featured = Featured
no-items = Nothing has been published here yet.
pagination = Pages
page-previous = Previous page
page-next = Next page
page-of = Page { $page } of { $pages }
page-number = Page { $page }
page-title-with-number = { $title } – page { $page }

kind-article = Article
kind-op-ed = Op-ed
kind-facts = Facts and figures
kind-event = Event
kind-photo-story = Photo story

source = Source
source-published = { $publisher }, { $date }
event-details = Event details
event-dates = Dates
event-venue = Venue
event-deadline = Call for entries closes
event-deadline-days-left = { $days ->
    [0] closes today
    [one] { $days } day left
   *[other] { $days } days left
}
event-deadline-closed = closed
event-register = Register or submit an entry
event-add-to-calendar = Add to calendar
gallery = Photo gallery
photo-credit = Photo: { $credit }

contact-title = Contact us
contact-office = Our office
contact-address = Address
contact-hours = Office hours
contact-phone = Phone
contact-fax = Fax
contact-email = E-mail
contact-email-needs-script = Our e-mail address appears here when JavaScript is on. You can also write to us with the form below.
contact-form-title = Send us a message
contact-form-intro = All fields are required. We reply by e-mail, usually within three working days.
contact-name = Your name
contact-your-email = Your e-mail address
contact-message = Your message
contact-honeypot = Leave this field empty
contact-send = Send message
contact-errors-title = Please correct the following:
contact-thanks-title = Thank you for your message
contact-thanks-body = We have received your message and will reply by e-mail as soon as we can.
contact-back = Back to the front page
contact-rate-limited-title = Too many messages
contact-rate-limited-body = You have sent several messages in a short time. Please wait an hour and try again, or call us.

error-name-missing = Please enter your name.
error-name-too-long = Your name is too long (200 characters at most).
error-name-invalid = Your name contains characters that cannot be used.
error-email-missing = Please enter your e-mail address, so we can reply.
error-email-invalid = This does not look like an e-mail address, for example name@example.org.
error-message-too-short = Please write a message of at least 10 characters.
error-message-too-long = Your message is too long (5000 characters at most).

error-400-title = Bad request
error-400-body = The address or form could not be understood. Please check it and try again.
error-404-title = Page not found
error-404-body = There is no page at this address. It may have moved, or the address may be mistyped.
error-405-title = Not allowed
error-405-body = This page cannot be used that way.
error-413-title = Too much data
error-413-body = What was sent is larger than this site accepts.
error-414-title = Address too long
error-414-body = The address of this page is too long.
error-429-title = Too many requests
error-429-body = Please wait a little and try again.
error-500-title = Something went wrong
error-500-body = The site could not show this page because of an error on our side. Please try again later.
error-503-title = Temporarily unavailable
error-503-body = The site is busy or under maintenance. Please try again in a few minutes.
error-go-home = Go to the front page

footer-rights = © { $year } { $site }
footer-contact = Contact

date-format = { $day } { $month } { $year }
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

search-title = Search
search-title-for = Search: { $query }
search-label = Words to look for
search-type = Type
search-any-type = Any type
search-any-category = Any category
search-submit = Search
search-results-count = { $count ->
    [0] Nothing found
    [one] { $count } item found
   *[other] { $count } items found
}
search-no-results = No item matches these words. Try fewer or other words, or another language.

fallback-note = Not yet available in English; shown in its original language.
search-site = Search the site
menu = Menu
footer-key-pages = Key pages
footer-social = Follow us
footer-email-on-contact-page = on the contact page
language-switcher-footer = Language (footer)
front-featured = Featured
front-section-news = News
front-section-opinion = Opinion
front-section-facts = Facts and figures
front-section-events = Upcoming events
front-section-photo-stories = Photo stories
front-section-more-news = More news
front-more-in = More in { $category }
front-older-items = Older items
share = Share
share-email = E-mail
related = Related
gallery-close = Close
gallery-previous = Previous picture
gallery-next = Next picture
footnotes = Notes
