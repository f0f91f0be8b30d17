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
