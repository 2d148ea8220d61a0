//! A share link's data: the story's payload packed for the URL fragment.
//!
//! Takes the payload text ([`crate::share`]) and gives the link data after
//! `#s2.`: the payload packed by [`crate::share::packing`] (primed with
//! `share_priming.txt`), in base64url; and back. Format `s1` links, which
//! the browser's own deflate packed, are still opened by the app.
//!
//! The priming text belongs to the format: `s2` links open only with the
//! very bytes they were packed with, so `share_priming.txt` never changes;
//! a new priming is a new format.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use crate::share::packing::{Packer, UnpackError};

/// The link format this module writes (`#s2.` + data).
pub const PACKED_FORMAT: &str = "s2";

/// What the coder reads before every `s2` story.
const PRIMING: &[u8] = include_bytes!("share_priming.txt");

/// Why link data gives no payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkDataError {
    /// Not base64url, cut short, or not text: damaged on the way.
    Damaged,
    /// It would unpack past [`crate::share::packing::MAX_UNPACKED`].
    TooLarge,
}

/// A coder for `s2` links, primed (the costly part: keep it).
pub fn packer() -> Packer {
    Packer::new(PRIMING)
}

/// The link data that carries `payload`.
pub fn pack_payload(packer: &Packer, payload: &str) -> String {
    URL_SAFE_NO_PAD.encode(packer.pack(payload.as_bytes()))
}

/// The payload that link data carries.
pub fn unpack_payload(packer: &Packer, data: &str) -> Result<String, LinkDataError> {
    payload_of(data, |bytes| packer.unpack(bytes))
}

/// [`unpack_payload`] with a coder not needed afterwards (it is used up
/// rather than copied).
pub fn unpack_payload_once(packer: Packer, data: &str) -> Result<String, LinkDataError> {
    payload_of(data, |bytes| packer.into_unpacked(bytes))
}

fn payload_of(
    data: &str,
    unpack: impl FnOnce(&[u8]) -> Result<Vec<u8>, UnpackError>,
) -> Result<String, LinkDataError> {
    let bytes = URL_SAFE_NO_PAD
        .decode(data)
        .map_err(|_| LinkDataError::Damaged)?;
    let text = unpack(&bytes).map_err(|e| match e {
        UnpackError::TooLong => LinkDataError::TooLarge,
        UnpackError::Damaged => LinkDataError::Damaged,
    })?;
    String::from_utf8(text).map_err(|_| LinkDataError::Damaged)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::share::{decode_story, encode_story, shareable, ShareOptions};

    const SEED: &str = include_str!("../../../../tests/fixtures/interfax-2025-12-31-kallas.txt");

    #[test]
    fn the_seed_travels_in_a_short_link() {
        let packer = packer();
        let article = crate::parse_text(SEED);
        let payload = encode_story(&article, ShareOptions::default());
        let data = pack_payload(&packer, &payload);
        assert!(
            data.len() * 2 < payload.len(),
            "{} of {}",
            data.len(),
            payload.len()
        );
        let back = unpack_payload(&packer, &data).unwrap();
        assert_eq!(decode_story(&back), Ok(shareable(&article)));
        assert_eq!(unpack_payload_once(packer, &data), Ok(back));
    }

    #[test]
    fn damaged_data_is_refused() {
        let packer = packer();
        let data = pack_payload(
            &packer,
            &encode_story(&crate::parse_text(SEED), ShareOptions::default()),
        );
        assert_eq!(
            unpack_payload(&packer, "not base64!"),
            Err(LinkDataError::Damaged)
        );
        assert_eq!(
            unpack_payload(&packer, &data[..data.len() / 3]),
            Err(LinkDataError::Damaged)
        );
        // A changed character unpacks to other text, which the checksum refuses.
        let mut changed = data.clone().into_bytes();
        let at = changed.len() / 2;
        changed[at] = if changed[at] == b'A' { b'B' } else { b'A' };
        let changed = String::from_utf8(changed).unwrap();
        let refused = match unpack_payload(&packer, &changed) {
            Ok(payload) => decode_story(&payload).is_err(),
            Err(_) => true,
        };
        assert!(refused);
    }
}
