//! Reading X screenshots (`xwd -root -silent`) to tell a painted window from a blank screen;
//! shared by the real-window test and the performance report.

/// Distinct colours in an XWD screenshot (4 bytes a pixel, the Xvfb default at depth 24);
/// 0 if it cannot be read.
pub fn distinct_colours(xwd: &[u8]) -> usize {
    let field = |i: usize| -> usize {
        xwd.get(i * 4..i * 4 + 4)
            .map_or(0, |b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize)
    };
    let (header, width, height, stride, ncolors) =
        (field(0), field(4), field(5), field(12), field(19));
    // Xvfb's depth 24 is stored as 4 bytes a pixel, whatever bits_per_pixel says.
    if header == 0 || width == 0 || stride / width != 4 {
        return 0;
    }
    let start = header + ncolors * 12;
    let mut seen = std::collections::BTreeSet::new();
    for row in 0..height {
        let Some(line) = xwd.get(start + row * stride..start + (row + 1) * stride) else {
            break;
        };
        for px in line.chunks_exact(4).step_by(3) {
            seen.insert([px[0], px[1], px[2]]);
        }
    }
    seen.len()
}
