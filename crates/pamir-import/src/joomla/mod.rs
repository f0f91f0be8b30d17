//! Joomla 3, 4 and 5: a site's database, read live or from a dump, loaded
//! into pamir with 301s from every old address.

pub mod addresses;
pub mod contacts;
pub mod dump;
pub mod live;
pub mod load;
pub mod model;
pub mod tables;
pub mod text;

pub use dump::{DumpError, read_dump};
pub use live::{LiveError, read_database};
pub use load::{Options, check, load};
pub use model::Site;
pub use tables::{Record, Table, Tables, Value};
