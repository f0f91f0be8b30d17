//! Synthetic content for benchmarks and load tests: `pamir seed --articles N`.
//!
//! Items are spread over the site's languages (each group translated into
//! every language), categories and tags, with dates over the past years, and
//! inserted in large transactions so 100,000 items take seconds.

use crate::items::{ItemInput, prepare};
use crate::{Core, CoreError};
use pamir_db::items::NewItem;
use pamir_domain::{Item, ItemKind, SiteId};

const BATCH: usize = 2_000;

const WORDS: &[&str] = &[
    "migration",
    "remittances",
    "border",
    "youth",
    "training",
    "community",
    "health",
    "water",
    "school",
    "valley",
    "market",
    "partners",
    "report",
    "survey",
    "district",
    "workers",
    "families",
    "climate",
    "festival",
    "office",
    "return",
    "skills",
    "women",
    "mountain",
    "road",
    "seasonal",
    "support",
];

fn words(seed: usize, count: usize) -> String {
    (0..count).map(|i| WORDS[(seed.wrapping_mul(31).wrapping_add(i * 7)) % WORDS.len()]).collect::<Vec<_>>().join(" ")
}

/// Adds `count` synthetic items to `site`. Categories and tags must exist
/// (load the demo first). Returns how many items were created.
pub async fn seed(core: &Core, site: SiteId, count: usize) -> Result<usize, CoreError> {
    let settings = pamir_db::settings::load(&core.db, site).await?;
    let categories = pamir_db::categories::ids(&core.db, site).await?;
    let tags = pamir_db::tags::ids(&core.db, site).await?;
    if categories.is_empty() {
        return Err(CoreError::Invalid("the site has no categories to seed into: load the demo first".into()));
    }
    let langs = settings.languages.clone();
    let now = core.clock.now();
    // Numbers continue from what is there, so seeding twice never reuses a slug.
    let first = pamir_db::items::count_all(&core.db, site).await? as usize;
    let mut created = 0;
    while created < count {
        let size = BATCH.min(count - created);
        // A batch is one transaction: its groups and items land together.
        let mut change = core.begin().await?;
        let groups = pamir_db::items::create_groups(&mut change.tx, site, size.div_ceil(langs.len()), now).await?;
        let mut inputs = Vec::with_capacity(size);
        for offset in 0..size {
            let n = first + created + offset;
            let lang = langs[n % langs.len()].clone();
            let category = categories[(n / langs.len()) % categories.len()];
            let title = format!("{} {n}", words(n, 5));
            let mut input = ItemInput::article(site, lang, category, &title);
            input.group_id = Some(groups[offset / langs.len()]);
            input.slug = format!("seeded-{n}");
            input.teaser_markdown = format!("{}.", words(n + 1, 20));
            input.body_markdown = (0..4).map(|p| format!("{}.", words(n + p, 60))).collect::<Vec<_>>().join("\n\n");
            input.kind = if n.is_multiple_of(17) { ItemKind::OpEd } else { ItemKind::Article };
            input.byline = (input.kind == ItemKind::OpEd).then(|| "Seeded Author".to_owned());
            // About one in fifty is featured, like a real front page's share.
            input.featured = n.is_multiple_of(50);
            input.published_at = Some(now - chrono::Duration::minutes(n as i64 * 7));
            if !tags.is_empty() {
                input.tag_ids = vec![tags[n % tags.len()]];
            }
            inputs.push(input);
        }
        let items = tokio::task::block_in_place(|| prepare_in_parallel(&inputs, now))?;
        let batch: Vec<NewItem<'_>> = items
            .iter()
            .zip(&inputs)
            .map(|(item, input)| NewItem { item, tag_ids: &input.tag_ids, gallery: &[], imported: None })
            .collect();
        pamir_db::items::insert_batch(&mut change.tx, &batch).await?;
        change.content_changed(site);
        change.commit().await?;
        created += size;
        tracing::info!(created, count, "seeding");
    }
    pamir_db::maintenance::analyze(&core.db).await?;
    Ok(created)
}

/// Rendering Markdown is most of a seed's work: spread it over the cores.
fn prepare_in_parallel(inputs: &[ItemInput], now: chrono::DateTime<chrono::Utc>) -> Result<Vec<Item>, CoreError> {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let per_thread = inputs.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = inputs
            .chunks(per_thread)
            .map(|chunk| {
                scope.spawn(move || {
                    chunk
                        .iter()
                        .map(|input| prepare(input, input.group_id.unwrap_or_default(), now))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        let mut items = Vec::with_capacity(inputs.len());
        for worker in workers {
            let prepared = worker.join().map_err(|_| CoreError::Internal("rendering a seeded item failed".into()))?;
            for item in prepared {
                items.push(item?);
            }
        }
        Ok(items)
    })
}
