# The editors' admin. Keys start with admin- (or media- for upload problems).

language-name-en = English
language-name-ru = Russian
language-name-tg = Tajik

admin-title = Admin
admin-navigation = Admin sections
admin-view-site = View the site
admin-nav-dashboard = Dashboard
admin-nav-items = Items
admin-nav-media = Media
admin-nav-categories = Categories
admin-nav-tags = Tags
admin-nav-settings = Settings
admin-nav-users = Users
admin-nav-audit = Audit log
admin-nav-account = My account
admin-sign-out = Sign out
admin-back-to-dashboard = Back to the dashboard
admin-back-to-item = Back to the item

admin-role-administrator = administrator
admin-role-editor = editor
admin-role-author = author
admin-role-translator = translator

admin-kind-article = Article
admin-kind-op-ed = Op-ed
admin-kind-facts = Facts and figures
admin-kind-event = Event
admin-kind-photo-story = Photo story

admin-state-new = new
admin-state-draft = draft
admin-state-review = waiting for review
admin-state-published = published
admin-state-archived = archived
admin-state-trashed = in the bin

admin-action-save = Save
admin-action-submit = Submit for review
admin-action-publish = Publish
admin-action-unpublish = Back to draft
admin-action-archive = Archive
admin-action-trash = Move to the bin
admin-action-restore = Restore from the bin

admin-signin-title = Sign in
admin-email = E-mail address
admin-password = Password
admin-sign-in = Sign in
admin-signin-refused = The e-mail address or the password is not right.
admin-signin-throttled = { $minutes ->
    [one] Too many failed attempts. Try again in { $minutes } minute.
   *[other] Too many failed attempts. Try again in { $minutes } minutes.
}
admin-code-title = Confirm it is you
admin-code-help = Type the six-digit code your authenticator app shows, or one of your recovery codes.
admin-code = Code
admin-code-submit = Confirm
admin-signin-code-refused = That code is not right. Codes change every 30 seconds; try the current one.

admin-error-forbidden = Your role does not allow this
admin-error-not-found = Not found
admin-error-csrf = This form has expired. Go back, reload the page and send it again.
admin-error-cross-site = This request came from another website and was refused. Open the admin at its own address and try again.
admin-error-invalid = This cannot be done
admin-error-internal = Something went wrong on the server. Nothing you typed was saved; please try again.
admin-error-internal-id = If it happens again, give the site's administrators this error id: { $id }

admin-notice-saved = Saved.
admin-none = none
admin-any = any
admin-any-but-bin = any (not in the bin)
admin-anyone = anyone
admin-me = me
admin-choose = Choose…
admin-save = Save
admin-filter = Filter
admin-filter-text = Words in the title
admin-sort = Order
admin-sort-updated = last changed first
admin-sort-published = last published first
admin-sort-title = by title
admin-items-found = { $count ->
    [one] { $count } item
   *[other] { $count } items
}
admin-scheduled-for = from { $at }
admin-dashboard-review = Waiting for review
admin-dashboard-mine = My latest items
admin-dashboard-recent = Recently changed
admin-new-item = New item
admin-edit-item = Edit item
admin-version = version { $version }
admin-version-column = Version
admin-preview-as-reader = Preview as a reader
admin-revisions = Revisions
admin-view-public = View on the site
admin-old-site-hits = { $count ->
    [one] read once on the old site
   *[other] read { $count } times on the old site
}
admin-translations = Languages
admin-translate-into = Translate into { $lang }

admin-field = Field
admin-field-title = Title
admin-field-lang = Language
admin-field-kind = Type
admin-field-state = State
admin-field-author = Author
admin-field-updated = Changed
admin-field-category = Category
admin-field-slug = Address (slug)
admin-field-byline = Byline
admin-field-dateline = Dateline
admin-field-teaser = Teaser
admin-field-teaser-above-body = Show the teaser above the body on the item's page
admin-teaser-help = Shown in lists of items. Tick the box below when it is the article's opening, so that its page shows it too.
admin-field-body = Text
admin-field-source-title = Source title
admin-field-source-publisher = Publisher
admin-field-source-url = Source address
admin-field-source-date = Source date
admin-field-event-starts = Starts
admin-field-event-ends = Ends
admin-field-event-venue = Venue
admin-field-event-deadline = Deadline for entries
admin-field-event-registration = Registration address
admin-field-image = Lead image
admin-field-gallery = Gallery images
admin-field-publish-up = Publish from
admin-field-publish-down = Publish until
admin-field-featured = Show on the front page
admin-field-featured-order = Front page position
admin-field-featured-until = On the front page until
admin-field-name = Name
admin-field-role = Role
admin-slug-help = Lowercase letters a-z, digits and hyphens. Leave empty to make it from the title.
admin-dateline-help = The place and date that open the text, e.g. DUSHANBE, 28 November.
admin-markdown-help = Markdown: **bold**, *italic*, [link](https://…), ## heading, - list.
admin-times-zone = Times are in the site's time zone, { $zone }; it is set in the site settings.
admin-section-content = Content
admin-section-source = Source (facts and figures)
admin-section-event = Event
admin-section-images = Images
admin-section-tags = Tags
admin-section-publishing = Publishing
admin-media-upload-link = Upload images in the media library

admin-edit-conflict = Someone else saved this item while you were editing it. Nothing of yours is saved yet: their changes are merged into your form below where they did not touch yours. Check it, then save.
admin-conflict-title = Saved by someone else: version { $version }, { $at }

admin-revisions-caption = Every saved version, newest first
admin-compare = Compare
admin-compare-from = Older
admin-compare-to = Newer
admin-compare-title = Version { $from } compared with version { $to }
admin-compare-caption = Changes field by field
admin-diff-removed = removed
admin-diff-added = added
admin-restore-version = Restore version { $version }

admin-language-title = Admin language
admin-language-label = Show the admin in
admin-password-title = Change password
admin-password-current = Current password
admin-password-new = New password
admin-password-repeat = New password again
admin-password-rule = At least 12 characters. A few words in a row are easy to remember and hard to guess.
admin-password-change = Change password
admin-password-mismatch = The two new passwords are not the same.

admin-mfa-title = Two-step sign-in
admin-mfa-on = on
admin-mfa-off = off
admin-mfa-required = This site requires two-step sign-in for everyone. Set it up to continue.
admin-mfa-step-scan = Scan this code with an authenticator app (for example FreeOTP, Aegis or Google Authenticator).
admin-mfa-step-manual = Or type this key into the app:
admin-mfa-step-code = Type the six-digit code the app now shows.
admin-mfa-qr-alt = QR code for your authenticator app
admin-mfa-enable = Turn on two-step sign-in
admin-mfa-codes-title = Your recovery codes
admin-mfa-codes-help = Each code works once, if your phone is lost. Print them or keep them somewhere safe: they are shown only now.
admin-mfa-disable-password = Your password
admin-mfa-disable = Turn off two-step sign-in

admin-users-caption = Everyone who can sign in
admin-disabled = Disabled
admin-user-end-sessions = Sign out everywhere
admin-user-add = Add a user
admin-user-created = { $email } can now sign in with this password, shown only once:

admin-audit-caption = Changes, newest first
admin-audit-when = When
admin-audit-action = Action
admin-audit-subject = What
admin-audit-detail = Detail
admin-audit-from = From

admin-category-add = Add a category
admin-category-parent = Inside
admin-category-top = (top level)
admin-tag-add = Add a tag

admin-settings-site = Site
admin-settings-name = Site name
admin-settings-tagline = Tagline
admin-settings-address = Office address
admin-settings-hours = Office hours
admin-settings-languages = Languages
admin-settings-languages-help = Codes in the order readers see them, e.g. en, ru, tg.
admin-settings-default-lang = Default language
admin-settings-front-page-size = Items on the front page
admin-settings-time-zone = Time zone
admin-settings-time-zone-help = Dates and times on the site and in the admin are shown and entered in this zone.
admin-settings-time-zone-unknown = { $zone } is not a time zone of the tz database, such as Asia/Dushanbe.
admin-settings-feed-full-text = Feeds carry whole texts
admin-settings-mfa-required = Everyone must use two-step sign-in
admin-settings-contact = Contact
admin-settings-phones = Phone numbers, one per line
admin-settings-fax = Fax

admin-media-upload = Upload an image
admin-media-file = Image file
admin-media-file-help = Images (JPEG, PNG, WebP or GIF, up to 20 MB; SVG drawings such as logos, up to 1 MB), audio, video and documents (PDF, Word, Excel, PowerPoint, OpenDocument; up to 200 MB).
admin-media-alt = Alternative text (what the image shows)
admin-media-caption = Caption
admin-media-credit = Credit
admin-media-decorative = Decorative: adds nothing a screen reader should say
admin-media-decorative-short = decorative
admin-media-library = Media library
admin-media-delete = Delete
admin-media-no-file = Choose an image file to upload.

media-error-format = This file is not one pamir accepts: an image (JPEG, PNG, WebP, GIF), audio, video or a document whose contents match its name.
media-error-polyglot = Refused for safety.
media-error-file-too-big = The file is too big.
media-error-too-large = The image is too large.
media-error-corrupt = The image could not be read.
media-error-encode = The image could not be saved.

admin-autosave-found = This browser kept changes to this item that were not saved.
admin-autosave-restore = Restore them
admin-autosave-discard = Discard them
admin-preview = Preview
admin-preview-offline = The preview needs a connection. Your text is kept in this browser.
admin-toolbar-tools = Bold|Italic|Heading|Link|List|Quote

admin-taxonomy-edit-categories = Edit category
admin-taxonomy-edit-tags = Edit tag
admin-category-position = Position
admin-category-position-help = Smaller numbers come first among categories at the same level.
admin-slug-change-help = Changing a slug changes the address of every page under it; old links stop working.
admin-settings-fallbacks = Fallback languages
admin-settings-fallbacks-help = Where an item is not translated yet, show it in another language, with a note. For example "tg: ru en; ru: en". Leave empty for none.

admin-nav-redirects = Redirects
admin-redirects-missing = Addresses readers could not find
admin-redirects-missing-help = Old links to pages that do not exist here, most requested first. Give each a new address and readers are sent there.
admin-redirects-missing-caption = Unknown addresses
admin-redirects-old = Old address
admin-redirects-new = New address
admin-redirects-hits = Requests
admin-redirects-last = Last asked
admin-redirects-map = Send readers there
admin-redirects-add = Add a redirect
admin-redirects-list = Redirects
admin-redirects-origin = From
admin-redirects-find = Find an old or new address
admin-redirects-found = { $count ->
    [one] { $count } redirect
   *[other] { $count } redirects
}

# A form field that could not be read as what it holds.
admin-field-translation-group = Translation group
admin-form-choose = Choose one under "{ $field }".
admin-form-not-a-number = "{ $field }" needs a number.
admin-form-not-a-date = "{ $field }" needs a date and time such as 2026-11-28T14:30.
admin-settings-identity = Look of the site
admin-settings-organisation = Organisation (shown above the site name)
admin-settings-key-pages = Key pages in the footer
admin-settings-links-help = One link per line: the label, a vertical bar, then the address, such as "Contact us | /en/contact" or "Facebook | https://facebook.com/yourpage".
admin-settings-brand-colour = Brand colour
admin-settings-brand-colour-help = A colour such as #0e4a5c for the header, buttons and links. Leave empty for the theme's own. A colour too pale for white text on it is refused.
admin-settings-logo = Logo
admin-settings-no-logo = No logo
admin-settings-social = Social media accounts
admin-settings-front-sections = Front page sections
admin-settings-front-sections-help = The position of each section below the lead stories (1 first); 0 or empty hides it. Sections with nothing to show are left out.
admin-settings-colour-unreadable = "{ $colour }" is not a colour: write it as # and six hexadecimal digits, such as #0e4a5c.
admin-settings-logo-unknown = Choose the logo from the list.
admin-settings-link-line = This line needs a label, a vertical bar and an address: "{ $line }".
admin-settings-section-position = The position of "{ $section }" is not a number.
admin-field-key-figure = Key figure
admin-field-key-figure-label = What the figure counts
admin-field-key-figure-help = Shown large on the item's card and page, such as "USD 4.6 billion" and "sent home by migrants in 2025".
media-error-svg = The SVG drawing was refused.
admin-checks-title = Before you publish
admin-checks-found = { $count ->
    [one] One thing would make this page harder to use. You can still publish.
   *[other] { $count } things would make this page harder to use. You can still publish.
}
admin-checks-none = Nothing found that would make this page harder to use.
check-teaser-long = The teaser is { $about } characters long; cards show about 300. Shorten it.
check-page-weight = On a phone this page weighs about { $about } with its { $count ->
    [one] picture
   *[other] { $count } pictures
}, more than the { $budget } a slow mobile connection loads in about ten seconds. Fewer or smaller pictures would help.
check-heading-skipped = The heading "{ $about }" skips a level: screen reader users move by levels.
check-image-alt = A picture ({ $about }) has no alternative text for people who cannot see it.
check-link-vague = The link text "{ $about }" does not say where it goes: use words such as the page's title.
check-link-empty = A link has no text: nobody can tell where it goes.
check-table-header = A table has no header row: say what each column holds.
check-all-caps = A paragraph is all in capitals ("{ $about }…"): it is hard to read, and some screen readers spell it out.
check-translation-missing = There is no { $about } version yet.
check-image-alt-html = A picture in the text's HTML has no alternative text for people who cannot see it.

## The rich-text editor's words
editor-toolbar = Formatting
editor-bold = Bold
editor-italic = Italic
editor-link = Link
editor-heading = Heading
editor-subheading = Subheading
editor-bullets = Bulleted list
editor-numbers = Numbered list
editor-quote = Quote
editor-image = Image
editor-table = Table
editor-row = Add row
editor-column = Add column
editor-delete-row = Delete row
editor-delete-column = Delete column
editor-rule = Dividing line
editor-undo = Undo
editor-redo = Redo
editor-markdown = Show Markdown
editor-raw = Kept exactly as it was written (HTML from the old site): edit it with Show Markdown.
editor-pasted-images = Some pictures in the pasted text could not be brought in (pictures from other sites, or files this browser cannot read): save each and add it with the Image button, so that it is stored here with its alternative text.
editor-ok = OK
editor-cancel = Cancel
editor-link-address = Address of the page
editor-image-file = Image file
editor-alt = Alternative text
editor-alt-help = What the image shows, for readers who cannot see it.
editor-decorative = Decorative: it adds nothing to the text
editor-uploading = Uploading
editor-upload-failed = The upload failed. Check the connection and try again.
editor-alt-needed = Describe the image in the alternative text, or mark it decorative.
editor-item-link = Link to an item
editor-find-item = Find an item by its title
editor-items-found = Items found
editor-no-items = No item has these words.
editor-link-unsafe = A link goes to a web address (https://…), an e-mail address (mailto:…), a telephone number (tel:…) or a page of this site (/…).

## The items list's filter by the checks
admin-filter-checks = Checks before publishing
admin-filter-checks-any = Something to look at
admin-filter-check-all-caps = A paragraph in capitals
admin-filter-check-heading-skipped = A heading level skipped
admin-filter-check-image-alt = A picture without alternative text
admin-filter-check-image-alt-html = A picture in HTML without alternative text
admin-filter-check-link-empty = A link without text
admin-filter-check-link-vague = A link that does not say where it goes
admin-filter-check-table-header = A table without a header row
admin-filter-check-teaser-long = A teaser too long for a card

## Drafts kept on the server, and who else is at work on an item
admin-draft-found = Changes you made to this item and did not save were kept on the server at { $at }.
admin-draft-restore = Restore them
admin-draft-discard = Discard them
admin-notice-draft-restored = Your unsaved changes are back in the form: save to keep them.
admin-draft-kept = Kept on the server at { $at }.
admin-draft-not-kept = Not kept on the server (no connection); this browser keeps it meanwhile.
admin-draft-others = { $count ->
    [one] { $names } is also at work on this item: save soon, and you will be shown any changes of theirs before yours replace them.
   *[other] { $names } are also at work on this item: save soon, and you will be shown any changes of theirs before yours replace them.
}
admin-conflict-taken = Taken from their version, which you had not changed: { $fields }.
admin-conflict-joined = Both of you changed these, in different places; both changes are now in your form: { $fields }.
admin-conflict-both = Both of you changed the same part of these. Your version is in the form; theirs is beside it. Keep one, or combine them, then save.
admin-conflict-merged = Nothing collided: your form now holds your changes and theirs.
admin-conflict-theirs = Their version (saved)
admin-conflict-yours = Your version (in the form)
admin-conflict-use-theirs = Use their version

## The cover picture and the gallery
editor-cover-upload = Upload a picture…
editor-gallery-empty = No pictures yet: add them from the library, or drop them here.
editor-gallery-add-label = A picture from the library
editor-gallery-add = Add to the gallery
editor-gallery-upload = Upload pictures…
editor-move-up = Move { $name } up
editor-move-down = Move { $name } down
editor-remove = Remove
editor-remove-named = Remove { $name } from the gallery
editor-picture-moved = { $name } is now picture { $position } of { $count }.
editor-picture-removed = { $name } is no longer in the gallery.
editor-decorative-short = (decorative)

## Sound and film from the library
editor-media = Sound or film
editor-media-kind = Kind
editor-audio = Sound
editor-video = Film
editor-media-found = In the library
editor-no-media = The library has no such file: upload it in the media library first.
editor-find-media = Find a file by its name or words
editor-caption = Caption
editor-image-caption = Caption (shown under the picture)
editor-image-credit = Credit (the photographer or the source)
editor-footnote = Footnote
editor-footnote-text = The note's text
editor-footnote-empty = Write the note's text.
