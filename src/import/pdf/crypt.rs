//! The standard security handler: files encrypted with an empty user password (owner
//! restrictions only, common in published reports) are read; files that need a password
//! are refused with that message.

use aes::cipher::{BlockDecrypt, BlockEncrypt, KeyInit, generic_array::GenericArray};
use md5::{Digest, Md5};
use sha2::{Sha256, Sha384, Sha512};

use super::PdfError;
use super::objects::{Dict, Obj, Stream};

const PAD: [u8; 32] = [
    0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
    0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
];

#[derive(Debug, Clone, Copy, PartialEq)]
enum Method {
    None,
    Rc4,
    Aes128,
    Aes256,
}

pub struct Decryptor {
    key: Vec<u8>,
    strings: Method,
    streams: Method,
}

fn method_of(enc: &Dict, which: &[u8], v: i64) -> Method {
    if v < 4 {
        return Method::Rc4;
    }
    let name = enc.get(which).and_then(Obj::as_name).unwrap_or(b"Identity");
    if name == b"Identity" {
        return Method::None;
    }
    let cfm = enc
        .get(b"CF")
        .and_then(Obj::as_dict)
        .and_then(|cf| cf.get(name))
        .and_then(Obj::as_dict)
        .and_then(|f| f.get(b"CFM"))
        .and_then(Obj::as_name);
    match cfm {
        Some(b"AESV2") => Method::Aes128,
        Some(b"AESV3") => Method::Aes256,
        Some(b"None") => Method::None,
        _ => Method::Rc4,
    }
}

impl Decryptor {
    pub fn new(enc: &Dict, id: &[u8]) -> Result<Self, PdfError> {
        if enc.get(b"Filter").and_then(Obj::as_name) != Some(b"Standard") {
            return Err(PdfError::Encrypted);
        }
        let v = enc.get(b"V").and_then(Obj::as_i64).unwrap_or(0);
        let r = enc.get(b"R").and_then(Obj::as_i64).unwrap_or(2);
        let o = enc.get(b"O").and_then(Obj::as_str).unwrap_or_default();
        let u = enc.get(b"U").and_then(Obj::as_str).unwrap_or_default();
        let (strings, streams) = (method_of(enc, b"StrF", v), method_of(enc, b"StmF", v));
        let key = if r >= 5 {
            let ue = enc.get(b"UE").and_then(Obj::as_str).unwrap_or_default();
            key_r6(r, u, ue).ok_or(PdfError::Encrypted)?
        } else {
            let p = enc.get(b"P").and_then(Obj::as_i64).unwrap_or(0) as i32;
            let bits = enc.get(b"Length").and_then(Obj::as_i64).unwrap_or(40);
            let len = if r == 2 {
                5
            } else {
                (bits / 8).clamp(5, 16) as usize
            };
            let meta = !matches!(enc.get(b"EncryptMetadata"), Some(Obj::Bool(false)));
            let key = key_r4(r, len, o, p, id, meta);
            if !user_password_ok(r, &key, u, id) {
                return Err(PdfError::Encrypted);
            }
            key
        };
        Ok(Decryptor {
            key,
            strings,
            streams,
        })
    }

    fn object_key(&self, num: u32, generation: u16, method: Method) -> Vec<u8> {
        if method == Method::Aes256 {
            return self.key.clone();
        }
        let mut h = Md5::new();
        h.update(&self.key);
        h.update(&num.to_le_bytes()[..3]);
        h.update(generation.to_le_bytes());
        if method == Method::Aes128 {
            h.update(b"sAlT");
        }
        let digest = h.finalize();
        digest[..(self.key.len() + 5).min(16)].to_vec()
    }

    fn apply(&self, num: u32, generation: u16, method: Method, data: &[u8]) -> Vec<u8> {
        let key = self.object_key(num, generation, method);
        match method {
            Method::None => data.to_vec(),
            Method::Rc4 => rc4(&key, data),
            Method::Aes128 | Method::Aes256 => aes_cbc_decrypt(&key, data),
        }
    }

    pub fn stream(&self, num: u32, generation: u16, dict: &Dict, raw: &[u8]) -> Vec<u8> {
        let identity = dict.get(b"Filter").is_some_and(|f| match f {
            Obj::Name(n) => n == b"Crypt",
            Obj::Array(a) => a.first().and_then(Obj::as_name) == Some(b"Crypt"),
            _ => false,
        });
        if identity || dict.get(b"Type").and_then(Obj::as_name) == Some(b"XRef") {
            return raw.to_vec();
        }
        self.apply(num, generation, self.streams, raw)
    }

    /// The object with its strings and stream decrypted.
    pub fn object(&self, num: u32, obj: Obj) -> Obj {
        match obj {
            Obj::Str(s) => Obj::Str(self.apply(num, 0, self.strings, &s)),
            Obj::Array(a) => Obj::Array(a.into_iter().map(|o| self.object(num, o)).collect()),
            Obj::Dict(d) => Obj::Dict(self.dict(num, d)),
            Obj::Stream(s) => {
                let raw = self.stream(num, 0, &s.dict, &s.raw);
                let dict = self.dict(num, s.dict.clone());
                Obj::Stream(std::rc::Rc::new(Stream { dict, raw }))
            }
            o => o,
        }
    }

    fn dict(&self, num: u32, d: Dict) -> Dict {
        Dict(
            d.0.into_iter()
                .map(|(k, v)| (k, self.object(num, v)))
                .collect(),
        )
    }
}

fn key_r4(r: i64, len: usize, o: &[u8], p: i32, id: &[u8], meta: bool) -> Vec<u8> {
    let mut h = Md5::new();
    h.update(PAD);
    h.update(&o[..o.len().min(32)]);
    h.update(p.to_le_bytes());
    h.update(id);
    if r >= 4 && !meta {
        h.update([0xFF; 4]);
    }
    let mut key = h.finalize().to_vec();
    if r >= 3 {
        for _ in 0..50 {
            key = Md5::digest(&key[..len]).to_vec();
        }
    }
    key.truncate(len);
    key
}

fn user_password_ok(r: i64, key: &[u8], u: &[u8], id: &[u8]) -> bool {
    if r == 2 {
        return rc4(key, &PAD) == u.get(..32).unwrap_or_default();
    }
    let mut h = Md5::new();
    h.update(PAD);
    h.update(id);
    let mut x = rc4(key, &h.finalize());
    for i in 1..=19u8 {
        let k: Vec<u8> = key.iter().map(|b| b ^ i).collect();
        x = rc4(&k, &x);
    }
    u.get(..16) == Some(&x[..16])
}

/// AES-256 (revisions 5 and 6) with the empty user password.
fn key_r6(r: i64, u: &[u8], ue: &[u8]) -> Option<Vec<u8>> {
    if u.len() < 48 || ue.len() < 32 {
        return None;
    }
    let hash = |salt: &[u8]| {
        if r == 5 {
            Sha256::digest(salt).to_vec()
        } else {
            hash_2b(b"", salt)
        }
    };
    if hash(&u[32..40])[..32] != u[..32] {
        return None;
    }
    let inter = hash(&u[40..48]);
    let cipher = aes::Aes256::new(GenericArray::from_slice(&inter[..32]));
    let mut prev = [0u8; 16];
    let mut key = Vec::with_capacity(32);
    for chunk in ue[..32].chunks(16) {
        let mut block = GenericArray::clone_from_slice(chunk);
        cipher.decrypt_block(&mut block);
        key.extend(block.iter().zip(prev).map(|(a, b)| a ^ b));
        prev.copy_from_slice(chunk);
    }
    Some(key)
}

/// ISO 32000-2 algorithm 2.B, for revision 6.
fn hash_2b(password: &[u8], salt: &[u8]) -> Vec<u8> {
    let mut k = {
        let mut h = Sha256::new();
        h.update(password);
        h.update(salt);
        h.finalize().to_vec()
    };
    let mut round = 0u32;
    loop {
        let unit: Vec<u8> = [password, &k].concat();
        let k1 = unit.repeat(64);
        let cipher = aes::Aes128::new(GenericArray::from_slice(&k[..16]));
        let mut prev: [u8; 16] = k[16..32].try_into().unwrap_or([0; 16]);
        let mut e = Vec::with_capacity(k1.len());
        for chunk in k1.chunks(16) {
            let mut block = GenericArray::clone_from_slice(chunk);
            for (b, p) in block.iter_mut().zip(prev) {
                *b ^= p;
            }
            cipher.encrypt_block(&mut block);
            prev.copy_from_slice(&block);
            e.extend_from_slice(&block);
        }
        let sum: u32 = e[..16].iter().map(|&b| u32::from(b)).sum();
        k = match sum % 3 {
            0 => Sha256::digest(&e).to_vec(),
            1 => Sha384::digest(&e).to_vec(),
            _ => Sha512::digest(&e).to_vec(),
        };
        round += 1;
        if round >= 64 && u32::from(*e.last().unwrap_or(&0)) + 32 <= round {
            break;
        }
    }
    k.truncate(32);
    k
}

pub fn rc4(key: &[u8], data: &[u8]) -> Vec<u8> {
    let mut s: Vec<u8> = (0..=255).collect();
    let mut j = 0u8;
    for i in 0..256 {
        j = j.wrapping_add(s[i]).wrapping_add(key[i % key.len().max(1)]);
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

fn aes_cbc_decrypt(key: &[u8], data: &[u8]) -> Vec<u8> {
    if data.len() < 32 || !data.len().is_multiple_of(16) {
        return Vec::new();
    }
    let (iv, body) = data.split_at(16);
    let mut prev: [u8; 16] = iv.try_into().unwrap_or([0; 16]);
    let mut out = Vec::with_capacity(body.len());
    let mut run = |f: &dyn Fn(&mut GenericArray<u8, aes::cipher::consts::U16>)| {
        for chunk in body.chunks(16) {
            let mut block = GenericArray::clone_from_slice(chunk);
            f(&mut block);
            out.extend(block.iter().zip(prev).map(|(a, b)| a ^ b));
            prev.copy_from_slice(chunk);
        }
    };
    match key.len() {
        32 => {
            let c = aes::Aes256::new(GenericArray::from_slice(key));
            run(&|b| c.decrypt_block(b));
        }
        16 => {
            let c = aes::Aes128::new(GenericArray::from_slice(key));
            run(&|b| c.decrypt_block(b));
        }
        _ => return Vec::new(),
    }
    let pad = usize::from(*out.last().unwrap_or(&0));
    if (1..=16).contains(&pad) && out.len() >= pad {
        out.truncate(out.len() - pad);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rc4_matches_the_published_vector() {
        assert_eq!(
            rc4(b"Key", b"Plaintext"),
            [0xBB, 0xF3, 0x16, 0xE8, 0xD9, 0x40, 0xAF, 0x0A, 0xD3]
        );
    }
}
