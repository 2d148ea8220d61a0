//! The learned models' shared maths: a linear score, a one-hidden-layer
//! ranking score, and the hash that ties generated weights to the features
//! they were trained on. The weights themselves are generated data, one
//! module per model, written by `training/train.py`; each stage checks its
//! own features against them when the parser is built.

pub mod body;
pub mod body_context;
pub mod dateline;
pub mod headline;
pub mod headline_wrapped;

/// A linear model's score: weights times features.
pub fn dot(weights: &[f32], features: &[f32]) -> f32 {
    weights.iter().zip(features).map(|(w, f)| w * f).sum()
}

/// How many weights a ranking model with one hidden layer of `hidden`
/// units has over `features` features ([`mlp_score`]'s layout).
pub const fn mlp_len(features: usize, hidden: usize) -> usize {
    hidden * (features + 2)
}

/// FNV-1a (64 bits): `hash` (start from [`FNV_START`]) carried on over
/// `bytes`. The model checks below and the library's text keys use it.
pub const fn fnv1a(mut hash: u64, bytes: &[u8]) -> u64 {
    let mut i = 0;
    while i < bytes.len() {
        hash = (hash ^ bytes[i] as u64).wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    hash
}

/// Where an FNV-1a hash starts.
pub const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a (64 bits) of the names, each followed by a newline: what a
/// generated model records of the features it was trained on, checked
/// when the parser is built (`training/train.py` computes the same).
pub const fn names_hash(names: &[&str]) -> u64 {
    let mut hash = FNV_START;
    let mut i = 0;
    while i < names.len() {
        hash = fnv1a(fnv1a(hash, names[i].as_bytes()), b"\n");
        i += 1;
    }
    hash
}

/// A ranking model's score with one hidden layer: `v · tanh(W f + b)`.
/// `weights` holds W row by row (one row of `features.len()` per hidden
/// unit), then b, then v, as `training/train.py` writes them.
pub fn mlp_score(weights: &[f32], features: &[f32]) -> f32 {
    let hidden = weights.len() / (features.len() + 2);
    let (w, rest) = weights.split_at(hidden * features.len());
    let (b, v) = rest.split_at(hidden);
    w.chunks_exact(features.len())
        .zip(b)
        .zip(v)
        .map(|((row, b), v)| v * (dot(row, features) + b).tanh())
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_names_hash_sees_a_feature_renamed_moved_or_added() {
        // Each model's file checks it when the parser is built; here, that
        // the check would see each change.
        let names = ["length", "capitals"];
        assert_eq!(names_hash(&[]), 0xcbf2_9ce4_8422_2325);
        let hash = names_hash(&names);
        assert_ne!(hash, names_hash(&["length", "capital"]));
        assert_ne!(hash, names_hash(&["capitals", "length"]));
        assert_ne!(hash, names_hash(&["length", "capitals", "digits"]));
        // The newline after each name keeps "ab" + "c" apart from "a" + "bc".
        assert_ne!(names_hash(&["ab", "c"]), names_hash(&["a", "bc"]));
    }

    #[test]
    fn mlp_score_follows_the_written_layout() {
        // Two features, two hidden units: W = [[1, 0], [0, 1]], b = [0, 0], v = [1, -1].
        let weights = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0, 1.0, -1.0];
        let got = mlp_score(&weights, &[0.5, 0.25]);
        assert!((got - (0.5f32.tanh() - 0.25f32.tanh())).abs() < 1e-6);
    }
}
