//! XML as a flat walk of elements (local names, namespace prefixes dropped), attributes and
//! text, for the parts of a Word document.

use quick_xml::events::Event;

use super::DocxError;

pub enum Ev<'e> {
    Start(&'e str, &'e [(String, String)]),
    End(&'e str),
    Text(&'e str),
}

fn local(name: &[u8]) -> String {
    let name = name.rsplit(|&b| b == b':').next().unwrap_or(name);
    String::from_utf8_lossy(name).into_owned()
}

/// Calls `f` for each element start and end (empty elements give both) and each run of text.
pub fn walk(xml: &[u8], mut f: impl FnMut(Ev)) -> Result<(), DocxError> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    reader.config_mut().expand_empty_elements = true;
    let bad = |_| DocxError::Damaged("its XML is broken");
    let mut depth = 0usize;
    loop {
        match reader.read_event().map_err(bad)? {
            Event::Start(e) => {
                depth += 1;
                if depth > 512 {
                    return Err(DocxError::Damaged("its XML is nested too deeply"));
                }
                let attrs: Vec<(String, String)> = e
                    .attributes()
                    .flatten()
                    .map(|a| {
                        let value = a
                            .unescape_value()
                            .map(|v| v.into_owned())
                            .unwrap_or_default();
                        (local(a.key.as_ref()), value)
                    })
                    .collect();
                f(Ev::Start(&local(e.name().as_ref()), &attrs));
            }
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                f(Ev::End(&local(e.name().as_ref())));
            }
            Event::Text(t) => {
                if let Ok(s) = t.decode() {
                    f(Ev::Text(&s));
                }
            }
            Event::CData(t) => {
                if let Ok(s) = t.decode() {
                    f(Ev::Text(&s));
                }
            }
            Event::GeneralRef(r) => {
                let text = if r.is_char_ref() {
                    r.resolve_char_ref().ok().flatten().map(String::from)
                } else {
                    r.decode()
                        .ok()
                        .and_then(|n| quick_xml::escape::resolve_predefined_entity(&n))
                        .map(str::to_owned)
                };
                if let Some(t) = text {
                    f(Ev::Text(&t));
                }
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

pub fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}
