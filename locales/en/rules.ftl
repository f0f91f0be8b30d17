# Broken rules of what editors, clients and importers write: one sentence
# each, shown in the admin beside the form and in API problem documents.

rule-title-empty = The title is empty.
rule-title-too-long = The title is longer than { $max } characters.
rule-slug-invalid = The address part "{ $slug }" may hold only lowercase letters a-z, digits and single hyphens.
rule-slug-taken = Another item in this category and language already has this address.
rule-category-unknown = Choose one of the site's categories.
rule-publish-down-before-up = "Publish until" must come after "Publish from".
rule-source-title-empty = A source needs its title.
rule-web-address = The address must start with https:// or http:// and name a site.
rule-event-start-missing = An event needs the date and time it starts.
rule-event-ends-before-start = The event cannot end before it starts.
rule-deadline-after-event = The deadline for entries cannot come after the event.

# Running the site: categories, tags, settings, redirects.
rule-name-needed = Give a name in at least one language.
rule-category-slug-taken = A category with this address already exists at this level.
rule-tag-slug-taken = A tag with this address already exists.
rule-parent-unknown = The parent category does not exist.
rule-languages-empty = The site needs at least one language.
rule-default-language = The default language must be one of the site's languages.
rule-front-page-size = The front page shows between 1 and { $max } items.
rule-site-name-empty = The site needs a name.
rule-too-long = This is longer than { $max } characters; shorten it.
rule-redirect-old-path = The old address starts with / (a path on this site).
rule-redirect-exists = { $old } already leads somewhere; change that redirect instead.
rule-redirect-target = The new address is a path such as /en/news/ or an https:// address.

# People and their accounts.
rule-email-invalid = "{ $email }" is not an e-mail address.
rule-email-taken = A user with the address { $email } already exists.
rule-last-administrator = The last administrator cannot be demoted or disabled.
rule-user-name-empty = The name is empty.
rule-password-wrong = The password is not right.
rule-password-short = The password needs at least { $min } characters.
rule-password-long = The password may have at most { $max } bytes.
rule-totp-mismatch = The code does not match; check the phone's clock and try the next code.

# The media library.
rule-image-alt = Describe the image for people who cannot see it (alternative text), or tick "decorative".
rule-media-in-use = This image is still used by: { $items }

# Translations and the workflow.
rule-translation-exists = This item already has a { $lang } version.
rule-new-item-draft = A new item starts as a draft, in review or published.
rule-brand-contrast = { $pair ->
    [white-on-brand] White text on the brand colour (the header, buttons)
   *[brand-on-tint] The brand colour on its pale tint (links in sections and cards)
} has a contrast of { $ratio }:1, and readers need at least { $min }:1: choose a darker colour.
rule-social-link = Each social account is a web address starting with https://.
rule-key-page-link = Each key page is a path on this site (/en/contact) or a web address starting with https://.
rule-link-label = Each link needs a label of at most 80 characters.
rule-key-figure-empty = The key figure needs a number; its label alone says nothing.
rule-draft-too-large = This draft is larger than an item can be; save what you have, then go on.
rule-draft-version = This page is from an older pamir: reload it to go on.
