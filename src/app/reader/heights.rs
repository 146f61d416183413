//! Paragraph heights for the reader: measured once a paragraph has been laid out, estimated
//! until then. Prefix sums live in a Fenwick tree, so finding the top of a paragraph or the
//! paragraph at a scroll position costs O(log n) however long the article is.

pub struct Heights {
    /// Measured height, or NaN if the paragraph has not been laid out yet.
    measured: Vec<f32>,
    /// The height in use: measured, else estimated.
    effective: Vec<f32>,
    /// Fenwick tree over `effective` (1-based).
    tree: Vec<f32>,
    /// What the estimates were made for (wrap width, row height…); new inputs, new estimates.
    estimated_for: Option<[u32; 3]>,
}

impl Default for Heights {
    fn default() -> Self {
        Self::new(0)
    }
}

impl Heights {
    pub fn new(n: usize) -> Self {
        Self {
            measured: vec![f32::NAN; n],
            effective: vec![0.0; n],
            tree: vec![0.0; n + 1],
            estimated_for: None,
        }
    }

    pub fn len(&self) -> usize {
        self.effective.len()
    }

    /// Fills in estimates for unmeasured paragraphs when `key` differs from last time.
    pub fn estimate(&mut self, key: [f32; 3], estimate: impl Fn(usize) -> f32) {
        let key = key.map(f32::to_bits);
        if self.estimated_for == Some(key) {
            return;
        }
        self.estimated_for = Some(key);
        for (i, e) in self.effective.iter_mut().enumerate() {
            let m = self.measured[i];
            *e = if m.is_nan() { estimate(i) } else { m };
        }
        self.rebuild();
    }

    fn rebuild(&mut self) {
        let n = self.len();
        self.tree.iter_mut().for_each(|t| *t = 0.0);
        for i in 1..=n {
            self.tree[i] += self.effective[i - 1];
            let parent = i + (i & i.wrapping_neg());
            if parent <= n {
                self.tree[parent] += self.tree[i];
            }
        }
    }

    /// Records paragraph `p`'s laid-out height.
    pub fn set(&mut self, p: usize, h: f32) {
        self.measured[p] = h;
        let delta = h - self.effective[p];
        if delta == 0.0 {
            return;
        }
        self.effective[p] = h;
        let mut i = p + 1;
        while i < self.tree.len() {
            self.tree[i] += delta;
            i += i & i.wrapping_neg();
        }
    }

    /// Top of paragraph `p`: the sum of the heights before it.
    pub fn top(&self, p: usize) -> f32 {
        let mut i = p.min(self.len());
        let mut sum = 0.0;
        while i > 0 {
            sum += self.tree[i];
            i -= i & i.wrapping_neg();
        }
        sum
    }

    pub fn total(&self) -> f32 {
        self.top(self.len())
    }

    /// The paragraph covering `y` (the last one past the end).
    pub fn at(&self, y: f32) -> usize {
        let n = self.len();
        let mut pos = 0;
        let mut rest = y;
        let mut step = if n == 0 { 0 } else { 1 << n.ilog2() };
        while step > 0 {
            if pos + step <= n && self.tree[pos + step] <= rest {
                pos += step;
                rest -= self.tree[pos];
            }
            step >>= 1;
        }
        pos.min(n.saturating_sub(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tops_and_lookups_match_a_plain_sum() {
        let mut h = Heights::new(7);
        h.estimate([1.0, 2.0, 3.0], |i| 10.0 + i as f32);
        h.set(2, 30.0);
        h.set(5, 1.0);
        let eff = [10.0, 11.0, 30.0, 13.0, 14.0, 1.0, 16.0];
        let mut top = 0.0;
        for (p, e) in eff.iter().enumerate() {
            assert_eq!(h.top(p), top);
            assert_eq!(h.at(top), p);
            assert_eq!(h.at(top + e - 0.5), p);
            top += e;
        }
        assert_eq!(h.total(), top);
        assert_eq!(h.at(top + 100.0), 6);
        assert_eq!(h.at(-5.0), 0);
        // New estimates keep what was measured.
        h.estimate([2.0, 2.0, 3.0], |_| 1.0);
        assert_eq!(h.total(), 1.0 + 1.0 + 30.0 + 1.0 + 1.0 + 1.0 + 1.0);
        assert_eq!(Heights::new(0).at(3.0), 0);
    }
}
