//! Approximate matching: where a quote's words are after small edits inside them.

/// Substrings of `text` within `k` edits of `pattern` (Sellers' algorithm), as
/// `(start, end, distance)`, one per end position. All are kept, not just the closest: the
/// alignment that puts the stored context right beside the span may cost an edit more.
pub(super) fn approximate_matches(
    pattern: &[char],
    text: &[char],
    k: usize,
) -> Vec<(usize, usize, usize)> {
    let m = pattern.len();
    // Column of edit distances for pattern prefixes, and where each alignment starts.
    let mut dist: Vec<usize> = (0..=m).collect();
    let mut start: Vec<usize> = vec![0; m + 1];
    let mut next_dist = vec![0; m + 1];
    let mut next_start = vec![0; m + 1];
    let mut found = Vec::new();
    for (j, &t) in text.iter().enumerate() {
        next_dist[0] = 0;
        next_start[0] = j + 1;
        for i in 1..=m {
            let diag = dist[i - 1] + usize::from(pattern[i - 1] != t);
            let skip_text = dist[i] + 1;
            let skip_pattern = next_dist[i - 1] + 1;
            let (d, s) = if diag <= skip_text && diag <= skip_pattern {
                (diag, start[i - 1])
            } else if skip_pattern <= skip_text {
                (skip_pattern, next_start[i - 1])
            } else {
                (skip_text, start[i])
            };
            next_dist[i] = d;
            next_start[i] = s;
        }
        std::mem::swap(&mut dist, &mut next_dist);
        std::mem::swap(&mut start, &mut next_start);
        if dist[m] <= k {
            found.push((start[m], j + 1, dist[m]));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sellers_finds_the_edited_span() {
        let p: Vec<char> = "kremlin".chars().collect();
        let t: Vec<char> = "at the kremlim on".chars().collect();
        let m = approximate_matches(&p, &t, 1);
        assert!(m.contains(&(7, 14, 1)), "{m:?}");
        assert!(m.iter().all(|&(_, _, d)| d <= 1));
    }
}
