//! Share payloads packed small: a context-mixing compressor for short texts.
//!
//! Takes the share payload's bytes and gives fewer bytes, and back. Deflate
//! learns nothing until it has seen a phrase once, so a 4 KB story saves
//! little; this coder predicts each bit from several contexts at once (the
//! last 1, 2, 3, 4 and 6 bytes, the word being written and the word before
//! it), mixes the predictions with weights it learns as it goes, and codes
//! the bit with a binary arithmetic coder (the design of Matt Mahoney's
//! lpaq1, cut down). Before the first byte both sides read the same short
//! priming text, so the models start out knowing the payload's record
//! layout and the commonest words.
//!
//! Everything is integer arithmetic, so the encoder and decoder agree bit
//! for bit on every machine (native, Wasm). Unpacking is capped: the length
//! is stated up front and refused above [`MAX_UNPACKED`].

/// Largest payload unpacking will produce (a link is at most 2 MB of text;
/// its payload cannot honestly be bigger than this).
pub const MAX_UNPACKED: usize = 8 * 1024 * 1024;

/// Bits of each context's hash table: 2^21 slots of 2 bytes, 4 MiB each.
const TABLE_BITS: u32 = 21;
/// Context models: orders 1, 2, 3, 4, 6, the word, and word pairs.
const ORDERS: [usize; 5] = [1, 2, 3, 4, 6];
const MODELS: usize = ORDERS.len() + 3;
/// Mixer inputs: one per model and a bias.
const INPUTS: usize = MODELS + 1;
/// Count at which a slot's probability stops speeding up its learning.
const COUNT_LIMIT: u16 = 15;
/// Mixer learning rate: error × input × rate / 2^shift.
const MIX_RATE: i32 = 4;
const MIX_SHIFT: i32 = 12;
/// Bytes at the end of the priming that train the mixer as well.
const FULLY_PRIMED_TAIL: usize = 8 * 1024;
/// How fast the refining map follows (1 / 2^rate).
const APM_RATE: i32 = 7;
/// A mixer weight of 1.0.
const WEIGHT_ONE: i32 = 1 << 16;

/// Why packed bytes cannot be unpacked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnpackError {
    /// The stated length is over [`MAX_UNPACKED`], or more than the packed
    /// bytes could hold.
    TooLong,
    /// The length is missing, or the stream ends before the data does.
    Damaged,
}

/// Bytes of output one packed byte may stand for at most (text this
/// repetitive is not a story)…
const MAX_RATIO: usize = 64;
/// …beyond a start that short packed stories may use whole.
const MAX_RATIO_SLACK: usize = 64 * 1024;
/// The most bytes `packed` bytes may unpack or inflate to, in any link
/// format: `MAX_RATIO` per byte beyond a start, and never over
/// [`MAX_UNPACKED`].
pub fn max_unpacked_for(packed: usize) -> usize {
    packed
        .saturating_mul(MAX_RATIO)
        .saturating_add(MAX_RATIO_SLACK)
        .min(MAX_UNPACKED)
}

/// Bytes the decoder may read past the end of the input: the encoder's
/// flush relies on four at most.
const MAX_PAST_END: usize = 8;

/// `p = 1 / (1 + e^-d)`: `d` in 1/256 units, clamped to ±2047; `p` in 1/4096.
fn squash(d: i32) -> i32 {
    const T: [i32; 33] = [
        1, 2, 3, 6, 10, 16, 27, 45, 73, 120, 194, 310, 488, 747, 1101, 1546, 2047, 2549, 2994,
        3348, 3607, 3785, 3901, 3975, 4022, 4050, 4068, 4079, 4085, 4089, 4092, 4093, 4094,
    ];
    if d > 2047 {
        return 4095;
    }
    if d < -2047 {
        return 1;
    }
    let w = d & 127;
    let i = ((d >> 7) + 16) as usize;
    (T[i] * (128 - w) + T[i + 1] * w + 64) >> 7
}

/// The inverse of [`squash`], as a table over the 4096 probabilities.
fn stretch_table() -> Vec<i16> {
    let mut table = vec![2047i16; 4096];
    let mut next = 0usize;
    for d in -2047..=2047 {
        let p = squash(d) as usize;
        for slot in table.iter_mut().take(p + 1).skip(next) {
            *slot = d as i16;
        }
        next = next.max(p + 1);
    }
    table
}

/// 32-bit multiplicative hash step.
fn mix_hash(h: u32, x: u32) -> u32 {
    (h ^ x).wrapping_mul(0x9E37_79B1).rotate_left(13)
}

/// Where the coding is in the text: all the context models' contexts are
/// made from it.
#[derive(Clone)]
struct Cursor {
    /// The bits of the current byte so far, after a leading 1.
    partial: u32,
    /// The last bytes, newest in the low byte.
    history: u64,
    word: u32,
    previous_word: u32,
}

impl Cursor {
    fn new() -> Self {
        Cursor {
            partial: 1,
            history: 0,
            word: 0,
            previous_word: 0,
        }
    }

    /// Move on by `bit`; true when it ended a byte.
    fn push(&mut self, bit: u32) -> bool {
        self.partial = (self.partial << 1) | bit;
        if self.partial < 256 {
            return false;
        }
        let byte = (self.partial & 255) as u8;
        self.partial = 1;
        self.history = (self.history << 8) | u64::from(byte);
        let byte = byte.to_ascii_lowercase();
        let letter = byte.is_ascii_alphanumeric() || byte >= 128;
        if letter {
            self.word = mix_hash(self.word, u32::from(byte));
        } else if self.word != 0 {
            self.previous_word = self.word;
            self.word = 0;
        }
        true
    }

    /// Model `m`'s context for the current byte.
    fn context(&self, m: usize) -> u32 {
        let n = ORDERS.len();
        if m < n {
            let order = ORDERS[m];
            let bytes = if order >= 8 {
                self.history
            } else {
                self.history & ((1u64 << (8 * order)) - 1)
            };
            mix_hash(mix_hash(order as u32, bytes as u32), (bytes >> 32) as u32)
        } else if m == n {
            mix_hash(0x0057_4f52, self.word)
        } else if m == n + 1 {
            mix_hash(mix_hash(0x0050_4149, self.word), self.previous_word)
        } else {
            // Order 0: the partial byte alone.
            0x4f52_4430
        }
    }

    /// The slot, in a model's table, for the next bit in `context`.
    fn slot(&self, context: u32) -> usize {
        let bit_context = self.partial.wrapping_mul(0x2F0B_3A5D);
        (mix_hash(context, bit_context) >> (32 - TABLE_BITS)) as usize & ((1 << TABLE_BITS) - 1)
    }
}

/// A context model's slot learns `bit`: fast at first, then settling.
fn train(slot: &mut u16, bit: u32) {
    let count = *slot & 15;
    let p = i32::from(*slot >> 4);
    let target = (bit as i32) << 12;
    let step = (target - p) * 2 / (2 * i32::from(count) + 3);
    let p = (p + step).clamp(1, 4095) as u16;
    *slot = (p << 4) | (count + u16::from(count < COUNT_LIMIT));
}

/// The predictor: what both coder and decoder run, bit by bit.
#[derive(Clone)]
struct Model {
    /// Per model, 2^TABLE_BITS slots: probability (12 bits) << 4 | count.
    tables: Vec<Vec<u16>>,
    /// Per model, the slot for the bit being coded.
    slots: [usize; MODELS],
    /// Per model, its context hash for the current byte.
    contexts: [u32; MODELS],
    /// Mixer weights, one set per partial byte.
    weights: Vec<[i32; INPUTS]>,
    inputs: [i32; INPUTS],
    stretch: Vec<i16>,
    /// Where the coding is: the byte so far and what came before.
    at: Cursor,
    prediction: i32,
    /// The mixer's own prediction, before the refinement.
    mixed: i32,
    refine: Apm,
}

/// Adaptive probability map (secondary estimation): refines a probability
/// in a small context by what followed similar probabilities before.
#[derive(Clone)]
struct Apm {
    table: Vec<u16>,
    index: usize,
}

impl Apm {
    fn new(contexts: usize) -> Self {
        let row: Vec<u16> = (0..33)
            .map(|j| (squash((j - 16) * 128) * 16) as u16)
            .collect();
        Apm {
            table: row.iter().copied().cycle().take(contexts * 33).collect(),
            index: 0,
        }
    }

    fn refine(&mut self, p: i32, stretch: &[i16], context: usize) -> i32 {
        let s = i32::from(stretch[p as usize]) + 2048;
        let w = s & 127;
        self.index = (s >> 7) as usize + context * 33;
        let (lo, hi) = (
            i32::from(self.table[self.index]),
            i32::from(self.table[self.index + 1]),
        );
        (lo * (128 - w) + hi * w) >> 11
    }

    fn update(&mut self, bit: u32, rate: i32) {
        let target = ((bit as i32) << 16) + ((bit as i32) << rate) - bit as i32 - bit as i32;
        for i in [self.index, self.index + 1] {
            let v = i32::from(self.table[i]);
            self.table[i] = (v + ((target - v) >> rate)).clamp(0, 65535) as u16;
        }
    }
}

impl Model {
    fn new() -> Self {
        let mut model = Model {
            tables: vec![vec![2048 << 4; 1 << TABLE_BITS]; MODELS],
            slots: [0; MODELS],
            contexts: [0; MODELS],
            weights: vec![[WEIGHT_ONE * 3 / 10; INPUTS]; 256 * 4],
            inputs: [0; INPUTS],
            stretch: stretch_table(),
            at: Cursor::new(),
            prediction: 2048,
            mixed: 2048,
            refine: Apm::new(1 << 16),
        };
        model.next_byte_contexts();
        model.predict();
        model
    }

    /// Probability (in 1/4096) that the next bit is 1.
    fn p(&self) -> i32 {
        self.prediction.clamp(1, 4095)
    }

    fn next_byte_contexts(&mut self) {
        for (m, context) in self.contexts.iter_mut().enumerate() {
            *context = self.at.context(m);
        }
    }

    /// Each model's slot for the next bit.
    fn find_slots(&mut self) {
        for m in 0..MODELS {
            self.slots[m] = self.at.slot(self.contexts[m]);
        }
    }

    fn predict(&mut self) {
        self.find_slots();
        for m in 0..MODELS {
            let p = (self.tables[m][self.slots[m]] >> 4) as usize;
            self.inputs[m] = i32::from(self.stretch[p]);
        }
        self.inputs[MODELS] = 256;
        let weights = &self.weights[weight_set(self.at.partial, self.at.history)];
        let dot: i64 = self
            .inputs
            .iter()
            .zip(weights)
            .map(|(&x, &w)| i64::from(x) * i64::from(w))
            .sum();
        self.mixed = squash((dot >> 16).clamp(-2047, 2047) as i32);
        let context = (self.at.partial as usize) | ((self.at.history as usize & 255) << 8);
        let refined = self
            .refine
            .refine(self.mixed.clamp(1, 4095), &self.stretch, context);
        self.prediction = (self.mixed + 3 * refined) / 4;
    }

    fn update(&mut self, bit: u32) {
        // Mixer: move each weight along its input by the error.
        let error = ((bit as i32) << 12) - self.mixed.clamp(1, 4095);
        self.refine.update(bit, APM_RATE);
        let weights = &mut self.weights[weight_set(self.at.partial, self.at.history)];
        for (w, &x) in weights.iter_mut().zip(&self.inputs) {
            *w += (x * error * MIX_RATE) >> MIX_SHIFT;
        }
        self.learn(bit);
        self.predict();
    }

    /// The context models learn `bit` and move on to the next; the mixer
    /// and the refining map are left as they are.
    fn learn(&mut self, bit: u32) {
        for m in 0..MODELS {
            train(&mut self.tables[m][self.slots[m]], bit);
        }
        if self.at.push(bit) {
            self.next_byte_contexts();
        }
    }

    /// Read `text` as if it had been coded, so the models start out knowing it.
    fn prime(&mut self, text: &[u8]) {
        // Most of the text only teaches the context models (the costly
        // part is mixing); its end trains the mixer and map as well. The
        // models learn apart from each other there, so they read it one
        // after another: one table at a time stays in the processor's
        // cache, all of them at once (32 MiB) do not. Every slot sees the
        // same bits in the same order as when they read it side by side.
        let split = text.len().saturating_sub(FULLY_PRIMED_TAIL);
        let start = self.at.clone();
        for (m, table) in self.tables.iter_mut().enumerate() {
            let mut at = start.clone();
            let mut context = at.context(m);
            for &byte in &text[..split] {
                for i in (0..8).rev() {
                    let bit = u32::from(byte >> i) & 1;
                    train(&mut table[at.slot(context)], bit);
                    if at.push(bit) {
                        context = at.context(m);
                    }
                }
            }
            self.at = at;
        }
        self.next_byte_contexts();
        self.predict();
        for &byte in &text[split..] {
            for i in (0..8).rev() {
                self.update(u32::from(byte >> i) & 1);
            }
        }
    }
}

/// Binary arithmetic coder over 32-bit ranges (carry-less, as in lpaq1).
struct Encoder {
    low: u32,
    high: u32,
    out: Vec<u8>,
}

impl Encoder {
    fn encode(&mut self, bit: u32, p: i32) {
        let mid = self.low + ((u64::from(self.high - self.low) * p as u64) >> 12) as u32;
        if bit == 1 {
            self.high = mid;
        } else {
            self.low = mid + 1;
        }
        while (self.low ^ self.high) & 0xff00_0000 == 0 {
            self.out.push((self.high >> 24) as u8);
            self.low <<= 8;
            self.high = (self.high << 8) | 255;
        }
    }

    fn finish(mut self) -> Vec<u8> {
        // The decoder reads 255s past the end, so the top byte of `low`
        // then all ones lies in the range; trailing 255s need not be sent.
        self.out.push((self.low >> 24) as u8);
        while self.out.last() == Some(&255) {
            self.out.pop();
        }
        self.out
    }
}

struct Decoder<'a> {
    low: u32,
    high: u32,
    x: u32,
    input: std::slice::Iter<'a, u8>,
    /// Bytes read past the end of the input.
    past_end: usize,
}

impl Decoder<'_> {
    fn next_byte(&mut self) -> u32 {
        // Past the end, the coder reads 1 bits, as the encoder's flush assumed.
        match self.input.next() {
            Some(&b) => u32::from(b),
            None => {
                self.past_end += 1;
                255
            }
        }
    }

    fn decode(&mut self, p: i32) -> u32 {
        let mid = self.low + ((u64::from(self.high - self.low) * p as u64) >> 12) as u32;
        let bit = u32::from(self.x <= mid);
        if bit == 1 {
            self.high = mid;
        } else {
            self.low = mid + 1;
        }
        while (self.low ^ self.high) & 0xff00_0000 == 0 {
            self.low <<= 8;
            self.high = (self.high << 8) | 255;
            self.x = (self.x << 8) | self.next_byte();
        }
        bit
    }
}

/// Write `n` as a little-endian base-128 varint.
fn push_varint(out: &mut Vec<u8>, mut n: usize) {
    while n >= 128 {
        out.push((n as u8 & 127) | 128);
        n >>= 7;
    }
    out.push(n as u8);
}

fn read_varint(bytes: &[u8]) -> Option<(usize, usize)> {
    let mut n = 0usize;
    for (i, &b) in bytes.iter().enumerate().take(5) {
        n |= usize::from(b & 127) << (7 * i);
        if b < 128 {
            return Some((n, i + 1));
        }
    }
    None
}

/// A coder primed once, for any number of payloads: priming is most of
/// the work, so a long-lived caller (the worker) keeps one.
#[derive(Clone)]
pub struct Packer {
    primed: Model,
}

impl Packer {
    /// A coder whose models have read `priming`.
    pub fn new(priming: &[u8]) -> Self {
        let mut primed = Model::new();
        primed.prime(priming);
        Packer { primed }
    }

    /// `data`, packed.
    pub fn pack(&self, data: &[u8]) -> Vec<u8> {
        let mut model = self.primed.clone();
        let mut header = Vec::new();
        push_varint(&mut header, data.len());
        let mut encoder = Encoder {
            low: 0,
            high: u32::MAX,
            out: header,
        };
        for &byte in data {
            for i in (0..8).rev() {
                let bit = u32::from(byte >> i) & 1;
                encoder.encode(bit, model.p());
                model.update(bit);
            }
        }
        encoder.finish()
    }

    /// What [`Packer::pack`] packed (with the same priming).
    pub fn unpack(&self, packed: &[u8]) -> Result<Vec<u8>, UnpackError> {
        let (length, body) = stated_length(packed)?;
        decode(self.primed.clone(), length, body)
    }

    /// [`Packer::unpack`] for a caller that needs the coder no more: its
    /// primed models are used up instead of copied (36 MiB).
    pub fn into_unpacked(self, packed: &[u8]) -> Result<Vec<u8>, UnpackError> {
        let (length, body) = stated_length(packed)?;
        decode(self.primed, length, body)
    }
}

/// The length packed bytes state, and the coded bytes after it, if they
/// can honestly hold that much.
fn stated_length(packed: &[u8]) -> Result<(usize, &[u8]), UnpackError> {
    let (length, used) = read_varint(packed).ok_or(UnpackError::Damaged)?;
    let body = &packed[used..];
    if length > max_unpacked_for(body.len()) {
        return Err(UnpackError::TooLong);
    }
    Ok((length, body))
}

/// The `length` bytes `body` codes, read by `model` (primed as the
/// packer's was).
fn decode(mut model: Model, length: usize, body: &[u8]) -> Result<Vec<u8>, UnpackError> {
    let mut decoder = Decoder {
        low: 0,
        high: u32::MAX,
        x: 0,
        input: body.iter(),
        past_end: 0,
    };
    for _ in 0..4 {
        decoder.x = (decoder.x << 8) | decoder.next_byte();
    }
    let mut out = Vec::with_capacity(length);
    for _ in 0..length {
        let mut byte = 0u32;
        for _ in 0..8 {
            let bit = decoder.decode(model.p());
            model.update(bit);
            byte = (byte << 1) | bit;
        }
        // A whole stream never reads this far past its end.
        if decoder.past_end > MAX_PAST_END {
            return Err(UnpackError::Damaged);
        }
        out.push(byte as u8);
    }
    Ok(out)
}

/// Mixer weights are chosen by the bits of the byte so far and what kind
/// of byte came before (letter, space, digit, anything else).
fn weight_set(partial: u32, history: u64) -> usize {
    let last = history as u8;
    let kind = if last.is_ascii_alphabetic() || last >= 128 {
        0
    } else if last == b' ' {
        1
    } else if last.is_ascii_digit() {
        2
    } else {
        3
    };
    kind * 256 + (partial as usize & 255)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `data` packed by a coder primed with `priming`.
    fn pack(data: &[u8], priming: &[u8]) -> Vec<u8> {
        Packer::new(priming).pack(data)
    }

    /// What [`pack`] made, unpacked with `priming`.
    fn unpack(packed: &[u8], priming: &[u8]) -> Result<Vec<u8>, UnpackError> {
        Packer::new(priming).unpack(packed)
    }

    #[test]
    fn round_trips_and_shrinks_text() {
        let text = "The council met on Tuesday evening, and after a long debate, it voted to keep \
                    the library open on Sundays. The mayor said the library would stay open."
            .repeat(3);
        let packed = pack(text.as_bytes(), b"");
        assert!(
            packed.len() * 2 < text.len(),
            "{} of {}",
            packed.len(),
            text.len()
        );
        assert_eq!(unpack(&packed, b"").unwrap(), text.as_bytes());
    }

    #[test]
    fn priming_model_by_model_learns_what_side_by_side_did() {
        // Longer than the tail that also trains the mixer, with words,
        // digits, capitals and bytes over 127, as the priming text has.
        let text = "Der Rat tagte am 3. März; the council met, and Ceux-ci ont voté. "
            .repeat(300)
            .into_bytes();
        assert!(text.len() > FULLY_PRIMED_TAIL);
        let mut side_by_side = Model::new();
        let split = text.len() - FULLY_PRIMED_TAIL;
        for &byte in &text[..split] {
            for i in (0..8).rev() {
                side_by_side.find_slots();
                side_by_side.learn(u32::from(byte >> i) & 1);
            }
        }
        side_by_side.predict();
        for &byte in &text[split..] {
            for i in (0..8).rev() {
                side_by_side.update(u32::from(byte >> i) & 1);
            }
        }
        let mut by_model = Model::new();
        by_model.prime(&text);
        assert!(by_model.tables == side_by_side.tables);
        assert_eq!(by_model.weights, side_by_side.weights);
        assert_eq!(by_model.refine.table, side_by_side.refine.table);
        assert_eq!(by_model.prediction, side_by_side.prediction);
        assert_eq!(by_model.contexts, side_by_side.contexts);
    }

    #[test]
    fn priming_must_match() {
        let packed = pack(b"the same words the same words", b"the same");
        assert_eq!(
            unpack(&packed, b"the same").unwrap(),
            b"the same words the same words"
        );
        assert_ne!(
            unpack(&packed, b"other"),
            Ok(b"the same words the same words".to_vec())
        );
    }

    #[test]
    fn edge_inputs_round_trip() {
        let all_bytes: Vec<u8> = (0..=255u8).cycle().take(3000).collect();
        for data in [&b""[..], b"a", &[0u8; 1000], &[255u8; 1000], &all_bytes] {
            assert_eq!(unpack(&pack(data, b"primer"), b"primer").unwrap(), data);
        }
    }

    #[test]
    fn stated_length_is_capped() {
        let mut packed = Vec::new();
        push_varint(&mut packed, MAX_UNPACKED + 1);
        assert_eq!(unpack(&packed, b""), Err(UnpackError::TooLong));
        // A few bytes cannot stand for a megabyte.
        let mut packed = Vec::new();
        push_varint(&mut packed, 1 << 20);
        packed.extend([1, 2, 3]);
        assert_eq!(unpack(&packed, b""), Err(UnpackError::TooLong));
        assert_eq!(unpack(&[], b""), Err(UnpackError::Damaged));
        assert_eq!(unpack(&[0xff; 6], b""), Err(UnpackError::Damaged));
    }

    #[test]
    fn a_cut_stream_is_damaged_not_endless() {
        let text = "A story long enough to pack into many bytes of output. ".repeat(40);
        let packer = Packer::new(b"priming");
        let packed = packer.pack(text.as_bytes());
        let cut = &packed[..packed.len() / 2];
        assert_eq!(packer.unpack(cut), Err(UnpackError::Damaged));
        assert_eq!(packer.unpack(&packed).unwrap(), text.as_bytes());
    }
}
