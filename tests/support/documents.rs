//! Small PDF and Word files made in the tests: pages of positioned text in the standard
//! fonts or in a CJK font with a ToUnicode map, optionally compressed or encrypted, and
//! .docx packages from the XML of their parts.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::io::Write as _;

/// One line of text: font ("F1" Helvetica, "F2" Times, "F3" a CJK Type 0 font, "F4" a
/// Type 3 font, "F5" Helvetica-Bold), size, position and text.
pub struct Text<'a> {
    pub font: &'a str,
    pub size: f64,
    pub x: f64,
    pub y: f64,
    pub text: &'a str,
    /// Extra space after each space character (`Tw`), for justified lines.
    pub word_space: f64,
}

pub fn t(x: f64, y: f64, text: &str) -> Text<'_> {
    Text {
        font: "F2",
        size: 11.0,
        x,
        y,
        text,
        word_space: 0.0,
    }
}

/// Times-Roman's widths for ASCII, as its metrics give them.
const TIMES: [u16; 95] = [
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500,
    500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611,
    556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722,
    722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500,
    278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
];

/// Word spacing that sets `text` in Times at `size` exactly `width` wide, as justified
/// text is set.
pub fn justify(text: &str, size: f64, width: f64) -> f64 {
    let natural: f64 = text
        .chars()
        .map(|c| f64::from(TIMES[(c as usize).saturating_sub(32).min(94)]) * size / 1000.0)
        .sum();
    let spaces = text.matches(' ').count().max(1);
    (width - natural) / spaces as f64
}

#[derive(Default)]
pub struct Pdf {
    /// Page contents: raw content-stream operators.
    pub pages: Vec<String>,
    pub compress: bool,
    pub info_title: Option<String>,
    /// Encrypt with RC4 (revision 3, 128-bit): the user password ("" opens it freely).
    pub user_password: Option<String>,
    /// An image on every page, as a scanner draws it.
    pub image: bool,
}

fn escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '(' | ')' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 256 => out.push(c),
            _ => out.push('?'),
        }
    }
    out
}

/// The operators that draw `lines`, in the order given.
pub fn content(lines: &[Text]) -> String {
    let mut s = String::new();
    for l in lines {
        let shown = match l.font {
            // Two-byte codes: the CJK font maps 0x0100 + n to U+4E00 + n, 0x6000 + n to
            // Arabic U+0600 + n, and presentation forms, digits and the space to themselves.
            "F3" => format!(
                "<{}>",
                l.text
                    .chars()
                    .map(|c| {
                        let c = c as u32;
                        let code = match c {
                            0x4E00..=0x9FFF => c - 0x4E00 + 0x0100,
                            0x0600..=0x06FF => c - 0x0600 + 0x6000,
                            _ => c,
                        };
                        format!("{code:04X}")
                    })
                    .collect::<String>()
            ),
            // The Type 3 font maps codes 1..=26 to a..z.
            "F4" => format!(
                "<{}>",
                l.text
                    .chars()
                    .map(|c| format!("{:02X}", c as u32 - 'a' as u32 + 1))
                    .collect::<String>()
            ),
            _ => format!("({})", escape_latin1(l.text)),
        };
        let _ = writeln!(
            s,
            "BT /{} {} Tf {} Tw {} {} Td {} Tj ET",
            l.font, l.size, l.word_space, l.x, l.y, shown
        );
    }
    s
}

fn escape_latin1(s: &str) -> String {
    escape(s)
}

const PAD: [u8; 32] = [
    0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
    0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
];

pub fn rc4(key: &[u8], data: &[u8]) -> Vec<u8> {
    let mut s: Vec<u8> = (0..=255).collect();
    let mut j = 0u8;
    for i in 0..256 {
        j = j.wrapping_add(s[i]).wrapping_add(key[i % key.len()]);
        s.swap(i, j as usize);
    }
    let (mut i, mut j) = (0u8, 0u8);
    data.iter()
        .map(|&b| {
            i = i.wrapping_add(1);
            j = j.wrapping_add(s[i as usize]);
            s.swap(i as usize, j as usize);
            b ^ s[s[i as usize].wrapping_add(s[j as usize]) as usize]
        })
        .collect()
}

fn md5(parts: &[&[u8]]) -> Vec<u8> {
    use md5::Digest;
    let mut h = md5::Md5::new();
    for p in parts {
        h.update(p);
    }
    h.finalize().to_vec()
}

fn padded(pw: &str) -> Vec<u8> {
    let mut v: Vec<u8> = pw.bytes().take(32).collect();
    v.extend_from_slice(&PAD[..32 - v.len()]);
    v
}

struct Crypt {
    key: Vec<u8>,
    o: Vec<u8>,
    u: Vec<u8>,
    p: i32,
}

const FILE_ID: &[u8] = b"0123456789abcdef";

/// Revision 3, 128-bit RC4, the owner password "owner".
fn crypt(user: &str) -> Crypt {
    let p: i32 = -3904;
    let mut ok = md5(&[&padded("owner")]);
    for _ in 0..50 {
        ok = md5(&[&ok]);
    }
    let mut o = rc4(&ok[..16], &padded(user));
    for i in 1..=19u8 {
        let k: Vec<u8> = ok[..16].iter().map(|b| b ^ i).collect();
        o = rc4(&k, &o);
    }
    let mut key = md5(&[&padded(user), &o, &p.to_le_bytes(), FILE_ID]);
    for _ in 0..50 {
        key = md5(&[&key[..16]]);
    }
    key.truncate(16);
    let mut u = rc4(&key, &md5(&[&PAD, FILE_ID]));
    for i in 1..=19u8 {
        let k: Vec<u8> = key.iter().map(|b| b ^ i).collect();
        u = rc4(&k, &u);
    }
    u.extend_from_slice(&[0u8; 16]);
    Crypt { key, o, u, p }
}

fn object_key(c: &Crypt, num: u32) -> Vec<u8> {
    let k = md5(&[&c.key, &num.to_le_bytes()[..3], &[0, 0]]);
    k[..16].to_vec()
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02X}")).collect()
}

impl Pdf {
    pub fn page(mut self, lines: &[Text]) -> Self {
        self.pages.push(content(lines));
        self
    }

    pub fn build(&self) -> Vec<u8> {
        let crypt = self.user_password.as_deref().map(crypt);
        let mut objects: Vec<Vec<u8>> = Vec::new();
        // 1 catalog, 2 pages, 3–6 fonts, 7 ToUnicode, 8 CID font, 9 info, 10 image, 11.. pages
        let n = self.pages.len();
        let first_page = 11;
        let kids: String = (0..n)
            .map(|i| format!("{} 0 R ", first_page + 2 * i))
            .collect();
        let cid_map = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
             1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
             1 beginbfrange <0100> <5000> <4E00> endbfrange\n\
             1 beginbfrange <0001> <001A> <0061> endbfrange\n\
             4 beginbfrange <6000> <60FF> <0600> <FE70> <FEFF> <FE70> <0020> <0020> <0020> <0030> <0039> <0030> endbfrange\n\
             endcmap CMapName currentdict /CMap defineresource pop end end";
        let fonts = [
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_owned(),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>".to_owned(),
            "<< /Type /Font /Subtype /Type0 /BaseFont /NotoSansCJK /Encoding /Identity-H /DescendantFonts [8 0 R] /ToUnicode 7 0 R >>".to_owned(),
            // A Type 3 font as browsers write them: glyph units of 1/1000 em by its matrix,
            // widths given, text from the ToUnicode map.
            "<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << >> /Encoding << /Differences [1 /g1] >> /FirstChar 1 /LastChar 26 /Widths [500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500] /ToUnicode 7 0 R /Resources << >> >>".to_owned(),
        ];
        objects.push(b"<< /Type /Catalog /Pages 2 0 R /Lang (en-GB) >>".to_vec());
        objects.push(format!("<< /Type /Pages /Kids [{kids}] /Count {n} >>").into_bytes());
        for f in &fonts {
            objects.push(f.clone().into_bytes());
        }
        objects.push(self.stream(7, &crypt, "", cid_map.as_bytes()));
        // Glyph widths absent: every CJK glyph takes the default width of 1000.
        objects.push(b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NotoSansCJK /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>".to_vec());
        let title = self.info_title.clone().unwrap_or_default();
        let title = match &crypt {
            Some(c) => format!("<{}>", hex(&rc4(&object_key(c, 9), title.as_bytes()))),
            None => format!("({})", escape(&title)),
        };
        objects.push(format!("<< /Title {title} /Author (Desk Reporter) /CreationDate (D:20260314091500+01'00') >>").into_bytes());
        objects.push(self.stream(10, &crypt, "/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8", &[0, 255, 255, 0]));
        let bold = first_page + 2 * n;
        for (i, page) in self.pages.iter().enumerate() {
            let content_num = (first_page + 2 * i + 1) as u32;
            let image = if self.image {
                "/XObject << /Im1 10 0 R >>"
            } else {
                ""
            };
            objects.push(
                format!(
                    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R /F2 4 0 R /F3 5 0 R /F4 6 0 R /F5 {bold} 0 R >> {image} >> /Contents {content_num} 0 R >>"
                )
                .into_bytes(),
            );
            let mut body = page.clone();
            if self.image {
                body.insert_str(0, "q 612 0 0 792 0 0 cm /Im1 Do Q\n");
            }
            objects.push(self.stream(content_num, &crypt, "", body.as_bytes()));
        }
        objects.push(
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
                .to_vec(),
        );
        let mut out = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
        let mut offsets = Vec::new();
        for (i, o) in objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
            out.extend_from_slice(o);
            out.extend_from_slice(b"\nendobj\n");
        }
        let mut encrypt = String::new();
        if let Some(c) = &crypt {
            offsets.push(out.len());
            out.extend_from_slice(
                format!(
                    "{} 0 obj\n<< /Filter /Standard /V 2 /R 3 /Length 128 /O <{}> /U <{}> /P {} >>\nendobj\n",
                    objects.len() + 1,
                    hex(&c.o),
                    hex(&c.u),
                    c.p
                )
                .as_bytes(),
            );
            encrypt = format!("/Encrypt {} 0 R ", objects.len() + 1);
        }
        let xref = out.len();
        let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", offsets.len() + 1);
        for off in &offsets {
            let _ = writeln!(table, "{off:010} 00000 n ");
        }
        let _ = write!(
            table,
            "trailer\n<< /Size {} /Root 1 0 R /Info 9 0 R {encrypt}/ID [<{}> <{}>] >>\nstartxref\n{xref}\n%%EOF\n",
            offsets.len() + 1,
            hex(FILE_ID),
            hex(FILE_ID)
        );
        out.extend_from_slice(table.as_bytes());
        out
    }

    fn stream(&self, num: u32, crypt: &Option<Crypt>, dict: &str, data: &[u8]) -> Vec<u8> {
        let (mut data, filter) = if self.compress {
            let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
            e.write_all(data).unwrap();
            (e.finish().unwrap(), "/Filter /FlateDecode")
        } else {
            (data.to_vec(), "")
        };
        if let Some(c) = crypt {
            data = rc4(&object_key(c, num), &data);
        }
        let mut out =
            format!("<< {dict} {filter} /Length {} >>\nstream\n", data.len()).into_bytes();
        out.extend_from_slice(&data);
        out.extend_from_slice(b"\nendstream");
        out
    }
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A ZIP of `parts`, each deflated when `deflate` is set.
pub fn zip(parts: &[(&str, Vec<u8>)], deflate: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in parts {
        let stored = if deflate {
            let mut e =
                flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
            e.write_all(data).unwrap();
            e.finish().unwrap()
        } else {
            data.clone()
        };
        let method: u16 = if deflate { 8 } else { 0 };
        let offset = out.len() as u32;
        let crc = crc32(data);
        let header = |sig: u32, central: bool| {
            let mut h = Vec::new();
            h.extend_from_slice(&sig.to_le_bytes());
            if central {
                h.extend_from_slice(&20u16.to_le_bytes());
            }
            h.extend_from_slice(&20u16.to_le_bytes());
            h.extend_from_slice(&0u16.to_le_bytes());
            h.extend_from_slice(&method.to_le_bytes());
            h.extend_from_slice(&[0, 0, 0, 0]);
            h.extend_from_slice(&crc.to_le_bytes());
            h.extend_from_slice(&(stored.len() as u32).to_le_bytes());
            h.extend_from_slice(&(data.len() as u32).to_le_bytes());
            h.extend_from_slice(&(name.len() as u16).to_le_bytes());
            h.extend_from_slice(&0u16.to_le_bytes());
            if central {
                h.extend_from_slice(&[0; 10]);
                h.extend_from_slice(&offset.to_le_bytes());
            }
            h.extend_from_slice(name.as_bytes());
            h
        };
        out.extend(header(0x0403_4b50, false));
        out.extend_from_slice(&stored);
        central.extend(header(0x0201_4b50, true));
    }
    let cd_offset = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&(parts.len() as u16).to_le_bytes());
    out.extend_from_slice(&(parts.len() as u16).to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&cd_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

/// A .docx whose body is `body` (the XML inside `<w:body>`), with footnotes, numbering and
/// core properties.
pub fn docx(body: &str, footnotes: &str, numbering: &str, title: &str) -> Vec<u8> {
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document {W}><w:body>{body}</w:body></w:document>"
    );
    let notes = format!(
        "<?xml version=\"1.0\"?><w:footnotes {W}><w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>{footnotes}</w:footnotes>"
    );
    let numbering = format!("<?xml version=\"1.0\"?><w:numbering {W}>{numbering}</w:numbering>");
    let styles = format!(
        "<?xml version=\"1.0\"?><w:styles {W}><w:style w:type=\"paragraph\" w:styleId=\"Titel\"><w:name w:val=\"Title\"/></w:style><w:style w:type=\"paragraph\" w:styleId=\"berschrift1\"><w:name w:val=\"heading 1\"/></w:style></w:styles>"
    );
    let core = format!(
        "<?xml version=\"1.0\"?><cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\"><dc:title>{title}</dc:title><dc:creator>Field Office</dc:creator><dcterms:created>2026-03-14T08:00:00Z</dcterms:created><dc:language>en-GB</dc:language></cp:coreProperties>"
    );
    zip(
        &[
            ("[Content_Types].xml", b"<Types/>".to_vec()),
            ("word/document.xml", document.into_bytes()),
            ("word/footnotes.xml", notes.into_bytes()),
            ("word/numbering.xml", numbering.into_bytes()),
            ("word/styles.xml", styles.into_bytes()),
            ("docProps/core.xml", core.into_bytes()),
        ],
        true,
    )
}

/// A paragraph of plain runs.
pub fn p(text: &str) -> String {
    format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
}
