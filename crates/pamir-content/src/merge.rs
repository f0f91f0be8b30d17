//! Two people's edits of one text, joined: when an editor saves over a
//! version someone else saved meanwhile, each side's changes since the
//! version both started from are found line by line, and where they do not
//! touch the same lines, both are kept. Where they do, the text is not
//! merged: the editor sees both versions side by side and decides, since a
//! guess would lose somebody's words.

use similar::{DiffTag, TextDiff};

/// The outcome of joining two edits of one text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Merged {
    /// Both edits, joined.
    Clean(String),
    /// The edits change the same lines (or lines next to each other).
    Overlapping,
}

/// One side's change: base lines `start..end` became `lines`.
#[derive(Debug, PartialEq, Eq)]
struct Change<'a> {
    start: usize,
    end: usize,
    lines: Vec<&'a str>,
}

impl Change<'_> {
    /// Whether two changes touch: overlapping, adjacent or at one place.
    /// Adjacent edits count as touching, as in `diff3`: "line 3 changed"
    /// and "a line inserted after line 3" may well be one thought.
    fn touches(&self, other: &Change) -> bool {
        self.start <= other.end && other.start <= self.end
    }
}

/// The changes that turn `base` into `edited`, in order, adjacent ones as one.
fn changes<'a>(base: &'a str, edited: &'a str) -> (Vec<&'a str>, Vec<Change<'a>>) {
    let diff = TextDiff::from_lines(base, edited);
    let base_lines = diff.old_slices().to_vec();
    let edited_lines = diff.new_slices();
    let mut found: Vec<Change<'a>> = Vec::new();
    for op in diff.ops() {
        let (tag, old, new) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            continue;
        }
        match found.last_mut() {
            Some(last) if last.end == old.start => {
                last.end = old.end;
                last.lines.extend_from_slice(&edited_lines[new]);
            }
            _ => found.push(Change { start: old.start, end: old.end, lines: edited_lines[new].to_vec() }),
        }
    }
    (base_lines, found)
}

/// Joins `mine` and `theirs`, two edits of `base`.
pub fn three_way(base: &str, mine: &str, theirs: &str) -> Merged {
    if mine == theirs || theirs == base {
        return Merged::Clean(mine.to_owned());
    }
    if mine == base {
        return Merged::Clean(theirs.to_owned());
    }
    let (base_lines, my_changes) = changes(base, mine);
    let (_, their_changes) = changes(base, theirs);
    let mut out = String::with_capacity(mine.len().max(theirs.len()));
    let mut at = 0;
    let (mut mine, mut theirs) = (my_changes.iter().peekable(), their_changes.iter().peekable());
    loop {
        let next = match (mine.peek(), theirs.peek()) {
            (None, None) => break,
            (Some(a), Some(b)) if a.touches(b) => {
                // The same change made twice is one change.
                if a != b {
                    return Merged::Overlapping;
                }
                theirs.next();
                mine.next()
            }
            (Some(a), Some(b)) if b.start < a.start => theirs.next(),
            (Some(_), _) => mine.next(),
            (None, Some(_)) => theirs.next(),
        };
        let Some(change) = next else { break };
        base_lines[at..change.start].iter().for_each(|line| out.push_str(line));
        change.lines.iter().for_each(|line| out.push_str(line));
        at = change.end;
    }
    base_lines[at..].iter().for_each(|line| out.push_str(line));
    Merged::Clean(out)
}

#[cfg(test)]
mod tests {
    use super::{Merged, three_way};

    const BASE: &str =
        "# Water report\n\nFour schools planted gardens.\n\nThe harvest fed 300 pupils.\n\nContact the office.\n";

    #[test]
    fn edits_of_different_paragraphs_are_both_kept() {
        let mine = BASE.replace("Four schools", "Five schools");
        let theirs = BASE.replace("Contact the office.", "Contact the Dushanbe office.");
        let want = "# Water report\n\nFive schools planted gardens.\n\nThe harvest fed 300 pupils.\n\nContact the Dushanbe office.\n";
        assert_eq!(three_way(BASE, &mine, &theirs), Merged::Clean(want.into()));
        assert_eq!(three_way(BASE, &theirs, &mine), Merged::Clean(want.into()), "either way round");
    }

    #[test]
    fn a_paragraph_added_at_the_end_and_a_change_at_the_start_are_both_kept() {
        let mine = format!("{BASE}\nA new closing paragraph.\n");
        let theirs = BASE.replace("# Water report", "# Water report 2026");
        let merged = three_way(BASE, &mine, &theirs);
        assert_eq!(merged, Merged::Clean(format!("{}\nA new closing paragraph.\n", theirs)));
    }

    #[test]
    fn edits_of_the_same_line_overlap() {
        let mine = BASE.replace("300 pupils", "320 pupils");
        let theirs = BASE.replace("300 pupils", "310 pupils");
        assert_eq!(three_way(BASE, &mine, &theirs), Merged::Overlapping);
    }

    #[test]
    fn edits_of_neighbouring_lines_overlap() {
        let base = "one\ntwo\nthree\n";
        assert_eq!(three_way(base, "one\nTWO\nthree\n", "one\ntwo\nTHREE\n"), Merged::Overlapping);
    }

    #[test]
    fn the_same_edit_on_both_sides_is_made_once() {
        let both = BASE.replace("Four", "Five");
        assert_eq!(three_way(BASE, &both, &both), Merged::Clean(both.clone()));
        let mine = both.replace("Contact the office.", "Write to the office.");
        let merged = three_way(BASE, &mine, &both);
        assert_eq!(merged, Merged::Clean(mine));
    }

    #[test]
    fn one_side_unchanged_takes_the_other() {
        let theirs = BASE.replace("Four", "Five");
        assert_eq!(three_way(BASE, BASE, &theirs), Merged::Clean(theirs.clone()));
        assert_eq!(three_way(BASE, &theirs, BASE), Merged::Clean(theirs));
    }

    #[test]
    fn a_last_line_without_its_newline_is_kept_as_it_is() {
        let base = "first\n\nlast";
        let merged = three_way(base, "First\n\nlast", "first\n\nlast line");
        assert_eq!(merged, Merged::Clean("First\n\nlast line".into()));
    }
}
